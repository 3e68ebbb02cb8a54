//! `_multiprocessing` and `_posixshmem`, with CPython 3.11's API and
//! messages, so CPython's `multiprocessing.synchronize`, `connection`,
//! `queues`, `resource_tracker` and `shared_memory` load on gilt.
//!
//! `SemLock` is a POSIX named semaphore (`sem_open`), so another process
//! that opens the same name (`_rebuild`) or inherits it through fork
//! shares it. A blocking `acquire` releases the GIL and is recorded as a
//! lock wait; a signal that interrupts it runs the Python handlers, as
//! CPython's `semlock_acquire` does. `kind` 0 is a recursive mutex (owned
//! by the thread that took it), 1 a counting semaphore.

use std::ffi::CString;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

use super::native_util::module;
use super::{def, method};
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::runtime::gil::BlockKind;
use crate::stdlib::posix_args::{errno_error, last_errno};
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

const RECURSIVE_MUTEX: i64 = 0;
const SEMAPHORE: i64 = 1;
/// Linux's `SEM_VALUE_MAX`.
const SEM_VALUE_MAX: i64 = i32::MAX as i64;

/// A `_multiprocessing.SemLock`: the semaphore's handle and who holds it.
struct SemLock {
    /// The `sem_t*` from `sem_open`, as an address (null once closed).
    handle: usize,
    kind: i64,
    maxvalue: i64,
    /// The semaphore's name; `None` once unlinked at creation.
    name: Option<String>,
    /// How many times this process acquired it (the recursion depth of a
    /// recursive mutex).
    count: AtomicUsize,
    /// The thread that acquired it last.
    last_tid: AtomicI64,
    class: Arc<Class>,
}

impl Drop for SemLock {
    fn drop(&mut self) {
        if self.handle != 0 {
            // SAFETY: the semaphore this object opened, closed once.
            unsafe { libc::sem_close(self.handle as *mut libc::sem_t) };
        }
    }
}

