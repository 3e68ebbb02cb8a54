//! The GIL tools' rough edges: output files checked before the run and named after it, the trace cap, `gilt compare`'s error paths and labels, full thread names, the terminal's width.

use super::*;

#[test]
fn tool_output_files_are_checked_before_the_run() {
    let path = script("cli_tools_files.py", "print('ran')\n");
    for flag in ["--report", "--trace", "--profile-out"] {
        let r = gilt(&[flag, "/nonexistent_dir_for_gilt/out.file", &path], None);
        assert_eq!(r.code, Some(2), "{flag}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{flag}: the script must not run");
        assert!(r.stderr.contains(&format!("{flag} /nonexistent_dir_for_gilt/out.file")), "{}", r.stderr);
        assert!(r.stderr.contains("No such file or directory"), "{}", r.stderr);
    }
    let dir = scratch("cli_tools_written", &[]);
    let r =
        gilt_in(&["--report", "r.html", "--trace", "t.json", "--profile-out", "p.csv", &path], None, &[], Some(&dir));
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), "ran\n"), "{}", r.stderr);
    for f in ["r.html", "t.json", "p.csv"] {
        assert!(r.stderr.lines().any(|l| l.starts_with(&format!("wrote {f}"))), "{f} not named: {}", r.stderr);
        assert!(std::fs::metadata(dir.join(f)).unwrap().len() > 0, "{f} is empty");
    }
}

#[test]
fn trace_caps_itself() {
    let code = "import threading\ndef work():\n    s = 0\n    for i in range(100000):\n        s += i\n\
                ts = [threading.Thread(target=work) for _ in range(2)]\nfor t in ts: t.start()\nfor t in ts: t.join()\nprint('done')";
    let dir = scratch("cli_trace_cap", &[("w.py", code)]);
    let r =
        gilt_in(&["--switch", "instr=1", "--trace-limit", "2000", "--trace", "t.json", "w.py"], None, &[], Some(&dir));
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), "done\n"), "{}", r.stderr);
    assert!(r.stderr.contains("the recording stopped after 2000 events"), "{}", r.stderr);
    assert!(r.stderr.contains("--trace-limit 0 lifts it"), "{}", r.stderr);
    let size = std::fs::metadata(dir.join("t.json")).unwrap().len();
    assert!(size < 2_000_000, "capped trace is {size} bytes");
    let r = gilt_in(&["--trace-limit", "0", "--trace", "t.json", "w.py"], None, &[], Some(&dir));
    assert!(!r.stderr.contains("recording stopped"), "{}", r.stderr);
}

#[test]
fn compare_error_paths_and_labels() {
    let r = gilt(&["compare", "no_such_script_for_compare.py"], None);
    assert_eq!((r.code, r.stdout.as_str()), (Some(2), ""), "{}", r.stderr);
    assert!(r.stderr.contains("can't open file") && r.stderr.contains("No such file or directory"), "{}", r.stderr);
    let path = script(
        "cli_compare.py",
        "import sys, time\nt0 = time.perf_counter()\nprint('took', time.perf_counter() - t0)\nsys.stderr.write('note\\n')\n",
    );
    let r = gilt(&["--gil", "off", "compare", &path], None);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("'compare' must come first"), "{}", r.stderr);
    let r = gilt(&["compare", "--mask-numbers", &path], None);
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("the same in every mode once numbers are masked"), "{}", r.stdout);
    for label in ["--- stderr of the run with GIL on:\nnote\n", "--- stderr of the run with GIL off:\nnote\n"] {
        assert!(r.stderr.contains(label), "{}", r.stderr);
    }
    let r = gilt(&["compare", "--frobnicate", &path], None);
    assert_eq!(r.code, Some(2));
}

#[test]
fn stats_tables_show_full_thread_names() {
    let code = "from concurrent.futures import ThreadPoolExecutor\nimport threading\nb = threading.Barrier(2)\n\
                with ThreadPoolExecutor(2) as ex:\n    list(ex.map(lambda _: b.wait(), range(2)))\n";
    let path = script("cli_names.py", code);
    let r = gilt_in(&["--stats", "--timeline", &path], None, &[("COLUMNS", "80")], None);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    for name in ["ThreadPoolExecutor-0_0", "ThreadPoolExecutor-0_1"] {
        // Once in --stats, once in the timeline and once in its stats table.
        assert!(r.stderr.matches(name).count() >= 2, "{name} missing: {}", r.stderr);
    }
    for l in r.stderr.lines() {
        assert!(l.chars().count() <= 80, "too wide: {l:?}");
    }
}

/// `--timeline` on a terminal: as wide as the terminal (TIOCGWINSZ) when COLUMNS is not
/// exported, COLUMNS when it is; colours unless NO_COLOR. Runs in a pty from util-linux `script`.
#[test]
fn timeline_uses_the_terminal_width() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    }
    let path = script(
        "cli_timeline_tty.py",
        "import threading\ndef w():\n    sum(range(100000))\nt = threading.Thread(target=w)\nt.start()\nt.join()\n",
    );
    // The shell `script` starts updates COLUMNS when `stty` resizes the terminal: set it (or
    // unset it) on gilt's own command line.
    let run = |columns: &str, env: &[(&str, &str)]| {
        let mut cmd = Command::new("script");
        for v in ENV_VARS {
            cmd.env_remove(v);
        }
        cmd.env_remove("NO_COLOR").envs(env.iter().copied());
        let line = format!("stty cols 123 rows 40; env {columns} {GILT} --timeline {path}");
        let out = cmd.args(["-qec", &line, "/dev/null"]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).replace('\r', "")
    };
    let axis_width = |text: &str| {
        text.lines().find(|l| l.trim_end().ends_with(" ms") && l.contains("0 ms ")).map(|l| l.chars().count())
    };
    let text = run("-u COLUMNS", &[("NO_COLOR", "1")]);
    assert!(!text.contains("\x1b["), "NO_COLOR: no colours:\n{text}");
    assert_eq!(axis_width(&text), Some(122), "the axis spans the terminal's 123 columns but one:\n{text}");
    let text = run("COLUMNS=90", &[("NO_COLOR", "1")]);
    assert_eq!(axis_width(&text), Some(89), "COLUMNS wins:\n{text}");
    let text = run("-u COLUMNS", &[]);
    assert!(text.contains("\x1b["), "colours on a terminal:\n{text}");
}

