//! The command line as CPython 3.11 reads it, parsed with clap: short
//! options (combinable, `-uq`, `-OO`, `-Wd`), `-c CODE` / `-m MOD` /
//! `SCRIPT` / `-` ending the options (everything after them belongs to the
//! script's `sys.argv`: `-c`/`-m` take all the words after them, the
//! program is a trailing positional), and gilt's own long flags (`--gil`,
//! `--stats`, `--trace F`, …), which count only before the program. clap's
//! errors become CPython's messages. Then the `PYTHON*` environment
//! variables, unless `-E` or `-I`.

use std::error::Error as _;

use clap::error::{ContextKind, ErrorKind};
use clap::{ArgAction, Command, CommandFactory, FromArgMatches, Parser};

use crate::runtime::policy::SwitchPolicy;

/// The Python version gilt implements, as `sys.version_info` spells it.
pub const PY_VERSION: &str = "3.11.7";

/// What `gilt -V` prints after `Python `.
pub fn version_text() -> String {
    format!("{PY_VERSION} (gilt {})", env!("CARGO_PKG_VERSION"))
}

/// `sys.version` (and what `-VV` prints after `Python `): the version,
/// the build in parentheses and the compiler in brackets, the shape
/// CPython's `platform` module parses.
pub fn sys_version() -> String {
    format!("{} [Rust]", version_text())
}

/// Everything the command line and the environment asked for.
#[derive(Debug, Default, Clone)]
pub struct Cli {
    /// `-c CODE`.
    pub code: Option<String>,
    /// `-m MOD`.
    pub module: Option<String>,
    /// The script file or directory, or `-` for stdin.
    pub script: Option<String>,
    /// The words after the script / `-c CODE` / `-m MOD`: the script's `sys.argv[1:]`.
    pub args: Vec<String>,
    /// `-i` (or PYTHONINSPECT): the REPL after the script.
    pub inspect: bool,
    /// `-q`: no banner in the REPL.
    pub quiet: bool,
    /// `-O` count (or PYTHONOPTIMIZE): 1 drops asserts and makes `__debug__` False.
    pub optimize: u8,
    /// `-u` (or PYTHONUNBUFFERED).
    pub unbuffered: bool,
    /// `-E`: ignore PYTHON* variables.
    pub ignore_env: bool,
    /// `-I`: isolated (implies `-E`, `-P`, `-s`).
    pub isolated: bool,
    /// `-s` (or PYTHONNOUSERSITE).
    pub no_user_site: bool,
    /// `-S`.
    pub no_site: bool,
    /// `-B` (or PYTHONDONTWRITEBYTECODE); gilt never writes bytecode files.
    pub dont_write_bytecode: bool,
    /// `-P` (or PYTHONSAFEPATH): no script directory / cwd in front of sys.path.
    pub safe_path: bool,
    /// `-x`: skip the script's first line.
    pub skip_first_line: bool,
    /// `-v` count (or PYTHONVERBOSE); accepted.
    pub verbose: u8,
    /// `-b` count; accepted.
    pub bytes_warning: u8,
    /// `-d`; accepted.
    pub debug: bool,
    /// `-W` options, after PYTHONWARNINGS's entries: `sys.warnoptions`.
    pub warnoptions: Vec<String>,
    /// `-X` options: `sys._xoptions`.
    pub xoptions: Vec<String>,
    /// `-h`, `-?`, `--help`.
    pub help: bool,
    /// `-V`, `--version` count.
    pub version: u8,
    /// PYTHONPATH entries (after the script's directory in sys.path).
    pub python_path: Vec<String>,
    /// PYTHONSTARTUP: run before the first prompt of an interactive session.
    pub startup: Option<String>,
    /// PYTHONHASHSEED as a number (`sys.flags.hash_randomization` is 0 for 0).
    pub hash_seed: Option<u32>,
    /// `-X dev` or PYTHONDEVMODE: `sys.flags.dev_mode`.
    pub dev_mode: bool,
    /// `-X utf8[=0|1]`, PYTHONUTF8, else on under the C locale: `sys.flags.utf8_mode`.
    pub utf8_mode: bool,
    /// PYTHONIOENCODING (`ENC:ERRORS`): the standard streams' codec.
    pub io_encoding: Option<String>,
    /// `-X pycache_prefix=DIR` or PYTHONPYCACHEPREFIX: `sys.pycache_prefix`.
    pub pycache_prefix: Option<String>,
    /// `--dis`: print bytecode instead of running.
    pub dis: bool,
    /// `--license`: print the licenses of gilt and of CPython's embedded library.
    pub license: bool,
    /// The GIL: `--gil on|off`, `-X gil=1|0`, then PYTHON_GIL, then GILT_GIL; `None` = on.
    pub gil: Option<bool>,
    /// `--switch-interval MS`.
    pub switch_interval: Option<f64>,
    /// `--switch POLICY`, parsed and as written (for worker children).
    pub switch: Option<(SwitchPolicy, String)>,
    /// `--stats`.
    pub stats: bool,
    /// `--trace FILE.json`.
    pub trace: Option<String>,
    /// `--trace-limit N`: most events a recording keeps (0 = no limit).
    pub trace_limit: Option<usize>,
    /// `--timeline`.
    pub timeline: bool,
    /// `--live`: the timeline drawn in the terminal while the script runs.
    pub live: bool,
    /// `--report FILE.html`.
    pub report: Option<String>,
    /// `--profile`.
    pub profile: bool,
    /// `--profile-out FILE.csv`.
    pub profile_out: Option<String>,
    /// `--cpus N`.
    pub cpus: Option<usize>,
    /// Internal: run as a multiprocessing worker child.
    pub mp_worker: bool,
    /// Internal: record this child's events into the parent's trace.
    pub trace_child: Option<String>,
}

