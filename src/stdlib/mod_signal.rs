//! The `_signal` module under CPython's `signal.py`: the signal numbers,
//! `SIG_DFL`/`SIG_IGN`, `default_int_handler`, and `signal`/`getsignal`/
//! `raise_signal`/`strsignal`/`valid_signals`.
//!
//! SIGINT is wired to gilt's own Ctrl-C machinery (`runtime/interrupt.rs`):
//! the OS handler only flags the main thread, and when that thread notices
//! (at its next eval-breaker check, or in `time.sleep`) it runs the Python
//! handler chosen here — by default `default_int_handler`, which raises
//! `KeyboardInterrupt`; `SIG_IGN` drops the interrupt and `SIG_DFL` ends the
//! process the way an unhandled SIGINT does. Other signals can be set to
//! `SIG_DFL` or `SIG_IGN` (applied to the process). A Python handler for
//! another signal installs an OS handler (signal-hook) that does what the
//! SIGINT one does: mark the signal pending and flag the main thread, which
//! runs the Python handler between two bytecodes or when its interruptible
//! wait notices — never in another thread, as in CPython. Once installed,
//! that OS handler stays, and a later `SIG_DFL`/`SIG_IGN` is applied by it
//! (signal-hook cannot hand a signal back to the OS). Every caught signal's
//! number is also written to `set_wakeup_fd`'s descriptor, which is how
//! asyncio's `add_signal_handler` wakes its loop.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

use parking_lot::Mutex;

use super::def;
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Vm};

const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;
/// One more than the largest signal number (Linux's real-time signals end at 64).
const NSIG: i64 = 65;

/// The signals CPython 3.11's `signal` names on Linux.
const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGSTKFLT", libc::SIGSTKFLT),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
];

/// The Python-level handlers of one runtime, by signal number. A signal
/// missing from the map has its initial handler: `default_int_handler` for
/// SIGINT, `SIG_DFL` for the others.
#[derive(Default)]
pub struct Handlers {
    map: Mutex<HashMap<i32, Value>>,
    /// `default_int_handler`, made once so `getsignal` returns the same object.
    default_int: std::sync::OnceLock<Value>,
    /// What the OS handler installed for a signal does (`DISP_*`), read in
    /// signal context; meaningful only for signals in `hooked`.
    disposition: Arc<Dispositions>,
    /// The signals that have gilt's OS handler (kept for the whole run).
    hooked: Mutex<HashMap<i32, signal_hook::SigId>>,
}

/// One `DISP_*` per signal number, shared with the OS handlers.
pub struct Dispositions([AtomicU8; NSIG as usize]);

impl Default for Dispositions {
    fn default() -> Self {
        Dispositions(std::array::from_fn(|_| AtomicU8::new(DISP_DEFAULT)))
    }
}

const DISP_DEFAULT: u8 = 0;
const DISP_IGNORE: u8 = 1;
const DISP_PYTHON: u8 = 2;

fn default_int_handler(rt_handlers: &Handlers) -> Value {
    rt_handlers
        .default_int
        .get_or_init(|| {
            Vm::native("default_int_handler", |vm, _a| {
                let cls = vm.rt.types.exc("KeyboardInterrupt");
                Err(vm.new_exception(&cls, vec![]))
            })
        })
        .clone()
}

fn handler_of(vm: &Vm, sig: i32) -> Value {
    if let Some(h) = vm.rt.signals.map.lock().get(&sig) {
        return h.clone();
    }
    if sig == libc::SIGINT { default_int_handler(&vm.rt.signals) } else { Value::Int(SIG_DFL) }
}

/// True when SIGINT has a Python handler (not `SIG_IGN`/`SIG_DFL`): what
/// `_thread.interrupt_main` needs, since CPython ignores a simulated signal
/// that Python does not handle.
pub fn sigint_handled_by_python(vm: &mut Vm) -> bool {
    !matches!(handler_of(vm, libc::SIGINT), Value::Int(SIG_IGN) | Value::Int(SIG_DFL))
}

/// Signals reached the main thread (Ctrl-C, or another signal with a Python
/// handler): runs their Python handlers in signal-number order. `Ok` means
/// every one was handled (ignored, or its handler returned normally); when
/// a handler raises, the signals not handled yet stay pending.
pub fn sigint_arrived(vm: &mut Vm) -> PyResult<()> {
    let mut mask = vm.rt.gil.take_pending_signals();
    while mask != 0 {
        let sig = mask.trailing_zeros() as i32;
        mask &= !(1u64 << sig);
        let r = if sig == libc::SIGINT { run_sigint_handler(vm) } else { run_handler(vm, sig) };
        if let Err(e) = r {
            vm.rt.gil.repend_signals(mask);
            return Err(e);
        }
    }
    Ok(())
}

