//! Watching the event loop's jobs (issue 6): asyncio task steps recorded as
//! events for the task tracks of `--trace` / `--timeline` / `--report`, and
//! any callback or task step that runs 100 ms or more without yielding —
//! a blocking call inside the event loop — marked in the recording and
//! reported once on stderr, in the words of CPython's asyncio debug mode
//! (`Executing <Task …> took 0.301 seconds`) plus where the blocking code is.
//!
//! Only when the loop is in debug mode (`asyncio.run(…, debug=True)`,
//! `loop.set_debug(True)`, `PYTHONASYNCIODEBUG`) or events are being
//! recorded; otherwise the loop runs its jobs without this module (one
//! check per loop iteration), and plain runs print exactly what CPython does.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use super::eventloop::{Callback, Fut, Job, LoopCore};
use super::events::GilEvent;
use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// CPython's `loop.slow_callback_duration`.
pub const SLOW: Duration = Duration::from_millis(100);

/// Per-loop memory of what was already reported (each blocking place is
/// reported once, however often it blocks).
#[derive(Default)]
pub struct WatchState {
    reported: Mutex<HashSet<String>>,
}

/// Whether the loop should watch its jobs this iteration.
pub fn watching(lp: &LoopCore, vm: &Vm) -> bool {
    lp.debug.load(Ordering::Relaxed) || vm.gil.as_ref().is_some_and(|g| g.is_recording())
}

/// `PYTHONASYNCIODEBUG` set to a non-empty value: new loops start in debug
/// mode, as in CPython.
pub fn debug_from_env() -> bool {
    std::env::var_os("PYTHONASYNCIODEBUG").is_some_and(|v| !v.is_empty())
}

/// A code location: function, file, line.
struct Loc {
    func: String,
    file: Arc<str>,
    line: u32,
}

/// Where a suspended coroutine chain stands: its innermost frame (the
/// `await` every outer frame waits in passes through the stack top).
fn innermost(coro: &Value) -> Option<Loc> {
    let Value::Generator(g) = coro else { return None };
    let mut cur = g.clone();
    let mut found = None;
    for _ in 0..100 {
        let next = {
            let st = cur.state.lock();
            let Some(f) = st.frame.as_ref() else { break };
            found =
                Some(Loc { func: cur.qualname.as_str().to_string(), file: f.code.filename.clone(), line: f.line() });
            match f.stack.last() {
                Some(Value::Generator(inner)) => inner.clone(),
                _ => break,
            }
        };
        cur = next;
    }
    found
}

fn base(file: &str) -> &str {
    file.rsplit('/').next().unwrap_or(file)
}

/// `file` relative to the current directory when it lies under it.
fn short(file: &str) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| std::path::Path::new(file).strip_prefix(cwd).ok().map(|p| p.display().to_string()))
        .unwrap_or_else(|| file.to_string())
}

/// The task a job resumes, if it is a task step.
fn task_of(job: &Job) -> Option<Arc<Fut>> {
    match job {
        Job::Step(t, _) | Job::Done(_, Callback::Wake(t)) => Some(t.clone()),
        _ => None,
    }
}

/// The Python callable a job calls, if it is a callback.
fn callback_of(job: &Job) -> Option<Value> {
    match job {
        Job::Call(h) => Some(h.func.clone()),
        Job::Done(_, Callback::Py(f)) => Some(f.0.clone()),
        _ => None,
    }
}

/// Runs `job` with `run`, recording task steps and reporting a slow one.
pub fn run_watched(
    lp: &Arc<LoopCore>,
    vm: &mut Vm,
    job: Job,
    run: fn(&Arc<LoopCore>, &mut Vm, Job) -> PyResult<()>,
) -> PyResult<()> {
    if let Some(t) = task_of(&job) {
        return run_task_step(lp, vm, job, &t, run);
    }
    let Some(func) = callback_of(&job) else { return run(lp, vm, job) };
    let t0 = Instant::now();
    let r = run(lp, vm, job);
    let took = t0.elapsed();
    if took >= SLOW {
        let (handle, what) = match &func {
            Value::Function(f) => {
                let (q, file, line) = (f.qualname.lock().clone(), f.code.filename.clone(), f.code.firstlineno);
                (
                    format!("<Handle {}() at {file}:{line}>", q.as_str()),
                    format!("callback {}() {}:{line}", q.as_str(), base(&file)),
                )
            }
            other => {
                let r = vm.repr_of(other).unwrap_or_default();
                (format!("<Handle {r}>"), format!("callback {r}"))
            }
        };
        let slow = Slow { handle, what, detail: String::new(), key: String::new() };
        report(lp, vm, slow, (t0 + took, took), None);
    }
    r
}

