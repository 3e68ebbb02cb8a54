//! The `select` module: `select()`, `poll()` objects and `epoll`
//! (`select_epoll.rs`), over poll(2)/epoll(7). Every wait releases the GIL
//! and is recorded as a select wait; in the main thread it is cut into
//! slices so that Ctrl-C gets through.

use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use super::{def, method};
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::runtime::gil::BlockKind;
use crate::stdlib::native_util::module;
use crate::stdlib::posix_args::{errno_error, last_errno};
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

/// The descriptor of `v`: an int, or the result of its `fileno()`.
pub fn fd_of(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = match v {
        Value::Int(_) | Value::BigInt(_) | Value::Boolean(_) => vm.index_of(v)?,
        _ => {
            let cls = vm.class_of(v);
            if cls.lookup("fileno").is_none() {
                return Err(vm.type_error("argument must be an int, or have a fileno() method."));
            }
            let r = vm.call_method(v, "fileno", vec![])?;
            match r {
                Value::Int(_) | Value::BigInt(_) | Value::Boolean(_) => vm.index_of(&r)?,
                _ => return Err(vm.type_error("fileno() returned a non-integer")),
            }
        }
    };
    if n < 0 {
        return Err(vm.value_error(&format!("file descriptor cannot be a negative integer ({n})")));
    }
    i32::try_from(n).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))
}

/// Result of a sliced wait.
pub enum Waited<T> {
    Done(T),
    Failed(i32),
    Interrupted,
}

/// Calls `wait(slice_ms)` (one poll/epoll_wait returning its count or -1)
/// with the GIL released until it reports something, the deadline passes
/// (then the last count, 0) or Ctrl-C arrives in the main thread.
pub fn sliced_wait(vm: &mut Vm, deadline: Option<Instant>, mut wait: impl FnMut(i32) -> i32) -> Waited<i32> {
    let check = super::socket_io::interrupt_check(vm);
    vm.allow_threads(BlockKind::Select, || {
        let mut result = 0;
        let mut failed = 0;
        let r = check.wait_until(deadline, |slice| {
            let ms = slice.as_millis().min(i32::MAX as u128) as i32;
            let n = wait(ms);
            if n < 0 {
                let e = last_errno();
                if e == libc::EINTR {
                    return false;
                }
                failed = e;
                return true;
            }
            result = n;
            n > 0
        });
        match r {
            Err(_) => Waited::Interrupted,
            Ok(_) if failed != 0 => Waited::Failed(failed),
            Ok(_) => Waited::Done(result),
        }
    })
}

/// Polls `fds` until one is ready or `deadline`; Ctrl-C runs the SIGINT handler.
fn poll_fds(vm: &mut Vm, fds: &mut [libc::pollfd], deadline: Option<Instant>) -> PyResult<i32> {
    loop {
        let ptr = fds.as_mut_ptr() as usize;
        let n = fds.len();
        // SAFETY: `fds` is a live array of `n` pollfds for the whole wait.
        match sliced_wait(vm, deadline, |ms| unsafe { libc::poll(ptr as *mut libc::pollfd, n as libc::nfds_t, ms) }) {
            Waited::Done(r) => return Ok(r),
            Waited::Failed(e) => return Err(errno_error(vm, e, None, None)),
            Waited::Interrupted => super::mod_signal::sigint_arrived(vm)?,
        }
    }
}

fn deadline_after(secs: f64) -> Option<Instant> {
    if secs < 0.0 { None } else { Some(Instant::now() + Duration::from_secs_f64(secs.min(1e9))) }
}

