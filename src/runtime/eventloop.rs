//! The asyncio event loop core (decision 5 of ARCHITECTURE.md): a ready
//! queue, a timer heap and a thread-safe inbox, with futures and tasks as
//! native objects so that tens of thousands of tasks stay cheap.
//!
//! One loop iteration follows CPython's `BaseEventLoop._run_once`: wait
//! (with the GIL released, so other Python threads run) until the next
//! timer is due or another thread posts work, move due timers to the ready
//! queue, then run exactly the callbacks that were ready at that moment.
//!
//! A task is a future plus a coroutine. A *step* resumes the coroutine;
//! what it yields is the future it waits on (the innermost `await fut`
//! passes it up through every frame), and the task's wake-up is
//! registered as that future's done-callback. `asyncio.sleep(d)` is a
//! future completed by a timer: no Python frame runs for the sleep itself.

use std::any::Any;
use std::cmp::Ordering as CmpOrdering;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use crate::object::class::Class;
use crate::object::native::NativeObject;
use crate::object::value::Value;
use crate::runtime::gil::BlockKind;
use crate::vm::iter::SendResult;
use crate::vm::{PyErr, PyResult, Vm};

/// Classes and exception types shared by the loop, futures and tasks of
/// one `_asyncio` module (created with the module; no global state).
pub struct AsyncState {
    pub loop_class: Arc<Class>,
    pub future_class: Arc<Class>,
    pub task_class: Arc<Class>,
    pub iter_class: Arc<Class>,
    pub handle_class: Arc<Class>,
    pub cancelled_error: Value,
    pub invalid_state: Value,
    /// The bridge loops of the Python loops native futures run on
    /// (`eventloop_bridge.rs`), held weakly: a bridge lives while a future
    /// refers to it.
    pub bridges: Mutex<Vec<std::sync::Weak<LoopCore>>>,
    /// The state `asyncio.sleep`'s futures carry: the same, but with the
    /// coroutine-like class (`send`/`throw`/`close`, so CPython's
    /// `iscoroutine` and its Python tasks take them) as `future_class`.
    /// A future's class is read from its state, and a flag on every future
    /// would cost each of them 8 bytes. None in that sibling state itself.
    pub sleep_st: Option<Arc<AsyncState>>,
}

impl AsyncState {
    /// A `CancelledError(msg)` to raise.
    pub fn cancelled(&self, vm: &mut Vm, msg: &Option<Value>) -> PyErr {
        let args = msg.iter().cloned().collect();
        match vm.call(&self.cancelled_error, args).and_then(|v| vm.make_raisable(v)) {
            Ok(e) => e,
            Err(e) => e,
        }
    }

    /// An `InvalidStateError(msg)` to raise.
    pub fn invalid(&self, vm: &mut Vm, msg: &str) -> PyErr {
        match vm.call(&self.invalid_state, vec![Value::str(msg)]).and_then(|v| vm.make_raisable(v)) {
            Ok(e) => e,
            Err(e) => e,
        }
    }
}

/// `call_soon(func, *args)` and friends: a cancellable callback.
pub struct Handle {
    pub func: Value,
    pub args: Vec<Value>,
    /// The `contextvars.Context` the callback runs in (None: the loop
    /// thread's own, when no context existed as it was scheduled).
    pub context: Value,
    pub cancelled: AtomicBool,
    /// Loop time for timer handles.
    pub when: Option<f64>,
    pub class: Arc<Class>,
}

/// A unit of work on the ready queue. Every task has one queued (or one
/// timer) while it waits, so the rare payloads are boxed to keep this at
/// 24 bytes.
pub enum Job {
    /// A Python callback.
    Call(Arc<Handle>),
    /// Resume a task's coroutine (optionally throwing into it).
    Step(Arc<Fut>, Option<PyErr>),
    /// Run one done-callback of a future.
    Done(Arc<Fut>, Callback),
    /// Complete a future with a value (`None` stands for Python's None)
    /// unless it is already done (sleep, I/O readiness).
    Wake(Arc<Fut>, Option<Box<Value>>),
    /// Nothing to run: holds a finished task's subclass instance alive
    /// until the done-callbacks queued before it have run (see `Outer`).
    Keep(Arc<crate::object::class::Instance>),
}

