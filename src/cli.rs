//! The command line: parse flags (clap), build the runtime, run a script,
//! `-c` code, stdin or the REPL, and turn the outcome into an exit status.

use std::sync::Arc;

use clap::Parser;

use crate::object::value::Value;
use crate::runtime::gil::{Gil, GilConfig, SwitchPolicy};
use crate::vm::runtime::Config;
use crate::vm::{PyErr, Runtime, Vm};

/// gilt — a Python interpreter with a real, switchable GIL.
#[derive(Parser, Debug)]
#[command(name = "gilt", version, about, override_usage = "gilt [OPTIONS] [SCRIPT | -c CODE | -] [ARGS]...")]
pub struct Cli {
    /// Run CODE instead of a script file.
    #[arg(short = 'c', value_name = "CODE")]
    pub code: Option<String>,
    /// Print the bytecode of the script instead of running it.
    #[arg(long)]
    pub dis: bool,
    /// Turn the global interpreter lock on or off (default on; env GILT_GIL=1|0).
    #[arg(long, value_name = "on|off", value_parser = ["on", "off"])]
    pub gil: Option<String>,
    /// Switch interval in milliseconds (default 5).
    #[arg(long = "switch-interval", value_name = "MS")]
    pub switch_interval: Option<f64>,
    /// Switch policy: interval, ticks=N (Python 2's old GIL) or instr=N.
    #[arg(long = "switch", value_name = "POLICY")]
    pub switch: Option<SwitchPolicy>,
    /// Print per-thread GIL statistics to stderr at exit.
    #[arg(long)]
    pub stats: bool,
    /// Write a Chrome/Perfetto trace of every GIL state change to FILE.json.
    #[arg(long, value_name = "FILE.json")]
    pub trace: Option<String>,
    /// At exit, draw who held the GIL when, one row per thread (stderr).
    #[arg(long)]
    pub timeline: bool,
    /// Write a self-contained HTML report (SVG timeline + stats) to FILE.html.
    #[arg(long, value_name = "FILE.html")]
    pub report: Option<String>,
    /// At exit, print a profile of Python functions with GIL wait and blocked time (stderr).
    #[arg(long)]
    pub profile: bool,
    /// Write the profile as CSV to FILE.csv (implies profiling).
    #[arg(long = "profile-out", value_name = "FILE.csv")]
    pub profile_out: Option<String>,
    /// Restrict gilt and its child processes to N CPUs.
    #[arg(long, value_name = "N")]
    pub cpus: Option<usize>,
    /// Internal: run as a multiprocessing worker child (see runtime/process.rs).
    #[arg(long = "mp-worker", hide = true)]
    pub mp_worker: bool,
    /// Internal: record this child's events into the parent's trace (tools/child_trace.rs).
    #[arg(long = "trace-child", hide = true, value_name = "DIR@NANOS")]
    pub trace_child: Option<String>,
    /// The script to run ("-" reads it from stdin), then its arguments.
    #[arg(value_name = "SCRIPT")]
    pub script: Option<String>,
    #[arg(value_name = "ARGS", trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
}

/// The name of the OS thread the interpreter's main thread runs on (with a
/// 512 MB stack, so deep native recursion and the parser are safe on it).
pub const MAIN_THREAD_NAME: &str = "gilt-main";

/// Entry point; returns the process exit status.
pub fn main() -> i32 {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("compare") {
        return crate::tools::compare::main(&args[2..]);
    }
    let cli = Cli::parse();
    if let Some(n) = cli.cpus
        && let Err(e) = crate::tools::os::restrict_cpus(n)
    {
        eprintln!("gilt: --cpus {n}: {e}");
        return 2;
    }
    // Python frames live on the heap, but native re-entry (sort keys,
    // __repr__, generators) still recurses: give the main thread room.
    let child = std::thread::Builder::new().name(MAIN_THREAD_NAME.into()).stack_size(512 << 20).spawn(move || run(cli));
    match child {
        Ok(h) => h.join().unwrap_or(70),
        Err(_) => 70,
    }
}