impl crate::object::native::NativeObject for SemLock {
    fn class(&self) -> &Arc<Class> {
        &self.class
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl SemLock {
    fn sem(&self) -> *mut libc::sem_t {
        self.handle as *mut libc::sem_t
    }

    fn is_mine(&self, vm: &Vm) -> bool {
        self.count.load(Ordering::SeqCst) > 0 && self.last_tid.load(Ordering::SeqCst) == vm.ident
    }

    fn value(&self, vm: &Vm) -> PyResult<i64> {
        let mut sval: libc::c_int = 0;
        // SAFETY: an open semaphore and a valid out-pointer.
        if unsafe { libc::sem_getvalue(self.sem(), &mut sval) } < 0 {
            return Err(errno_error(vm, last_errno(), None, None));
        }
        // Some systems report minus the number of waiters.
        Ok(sval.max(0) as i64)
    }
}

fn this<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a SemLock> {
    a.native_self().ok_or_else(|| vm.type_error("descriptor requires a '_multiprocessing.SemLock' object"))
}

fn c_name(vm: &mut Vm, name: &str) -> PyResult<CString> {
    CString::new(name).map_err(|_| vm.value_error("embedded null character"))
}

/// An int argument as Argument Clinic's `int` converter reads it.
fn int_of(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let n = super::native_util::int_arg(vm, v)?;
    if n < i32::MIN as i64 || n > i32::MAX as i64 {
        return Err(vm.overflow_error("signed integer is greater than maximum"));
    }
    Ok(n)
}

fn new_semlock(vm: &mut Vm, cls: &Arc<Class>, a: Args) -> PyResult<Value> {
    let cls = match a.pos.first() {
        Some(Value::Class(c)) => c.clone(),
        _ => cls.clone(),
    };
    let rest = Args::with_kw(a.pos[1..].to_vec(), a.kw.clone());
    if rest.pos.len() > 5 {
        let n = rest.pos.len();
        return Err(vm.type_error(&format!("SemLock() takes at most 5 arguments ({n} given)")));
    }
    let s = rest.clinic_slots(vm, "SemLock", &["kind", "value", "maxvalue", "name", "unlink"], 5)?;
    let [Some(kind), Some(value), Some(maxvalue), Some(name), Some(unlink)] = &s[..] else {
        return Err(vm.type_error("SemLock() missing required argument"));
    };
    let kind = int_of(vm, kind)?;
    let value = int_of(vm, value)?;
    let maxvalue = int_of(vm, maxvalue)?;
    let name = match name.as_str() {
        Some(n) => n.as_str().to_string(),
        None => {
            let tn = super::types_str::clinic_type_name(vm, name);
            return Err(vm.type_error(&format!("SemLock() argument 'name' must be str, not {tn}")));
        }
    };
    let unlink = vm.truthy(unlink)?;
    if kind != RECURSIVE_MUTEX && kind != SEMAPHORE {
        return Err(vm.value_error("unrecognized kind"));
    }
    let cname = c_name(vm, &name)?;
    // SAFETY: a NUL-terminated name; the mode and value are plain integers.
    let h =
        unsafe { libc::sem_open(cname.as_ptr(), libc::O_CREAT | libc::O_EXCL, 0o600 as libc::c_uint, value as u32) };
    if h == libc::SEM_FAILED {
        return Err(errno_error(vm, last_errno(), None, None));
    }
    // SAFETY: the name just created.
    if unlink && unsafe { libc::sem_unlink(cname.as_ptr()) } < 0 {
        let e = last_errno();
        // SAFETY: the semaphore just opened.
        unsafe { libc::sem_close(h) };
        return Err(errno_error(vm, e, None, None));
    }
    let name = (!unlink).then_some(name);
    Ok(wrap(cls, h as usize, kind, maxvalue, name))
}

fn wrap(class: Arc<Class>, handle: usize, kind: i64, maxvalue: i64, name: Option<String>) -> Value {
    let count = AtomicUsize::new(0);
    let last_tid = AtomicI64::new(0);
    Value::from_native(Arc::new(SemLock { handle, kind, maxvalue, name, count, last_tid, class }))
}

/// `_rebuild(handle, kind, maxvalue, name)`: the lock another process
/// made, opened again by name (or, unnamed, the handle a fork inherited).
fn rebuild(vm: &mut Vm, default: &Arc<Class>, a: Args) -> PyResult<Value> {
    let (cls, rest) = match a.pos.first() {
        Some(Value::Class(c)) => (c.clone(), &a.pos[1..]),
        _ => (default.clone(), &a.pos[..]),
    };
    if rest.len() != 4 || !a.kw.is_empty() {
        return Err(vm.type_error(&format!("_rebuild expected 4 arguments, got {}", rest.len())));
    }
    let handle = super::native_util::int_arg(vm, &rest[0])? as usize;
    let kind = int_of(vm, &rest[1])?;
    let maxvalue = int_of(vm, &rest[2])?;
    let name = match &rest[3] {
        Value::None => None,
        v => match v.as_str() {
            Some(s) => Some(s.as_str().to_string()),
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("_rebuild() argument 4 must be str or None, not {tn}")));
            }
        },
    };
    let handle = match &name {
        Some(n) => {
            let cname = c_name(vm, n)?;
            // SAFETY: opening an existing semaphore by its NUL-terminated name.
            let h = unsafe { libc::sem_open(cname.as_ptr(), 0) };
            if h == libc::SEM_FAILED {
                return Err(errno_error(vm, last_errno(), None, None));
            }
            h as usize
        }
        None => handle,
    };
    Ok(wrap(cls, handle, kind, maxvalue, name))
}

/// The absolute `CLOCK_REALTIME` time `secs` from now, as `sem_timedwait` wants.
fn deadline_after(secs: f64) -> libc::timespec {
    // SAFETY: a valid out-pointer.
    let mut now: libc::timespec = unsafe { std::mem::zeroed() };
    unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut now) };
    let secs = secs.min(1e9);
    let whole = secs.trunc() as i64;
    let mut nsec = now.tv_nsec as i64 + ((secs - secs.trunc()) * 1e9) as i64;
    let mut sec = now.tv_sec as i64 + whole + nsec / 1_000_000_000;
    nsec %= 1_000_000_000;
    if nsec < 0 {
        nsec += 1_000_000_000;
        sec -= 1;
    }
    libc::timespec { tv_sec: sec as libc::time_t, tv_nsec: nsec as libc::c_long }
}

