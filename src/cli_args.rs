//! The command line as CPython 3.11 reads it: short options (combinable,
//! `-uq`, `-OO`, `-Wd`), `-c CODE` / `-m MOD` / `SCRIPT` / `-` ending the
//! options (everything after them belongs to the script's `sys.argv`), and
//! gilt's own long flags (`--gil`, `--stats`, `--trace F`, …), which count
//! only before the script. Then the `PYTHON*` environment variables, unless
//! `-E` or `-I`. Hand-written rather than clap: clap cannot stop at the
//! first positional argument *and* take CPython's combined short options.

use crate::runtime::policy::SwitchPolicy;

/// The Python version gilt implements, as `sys.version_info` spells it.
pub const PY_VERSION: &str = "3.11.7";

/// `sys.version` (and, after `Python `, what `gilt -V` prints).
pub fn version_text() -> String {
    format!("{PY_VERSION} (gilt {})", env!("CARGO_PKG_VERSION"))
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
    /// `--dis`: print bytecode instead of running.
    pub dis: bool,
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

/// gilt's long flags that take a value.
const VALUED: &[&str] = &[
    "--gil",
    "--switch-interval",
    "--switch",
    "--trace",
    "--trace-limit",
    "--report",
    "--profile-out",
    "--cpus",
    "--trace-child",
];

/// Short options (CPython 3.11's set); those in `WITH_ARG` take a value.
const SHORT: &str = "bBdEhiIOPqRsStuvVx?";
const WITH_ARG: &str = "cmWX";

/// The usage line of every usage error and of `-h`.
pub fn usage_line(prog: &str) -> String {
    format!("usage: {prog} [option] ... [-c cmd | -m mod | file | -] [arg] ...")
}

/// A usage error's full text: the message, the usage line and the hint (exit status 2).
pub fn usage_error(prog: &str, msg: &str) -> String {
    format!("{msg}\n{}\nTry `{prog} -h' for more information.\n", usage_line(prog))
}

/// Parses `args` (without the program name). `Err` is a usage error's message.
pub fn parse(args: &[String]) -> Result<Cli, String> {
    let mut cli = Cli::default();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        i += 1;
        if a == "--" {
            if let Some(s) = args.get(i) {
                cli.script = Some(s.clone());
                i += 1;
            }
            break;
        }
        if a == "-" || !a.starts_with('-') {
            cli.script = Some(a.clone());
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (format!("--{n}"), Some(v.to_string())),
                None => (a.clone(), None),
            };
            let value = if VALUED.contains(&name.as_str()) {
                match inline {
                    Some(v) => Some(v),
                    None if i < args.len() => {
                        i += 1;
                        Some(args[i - 1].clone())
                    }
                    None => return Err(format!("Argument expected for the {name} option")),
                }
            } else if inline.is_some() {
                return Err(format!("unknown option {a}"));
            } else {
                None
            };
            long_flag(&mut cli, &name, value.unwrap_or_default())?;
            continue;
        }
        // Short options, possibly combined: -uq, -OO, -Wd, -cCODE.
        let chars: Vec<char> = a[1..].chars().collect();
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k];
            k += 1;
            if WITH_ARG.contains(c) {
                let rest: String = chars[k..].iter().collect();
                let value = if !rest.is_empty() {
                    rest
                } else if i < args.len() {
                    i += 1;
                    args[i - 1].clone()
                } else {
                    return Err(format!("Argument expected for the -{c} option"));
                };
                match c {
                    'c' => cli.code = Some(value),
                    'm' => cli.module = Some(value),
                    'W' => cli.warnoptions.push(value),
                    _ => x_option(&mut cli, value)?,
                }
                if c == 'c' || c == 'm' {
                    cli.args = args[i..].to_vec();
                    return Ok(cli);
                }
                break;
            }
            if c == 'J' {
                return Err("-J is reserved for Jython".into());
            }
            if !SHORT.contains(c) {
                return Err(format!("Unknown option: -{c}"));
            }
            short_flag(&mut cli, c);
        }
    }
    cli.args = args[i..].to_vec();
    Ok(cli)
}