fn run_task_step(
    lp: &Arc<LoopCore>,
    vm: &mut Vm,
    job: Job,
    t: &Arc<Fut>,
    run: fn(&Arc<LoopCore>, &mut Vm, Job) -> PyResult<()>,
) -> PyResult<()> {
    let Some(tp) = &t.task else { return run(lp, vm, job) };
    if !t.is_pending() {
        return run(lp, vm, job);
    }
    let addr = Arc::as_ptr(t) as usize;
    let name = match tp.name() {
        Value::Str(s) => s.as_str().to_string(),
        other => vm.str_of(&other).unwrap_or_default(),
    };

    let before = innermost(&tp.coro);
    let t0 = Instant::now();
    if let Some(g) = vm.gil.as_mut()
        && g.is_recording()
    {
        // The views name a task's track by its name and its coroutine
        // (`Task-3 fetch()`), since `Task-3` alone says nothing; a task
        // named after its coroutine keeps its name alone.
        let track_name = match &tp.coro {
            Value::Generator(c) if c.qualname.as_str() != name => format!("{name} {}()", c.qualname.as_str()),
            _ => name.clone(),
        };
        g.record_event(t0, GilEvent::TaskStep { task: addr, name: track_name });
    }
    let r = run(lp, vm, job);
    let end = Instant::now();
    let took = end - t0;
    let done = !t.is_pending();
    if took >= SLOW {
        let coro = tp.coro.clone();
        let after = if done { None } else { innermost(&coro) };
        let task = task_repr(vm, t, &name, &coro, done);
        let (what, detail) = place(&name, before.as_ref(), after.as_ref());
        // Where the task stopped (a loop that blocks every round stops at the
        // same `await`), or where it started if it finished.
        let key = match after.as_ref().or(before.as_ref()) {
            Some(l) => format!("{}:{}:{}", l.func, l.file, l.line),
            None => name.clone(),
        };
        report(lp, vm, Slow { handle: task, what, detail, key }, (end, took), Some(addr));
    }
    if let Some(g) = vm.gil.as_mut() {
        g.record_event(end, GilEvent::TaskStepEnd { task: addr, done });
    }
    r
}

/// CPython's task repr as its debug mode prints it after a step: the
/// outermost coroutine's current line while pending.
fn task_repr(vm: &mut Vm, t: &Arc<Fut>, name: &str, coro: &Value, done: bool) -> String {
    if let (false, Value::Generator(g)) = (done, coro) {
        let st = g.state.lock();
        if let Some(f) = st.frame.as_ref() {
            let q = g.qualname.as_str();
            return format!("<Task pending name='{name}' coro=<{q}() running at {}:{}>>", f.code.filename, f.line());
        }
    }
    t.repr(vm)
}

/// The short description for the views and the detail line for stderr:
/// where the step started and where it stopped.
fn place(name: &str, before: Option<&Loc>, after: Option<&Loc>) -> (String, String) {
    match (before, after) {
        (Some(b), Some(a)) if b.func == a.func && b.file == a.file => (
            format!("{name}: {}() {}:{}→{}", a.func, base(&a.file), b.line, a.line),
            format!("{}() ran from {}:{} to line {}", a.func, short(&a.file), b.line, a.line),
        ),
        (Some(b), Some(a)) => (
            format!("{name}: {}() {}:{} → {}() {}:{}", b.func, base(&b.file), b.line, a.func, base(&a.file), a.line),
            format!(
                "the step ran from {}() at {}:{} to {}() at {}:{}",
                b.func,
                short(&b.file),
                b.line,
                a.func,
                short(&a.file),
                a.line
            ),
        ),
        (Some(b), None) => (
            format!("{name}: {}() {}:{}→end", b.func, base(&b.file), b.line),
            format!("{}() ran from {}:{} to the end of the task", b.func, short(&b.file), b.line),
        ),
        (None, _) => (name.to_string(), String::new()),
    }
}

/// A step that blocked the loop, described.
struct Slow {
    /// CPython's description of the handle or task (`<Task pending …>`).
    handle: String,
    /// Short, for the views: `Task-1: worker() x.py:21→26`.
    what: String,
    /// The gilt line under CPython's (empty: none).
    detail: String,
    /// What makes two slow steps "the same place" (empty: the handle).
    key: String,
}

/// Records the slow step (which ended at `end` after running `took`) and
/// reports it on stderr, once per place.
fn report(lp: &LoopCore, vm: &mut Vm, slow: Slow, (end, took): (Instant, Duration), task: Option<usize>) {
    let Slow { handle, what, detail, key } = slow;
    if let Some(g) = vm.gil.as_mut() {
        g.record_event(end, GilEvent::SlowStep { what, took, task });
    }
    let key = if key.is_empty() { handle.clone() } else { key };
    if !lp.watch.reported.lock().insert(key) {
        return;
    }
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let mut msg = format!("Executing {handle} took {:.3} seconds\n", took.as_secs_f64());
    if !detail.is_empty() {
        msg.push_str(&format!("  (gilt: {detail} without yielding; the event loop and every other task waited)\n"));
    }
    let _ = std::io::stderr().write_all(msg.as_bytes());
}
