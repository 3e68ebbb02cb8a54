//! The `_thread` module (OS threads, each with its own `Vm`, and locks
//! that release the GIL while waiting) and the `thread(fn, *args)`
//! built-in returning a joinable handle.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use super::def;
use super::types_num::prop;
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::runtime::deadlock::{self, Holder, Site, Wait};
use crate::runtime::gil::BlockKind;
use crate::runtime::interrupt::InterruptCheck;
use crate::vm::runtime::new_builtin_class;
use crate::vm::thread_local::EndPhase;
use crate::vm::{Args, PyErr, PyResult, Runtime, Vm};

/// Largest timeout a lock wait accepts, in seconds.
pub const TIMEOUT_MAX: f64 = 9_223_372_036.0;

/// `_thread.LockType`: a plain (non-reentrant) lock.
pub struct Lock {
    state: Arc<Mutex<LockState>>,
    /// Shared with the thread-end hook of a `_set_sentinel` lock.
    cv: Arc<Condvar>,
    class: Arc<Class>,
}

/// A lock's state; owner and site are only read by the deadlock report.
struct LockState {
    locked: bool,
    /// Ident of the thread that took it last.
    owner: i64,
    /// Where it was taken.
    site: Option<Site>,
    /// A `_set_sentinel` lock (what `Thread.join` waits on): a woken waiter takes it
    /// only once it holds the GIL again. threading.py's `_wait_for_tstate_lock`
    /// acquires, releases, then asserts nobody holds it; when several threads join
    /// one thread, a joiner woken by that release and taking the lock at once (the
    /// GIL still released) would hold it during the other's check.
    sentinel: bool,
}

/// `_thread.RLock`: owner ident and recursion count.
pub struct RLock {
    /// (owner ident, recursion count); shared with the deadlock report.
    state: Arc<Mutex<(i64, usize)>>,
    cv: Condvar,
    class: Arc<Class>,
}

/// The outcome of a thread started by `thread()`, shared with its handle.
type Outcome = Arc<(Mutex<Option<Result<Value, PyErr>>>, Condvar)>;

