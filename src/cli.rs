//! The command line: parse flags (`cli_args`, CPython's syntax), build the
//! runtime, run a script, `-c` code, `-m` module, stdin or the REPL
//! (`cli_main` finds which), and turn the outcome into an exit status.

use std::io::IsTerminal;
use std::sync::Arc;

pub use crate::cli_args::Cli;
use crate::cli_args::{help_text, usage_error, version_text};
use crate::cli_main::{Failed, MainProgram};
use crate::object::value::Value;
use crate::runtime::gil::{Gil, GilConfig};
use crate::vm::runtime::Config;
use crate::vm::{PyErr, Runtime, Vm};

/// The name of the OS thread the interpreter's main thread runs on (with a
/// 512 MB stack, so deep native recursion and the parser are safe on it).
pub const MAIN_THREAD_NAME: &str = "gilt-main";

/// The status `run` returns for an uncaught KeyboardInterrupt: the process
/// then kills itself with SIGINT, as CPython does (the shell sees 130).
const KILLED_BY_SIGINT: i32 = -2;

/// The process's arguments; undecodable bytes become U+FFFD (std's `args()` would panic).
fn os_args() -> Vec<String> {
    std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect()
}

/// Entry point; returns the process exit status.
pub fn main() -> i32 {
    let args = os_args();
    let prog = args.first().cloned().unwrap_or_else(|| "gilt".into());
    if args.get(1).map(String::as_str) == Some("compare") {
        return crate::tools::compare::main(&args[2..]);
    }
    let mut cli = match crate::cli_args::parse(&args[1..]) {
        Ok(c) => c,
        Err(msg) => {
            eprint!("{}", usage_error(&prog, &msg));
            return 2;
        }
    };
    if cli.help {
        print!("{}", help_text(&prog));
        return 0;
    }
    if cli.version > 0 {
        // As CPython: -VV adds the build and compiler.
        let text = if cli.version > 1 { crate::cli_args::sys_version() } else { version_text() };
        println!("Python {text}");
        return 0;
    }
    if cli.license {
        // The PSF license asks that its text travel with the library.
        println!(
            "gilt embeds the pure-Python standard library of CPython 3.11 (from {}).\n\
             Its license follows.\n",
            crate::stdlib::cpython_lib::LIB_ROOT
        );
        print!("{}", crate::stdlib::cpython_lib::LICENSE);
        return 0;
    }
    if let Err(msg) = cli.read_env(|k| std::env::var(k).ok()) {
        // `msg` ends with the "Python runtime state" line.
        eprintln!("Fatal Python error: {msg}\n");
        return 1;
    }
    // Before anything hashes a string: every cached str hash depends on it.
    crate::object::strhash::init_secret(cli.hash_seed);
    if cli.script.as_deref() == Some("compare") && !std::path::Path::new("compare").exists() {
        let msg = "gilt: 'compare' must come first, before any option: gilt compare [--switch POLICY]... SCRIPT [ARGS]...\n\
                   (compare runs SCRIPT with the GIL on and with it off itself)";
        eprintln!("{msg}");
        return 2;
    }
    if let Err(msg) = crate::tools::views::check_outputs(&cli) {
        eprintln!("gilt: {msg}");
        return 2;
    }
    if let Some(n) = cli.cpus
        && let Err(e) = crate::tools::os::restrict_cpus(n)
    {
        eprintln!("gilt: --cpus {n}: {e}");
        return 2;
    }
    // Python frames live on the heap, but native re-entry (sort keys,
    // __repr__, generators) still recurses: give the main thread room.
    crate::vm::guard::install_panic_hook();
    let child = std::thread::Builder::new().name(MAIN_THREAD_NAME.into()).stack_size(512 << 20).spawn(move || run(cli));
    // Signals are the Python threads' business while they run (see block_all_signals).
    let mask = crate::runtime::interrupt::block_all_signals();
    let status = match child {
        Ok(h) => h.join().unwrap_or(70),
        Err(_) => 70,
    };
    crate::runtime::interrupt::set_signal_mask(&mask);
    if status == KILLED_BY_SIGINT {
        // The default action of SIGINT ends the process; if it somehow
        // returns, exit as a shell reports a SIGINT death.
        let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGINT);
        return 130;
    }
    status
}

