//! Issue 6's views end to end: `--trace` (valid Trace Event JSON, one track
//! per thread, GIL-held time equal to `--stats`), `--timeline` (fits 80
//! columns), `--report` (one SVG row per thread; rendered by headless
//! Chromium when it is installed) and `gilt compare`.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::json::{Json, parse};

const GILT: &str = env!("CARGO_BIN_EXE_gilt");

/// A scratch path private to this test process: several `cargo test`
/// runs may share the target directory at the same time.
fn tmp(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{}-{name}", std::process::id()))
}

/// gil_cpu_threads.py with a small N, written to the temp dir.
fn small_cpu_script() -> PathBuf {
    let src =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/bench/gil_cpu_threads.py")).unwrap();
    let src = src.replace("N = 6000000", "N = 400000");
    let path = tmp("views_cpu_threads.py");
    // Tests run in parallel and all use this script: write it atomically.
    let part = tmp(&format!("views_cpu_threads.{:?}.part", std::thread::current().id()));
    std::fs::write(&part, src).unwrap();
    std::fs::rename(&part, &path).unwrap();
    path
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(GILT).args(args).env_remove("GILT_GIL").env("COLUMNS", "80").output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `held ms` per thread row of the `--stats` table, in row order.
fn stats_held(stderr: &str) -> Vec<f64> {
    let lines: Vec<&str> = stderr.lines().collect();
    let head = lines.iter().position(|l| l.starts_with("thread ") && l.contains("held ms")).expect("stats table");
    lines[head + 2..]
        .iter()
        .take_while(|l| !l.starts_with("---"))
        // A name too long for its column has a line of its own, ending in ':'.
        .filter(|l| !l.ends_with(':'))
        // Columns after the 15-wide name: wall, cpu, held, …
        .map(|l| l.chars().skip(15).collect::<String>().split_whitespace().nth(2).unwrap().parse::<f64>().unwrap())
        .collect()
}

#[test]
fn trace_is_valid_and_matches_stats() {
    let script = small_cpu_script();
    let json_path = tmp("views_trace.json");
    let (code, stdout, stderr) = run(&["--stats", "--trace", json_path.to_str().unwrap(), script.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("speedup"));
    let doc = parse(&std::fs::read_to_string(&json_path).unwrap());
    let Some(Json::Arr(events)) = doc.get("traceEvents") else { panic!("no traceEvents") };
    let mut names = std::collections::BTreeMap::new();
    let mut held = std::collections::BTreeMap::<u64, f64>::new();
    let (mut starts, mut finishes) = (0, 0);
    for e in events {
        let tid = e.get("tid").unwrap().num() as u64;
        match e.get("ph").unwrap().str() {
            "M" if e.get("name").unwrap().str() == "thread_name" => {
                assert!(names.insert(tid, e.get("args").unwrap().get("name").unwrap().str().to_string()).is_none());
            }
            "X" => {
                assert!(e.get("ts").unwrap().num() >= 0.0 && e.get("dur").unwrap().num() >= 0.0);
                assert!(e.get("args").unwrap().get("began").is_some());
                if e.get("name").unwrap().str() == "running Python (has the GIL)" {
                    *held.entry(tid).or_default() += e.get("dur").unwrap().num() / 1000.0;
                }
            }
            "s" => starts += 1,
            "f" => finishes += 1,
            _ => {}
        }
    }
    // MainThread + 1 thread + 2 threads.
    assert_eq!(names.len(), 4, "{names:?}");
    assert_eq!(names.values().next().unwrap(), "MainThread");
    assert!(starts > 0 && starts == finishes, "flows: {starts} starts, {finishes} finishes");
    let expected = stats_held(&stderr);
    assert_eq!(expected.len(), 4, "{stderr}");
    for ((tid, name), want) in names.iter().zip(expected) {
        let got = held.get(tid).copied().unwrap_or(0.0);
        let tol = (want * 0.01).max(0.2);
        assert!((got - want).abs() <= tol, "{name}: trace held {got:.2} ms, --stats {want:.1} ms");
    }
}

#[test]
fn timeline_fits_80_columns() {
    let script = small_cpu_script();
    let (code, _, stderr) = run(&["--timeline", script.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let start = stderr.find("GIL timeline of").expect("timeline printed");
    let rows: Vec<&str> = stderr[start..].lines().filter(|l| l.contains('|')).collect();
    assert_eq!(rows.len(), 4, "{stderr}");
    assert!(rows.iter().skip(1).all(|r| r.contains('█')), "{stderr}");
    for l in stderr[start..].lines() {
        assert!(l.chars().count() <= 80, "too wide: {l:?}");
    }
    assert!(!stderr.contains('\x1b'), "no colours when stderr is not a terminal");
}

#[test]
fn report_has_one_svg_row_per_thread() {
    let script = small_cpu_script();
    let html_path = tmp("views_report.html");
    let (code, _, stderr) = run(&["--report", html_path.to_str().unwrap(), script.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<svg"));
    assert_eq!(html.matches("class=\"thread-row\"").count(), 4);
    assert!(html.contains("views_cpu_threads.py") && html.contains("switch interval"));
    assert!(
        !html.contains("http://")
            || html.matches("http://").all(|_| html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
    );
    assert!(!html.contains("<script src") && !html.contains("<link"));

    let Some(chromium) = chromium() else {
        eprintln!("skipped: headless render of the report (chromium is not installed; .ci/run installs it)");
        return;
    };
    // The page as Chromium lays it out: a copy of the report with a probe
    // script that measures every row and asks the renderer which element
    // is painted at the middle of the row's bar.
    let probe = tmp("views_report_probe.html");
    std::fs::write(&probe, html.replace("</body>", PROBE)).unwrap();
    let dom = headless(chromium, &["--dump-dom", "--window-size=1000,2000"], &probe);
    let rows: Vec<Vec<String>> = dom
        .split("data-probe=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_else(|| panic!("the probe did not run: {dom}"))
        .split('|')
        .map(|r| r.split(':').map(str::to_string).collect())
        .collect();
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert_eq!(rows[0][0], "MainThread");
    for r in &rows {
        let num = |i: usize| r[i].parse::<f64>().unwrap();
        // name, row width, row height, top, painted on top, coloured bars.
        assert!(num(1) > 600.0 && num(2) >= 15.0 && num(3) >= 0.0, "row not laid out: {r:?}");
        assert_eq!(r[4], "1", "row hidden under something else: {r:?}");
        assert!(num(5) >= 1.0, "row has no coloured bar: {r:?}");
    }
    // And a real picture of it.
    let shot = tmp("views_report.png");
    let _ = std::fs::remove_file(&shot);
    headless(chromium, &[&format!("--screenshot={}", shot.display()), "--window-size=1000,800"], &html_path);
    let png = std::fs::read(&shot).expect("no screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 5000, "screenshot too small to show the rows");
}

/// Appended to the report for the render test: writes, per thread row,
/// `name:width:height:top:hit:bars` into `body[data-probe]`.
const PROBE: &str = r#"<script>
const rows = [...document.querySelectorAll('.thread-row')].map(r => {
  const b = r.getBoundingClientRect();
  const bg = r.querySelectorAll('rect')[0].getBoundingClientRect();
  const hit = document.elementFromPoint(bg.left + bg.width / 2, bg.top + bg.height / 2);
  const bars = [...r.querySelectorAll('rect[fill]')].filter(x => x.getAttribute('fill') !== '#f4f4f4').length;
  return [r.querySelector('text').textContent, Math.round(b.width), Math.round(b.height),
          Math.round(b.top), r.contains(hit) ? 1 : 0, bars].join(':');
});
document.body.setAttribute('data-probe', rows.join('|'));
</script></body>"#;

/// Debian's `chromium` (installed by .ci/run in CI), if present.
fn chromium() -> Option<&'static str> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"].into_iter().find(|p| Path::new(p).exists())
}

/// Runs headless Chromium on `page` with `extra` flags; returns its stdout.
/// Each run gets a fresh profile directory: a Chromium still running on the
/// same one would take the page over and this one would print nothing.
fn headless(chromium: &str, extra: &[&str], page: &Path) -> String {
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let profile = tmp(&format!("views_chromium_profile_{n}"));
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    let _ = std::fs::remove_dir_all(&profile);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn compare_runs_both_modes() {
    let script = tmp("views_compare.py");
    std::fs::write(&script, "import threading\nc = [0]\ndef f():\n    for _ in range(2000):\n        c[0] += 1\nts = [threading.Thread(target=f) for _ in range(2)]\nfor t in ts: t.start()\nfor t in ts: t.join()\nprint('done', len(ts))\n").unwrap();
    let (code, stdout, stderr) = run(&["compare", "--switch", "ticks=100", script.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    for want in ["GIL on ", "GIL off ", "GIL on, ticks=100", "1.00x", "output (the same in every mode):", "done 2"] {
        assert!(stdout.contains(want), "missing {want:?} in:\n{stdout}");
    }
}

#[test]
fn child_processes_are_merged_into_the_trace() {
    let script = tmp("views_pool.py");
    std::fs::write(
        &script,
        "import multiprocessing as mp\nimport time\n\ndef work(n):\n    return sum(range(n))\n\ndef forever():\n    time.sleep(100)\n\n\
         if __name__ == '__main__':\n    with mp.Pool(2) as p:\n        print(p.map(work, [50000] * 4))\n\
         \x20   q = mp.Process(target=forever)\n    q.start()\n    time.sleep(0.2)\n    q.terminate()\n    q.join()\n    print('exitcode', q.exitcode)\n",
    )
    .unwrap();
    let json_path = tmp("views_pool.json");
    let (code, stdout, stderr) = run(&["--trace", json_path.to_str().unwrap(), script.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    // Tracing must not change what the script sees (SIGTERM stays SIGTERM).
    assert_eq!(stdout, format!("[{}]\nexitcode -15\n", ["1249975000"; 4].join(", ")));
    let doc = parse(&std::fs::read_to_string(&json_path).unwrap());
    let Some(Json::Arr(events)) = doc.get("traceEvents") else { panic!("no traceEvents") };
    let pid_of = |e: &Json| e.get("pid").unwrap().num() as u64;
    let processes: Vec<(u64, String)> = events
        .iter()
        .filter(|e| e.get("ph").unwrap().str() == "M" && e.get("name").unwrap().str() == "process_name")
        .map(|e| (pid_of(e), e.get("args").unwrap().get("name").unwrap().str().to_string()))
        .collect();
    // The parent, two Pool workers and the Process.
    assert_eq!(processes.len(), 4, "{processes:?}");
    assert!(processes[0].1.starts_with("gilt ") && processes[1..].iter().all(|(_, n)| n.starts_with("gilt worker")));
    let parent = processes[0].0;
    let end_of = |pid: u64| {
        events
            .iter()
            .filter(|e| pid_of(e) == pid && e.get("ph").unwrap().str() == "X")
            .map(|e| (e.get("ts").unwrap().num(), e.get("ts").unwrap().num() + e.get("dur").unwrap().num()))
            .fold((f64::MAX, 0.0f64), |(a, b), (s, t)| (a.min(s), b.max(t)))
    };
    let (_, parent_end) = end_of(parent);
    for (pid, _) in &processes[1..] {
        let named_main = events.iter().any(|e| {
            pid_of(e) == *pid && e.get("name").unwrap().str() == "thread_name" && {
                e.get("args").unwrap().get("name").unwrap().str() == "MainThread"
            }
        });
        assert!(named_main, "child {pid} has no MainThread track");
        // On the parent's clock: the child starts after the parent and is
        // done about when the parent ends.
        let (start, end) = end_of(*pid);
        assert!(
            start > 0.0 && start < end && end < parent_end + 3e6,
            "child {pid}: {start}..{end}, parent ends {parent_end}"
        );
    }
    let leftovers = std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().starts_with(&format!("gilt-trace-{}-", processes[0].0)));
    assert!(!leftovers, "the children's directory was not removed");
}