/// The options as clap sees them; `parse` turns them into a `Cli`.
#[derive(Parser, Debug)]
#[command(name = "gilt", disable_help_flag = true, disable_version_flag = true, args_override_self = true)]
struct Args {
    /// `-c CODE ARGS…`: the code, then the program's `sys.argv[1:]`.
    #[arg(short = 'c', num_args = 1.., allow_hyphen_values = true)]
    code: Option<Vec<String>>,
    /// `-m MOD ARGS…`.
    #[arg(short = 'm', num_args = 1.., allow_hyphen_values = true)]
    module: Option<Vec<String>>,
    /// `SCRIPT ARGS…` or `- ARGS…`: the first positional word ends the options.
    #[arg(num_args = 1.., trailing_var_arg = true)]
    program: Vec<String>,
    #[arg(short = 'W', action = ArgAction::Append, allow_hyphen_values = true)]
    warnoptions: Vec<String>,
    #[arg(short = 'X', action = ArgAction::Append, allow_hyphen_values = true, value_parser = x_option)]
    xoptions: Vec<String>,
    #[arg(short = 'b', action = ArgAction::Count)]
    bytes_warning: u8,
    #[arg(short = 'B')]
    dont_write_bytecode: bool,
    #[arg(short = 'd')]
    debug: bool,
    #[arg(short = 'E')]
    ignore_env: bool,
    #[arg(short = 'h', long = "help", visible_short_alias = '?')]
    help: bool,
    #[arg(short = 'i')]
    inspect: bool,
    #[arg(short = 'I')]
    isolated: bool,
    #[arg(short = 'O', action = ArgAction::Count)]
    optimize: u8,
    #[arg(short = 'P')]
    safe_path: bool,
    #[arg(short = 'q')]
    quiet: bool,
    #[arg(short = 's')]
    no_user_site: bool,
    #[arg(short = 'S')]
    no_site: bool,
    #[arg(short = 'u')]
    unbuffered: bool,
    #[arg(short = 'v', action = ArgAction::Count)]
    verbose: u8,
    #[arg(short = 'V', long = "version", action = ArgAction::Count)]
    version: u8,
    #[arg(short = 'x')]
    skip_first_line: bool,
    /// `-R`, `-t`: accepted, nothing to do.
    #[arg(short = 'R', visible_short_alias = 't', action = ArgAction::Count)]
    accepted: u8,
    #[arg(long, allow_hyphen_values = true, value_parser = |v: &str| match v {
        "on" => Ok(true),
        "off" => Ok(false),
        _ => Err(format!("--gil must be on or off, not '{v}'")),
    })]
    gil: Option<bool>,
    #[arg(long, allow_hyphen_values = true, value_parser = |v: &str| {
        v.parse::<f64>().ok().filter(|x| *x > 0.0 && std::time::Duration::try_from_secs_f64(x / 1000.0).is_ok()).ok_or_else(|| needs("--switch-interval", "a positive number of ms", v))
    })]
    switch_interval: Option<f64>,
    #[arg(long, allow_hyphen_values = true, value_parser = |v: &str| {
        v.parse::<SwitchPolicy>().map(|p| (p, v.to_string())).map_err(|e| format!("--switch {v}: {e}"))
    })]
    switch: Option<(SwitchPolicy, String)>,
    #[arg(long)]
    stats: bool,
    #[arg(long, allow_hyphen_values = true)]
    trace: Option<String>,
    #[arg(long, allow_hyphen_values = true, value_parser = |v: &str| {
        v.parse::<usize>().map_err(|_| needs("--trace-limit", "a number of events", v))
    })]
    trace_limit: Option<usize>,
    #[arg(long)]
    timeline: bool,
    #[arg(long)]
    live: bool,
    #[arg(long, allow_hyphen_values = true)]
    report: Option<String>,
    #[arg(long)]
    profile: bool,
    #[arg(long, allow_hyphen_values = true)]
    profile_out: Option<String>,
    #[arg(long, allow_hyphen_values = true, value_parser = |v: &str| {
        v.parse::<usize>().map_err(|_| needs("--cpus", "a number of CPUs", v))
    })]
    cpus: Option<usize>,
    #[arg(long)]
    dis: bool,
    #[arg(long)]
    license: bool,
    #[arg(long, hide = true)]
    mp_worker: bool,
    #[arg(long, hide = true, allow_hyphen_values = true)]
    trace_child: Option<String>,
}