fn gil_config(cli: &Cli) -> GilConfig {
    let enabled = match cli.gil.as_deref() {
        Some("off") => false,
        Some(_) => true,
        None => !matches!(std::env::var("GILT_GIL").as_deref(), Ok("0") | Ok("off")),
    };
    let mut cfg = GilConfig { enabled, ..GilConfig::default() };
    if let Some(ms) = cli.switch_interval {
        cfg.switch_interval = std::time::Duration::from_secs_f64((ms / 1000.0).max(1e-6));
    }
    if let Some(p) = cli.switch {
        cfg.policy = p;
    }
    cfg
}

fn run(cli: Cli) -> i32 {
    if cli.mp_worker {
        return run_mp_worker(cli);
    }
    let (source, filename, argv0) = match (&cli.code, &cli.script) {
        (Some(code), _) => {
            let mut argv = vec!["-c".to_string()];
            if let Some(s) = &cli.script {
                argv.push(s.clone());
            }
            argv.extend(cli.args.iter().cloned());
            (Some(code.clone()), "<string>".to_string(), argv)
        }
        (None, Some(s)) if s == "-" => {
            let mut text = String::new();
            let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut text);
            let mut argv = vec!["-".to_string()];
            argv.extend(cli.args.iter().cloned());
            (Some(text), "<stdin>".to_string(), argv)
        }
        (None, Some(path)) => match std::fs::read(path) {
            Ok(bytes) => {
                let abs = std::path::absolute(path).map(|p| p.display().to_string()).unwrap_or(path.clone());
                // PEP 263: a BOM or a coding cookie chooses the decoding.
                let text = match crate::lex::source::decode_source(&bytes, &abs) {
                    Ok(t) => t,
                    Err(e) => {
                        eprintln!("SyntaxError: {}", e.0);
                        return 1;
                    }
                };
                let mut argv = vec![path.clone()];
                argv.extend(cli.args.iter().cloned());
                // Like CPython 3.9+, __main__'s __file__ (and tracebacks) use the absolute path.
                (Some(text), abs, argv)
            }
            Err(e) => {
                let abs = std::path::absolute(path).map(|p| p.display().to_string()).unwrap_or(path.clone());
                eprintln!("gilt: can't open file '{abs}': [Errno {}] {}", e.raw_os_error().unwrap_or(2), os_msg(&e));
                return 2;
            }
        },
        (None, None) => (None, "<stdin>".to_string(), vec![String::new()]),
    };
    let script_dir = match (&cli.code, &cli.script) {
        (None, Some(p)) if p != "-" => std::path::Path::new(p)
            .parent()
            .map(|d| if d.as_os_str().is_empty() { ".".to_string() } else { d.display().to_string() })
            .unwrap_or_else(|| ".".into()),
        _ => ".".to_string(),
    };
    let views = crate::tools::views::Views::new(cli.trace.clone(), cli.timeline, cli.report.clone());
    let gil = Gil::new(GilConfig { events: views.sink(), ..gil_config(&cli) });
    let _sigint = crate::runtime::interrupt::install_sigint_handler(&gil).ok();
    let config = Config {
        argv: argv0,
        script_dir,
        gil_enabled: gil.enabled(),
        stats: cli.stats,
        interactive: source.is_none(),
        mp_child: false,
        worker_argv: worker_argv(&cli),
        profile: None,
    };
    let mut config = config;
    config.worker_argv.splice(0..0, views.child_flag());
    let profiler = (cli.profile || cli.profile_out.is_some()).then(crate::runtime::profile::Profiler::new);
    config.profile = profiler.clone();
    let rt = Arc::new(Runtime::new(config, gil.clone()));
    crate::stdlib::init(&rt);
    crate::stdlib::sys::create(&rt);
    let mut main_gil = gil.register_main_thread("MainThread");
    main_gil.acquire();
    let mut vm = Vm::new(rt.clone(), Some(main_gil), true);
    let status = match source {
        Some(src) if cli.dis => match crate::compile_source(&mut vm, &src, &filename) {
            Ok(code) => {
                print!("{}", crate::bytecode::disasm::disassemble(&code));
                0
            }
            Err(e) => report_uncaught(&mut vm, &e),
        },
        Some(src) => run_main_source(&mut vm, &src, &filename),
        None => crate::stdlib::repl::run(&mut vm),
    };
    let status = finish(&mut vm, status);
    if cli.stats {
        eprint!("{}", gil.stats_table());
    }
    if let Some(p) = &profiler {
        crate::tools::views::write_profile(p, cli.profile, cli.profile_out.as_deref());
    }
    if let Some(g) = vm.gil.take() {
        g.exit();
    }
    use std::io::Write;
    let _ = std::io::stdout().flush();
    views.finish(&gil, &filename);
    crate::tools::views::write_stats_json(&gil);
    status
}

