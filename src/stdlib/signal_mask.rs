//! The thread-directed and mask calls of `_signal`: `pthread_kill`,
//! `pthread_sigmask`, `sigpending`, `sigwait`, `sigwaitinfo`,
//! `sigtimedwait` and the `struct_siginfo` they return, with the
//! `SIG_BLOCK`/`SIG_UNBLOCK`/`SIG_SETMASK` numbers.
//!
//! As in CPython, a signal whose Python handler is due runs it before the
//! call returns when the caller is the main thread (the OS handler only
//! flags the main thread; `handle_breaker` runs what is pending). The
//! waits release the GIL, are recorded as `signal` waits, and wait in
//! slices so Ctrl-C still reaches a waiting main thread.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::def;
use super::structseq::{Spec, make_class, new_value};
use crate::object::class::Class;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::runtime::events::BlockKind;
use crate::vm::{Args, PyResult, Vm};

/// The Python-visible signal numbers are 1..NSIG.
const NSIG: i64 = 65;

const STRUCT_SIGINFO: Spec = Spec {
    module: "signal",
    name: "struct_siginfo",
    fields: &["si_signo", "si_code", "si_errno", "si_pid", "si_uid", "si_status", "si_band"],
    n_seq: 7,
};

/// How long one `sigtimedwait` slice lasts when the main thread waits
/// (so a Ctrl-C is noticed).
const SLICE: Duration = Duration::from_millis(50);

fn os_err(vm: &mut Vm, errno: i32) -> crate::vm::PyErr {
    let e = std::io::Error::from_raw_os_error(errno);
    super::file::os_error(vm, &e, None)
}

fn required(vm: &mut Vm, a: &mut Args, i: usize, name: &str, fname: &str) -> PyResult<Value> {
    a.arg(i, name)
        .ok_or_else(|| vm.type_error(&format!("{fname}() missing required argument '{name}' (pos {})", i + 1)))
}

fn empty_set() -> libc::sigset_t {
    // SAFETY: an all-zero sigset_t is a valid object for sigemptyset to fill.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: `set` is a valid sigset_t.
    unsafe { libc::sigemptyset(&mut set) };
    set
}

/// An iterable of signal numbers as a sigset_t, with CPython's checks: a
/// number outside 1..NSIG is a ValueError; one the C library reserves
/// (32, 33) only warns, so `range(1, NSIG)` keeps working.
fn to_sigset(vm: &mut Vm, v: &Value) -> PyResult<libc::sigset_t> {
    let items = vm.collect(v)?;
    let mut set = empty_set();
    for item in items {
        if let Value::BigInt(b) = &item {
            return Err(vm.value_error(&format!("signal number {b} out of range [1; {}]", NSIG - 1)));
        }
        let n = vm.index_of(&item)?;
        if !(1..NSIG).contains(&n) {
            return Err(vm.value_error(&format!("signal number {n} out of range [1; {}]", NSIG - 1)));
        }
        // SAFETY: `set` is a valid sigset_t; sigaddset checks the number.
        if unsafe { libc::sigaddset(&mut set, n as i32) } != 0 {
            vm.warn("RuntimeWarning", &format!("invalid signal number {n}, please use valid_signals()"), 1)?;
        }
    }
    Ok(set)
}

/// The signals in `set`, as a Python set.
fn from_sigset(vm: &mut Vm, set: &libc::sigset_t) -> PyResult {
    // SAFETY: sigismember only reads the valid `set`.
    let sigs: Vec<Value> =
        (1..NSIG).filter(|&n| unsafe { libc::sigismember(set, n as i32) } == 1).map(Value::Int).collect();
    vm.call_builtin("set", vec![Value::list(sigs)])
}

/// Runs the Python handlers of signals that arrived, when this is the main thread.
fn check_signals(vm: &mut Vm) -> PyResult<()> {
    if vm.is_main_thread { vm.handle_breaker() } else { Ok(()) }
}

