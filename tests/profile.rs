//! `--profile` and `--profile-out` (issue 6): exact call counts, recursion
//! counted once in total time, a sleep charged as blocked time to the
//! function that slept (in another thread), GIL wait charged to CPU-bound
//! threads, and a CSV with a header row that parses.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;

const GILT: &str = env!("CARGO_BIN_EXE_gilt");

const SCRIPT: &str = "import threading, time

def g(n):
    return n * 2

def f(i):
    if i % 4 == 0:
        g(i)
    return i

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def sleeper():
    time.sleep(0.3)

def gen():
    for i in range(5):
        yield i

for i in range(10):
    f(i)
fact(12)
total = sum(gen())
t = threading.Thread(target=sleeper)
t.start()
t.join()
print('done', total)
";

fn tmp(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{}-{name}", std::process::id()))
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(GILT).args(args).env_remove("GILT_GIL").output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The CSV as one map per row (header names → fields); no quoted fields
/// are expected in these tests.
fn csv_rows(text: &str) -> Vec<HashMap<String, String>> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header row").split(',').collect();
    lines
        .map(|l| {
            let fields: Vec<&str> = l.split(',').collect();
            assert_eq!(fields.len(), header.len(), "ragged row {l:?}");
            header.iter().zip(fields).map(|(h, v)| (h.to_string(), v.to_string())).collect()
        })
        .collect()
}

fn row<'a>(rows: &'a [HashMap<String, String>], name: &str) -> &'a HashMap<String, String> {
    rows.iter()
        .find(|r| r["function"] == name && r["file"].ends_with("prof_counts.py"))
        .unwrap_or_else(|| panic!("no row {name}"))
}

fn num(r: &HashMap<String, String>, col: &str) -> f64 {
    r[col].parse().unwrap_or_else(|_| panic!("{col} = {:?}", r[col]))
}

#[test]
fn counts_times_and_blocked_time_per_function() {
    let script = tmp("prof_counts.py");
    std::fs::write(&script, SCRIPT).unwrap();
    let csv = tmp("prof_counts.csv");
    let (code, stdout, stderr) = run(&["--profile", "--profile-out", csv.to_str().unwrap(), script.to_str().unwrap()]);
    assert_eq!((code, stdout.as_str()), (0, "done 10\n"), "{stderr}");
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with("function,file,line,calls,total_ms,own_ms,gil_wait_ms,blocked_ms,threads,blocked_sleep_ms,")
    );
    let rows = csv_rows(&text);
    // Exact call counts; a generator is called once however often it resumes.
    for (name, calls, line) in
        [("f", 10.0, 6.0), ("g", 3.0, 3.0), ("fact", 12.0, 11.0), ("gen", 1.0, 17.0), ("sleeper", 1.0, 14.0)]
    {
        assert_eq!(num(row(&rows, name), "calls"), calls, "{name}");
        assert_eq!(num(row(&rows, name), "line"), line, "{name}");
    }
    assert_eq!(num(row(&rows, "<module>"), "calls"), 1.0);
    // Recursion: total counts the outermost call once, so it equals own time.
    let fact = row(&rows, "fact");
    assert!((num(fact, "total_ms") - num(fact, "own_ms")).abs() < 0.5, "{fact:?}");
    // The 0.3 s sleep is blocked time of sleeper (in its thread), by kind.
    let sl = row(&rows, "sleeper");
    let blocked = num(sl, "blocked_sleep_ms");
    assert!((250.0..3000.0).contains(&blocked), "{sl:?}");
    assert!(num(sl, "blocked_ms") >= blocked && num(sl, "own_ms") >= blocked && num(sl, "blocked_join_ms") == 0.0);
    // The main thread waited for it in join, not asleep.
    let main = row(&rows, "<module>");
    assert!(num(main, "blocked_sleep_ms") == 0.0 && num(main, "total_ms") >= blocked);
    let joined: f64 = rows.iter().map(|r| num(r, "blocked_join_ms")).sum();
    assert!(joined >= 250.0, "join time: {joined}");
    // The table on stderr: header, sorted by own time, sleeper near the top.
    let lines: Vec<&str> = stderr.lines().collect();
    let head = lines.iter().position(|l| l.contains("calls") && l.contains("GIL wait ms")).expect("table header");
    let sleeper_row = lines.iter().position(|l| l.ends_with("prof_counts.py:14 sleeper")).expect("sleeper row");
    assert!(sleeper_row <= head + 4, "{stderr}");
    assert!(lines[sleeper_row].contains(" sleep "), "{}", lines[sleeper_row]);
    assert!(lines[0].starts_with("profile: ") && lines[0].contains("2 threads"), "{stderr}");
}

#[test]
fn gil_wait_is_charged_to_cpu_bound_threads() {
    let script = tmp("prof_gil.py");
    std::fs::write(
        &script,
        "import threading\ndef spin(n):\n    while n:\n        n -= 1\nts = [threading.Thread(target=spin, args=(600000,)) for _ in range(2)]\nfor t in ts: t.start()\nfor t in ts: t.join()\n",
    )
    .unwrap();
    let csv = tmp("prof_gil.csv");
    let (code, _, stderr) = run(&["--gil", "on", "--profile-out", csv.to_str().unwrap(), script.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let written = format!("wrote {} (profile CSV)\n", csv.display());
    assert_eq!(stderr, written, "--profile-out alone prints no table, only the file it wrote");
    let rows = csv_rows(&std::fs::read_to_string(&csv).unwrap());
    let spin = rows.iter().find(|r| r["function"] == "spin").expect("spin row");
    assert_eq!(num(spin, "calls"), 2.0);
    assert_eq!(num(spin, "threads"), 2.0);
    // Two CPU-bound threads with the GIL on: each waits while the other runs.
    assert!(num(spin, "gil_wait_ms") > 0.2 * num(spin, "own_ms"), "{spin:?}");
}

#[test]
fn no_profile_without_the_flags() {
    let script = tmp("prof_plain.py");
    std::fs::write(&script, SCRIPT).unwrap();
    let (code, stdout, stderr) = run(&[script.to_str().unwrap()]);
    assert_eq!((code, stdout.as_str(), stderr.as_str()), (0, "done 10\n", ""));
}