fn short_flag(cli: &mut Cli, c: char) {
    match c {
        'b' => cli.bytes_warning += 1,
        'B' => cli.dont_write_bytecode = true,
        'd' => cli.debug = true,
        'E' => cli.ignore_env = true,
        'h' | '?' => cli.help = true,
        'i' => cli.inspect = true,
        'I' => {
            cli.isolated = true;
            cli.ignore_env = true;
            cli.safe_path = true;
            cli.no_user_site = true;
        }
        'O' => cli.optimize = cli.optimize.saturating_add(1),
        'P' => cli.safe_path = true,
        'q' => cli.quiet = true,
        's' => cli.no_user_site = true,
        'S' => cli.no_site = true,
        'u' => cli.unbuffered = true,
        'v' => cli.verbose = cli.verbose.saturating_add(1),
        'V' => cli.version = cli.version.saturating_add(1),
        'x' => cli.skip_first_line = true,
        _ => {} // -R, -t: accepted, nothing to do
    }
}

/// `-X opt` / `-X opt=value`; `-X gil=0|1` switches the GIL (CPython 3.13's spelling).
fn x_option(cli: &mut Cli, value: String) -> Result<(), String> {
    if let Some(v) = value.strip_prefix("gil=").or(if value == "gil" { Some("") } else { None }) {
        cli.gil = Some(gil_value(v).ok_or_else(|| "-X gil must be \"0\" or \"1\"".to_string())?);
    }
    cli.xoptions.push(value);
    Ok(())
}

fn gil_value(v: &str) -> Option<bool> {
    match v {
        "1" | "on" => Some(true),
        "0" | "off" => Some(false),
        _ => None,
    }
}

fn long_flag(cli: &mut Cli, name: &str, v: String) -> Result<(), String> {
    let number_error = |what: &str| format!("{name} needs {what}, not '{v}'");
    match name {
        "--help" => cli.help = true,
        "--version" => cli.version = cli.version.saturating_add(1),
        "--dis" => cli.dis = true,
        "--stats" => cli.stats = true,
        "--timeline" => cli.timeline = true,
        "--profile" => cli.profile = true,
        "--mp-worker" => cli.mp_worker = true,
        "--gil" => {
            cli.gil = Some(match v.as_str() {
                "on" => true,
                "off" => false,
                _ => return Err(format!("--gil must be on or off, not '{v}'")),
            })
        }
        "--switch-interval" => {
            cli.switch_interval = Some(
                v.parse::<f64>().ok().filter(|x| *x > 0.0).ok_or_else(|| number_error("a positive number of ms"))?,
            )
        }
        "--switch" => {
            let p = v.parse::<SwitchPolicy>().map_err(|e| format!("--switch {v}: {e}"))?;
            cli.switch = Some((p, v));
        }
        "--trace" => cli.trace = Some(v),
        "--trace-limit" => cli.trace_limit = Some(v.parse().map_err(|_| number_error("a number of events"))?),
        "--report" => cli.report = Some(v),
        "--profile-out" => cli.profile_out = Some(v),
        "--cpus" => cli.cpus = Some(v.parse().map_err(|_| number_error("a number of CPUs"))?),
        "--trace-child" => cli.trace_child = Some(v),
        _ => return Err(format!("unknown option {name}")),
    }
    Ok(())
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
            && v.parse::<u32>().is_err()
        {
            return Err("PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]".into());
        }
        if let Some(v) = py("PYTHONWARNINGS") {
            let from_env = v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from);
            self.warnoptions.splice(0..0, from_env);
        }
        if let Some(v) = py("PYTHONPATH") {
            self.python_path = v.split(':').filter(|s| !s.is_empty()).map(String::from).collect();
        }
        self.startup = py("PYTHONSTARTUP");
        if self.gil.is_none()
            && let Some(v) = py("PYTHON_GIL")
        {
            self.gil = Some(gil_value(&v).ok_or("PYTHON_GIL must be \"0\" or \"1\"")?);
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
        out
    }
}

