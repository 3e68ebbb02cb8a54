//! Futures and tasks of the event loop (see `eventloop.rs`): one native
//! type, `Fut`, whose optional parts make it a task or a gather.

use std::any::Any;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Weak};

use parking_lot::Mutex;

use super::eventloop::{AsyncState, Callback, Job, LoopCore, running_loop};
use crate::object::class::{Class, Instance};
use crate::object::native::NativeObject;
use crate::object::value::Value;
use crate::vm::iter::SendResult;
use crate::vm::{PyErr, PyResult, Vm};

/// `Fut::try_cancel` went deeper than the recursion limit allows.
#[derive(Debug)]
pub struct CancelTooDeep;

/// Where a future stands.
#[derive(Clone)]
pub enum Status {
    Pending,
    Result(Value),
    Exception(PyErr),
    /// Cancelled, with the optional message (boxed: cancelling is rare, and
    /// an inline `Option<Value>` would make every future 8 bytes bigger).
    Cancelled(Box<Cancel>),
}

/// What a cancelled future keeps: the message of `cancel(msg)` and, for a
/// task whose coroutine ended with a CancelledError, that exception
/// (CPython's `_cancelled_exc`): the first `result()` raises it itself, so
/// its traceback shows where the task was when cancelled.
pub struct Cancel {
    pub msg: Option<Value>,
    pub exc: Option<PyErr>,
}

impl Clone for Cancel {
    /// A copy for reading the status: the message only (the original
    /// exception is handed out once, by [`Fut::cancelled_error`]).
    fn clone(&self) -> Cancel {
        Cancel { msg: self.msg.clone(), exc: None }
    }
}

impl Status {
    /// Cancelled with message `msg`.
    pub fn cancelled(msg: Option<Value>) -> Status {
        Status::Cancelled(Box::new(Cancel { msg, exc: None }))
    }
}

/// The mutable part of a future.
pub struct FutState {
    pub status: Status,
    pub callbacks: Callbacks,
    /// Whether `result()`/`exception()` looked at a stored exception.
    pub retrieved: bool,
    /// `_asyncio_future_blocking`: set by a task written in Python
    /// (CPython's `_PyTask`) on the future it awaits.
    pub blocking: bool,
    /// `sleep(delay, result)` not yet started: armed when first awaited.
    pub sleep: Option<Box<(f64, Value)>>,
    /// The loop this future belongs to.
    pub lp: Option<Arc<LoopCore>>,
    /// The instance of a Python subclass (`class F(asyncio.Future)`) that
    /// carries this future as its payload; boxed, as few futures have one.
    pub outer: Option<Box<Outer>>,
}

/// How a native future refers to the subclass instance that carries it.
/// A pending task holds it strongly: the loop runs the task (and its
/// `current_task()` is that instance) even when nobody else refers to it,
/// as CPython's ready queue holds the task. Anything else holds it weakly,
/// so that the instance (and its `__del__`) goes as in CPython; the
/// instance refers to the future, so a strong link both ways would never
/// be freed (the collector does not look into native objects).
pub enum Outer {
    Strong(Arc<Instance>),
    Weak(Weak<Instance>),
}

impl Outer {
    fn get(&self) -> Option<Arc<Instance>> {
        match self {
            Outer::Strong(i) => Some(i.clone()),
            Outer::Weak(w) => w.upgrade(),
        }
    }
}

/// A future's done-callbacks: usually none or one, so no `Vec` for those
/// (and a boxed one for more, which keeps this enum as small as a `Callback`).
pub enum Callbacks {
    None,
    One(Callback),
    Many(Box<Vec<Callback>>),
}

impl Callbacks {
    /// Appends a callback.
    pub fn push(&mut self, cb: Callback) {
        *self = match std::mem::replace(self, Callbacks::None) {
            Callbacks::None => Callbacks::One(cb),
            Callbacks::One(a) => Callbacks::Many(Box::new(vec![a, cb])),
            Callbacks::Many(mut v) => {
                v.push(cb);
                Callbacks::Many(v)
            }
        };
    }

    /// Removes the Python callbacks equal (by identity) to `func`; returns how many.
    pub fn remove_py(&mut self, func: &Value) -> usize {
        self.remove_where(|c| matches!(c, Callback::Py(f) if f.0.id() == func.id()))
    }