/// Something to run when a future completes.
pub enum Callback {
    /// A Python callable, called with the future, and the
    /// `contextvars.Context` it runs in (boxed: see `Job`).
    Py(Box<(Value, Value)>),
    /// Wake the task that awaits the future.
    Wake(Arc<Fut>),
    /// A child of a gather (the outer future) finished.
    Gather(Arc<Fut>),
    /// `run_until_complete`'s future is done: stop the loop.
    Stop,
}

/// A timer-heap entry. Its deadline is in nanoseconds since the loop's
/// epoch rather than an `Instant` (16 bytes): 100k sleeping tasks hold
/// 100k timers.
struct Timer {
    when: u64,
    seq: u64,
    job: Job,
}

impl Timer {
    /// The deadline as an `Instant`.
    fn at(&self, epoch: Instant) -> Instant {
        epoch + Duration::from_nanos(self.when)
    }
}

impl PartialEq for Timer {
    fn eq(&self, o: &Self) -> bool {
        self.when == o.when && self.seq == o.seq
    }
}
impl Eq for Timer {}
impl PartialOrd for Timer {
    fn partial_cmp(&self, o: &Self) -> Option<CmpOrdering> {
        Some(self.cmp(o))
    }
}
impl Ord for Timer {
    /// Reversed, so the max-heap pops the earliest (then the oldest) first.
    fn cmp(&self, o: &Self) -> CmpOrdering {
        o.when.cmp(&self.when).then(o.seq.cmp(&self.seq))
    }
}

/// An event loop. Its Python face is the native class `Loop`.
pub struct LoopCore {
    pub st: Arc<AsyncState>,
    ready: Mutex<VecDeque<Job>>,
    timers: Mutex<BinaryHeap<Timer>>,
    seq: AtomicU64,
    /// Work posted by other threads, and the condvar the idle loop waits on.
    inbox: Mutex<Vec<Job>>,
    inbox_cv: Condvar,
    /// Set while the inbox may hold jobs: the loop thread's `push` moves
    /// them to the ready queue first, so callbacks run in the order they
    /// were scheduled whichever thread scheduled them (as CPython's one
    /// `_ready` deque).
    inbox_pending: AtomicBool,
    epoch: Instant,
    stopping: AtomicBool,
    pub running: AtomicBool,
    pub closed: AtomicBool,
    pub debug: AtomicBool,
    pub current_task: Mutex<Option<Arc<Fut>>>,
    /// Pending tasks (for `all_tasks`), keyed by address.
    pub tasks: Mutex<HashMap<usize, Arc<Fut>>>,
    /// Tasks that failed; reported at close unless their exception was retrieved.
    failed: Mutex<Vec<Arc<Fut>>>,
    /// `set_exception_handler`'s handler (None: print the error).
    pub exception_handler: Mutex<Value>,
    /// `set_task_factory`'s factory (None: tasks are made natively).
    pub task_factory: Mutex<Value>,
    /// Sockets being waited on (`eventloop_io.rs`).
    pub io: super::eventloop_io::IoState,
    /// Slow steps already reported (`eventloop_watch.rs`).
    pub watch: super::eventloop_watch::WatchState,
    /// A dict for the loop methods written in Python (fd readers and
    /// writers, signal handlers, the default executor), made on first use.
    pub extra: Mutex<Option<Value>>,
    /// The loop's `__dict__`: CPython's loops are Python classes, so tests
    /// and scripts set attributes on them (`loop.getaddrinfo = fake`,
    /// `loop.call_soon = mock.Mock()`), which the Python-written methods see.
    pub dict: Arc<crate::object::dict::Dict>,
    /// Set when this core stands for a loop written in Python, whose
    /// `call_soon`/`call_later` run its jobs (`eventloop_bridge.rs`).
    pub bridge: Option<Box<super::eventloop_bridge::Bridge>>,
}