/// The current frame (the handler's second argument), or None.
fn current_frame(vm: &mut Vm) -> Value {
    match vm.frame_object(0) {
        Some(f) => Value::from_native(f),
        None => Value::None,
    }
}

fn run_handler(vm: &mut Vm, sig: i32) -> PyResult<()> {
    match handler_of(vm, sig) {
        Value::Int(_) => Ok(()),
        h => {
            let frame = current_frame(vm);
            vm.call(&h, vec![Value::Int(sig as i64), frame]).map(|_| ())
        }
    }
}

fn run_sigint_handler(vm: &mut Vm) -> PyResult<()> {
    let h = handler_of(vm, libc::SIGINT);
    match h {
        Value::Int(SIG_IGN) => Ok(()),
        Value::Int(SIG_DFL) => {
            // What the OS would have done had no handler been installed.
            let _ = signal_hook::low_level::emulate_default_handler(libc::SIGINT);
            Ok(())
        }
        h => {
            let frame = current_frame(vm);
            vm.call(&h, vec![Value::Int(libc::SIGINT as i64), frame]).map(|_| ())
        }
    }
}

/// Gives `sig` gilt's OS handler (once): it applies the signal's current
/// disposition, tripping the main thread for a Python handler.
fn hook(vm: &mut Vm, sig: i32) -> PyResult<()> {
    let mut hooked = vm.rt.signals.hooked.lock();
    if hooked.contains_key(&sig) {
        return Ok(());
    }
    let gil = vm.rt.gil.clone();
    let disp = vm.rt.signals.disposition.clone();
    // SAFETY: the action is async-signal-safe: atomic loads, `trip_signal`
    // (atomics and write(2)), and signal-hook's `emulate_default_handler`,
    // which its own `register_conditional_default` calls in signal context.
    // The captured `Arc`s are only dropped by `unregister`, never in a handler.
    let id = unsafe {
        signal_hook::low_level::register(sig, move || match disp.0[sig as usize].load(Ordering::SeqCst) {
            DISP_PYTHON => gil.trip_signal(sig),
            DISP_IGNORE => {}
            _ => {
                let _ = signal_hook::low_level::emulate_default_handler(sig);
            }
        })
    };
    match id {
        Ok(id) => {
            hooked.insert(sig, id);
            // CPython installs its handlers without SA_RESTART (siginterrupt
            // on), so a blocking read returns EINTR and the Python handler
            // runs (PEP 475) instead of the read resuming unnoticed.
            set_restart(sig, false);
            Ok(())
        }
        Err(e) => {
            drop(hooked);
            Err(super::file::os_error(vm, &e, None))
        }
    }
}

/// Sets or clears SA_RESTART on `sig`'s current action (`siginterrupt`).
fn set_restart(sig: i32, restart: bool) -> bool {
    // SAFETY: reads the current action and writes it back with one flag
    // changed; the handler itself is untouched.
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut act) != 0 {
            return false;
        }
        if restart {
            act.sa_flags |= libc::SA_RESTART;
        } else {
            act.sa_flags &= !libc::SA_RESTART;
        }
        libc::sigaction(sig, &act, std::ptr::null_mut()) == 0
    }
}