fn gil_config(cli: &Cli) -> GilConfig {
    let enabled = cli.gil_enabled();
    // Finished threads' statistics are kept only when something will show them.
    let keep_finished = cli.stats
        || cli.trace.is_some()
        || cli.timeline
        || cli.live
        || cli.report.is_some()
        || cli.profile
        || cli.profile_out.is_some()
        || cli.trace_child.is_some()
        || std::env::var_os("GILT_STATS_JSON").is_some();
    let mut cfg = GilConfig { enabled, keep_finished, ..GilConfig::default() };
    if let Some(ms) = cli.switch_interval {
        cfg.switch_interval = std::time::Duration::from_secs_f64((ms / 1000.0).max(1e-6));
    }
    if let Some((p, _)) = &cli.switch {
        cfg.policy = *p;
    }
    cfg
}

/// The main program named on the command line (`-m` is found later, on sys.path).
fn main_program(cli: &Cli) -> Result<MainProgram, Failed> {
    let mut program = match (&cli.code, &cli.module, cli.script.as_deref()) {
        (Some(code), _, _) => crate::cli_main::code(code),
        (None, Some(_), _) => MainProgram {
            argv0: "-m".into(),
            path0: std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default(),
            ..Default::default()
        },
        (None, None, Some("-")) => crate::cli_main::stdin("-"),
        (None, None, Some(path)) => crate::cli_main::script(path)?,
        // Like CPython, a program piped in (stdin not a terminal) runs as one script.
        (None, None, None) if !cli.inspect && !std::io::stdin().is_terminal() => crate::cli_main::stdin(""),
        (None, None, None) => MainProgram { filename: "<stdin>".into(), ..Default::default() },
    };
    if cli.skip_first_line
        && let Some(src) = program.source.as_mut()
    {
        // -x: the first line is skipped, line numbers stay those of the file.
        let cut = src.find('\n').unwrap_or(src.len());
        src.replace_range(..cut, "");
    }
    Ok(program)
}

/// The fields of `sys.flags`, as CPython 3.11 names them.
const FLAG_NAMES: &[&str] = &[
    "debug",
    "inspect",
    "interactive",
    "optimize",
    "dont_write_bytecode",
    "no_user_site",
    "no_site",
    "ignore_environment",
    "verbose",
    "bytes_warning",
    "quiet",
    "hash_randomization",
    "isolated",
    "dev_mode",
    "utf8_mode",
    "warn_default_encoding",
    "safe_path",
    "int_max_str_digits",
];

/// sys.path, sys.flags, sys.warnoptions, sys._xoptions and `__debug__`, as the command line asked.
fn setup_sys(vm: &mut Vm, cli: &Cli, program: &MainProgram) {
    let rt = vm.rt.clone();
    rt.builtins.set_item_str("__debug__", Value::Bool(cli.optimize == 0));
    let Some(Value::Module(sys)) = rt.modules.get_item_str("sys") else { return };
    // Before any import (`types` below): `-B` must stop its bytecode being written.
    set_flags(&rt, cli);
    sys.dict.set_item_str("dont_write_bytecode", Value::Bool(cli.dont_write_bytecode));
    // Where importlib and py_compile put `.pyc` files (None: beside the source, in `__pycache__`).
    sys.dict.set_item_str("pycache_prefix", cli.pycache_prefix.as_deref().map(Value::str).unwrap_or(Value::None));
    let strs = |v: &[String]| Value::list(v.iter().map(|s| Value::str(s)).collect());
    sys.dict.set_item_str("warnoptions", strs(&cli.warnoptions));
    sys.dict.set_item_str("orig_argv", strs(&os_args()));
    let xopts = crate::object::dict::Dict::new();
    for x in &cli.xoptions {
        match x.split_once('=') {
            Some((k, v)) => xopts.set_item_str(k, Value::str(v)),
            None => xopts.set_item_str(x, Value::Bool(true)),
        }
    }
    sys.dict.set_item_str("_xoptions", Value::Dict(Arc::new(xopts)));
    let mut path: Vec<Value> = cli.python_path.iter().map(|p| Value::str(p)).collect();
    // The embedded standard library comes after PYTHONPATH, as CPython's does.
    path.push(Value::str(crate::stdlib::cpython_lib::LIB_ROOT));
    sys.dict.set_item_str("path", Value::list(path));
    if !cli.warnoptions.is_empty() {
        // The warnings module reads sys.warnoptions when it is imported; import it now (before
        // `site`, whose .pth files may import it), as CPython does.
        if let Err(e) = vm.import_name("warnings", 0, true) {
            report_uncaught(vm, &e);
        }
    }
    // As in CPython, `site` runs before the script's folder joins sys.path:
    // sys.path is PYTHONPATH and the library, then site.py adds its folders
    // (dropping repeats, its `removeduppaths`; with -S they stay).
    if !cli.no_site {
        crate::cli_site::run(vm);
        // CPython's `site` (with the .pth files of a usual install) has
        // imported `types` before the script runs, so a script's own
        // types.py does not shadow it for the library.
        let _ = vm.import_name("types", 0, true);
    }
    if !cli.safe_path
        && let Some(Value::List(l)) = vm.sys_attr("path")
    {
        l.lock().insert(0, Value::str(&program.path0));
    }
}