/// `pthread_kill(thread_id, signalnum)`: sends the signal to the thread
/// with that `threading.get_ident()`.
fn pthread_kill(vm: &mut Vm, mut a: Args) -> PyResult {
    a.no_kw(vm, "pthread_kill")?;
    let tid = required(vm, &mut a, 0, "thread_id", "pthread_kill")?;
    let sig = required(vm, &mut a, 1, "signalnum", "pthread_kill")?;
    let tid = vm.index_of(&tid)?;
    if tid < 0 {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let sig = vm.index_of(&sig)?;
    let sig = i32::try_from(sig).map_err(|_| vm.overflow_error("signal number out of range"))?;
    // A thread that is not (or no longer) running Python: no such thread.
    let Some(thread) = vm.rt.thread_frames.pthread_of(tid) else { return Err(os_err(vm, libc::ESRCH)) };
    // SAFETY: `thread` is a live thread of this process: its slot is
    // removed before the OS thread ends (and parked workers outlive it).
    let r = unsafe { libc::pthread_kill(thread, sig) };
    if r != 0 {
        return Err(os_err(vm, r));
    }
    check_signals(vm)?;
    Ok(Value::None)
}

/// `pthread_sigmask(how, mask)`: changes the calling thread's blocked
/// signals; returns the previous mask as a set.
fn pthread_sigmask(vm: &mut Vm, mut a: Args) -> PyResult {
    a.no_kw(vm, "pthread_sigmask")?;
    if a.pos.len() > 2 {
        return Err(vm.type_error(&format!("pthread_sigmask expected 2 arguments, got {}", a.pos.len())));
    }
    let how = required(vm, &mut a, 0, "how", "pthread_sigmask")?;
    let mask = required(vm, &mut a, 1, "mask", "pthread_sigmask")?;
    let how = vm.index_of(&how)?;
    let how = i32::try_from(how).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))?;
    let set = to_sigset(vm, &mask)?;
    let mut old = empty_set();
    // SAFETY: both sets are valid; the kernel checks `how`.
    let r = unsafe { libc::pthread_sigmask(how, &set, &mut old) };
    if r != 0 {
        return Err(os_err(vm, r));
    }
    // A signal just unblocked may be pending: its handler runs now.
    check_signals(vm)?;
    from_sigset(vm, &old)
}

/// `sigpending()`: the signals pending for the calling thread or the process.
fn sigpending(vm: &mut Vm, a: Args) -> PyResult {
    a.no_kw(vm, "sigpending")?;
    let mut set = empty_set();
    // SAFETY: `set` is a valid out-pointer.
    if unsafe { libc::sigpending(&mut set) } != 0 {
        let e = std::io::Error::last_os_error();
        return Err(super::file::os_error(vm, &e, None));
    }
    from_sigset(vm, &set)
}

/// What one wait found.
enum Waited {
    Got(libc::siginfo_t),
    TimedOut,
    Failed(i32),
    Interrupted,
}

/// Waits for one of `set` (blocked by the caller) until `deadline`, GIL
/// released; a Python handler due meanwhile runs and the wait goes on
/// (PEP 475) unless it raises.
fn wait_for(vm: &mut Vm, set: libc::sigset_t, deadline: Option<Instant>) -> PyResult<Option<libc::siginfo_t>> {
    loop {
        let check = vm.gil.as_ref().map(|g| g.interrupt_check());
        let waited = vm.allow_threads(BlockKind::Signal, || {
            loop {
                if check.as_ref().is_some_and(|c| c.take_pending_interrupt()) {
                    return Waited::Interrupted;
                }
                let now = Instant::now();
                let left = match deadline {
                    Some(d) if d <= now => Duration::ZERO,
                    Some(d) => d - now,
                    None => Duration::from_secs(3600),
                };
                let live = check.as_ref().is_some_and(|c| c.is_live());
                let slice = if live { left.min(SLICE) } else { left };
                let ts = libc::timespec { tv_sec: slice.as_secs() as libc::time_t, tv_nsec: slice.subsec_nanos() as _ };
                // SAFETY: an all-zero siginfo_t is a valid out-buffer.
                let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
                // SAFETY: valid set, out-buffer and timeout.
                let r = unsafe { libc::sigtimedwait(&set, &mut info, &ts) };
                if r > 0 {
                    return Waited::Got(info);
                }
                let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
                match errno {
                    libc::EAGAIN => {
                        if deadline.is_some_and(|d| Instant::now() >= d) {
                            return Waited::TimedOut;
                        }
                    }
                    // A handler of another signal ran: back to Python to run its code.
                    libc::EINTR => return Waited::Interrupted,
                    e => return Waited::Failed(e),
                }
            }
        });
        match waited {
            Waited::Got(info) => return Ok(Some(info)),
            Waited::TimedOut => return Ok(None),
            Waited::Failed(e) => return Err(os_err(vm, e)),
            Waited::Interrupted => {
                if vm.is_main_thread {
                    super::mod_signal::sigint_arrived(vm)?;
                    vm.handle_breaker()?;
                }
            }
        }
    }
}