/// The arguments a worker child is started with: this process's GIL flags,
/// `--mp-worker`, then the script and its arguments (none for `-c`/stdin).
fn worker_argv(cli: &Cli) -> Vec<String> {
    let mut out = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        if a == "--" || !a.starts_with("--") || a == "--mp-worker" {
            if !a.starts_with('-') {
                break;
            }
            continue;
        }
        let (flag, inline) =
            a.split_once('=').map(|(f, v)| (f.to_string(), Some(v.to_string()))).unwrap_or((a.clone(), None));
        if ["--gil", "--switch", "--switch-interval", crate::tools::child_trace::FLAG].contains(&flag.as_str()) {
            let v = inline.or_else(|| it.next()).unwrap_or_default();
            out.push(format!("{flag}={v}"));
        }
    }
    out.push("--mp-worker".into());
    if cli.code.is_none()
        && let Some(s) = cli.script.as_ref().filter(|s| *s != "-")
    {
        out.push(s.clone());
        out.extend(cli.args.iter().cloned());
    }
    out
}

/// A worker child: run the parent's script as `__mp_main__` (its guarded
/// part is skipped), then serve jobs over fd 3 (`_mp_core._worker_main`).
fn run_mp_worker(cli: Cli) -> i32 {
    let recording = crate::tools::child_trace::ChildRecording::start(cli.trace_child.as_deref());
    let gil = Gil::new(GilConfig { events: recording.as_ref().map(|r| r.sink()), ..gil_config(&cli) });
    let _sigint = crate::runtime::interrupt::install_sigint_handler(&gil).ok();
    let script = cli.script.clone();
    let script_name = script.clone().unwrap_or_else(|| "-c".into());
    if let Some(r) = &recording {
        r.catch_termination(&gil, &script_name);
    }
    let mut argv: Vec<String> = script.iter().cloned().collect();
    argv.extend(cli.args.iter().cloned());
    let script_dir = script
        .as_deref()
        .and_then(|p| std::path::Path::new(p).parent())
        .map(|d| if d.as_os_str().is_empty() { ".".to_string() } else { d.display().to_string() })
        .unwrap_or_else(|| ".".into());
    let config = Config {
        argv,
        script_dir,
        gil_enabled: gil.enabled(),
        stats: false,
        interactive: false,
        mp_child: true,
        worker_argv: worker_argv(&cli),
        profile: None,
    };
    let rt = Arc::new(Runtime::new(config, gil.clone()));
    crate::stdlib::init(&rt);
    crate::stdlib::sys::create(&rt);
    let mut main_gil = gil.register_main_thread("MainThread");
    main_gil.acquire();
    let mut vm = Vm::new(rt.clone(), Some(main_gil), true);
    let mut ok = true;
    if let Some(path) = &script {
        let src = std::fs::read_to_string(path).unwrap_or_default();
        crate::stdlib::mod_process::set_bootstrapping(&rt, true);
        ok = run_main_source(&mut vm, &src, path) == 0;
        crate::stdlib::mod_process::set_bootstrapping(&rt, false);
    }
    let status = match vm.import_name("_mp_core", 0, true).and_then(|m| {
        let f = vm.get_attr_str(&m, "_worker_main")?.unwrap_or(Value::None);
        vm.call(&f, vec![Value::Bool(ok)])
    }) {
        Ok(Value::Int(code)) => code as i32,
        Ok(_) => 0,
        Err(e) => report_uncaught(&mut vm, &e),
    };
    let status = finish(&mut vm, status);
    if let Some(g) = vm.gil.take() {
        g.exit();
    }
    use std::io::Write;
    let _ = std::io::stdout().flush();
    if let Some(r) = &recording {
        r.finish(&gil, &script_name);
    }
    status
}

