//! Runs every classroom experiment in scripts/experiments/ at its small size
//! ("small" argument) and checks that the effect it teaches shows, with wide
//! margins (the machine may be busy), or is reported correctly. Serialized,
//! because several of them measure time.

use std::process::Command;
use std::sync::Mutex;

const GILT: &str = env!("CARGO_BIN_EXE_gilt");
static SERIAL: Mutex<()> = Mutex::new(());

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn exp(flags: &[&str], name: &str) -> Out {
    let _one_at_a_time = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let script = format!("{}/scripts/experiments/{name}", env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(GILT)
        .args(flags)
        .arg(&script)
        .arg("small")
        .env_remove("GILT_GIL")
        .current_dir(env!("CARGO_TARGET_TMPDIR"))
        .output()
        .unwrap();
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The numbers on the `RESULT` line whose first word is `key` (or any, if "").
fn result(o: &Out, key: &str) -> Vec<f64> {
    let line = o
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("RESULT "))
        .find(|l| key.is_empty() || l.split_whitespace().next() == Some(key))
        .unwrap_or_else(|| panic!("no RESULT {key} line (exit {}):\n{}{}", o.code, o.stdout, o.stderr));
    line.split_whitespace().filter_map(|w| w.trim_end_matches('x').parse().ok()).collect()
}

#[test]
fn exp01_sleeping_threads_overlap() {
    let o = exp(&[], "exp01_sleep_threads.py");
    let speedup = result(&o, "speedup")[0];
    assert!(speedup >= 2.0, "4 sleeps in threads should overlap: {}", o.stdout);
}

#[test]
fn exp02_cpu_threads_gil_on_vs_off() {
    // A machine busy with other work can slow the one-thread run alone and
    // fake a speedup; the GIL never produces one, so one clean run of three
    // is enough.
    let runs: Vec<Out> = (0..3).map(|_| exp(&["--gil", "on"], "exp02_cpu_threads.py")).collect();
    let best = runs.iter().map(|o| result(o, "speedup")[0]).fold(f64::INFINITY, f64::min);
    assert!(best < 1.4, "GIL on: no speedup expected: {}", runs[0].stdout);
    let off = exp(&["--gil", "off"], "exp02_cpu_threads.py");
    assert!(off.stdout.contains("GIL off") && result(&off, "speedup")[0] > 0.5, "{}", off.stdout);
}

#[test]
fn exp03_old_gil_on_two_cores_and_one() {
    for flags in [&["--switch", "ticks=100", "--stats"][..], &["--switch", "ticks=100", "--stats", "--cpus", "1"][..]] {
        let o = exp(flags, "exp03_old_gil_cores.py");
        assert_eq!(o.code, 0, "{}", o.stderr);
        assert!(o.stderr.contains("periodic releases"), "{}", o.stderr);
        assert!(result(&o, "total")[0] > 0.0);
    }
}

#[test]
fn exp04_convoy_grows_with_the_switch_interval() {
    let o = exp(&[], "exp04_convoy.py");
    let (d1, d20) = (result(&o, "1")[1], result(&o, "20")[1]);
    assert!(d20 > 5.0 && d20 > 1.5 * d1, "delay should grow with the interval: {}", o.stdout);
}

#[test]
fn exp05_lost_update_and_the_lock_that_fixes_it() {
    let on = exp(&["--switch", "instr=1"], "exp05_lost_update.py");
    assert!(result(&on, "unsafe")[0] > 0.0, "instr=1 should lose updates: {}", on.stdout);
    assert_eq!(result(&on, "safe")[0], 0.0);
    let off = exp(&["--gil", "off"], "exp05_lost_update.py");
    assert_eq!(result(&off, "safe")[0], 0.0, "{}", off.stdout);
}

#[test]
fn exp06_more_consumers_finish_sooner() {
    let o = exp(&[], "exp06_producer_consumer.py");
    let (one, three) = (result(&o, "1"), result(&o, "3"));
    assert_eq!((one[2], three[2]), (12.0, 12.0), "{}", o.stdout);
    assert!(three[1] < one[1], "{}", o.stdout);
}

#[test]
fn exp07_asyncio_waits_cheaper_than_threads() {
    let o = exp(&[], "exp07_asyncio_vs_threads.py");
    let r = result(&o, "");
    assert!(r[0] < r[1], "{}", o.stdout);
}

#[test]
fn exp08_pool_gives_the_same_results() {
    let o = exp(&[], "exp08_pool_vs_threads.py");
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(result(&o, "").len(), 3);
}

#[test]
fn exp09_deadlock_is_reported() {
    let o = exp(&[], "exp09_deadlock.py");
    assert_eq!(o.code, 3, "{}", o.stderr);
    for want in ["Deadlock detected:", "for lock 'audit_log', held by audit", "for lock 'accounts', held by transfer"] {
        assert!(o.stderr.contains(want), "missing {want:?}:\n{}", o.stderr);
    }
}

#[test]
fn exp10_blocking_call_freezes_the_loop() {
    let o = exp(&[], "exp10_blocking_in_asyncio.py");
    let (fine, blocked) = (result(&o, "0")[1], result(&o, "1")[1]);
    assert!(blocked > 60.0 && blocked > 2.0 * fine, "{}", o.stdout);
    assert!(!o.stderr.contains("Executing"), "plain runs report nothing: {}", o.stderr);
    // With the timeline: reported once on stderr, with where, and drawn as `!`.
    let o = exp(&["--timeline"], "exp10_blocking_in_asyncio.py");
    assert_eq!(
        o.stderr
            .lines()
            .filter(|l| l.starts_with("Executing <Task pending name='Task-") && l.contains("coro=<main() running at"))
            .count(),
        1,
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("worker() ran from") && o.stderr.contains(":21 to line 26"), "{}", o.stderr);
    // Task numbers go on across the script's two asyncio.run calls, as in CPython.
    assert!(o.stderr.lines().any(|l| l.starts_with("Task-5 main()") && l.contains('!')), "{}", o.stderr);
    assert!(o.stderr.contains("worker() exp10_blocking_in_asyncio.py:21→26"), "{}", o.stderr);
}

#[test]
fn exp11_report_draws_every_thread() {
    let html = format!("{}/{}-exp11.html", env!("CARGO_TARGET_TMPDIR"), std::process::id());
    let o = exp(&["--report", &html], "exp11_io_beside_cpu.py");
    assert_eq!(o.code, 0, "{}", o.stderr);
    let page = std::fs::read_to_string(&html).unwrap();
    assert_eq!(page.matches("class=\"thread-row\"").count(), 4);
}

#[test]
fn exp13_subprocess_waits_overlap_in_a_pool() {
    // Needs `select` (subprocess.py imports it at the top).
    let o = exp(&[], "exp13_subprocess_pool.py");
    assert_eq!(o.code, 0, "{}", o.stderr);
    let speedup = result(&o, "speedup")[0];
    assert!(speedup >= 1.5, "child waits in threads should overlap: {}", o.stdout);
}

#[test]
fn exp14_sqlite_pool_threads_block_in_sqlite_not_on_the_gil() {
    let o = exp(&["--timeline"], "exp14_sqlite_pool.py");
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(result(&o, "speedup")[0] > 0.0, "{}", o.stdout);
    let kinds = o.stderr.lines().find(|l| l.starts_with("blocked ms by kind:")).unwrap_or("");
    assert!(kinds.contains("sqlite"), "SQLite work should be recorded as its own kind: {}", o.stderr);
    // The pool threads spend their time blocked in SQLite (GIL released),
    // far more than waiting for the GIL.
    let (mut wait, mut block) = (0.0, 0.0);
    // Their rows of the stats table (the timeline's rows hold `|`).
    for l in o.stderr.lines().filter(|l| l.starts_with("pool_") && !l.contains('|')) {
        let nums: Vec<f64> = l.split_whitespace().skip(1).filter_map(|w| w.parse().ok()).collect();
        assert!(nums.len() >= 5, "{l}");
        // wall, cpu, held, wait, blocked, …
        wait += nums[3];
        block += nums[4];
    }
    assert!(block > 3.0 * wait && block > 0.0, "pool threads: wait {wait} ms, blocked {block} ms\n{}", o.stderr);
}

#[test]
fn exp12_downloads_overlap_while_blocked_in_socket() {
    let o = exp(&["--stats"], "exp12_http_downloads.py");
    let speedup = result(&o, "speedup")[0];
    assert!(speedup > 2.0, "{}", o.stdout);
    // The downloaders wait in their sockets with the GIL released.
    let kinds = o.stderr.lines().find(|l| l.starts_with("blocked ms by kind:")).unwrap_or("");
    assert!(kinds.contains("socket"), "{}", o.stderr);
}

#[test]
fn exp15_chat_server_waits_on_sockets_holding_nothing() {
    let o = exp(&["--stats"], "exp15_chat_server.py");
    assert_eq!(o.code, 0, "{}", o.stderr);
    let r = result(&o, "delivered");
    // 4 clients x 5 messages, each delivered to the 3 others.
    assert_eq!((r[0], r[1]), (60.0, 60.0), "{}", o.stdout);
    // While every task waits on a socket the loop polls with the GIL released:
    // the loop's thread runs Python a small part of the chat's wall time
    // (its CPU time), and the waits show as `select` in the stats.
    assert!(r[2] < 50.0, "the loop thread should mostly wait: {}", o.stdout);
    let kinds = o.stderr.lines().find(|l| l.starts_with("blocked ms by kind:")).unwrap_or("");
    assert!(kinds.contains("select"), "{}", o.stderr);
}

#[test]
fn exp16_signal_handlers_run_between_main_thread_bytecodes() {
    for gil in ["on", "off"] {
        let o = exp(&["--gil", gil], "exp16_signals.py");
        assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
        assert!(o.stdout.contains("RESULT join MainThread"), "{}", o.stdout);
        // A long native call delays the handler to its end; a Python loop does not.
        assert!(result(&o, "native")[0] >= 0.9, "{}", o.stdout);
        assert!(result(&o, "python")[0] < 0.9, "{}", o.stdout);
        assert_eq!(result(&o, "asyncio")[0], 2.0, "{}", o.stdout);
        assert!(o.stdout.contains("SIGINT via add_signal_handler: callback ran in MainThread"), "{}", o.stdout);
    }
}

#[test]
fn exp17_fork_starts_faster_and_inherits_the_parents_state() {
    let o = exp(&[], "exp17_fork_vs_spawn.py");
    assert_eq!(o.code, 0, "{}", o.stderr);
    let fork = o.stdout.lines().find(|l| l.starts_with("fork ")).unwrap_or("");
    let spawn = o.stdout.lines().find(|l| l.starts_with("spawn")).unwrap_or("");
    assert!(fork.contains("setting='changed after import'; a lambda target runs"), "{}", o.stdout);
    assert!(spawn.contains("setting='as imported'; a lambda target fails"), "{}", o.stdout);
    // Spawning starts a whole interpreter; forking copies one. A busy
    // machine blurs the ratio, never reverses it by much.
    assert!(result(&o, "fork_faster")[0] > 1.0, "{}", o.stdout);
}
