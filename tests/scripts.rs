//! Script tests: every `tests/cases/**/NAME.py` that has a `NAME.out` beside it is one test.
//!
//! The case runs as `gilt [--gil on|off] NAME.py ARGS…` with the case's folder as the working
//! directory, and its stdout must equal `NAME.out` byte for byte. Optional files beside it:
//!
//! * `NAME.args`    extra command-line arguments, one per line.
//! * `NAME.stdin`   fed to standard input (otherwise stdin is null).
//! * `NAME.err`     line 1: expected exit code; line 2: expected last non-empty line of stderr
//!   (a prefix when it ends with `*`; not checked when empty); lines 3…: each a substring that
//!   must appear somewhere in stderr. Without `NAME.err` the exit code must be 0 and stderr is
//!   not looked at.
//! * `NAME.errfull` the complete expected stderr.
//!
//! Before stderr is compared, the absolute path of the case's folder followed by `/` is removed
//! from it, so `File "/…/tests/cases/errors/x.py", line 3` reads `File "x.py", line 3`.
//!
//! Cases in `tests/cases/threads/`, or in any folder holding a file named `BOTH_GIL_MODES`, run
//! twice, as `NAME::gil_on` and `NAME::gil_off`. Each run is killed after `GILT_TEST_TIMEOUT`
//! seconds (default 30) and reported as hung.
//!
//! Expected files come from CPython 3.11 through `tests/regen.py`; python3 is never run here.

use libtest_mimic::{Arguments, Failed, Trial};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const GILT: &str = env!("CARGO_BIN_EXE_gilt");

struct Case {
    /// Absolute path of `NAME.py`.
    script: PathBuf,
    /// `--gil on` / `--gil off`, or none.
    gil: Option<&'static str>,
}

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("cases");
    let mut scripts = Vec::new();
    collect(&root, &mut scripts);
    scripts.sort();

    // Cases gilt does not pass yet are listed in tests/known_failures.txt and
    // reported as ignored (run them with `--include-ignored`), so CI stays a
    // gate for everything that works while the list shows what does not.
    let known = std::fs::read_to_string(root.parent().unwrap().join("known_failures.txt")).unwrap_or_default();
    let known: std::collections::HashSet<&str> =
        known.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    let mut trials = Vec::new();
    for script in scripts {
        let rel = script.strip_prefix(&root).unwrap().with_extension("");
        let name = rel.to_string_lossy().replace('\\', "/");
        let dir = script.parent().unwrap();
        let both = rel.components().next().map(|c| c.as_os_str() == "threads").unwrap_or(false)
            || dir.join("BOTH_GIL_MODES").exists();
        let modes: &[Option<&'static str>] = if both { &[Some("on"), Some("off")] } else { &[None] };
        for &gil in modes {
            let test_name = match gil {
                Some(m) => format!("{name}::gil_{m}"),
                None => name.clone(),
            };
            let case = Case { script: script.clone(), gil };
            let ignored = known.contains(test_name.as_str());
            trials.push(Trial::test(test_name, move || run_case(&case)).with_ignored_flag(ignored));
        }
    }
    let root_for_check = root.clone();
    trials.push(Trial::test("cases_have_expected_files", move || check_layout(&root_for_check)));
    libtest_mimic::run(&args, trials).exit();
}

/// Every case script (`*.py` not ending in `_mod.py`) must have a `.out`, or it would be skipped
/// silently; every `.err` must start with an exit code.
fn check_layout(dir: &Path) -> Result<(), Failed> {
    let mut problems = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                if name != "__pycache__" {
                    stack.push(path);
                }
            } else if name.ends_with(".py") && !name.ends_with("_mod.py") {
                if !path.with_extension("out").exists() {
                    problems.push(format!("{}: no .out (run tests/regen.py)", path.display()));
                }
            } else if name.ends_with(".err") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                if let Err(e) = parse_err(&text) {
                    problems.push(format!("{}: {}", path.display(), e.message().unwrap_or("bad")));
                }
            }
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n").into()) }
}

/// Every `*.py` under `dir` that has a `*.out` beside it.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") && path.with_extension("out").exists() {
            out.push(path);
        }
    }
}

struct Outcome {
    status: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    hung: bool,
}

fn timeout() -> Duration {
    let secs = std::env::var("GILT_TEST_TIMEOUT").ok().and_then(|s| s.parse().ok()).unwrap_or(30);
    Duration::from_secs(secs)
}

fn run_gilt(case: &Case) -> Result<Outcome, Failed> {
    let dir = case.script.parent().unwrap();
    let file = case.script.file_name().unwrap();
    let mut cmd = Command::new(GILT);
    // The library's bytecode cache (~/.cache/gilt) must work even where the environment
    // sets PYTHONDONTWRITEBYTECODE, or every run compiles the modules it imports again.
    cmd.current_dir(dir).env_remove("GILT_GIL").env_remove("PYTHONDONTWRITEBYTECODE");
    if let Some(mode) = case.gil {
        cmd.arg("--gil").arg(mode);
    }
    cmd.arg(file);
    if let Ok(text) = std::fs::read_to_string(case.script.with_extension("args")) {
        cmd.args(text.lines());
    }
    let stdin_data = std::fs::read(case.script.with_extension("stdin")).ok();
    cmd.stdin(if stdin_data.is_some() { Stdio::piped() } else { Stdio::null() });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());

    let mut child = cmd.spawn().map_err(|e| format!("cannot start {GILT}: {e}"))?;
    if let Some(data) = stdin_data {
        let mut pipe = child.stdin.take().unwrap();
        // A script that never reads its stdin must not block us: write on the side.
        std::thread::spawn(move || {
            let _ = pipe.write_all(&data);
        });
    }
    let stdout = reader(child.stdout.take().unwrap());
    let stderr = reader(child.stderr.take().unwrap());

    let deadline = Instant::now() + timeout();
    let mut hung = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                hung = true;
                let _ = child.kill();
                break child.wait().map_err(|e| e.to_string())?;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("waiting for gilt: {e}").into()),
        }
    };
    // A grandchild may still hold the pipes open: do not wait for it forever.
    let grace = Duration::from_secs(5);
    let stdout = stdout.recv_timeout(grace).unwrap_or_default();
    let stderr = stderr.recv_timeout(grace).unwrap_or_default();
    Ok(Outcome { status: status.code(), stdout, stderr, hung })
}