/// `gilt -h`: gilt's own words for CPython's options, then gilt's flags and tools.
pub fn help_text(prog: &str) -> String {
    let mut s = usage_line(prog);
    s.push_str(
        "
gilt: a Python 3.11 interpreter with a real, switchable global interpreter lock.

What to run (everything after it goes to the script's sys.argv):
  file          a script file, or a directory holding __main__.py
  -c cmd        a program passed as a string
  -m mod        a module found on sys.path (or one of gilt's) run as __main__
  -             the program read from stdin (also the default when stdin is not a terminal)
  (nothing)     the interactive prompt

Python's options:
  -B            accepted (gilt never writes .pyc files); env PYTHONDONTWRITEBYTECODE
  -E            ignore the PYTHON* environment variables
  -h, -?, --help   this text
  -i            the interactive prompt after the script (or -c); env PYTHONINSPECT
  -I            isolated: implies -E, -P and -s
  -O            __debug__ is False and assert statements are left out; -OO the same
                (docstrings are kept); env PYTHONOPTIMIZE
  -P            no script directory (or current directory) in front of sys.path
  -q            no banner at the interactive prompt
  -s            accepted (gilt has no user site-packages)
  -S            no help() in the built-ins, as without CPython's site module
  -u            unbuffered: stdout flushed after every write (it is written line by line
                otherwise, stderr at once); env PYTHONUNBUFFERED
  -V, --version print the version (Python 3.11.x (gilt x.y.z))
  -W arg        a warnings filter action[:message[:category[:module[:lineno]]]]
                (-Wd, -We, -Wi, ...); env PYTHONWARNINGS
  -x            skip the first line of the script
  -X opt        sys._xoptions; -X gil=0|1 turns the GIL off|on
  -b, -d, -R, -t, -v   accepted, no effect

gilt's options (before the script):
  --gil on|off          the global interpreter lock (default on; env PYTHON_GIL=0|1, GILT_GIL=0|1)
  --switch-interval MS  how long the GIL holder runs before others may take it (default 5)
  --switch POLICY       when to switch: interval, ticks=N (Python 2's old GIL) or instr=N
  --stats               per-thread GIL statistics on stderr at exit
  --timeline            a picture of who held the GIL when, on stderr at exit
  --trace FILE.json     every GIL state change, for ui.perfetto.dev
  --trace-limit N       most events a recording keeps (default LIMIT; 0 = no limit)
  --report FILE.html    a self-contained HTML page with the timeline and statistics
  --profile             a profile of Python functions with GIL wait time, on stderr at exit
  --profile-out FILE.csv   the same profile as CSV
  --cpus N              restrict gilt and its children to N CPUs
  --dis                 print the bytecode instead of running

Tools:
  gilt compare [--switch POLICY]... [--switch-interval MS] [--cpus N] [--mask-numbers] SCRIPT [ARGS]...
                        run SCRIPT with the GIL on and off and compare times and outputs

Environment: PYTHONPATH (':'-separated directories after the script's in sys.path),
PYTHONSTARTUP (a file run before the first interactive prompt), PYTHONHASHSEED (checked,
str hashes do not depend on it), NO_COLOR (no colours in --timeline).
",
    );
    s.replace("default LIMIT", &format!("default {}", crate::tools::views::DEFAULT_TRACE_LIMIT))
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
        assert_eq!(c.warnoptions, ["d"]);
        assert_eq!(c.code.as_deref(), Some("print(1)"));
        assert_eq!(c.args, ["-v"]);
    }

    #[test]
    fn gil_spellings_and_errors() {
        assert_eq!(p(&["-X", "gil=0"]).unwrap().gil, Some(false));
        assert_eq!(p(&["--gil=off"]).unwrap().gil, Some(false));
        assert!(p(&["-X", "gil=2"]).is_err());
        assert_eq!(p(&["-Z"]).unwrap_err(), "Unknown option: -Z");
        assert_eq!(p(&["--foo"]).unwrap_err(), "unknown option --foo");
        assert_eq!(p(&["-c"]).unwrap_err(), "Argument expected for the -c option");
        let mut c = p(&["--gil", "on"]).unwrap();
        c.read_env(|k| (k == "PYTHON_GIL").then(|| "0".to_string())).unwrap();
        assert_eq!(c.gil, Some(true), "the flag wins over the environment");
    }
}