/// A switch interval that is not a positive, representable number of
/// milliseconds is a usage error (it used to panic on `inf`).
#[test]
fn switch_interval_out_of_range_is_a_usage_error() {
    for bad in ["inf", "nan", "1e300", "0", "-3"] {
        let r = gilt(&["--switch-interval", bad, "-c", "print(1)"], None);
        assert_no_panic(&r);
        assert_eq!(r.code, Some(2), "--switch-interval {bad}: {}", r.stderr);
        assert!(r.stderr.contains("--switch-interval"), "--switch-interval {bad}: {}", r.stderr);
    }
}

/// `--live` on a terminal: the panel is drawn in the bottom lines (a scrolling region
/// keeps the script's output above it) while the script runs, with a row per thread and
/// its state, and the terminal gets its whole screen back at exit. Without a terminal
/// it says why and the script still runs.
#[test]
fn live_view_draws_in_a_terminal() {
    let code = "import threading, time\ndef work():\n    time.sleep(0.6)\n\
                t = threading.Thread(target=work, name='napper-with-a-rather-long-name')\nt.start()\nt.join()\nprint('done')\n";
    let path = script("cli_live.py", code);
    let r = gilt(&["--live", &path], None);
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), "done\n"), "{}", r.stderr);
    assert!(r.stderr.contains("gilt: --live: stderr is not a terminal"), "{}", r.stderr);
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    }
    let out = Command::new("script")
        .args(["-qec", &format!("stty rows 30 cols 100; {GILT} --live {path}"), "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let screen = String::from_utf8_lossy(&out.stdout);
    // The full thread name, not its first 15 characters (the name column widens).
    let name = "napper-with-a-rather-long-name";
    for want in ["\x1b[1;22r", "gilt --live: ", "MainThread", name, "in sleep", "done", "\x1b[r"] {
        assert!(screen.contains(want), "missing {want:?} in:\n{screen:?}");
    }
}

/// A long recorded run says on stderr how far it is (every `GILT_PROGRESS_SECS`, by default
/// 5 s when stderr is a terminal) and, at exit, that the views are being written.
#[test]
fn long_recordings_show_progress() {
    let code = "import time\nt = time.time()\nwhile time.time() - t < 1.3:\n    sum(range(100))\nprint('done')\n";
    let dir = scratch("cli_progress", &[("w.py", code)]);
    let r = gilt_in(&["--trace", "t.json", "w.py"], None, &[("GILT_PROGRESS_SECS", "0.5")], Some(&dir));
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), "done\n"), "{}", r.stderr);
    assert!(r.stderr.contains("gilt: recording, 1 s so far: "), "{}", r.stderr);
    assert!(r.stderr.contains("writing the views from "), "{}", r.stderr);
    // Not on a pipe without the variable, nor without recording.
    let r = gilt_in(&["--trace", "t.json", "w.py"], None, &[], Some(&dir));
    assert!(!r.stderr.contains("so far"), "{}", r.stderr);
    let r = gilt_in(&["w.py"], None, &[("GILT_PROGRESS_SECS", "0.5")], Some(&dir));
    assert_eq!(r.stderr, "");
}

/// Counts in words are singular for one: "1 switch", "1 thread".
#[test]
fn tool_counts_are_singular_for_one() {
    let r = gilt(&["--stats", "-c", "pass"], None);
    assert!(r.stderr.contains("all 1 thread "), "{}", r.stderr);
    assert!(!r.stderr.contains(" 1 switches"), "{}", r.stderr);
    let r = gilt(&["--profile", "-c", "def f(): pass\nf()"], None);
    assert!(r.stderr.contains(", 1 thread, "), "{}", r.stderr);
}

/// With the GIL off and two busy threads on one CPU, each thread "runs" for the whole time but
/// gets half of it from the OS: `--stats` shows CPU time beside wall time and says the machine
/// had fewer cores than running threads, so the picture is not misread.
#[test]
fn busy_machine_is_noted_beside_cpu_time() {
    let code = "import threading, time\ndef work():\n    t = time.time()\n    while time.time() - t < 0.6:\n        pass\n\
                ts = [threading.Thread(target=work) for _ in range(2)]\nfor t in ts: t.start()\nfor t in ts: t.join()\n";
    let path = script("cli_busy_machine.py", code);
    let r = gilt(&["--gil", "off", "--cpus", "1", "--stats", &path], None);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("cpu ms"), "{}", r.stderr);
    assert!(r.stderr.contains("the machine was busy"), "{}", r.stderr);
    assert!(r.stderr.contains("(1 core"), "{}", r.stderr);
}