/// `select.select(rlist, wlist, xlist[, timeout])`, done with poll(2).
fn select(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.posonly(vm, "select", 3, 4)?;
    let timeout = match a.pos.get(3) {
        None | Some(Value::None) => -1.0,
        Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Flt(_) | Value::Boolean(_))) => {
            let t = vm.to_float(v)?;
            if t < 0.0 {
                return Err(vm.value_error("timeout must be non-negative"));
            }
            t
        }
        Some(_) => return Err(vm.type_error("timeout must be a float or None")),
    };
    let mut lists: Vec<Vec<(Value, i32)>> = Vec::new();
    for v in &a.pos[..3] {
        let mut out = Vec::new();
        if let Value::List(l) = v {
            // A list is read by index against its current length, as
            // CPython's PySequence_Fast loop does: a fileno() that shrinks
            // the list ends the walk early instead of failing.
            let mut i = 0;
            while let Some(it) = l.get(i) {
                let fd = fd_of(vm, &it)?;
                out.push((it, fd));
                i += 1;
            }
        } else {
            let items = match v {
                Value::Tuple(_) | Value::Set(_) | Value::Dict(_) => vm.collect(v)?,
                _ => match vm.collect(v) {
                    Ok(items) => items,
                    Err(_) => return Err(vm.type_error("arguments 1-3 must be sequences")),
                },
            };
            for it in items {
                let fd = fd_of(vm, &it)?;
                out.push((it, fd));
            }
        }
        lists.push(out);
    }
    let masks = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI];
    let mut fds: Vec<libc::pollfd> = Vec::new();
    for (list, mask) in lists.iter().zip(masks) {
        for (_, fd) in list {
            match fds.iter_mut().find(|p| p.fd == *fd) {
                Some(p) => p.events |= mask,
                None => fds.push(libc::pollfd { fd: *fd, events: mask, revents: 0 }),
            }
        }
    }
    poll_fds(vm, &mut fds, deadline_after(timeout))?;
    if fds.iter().any(|p| p.revents & libc::POLLNVAL != 0) {
        return Err(errno_error(vm, libc::EBADF, None, None));
    }
    let ready = [libc::POLLIN | libc::POLLHUP | libc::POLLERR, libc::POLLOUT | libc::POLLERR, libc::POLLPRI];
    let mut out = Vec::new();
    for (list, want) in lists.iter().zip(ready) {
        let picked: Vec<Value> = list
            .iter()
            .filter(|(_, fd)| fds.iter().any(|p| p.fd == *fd && p.revents & want != 0))
            .map(|(v, _)| v.clone())
            .collect();
        out.push(Value::list(picked));
    }
    Ok(Value::tuple(out))
}

/// A `select.poll()` object: registered descriptors in registration order.
pub struct Poll {
    fds: Mutex<Vec<(i32, i16)>>,
    /// Set while a thread is inside `poll()`: CPython refuses a second,
    /// concurrent call on the same object (its array may be reallocated).
    polling: std::sync::atomic::AtomicBool,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(Poll);

fn this_poll<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a Poll> {
    a.native_self().ok_or_else(|| vm.type_error("descriptor requires a 'select.poll' object"))
}

fn mask_arg(vm: &mut Vm, v: Option<&Value>, default: i64, max: i64) -> PyResult<i64> {
    let Some(v) = v else { return Ok(default) };
    let n = match super::socket_obj::int_of(vm, v) {
        Ok(n) => n,
        Err(_) if matches!(v, Value::BigInt(b) if b.sign() == num_bigint::Sign::Minus) => {
            return Err(vm.value_error("value must be positive"));
        }
        Err(_) if matches!(v, Value::BigInt(_)) => {
            return Err(vm.overflow_error("Python int too large to convert to C unsigned long"));
        }
        Err(e) => return Err(e),
    };
    if n < 0 {
        return Err(vm.value_error("value must be positive"));
    }
    if n > max {
        return Err(vm.overflow_error("Python int too large for C unsigned short"));
    }
    Ok(n)
}

/// `poll.poll`'s timeout in milliseconds as CPython reads it: None or any
/// negative value (even -0.1) waits for ever; a fraction rounds up.
fn poll_timeout_ms(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<u64>> {
    let ms = match v {
        None | Some(Value::None) => return Ok(None),
        Some(v @ Value::Flt(_)) => {
            let f = vm.to_float(v)?;
            if f.is_nan() {
                return Err(vm.value_error("Invalid value NaN (not a number)"));
            }
            if f.abs() * 1e6 >= 9.2e18 {
                return Err(vm.overflow_error("timestamp out of range for platform time_t"));
            }
            if f < 0.0 {
                return Ok(None);
            }
            f.ceil() as i128
        }
        Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Boolean(_))) => match vm.index_of(v) {
            Ok(n) => n as i128,
            Err(_) => return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t")),
        },
        Some(_) => return Err(vm.type_error("timeout must be an integer or None")),
    };
    if ms.abs() * 1_000_000 > i64::MAX as i128 {
        return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t"));
    }
    if ms < 0 {
        return Ok(None);
    }
    if ms > i32::MAX as i128 {
        return Err(vm.overflow_error("timeout is too large"));
    }
    Ok(Some(ms as u64))
}