/// `sys.flags` from the command line (a worker child sets it too: CPython's
/// `_pyio`, which `inspect` and `dataclasses` import, reads `dev_mode`).
fn set_flags(rt: &Arc<Runtime>, cli: &Cli) {
    let Some(Value::Module(sys)) = rt.modules.get_item_str("sys") else { return };
    let n = |b: bool| Value::Int(b as i64);
    // In the order of FLAG_NAMES.
    let values = vec![
        n(cli.debug),
        n(cli.inspect),
        n(cli.inspect),
        Value::Int(cli.optimize as i64),
        n(cli.dont_write_bytecode),
        n(cli.no_user_site),
        n(cli.no_site),
        n(cli.ignore_env),
        Value::Int(cli.verbose as i64),
        Value::Int(cli.bytes_warning as i64),
        n(cli.quiet),
        n(cli.hash_seed != Some(0)),
        n(cli.isolated),
        Value::Bool(cli.dev_mode),
        n(cli.utf8_mode),
        n(false),
        Value::Bool(cli.safe_path),
        Value::Int(-1),
    ];
    sys.dict.set_item_str("flags", crate::stdlib::sys::struct_seq(rt, "sys", "flags", FLAG_NAMES, values));
}

/// The standard streams' codec from PYTHONIOENCODING and the UTF-8 mode; an
/// unknown encoding is CPython's fatal start-up error (status 1).
fn configure_stdio(vm: &mut Vm, cli: &Cli) -> Result<(), ()> {
    use crate::stdlib::stdio_codec::StdioConfig;
    let cfg = match &cli.io_encoding {
        Some(v) => StdioConfig::from_env_value(v, cli.utf8_mode),
        None => StdioConfig { utf8_mode: cli.utf8_mode, ..StdioConfig::default() },
    };
    let rt = vm.rt.clone();
    if let Err(e) = rt.stdio.configure(vm, &cfg) {
        let what = vm.exception_only(&e.value());
        // SAFETY: pthread_self only names the calling thread.
        let thread = unsafe { libc::pthread_self() } as u64;
        eprintln!(
            "Fatal Python error: init_stdio_encoding: failed to get the Python codec name of the stdio encoding\n\
             Python runtime state: core initialized\n{what}\n\n\
             Current thread 0x{thread:016x} (most recent call first):\n  <no Python frame>"
        );
        return Err(());
    }
    Ok(())
}

fn set_argv(vm: &mut Vm, argv: &[String]) {
    if let Some(Value::Module(sys)) = vm.rt.modules.get_item_str("sys") {
        sys.dict.set_item_str("argv", Value::list(argv.iter().map(|a| Value::str(a)).collect()));
    }
}