fn needs(flag: &str, what: &str, v: &str) -> String {
    format!("{flag} needs {what}, not '{v}'")
}

/// The usage line of every usage error and of `-h`.
pub fn usage_line(prog: &str) -> String {
    format!("usage: {prog} [option] ... [-c cmd | -m mod | file | -] [arg] ...")
}

/// A usage error's full text: the message, the usage line and the hint (exit status 2).
pub fn usage_error(prog: &str, msg: &str) -> String {
    // CPython names `python` here whatever its own name (Modules/main.c's fixed text).
    format!("{msg}\n{}\nTry `python -h' for more information.\n", usage_line(prog))
}

/// Parses `args` (without the program name). `Err` is a usage error's message.
pub fn parse(args: &[String]) -> Result<Cli, String> {
    let mut cmd = Args::command();
    let words = split_attached_values(&cmd, args);
    let m = cmd.try_get_matches_from_mut(std::iter::once("gilt").chain(words.iter().map(String::as_str)));
    let m = m.map_err(|e| message(&e, args))?;
    let a = Args::from_arg_matches(&m).map_err(|e| message(&e, args))?;
    // `--gil` and `-X gil=…`: the last one written wins.
    let flag_gil = m.index_of("gil").zip(a.gil);
    let indices = m.indices_of("xoptions").into_iter().flatten();
    let x_gil = indices.zip(&a.xoptions).filter_map(|(i, x)| Some((i, x_gil(x)?.ok()?))).last();
    let mut cli = Cli {
        inspect: a.inspect,
        quiet: a.quiet,
        optimize: a.optimize,
        unbuffered: a.unbuffered,
        ignore_env: a.ignore_env || a.isolated,
        isolated: a.isolated,
        no_user_site: a.no_user_site || a.isolated,
        no_site: a.no_site,
        dont_write_bytecode: a.dont_write_bytecode,
        safe_path: a.safe_path || a.isolated,
        skip_first_line: a.skip_first_line,
        verbose: a.verbose,
        bytes_warning: a.bytes_warning,
        debug: a.debug,
        warnoptions: a.warnoptions,
        xoptions: a.xoptions,
        help: a.help,
        version: a.version,
        dis: a.dis,
        license: a.license,
        gil: [flag_gil, x_gil].into_iter().flatten().max_by_key(|(i, _)| *i).map(|(_, on)| on),
        switch_interval: a.switch_interval,
        switch: a.switch,
        stats: a.stats,
        trace: a.trace,
        trace_limit: a.trace_limit,
        timeline: a.timeline,
        live: a.live,
        report: a.report,
        profile: a.profile,
        profile_out: a.profile_out,
        cpus: a.cpus,
        mp_worker: a.mp_worker,
        trace_child: a.trace_child,
        ..Cli::default()
    };
    let (words, slot) = match (a.code, a.module) {
        (Some(w), _) => (w, &mut cli.code),
        (_, Some(w)) => (w, &mut cli.module),
        _ => (a.program, &mut cli.script),
    };
    let mut words = words.into_iter();
    *slot = words.next();
    cli.args = words.collect();
    Ok(cli)
}