fn os_msg(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}

/// Runs the main script as `__main__`; returns the exit status.
pub fn run_main_source(vm: &mut Vm, src: &str, filename: &str) -> i32 {
    let globals = Arc::new(crate::object::dict::Dict::new());
    globals.set_item_str("__name__", Value::str(if vm.rt.config.mp_child { "__mp_main__" } else { "__main__" }));
    globals.set_item_str("__file__", Value::str(filename));
    globals.set_item_str("__builtins__", Value::Dict(vm.rt.builtins.clone()));
    globals.set_item_str("__doc__", Value::None);
    globals.set_item_str("__package__", Value::None);
    let module =
        Value::Module(Arc::new(crate::object::module::Module { name: Arc::from("__main__"), dict: globals.clone() }));
    vm.rt.modules.set_item_str("__main__", module);
    let code = match crate::compile_source(vm, src, filename) {
        Ok(c) => c,
        Err(e) => return report_uncaught(vm, &e),
    };
    match vm.run_code(code, globals) {
        Ok(_) => 0,
        Err(e) => report_uncaught(vm, &e),
    }
}

/// At exit: join non-daemon threads (threading._shutdown) and flush.
fn finish(vm: &mut Vm, status: i32) -> i32 {
    if let Some(Value::Module(m)) = vm.rt.modules.get_item_str("threading")
        && let Some(f) = m.dict.get_item_str("_shutdown")
        && let Err(e) = vm.call(&f, vec![])
    {
        return report_uncaught(vm, &e);
    }
    status
}

/// Prints an uncaught exception the way CPython does and picks the exit status.
pub fn report_uncaught(vm: &mut Vm, e: &PyErr) -> i32 {
    if vm.is_exc(e, "SystemExit") {
        let args = vm.exc_args(e);
        return match args.first() {
            None | Some(Value::None) => 0,
            Some(Value::Int(i)) => *i as i32,
            Some(Value::Boolean(b)) => b.get() as i32,
            Some(other) => {
                let s = vm.str_of(other).unwrap_or_default();
                eprintln!("{s}");
                1
            }
        };
    }
    use std::io::Write;
    let _ = std::io::stdout().flush();
    if vm.is_exc(e, "SyntaxError") {
        eprint!("{}", format_syntax_error(vm, e));
        return 1;
    }
    let text = vm.format_exception(e);
    eprint!("{text}");
    1
}

/// `  File "x.py", line N` / source line / caret / `SyntaxError: msg`.
pub fn format_syntax_error(vm: &mut Vm, e: &PyErr) -> String {
    let d = &e.exc.dict;
    let get = |k: &str| d.get_item_str(k);
    let filename = match get("filename") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => "<unknown>".into(),
    };
    let line = match get("lineno") {
        Some(Value::Int(i)) => i,
        _ => 0,
    };
    let offset = match get("offset") {
        Some(Value::Int(i)) => i,
        _ => 0,
    };
    let text = match get("text") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => String::new(),
    };
    let mut out = format!("  File \"{filename}\", line {line}\n");
    if !text.trim().is_empty() {
        let stripped = text.trim_start();
        let removed = text.chars().count() - stripped.chars().count();
        let stripped = stripped.trim_end();
        out.push_str(&format!("    {stripped}\n"));
        if offset > 0 {
            let col = (offset as usize).saturating_sub(1).saturating_sub(removed);
            let col = col.min(stripped.chars().count());
            out.push_str(&format!("    {}^\n", " ".repeat(col)));
        }
    }
    out.push_str(&vm.exception_only(&e.value()));
    out.push('\n');
    out
}