/// What `thread(fn, ...)` returns: join / is_alive / name / ident.
pub struct ThreadHandle {
    outcome: Outcome,
    name: String,
    ident: i64,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(Lock, RLock, ThreadHandle);

fn this<'a, T: 'static>(vm: &mut Vm, a: &'a Args, what: &str) -> PyResult<&'a T> {
    a.native_self().ok_or_else(|| vm.type_error(&format!("descriptor requires a '{what}' object")))
}

/// Parses `acquire(blocking=True, timeout=-1)` into an optional deadline;
/// `Ok(None)` with `blocking` false means "try once".
fn acquire_args(vm: &mut Vm, mut a: Args) -> PyResult<(bool, Option<Instant>)> {
    let blocking = match a.arg(1, "blocking") {
        Some(v) => vm.truthy(&v)?,
        None => true,
    };
    let timeout = match a.arg(2, "timeout") {
        Some(Value::None) | None => -1.0,
        Some(v) => super::mod_time::seconds_arg(vm, &v)?,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be positive"));
    }
    let deadline = if !blocking {
        Some(Instant::now())
    } else if timeout >= 0.0 {
        // Past what an Instant holds is as good as forever.
        Instant::now().checked_add(Duration::from_secs_f64(timeout))
    } else {
        None
    };
    Ok((blocking, deadline))
}

/// The deadline of an `acquire(...)` / `__enter__` call; a bare call (the
/// common `with lock:`) needs no argument parsing.
fn deadline_of(vm: &mut Vm, a: &Args) -> PyResult<Option<Instant>> {
    if a.pos.len() == 1 && a.kw.is_empty() {
        return Ok(None);
    }
    Ok(acquire_args(vm, Args::with_kw(a.pos.clone(), a.kw.clone()))?.1)
}

fn check_of(vm: &Vm) -> InterruptCheck {
    vm.gil.as_ref().map(|g| g.interrupt_check()).unwrap_or_else(InterruptCheck::never)
}

/// The innermost frame of the user's code (not an embedded module), for
/// "taken at" / "waiting at" in deadlock reports.
fn user_site(vm: &Vm) -> Option<Site> {
    std::iter::once(&vm.frame)
        .chain(vm.frames.iter().rev())
        .find(|f| !is_library(&f.code.filename))
        .map(|f| Site(f.code.clone(), f.pc))
}

/// True for code of gilt's embedded modules (`<frozen x>`) and of CPython's
/// library (threading.py, queue.py, …): a report names the user's line.
fn is_library(filename: &str) -> bool {
    filename.starts_with('<')
        || filename.strip_prefix(super::cpython_lib::LIB_ROOT).is_some_and(|rest| rest.starts_with('/'))
}

/// What a blocking lock wait really is, judged (slow path only) by who
/// called: a `Thread.join`, a `queue` operation, or a plain lock.
fn wait_kind(vm: &Vm) -> BlockKind {
    for f in std::iter::once(&vm.frame).chain(vm.frames.iter().rev()).take(6) {
        match (&*f.code.filename, f.code.name.as_str()) {
            (_, "_wait_for_tstate_lock") => return BlockKind::Join,
            ("<frozen queue>", _) => return BlockKind::Queue,
            (file, _) if is_library(file) && file.ends_with("/queue.py") => return BlockKind::Queue,
            _ => {}
        }
    }
    BlockKind::Lock
}

/// Registers a blocking wait with the deadlock watchdog.
fn register_wait(
    vm: &Vm,
    what: String,
    timeout: bool,
    holder: deadlock::HolderFn,
    name: Option<Arc<dyn Fn() -> Option<String> + Send + Sync>>,
) -> Option<deadlock::WaitGuard> {
    let thread = vm.gil.as_ref()?.id();
    let wait = Wait { ident: vm.ident, thread, what, site: user_site(vm), name, timeout, holder };
    Some(deadlock::begin_wait(&vm.rt.deadlocks, &vm.rt.gil, wait))
}

/// A lazy lookup of the global variable (in the waiting code's module)
/// that holds the lock whose state is `state`.
fn global_name_of(vm: &Vm, state: &Arc<Mutex<LockState>>) -> Arc<dyn Fn() -> Option<String> + Send + Sync> {
    let globals = std::iter::once(&vm.frame)
        .chain(vm.frames.iter().rev())
        .find(|f| !is_library(&f.code.filename))
        .map(|f| f.globals.clone());
    let target = Arc::downgrade(state);
    Arc::new(move || {
        let target = target.upgrade()?;
        globals.as_ref()?.lock().items().into_iter().find_map(|(k, v)| match (k, v) {
            (Value::Str(k), Value::Native2(o)) => o
                .as_any()
                .downcast_ref::<Lock>()
                .filter(|l| Arc::ptr_eq(&l.state, &target))
                .map(|_| k.as_str().to_string()),
            _ => None,
        })
    })
}

/// Before a thread blocks: runs the finalizers it has queued, which may
/// release what it is about to wait for (a generator dropped inside `with
/// lock:`). True if any ran, so the caller tries its fast path again.
fn finalize_before_blocking(vm: &mut Vm) -> bool {
    vm.rt.finalizers.is_pending() && !vm.finalizing && vm.run_finalizers() > 0
}

fn lock_acquire(vm: &mut Vm, l: &Lock, deadline: Option<Instant>) -> PyResult<bool> {
    loop {
        let mut g = l.state.lock();
        if !g.locked {
            g.locked = true;
            g.owner = vm.ident;
            g.site = user_site(vm);
            return Ok(true);
        }
        drop(g);
        if !finalize_before_blocking(vm) {
            break;
        }
    }
    if deadline.is_some_and(|d| d <= Instant::now()) {
        return Ok(false);
    }
    let check = check_of(vm);
    let kind = wait_kind(vm);
    let state = l.state.clone();
    let what = match kind {
        BlockKind::Join => "a thread to finish (join)".to_string(),
        BlockKind::Queue => "a queue (lock inside queue.Queue)".to_string(),
        _ => format!("lock {:#x}", Arc::as_ptr(&l.state) as usize),
    };
    let holder: deadlock::HolderFn = Arc::new(move || {
        let g = state.lock();
        g.locked.then(|| Holder { ident: g.owner, site: g.site.clone() })
    });
    let name = (kind == BlockKind::Lock).then(|| global_name_of(vm, &l.state));
    let _wait = register_wait(vm, what, deadline.is_some(), holder, name);
    let (me, site) = (vm.ident, user_site(vm));
    let sentinel = l.state.lock().sentinel;
    loop {
        let r = vm.allow_threads(kind, || {
            let mut g = l.state.lock();
            check.wait_until(deadline, |slice| {
                if g.locked {
                    l.cv.wait_for(&mut g, slice);
                }
                if g.sentinel {
                    // Only wake: the lock is taken below, with the GIL.
                    !g.locked
                } else if !g.locked {
                    g.locked = true;
                    g.owner = me;
                    g.site = site.clone();
                    true
                } else {
                    false
                }
            })
        });
        match r {
            Ok(true) if sentinel => {
                let mut g = l.state.lock();
                if !g.locked {
                    g.locked = true;
                    g.owner = me;
                    g.site = site.clone();
                    return Ok(true);
                }
                // Another thread took it first: wait again.
            }
            Ok(got) => return Ok(got),
            // A signal: its handler runs (KeyboardInterrupt for Ctrl-C by
            // default); if it returns, the wait goes on, as in CPython.
            Err(_) => signal_arrived(vm)?,
        }
    }
}

/// A main-thread wait was cut short by a signal: runs the Python handlers.
fn signal_arrived(vm: &mut Vm) -> PyResult<()> {
    vm.run_signal_handlers()
}

fn rlock_acquire(vm: &mut Vm, l: &RLock, deadline: Option<Instant>) -> PyResult<bool> {
    let me = vm.ident;
    loop {
        let mut g = l.state.lock();
        if g.1 == 0 || g.0 == me {
            *g = (me, g.1 + 1);
            return Ok(true);
        }
        drop(g);
        if !finalize_before_blocking(vm) {
            break;
        }
    }
    if deadline.is_some_and(|d| d <= Instant::now()) {
        return Ok(false);
    }
    let check = check_of(vm);
    let state = l.state.clone();
    let holder: deadlock::HolderFn = Arc::new(move || {
        let g = state.lock();
        (g.1 > 0).then(|| Holder { ident: g.0, site: None })
    });
    let what = format!("RLock {:#x}", Arc::as_ptr(&l.state) as usize);
    let _wait = register_wait(vm, what, deadline.is_some(), holder, None);
    loop {
        let r = vm.allow_threads(BlockKind::Lock, || {
            let mut g = l.state.lock();
            check.wait_until(deadline, |slice| {
                if g.1 != 0 {
                    l.cv.wait_for(&mut g, slice);
                }
                if g.1 == 0 {
                    *g = (me, 1);
                    true
                } else {
                    false
                }
            })
        });
        match r {
            Ok(got) => return Ok(got),
            Err(_) => signal_arrived(vm)?,
        }
    }
}

fn lock_class(name: &str, rt: &Runtime) -> Arc<Class> {
    let c = new_builtin_class(name, std::slice::from_ref(&rt.types.object), Layout::Opaque);
    c.dict.set_item_str("__module__", Value::str("_thread"));
    c
}

fn make_lock_class(rt: &Runtime) -> Arc<Class> {
    let c = lock_class("lock", rt);
    for name in ["acquire", "acquire_lock", "__enter__"] {
        def(&c.dict, name, |vm, a| {
            let deadline = deadline_of(vm, &a)?;
            let l = this::<Lock>(vm, &a, "lock")?;
            Ok(Value::Bool(lock_acquire(vm, l, deadline)?))
        });
    }
    for name in ["release", "release_lock", "__exit__"] {
        def(&c.dict, name, |vm, a| {
            let l = this::<Lock>(vm, &a, "lock")?;
            let mut g = l.state.lock();
            if !g.locked {
                drop(g);
                return Err(vm.runtime_error("release unlocked lock"));
            }
            g.locked = false;
            g.site = None;
            drop(g);
            l.cv.notify_one();
            Ok(Value::None)
        });
    }
    for name in ["locked", "locked_lock"] {
        def(&c.dict, name, |vm, a| Ok(Value::Bool(this::<Lock>(vm, &a, "lock")?.state.lock().locked)));
    }
    def(&c.dict, "_at_fork_reinit", |vm, a| {
        this::<Lock>(vm, &a, "lock")?.state.lock().locked = false;
        Ok(Value::None)
    });
    def(&c.dict, "__repr__", |vm, a| {
        let l = this::<Lock>(vm, &a, "lock")?;
        let st = if l.state.lock().locked { "locked" } else { "unlocked" };
        Ok(Value::string(format!("<{} _thread.lock object at {:#x}>", st, a.pos[0].id())))
    });
    c
}

fn make_rlock_class(rt: &Runtime) -> Arc<Class> {
    let c = lock_class("RLock", rt);
    for name in ["acquire", "__enter__"] {
        def(&c.dict, name, |vm, a| {
            let deadline = deadline_of(vm, &a)?;
            let l = this::<RLock>(vm, &a, "RLock")?;
            Ok(Value::Bool(rlock_acquire(vm, l, deadline)?))
        });
    }
    for name in ["release", "__exit__"] {
        def(&c.dict, name, |vm, a| {
            let me = vm.ident;
            let l = this::<RLock>(vm, &a, "RLock")?;
            let mut g = l.state.lock();
            if g.1 == 0 || g.0 != me {
                drop(g);
                return Err(vm.runtime_error("cannot release un-acquired lock"));
            }
            g.1 -= 1;
            let free = g.1 == 0;
            drop(g);
            if free {
                l.cv.notify_one();
            }
            Ok(Value::None)
        });
    }
    def(&c.dict, "_release_save", |vm, a| {
        let l = this::<RLock>(vm, &a, "RLock")?;
        let mut g = l.state.lock();
        if g.1 == 0 {
            drop(g);
            return Err(vm.runtime_error("cannot release un-acquired lock"));
        }
        let (owner, count) = std::mem::take(&mut *g);
        drop(g);
        l.cv.notify_one();
        Ok(Value::tuple(vec![Value::Int(count as i64), Value::Int(owner)]))
    });
    def(&c.dict, "_acquire_restore", |vm, a| {
        a.check(vm, "_acquire_restore", 2, 2)?;
        let saved = vm.collect(&a.pos[1])?;
        let (Some(Value::Int(count)), Some(Value::Int(owner)), 2) = (saved.first(), saved.get(1), saved.len()) else {
            return Err(vm.type_error("_acquire_restore() argument must be a (count, owner) tuple"));
        };
        let (count, owner) = (*count, *owner);
        let l = this::<RLock>(vm, &a, "RLock")?;
        rlock_acquire(vm, l, None)?;
        *l.state.lock() = (owner, count.max(0) as usize);
        Ok(Value::None)
    });
    def(&c.dict, "_recursion_count", |vm, a| {
        let me = vm.ident;
        let g = *this::<RLock>(vm, &a, "RLock")?.state.lock();
        Ok(Value::Int(if g.0 == me { g.1 as i64 } else { 0 }))
    });
    def(&c.dict, "__repr__", |vm, a| {
        let g = *this::<RLock>(vm, &a, "RLock")?.state.lock();
        let st = if g.1 > 0 { "locked" } else { "unlocked" };
        let owner = if g.1 > 0 { g.0 } else { 0 };
        let cls = vm.class_of(&a.pos[0]);
        let module = match cls.dict.get_item_str("__module__") {
            Some(Value::Str(m)) => m.as_str().to_string(),
            _ => "_thread".to_string(),
        };
        Ok(Value::string(format!(
            "<{st} {module}.{} object owner={owner} count={} at {:#x}>",
            cls.name().as_str(),
            g.1,
            a.pos[0].id()
        )))
    });
    def(&c.dict, "_is_owned", |vm, a| {
        let me = vm.ident;
        let g = *this::<RLock>(vm, &a, "RLock")?.state.lock();
        Ok(Value::Bool(g.1 > 0 && g.0 == me))
    });
    def(&c.dict, "locked", |vm, a| Ok(Value::Bool(this::<RLock>(vm, &a, "RLock")?.state.lock().1 > 0)));
    def(&c.dict, "_at_fork_reinit", |vm, a| {
        *this::<RLock>(vm, &a, "RLock")?.state.lock() = (0, 0);
        Ok(Value::None)
    });
    c
}

/// Converts a kwargs dict into keyword arguments.
fn kwargs_of(vm: &mut Vm, kw: Option<&Value>) -> PyResult<Vec<(Arc<PyStr>, Value)>> {
    let Some(kw) = kw.filter(|k| !k.is_none()) else { return Ok(Vec::new()) };
    let Some(d) = vm.as_dict(kw) else {
        return Err(vm.type_error("optional 3rd arg must be a dictionary"));
    };
    let mut out = Vec::new();
    let snapshot = d.lock().items();
    for (k, v) in snapshot {
        match k {
            Value::Str(s) => out.push((s, v)),
            _ => return Err(vm.type_error("keywords must be strings")),
        }
    }
    Ok(out)
}

/// The name of the `threading.Thread` whose bootstrap method `func` is
/// (`Thread-1 (worker)`, `ThreadPoolExecutor-0_0`): the name the GIL tools
/// show for the OS thread.
fn thread_object_name(func: &Value) -> Option<String> {
    let Value::Method(m) = func else { return None };
    let Value::Instance(i) = &m.receiver else { return None };
    match i.dict.get_item_str("_name") {
        Some(Value::Str(s)) => Some(s.as_str().to_string()),
        _ => None,
    }
}

/// Starts an OS thread running `body` on a fresh `Vm` that holds the GIL;
/// returns the new thread's ident.
pub fn spawn(vm: &mut Vm, name: String, body: impl FnOnce(&mut Vm) + Send + 'static) -> PyResult<i64> {
    let gil_thread = vm.rt.gil.register_thread(name.clone());
    let mut child = Vm::new(vm.rt.clone(), Some(gil_thread), false);
    let ident = child.ident;
    let thread_name = name.clone();
    // A parked OS thread if there is one (see runtime/workers.rs).
    // A new thread inherits its creator's signal mask; a parked worker
    // is given it (pthread_sigmask + sigwait in a thread pool rely on it).
    let mask = crate::runtime::interrupt::current_signal_mask();
    let r = crate::runtime::workers::spawn(name, move || {
        crate::runtime::interrupt::set_signal_mask(&mask);
        child.frame_slot.note_os_thread();
        if let Some(g) = child.gil.as_mut() {
            g.acquire();
        }
        // Not attached to the collector's trigger: a thread's young objects
        // join the registry when it ends (below), and the main thread's
        // collections take them from there. Collecting in every thread made
        // building million-deep structures in a thread several times
        // slower (full collections of the growing old generation).
        // The last line of defence: a panic that escaped the interpreter
        // loop's own catch is reported like an uncaught exception, and the
        // thread still leaves the GIL.
        if let Err(e) = child.catch_panics(|vm| {
            body(vm);
            Ok(())
        }) {
            let tb = child.format_exception(&e);
            eprint!("Exception in thread {thread_name}:\n{tb}");
        }
        // No more Python of this thread for `sys._current_frames()`.
        child.rt.thread_frames.unregister(child.ident, &child.frame_slot);
        child.run_finalizers();
        // The thread state goes: its `_local` dicts, then (after what that
        // freed is finalized) the locks `Thread.join` waits on.
        child.run_thread_end_hooks(EndPhase::Locals);
        child.run_finalizers();
        child.run_thread_end_hooks(EndPhase::Sentinels);
        // What the thread made and is still alive joins the registry (the
        // OS thread may be parked and reused, or end).
        child.rt.gc.adopt_nursery();
        if let Some(g) = child.gil.take() {
            g.exit();
        }
    });
    match r {
        Ok(()) => Ok(ident),
        Err(e) => {
            vm.rt.thread_frames.slots_forget(ident);
            Err(vm.runtime_error(&format!("can't start new thread: {e}")))
        }
    }
}

/// Creates the `_thread` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let rt = vm.rt.clone();
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("_thread"));
    let lock_cls = make_lock_class(&rt);
    let rlock_cls = make_rlock_class(&rt);
    d.set_item_str("LockType", Value::Class(lock_cls.clone()));
    d.set_item_str("TIMEOUT_MAX", Value::Float(TIMEOUT_MAX));
    d.set_item_str("error", Value::Class(rt.types.exc("RuntimeError")));
    let running = Arc::new(AtomicUsize::new(0));
    let lc = lock_cls.clone();
    let new_lock = move |_vm: &mut Vm, _a: Args| {
        let state = Arc::new(Mutex::new(LockState { locked: false, owner: 0, site: None, sentinel: false }));
        Ok(Value::from_native(Arc::new(Lock { state, cv: Arc::new(Condvar::new()), class: lc.clone() })))
    };
    def(&d, "allocate_lock", new_lock.clone());
    def(&d, "allocate", new_lock);
    let rc = rlock_cls.clone();
    def(&rlock_cls.dict, "__new__", move |_vm, _a| {
        Ok(Value::from_native(Arc::new(RLock {
            state: Arc::new(Mutex::new((0, 0))),
            cv: Condvar::new(),
            class: rc.clone(),
        })))
    });
    d.set_item_str("RLock", Value::Class(rlock_cls));
    let lc = lock_cls.clone();
    // A lock released when the calling thread's state is destroyed (after
    // its `_local` dicts are gone): what `Thread.join` waits on.
    def(&d, "_set_sentinel", move |vm, _a| {
        let state = Arc::new(Mutex::new(LockState { locked: false, owner: 0, site: None, sentinel: true }));
        let cv = Arc::new(Condvar::new());
        let (st, cv2) = (state.clone(), cv.clone());
        vm.at_thread_end.push((
            EndPhase::Sentinels,
            Box::new(move || {
                let mut g = st.lock();
                g.locked = false;
                g.site = None;
                drop(g);
                cv2.notify_all();
            }),
        ));
        Ok(Value::from_native(Arc::new(Lock { state, cv, class: lc.clone() })))
    });
    super::thread_extras::add_to(vm, &d);
    let counter = running.clone();
    def(&d, "start_new_thread", move |vm, a| {
        a.check(vm, "start_new_thread", 2, 3)?;
        let func = a.pos[0].clone();
        let args = match &a.pos[1] {
            Value::Tuple(t) => t.items.to_vec(),
            _ => return Err(vm.type_error("2nd arg must be a tuple")),
        };
        let kw = kwargs_of(vm, a.pos.get(2))?;
        let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
        let counter2 = counter.clone();
        let name = thread_object_name(&func).unwrap_or_else(|| format!("Thread-{n}"));
        spawn(vm, name, move |child| {
            let r = child.catch_panics(|vm| vm.call_value(&func, Args::with_kw(args, kw)));
            // A thread may have been renamed while it ran (`t.name = …`).
            if let Some(name) = thread_object_name(&func)
                && let Some(g) = child.gil.as_mut()
            {
                g.set_name(name);
            }
            if let Err(e) = r
                && !child.is_exc(&e, "SystemExit")
            {
                let fr = child.repr_of(&func).unwrap_or_default();
                let tb = child.format_exception(&e);
                use std::io::Write;
                let _ = std::io::stdout().flush();
                eprint!("Exception ignored in thread started by: {fr}\n{tb}");
            }
            counter2.fetch_sub(1, Ordering::SeqCst);
        })
        .map(Value::Int)
    });
    def(&d, "get_ident", |vm, _a| Ok(Value::Int(vm.ident)));
    // `_thread.exit()`: SystemExit, which ends a thread quietly.
    for name in ["exit", "exit_thread"] {
        def(&d, name, move |vm, a| {
            a.posonly(vm, name, 0, 0)?;
            let cls = vm.rt.types.exc("SystemExit");
            Err(vm.new_exception(&cls, vec![]))
        });
    }
    def(&d, "get_native_id", |vm, _a| Ok(Value::Int(vm.ident)));
    def(&d, "set_name", |vm, a| {
        if let Some(Value::Str(s)) = a.pos.first() {
            let s = s.as_str().to_string();
            if let Some(g) = vm.gil.as_mut() {
                g.set_name(s);
            }
        }
        Ok(Value::None)
    });
    def(&d, "_count", move |_vm, _a| Ok(Value::Int(running.load(Ordering::SeqCst) as i64)));
    // `interrupt_main(signum=SIGINT)`: only SIGINT is simulated (gilt's
    // Ctrl-C path), and only when Python handles it (as CPython, which
    // ignores a simulated signal set to SIG_IGN/SIG_DFL); another valid
    // signal number is accepted and ignored.
    def(&d, "interrupt_main", |vm, mut a| {
        let signum = match a.arg(0, "signum") {
            Some(v) => vm.index_of(&v)?,
            None => 2,
        };
        if !(1..65).contains(&signum) {
            return Err(vm.value_error("signal number out of range"));
        }
        if signum == 2 && super::mod_signal::sigint_handled_by_python(vm) {
            vm.rt.gil.simulate_signal(libc::SIGINT);
            // CPython checks its eval breaker as a call returns: called in the
            // main thread, the handler runs (KeyboardInterrupt is raised) here.
            vm.handle_breaker()?;
        }
        Ok(Value::None)
    });
    def(&d, "stack_size", |_vm, _a| Ok(Value::Int(0)));
    def(&d, "daemon_threads_allowed", |_vm, _a| Ok(Value::Bool(true)));
    Ok(Value::Module(Arc::new(Module::new(Arc::from("_thread"), d))))
}