fn reader(mut pipe: impl Read + Send + 'static) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.read_to_end(&mut buf);
        let _ = tx.send(buf);
    });
    rx
}

fn run_case(case: &Case) -> Result<(), Failed> {
    let expected_out =
        std::fs::read(case.script.with_extension("out")).map_err(|e| format!("cannot read .out: {e}"))?;
    let err_spec = std::fs::read_to_string(case.script.with_extension("err")).ok();
    let errfull = std::fs::read_to_string(case.script.with_extension("errfull")).ok();

    let got = run_gilt(case)?;
    let stderr = normalize_stderr(&got.stderr, case.script.parent().unwrap());
    let mut problems: Vec<String> = Vec::new();

    if got.hung {
        problems.push(format!("hung: killed after {} s", timeout().as_secs()));
    }

    // Exit code and stderr expectations.
    let (want_code, want_last, want_subs) = match &err_spec {
        Some(spec) => parse_err(spec)?,
        None => (0, None, Vec::new()),
    };
    if !got.hung {
        match got.status {
            Some(code) if code == want_code => {}
            Some(code) => problems.push(format!("exit code: expected {want_code}, got {code}")),
            None => problems.push(format!("exit code: expected {want_code}, but gilt was killed by a signal (crash?)")),
        }
    }
    if let Some(want) = &want_last {
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").trim_end();
        let ok = match want.strip_suffix('*') {
            Some(prefix) => last.starts_with(prefix),
            None => last == want,
        };
        if !ok {
            problems.push(format!("last stderr line:\n  expected: {want}\n  got:      {last}"));
        }
    }
    for sub in &want_subs {
        if !stderr.contains(sub.as_str()) {
            problems.push(format!("stderr does not contain: {sub}"));
        }
    }
    if let Some(full) = &errfull
        && stderr != *full
    {
        problems.push(format!("stderr differs from .errfull:\n{}", diff(full, &stderr)));
    }

    // Stdout, exactly.
    if got.stdout != expected_out {
        let want = String::from_utf8_lossy(&expected_out);
        let have = String::from_utf8_lossy(&got.stdout);
        problems.push(format!("stdout differs:\n{}", diff(&want, &have)));
    }

    if problems.is_empty() {
        return Ok(());
    }
    let mut msg = problems.join("\n");
    msg.push_str(&format!("\n--- stderr (last lines) ---\n{}", tail(&stderr, 12)));
    Err(msg.into())
}

/// `.err`: code, optional last line, optional substrings.
fn parse_err(spec: &str) -> Result<(i32, Option<String>, Vec<String>), Failed> {
    let mut lines = spec.lines();
    let code = lines
        .next()
        .and_then(|l| l.trim().parse().ok())
        .ok_or_else(|| Failed::from("malformed .err: first line must be the exit code"))?;
    let last = lines.next().map(|l| l.trim_end().to_string()).filter(|l| !l.is_empty());
    let subs = lines.map(|l| l.to_string()).filter(|l| !l.is_empty()).collect();
    Ok((code, last, subs))
}

fn normalize_stderr(raw: &[u8], dir: &Path) -> String {
    let text = String::from_utf8_lossy(raw).into_owned();
    let mut prefixes = vec![format!("{}/", dir.display())];
    if let Ok(canon) = dir.canonicalize() {
        prefixes.push(format!("{}/", canon.display()));
    }
    prefixes.into_iter().fold(text, |t, p| t.replace(&p, ""))
}

/// First differing line with a little context, `-` expected, `+` got.
fn diff(want: &str, got: &str) -> String {
    let w: Vec<&str> = want.split_inclusive('\n').collect();
    let g: Vec<&str> = got.split_inclusive('\n').collect();
    let first = w.iter().zip(g.iter()).position(|(a, b)| a != b).unwrap_or(w.len().min(g.len()));
    let mut out = format!("  first difference at line {} (expected {} lines, got {})\n", first + 1, w.len(), g.len());
    let from = first.saturating_sub(2);
    for line in &w[from..first] {
        out.push_str(&format!("   {}\n", show(line)));
    }
    for line in w.iter().skip(first).take(4) {
        out.push_str(&format!("  -{}\n", show(line)));
    }
    for line in g.iter().skip(first).take(4) {
        out.push_str(&format!("  +{}\n", show(line)));
    }
    out
}

fn show(line: &str) -> String {
    match line.strip_suffix('\n') {
        Some(l) => l.to_string(),
        None => format!("{line}[no newline at end]"),
    }
}

fn tail(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    if lines.is_empty() {
        return "(empty)".to_string();
    }
    lines[lines.len().saturating_sub(n)..].join("\n")
}
