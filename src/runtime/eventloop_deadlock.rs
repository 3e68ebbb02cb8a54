//! A stuck event loop as a deadlock (issue 6): "a loop whose every task
//! waits on something no task can set reports it".
//!
//! When the loop is about to wait with nothing ready, no timer pending and
//! no socket watched, only another thread could still wake it (a finished
//! `run_in_executor` / `to_thread` job, `call_soon_threadsafe`). So that wait
//! is registered with the deadlock watchdog (`deadlock.rs`) exactly like a
//! lock wait: if every other thread is blocked for good as well (or there
//! is none), nothing can ever wake the loop, and the watchdog prints the
//! tasks with where each one waits and exits with status 3 — where CPython
//! would hang forever.

use std::sync::Arc;

use super::deadlock::{self, Holder, Wait, WaitGuard};
use super::eventloop::LoopCore;
use crate::object::value::Value;
use crate::vm::Vm;

/// `Wait::what` of a loop waiting this way; `deadlock.rs` words its report
/// line from it.
pub const IDLE_LOOP: &str = "the asyncio event loop";

/// Registers the coming idle wait of `lp` (drop the guard when it ends).
/// Nothing is registered while no task exists: `run_until_complete` of a
/// bare future waits for another thread by design.
pub fn register_idle(lp: &Arc<LoopCore>, vm: &Vm) -> Option<WaitGuard> {
    if lp.tasks.lock().is_empty() {
        return None;
    }
    let thread = vm.gil.as_ref()?.id();
    let me = vm.ident;
    let weak = Arc::downgrade(lp);
    let wait = Wait {
        ident: me,
        thread,
        what: IDLE_LOOP.to_string(),
        site: None,
        name: Some(Arc::new(move || weak.upgrade().map(|lp| describe_tasks(&lp)))),
        timeout: false,
        // What would wake it can only come from the loop's own thread.
        holder: Arc::new(move || Some(Holder { ident: me, site: None })),
    };
    Some(deadlock::begin_wait(&vm.rt.deadlocks, &vm.rt.gil, wait))
}

/// One line per pending task: its name, its coroutine and where it waits.
fn describe_tasks(lp: &LoopCore) -> String {
    let mut tasks: Vec<_> = lp.tasks.lock().values().cloned().collect();
    tasks.sort_by_key(|t| t.task.as_ref().map_or(0, |p| p.number));
    let mut out = String::new();
    for t in tasks {
        let Some(part) = &t.task else { continue };
        let name = match part.name() {
            Value::Str(s) => s.as_str().to_string(),
            _ => format!("Task-{}", part.number),
        };
        let place = match &part.coro {
            Value::Generator(g) => {
                let st = g.state.lock();
                match &st.frame {
                    Some(f) => format!("{}() waiting at {}:{}", g.qualname.as_str(), f.code.filename, f.line()),
                    None => format!("{}()", g.qualname.as_str()),
                }
            }
            _ => "an awaitable".to_string(),
        };
        out.push_str(&format!("    {name}: {place}\n"));
    }
    out
}