/// The one corner clap cannot express: a short option's attached value.
/// clap ends an option's values there ("Attached are always done" in
/// clap_builder's parser), so the words after `-cCODE` would be read as
/// gilt's options rather than go to `sys.argv`, and it drops a leading `=`
/// (`-W=x`), which CPython keeps. So `-qcCODE` becomes `-qc` `CODE` first,
/// walking the options as clap will (up to the program, skipping values).
fn split_attached_values(cmd: &Command, args: &[String]) -> Vec<String> {
    let mut out = args.to_vec();
    let takes_value = |c: char| {
        let mut args = cmd.get_arguments();
        args.find(|a| a.get_short() == Some(c) || a.get_all_short_aliases().is_some_and(|s| s.contains(&c)))
            .map(|a| a.get_action().takes_values())
    };
    let mut i = 0;
    while let Some(a) = out.get(i).cloned() {
        i += 1;
        if a == "--" || a == "-" || !a.starts_with('-') {
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            if cmd.get_arguments().any(|x| x.get_long() == Some(long) && x.get_action().takes_values()) {
                i += 1;
            }
            continue;
        }
        for (k, c) in a.char_indices().skip(1) {
            match takes_value(c) {
                None => return out, // unknown: clap reports it
                Some(false) => continue,
                Some(true) => {}
            }
            let end = k + c.len_utf8();
            if end < a.len() {
                out[i - 1].truncate(end);
                out.insert(i, a[end..].to_string());
            }
            i += 1;
            if matches!(c, 'c' | 'm') {
                return out;
            }
            break;
        }
    }
    out
}

/// A clap error as CPython's usage error message. (With several errors on
/// one line, clap reports unknown options and missing values before bad values.)
fn message(e: &clap::Error, args: &[String]) -> String {
    let context = |kind| e.get(kind).map(|v| v.to_string()).unwrap_or_default();
    let arg = context(ContextKind::InvalidArg);
    match e.kind() {
        ErrorKind::UnknownArgument if arg == "-J" => "-J is reserved for Jython".into(),
        ErrorKind::UnknownArgument if !arg.starts_with("--") => format!("Unknown option: {arg}"),
        ErrorKind::UnknownArgument => {
            // As written, with any `=value`.
            let written =
                args.iter().find(|a| a.strip_prefix(&arg).is_some_and(|r| r.is_empty() || r.starts_with('=')));
            format!("unknown option {}", written.unwrap_or(&arg))
        }
        ErrorKind::TooManyValues => format!("unknown option {arg}={}", context(ContextKind::InvalidValue)),
        ErrorKind::InvalidValue => {
            format!("Argument expected for the {} option", arg.split(' ').next().unwrap_or_default())
        }
        ErrorKind::ValueValidation => e.source().map(|s| s.to_string()).unwrap_or_default(),
        _ => e.to_string().lines().next().unwrap_or_default().trim_start_matches("error: ").to_string(),
    }
}

/// clap's check of a `-X` value: `-X gil=` must be `0` or `1`.
fn x_option(value: &str) -> Result<String, String> {
    x_gil(value).unwrap_or(Ok(true))?;
    Ok(value.to_string())
}

/// `-X gil=0|1` switches the GIL (CPython 3.13's spelling); `None` for other `-X` options.
fn x_gil(value: &str) -> Option<Result<bool, String>> {
    let v = value.strip_prefix("gil=").or((value == "gil").then_some(""))?;
    Some(gil_value(v).ok_or_else(|| "-X gil must be \"0\" or \"1\"".to_string()))
}

fn gil_value(v: &str) -> Option<bool> {
    match v {
        "1" | "on" => Some(true),
        "0" | "off" => Some(false),
        _ => None,
    }
}

