//! `select.epoll`: an epoll(7) descriptor with register/modify/unregister,
//! `poll(timeout=None, maxevents=-1)` (GIL released, sliced for Ctrl-C),
//! `close`/`closed`/`fileno`, `fromfd` and the context-manager protocol.
//! The descriptor is closed when the object goes.

use std::sync::Arc;

use parking_lot::Mutex;

use super::method;
use super::mod_select::{Waited, fd_of, sliced_wait};
use crate::object::class::{Class, Layout};
use crate::object::value::Value;
use crate::stdlib::posix_args::{errno_error, last_errno};
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

/// A `select.epoll` object (`fd` is -1 once closed).
pub struct Epoll {
    fd: Mutex<i32>,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(Epoll);

impl Drop for Epoll {
    fn drop(&mut self) {
        let fd = *self.fd.get_mut();
        if fd >= 0 {
            // SAFETY: the object owns its epoll descriptor.
            unsafe { libc::close(fd) };
        }
    }
}

fn this<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a Epoll> {
    a.native_self().ok_or_else(|| vm.type_error("descriptor requires a 'select.epoll' object"))
}

/// The epoll descriptor, or `ValueError` once closed.
fn open_fd(vm: &mut Vm, a: &Args) -> PyResult<i32> {
    let fd = *this(vm, a)?.fd.lock();
    if fd < 0 {
        return Err(vm.value_error("I/O operation on closed epoll object"));
    }
    Ok(fd)
}

fn ctl(vm: &mut Vm, a: &Args, fname: &str, op: i32) -> PyResult<Value> {
    let names: &[&str] = if op == libc::EPOLL_CTL_DEL { &["fd"] } else { &["fd", "eventmask"] };
    let rest = Args::with_kw(a.pos[1..].to_vec(), a.kw.clone());
    let required = if op == libc::EPOLL_CTL_MOD { 2 } else { 1 };
    if rest.pos.len() > names.len() {
        let n = rest.pos.len();
        return Err(vm.type_error(&format!("{fname}() takes at most {} arguments ({n} given)", names.len())));
    }
    let s = rest.clinic_slots(vm, fname, names, required)?;
    let epfd = open_fd(vm, a)?;
    let fd = fd_of(vm, s[0].as_ref().expect("required"))?;
    let mask = match s.get(1).and_then(|v| v.as_ref()) {
        Some(v) => super::socket_obj::int_of(vm, v)? as u32,
        None => (libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as u32,
    };
    let mut ev = libc::epoll_event { events: mask, u64: fd as u64 };
    // SAFETY: epoll_ctl with a valid event struct (ignored for DEL).
    if unsafe { libc::epoll_ctl(epfd, op, fd, &mut ev) } < 0 {
        return Err(errno_error(vm, last_errno(), None, None));
    }
    Ok(Value::None)
}

fn new_epoll(vm: &mut Vm, cls: &Arc<Class>, fd: Option<i32>) -> PyResult<Value> {
    let fd = match fd {
        Some(fd) => fd,
        None => {
            // SAFETY: creates a new epoll descriptor owned by the object.
            let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
            if fd < 0 {
                return Err(errno_error(vm, last_errno(), None, None));
            }
            fd
        }
    };
    Ok(Value::from_native(Arc::new(Epoll { fd: Mutex::new(fd), class: cls.clone() })))
}

/// `epoll.poll(timeout=None, maxevents=-1)`.
fn poll(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let rest = Args::with_kw(a.pos[1..].to_vec(), a.kw.clone());
    let s = rest.clinic_slots(vm, "poll", &["timeout", "maxevents"], 0)?;
    let timeout = match &s[0] {
        None | Some(Value::None) => -1.0,
        Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Flt(_) | Value::Boolean(_))) => vm.to_float(v)?,
        Some(_) => return Err(vm.type_error("timeout must be an integer or None")),
    };
    let maxevents = match &s[1] {
        Some(v) => super::socket_obj::int_of(vm, v)?,
        None => -1,
    };
    let maxevents = match maxevents {
        -1 => 1023,
        n if n < 1 => return Err(vm.value_error(&format!("maxevents must be greater than 0, got {n}"))),
        n => n.min(1 << 20),
    } as usize;
    let epfd = open_fd(vm, &a)?;
    let deadline =
        (timeout >= 0.0).then(|| std::time::Instant::now() + std::time::Duration::from_secs_f64(timeout.min(1e9)));
    let mut evs = vec![libc::epoll_event { events: 0, u64: 0 }; maxevents];
    let n = loop {
        let ptr = evs.as_mut_ptr() as usize;
        // SAFETY: `evs` has room for `maxevents` events for the whole wait.
        let r = sliced_wait(vm, deadline, |ms| unsafe {
            libc::epoll_wait(epfd, ptr as *mut libc::epoll_event, maxevents as i32, ms)
        });
        match r {
            Waited::Done(n) => break n,
            Waited::Failed(e) => return Err(errno_error(vm, e, None, None)),
            Waited::Interrupted => super::mod_signal::sigint_arrived(vm)?,
        }
    };
    let out = evs[..n.max(0) as usize]
        .iter()
        .map(|e| {
            let (fd, events) = (e.u64, e.events);
            Value::tuple(vec![Value::Int(fd as i32 as i64), Value::Int(events as i64)])
        })
        .collect();
    Ok(Value::list(out))
}