impl NativeObject for LoopCore {
    fn class(&self) -> &Arc<Class> {
        &self.st.loop_class
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn instance_dict(&self, _create: bool) -> Option<Arc<crate::object::dict::Dict>> {
        Some(self.dict.clone())
    }
}

thread_local! {
    static RUNNING: std::cell::RefCell<Vec<Arc<LoopCore>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The loop running in this thread, if any: the native one, else the
/// bridge of the Python loop that `_set_running_loop` declared running.
pub fn running_loop() -> Option<Arc<LoopCore>> {
    RUNNING.with(|r| r.borrow().last().cloned()).or_else(|| PY_RUNNING_CORE.with(|r| r.borrow().clone()))
}

/// Whether a native loop runs in this thread.
pub fn native_loop_running() -> bool {
    RUNNING.with(|r| !r.borrow().is_empty())
}

thread_local! {
    /// The loop that Python code declared running in this thread with
    /// `_asyncio._set_running_loop` (a loop written in Python, such as
    /// CPython's `BaseEventLoop`, which sets it in `run_forever`).
    static PY_RUNNING: std::cell::RefCell<Value> = const { std::cell::RefCell::new(Value::None) };
    /// The bridge of that loop, for the native futures and tasks made while it runs.
    static PY_RUNNING_CORE: std::cell::RefCell<Option<Arc<LoopCore>>> = const { std::cell::RefCell::new(None) };
}

/// `_asyncio._get_running_loop()`: the native loop running in this thread,
/// else the one set by `_set_running_loop`, else None.
pub fn running_loop_value() -> Value {
    if let Some(l) = running_loop() {
        return l.value();
    }
    PY_RUNNING.with(|r| r.borrow().clone())
}

/// `_asyncio._set_running_loop(loop)`, with the bridge standing for it
/// when it is a loop written in Python.
pub fn set_running_loop_value(loop_: Value, core: Option<Arc<LoopCore>>) {
    let old = PY_RUNNING.with(|r| r.replace(loop_));
    let old_core = PY_RUNNING_CORE.with(|r| r.replace(core));
    // Dropped outside the borrow: a loop's last reference may run Python.
    drop(old);
    drop(old_core);
}

impl LoopCore {
    /// A new, idle loop.
    pub fn new(st: Arc<AsyncState>) -> Arc<LoopCore> {
        Arc::new(Self::with_bridge(st, None))
    }

    /// A new loop core, standing for a Python loop when `bridge` is given.
    pub fn with_bridge(st: Arc<AsyncState>, bridge: Option<Box<super::eventloop_bridge::Bridge>>) -> LoopCore {
        LoopCore {
            st,
            ready: Mutex::new(VecDeque::new()),
            timers: Mutex::new(BinaryHeap::new()),
            seq: AtomicU64::new(0),
            inbox: Mutex::new(Vec::new()),
            inbox_cv: Condvar::new(),
            inbox_pending: AtomicBool::new(false),
            epoch: Instant::now(),
            stopping: AtomicBool::new(false),
            running: AtomicBool::new(false),
            closed: AtomicBool::new(false),
            debug: AtomicBool::new(super::eventloop_watch::debug_from_env()),
            current_task: Mutex::new(None),
            tasks: Mutex::new(HashMap::new()),
            failed: Mutex::new(Vec::new()),
            exception_handler: Mutex::new(Value::None),
            task_factory: Mutex::new(Value::None),
            io: Default::default(),
            watch: Default::default(),
            extra: Mutex::new(None),
            dict: Arc::new(crate::object::dict::Dict::new()),
            bridge,
        }
    }

    /// The loop as a Python value.
    pub fn value(self: &Arc<Self>) -> Value {
        match &self.bridge {
            Some(b) => b.py.clone(),
            None => Value::from_native(self.clone()),
        }
    }

    /// `loop.time()`: monotonic seconds.
    pub fn time(&self) -> f64 {
        // CPython's `loop.time()` is `time.monotonic()`.
        super::clock::monotonic()
    }

    /// Appends a job to the ready queue (loop thread only).
    pub fn push(&self, job: Job) {
        if let Some(b) = &self.bridge {
            return b.post(None, job);
        }
        if self.inbox_pending.load(Ordering::SeqCst) {
            self.drain_inbox();
        }
        self.ready.lock().push_back(job);
    }

    /// Moves the jobs other threads posted to the ready queue.
    fn drain_inbox(&self) {
        let posted: Vec<Job> = {
            let mut inbox = self.inbox.lock();
            self.inbox_pending.store(false, Ordering::SeqCst);
            std::mem::take(&mut *inbox)
        };
        if !posted.is_empty() {
            self.ready.lock().extend(posted);
        }
    }

    /// Posts a job from any thread and wakes the loop.
    pub fn push_threadsafe(&self, job: Job) {
        if let Some(b) = &self.bridge {
            return b.post(None, job);
        }
        {
            let mut inbox = self.inbox.lock();
            inbox.push(job);
            self.inbox_pending.store(true, Ordering::SeqCst);
        }
        self.inbox_cv.notify_all();
        self.io.wake();
    }

    /// Schedules `job` at loop time `when`.
    pub fn push_at(&self, when: f64, job: Job) {
        self.push_after(delay(when - self.time()), job);
    }

    /// Schedules `job` after `d`.
    pub fn push_after(&self, d: Duration, job: Job) {
        if let Some(b) = &self.bridge {
            return b.post(Some(d.as_secs_f64()), job);
        }
        let seq = self.seq.fetch_add(1, Ordering::Relaxed);
        let when = (Instant::now() + d).saturating_duration_since(self.epoch).as_nanos();
        self.timers.lock().push(Timer { when: u64::try_from(when).unwrap_or(u64::MAX), seq, job });
    }

    /// `loop.stop()`.
    pub fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        self.inbox_cv.notify_all();
        self.io.wake();
    }

    /// `loop.run_forever()`: runs until `stop()`.
    pub fn run_forever(self: &Arc<Self>, vm: &mut Vm) -> PyResult<()> {
        if self.closed.load(Ordering::SeqCst) {
            return Err(vm.runtime_error("Event loop is closed"));
        }
        if self.running.load(Ordering::SeqCst) {
            return Err(vm.runtime_error("This event loop is already running"));
        }
        if running_loop().is_some() {
            return Err(vm.runtime_error("Cannot run the event loop while another loop is running"));
        }
        self.running.store(true, Ordering::SeqCst);
        RUNNING.with(|r| r.borrow_mut().push(self.clone()));
        // A Rust panic inside the loop's own machinery must not leave it
        // marked running (every later `asyncio.run` would then fail).
        let r = vm.catch_panics(|vm| self.run_loop(vm));
        RUNNING.with(|r| r.borrow_mut().pop());
        self.running.store(false, Ordering::SeqCst);
        self.stopping.store(false, Ordering::SeqCst);
        r
    }

    fn run_loop(self: &Arc<Self>, vm: &mut Vm) -> PyResult<()> {
        loop {
            self.wait_for_work(vm)?;
            let now = Instant::now();
            {
                let mut timers = self.timers.lock();
                let mut ready = self.ready.lock();
                while timers.peek().is_some_and(|t| t.at(self.epoch) <= now) {
                    ready.push_back(timers.pop().expect("timer").job);
                }
            }
            let n = self.ready.lock().len();
            // Task tracks and slow-step reports (debug mode or tracing only).
            let watch = super::eventloop_watch::watching(self, vm);
            for _ in 0..n {
                let Some(job) = self.ready.lock().pop_front() else { break };
                if watch {
                    super::eventloop_watch::run_watched(self, vm, job, Self::run_job)?;
                } else {
                    self.run_job(vm, job)?;
                }
            }
            {
                // After a burst (100k tasks starting at once) give the memory back.
                let mut ready = self.ready.lock();
                if ready.capacity() > 4096 && ready.len() < ready.capacity() / 8 {
                    let keep = ready.len().max(64);
                    ready.shrink_to(keep);
                }
            }
            if self.stopping.load(Ordering::SeqCst) {
                return Ok(());
            }
        }
    }

    /// Blocks, GIL released, until something is ready, a timer is due or
    /// another thread posts work; moves the inbox to the ready queue.
    fn wait_for_work(self: &Arc<Self>, vm: &mut Vm) -> PyResult<()> {
        let busy = || !self.ready.lock().is_empty() || self.stopping.load(Ordering::SeqCst);
        if self.io.active() {
            return self.wait_with_io(vm, busy());
        }
        if !busy() {
            let next = self.timers.lock().peek().map(|t| t.at(self.epoch));
            let due = next.is_some_and(|w| w <= Instant::now());
            if !due && self.inbox.lock().is_empty() {
                // Waiting with no timer: only another thread can wake us.
                let _stuck = if next.is_none() { super::eventloop_deadlock::register_idle(self, vm) } else { None };
                let check = vm.gil.as_ref().map(|g| g.interrupt_check());
                let check = check.unwrap_or_else(crate::runtime::interrupt::InterruptCheck::never);
                let r = vm.allow_threads(BlockKind::Select, || {
                    let mut inbox = self.inbox.lock();
                    check.wait_until(next, |slice| {
                        if inbox.is_empty() && !self.stopping.load(Ordering::SeqCst) {
                            self.inbox_cv.wait_for(&mut inbox, slice);
                        }
                        !inbox.is_empty() || self.stopping.load(Ordering::SeqCst)
                    })
                });
                if r.is_err() {
                    // A signal: its Python handler runs here (SIGINT's
                    // raises KeyboardInterrupt); if it returns, the loop goes on.
                    vm.run_signal_handlers()?;
                }
            }
        }
        self.drain_inbox();
        Ok(())
    }

    /// `wait_for_work` when sockets are watched: poll them (without
    /// blocking when work is ready) and wake the futures of ready ones.
    fn wait_with_io(&self, vm: &mut Vm, busy: bool) -> PyResult<()> {
        let next = self.timers.lock().peek().map(|t| t.at(self.epoch));
        let now = Instant::now();
        let deadline =
            if busy || !self.inbox.lock().is_empty() || next.is_some_and(|w| w <= now) { Some(now) } else { next };
        let check = vm.gil.as_ref().map(|g| g.interrupt_check());
        let check = check.unwrap_or_else(crate::runtime::interrupt::InterruptCheck::never);
        let interrupted = AtomicBool::new(false);
        let ready = vm.allow_threads(BlockKind::Select, || {
            self.io.poll(deadline, || {
                if check.take_pending_interrupt() {
                    interrupted.store(true, Ordering::SeqCst);
                    return true;
                }
                !self.inbox.lock().is_empty() || self.stopping.load(Ordering::SeqCst)
            })
        });
        if interrupted.load(Ordering::SeqCst) {
            vm.run_signal_handlers()?;
        }
        for f in ready {
            self.push(Job::Wake(f, None));
        }
        self.drain_inbox();
        Ok(())
    }

    pub(crate) fn run_job(self: &Arc<Self>, vm: &mut Vm, job: Job) -> PyResult<()> {
        match job {
            Job::Call(h) => {
                if !h.cancelled.load(Ordering::Relaxed) {
                    // A panic in a native callback is reported like any
                    // exception from a callback; the loop goes on.
                    let saved = vm.swap_context(h.context.clone());
                    let r = vm.catch_panics(|vm| vm.call(&h.func, h.args.clone()));
                    vm.swap_context(saved);
                    self.callback_error(vm, r, &h.func)?;
                }
            }
            Job::Step(t, exc) => self.task_step(vm, &t, exc)?,
            Job::Keep(_) => {}
            Job::Wake(f, v) => {
                if f.is_pending() {
                    f.finish(Status::Result(v.map_or(Value::None, |b| *b)));
                }
            }
            Job::Done(f, cb) => match cb {
                Callback::Py(cb) => {
                    let (func, context) = *cb;
                    let saved = vm.swap_context(context);
                    let r = vm.catch_panics(|vm| vm.call(&func, vec![f.value()]));
                    vm.swap_context(saved);
                    self.callback_error(vm, r, &func)?;
                }
                Callback::Wake(t) => self.task_step(vm, &t, None)?,
                Callback::Gather(outer) => crate::stdlib::mod_asyncio::gather_child_done(vm, &outer, &f)?,
                Callback::Stop => self.stop(),
            },
        }
        Ok(())
    }

    /// Reports an exception from a callback as CPython's default handler does.
    fn callback_error(self: &Arc<Self>, vm: &mut Vm, r: PyResult, func: &Value) -> PyResult<()> {
        let Err(e) = r else { return Ok(()) };
        // A Python loop reports it as its own callback's error.
        if self.bridge.is_some() || vm.is_exc(&e, "KeyboardInterrupt") || vm.is_exc(&e, "SystemExit") {
            return Err(e);
        }
        let h = self.exception_handler.lock().clone();
        if !h.is_none() {
            let ctx = crate::object::dict::Dict::new();
            ctx.set_item_str("message", Value::str("Exception in callback"));
            ctx.set_item_str("exception", e.value());
            return vm.call(&h, vec![self.value(), Value::Dict(Arc::new(ctx))]).map(drop);
        }
        let what = vm.repr_of(func).unwrap_or_default();
        let tb = vm.format_exception(&e);
        eprint!("Exception in callback {what}()\n{tb}");
        Ok(())
    }

    /// One step of task `t`: resume its coroutine and act on what it yields.
    pub fn task_step(self: &Arc<Self>, vm: &mut Vm, t: &Arc<Fut>, exc: Option<PyErr>) -> PyResult<()> {
        let Some(tp) = &t.task else { return Ok(()) };
        if !t.is_pending() {
            return Ok(());
        }
        let mut exc = exc;
        let must = tp.m.lock().must_cancel.take();
        if let Some(msg) = must {
            exc = Some(self.st.cancelled(vm, &msg));
        }
        {
            let mut m = tp.m.lock();
            m.waiter = None;
            m.py_waiter = None;
        }
        let coro = tp.coro.clone();
        let prev = self.current_task.lock().replace(t.clone());
        // Each step runs in the task's own context, as CPython's
        // `context.run(step)`; what the step made current stays the task's.
        let mut slot = tp.m.lock().context.take();
        let task_ctx = slot.as_deref_mut().map_or(Value::None, |c| std::mem::replace(c, Value::None));
        let saved = vm.swap_context(task_ctx);
        let r = match (&coro, exc) {
            (Value::Generator(g), None) => vm.resume(g, Value::None),
            (Value::Generator(g), Some(e)) => vm.gen_throw(g, e),
            (_, None) => vm.send_to(&coro, Value::None),
            (_, Some(e)) => throw_into(vm, &coro, e),
        };
        let after = vm.swap_context(saved);
        if !after.is_none() {
            // The box is reused from step to step: no allocation per step.
            let mut boxed = slot.unwrap_or_else(|| Box::new(Value::None));
            *boxed = after;
            tp.m.lock().context = Some(boxed);
        }
        *self.current_task.lock() = prev;
        match r {
            Ok(SendResult::Returned(v)) => {
                let must = tp.m.lock().must_cancel.take();
                if let Some(msg) = must {
                    t.finish(Status::cancelled(*msg));
                } else {
                    t.finish(Status::Result(v));
                }
                self.task_done(t);
            }
            Ok(SendResult::Yielded(y)) => self.task_wait(vm, t, y),
            Err(e) => {
                if vm.exception_matches(&e.value(), &self.st.cancelled_error).unwrap_or(false) {
                    let msg = vm.exc_args(&e).into_iter().next();
                    t.finish(Status::Cancelled(Box::new(super::eventloop_fut::Cancel { msg, exc: Some(e) })));
                    self.task_done(t);
                } else if vm.is_exc(&e, "KeyboardInterrupt") || vm.is_exc(&e, "SystemExit") {
                    t.finish(Status::Exception(e.clone()));
                    self.task_done(t);
                    return Err(e);
                } else {
                    t.finish(Status::Exception(e));
                    self.task_done(t);
                    self.failed.lock().push(t.clone());
                }
            }
        }
        Ok(())
    }

    fn task_done(&self, t: &Arc<Fut>) {
        self.tasks.lock().remove(&(Arc::as_ptr(t) as usize));
    }

    /// The task yielded `y`: a future to wait on, or None (a bare `yield`).
    fn task_wait(self: &Arc<Self>, vm: &mut Vm, t: &Arc<Fut>, y: Value) {
        let tp = t.task.as_ref().expect("task");
        let fut = as_fut(&y);
        match fut {
            Some(f) if Arc::ptr_eq(&f, t) => {
                let r = t.repr(vm);
                let e = vm.runtime_error(&format!("Task cannot await on itself: {r}"));
                self.push(Job::Step(t.clone(), Some(e)));
            }
            Some(f) if f.state.lock().lp.as_ref().is_some_and(|l| !Arc::ptr_eq(l, self)) => {
                // As CPython's Task: a future of another loop would never wake
                // this one (the task would wait forever).
                let (tr, fr) = (t.repr(vm), vm.repr_of(&y).unwrap_or_default());
                let e = vm.runtime_error(&format!("Task {tr} got Future {fr} attached to a different loop"));
                self.push(Job::Step(t.clone(), Some(e)));
            }
            Some(f) => {
                f.arm(self);
                // Cleared by the task that waits, as CPython's tasks do.
                f.state.lock().blocking = false;
                let must = {
                    let mut m = tp.m.lock();
                    m.waiter = Some(f.clone());
                    m.must_cancel.take()
                };
                // A subclass's own `add_done_callback` is called, as CPython's
                // Task calls it on any future that is not exactly a Future.
                if crate::stdlib::mod_asyncio::overrides(vm, &self.st, &y, "add_done_callback") {
                    let (lp, task) = (self.clone(), t.clone());
                    let wake = Vm::native("task_wakeup", move |vm, _a| {
                        lp.task_step(vm, &task, None)?;
                        super::eventloop_bridge::flush(vm)?;
                        Ok(Value::None)
                    });
                    if let Err(e) = vm.call_method(&y, "add_done_callback", vec![wake]) {
                        tp.m.lock().waiter = None;
                        self.push(Job::Step(t.clone(), Some(e)));
                        return;
                    }
                } else {
                    f.add_callback(Callback::Wake(t.clone()));
                }
                if let Some(msg) = must
                    && !f.cancel((*msg).clone())
                {
                    tp.m.lock().must_cancel = Some(msg);
                }
            }
            None if y.is_none() => self.push(Job::Step(t.clone(), None)),
            None => super::eventloop_foreign::wait_on_foreign(self, vm, t, y),
        }
    }

    /// Prints "Task exception was never retrieved" for failed tasks whose
    /// exception nobody looked at (called when the loop closes).
    pub fn report_unretrieved(&self, vm: &mut Vm) {
        let failed: Vec<Arc<Fut>> = std::mem::take(&mut *self.failed.lock());
        for t in failed {
            let e = {
                let st = t.state.lock();
                match &st.status {
                    Status::Exception(e) if !st.retrieved => e.clone(),
                    _ => continue,
                }
            };
            let r = t.repr(vm);
            let tb = vm.format_exception(&e);
            use std::io::Write;
            let _ = std::io::stdout().flush();
            eprint!("Task exception was never retrieved\nfuture: {r}\n{tb}");
        }
    }
}

/// `throw(e)` into a non-generator awaitable iterator.
fn throw_into(vm: &mut Vm, it: &Value, e: PyErr) -> PyResult<SendResult> {
    if let Value::Native2(o) = it
        && (o.as_any().is::<FutIter>() || o.as_any().is::<Fut>())
    {
        return Err(e);
    }
    match vm.call_method(it, "throw", vec![e.value()]) {
        Ok(y) => Ok(SendResult::Yielded(y)),
        Err(e2) if vm.is_exc(&e2, "StopIteration") => {
            Ok(SendResult::Returned(vm.exc_args(&e2).into_iter().next().unwrap_or(Value::None)))
        }
        Err(e2) => Err(e2),
    }
}

pub use super::eventloop_fut::{Cancel, Fut, FutIter, FutState, GatherPart, Status, TaskPart};

/// The native future behind a value, if it is one: a `Future` or `Task`,
/// or an instance of a Python subclass of them (which carries one).
pub fn as_fut(v: &Value) -> Option<Arc<Fut>> {
    match v {
        Value::Native2(o) if o.as_any().is::<Fut>() => {
            let a: Arc<dyn Any + Send + Sync> = (**o).clone();
            a.downcast::<Fut>().ok()
        }
        Value::Instance(i) => match i.builtin_value() {
            Some(n @ Value::Native2(_)) => as_fut(n),
            _ => None,
        },
        _ => None,
    }
}

/// A timer's delay in seconds as a `Duration`: as in CPython's loop, a NaN
/// or negative delay is due now, and a huge one (up to infinity) is capped
/// at 10^9 s, which is never.
pub fn delay(secs: f64) -> Duration {
    if secs.is_nan() || secs <= 0.0 { Duration::ZERO } else { Duration::from_secs_f64(secs.min(1e9)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_and_futures_stay_small() {
        // 100k sleeping tasks must fit in 100 MB: keep the hot structs compact.
        // mimalloc rounds allocations up to size classes (…, 80, 96, 112,
        // 128, 160, …), so a few bytes over a class boundary cost 16–32.
        assert!(std::mem::size_of::<Callback>() <= 16, "Callback {}", std::mem::size_of::<Callback>());
        assert!(std::mem::size_of::<Job>() <= 24, "Job {}", std::mem::size_of::<Job>());
        assert!(std::mem::size_of::<Timer>() <= 40, "Timer {}", std::mem::size_of::<Timer>());
        // 88 since session 13: the waiter written in Python (`py_waiter`,
        // CPython's `_fut_waiter` for foreign futures) took it from the 80
        // to the 96 class; 100k tasks still fit (bench `--io` row).
        assert!(std::mem::size_of::<TaskPart>() <= 88, "TaskPart {}", std::mem::size_of::<TaskPart>());
        // An `Arc<Fut>` allocation is 16 bytes more: 112.
        assert!(std::mem::size_of::<Fut>() <= 96, "Fut {}", std::mem::size_of::<Fut>());
    }
}