impl Cli {
    /// Reads the environment: `PYTHON*` variables unless `-E`/`-I`, then
    /// GILT_GIL. Flags already set win over the environment. `Err` is a
    /// fatal configuration error (exit status 1, as CPython's).
    pub fn read_env(&mut self, var: impl Fn(&str) -> Option<String>) -> Result<(), String> {
        let py = |name: &str| if self.ignore_env { None } else { var(name).filter(|v| !v.is_empty()) };
        let set = |name: &str| py(name).is_some();
        if set("PYTHONUNBUFFERED") {
            self.unbuffered = true;
        }
        if set("PYTHONINSPECT") {
            self.inspect = true;
        }
        if set("PYTHONDONTWRITEBYTECODE") {
            self.dont_write_bytecode = true;
        }
        if set("PYTHONNOUSERSITE") {
            self.no_user_site = true;
        }
        if set("PYTHONSAFEPATH") {
            self.safe_path = true;
        }
        if let Some(v) = py("PYTHONOPTIMIZE") {
            self.optimize = self.optimize.max(v.parse().unwrap_or(1));
        }
        if let Some(v) = py("PYTHONVERBOSE") {
            self.verbose = self.verbose.max(v.parse().unwrap_or(1));
        }
        if let Some(v) = py("PYTHONHASHSEED")
            && v != "random"
        {
            match v.parse::<u32>() {
                Ok(seed) => self.hash_seed = Some(seed),
                Err(_) => {
                    return Err("config_init_hash_seed: PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]\nPython runtime state: preinitialized".into());
                }
            }
        }
        self.dev_mode = self.xoptions.iter().any(|x| x == "dev") || set("PYTHONDEVMODE");
        self.io_encoding = py("PYTHONIOENCODING");
        // `-X pycache_prefix` without a value means none, as in CPython.
        self.pycache_prefix = match self.xoptions.iter().rev().find(|x| x.split('=').next() == Some("pycache_prefix")) {
            Some(x) => x.split_once('=').map(|(_, v)| v.to_string()).filter(|v| !v.is_empty()),
            None => py("PYTHONPYCACHEPREFIX"),
        };
        // UTF-8 mode: the last -X utf8 wins, then PYTHONUTF8, then the locale.
        let x_utf8 = self.xoptions.iter().rev().find_map(|x| {
            x.strip_prefix("utf8")
                .filter(|rest| rest.is_empty() || rest.starts_with('='))
                .map(|r| r.trim_start_matches('='))
        });
        let bad = |what: &str| {
            format!("preconfig_init_utf8_mode: invalid {what} value\nPython runtime state: preinitializing")
        };
        self.utf8_mode = match (x_utf8, py("PYTHONUTF8")) {
            (Some("" | "1"), _) => true,
            (Some("0"), _) => false,
            (Some(_), _) => return Err(bad("-X utf8 option")),
            (None, Some(v)) if v == "1" => true,
            (None, Some(v)) if v == "0" => false,
            (None, Some(_)) => return Err(bad("PYTHONUTF8 environment variable")),
            (None, None) => crate::stdlib::stdio_codec::utf8_mode_default(),
        };
        if let Some(v) = py("PYTHONWARNINGS") {
            let from_env = v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from);
            self.warnoptions.splice(0..0, from_env);
        }
        if self.dev_mode {
            // The development mode shows every warning once per place: CPython puts
            // `default` first in sys.warnoptions, so -W and PYTHONWARNINGS still win.
            self.warnoptions.insert(0, "default".into());
        }
        // CPython turns -b into a filter after every -W and PYTHONWARNINGS entry:
        // shown once per place with -b, raised with -bb.
        match self.bytes_warning {
            0 => {}
            1 => self.warnoptions.push("default::BytesWarning".into()),
            _ => self.warnoptions.push("error::BytesWarning".into()),
        }
        if let Some(v) = py("PYTHONPATH") {
            // CPython's path configuration makes each entry absolute (an empty one
            // is the current directory).
            let cwd = std::env::current_dir().unwrap_or_default();
            self.python_path = v.split(':').map(|p| absolute_path(&cwd, p)).collect();
        }
        self.startup = py("PYTHONSTARTUP");
        if self.gil.is_none()
            && let Some(v) = py("PYTHON_GIL")
        {
            self.gil =
                Some(gil_value(&v).ok_or("PYTHON_GIL must be \"0\" or \"1\"\nPython runtime state: preinitialized")?);
        }
        if self.gil.is_none() {
            self.gil = var("GILT_GIL").map(|v| !matches!(v.as_str(), "0" | "off"));
        }
        Ok(())
    }

    /// Whether the GIL is on (the default).
    pub fn gil_enabled(&self) -> bool {
        self.gil.unwrap_or(true)
    }

    /// gilt's flags as a worker child or `gilt compare` passes them on.
    pub fn child_flags(&self) -> Vec<String> {
        let mut out = vec![format!("--gil={}", if self.gil_enabled() { "on" } else { "off" })];
        if let Some((_, text)) = &self.switch {
            out.push(format!("--switch={text}"));
        }
        if let Some(ms) = self.switch_interval {
            out.push(format!("--switch-interval={ms}"));
        }
        if self.optimize > 0 {
            out.push(format!("-{}", "O".repeat(self.optimize as usize)));
        }
        if self.bytes_warning > 0 {
            out.push(format!("-{}", "b".repeat(self.bytes_warning as usize)));
        }
        out
    }
}