/// The `select.epoll` class.
pub fn epoll_class(vm: &Vm) -> Arc<Class> {
    let cls = new_builtin_class("epoll", std::slice::from_ref(&vm.rt.types.object), Layout::NativeNew);
    cls.dict.set_item_str("__module__", Value::str("select"));
    let c = cls.clone();
    super::def(&cls.dict, "__new__", move |vm, a| {
        let rest = Args::with_kw(a.pos[1..].to_vec(), a.kw.clone());
        if rest.pos.len() > 2 {
            let n = rest.pos.len();
            return Err(vm.type_error(&format!("epoll() takes at most 2 arguments ({n} given)")));
        }
        let s = rest.clinic_slots(vm, "epoll", &["sizehint", "flags"], 0)?;
        if let Some(v) = &s[0] {
            let n = super::socket_obj::int_of(vm, v)?;
            if n != -1 && n <= 0 {
                return Err(vm.value_error("negative sizehint"));
            }
        }
        if let Some(v) = &s[1] {
            let f = super::socket_obj::int_of(vm, v)?;
            if f != 0 && f != libc::EPOLL_CLOEXEC as i64 {
                return Err(errno_error(vm, libc::EINVAL, None, None));
            }
        }
        new_epoll(vm, &c, None)
    });
    super::def(&cls.dict, "__init__", |_vm, _a| Ok(Value::None));
    let c = cls.clone();
    let fromfd = Vm::native("fromfd", move |vm, a| {
        a.posonly(vm, "fromfd", 2, 2)?;
        let fd = super::socket_obj::cint(vm, &a.pos[1])?;
        new_epoll(vm, &c, Some(fd))
    });
    let cm = crate::object::descr::ClassMethod::new(fromfd, vm.rt.types.classmethod.clone());
    cls.dict.set_item_str("fromfd", Value::from_native(Arc::new(cm)));
    method(&cls, "register", |vm, a| ctl(vm, &a, "register", libc::EPOLL_CTL_ADD));
    method(&cls, "modify", |vm, a| ctl(vm, &a, "modify", libc::EPOLL_CTL_MOD));
    method(&cls, "unregister", |vm, a| ctl(vm, &a, "unregister", libc::EPOLL_CTL_DEL));
    method(&cls, "poll", poll);
    method(&cls, "fileno", |vm, a| Ok(Value::Int(open_fd(vm, &a)? as i64)));
    method(&cls, "close", |vm, a| {
        let fd = std::mem::replace(&mut *this(vm, &a)?.fd.lock(), -1);
        // SAFETY: the descriptor this object owned; it forgot it above.
        if fd >= 0 && unsafe { libc::close(fd) } < 0 {
            return Err(errno_error(vm, last_errno(), None, None));
        }
        Ok(Value::None)
    });
    method(&cls, "__enter__", |vm, a| {
        open_fd(vm, &a)?;
        Ok(a.pos[0].clone())
    });
    method(&cls, "__exit__", |vm, a| {
        let fd = std::mem::replace(&mut *this(vm, &a)?.fd.lock(), -1);
        if fd >= 0 {
            // SAFETY: as close.
            unsafe { libc::close(fd) };
        }
        Ok(Value::None)
    });
    let getter = Vm::native("closed", |vm, a| Ok(Value::Bool(*this(vm, &a)?.fd.lock() < 0)));
    super::readonly_property(vm, &cls, "closed", getter);
    cls
}
