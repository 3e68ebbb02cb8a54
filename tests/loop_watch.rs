//! asyncio in the views (issue 6): one trace track per task, and a step
//! that blocks the event loop for 100 ms or more marked in the trace and the
//! timeline and reported once on stderr — when tracing or in asyncio debug
//! mode (`debug=True`, `PYTHONASYNCIODEBUG`), never in a plain run.

mod common;
use common::json::{Json, parse};

use std::path::PathBuf;
use std::process::Command;

const GILT: &str = env!("CARGO_BIN_EXE_gilt");

/// Two named tasks; `blocker` calls time.sleep between lines 6 and 8.
const SCRIPT: &str = "import asyncio, time
async def ticker(n):
    for _ in range(n):
        await asyncio.sleep(0.01)
async def blocker():
    await asyncio.sleep(0.01)
    time.sleep(0.15)
    await asyncio.sleep(0.01)
async def main():
    await asyncio.gather(asyncio.create_task(ticker(3), name='ticker'), asyncio.create_task(blocker(), name='blocker'))
asyncio.run(main())
print('ok')
";

fn script(name: &str, src: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{}-{name}", std::process::id()));
    std::fs::write(&path, src).unwrap();
    path
}

fn run(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(GILT);
    cmd.args(args).env_remove("GILT_GIL").env_remove("PYTHONASYNCIODEBUG").env("COLUMNS", "80");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn trace_has_a_track_per_task_and_marks_the_blocking_step() {
    let s = script("watch_tasks.py", SCRIPT);
    let json = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{}-watch_tasks.json", std::process::id()));
    let (code, stdout, stderr) = run(&["--trace", json.to_str().unwrap(), s.to_str().unwrap()], &[]);
    assert_eq!((code, stdout.as_str()), (0, "ok\n"), "{stderr}");
    let doc = parse(&std::fs::read_to_string(&json).unwrap());
    let events = doc.get("traceEvents").unwrap().arr();
    let tid_of = |name: &str| {
        events
            .iter()
            .find(|e| {
                e.get("name").unwrap().str() == "thread_name"
                    && e.get("args").unwrap().get("name").unwrap().str() == name
            })
            .map(|e| e.get("tid").unwrap().num() as u64)
            .unwrap_or_else(|| panic!("no track named {name}"))
    };
    let (main_task, ticker, blocker) = (tid_of("Task-1 main()"), tid_of("ticker"), tid_of("blocker"));
    assert!(main_task >= 10_000 && ticker >= 10_000 && blocker >= 10_000);
    let slices = |tid: u64| -> Vec<&Json> {
        events
            .iter()
            .filter(|e| e.get("ph").unwrap().str() == "X" && e.get("tid").unwrap().num() as u64 == tid)
            .collect()
    };
    let steps = |tid: u64| slices(tid).iter().filter(|e| e.get("name").unwrap().str() != "awaiting").count();
    // ticker(3): three awaits, so four steps; blocker: three awaits' worth.
    assert_eq!(steps(ticker), 4);
    assert_eq!(steps(blocker), 3);
    let slow: Vec<&Json> =
        slices(blocker).into_iter().filter(|e| e.get("name").unwrap().str() == "BLOCKING the event loop").collect();
    assert_eq!(slow.len(), 1);
    assert!(slow[0].get("dur").unwrap().num() >= 140_000.0);
    let mark = events
        .iter()
        .find(|e| e.get("name").unwrap().str() == "blocking call in the event loop")
        .expect("instant on the loop's thread");
    assert_eq!(mark.get("tid").unwrap().num(), 1.0);
    let what = mark.get("args").unwrap().get("what").unwrap().str();
    assert!(what.starts_with("blocker: blocker() ") && what.ends_with("watch_tasks.py:6→8"), "{what}");
    // Reported on stderr too, since tracing is on.
    assert!(stderr.contains("Executing <Task pending name='blocker' coro=<blocker() running at"), "{stderr}");
    assert!(
        stderr.contains("blocker() ran from watch_tasks.py:6 to line 8") || stderr.contains(":6 to line 8"),
        "{stderr}"
    );
}

#[test]
fn timeline_draws_task_rows_and_the_blocking_step() {
    let s = script("watch_timeline.py", SCRIPT);
    let (code, _, stderr) = run(&["--timeline", s.to_str().unwrap()], &[]);
    assert_eq!(code, 0, "{stderr}");
    let rows: Vec<&str> = stderr.lines().filter(|l| l.contains('|')).collect();
    assert!(rows.iter().any(|r| r.starts_with("blocker ") && r.contains('!')), "{stderr}");
    assert!(rows.iter().any(|r| r.starts_with("ticker ")), "{stderr}");
    assert!(stderr.contains("a step blocked the event loop for"), "{stderr}");
    for l in stderr.lines().skip_while(|l| !l.starts_with("GIL timeline")) {
        assert!(l.chars().count() <= 80, "too wide: {l:?}");
    }
}

#[test]
fn plain_runs_print_nothing_extra() {
    let s = script("watch_plain.py", SCRIPT);
    let (code, stdout, stderr) = run(&[s.to_str().unwrap()], &[]);
    assert_eq!((code, stdout.as_str(), stderr.as_str()), (0, "ok\n", ""));
}

#[test]
fn debug_mode_reports_slow_steps_and_callbacks_once() {
    // debug=True: the task, reported once although it blocks three times.
    let src = "import asyncio, time
async def main():
    for _ in range(3):
        time.sleep(0.11)
        await asyncio.sleep(0)
asyncio.run(main(), debug=True)
";
    let s = script("watch_debug.py", src);
    let (code, _, stderr) = run(&[s.to_str().unwrap()], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr.matches("Executing <Task pending name='Task-1' coro=<main() running at").count(), 1, "{stderr}");
    assert!(stderr.contains("took 0.1"), "{stderr}");
    // PYTHONASYNCIODEBUG: a slow call_soon callback, in CPython's words.
    let src = "import asyncio, time
def cb():
    time.sleep(0.12)
async def main():
    asyncio.get_running_loop().call_soon(cb)
    await asyncio.sleep(0.05)
asyncio.run(main())
";
    let s = script("watch_env.py", src);
    let (code, _, stderr) = run(&[s.to_str().unwrap()], &[("PYTHONASYNCIODEBUG", "1")]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.starts_with("Executing <Handle cb() at ") && stderr.contains("watch_env.py:2> took 0.1"),
        "{stderr}"
    );
    let (_, _, quiet) = run(&[s.to_str().unwrap()], &[]);
    assert_eq!(quiet, "");
}