    /// Removes `run_until_complete`'s stop callbacks (CPython's
    /// `remove_done_callback(_run_until_complete_cb)` when the run ends early).
    pub fn remove_stop(&mut self) -> usize {
        self.remove_where(|c| matches!(c, Callback::Stop))
    }

    fn remove_where(&mut self, drop_it: impl Fn(&Callback) -> bool) -> usize {
        let v = match std::mem::replace(self, Callbacks::None) {
            Callbacks::None => Vec::new(),
            Callbacks::One(a) => vec![a],
            Callbacks::Many(v) => *v,
        };
        let before = v.len();
        let kept: Vec<Callback> = v.into_iter().filter(|c| !drop_it(c)).collect();
        let removed = before - kept.len();
        for c in kept {
            self.push(c);
        }
        removed
    }
}

/// What makes a future a task. Every pending task owns one, so it is kept
/// to 80 bytes: the coroutine never changes (no lock), and the mutable
/// fields share one lock.
pub struct TaskPart {
    /// The coroutine (or the awaitable's iterator) being driven.
    pub coro: Value,
    pub number: u64,
    /// The coroutine's code, for `coro=<f() done, defined at file:line>`.
    pub code: Option<Arc<crate::bytecode::CodeObject>>,
    /// `cancelling()`: pending cancellation requests.
    pub num_cancels: AtomicUsize,
    /// The fields that change. Never held while Python code runs.
    pub m: Mutex<TaskMut>,
}

/// The mutable fields of a task (`TaskPart::m`).
#[derive(Default)]
pub struct TaskMut {
    /// The name set by the user; None means `Task-{number}` (made lazily).
    pub name: Option<Box<Value>>,
    /// The future the task waits on.
    pub waiter: Option<Arc<Fut>>,
    /// The future written in Python the task waits on instead
    /// (`eventloop_foreign.rs`).
    pub py_waiter: Option<Box<Value>>,
    /// Set by `cancel()` when there is no waiter to cancel: the message.
    pub must_cancel: Option<Box<Option<Value>>>,
    /// The `contextvars.Context` the task's steps run in (None: none yet);
    /// boxed so that a task without one stays in its allocation size class.
    pub context: Option<Box<Value>>,
}

impl TaskPart {
    /// `get_name()`.
    pub fn name(&self) -> Value {
        match &self.m.lock().name {
            Some(n) => (**n).clone(),
            None => Value::string(format!("Task-{}", self.number)),
        }
    }
}

/// What makes a future the outer future of `gather`.
pub struct GatherPart {
    pub children: Vec<Arc<Fut>>,
    pub return_exceptions: bool,
    pub finished: AtomicUsize,
    pub cancel_requested: Mutex<bool>,
}

/// An asyncio Future, Task or gather result (`_asyncio.Future` / `Task`).
pub struct Fut {
    pub st: Arc<AsyncState>,
    pub state: Mutex<FutState>,
    pub task: Option<Box<TaskPart>>,
    pub gather: Option<Box<GatherPart>>,
}