fn signum(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = vm.index_of(v)?;
    if !(1..NSIG).contains(&n) {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(n as i32)
}

fn arg(vm: &mut Vm, a: &mut Args, i: usize, name: &str, fname: &str) -> PyResult<Value> {
    a.arg(i, name)
        .ok_or_else(|| vm.type_error(&format!("{fname}() missing required argument '{name}' (pos {})", i + 1)))
}

/// Sets the process's disposition of `sig` to the default or to ignore.
fn set_os_disposition(vm: &mut Vm, sig: i32, ignore: bool) -> PyResult<()> {
    let action = if ignore { libc::SIG_IGN } else { libc::SIG_DFL };
    // SAFETY: installs one of the two dispositions the C library defines,
    // not a Rust function, so nothing runs in signal context.
    let old = unsafe { libc::signal(sig, action) };
    if old == libc::SIG_ERR {
        let e = std::io::Error::last_os_error();
        return Err(super::file::os_error(vm, &e, None));
    }
    Ok(())
}

fn set_handler(vm: &mut Vm, mut a: Args) -> PyResult {
    a.no_kw(vm, "signal")?;
    let sig = arg(vm, &mut a, 0, "signalnum", "signal")?;
    let handler = arg(vm, &mut a, 1, "handler", "signal")?;
    let sig = signum(vm, &sig)?;
    if !vm.is_main_thread {
        return Err(vm.value_error("signal only works in main thread of the main interpreter"));
    }
    let special = match &handler {
        Value::Int(n) if *n == SIG_DFL || *n == SIG_IGN => Some(*n == SIG_IGN),
        h if super::builtins_attr::is_callable(vm, h) => None,
        _ => {
            return Err(vm.type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object"));
        }
    };
    if sig == libc::SIGKILL || sig == libc::SIGSTOP {
        let e = std::io::Error::from_raw_os_error(libc::EINVAL);
        return Err(super::file::os_error(vm, &e, None));
    }
    // SIGINT keeps gilt's OS handler whatever the choice (it only flags the
    // main thread; `sigint_arrived` applies the choice).
    if sig != libc::SIGINT {
        let hooked = vm.rt.signals.hooked.lock().contains_key(&sig);
        match special {
            None => {
                vm.rt.signals.disposition.0[sig as usize].store(DISP_PYTHON, Ordering::SeqCst);
                hook(vm, sig)?;
            }
            Some(ignore) if hooked => {
                let d = if ignore { DISP_IGNORE } else { DISP_DEFAULT };
                vm.rt.signals.disposition.0[sig as usize].store(d, Ordering::SeqCst);
            }
            Some(ignore) => set_os_disposition(vm, sig, ignore)?,
        }
    }
    let old = handler_of(vm, sig);
    vm.rt.signals.map.lock().insert(sig, handler);
    Ok(old)
}

fn raise_signal(vm: &mut Vm, mut a: Args) -> PyResult {
    let sig = arg(vm, &mut a, 0, "signalnum", "raise_signal")?;
    let sig = signum(vm, &sig)?;
    if sig == libc::SIGINT {
        // Like a Ctrl-C: the main thread runs the handler at its next check.
        vm.rt.gil.interrupt_main();
        if vm.is_main_thread {
            vm.handle_breaker()?;
        }
        return Ok(Value::None);
    }
    match handler_of(vm, sig) {
        Value::Int(SIG_IGN) => Ok(Value::None),
        Value::Int(_) => {
            // SAFETY: raise(3) with the default disposition: the OS acts (it may end the process).
            unsafe { libc::raise(sig) };
            Ok(Value::None)
        }
        _ => {
            // The OS handler trips the signal; the main thread runs the
            // Python handler before raise_signal returns, as in CPython.
            // SAFETY: raise(3); our handler for `sig` is async-signal-safe.
            unsafe { libc::raise(sig) };
            if vm.is_main_thread {
                vm.handle_breaker()?;
            }
            Ok(Value::None)
        }
    }
}

/// `signal.set_wakeup_fd(fd, /, *, warn_on_full_buffer=True)`: the fd that
/// each caught signal's number is written to; returns the previous one.
fn set_wakeup_fd(vm: &mut Vm, mut a: Args) -> PyResult {
    let _ = a.take_kw("warn_on_full_buffer");
    a.no_kw(vm, "set_wakeup_fd")?;
    if a.pos.len() > 1 {
        let n = a.pos.len();
        return Err(vm.type_error(&format!("set_wakeup_fd() takes at most 1 positional argument ({n} given)")));
    }
    let fd = arg(vm, &mut a, 0, "fd", "set_wakeup_fd")?;
    let fd = vm.index_of(&fd)?;
    if !vm.is_main_thread {
        return Err(vm.value_error("set_wakeup_fd only works in main thread of the main interpreter"));
    }
    let fd = i32::try_from(fd).map_err(|_| vm.value_error(&format!("invalid fd: {fd}")))?;
    if fd != -1 {
        // SAFETY: fcntl(F_GETFL) only reads the descriptor's flags.
        let fl = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        if fl < 0 {
            let e = std::io::Error::last_os_error();
            return Err(super::file::os_error(vm, &e, None));
        }
        if fl & libc::O_NONBLOCK == 0 {
            return Err(vm.value_error(&format!("the fd {fd} must be in non-blocking mode")));
        }
    }
    Ok(Value::Int(vm.rt.gil.set_wakeup_fd(fd) as i64))
}

fn strsignal(vm: &mut Vm, mut a: Args) -> PyResult {
    let sig = arg(vm, &mut a, 0, "signalnum", "strsignal")?;
    let sig = signum(vm, &sig)?;
    // SAFETY: strsignal returns a pointer to a static or thread-local
    // NUL-terminated string (or NULL), copied out at once.
    let text = unsafe {
        let p = libc::strsignal(sig);
        if p.is_null() { None } else { Some(std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()) }
    };
    Ok(match text {
        Some(t) if !t.contains("Unknown signal") => Value::string(t),
        _ => Value::None,
    })
}

/// `signal.alarm(seconds)`: SIGALRM after `seconds` (0 cancels); returns
/// the seconds left of the previous alarm.
fn alarm(vm: &mut Vm, mut a: Args) -> PyResult {
    a.no_kw(vm, "alarm")?;
    let secs = arg(vm, &mut a, 0, "seconds", "alarm")?;
    let secs = vm.index_of(&secs)?;
    let secs =
        u32::try_from(secs).map_err(|_| vm.overflow_error("Python int too large to convert to C unsigned long"))?;
    // SAFETY: alarm(2) only arms the process's timer.
    Ok(Value::Int(unsafe { libc::alarm(secs) } as i64))
}

/// `signal.pause()`: waits until a signal's Python handler has run (main
/// thread), GIL released, recorded as a `signal` wait.
fn pause(vm: &mut Vm, a: Args) -> PyResult {
    a.no_kw(vm, "pause")?;
    let check = vm.gil.as_ref().map(|g| g.interrupt_check());
    let r = vm.allow_threads(crate::runtime::events::BlockKind::Signal, || match &check {
        Some(c) if c.is_live() => c.wait_until(None, |slice| {
            std::thread::sleep(slice);
            false
        }),
        // Not the main thread: no Python handler ever runs here.
        _ => {
            // SAFETY: pause(2) just waits for a signal.
            unsafe { libc::pause() };
            Ok(true)
        }
    });
    if r.is_err() {
        sigint_arrived(vm)?;
    }
    Ok(Value::None)
}

/// Creates the `_signal` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("_signal"));
    d.set_item_str("SIG_DFL", Value::Int(SIG_DFL));
    d.set_item_str("SIG_IGN", Value::Int(SIG_IGN));
    d.set_item_str("NSIG", Value::Int(NSIG));
    for &(name, num) in SIGNALS {
        d.set_item_str(name, Value::Int(num as i64));
    }
    d.set_item_str("SIGRTMIN", Value::Int(libc::SIGRTMIN() as i64));
    d.set_item_str("SIGRTMAX", Value::Int(libc::SIGRTMAX() as i64));
    d.set_item_str("default_int_handler", default_int_handler(&vm.rt.signals));
    def(&d, "signal", set_handler);
    def(&d, "getsignal", |vm, mut a| {
        let sig = arg(vm, &mut a, 0, "signalnum", "getsignal")?;
        let sig = signum(vm, &sig)?;
        Ok(handler_of(vm, sig))
    });
    def(&d, "raise_signal", raise_signal);
    def(&d, "set_wakeup_fd", set_wakeup_fd);
    def(&d, "alarm", alarm);
    def(&d, "pause", pause);
    def(&d, "siginterrupt", |vm, mut a| {
        // A false flag lets the kernel restart a system call the signal
        // interrupted (SA_RESTART); a true one makes it fail with EINTR, so
        // the Python handler runs before the call is retried (PEP 475).
        let sig = arg(vm, &mut a, 0, "signalnum", "siginterrupt")?;
        let sig = signum(vm, &sig)?;
        let flag = arg(vm, &mut a, 1, "flag", "siginterrupt")?;
        let flag = vm.index_of(&flag)?;
        if !set_restart(sig, flag == 0) {
            return Err(vm.err("OSError", "[Errno 22] Invalid argument"));
        }
        Ok(Value::None)
    });
    def(&d, "strsignal", strsignal);
    super::signal_itimer::add(vm, &d)?;
    super::signal_mask::add(vm, &d);
    def(&d, "valid_signals", |vm, _a| {
        let all: Vec<Value> = (1..NSIG).filter(|&n| n != 32 && n != 33).map(Value::Int).collect();
        vm.call_builtin("set", vec![Value::list(all)])
    });
    Ok(Value::Module(Arc::new(Module::new(Arc::from("_signal"), d))))
}