fn acquire(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = a.clinic_slots(vm, "acquire", &["self", "block", "timeout"], 1)?;
    if a.pos.len() > 3 {
        let n = a.pos.len() - 1;
        return Err(vm.type_error(&format!("acquire() takes at most 2 arguments ({n} given)")));
    }
    let block = match &s[1] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let timeout = match &s[2] {
        None | Some(Value::None) => None,
        Some(v @ (Value::Str(_) | Value::Bytes(_))) => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(&format!("must be real number, not {tn}")));
        }
        Some(v) => Some(vm.to_float(v)?.max(0.0)),
    };
    let l = this(vm, &a)?;
    if l.kind == RECURSIVE_MUTEX && l.is_mine(vm) {
        l.count.fetch_add(1, Ordering::SeqCst);
        return Ok(Value::Bool(true));
    }
    let sem = l.handle;
    // First without giving up the GIL: an uncontended lock costs no switch.
    let (mut res, mut err) = loop {
        // SAFETY: an open semaphore.
        let r = unsafe { libc::sem_trywait(sem as *mut libc::sem_t) };
        let e = last_errno();
        if r < 0 && e == libc::EINTR {
            vm.run_signal_handlers()?;
            continue;
        }
        break (r, e);
    };
    if res < 0 && err == libc::EAGAIN && block {
        let deadline = timeout.map(deadline_after);
        loop {
            (res, err) = vm.allow_threads(BlockKind::Lock, || {
                let p = sem as *mut libc::sem_t;
                // SAFETY: an open semaphore; `deadline` outlives the call.
                let r = match &deadline {
                    None => unsafe { libc::sem_wait(p) },
                    Some(d) => unsafe { libc::sem_timedwait(p, d) },
                };
                (r, last_errno())
            });
            if res < 0 && err == libc::EINTR {
                vm.run_signal_handlers()?;
                continue;
            }
            break;
        }
    }
    if res < 0 {
        return match err {
            libc::EAGAIN | libc::ETIMEDOUT => Ok(Value::Bool(false)),
            e => Err(errno_error(vm, e, None, None)),
        };
    }
    let l = this(vm, &a)?;
    l.count.fetch_add(1, Ordering::SeqCst);
    l.last_tid.store(vm.ident, Ordering::SeqCst);
    Ok(Value::Bool(true))
}

fn release(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = this(vm, a)?;
    if l.kind == RECURSIVE_MUTEX {
        if !l.is_mine(vm) {
            let cls = vm.rt.types.exc("AssertionError");
            return Err(
                vm.new_exception(&cls, vec![Value::str("attempt to release recursive lock not owned by thread")])
            );
        }
        if l.count.load(Ordering::SeqCst) > 1 {
            l.count.fetch_sub(1, Ordering::SeqCst);
            return Ok(Value::None);
        }
    } else if l.value(vm)? >= l.maxvalue {
        return Err(vm.value_error("semaphore or lock released too many times"));
    }
    // SAFETY: an open semaphore.
    if unsafe { libc::sem_post(l.sem()) } < 0 {
        return Err(errno_error(vm, last_errno(), None, None));
    }
    let _ = l.count.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |c| c.checked_sub(1));
    Ok(Value::None)
}

fn semlock_class(vm: &Vm) -> Arc<Class> {
    let cls = new_builtin_class("SemLock", std::slice::from_ref(&vm.rt.types.object), Layout::NativeNew);
    cls.dict.set_item_str("__module__", Value::str("_multiprocessing"));
    cls.dict.set_item_str("__doc__", Value::str("Semaphore/Mutex type"));
    cls.dict.set_item_str("SEM_VALUE_MAX", Value::Int(SEM_VALUE_MAX));
    let c = cls.clone();
    def(&cls.dict, "__new__", move |vm, a| new_semlock(vm, &c, a));
    def(&cls.dict, "__init__", |_vm, _a| Ok(Value::None));
    method(&cls, "acquire", acquire);
    method(&cls, "__enter__", |vm, a| acquire(vm, Args::new(a.pos[..1].to_vec())));
    method(&cls, "release", |vm, a| {
        a.posonly(vm, "release", 1, 1)?;
        release(vm, &a)
    });
    method(&cls, "__exit__", |vm, a| release(vm, &a));
    method(&cls, "_count", |vm, a| Ok(Value::Int(this(vm, &a)?.count.load(Ordering::SeqCst) as i64)));
    method(&cls, "_is_mine", |vm, a| Ok(Value::Bool(this(vm, &a)?.is_mine(vm))));
    method(&cls, "_get_value", |vm, a| Ok(Value::Int(this(vm, &a)?.value(vm)?)));
    method(&cls, "_is_zero", |vm, a| Ok(Value::Bool(this(vm, &a)?.value(vm)? == 0)));
    method(&cls, "_after_fork", |vm, a| {
        this(vm, &a)?.count.store(0, Ordering::SeqCst);
        Ok(Value::None)
    });
    let rt = vm.rt.clone();
    let c = cls.clone();
    super::types_num::classmethod(&rt, &cls, "_rebuild", move |vm, a| rebuild(vm, &c, a));
    super::types_num::prop(&rt, &cls, "handle", |vm, a| Ok(Value::Int(this(vm, &a)?.handle as i64)));
    super::types_num::prop(&rt, &cls, "kind", |vm, a| Ok(Value::Int(this(vm, &a)?.kind)));
    super::types_num::prop(&rt, &cls, "maxvalue", |vm, a| Ok(Value::Int(this(vm, &a)?.maxvalue)));
    super::types_num::prop(&rt, &cls, "name", |vm, a| {
        Ok(this(vm, &a)?.name.as_deref().map_or(Value::None, Value::str))
    });
    cls
}