/// Adds the `thread(fn, *args, **kwargs)` built-in.
pub fn register(rt: &Runtime) {
    let cls = new_builtin_class("thread_handle", std::slice::from_ref(&rt.types.object), Layout::Opaque);
    def(&cls.dict, "join", |vm, mut a| {
        let timeout = match a.arg(1, "timeout") {
            Some(Value::None) | None => None,
            Some(v) => Some(super::mod_time::seconds_arg(vm, &v)?.max(0.0)),
        };
        let h = this::<ThreadHandle>(vm, &a, "thread_handle")?;
        let outcome = h.outcome.clone();
        // No deadline when it is past what an Instant holds.
        let deadline = timeout.and_then(|t| Instant::now().checked_add(Duration::from_secs_f64(t)));
        let check = check_of(vm);
        let r = loop {
            let r = vm.allow_threads(BlockKind::Join, || {
                let (m, cv) = &*outcome;
                let mut g = m.lock();
                check.wait_until(deadline, |slice| {
                    if g.is_none() {
                        cv.wait_for(&mut g, slice);
                    }
                    g.is_some()
                })
            });
            match r {
                Ok(done) => break done,
                Err(_) => signal_arrived(vm)?,
            }
        };
        match r {
            false => Ok(Value::None),
            true => match outcome.0.lock().clone() {
                Some(Ok(v)) => Ok(v),
                Some(Err(e)) => Err(e),
                None => Ok(Value::None),
            },
        }
    });
    def(&cls.dict, "is_alive", |vm, a| {
        let h = this::<ThreadHandle>(vm, &a, "thread_handle")?;
        Ok(Value::Bool(h.outcome.0.lock().is_none()))
    });
    def(&cls.dict, "__repr__", |vm, a| {
        let h = this::<ThreadHandle>(vm, &a, "thread_handle")?;
        let st = if h.outcome.0.lock().is_none() { "running" } else { "finished" };
        Ok(Value::string(format!("<thread {} ({st})>", h.name)))
    });
    prop(rt, &cls, "name", |vm, a| Ok(Value::str(&this::<ThreadHandle>(vm, &a, "thread_handle")?.name)));
    prop(rt, &cls, "ident", |vm, a| Ok(Value::Int(this::<ThreadHandle>(vm, &a, "thread_handle")?.ident)));
    let count = Arc::new(AtomicUsize::new(0));
    def(&rt.builtins, "thread", move |vm, mut a| {
        if a.pos.is_empty() {
            return Err(vm.type_error("thread() missing required argument 'fn'"));
        }
        let func = a.pos.remove(0);
        let kw = std::mem::take(&mut a.kw);
        let n = count.fetch_add(1, Ordering::SeqCst) + 1;
        let name = format!("Thread-{n}");
        let outcome: Outcome = Arc::new((Mutex::new(None), Condvar::new()));
        let out2 = outcome.clone();
        let pos = a.pos;
        let ident = spawn(vm, name.clone(), move |child| {
            let r = child.catch_panics(|vm| vm.call_value(&func, Args::with_kw(pos, kw)));
            let (m, cv) = &*out2;
            *m.lock() = Some(r);
            cv.notify_all();
        })?;
        Ok(Value::from_native(Arc::new(ThreadHandle { outcome, name, ident, class: cls.clone() })))
    });
}
