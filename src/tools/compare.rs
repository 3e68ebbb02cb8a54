//! `gilt compare [--switch POLICY]… [--switch-interval MS] [--cpus N] [--mask-numbers] SCRIPT [ARGS]`:
//! runs the script as a child process with the GIL on, with it off, and
//! with the GIL on under each extra `--switch` policy, then prints one table
//! (wall time, CPU time, speedup against "GIL on", time spent waiting for
//! the GIL, switches) and the script's output once — or each version of it
//! when the modes disagree (a race that lost updates, say; `--mask-numbers`
//! compares with every number masked, for scripts that print timings).
//! Each child's stderr is shown under its mode's label. The children
//! report their GIL totals through `GILT_STATS_JSON`
//! ([`super::views::write_stats_json`]).

use std::fmt::Write as _;
use std::process::Command;
use std::time::{Duration, Instant};

use super::os::children_cpu_time;

const USAGE: &str =
    "usage: gilt compare [--switch POLICY]... [--switch-interval MS] [--cpus N] [--mask-numbers] SCRIPT [ARGS]...";

/// One child run.
struct Outcome {
    label: String,
    wall: Duration,
    cpu: Duration,
    status: Option<i32>,
    stdout: String,
    stderr: String,
    stats: Option<String>,
}

/// Entry point; `args` are the words after `compare`. Returns the exit status.
pub fn main(args: &[String]) -> i32 {
    let mut policies = Vec::new();
    let mut common = Vec::new();
    let mut mask = false;
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a == "--mask-numbers" {
            mask = true;
            i += 1;
            continue;
        }
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        if !["--switch", "--switch-interval", "--cpus"].contains(&flag.as_str()) {
            break;
        }
        let value = match inline {
            Some(v) => v,
            None => {
                i += 1;
                match args.get(i) {
                    Some(v) => v.clone(),
                    None => {
                        eprintln!("{USAGE}");
                        return 2;
                    }
                }
            }
        };
        match flag.as_str() {
            "--switch" => policies.push(value),
            "--cpus" => match value.parse().map_err(|e| format!("{e}")).and_then(super::os::restrict_cpus) {
                Ok(_) => {}
                Err(e) => {
                    eprintln!("gilt compare: --cpus: {e}");
                    return 2;
                }
            },
            _ => common.push(format!("{flag}={value}")),
        }
        i += 1;
    }
    let script = &args[i.min(args.len())..];
    if script.is_empty() || script[0] == "-h" || script[0] == "--help" {
        eprintln!("{USAGE}");
        return 2;
    }
    if script[0].starts_with('-') {
        eprintln!("gilt compare: unknown option {}\n{USAGE}", script[0]);
        return 2;
    }
    if let Err(e) = std::fs::File::open(&script[0]) {
        let path = crate::cli_main::absolute(&script[0]);
        eprintln!("gilt compare: can't open file '{path}': {}", crate::cli_main::os_error_text(&e));
        return 2;
    }
    let exe = std::env::current_exe().unwrap_or_else(|_| "gilt".into());
    let mut modes: Vec<(String, Vec<String>)> =
        vec![("GIL on".into(), vec!["--gil=on".into()]), ("GIL off".into(), vec!["--gil=off".into()])];
    for p in &policies {
        modes.push((format!("GIL on, {p}"), vec!["--gil=on".into(), format!("--switch={p}")]));
    }
    let stats_file = std::env::temp_dir().join(format!("gilt-compare-{}.json", std::process::id()));
    let mut runs = Vec::new();
    for (label, flags) in modes {
        let _ = std::fs::remove_file(&stats_file);
        let cpu0 = children_cpu_time();
        let t0 = Instant::now();
        let out = Command::new(&exe)
            .args(&flags)
            .args(&common)
            .args(script)
            .env("GILT_STATS_JSON", &stats_file)
            .env_remove("PYTHON_GIL")
            .output();
        let wall = t0.elapsed();
        let out = match out {
            Ok(o) => o,
            Err(e) => {
                eprintln!("gilt compare: cannot run {}: {e}", exe.display());
                return 2;
            }
        };
        runs.push(Outcome {
            label,
            wall,
            cpu: children_cpu_time().saturating_sub(cpu0),
            status: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            stats: std::fs::read_to_string(&stats_file).ok(),
        });
    }
    let _ = std::fs::remove_file(&stats_file);
    for r in &runs {
        if !r.stderr.is_empty() {
            eprintln!("--- stderr of the run with {}:", r.label);
            eprint!("{}", r.stderr);
        }
    }
    print!("{}", render(&script[0], &runs, mask));
    if runs.iter().all(|r| r.status == Some(0)) { 0 } else { 1 }
}

/// A number field of the children's small stats JSON.
fn field(json: &Option<String>, key: &str) -> Option<f64> {
    let text = json.as_ref()?;
    let at = text.find(&format!("\"{key}\":"))? + key.len() + 3;
    let rest = &text[at..];
    let end = rest.find([',', '}']).unwrap_or(rest.len());
    rest[..end].trim().parse().ok()
}

/// `text` with every run of digits (with its decimal point) replaced by `#`.
fn mask_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            while chars.peek().is_some_and(|d| d.is_ascii_digit() || *d == '.') {
                chars.next();
            }
            out.push('#');
        } else {
            out.push(c);
        }
    }
    out
}

fn render(script: &str, runs: &[Outcome], mask: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "gilt compare {script}");
    let _ = writeln!(
        out,
        "{:<24}{:>9}{:>9}{:>9}{:>13}{:>10}",
        "mode", "wall s", "CPU s", "speedup", "GIL wait ms", "switches"
    );
    let _ = writeln!(out, "{}", "-".repeat(74));
    let base = runs.first().map(|r| r.wall.as_secs_f64()).unwrap_or(1.0);
    for r in runs {
        let wall = r.wall.as_secs_f64();
        let on = !r.label.starts_with("GIL off");
        let wait = field(&r.stats, "wait_ms").filter(|_| on).map(|w| format!("{w:.1}")).unwrap_or("-".into());
        let sw = field(&r.stats, "switches").map(|s| format!("{s:.0}")).unwrap_or("-".into());
        let status = match r.status {
            Some(0) => String::new(),
            Some(c) => format!("  (exit {c})"),
            None => "  (killed)".into(),
        };
        let _ = writeln!(
            out,
            "{:<24}{:>9.3}{:>9.3}{:>8.2}x{:>13}{:>10}{status}",
            r.label,
            wall,
            r.cpu.as_secs_f64(),
            base / wall.max(1e-9),
            wait,
            sw
        );
    }
    let _ = writeln!(out, "speedup = wall time of \"GIL on\" / wall time; CPU = user + system of the child");
    let first = runs.first().map(|r| r.stdout.as_str()).unwrap_or("");
    let key = |s: &str| if mask { mask_numbers(s) } else { s.to_string() };
    if runs.iter().all(|r| key(&r.stdout) == key(first)) {
        let same = if mask {
            "the same in every mode once numbers are masked; this is the first run's"
        } else {
            "the same in every mode"
        };
        let _ = writeln!(out, "\noutput ({same}):");
        out.push_str(first);
    } else {
        let hint = if mask { "" } else { " (--mask-numbers ignores differing numbers, e.g. timings)" };
        let _ = writeln!(out, "\nNOTE: the output differs between modes{hint}:");
        for r in runs {
            let _ = writeln!(out, "--- {}:", r.label);
            out.push_str(&r.stdout);
        }
    }
    out
}