fn run(cli: Cli) -> i32 {
    if cli.mp_worker {
        return run_mp_worker(cli);
    }
    let mut program = match main_program(&cli) {
        Ok(p) => p,
        Err(Failed(status)) => return status,
    };
    let mut argv = vec![program.argv0.clone()];
    argv.extend(cli.args.iter().cloned());
    let script_dir = if program.path0.is_empty() { ".".to_string() } else { program.path0.clone() };
    let mut views =
        crate::tools::views::Views::new(cli.trace.clone(), cli.timeline, cli.report.clone(), cli.trace_limit, cli.live);
    let gil = Gil::new(GilConfig { events: views.sink(), ..gil_config(&cli) });
    views.start_live(&gil, &program.filename);
    let _sigint = crate::runtime::interrupt::install_sigint_handler(&gil).ok();
    let repl = program.source.is_none() && cli.module.is_none();
    let config = Config {
        argv,
        script_dir,
        gil_enabled: gil.enabled(),
        stats: cli.stats,
        interactive: repl || cli.inspect,
        mp_child: false,
        worker_argv: worker_argv(&cli),
        profile: None,
        optimize: cli.optimize,
        unbuffered: cli.unbuffered,
        verbose: cli.verbose,
        bytes_warning: cli.bytes_warning,
    };
    let mut config = config;
    config.worker_argv.splice(0..0, views.child_flag());
    let profiler = (cli.profile || cli.profile_out.is_some()).then(crate::runtime::profile::Profiler::new);
    config.profile = profiler.clone();
    let started_pid = std::process::id();
    let rt = Arc::new(Runtime::new(config, gil.clone()));
    crate::stdlib::init(&rt);
    crate::stdlib::sys::create(&rt);
    let mut main_gil = gil.register_main_thread("MainThread");
    main_gil.acquire();
    let mut vm = Vm::new(rt.clone(), Some(main_gil), true);
    setup_sys(&mut vm, &cli, &program);
    // CPython's header under -v (the REPL prints its own banner).
    if cli.verbose > 0 && !cli.quiet && !repl {
        vm.verbose_header(!cli.no_site);
    }
    // After sys.path is set: an encoding's codec may live in the library.
    if configure_stdio(&mut vm, &cli).is_err() {
        return 1;
    }
    let mut status = 0;
    if let Some(m) = &cli.module {
        match crate::cli_main::module(&mut vm, m) {
            Ok(p) => {
                program = p;
                let mut argv = vec![program.argv0.clone()];
                argv.extend(cli.args.iter().cloned());
                set_argv(&mut vm, &argv);
            }
            Err(Failed(s)) => status = s,
        }
    }
    if status == 0
        && let Err(Failed(s)) = crate::cli_main::zip_main(&mut vm, &mut program)
    {
        status = s;
    }
    let filename = program.filename.clone();
    let status = match program.source.take() {
        _ if status != 0 => status,
        Some(src) if cli.dis => match crate::compile_source(&mut vm, &src, &filename) {
            Ok(code) => {
                print!("{}", crate::bytecode::disasm::disassemble(&code));
                0
            }
            Err(e) => report_uncaught(&mut vm, &e),
        },
        Some(src) => {
            let status = run_main_in(&mut vm, &src, &filename, &program, cli.inspect);
            if cli.inspect {
                let globals = match vm.rt.modules.get_item_str("__main__") {
                    Some(Value::Module(m)) => Some(m.dict.clone()),
                    _ => None,
                };
                crate::stdlib::repl::run_with(&mut vm, globals, &crate::stdlib::repl::Options::default())
            } else {
                status
            }
        }
        None => {
            let opts = crate::stdlib::repl::Options {
                banner: !cli.quiet && (cli.inspect || std::io::stdin().is_terminal()),
                startup: cli.startup.clone(),
            };
            crate::stdlib::repl::run_with(&mut vm, None, &opts)
        }
    };
    let status = finish(&mut vm, status);
    if std::process::id() != started_pid {
        // A child made by os.fork(): no thread waits for this one, and the
        // tables and trace files belong to the parent. End the process here.
        use std::io::Write;
        let _ = std::io::stdout().flush();
        std::process::exit(status);
    }
    if let Some(p) = &profiler {
        crate::tools::views::write_profile(p, cli.profile, cli.profile_out.as_deref());
    }
    if let Some(g) = vm.gil.take() {
        g.exit();
    }
    use std::io::Write;
    let _ = std::io::stdout().flush();
    // One table for --stats and the views, so they agree: taken once, when
    // the main thread is done, before any view is drawn.
    let stats_table = gil.stats_table();
    if cli.stats {
        eprint!("{stats_table}");
    }
    views.finish(&gil, &filename, stats_table);
    crate::tools::views::write_stats_json(&gil);
    status
}

