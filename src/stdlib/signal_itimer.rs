//! `signal.setitimer` / `getitimer` and `signal.ItimerError` (CPython's
//! `signal.itimer_error`, an OSError): the process's interval timers, which
//! deliver SIGALRM / SIGVTALRM / SIGPROF through the handlers of `_signal`.

use std::sync::Arc;

use super::def;
use crate::object::class::Class;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::{Args, PyErr, PyResult, Vm};

/// A duration in seconds (int or float) as a timeval, microseconds rounded
/// up as CPython does (a tiny positive value still arms the timer).
fn timeval(vm: &mut Vm, v: &Value) -> PyResult<libc::timeval> {
    let secs = match vm.as_f64(v)? {
        Some(f) => f,
        None => vm.index_of(v)? as f64,
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    let whole = secs.floor();
    let mut usec = ((secs - whole) * 1e6).ceil();
    let mut sec = whole;
    if usec >= 1e6 {
        sec += 1.0;
        usec -= 1e6;
    }
    if !(i64::MIN as f64..=i64::MAX as f64).contains(&sec) {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(libc::timeval { tv_sec: sec as libc::time_t, tv_usec: usec as libc::suseconds_t })
}

fn seconds(tv: &libc::timeval) -> Value {
    Value::Float(tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6)
}

fn pair(it: &libc::itimerval) -> Value {
    Value::tuple(vec![seconds(&it.it_value), seconds(&it.it_interval)])
}

/// `signal.ItimerError` with errno's message.
fn itimer_error(vm: &Vm, cls: &Arc<Class>) -> PyErr {
    let errno = crate::stdlib::posix_args::last_errno();
    let msg = crate::stdlib::posix_args::strerror(errno);
    crate::stdlib::socket_addr::with_errno(vm, cls, errno, msg)
}

fn which(vm: &mut Vm, a: &mut Args, fname: &str) -> PyResult<libc::c_int> {
    let w = a
        .arg(0, "which")
        .ok_or_else(|| vm.type_error(&format!("{fname}() missing required argument 'which' (pos 1)")))?;
    let w = vm.index_of(&w)?;
    libc::c_int::try_from(w).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))
}

/// Adds `setitimer`, `getitimer`, `ItimerError` and the `ITIMER_*` numbers to `_signal`'s dict.
pub fn add(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let err = crate::stdlib::native_util::exc_class(vm, "signal", "itimer_error", &["OSError"])?;
    d.set_item_str("ItimerError", Value::Class(err.clone()));
    d.set_item_str("ITIMER_REAL", Value::Int(libc::ITIMER_REAL as i64));
    d.set_item_str("ITIMER_VIRTUAL", Value::Int(libc::ITIMER_VIRTUAL as i64));
    d.set_item_str("ITIMER_PROF", Value::Int(libc::ITIMER_PROF as i64));
    let e = err.clone();
    def(d, "setitimer", move |vm, mut a| {
        a.no_kw(vm, "setitimer")?;
        let w = which(vm, &mut a, "setitimer")?;
        let secs = a
            .arg(1, "seconds")
            .ok_or_else(|| vm.type_error("setitimer() missing required argument 'seconds' (pos 2)"))?;
        let value = timeval(vm, &secs)?;
        let interval = match a.arg(2, "interval") {
            Some(v) => timeval(vm, &v)?,
            None => libc::timeval { tv_sec: 0, tv_usec: 0 },
        };
        let new = libc::itimerval { it_interval: interval, it_value: value };
        let mut old = libc::itimerval { it_interval: new.it_interval, it_value: new.it_value };
        // SAFETY: both pointers are to live itimervals; `which` is checked by the kernel.
        if unsafe { libc::setitimer(w as _, &new, &mut old) } != 0 {
            return Err(itimer_error(vm, &e));
        }
        Ok(pair(&old))
    });
    def(d, "getitimer", move |vm, mut a| {
        a.no_kw(vm, "getitimer")?;
        let w = which(vm, &mut a, "getitimer")?;
        let zero = libc::timeval { tv_sec: 0, tv_usec: 0 };
        let mut cur = libc::itimerval { it_interval: zero, it_value: zero };
        // SAFETY: `cur` is a live itimerval; `which` is checked by the kernel.
        if unsafe { libc::getitimer(w as _, &mut cur) } != 0 {
            return Err(itimer_error(vm, &err));
        }
        Ok(pair(&cur))
    });
    Ok(())
}