impl NativeObject for Fut {
    fn class(&self) -> &Arc<Class> {
        if self.task.is_some() { &self.st.task_class } else { &self.st.future_class }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Fut {
    /// A pending future on `lp`.
    pub fn new(st: Arc<AsyncState>, lp: Option<Arc<LoopCore>>) -> Fut {
        Fut {
            st,
            state: Mutex::new(FutState {
                status: Status::Pending,
                callbacks: Callbacks::None,
                retrieved: false,
                blocking: false,
                sleep: None,
                lp,
                outer: None,
            }),
            task: None,
            gather: None,
        }
    }

    /// The future as a Python value: the subclass instance carrying it,
    /// if there is one (and it is alive), else the native object.
    pub fn value(self: &Arc<Self>) -> Value {
        if let Some(o) = &self.state.lock().outer
            && let Some(i) = o.get()
        {
            return Value::Instance(i);
        }
        Value::from_native(self.clone())
    }

    /// Records the subclass instance `inst` that carries this future
    /// (strongly for a pending task: see [`Outer`]).
    pub fn set_outer(&self, inst: &Arc<Instance>) {
        let mut s = self.state.lock();
        let strong = self.task.is_some() && matches!(s.status, Status::Pending);
        s.outer = Some(Box::new(if strong { Outer::Strong(inst.clone()) } else { Outer::Weak(Arc::downgrade(inst)) }));
    }

    /// Not done yet.
    pub fn is_pending(&self) -> bool {
        matches!(self.state.lock().status, Status::Pending)
    }

    /// The loop of this future.
    pub fn lp(&self) -> Option<Arc<LoopCore>> {
        self.state.lock().lp.clone()
    }

    /// Starts a lazy `sleep` timer on `lp` (no-op for other futures).
    pub fn arm(self: &Arc<Self>, lp: &Arc<LoopCore>) {
        let sleep = {
            let mut s = self.state.lock();
            if s.lp.is_none() {
                s.lp = Some(lp.clone());
            }
            s.sleep.take()
        };
        if let Some(b) = sleep {
            let (d, v) = *b;
            let v = if v.is_none() { None } else { Some(Box::new(v)) };
            if d <= 0.0 || d.is_nan() {
                lp.push(Job::Wake(self.clone(), v));
            } else {
                lp.push_after(super::eventloop::delay(d), Job::Wake(self.clone(), v));
            }
        }
    }

    /// Completes the future and schedules its callbacks.
    pub fn finish(self: &Arc<Self>, status: Status) {
        let (cbs, lp, keep) = {
            let mut s = self.state.lock();
            if !matches!(s.status, Status::Pending) {
                return;
            }
            s.status = status;
            // A done task's instance is held weakly from now on; the strong
            // reference goes once the callbacks queued below have run.
            let keep = match s.outer.as_deref() {
                Some(Outer::Strong(i)) => {
                    let i = i.clone();
                    s.outer = Some(Box::new(Outer::Weak(Arc::downgrade(&i))));
                    Some(i)
                }
                _ => None,
            };
            (std::mem::replace(&mut s.callbacks, Callbacks::None), s.lp.clone().or_else(running_loop), keep)
        };
        if let Some(lp) = lp {
            match cbs {
                Callbacks::None => {}
                Callbacks::One(cb) => lp.push(Job::Done(self.clone(), cb)),
                Callbacks::Many(v) => {
                    for cb in *v {
                        lp.push(Job::Done(self.clone(), cb));
                    }
                }
            }
            if let Some(i) = keep {
                lp.push(Job::Keep(i));
            }
        }
    }

    /// Adds a done-callback; scheduled at once if already done.
    pub fn add_callback(self: &Arc<Self>, cb: Callback) {
        let lp = {
            let mut s = self.state.lock();
            if matches!(s.status, Status::Pending) {
                s.callbacks.push(cb);
                return;
            }
            s.lp.clone().or_else(running_loop)
        };
        if let Some(lp) = lp {
            lp.push(Job::Done(self.clone(), cb));
        }
    }

    /// `cancel(msg)`: true if this call cancelled (or will cancel) it.
    pub fn cancel(self: &Arc<Self>, msg: Option<Value>) -> bool {
        // Only the loop calls this, on a waiter it just armed: never a cycle.
        self.try_cancel(msg, usize::MAX).unwrap_or(false)
    }

    /// `cancel()` that follows the chain of awaited futures at most `limit`
    /// deep: tasks awaiting each other in a cycle (a awaits b, b awaits a)
    /// would recurse forever, where CPython raises RecursionError.
    pub fn try_cancel(self: &Arc<Self>, msg: Option<Value>, limit: usize) -> Result<bool, CancelTooDeep> {
        if !self.is_pending() {
            return Ok(false);
        }
        if limit == 0 {
            return Err(CancelTooDeep);
        }
        if let Some(tp) = &self.task {
            tp.num_cancels.fetch_add(1, Ordering::SeqCst);
            let (waiter, py_waiter) = {
                let m = tp.m.lock();
                (m.waiter.clone(), m.py_waiter.as_deref().cloned())
            };
            if let Some(w) = waiter
                && w.try_cancel(msg.clone(), limit - 1)?
            {
                return Ok(true);
            }
            if let Some(w) = py_waiter {
                super::eventloop_foreign::cancel_later(self, w, msg.clone());
            }
            tp.m.lock().must_cancel = Some(Box::new(msg));
            return Ok(true);
        }
        if let Some(g) = &self.gather {
            let mut any = false;
            for c in &g.children {
                if c.try_cancel(msg.clone(), limit - 1)? {
                    any = true;
                }
            }
            if any {
                *g.cancel_requested.lock() = true;
            }
            return Ok(any);
        }
        self.finish(Status::cancelled(msg));
        Ok(true)
    }

    /// `result()`: the value, or the stored exception raised.
    pub fn result(&self, vm: &mut Vm) -> PyResult {
        let mut s = self.state.lock();
        match &s.status {
            Status::Pending => {
                drop(s);
                Err(self.st.invalid(vm, "Result is not set."))
            }
            Status::Result(v) => Ok(v.clone()),
            Status::Exception(e) => {
                let e = e.clone();
                s.retrieved = true;
                Err(e)
            }
            Status::Cancelled(_) => {
                drop(s);
                Err(self.cancelled_error(vm))
            }
        }
    }

    /// The CancelledError a cancelled future raises (CPython's
    /// `_make_cancelled_error`): the task's original one the first time,
    /// else a new one with the message; a new one for a future not cancelled.
    pub fn cancelled_error(&self, vm: &mut Vm) -> PyErr {
        let (taken, msg) = match &mut self.state.lock().status {
            Status::Cancelled(c) => (c.exc.take(), c.msg.clone()),
            _ => (None, None),
        };
        taken.unwrap_or_else(|| self.st.cancelled(vm, &msg))
    }

    /// `exception()`: the stored exception or None.
    pub fn exception(&self, vm: &mut Vm) -> PyResult {
        let mut s = self.state.lock();
        match &s.status {
            Status::Pending => {
                drop(s);
                Err(self.st.invalid(vm, "Exception is not set."))
            }
            Status::Result(_) => Ok(Value::None),
            Status::Exception(e) => {
                let v = e.value();
                s.retrieved = true;
                Ok(v)
            }
            Status::Cancelled(_) => {
                drop(s);
                Err(self.cancelled_error(vm))
            }
        }
    }

    /// CPython's repr: `<Task pending name='Task-1' coro=<main() running at …>>`
    /// (`eventloop_repr.rs`).
    pub fn repr(&self, vm: &mut Vm) -> String {
        super::eventloop_repr::repr(self, vm)
    }
}

/// The iterator of `await fut`: yields the future until it is done, then
/// returns its result (CPython's `FutureIter`).
pub struct FutIter {
    pub fut: Arc<Fut>,
    /// It yielded its pending future once: resumed again while the future
    /// is still pending, it was not driven by a task (a bare `yield from`
    /// or an unpacking), CPython's "await wasn't used with future".
    pub yielded: std::sync::atomic::AtomicBool,
}

impl NativeObject for FutIter {
    fn class(&self) -> &Arc<Class> {
        &self.fut.st.iter_class
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl FutIter {
    /// One `send`/`throw` step.
    pub fn step(&self, vm: &mut Vm, input: Result<Value, PyErr>) -> PyResult<SendResult> {
        if input.is_ok() && self.yielded.load(Ordering::Relaxed) && self.fut.is_pending() {
            return Err(vm.runtime_error("await wasn't used with future"));
        }
        let r = Self::step_fut(&self.fut, vm, input)?;
        if matches!(r, SendResult::Yielded(_)) && self.fut.is_pending() {
            self.yielded.store(true, Ordering::Relaxed);
        }
        Ok(r)
    }

    /// One step of `await f` (used directly when the future itself is the
    /// awaitable iterator).
    pub fn step_fut(f: &Arc<Fut>, vm: &mut Vm, input: Result<Value, PyErr>) -> PyResult<SendResult> {
        input?;
        let lazy = f.state.lock().sleep.as_ref().map(|b| b.0);
        if let Some(d) = lazy {
            let Some(lp) = running_loop() else {
                return Err(vm.runtime_error("no running event loop"));
            };
            if d <= 0.0 {
                // sleep(0): yield once to the loop, then return at once.
                let v = f.state.lock().sleep.take().map(|b| b.1).unwrap_or(Value::None);
                f.state.lock().lp = Some(lp);
                f.finish(Status::Result(v));
                return Ok(SendResult::Yielded(Value::None));
            }
            f.arm(&lp);
        }
        if f.is_pending() {
            // As CPython's `Future.__await__`: the flag tells a task written
            // in Python (`_PyTask`) that the future was awaited, not yielded.
            f.state.lock().blocking = true;
            return Ok(SendResult::Yielded(f.value()));
        }
        f.result(vm).map(SendResult::Returned)
    }
}