/// The arguments a worker child is started with: this process's GIL flags,
/// `--mp-worker`, then the script and its arguments (none for `-c`/stdin).
fn worker_argv(cli: &Cli) -> Vec<String> {
    let mut out = cli.child_flags();
    if let Some(t) = &cli.trace_child {
        out.push(format!("{}={t}", crate::tools::child_trace::FLAG));
    }
    out.push("--mp-worker".into());
    if cli.code.is_none()
        && cli.module.is_none()
        && let Some(s) = cli.script.as_ref().filter(|s| *s != "-" && std::path::Path::new(s).is_file())
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
        optimize: cli.optimize,
        unbuffered: cli.unbuffered,
        verbose: cli.verbose,
        bytes_warning: cli.bytes_warning,
    };
    let rt = Arc::new(Runtime::new(config, gil.clone()));
    crate::stdlib::init(&rt);
    crate::stdlib::sys::create(&rt);
    set_flags(&rt, &cli);
    let mut main_gil = gil.register_main_thread("MainThread");
    main_gil.acquire();
    let mut vm = Vm::new(rt.clone(), Some(main_gil), true);
    let _ = configure_stdio(&mut vm, &cli);
    rt.builtins.set_item_str("__debug__", Value::Bool(cli.optimize == 0));
    let mut ok = true;
    if let Some(path) = &script {
        let src = std::fs::read_to_string(path).unwrap_or_default();
        crate::stdlib::mod_process::set_bootstrapping(&rt, true);
        ok = run_main_source(&mut vm, &src, path) == 0;
        crate::stdlib::mod_process::set_bootstrapping(&rt, false);
    }
    let status = match vm.catch_panics(|vm| {
        let m = vm.import_name("_mp_core", 0, true)?;
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

/// Runs the main script as `__main__`; returns the exit status.
pub fn run_main_source(vm: &mut Vm, src: &str, filename: &str) -> i32 {
    run_main_in(vm, src, filename, &MainProgram::default(), false)
}

/// `__main__`'s `__builtins__`: the `builtins` module itself, as in CPython (every
/// other module gets its dict); the dict if the module cannot be had.
pub fn main_builtins(vm: &mut Vm) -> Value {
    vm.import_name("builtins", 0, true).unwrap_or_else(|_| Value::Dict(vm.rt.builtins.clone()))
}

/// Runs `src` as `__main__` (with `__package__` for `-m pkg.mod`). With
/// `inspect` (`-i`), any uncaught exception, SystemExit too, is printed and
/// the status is 0, since the REPL follows (as in CPython).
fn run_main_in(vm: &mut Vm, src: &str, filename: &str, program: &MainProgram, inspect: bool) -> i32 {
    let package = program.package.as_deref();
    let globals = Arc::new(crate::object::dict::Dict::new());
    globals.set_item_str("__name__", Value::str(if vm.rt.config.mp_child { "__mp_main__" } else { "__main__" }));
    if filename != "<string>" {
        // `-c` code has no `__file__` in CPython; a script and stdin (`<stdin>`) have one.
        globals.set_item_str("__file__", Value::str(filename));
    }
    globals.set_item_str("__builtins__", main_builtins(vm));
    globals.set_item_str("__doc__", Value::None);
    globals.set_item_str("__package__", package.map(Value::str).unwrap_or(Value::None));
    // A script, `-c` or stdin has no module spec (CPython: None, not absent).
    match &program.spec {
        Some((spec, loader)) => {
            globals.set_item_str("__spec__", spec.clone());
            globals.set_item_str("__loader__", loader.clone());
        }
        None => globals.set_item_str("__spec__", Value::None),
    }
    let module = Value::Module(Arc::new(crate::object::module::Module::new(Arc::from("__main__"), globals.clone())));
    vm.rt.modules.set_item_str("__main__", module);
    // A Rust panic anywhere in the run ends as a Python SystemError.
    let result = vm.catch_panics(|vm| {
        let code = crate::compile_source(vm, src, filename);
        if filename.starts_with('<') {
            // CPython 3.11 shows no source lines for `-c` and stdin programs.
            vm.rt.sources.remove(filename);
        }
        let code = code?;
        if !filename.starts_with('<') && program.spec.is_none() {
            // A script run by path: `__cached__` None and a SourceFileLoader as `__loader__`
            // (made only when the script reads it: it needs importlib).
            globals.set_item_str("__cached__", Value::None);
            if crate::vm::import::code_reads_any(&code, &["__loader__"]) {
                vm.main_loader(filename, &globals);
            }
        }
        vm.run_code(code, globals)
    });
    match result {
        Ok(_) => 0,
        Err(e) if inspect => {
            use std::io::Write;
            let _ = std::io::stdout().flush();
            let text = if vm.is_exc(&e, "SyntaxError") { format_syntax_error(vm, &e) } else { vm.format_exception(&e) };
            eprint!("{text}");
            0
        }
        Err(e) => report_uncaught(vm, &e),
    }
}

/// At exit: join non-daemon threads, atexit, finalizers, flush files (vm/shutdown.rs).
fn finish(vm: &mut Vm, status: i32) -> i32 {
    vm.shutdown(status)
}

/// Prints an uncaught exception the way CPython does and picks the exit status.
pub fn report_uncaught(vm: &mut Vm, e: &PyErr) -> i32 {
    if vm.is_exc(e, "SystemExit") {
        // CPython reads `code`: None without arguments, the argument, or the
        // whole args tuple when there are several (printed, status 1).
        let value = e.value();
        let code = match vm.get_attr_str(&value, "code") {
            Ok(Some(c)) => Some(c),
            _ => vm.exc_args(e).first().cloned(),
        };
        return match code.as_ref() {
            None | Some(Value::None) => 0,
            Some(Value::Int(i)) => *i as i32,
            Some(Value::Boolean(b)) => b.get() as i32,
            Some(other) => {
                let s = vm.str_of(other).unwrap_or_default();
                crate::stdlib::stdio_codec::eprint_text(vm, &format!("{s}\n"));
                1
            }
        };
    }
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let no_tb = e.exc.exc().is_none_or(|st| st.lock().traceback.is_empty());
    if vm.is_exc(e, "SyntaxError") && no_tb {
        let text = format_syntax_error(vm, e);
        crate::stdlib::stdio_codec::eprint_text(vm, &text);
        return 1;
    }
    if let Some(hook) = crate::stdlib::sys_hooks::replaced_excepthook(vm) {
        // A script's own sys.excepthook prints it, as in CPython.
        let value = e.value();
        let class = Value::Class(e.exc.class.clone());
        let tb = vm.get_attr_str(&value, "__traceback__").ok().flatten().unwrap_or(Value::None);
        if let Err(hook_err) = vm.call(&hook, vec![class, value, tb]) {
            eprint!("Error in sys.excepthook:\n{}\nOriginal exception was:\n", vm.format_exception(&hook_err));
            eprint!("{}", vm.format_exception(e));
        }
    } else {
        // In stderr's encoding (PYTHONIOENCODING), escaping what it cannot hold.
        let text = vm.format_exception(e);
        crate::stdlib::stdio_codec::eprint_text(vm, &text);
    }
    if vm.is_exc(e, "KeyboardInterrupt") { KILLED_BY_SIGINT } else { 1 }
}

/// `  File "x.py", line N` / source line / carets / `SyntaxError: msg`.
pub fn format_syntax_error(vm: &mut Vm, e: &PyErr) -> String {
    match vm.format_syntax_error_value(&e.exc) {
        Some(text) => text,
        None => vm.format_exception(e),
    }
}
