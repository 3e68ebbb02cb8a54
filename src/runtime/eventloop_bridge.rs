//! Native futures and tasks on an event loop written in Python (CPython's
//! `asyncio.base_events.BaseEventLoop` and its subclasses, `test_utils.TestLoop`),
//! as CPython's C `_asyncio` runs them on any loop: every job such a future
//! or task schedules (a done-callback, a task step, a `sleep` timer) is handed
//! to the Python loop's `call_soon` / `call_later`, one Python callback per
//! job, in the order they were scheduled.
//!
//! A Python loop is represented by a *bridge* `LoopCore` (its `bridge` part
//! set): futures refer to it as to a native loop. Its jobs cannot be handed
//! over where they are scheduled (deep inside the future's code, with no
//! `Vm` at hand), so the bridge queues them and marks itself in this
//! thread's dirty list; the native entry points of `_asyncio` (future and
//! task methods, the job runner itself) call [`flush`] before returning to
//! Python.

use std::cell::RefCell;
use std::sync::{Arc, Weak};

use parking_lot::Mutex;

use super::eventloop::{AsyncState, Job, LoopCore};
use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// The Python half of a bridge loop.
pub struct Bridge {
    /// The Python loop object (kept alive while a future refers to the bridge).
    pub py: Value,
    /// The bridge itself, to put on the dirty list from `&self`.
    me: Weak<LoopCore>,
    /// Jobs not handed to the Python loop yet, with their delay in seconds
    /// (`None`: `call_soon`).
    out: Mutex<Vec<(Option<f64>, Job)>>,
}

thread_local! {
    /// Bridges with queued jobs, flushed by the next [`flush`] in this thread.
    static DIRTY: RefCell<Vec<Arc<LoopCore>>> = const { RefCell::new(Vec::new()) };
}

impl Bridge {
    /// Queues `job` to be handed to the Python loop (after `delay` seconds).
    pub fn post(&self, delay: Option<f64>, job: Job) {
        let first = {
            let mut out = self.out.lock();
            out.push((delay, job));
            out.len() == 1
        };
        if first && let Some(me) = self.me.upgrade() {
            DIRTY.with(|d| d.borrow_mut().push(me));
        }
    }
}

/// The bridge loop of Python loop `py`: the one already made while a
/// future still refers to it, else a new one.
pub fn bridge_for(st: &Arc<AsyncState>, py: &Value) -> Arc<LoopCore> {
    let mut all = st.bridges.lock();
    all.retain(|w| w.strong_count() > 0);
    for w in all.iter() {
        if let Some(lp) = w.upgrade()
            && lp.bridge.as_ref().is_some_and(|b| b.py.id() == py.id())
        {
            return lp;
        }
    }
    let lp = Arc::new_cyclic(|me| {
        let bridge = Bridge { py: py.clone(), me: me.clone(), out: Mutex::new(Vec::new()) };
        LoopCore::with_bridge(st.clone(), Some(Box::new(bridge)))
    });
    all.push(Arc::downgrade(&lp));
    lp
}

/// Hands every queued job of this thread's bridges to its Python loop:
/// `loop.call_soon(run)` (or `call_later(delay, run)`), where `run` runs
/// the job natively. An error from the loop (closed) is raised to the
/// caller, as CPython's future raises what `call_soon` raised.
pub fn flush(vm: &mut Vm) -> PyResult<()> {
    loop {
        let Some(lp) = DIRTY.with(|d| d.borrow_mut().pop()) else { return Ok(()) };
        let Some(b) = &lp.bridge else { continue };
        let jobs = std::mem::take(&mut *b.out.lock());
        let mut first_err = None;
        for (delay, job) in jobs {
            let slot = Mutex::new(Some(job));
            let core = lp.clone();
            let run = Vm::native("_run_native_job", move |vm, _a| {
                let job = slot.lock().take();
                if let Some(job) = job {
                    core.run_job(vm, job)?;
                }
                flush(vm)?;
                Ok(Value::None)
            });
            let r = match delay {
                None => vm.call_method(&b.py, "call_soon", vec![run]),
                Some(d) => vm.call_method(&b.py, "call_later", vec![Value::Float(d), run]),
            };
            if let Err(e) = r
                && first_err.is_none()
            {
                first_err = Some(e);
            }
        }
        if let Some(e) = first_err {
            return Err(e);
        }
    }
}