/// `gilt -h`: gilt's own words for CPython's options, then gilt's flags and tools (cli_help.txt).
pub fn help_text(prog: &str) -> String {
    let text = format!("{}\n{}", usage_line(prog), include_str!("cli_help.txt"));
    text.replace("default LIMIT", &format!("default {}", crate::tools::views::DEFAULT_TRACE_LIMIT))
}

/// `p` made absolute against `cwd` and normalised lexically (`.`, `..`, repeated and
/// trailing slashes), as `os.path.abspath` does.
fn absolute_path(cwd: &std::path::Path, p: &str) -> String {
    let joined = if p.starts_with('/') { p.to_string() } else { format!("{}/{p}", cwd.display()) };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    format!("/{}", parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Cli, String> {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn options_after_the_script_are_the_scripts() {
        let c = p(&["--stats", "a.py", "-c", "x", "--stats"]).unwrap();
        assert_eq!(c.script.as_deref(), Some("a.py"));
        assert!(c.stats && c.code.is_none());
        assert_eq!(c.args, ["-c", "x", "--stats"]);
    }

    #[test]
    fn combined_short_options() {
        let c = p(&["-uqOO", "-Wd", "-cprint(1)", "-v"]).unwrap();
        assert!(c.unbuffered && c.quiet);
        assert_eq!(c.optimize, 2);
        let cwd = std::path::Path::new("/tmp/w");
        assert_eq!(absolute_path(cwd, "x/../y/./z/"), "/tmp/w/y/z");
        assert_eq!(absolute_path(cwd, ""), "/tmp/w");
        assert_eq!(absolute_path(cwd, "/a//b/.."), "/a");
        assert_eq!(c.warnoptions, ["d"]);
        assert_eq!(c.code.as_deref(), Some("print(1)"));
        assert_eq!(c.args, ["-v"]);
        let c = p(&["-W=x", "-X", "-cy", "-qcX", "--stats", "-q"]).unwrap();
        assert_eq!((c.warnoptions, c.xoptions), (vec!["=x".to_string()], vec!["-cy".to_string()]));
        assert_eq!((c.code.as_deref(), c.args), (Some("X"), vec!["--stats".to_string(), "-q".to_string()]));
    }

    #[test]
    fn gil_spellings_and_errors() {
        assert_eq!(p(&["-X", "gil=0"]).unwrap().gil, Some(false));
        assert_eq!(p(&["--gil=off"]).unwrap().gil, Some(false));
        assert!(p(&["-X", "gil=2"]).is_err());
        assert_eq!(p(&["-Z"]).unwrap_err(), "Unknown option: -Z");
        assert_eq!(p(&["--gil=on", "-X", "gil=0"]).unwrap().gil, Some(false), "the last one wins");
        assert_eq!(p(&["-Xgil=0", "--gil", "on"]).unwrap().gil, Some(true));
        assert_eq!(p(&["--foo"]).unwrap_err(), "unknown option --foo");
        assert_eq!(p(&["--foo=1"]).unwrap_err(), "unknown option --foo=1");
        assert_eq!(p(&["--stats=1"]).unwrap_err(), "unknown option --stats=1");
        assert_eq!(p(&["--gil", "x"]).unwrap_err(), "--gil must be on or off, not 'x'");
        assert_eq!(p(&["--cpus=x"]).unwrap_err(), "--cpus needs a number of CPUs, not 'x'");
        assert_eq!(p(&["--trace"]).unwrap_err(), "Argument expected for the --trace option");
        assert_eq!(p(&["-c"]).unwrap_err(), "Argument expected for the -c option");
        let mut c = p(&["--gil", "on"]).unwrap();
        c.read_env(|k| (k == "PYTHON_GIL").then(|| "0".to_string())).unwrap();
        assert_eq!(c.gil, Some(true), "the flag wins over the environment");
    }
}