fn siginfo_value(cls: &Arc<Class>, info: &libc::siginfo_t) -> Value {
    // SAFETY: the accessors read the union fields sigtimedwait filled in
    // (zeros where the signal carries none).
    let (pid, uid, status) = unsafe { (info.si_pid(), info.si_uid(), info.si_status()) };
    // si_band shares its place with si_pid/si_uid (the first word of the union).
    let band = (pid as u32 as i64) | ((uid as i64) << 32);
    let v = vec![
        Value::Int(info.si_signo as i64),
        Value::Int(info.si_code as i64),
        Value::Int(info.si_errno as i64),
        Value::Int(pid as i64),
        Value::Int(uid as i64),
        Value::Int(status as i64),
        Value::Int(band),
    ];
    new_value(cls, STRUCT_SIGINFO, v)
}

/// Adds the functions and constants to `_signal`'s namespace.
pub fn add(vm: &mut Vm, d: &Arc<Dict>) {
    d.set_item_str("SIG_BLOCK", Value::Int(libc::SIG_BLOCK as i64));
    d.set_item_str("SIG_UNBLOCK", Value::Int(libc::SIG_UNBLOCK as i64));
    d.set_item_str("SIG_SETMASK", Value::Int(libc::SIG_SETMASK as i64));
    def(d, "pthread_kill", pthread_kill);
    def(d, "pthread_sigmask", pthread_sigmask);
    def(d, "sigpending", sigpending);
    def(d, "sigwait", |vm, mut a| {
        a.no_kw(vm, "sigwait")?;
        let set = required(vm, &mut a, 0, "sigset", "sigwait")?;
        let set = to_sigset(vm, &set)?;
        let info = wait_for(vm, set, None)?;
        Ok(info.map_or(Value::None, |i| Value::Int(i.si_signo as i64)))
    });
    let cls = make_class(vm, STRUCT_SIGINFO);
    d.set_item_str("struct_siginfo", Value::Class(cls.clone()));
    let c = cls.clone();
    def(d, "sigwaitinfo", move |vm, mut a| {
        a.no_kw(vm, "sigwaitinfo")?;
        let set = required(vm, &mut a, 0, "sigset", "sigwaitinfo")?;
        let set = to_sigset(vm, &set)?;
        let info = wait_for(vm, set, None)?;
        Ok(info.map_or(Value::None, |i| siginfo_value(&c, &i)))
    });
    def(d, "sigtimedwait", move |vm, mut a| {
        a.no_kw(vm, "sigtimedwait")?;
        let set = required(vm, &mut a, 0, "sigset", "sigtimedwait")?;
        let timeout = required(vm, &mut a, 1, "timeout", "sigtimedwait")?;
        let set = to_sigset(vm, &set)?;
        let secs = match &timeout {
            Value::Int(_) | Value::Flt(_) | Value::BigInt(_) => vm.to_float(&timeout)?,
            other => {
                let t = vm.type_name(other);
                return Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")));
            }
        };
        if secs.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        if secs < 0.0 {
            return Err(vm.value_error("timeout must be non-negative"));
        }
        let deadline = Instant::now().checked_add(Duration::from_secs_f64(secs.min(1e9)));
        let info = wait_for(vm, set, deadline)?;
        Ok(info.map_or(Value::None, |i| siginfo_value(&cls, &i)))
    });
}