fn poll_class(vm: &Vm) -> Arc<Class> {
    let cls = new_builtin_class("poll", std::slice::from_ref(&vm.rt.types.object), Layout::Opaque);
    cls.dict.set_item_str("__module__", Value::str("select"));
    // Only `select.poll()` makes these (CPython's DISALLOW_INSTANTIATION).
    super::def(&cls.dict, "__new__", |vm, _a| Err(vm.type_error("cannot create 'select.poll' instances")));
    let default = (libc::POLLIN | libc::POLLPRI | libc::POLLOUT) as i64;
    method(&cls, "register", move |vm, a| {
        a.posonly(vm, "register", 2, 3)?;
        let fd = fd_of(vm, &a.pos[1])?;
        let mask = mask_arg(vm, a.pos.get(2), default, 0xffff)? as u16 as i16;
        let mut g = this_poll(vm, &a)?.fds.lock();
        match g.iter_mut().find(|(f, _)| *f == fd) {
            Some(e) => e.1 = mask,
            None => g.push((fd, mask)),
        }
        Ok(Value::None)
    });
    method(&cls, "modify", |vm, a| {
        a.posonly(vm, "modify", 3, 3)?;
        let fd = fd_of(vm, &a.pos[1])?;
        let mask = mask_arg(vm, a.pos.get(2), 0, 0xffff)? as u16 as i16;
        let p = this_poll(vm, &a)?;
        let mut g = p.fds.lock();
        match g.iter_mut().find(|(f, _)| *f == fd) {
            Some(e) => e.1 = mask,
            None => {
                drop(g);
                return Err(errno_error(vm, libc::ENOENT, None, None));
            }
        }
        Ok(Value::None)
    });
    method(&cls, "unregister", |vm, a| {
        a.posonly(vm, "unregister", 2, 2)?;
        let fd = fd_of(vm, &a.pos[1])?;
        let p = this_poll(vm, &a)?;
        let mut g = p.fds.lock();
        match g.iter().position(|(f, _)| *f == fd) {
            Some(i) => {
                g.remove(i);
                Ok(Value::None)
            }
            None => {
                drop(g);
                let e = vm.new_exception(&vm.rt.types.exc("KeyError"), vec![Value::Int(fd as i64)]);
                vm.chain_context(&e);
                Err(e)
            }
        }
    });
    method(&cls, "poll", |vm, a| {
        a.posonly(vm, "poll", 1, 2)?;
        let ms = poll_timeout_ms(vm, a.pos.get(1))?;
        let p = this_poll(vm, &a)?;
        if p.polling.swap(true, std::sync::atomic::Ordering::AcqRel) {
            return Err(vm.runtime_error("concurrent poll() invocation"));
        }
        let mut fds: Vec<libc::pollfd> =
            p.fds.lock().iter().map(|(fd, ev)| libc::pollfd { fd: *fd, events: *ev, revents: 0 }).collect();
        let r = poll_fds(vm, &mut fds, ms.map(|ms| Instant::now() + Duration::from_millis(ms)));
        p.polling.store(false, std::sync::atomic::Ordering::Release);
        r?;
        let out = fds
            .iter()
            .filter(|p| p.revents != 0)
            .map(|p| Value::tuple(vec![Value::Int(p.fd as i64), Value::Int(p.revents as u16 as i64)]))
            .collect();
        Ok(Value::list(out))
    });
    cls
}

/// Creates the `select` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    for (name, v) in super::socket_consts::SELECT {
        d.set_item_str(name, Value::Int(*v));
    }
    d.set_item_str("error", Value::Class(vm.rt.types.exc("OSError")));
    def(&d, "select", select);
    let pc = poll_class(vm);
    let pc2 = pc.clone();
    def(&d, "poll", move |vm, a| {
        a.posonly(vm, "poll", 0, 0)?;
        let polling = std::sync::atomic::AtomicBool::new(false);
        Ok(Value::from_native(Arc::new(Poll { fds: Mutex::new(Vec::new()), polling, class: pc2.clone() })))
    });
    let _ = pc;
    d.set_item_str("epoll", Value::Class(super::select_epoll::epoll_class(vm)));
    Ok(module("select", d))
}