fn str_param(vm: &mut Vm, v: &Value, fname: &str, param: &str) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.as_str().to_string()),
        None => {
            let tn = super::types_str::clinic_type_name(vm, v);
            Err(vm.type_error(&format!("{fname}() argument '{param}' must be str, not {tn}")))
        }
    }
}

/// Creates the `_multiprocessing` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("SemLock", Value::Class(semlock_class(vm)));
    def(&d, "sem_unlink", |vm, a| {
        let s = a.clinic_slots(vm, "sem_unlink", &["name"], 1)?;
        let name = str_param(vm, s[0].as_ref().unwrap_or(&Value::None), "sem_unlink", "name")?;
        let cname = c_name(vm, &name)?;
        // SAFETY: a NUL-terminated name.
        if unsafe { libc::sem_unlink(cname.as_ptr()) } < 0 {
            return Err(errno_error(vm, last_errno(), None, None));
        }
        Ok(Value::None)
    });
    let flags = Arc::new(Dict::new());
    flags.set_item_str("HAVE_SEM_OPEN", Value::Int(1));
    flags.set_item_str("HAVE_SEM_TIMEDWAIT", Value::Int(1));
    d.set_item_str("flags", Value::Dict(flags));
    Ok(module("_multiprocessing", d))
}

/// Creates `_posixshmem`: `shm_open` and `shm_unlink`, for
/// `multiprocessing.shared_memory`.
pub fn create_posixshmem(_vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    def(&d, "shm_open", |vm, a| {
        let s = a.clinic_slots(vm, "shm_open", &["path", "flags", "mode"], 2)?;
        let path_v = s[0].clone().unwrap_or(Value::None);
        let path = str_param(vm, &path_v, "shm_open", "path")?;
        let flags = int_of(vm, s[1].as_ref().unwrap_or(&Value::Int(0)))?;
        let mode = match &s[2] {
            Some(v) => int_of(vm, v)?,
            None => 0o777,
        };
        let cname = c_name(vm, &path)?;
        let (fd, e) = loop {
            // SAFETY: a NUL-terminated name and plain integers.
            let fd = unsafe { libc::shm_open(cname.as_ptr(), flags as i32, mode as libc::mode_t) };
            let e = last_errno();
            if fd < 0 && e == libc::EINTR {
                vm.run_signal_handlers()?;
                continue;
            }
            break (fd, e);
        };
        if fd < 0 {
            return Err(errno_error(vm, e, Some(&path_v), None));
        }
        Ok(Value::Int(fd as i64))
    });
    def(&d, "shm_unlink", |vm, a| {
        let s = a.clinic_slots(vm, "shm_unlink", &["path"], 1)?;
        let path_v = s[0].clone().unwrap_or(Value::None);
        let path = str_param(vm, &path_v, "shm_unlink", "path")?;
        let cname = c_name(vm, &path)?;
        // SAFETY: a NUL-terminated name.
        if unsafe { libc::shm_unlink(cname.as_ptr()) } < 0 {
            return Err(errno_error(vm, last_errno(), Some(&path_v), None));
        }
        Ok(Value::None)
    });
    Ok(module("_posixshmem", d))
}
