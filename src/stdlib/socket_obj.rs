//! `_socket.socket`: the object (a file descriptor with its family, type,
//! protocol and timeout), its creation (`__new__`/`__init__`, subclassable
//! as CPython's `socket.py` needs), attributes, options, timeouts, close and
//! detach. The calls that block are in `socket_io.rs`.

use std::sync::Arc;

use parking_lot::Mutex;

use super::socket_addr::{self, SockAddr, SockErrors};
use crate::object::class::{Class, Instance, Payload};
use crate::object::value::Value;
use crate::stdlib::posix_args::{errno_error, last_errno};
use crate::vm::{Args, PyResult, Vm};

/// What every socket of one runtime shares: the error classes, the default
/// timeout (`setdefaulttimeout`) and the base class.
pub struct SockCtx {
    pub errs: SockErrors,
    /// Seconds; negative means None (blocking).
    pub default_timeout: Mutex<f64>,
    pub class: Arc<Class>,
}

/// The state of a socket; copied out before any call that blocks, so the
/// lock is never held across one.
#[derive(Clone, Copy)]
pub struct SockState {
    pub fd: i32,
    pub family: i32,
    pub kind: i32,
    pub proto: i32,
    /// Seconds; negative means None (blocking), 0 non-blocking.
    pub timeout: f64,
}

/// A `_socket.socket` (also the payload of instances of Python subclasses
/// such as `socket.socket`). Closes its descriptor when dropped.
pub struct Socket {
    pub st: Mutex<SockState>,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(Socket);

impl Drop for Socket {
    fn drop(&mut self) {
        let fd = self.st.get_mut().fd;
        if fd >= 0 {
            // SAFETY: the socket owns this descriptor; nobody uses it after drop.
            unsafe { libc::close(fd) };
        }
    }
}

/// The socket inside `v`: a `_socket.socket`, or an instance of a subclass.
pub fn sock_of(v: &Value) -> Option<&Socket> {
    match v {
        Value::Native2(o) => o.as_any().downcast_ref::<Socket>(),
        Value::Instance(i) => match i.builtin_value() {
            Some(Value::Native2(o)) => o.as_any().downcast_ref::<Socket>(),
            _ => None,
        },
        _ => None,
    }
}

/// `self` of a socket method.
pub fn this<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a Socket> {
    match a.pos.first().and_then(sock_of) {
        Some(s) => Ok(s),
        None => Err(vm.type_error("descriptor requires a '_socket.socket' object")),
    }
}

/// PyArg_ParseTuple's count check for a method (self not counted).
pub fn count(vm: &mut Vm, a: &Args, fname: &str, min: usize, max: usize) -> PyResult<()> {
    if let Some((k, _)) = a.kw.first() {
        let _ = k;
        return Err(vm.type_error(&format!("{fname}() takes no keyword arguments")));
    }
    let n = a.pos.len().saturating_sub(1);
    let s = |k: usize| if k == 1 { "" } else { "s" };
    let msg = if min == max && n != min {
        format!("{fname}() takes exactly {min} argument{} ({n} given)", s(min))
    } else if n < min {
        format!("{fname}() takes at least {min} argument{} ({n} given)", s(min))
    } else if n > max {
        format!("{fname}() takes at most {max} argument{} ({n} given)", s(max))
    } else {
        return Ok(());
    };
    Err(vm.type_error(&msg))
}

/// An int argument (`'str' object cannot be interpreted as an integer`).
pub fn int_of(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Value::Flt(_) = v {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    vm.index_of(v)
}

/// A C int argument.
pub fn cint(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = int_of(vm, v)?;
    i32::try_from(n).map_err(|_| {
        let msg = if n < 0 { "signed integer is less than minimum" } else { "signed integer is greater than maximum" };
        vm.overflow_error(msg)
    })
}

/// The OSError of the last failed call.
pub fn last_os_error(vm: &Vm) -> crate::vm::PyErr {
    errno_error(vm, last_errno(), None, None)
}

/// A timeout argument: None → -1, else non-negative seconds.
pub fn timeout_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if v.is_none() {
        return Ok(-1.0);
    }
    let t = match v {
        Value::Int(_) | Value::BigInt(_) | Value::Flt(_) | Value::Boolean(_) => vm.to_float(v)?,
        _ => {
            let cls = vm.class_of(v);
            if cls.lookup("__float__").is_none() && cls.lookup("__index__").is_none() {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
            }
            vm.to_float(v)?
        }
    };
    if t.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if t < 0.0 {
        return Err(vm.value_error("Timeout value out of range"));
    }
    Ok(t)
}

/// Sets or clears O_NONBLOCK as CPython's `internal_setblocking`.
pub fn set_nonblocking(vm: &Vm, fd: i32, nonblocking: bool) -> PyResult<()> {
    // SAFETY: fcntl only reads and sets the descriptor's flags.
    let fl = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if fl < 0 {
        return Err(last_os_error(vm));
    }
    let new = if nonblocking { fl | libc::O_NONBLOCK } else { fl & !libc::O_NONBLOCK };
    // SAFETY: as above.
    if new != fl && unsafe { libc::fcntl(fd, libc::F_SETFL, new) } < 0 {
        return Err(last_os_error(vm));
    }
    Ok(())
}

fn set_timeout(vm: &Vm, s: &Socket, t: f64) -> PyResult<()> {
    let fd = {
        let mut g = s.st.lock();
        g.timeout = t;
        g.fd
    };
    set_nonblocking(vm, fd, t >= 0.0)
}

fn sockopt_int(fd: i32, level: i32, opt: i32) -> Option<i32> {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: an int-sized option read into an int.
    let r = unsafe { libc::getsockopt(fd, level, opt, (&raw mut v).cast(), &mut len) };
    (r == 0).then_some(v)
}

/// A new socket value of class `cls` (the base class or a Python subclass).
pub fn new_socket(ctx: &SockCtx, cls: &Arc<Class>, st: SockState) -> Value {
    let s = Value::from_native(Arc::new(Socket { st: Mutex::new(st), class: ctx.class.clone() }));
    if Arc::ptr_eq(cls, &ctx.class) {
        s
    } else {
        Value::Instance(Arc::new(Instance::new(cls.clone(), Payload::Builtin(s))))
    }
}

/// `socket.__init__(family=-1, type=-1, proto=-1, fileno=None)`.
fn init(vm: &mut Vm, ctx: &SockCtx, a: &Args) -> PyResult<Value> {
    let s = this(vm, a)?;
    let rest = Args::with_kw(a.pos[1..].to_vec(), a.kw.clone());
    if rest.pos.len() > 4 {
        let n = rest.pos.len();
        return Err(vm.type_error(&format!("socket() takes at most 4 arguments ({n} given)")));
    }
    let slots = rest.clinic_slots(vm, "socket", &["family", "type", "proto", "fileno"], 0)?;
    let mut ints = [-1i32; 3];
    for (i, v) in slots[..3].iter().enumerate() {
        if let Some(v) = v {
            ints[i] = cint(vm, v)?;
        }
    }
    let [mut family, mut kind, mut proto] = ints;
    let fd = match slots[3].as_ref().filter(|v| !v.is_none()) {
        Some(f) => {
            let fd = int_of(vm, f)?;
            if fd < 0 {
                return Err(vm.value_error("negative file descriptor"));
            }
            let fd = fd as i32;
            if family == -1 {
                match sockopt_int(fd, libc::SOL_SOCKET, libc::SO_DOMAIN) {
                    Some(v) => family = v,
                    None => return Err(last_os_error(vm)),
                }
            }
            if kind == -1 {
                kind = sockopt_int(fd, libc::SOL_SOCKET, libc::SO_TYPE).ok_or_else(|| last_os_error(vm))?;
            }
            if proto == -1 {
                proto = sockopt_int(fd, libc::SOL_SOCKET, libc::SO_PROTOCOL).ok_or_else(|| last_os_error(vm))?;
            }
            fd
        }
        None => {
            if family == -1 {
                family = libc::AF_INET;
            }
            if kind == -1 {
                kind = libc::SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            // SAFETY: socket(2); the descriptor is owned by this object from here on.
            let fd = unsafe { libc::socket(family, kind | libc::SOCK_CLOEXEC, proto) };
            if fd < 0 {
                return Err(last_os_error(vm));
            }
            fd
        }
    };
    let timeout = *ctx.default_timeout.lock();
    let old = {
        let mut g = s.st.lock();
        let old = g.fd;
        *g = SockState { fd, family, kind: kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC), proto, timeout };
        old
    };
    if old >= 0 && old != fd {
        // SAFETY: the descriptor this object owned before re-initialisation.
        unsafe { libc::close(old) };
    }
    if timeout >= 0.0 || kind & libc::SOCK_NONBLOCK != 0 {
        if kind & libc::SOCK_NONBLOCK != 0 {
            s.st.lock().timeout = 0.0;
        }
        set_nonblocking(vm, fd, true)?;
    }
    Ok(Value::None)
}

fn prop(vm: &Vm, cls: &Arc<Class>, name: &str, f: fn(&SockState) -> Value) {
    let getter = Vm::native(name, move |vm, a| Ok(f(&this(vm, &a)?.st.lock())));
    super::readonly_property(vm, cls, name, getter);
}

fn timeout_value(t: f64) -> Value {
    if t < 0.0 { Value::None } else { Value::Float(t) }
}

/// The address a socket call returned (getsockname, getpeername).
fn name_call(
    vm: &mut Vm,
    a: &Args,
    fname: &str,
    f: unsafe extern "C" fn(i32, *mut libc::sockaddr, *mut libc::socklen_t) -> i32,
) -> PyResult<Value> {
    count(vm, a, fname, 0, 0)?;
    let fd = this(vm, a)?.st.lock().fd;
    let mut addr = SockAddr::empty();
    // SAFETY: addr has room for any address; len says how much.
    let r = unsafe { f(fd, addr.mut_ptr(), &mut addr.len) };
    if r < 0 {
        return Err(last_os_error(vm));
    }
    Ok(socket_addr::to_value(&addr))
}

/// A native method body, boxed so one helper can register many.
type MethodFn = Box<dyn Fn(&mut Vm, Args) -> PyResult + Send + Sync>;

/// Defines the socket type's non-blocking methods and attributes on `cls`.
pub fn register(vm: &Vm, ctx: &Arc<SockCtx>) {
    let cls = &ctx.class;
    let method = |name: &str, f: MethodFn| {
        super::method(cls, name, f);
    };
    let c = ctx.clone();
    super::def(&cls.dict, "__new__", move |vm, a| {
        let cls = match a.pos.first() {
            Some(Value::Class(k)) => k.clone(),
            _ => return Err(vm.type_error("socket.__new__(X): X is not a type object")),
        };
        let st = SockState { fd: -1, family: libc::AF_INET, kind: libc::SOCK_STREAM, proto: 0, timeout: -1.0 };
        Ok(new_socket(&c, &cls, st))
    });
    let c = ctx.clone();
    method("__init__", Box::new(move |vm, a| init(vm, &c, &a)));
    prop(vm, cls, "family", |s| Value::Int(s.family as i64));
    prop(vm, cls, "type", |s| Value::Int(s.kind as i64));
    prop(vm, cls, "proto", |s| Value::Int(s.proto as i64));
    prop(vm, cls, "timeout", |s| timeout_value(s.timeout));
    method(
        "__repr__",
        Box::new(|vm, a| {
            let s = *this(vm, &a)?.st.lock();
            Ok(Value::string(format!(
                "<socket object, fd={}, family={}, type={}, proto={}>",
                s.fd, s.family, s.kind, s.proto
            )))
        }),
    );
    method(
        "fileno",
        Box::new(|vm, a| {
            count(vm, &a, "fileno", 0, 0)?;
            Ok(Value::Int(this(vm, &a)?.st.lock().fd as i64))
        }),
    );
    method(
        "close",
        Box::new(|vm, a| {
            count(vm, &a, "close", 0, 0)?;
            let fd = std::mem::replace(&mut this(vm, &a)?.st.lock().fd, -1);
            // SAFETY: the descriptor this socket owned; it forgot it above.
            if fd >= 0 && unsafe { libc::close(fd) } < 0 && last_errno() != libc::ECONNRESET {
                return Err(last_os_error(vm));
            }
            Ok(Value::None)
        }),
    );
    method(
        "detach",
        Box::new(|vm, a| {
            count(vm, &a, "detach", 0, 0)?;
            Ok(Value::Int(std::mem::replace(&mut this(vm, &a)?.st.lock().fd, -1) as i64))
        }),
    );
    method("getsockname", Box::new(|vm, a| name_call(vm, &a, "getsockname", libc::getsockname)));
    method("getpeername", Box::new(|vm, a| name_call(vm, &a, "getpeername", libc::getpeername)));
    method(
        "settimeout",
        Box::new(|vm, a| {
            count(vm, &a, "settimeout", 1, 1)?;
            let t = timeout_arg(vm, &a.pos[1])?;
            let s = this(vm, &a)?;
            set_timeout(vm, s, t)?;
            Ok(Value::None)
        }),
    );
    method(
        "gettimeout",
        Box::new(|vm, a| {
            count(vm, &a, "gettimeout", 0, 0)?;
            Ok(timeout_value(this(vm, &a)?.st.lock().timeout))
        }),
    );
    method(
        "setblocking",
        Box::new(|vm, a| {
            count(vm, &a, "setblocking", 1, 1)?;
            let b = vm.truthy(&a.pos[1])?;
            let s = this(vm, &a)?;
            set_timeout(vm, s, if b { -1.0 } else { 0.0 })?;
            Ok(Value::None)
        }),
    );
    method(
        "getblocking",
        Box::new(|vm, a| {
            count(vm, &a, "getblocking", 0, 0)?;
            Ok(Value::Bool(this(vm, &a)?.st.lock().timeout != 0.0))
        }),
    );
    method(
        "listen",
        Box::new(|vm, a| {
            count(vm, &a, "listen", 0, 1)?;
            let backlog = match a.pos.get(1) {
                Some(v) => cint(vm, v)?.max(0),
                None => libc::SOMAXCONN.min(128),
            };
            let fd = this(vm, &a)?.st.lock().fd;
            // SAFETY: listen(2) on the socket's descriptor.
            if unsafe { libc::listen(fd, backlog) } < 0 {
                return Err(last_os_error(vm));
            }
            Ok(Value::None)
        }),
    );
    let c = ctx.clone();
    method(
        "bind",
        Box::new(move |vm, a| {
            count(vm, &a, "bind", 1, 1)?;
            let st = *this(vm, &a)?.st.lock();
            let addr = socket_addr::from_value(vm, &c.errs, st.family, &a.pos[1], "bind")?;
            // SAFETY: a valid address of the given length.
            if unsafe { libc::bind(st.fd, addr.ptr(), addr.len) } < 0 {
                return Err(last_os_error(vm));
            }
            Ok(Value::None)
        }),
    );
    method(
        "shutdown",
        Box::new(|vm, a| {
            count(vm, &a, "shutdown", 1, 1)?;
            let how = cint(vm, &a.pos[1])?;
            let fd = this(vm, &a)?.st.lock().fd;
            // SAFETY: shutdown(2) on the socket's descriptor.
            if unsafe { libc::shutdown(fd, how) } < 0 {
                return Err(last_os_error(vm));
            }
            Ok(Value::None)
        }),
    );
    method("setsockopt", Box::new(setsockopt));
    method("getsockopt", Box::new(getsockopt));
}

/// `setsockopt(level, option, value)` with an int or a buffer, or
/// `setsockopt(level, option, None, optlen)`.
fn setsockopt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.pos.len().saturating_sub(1);
    if n < 3 {
        return Err(vm.type_error(&format!("setsockopt() takes exactly 3 arguments ({n} given)")));
    }
    count(vm, &a, "setsockopt", 3, 4)?;
    let level = cint(vm, &a.pos[1])?;
    let opt = cint(vm, &a.pos[2])?;
    let (fd, family) = {
        let st = this(vm, &a)?.st.lock();
        (st.fd, st.family)
    };
    let v = &a.pos[3];
    // SAFETY (all three): the option value points at `len` readable bytes.
    let r = if a.pos.len() == 5 {
        if !v.is_none() {
            return Err(vm.type_error("setsockopt() argument 3 must be NoneType, not int"));
        }
        let len = cint(vm, &a.pos[4])? as libc::socklen_t;
        unsafe { libc::setsockopt(fd, level, opt, std::ptr::null(), len) }
    } else if family == libc::AF_VSOCK && matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Boolean(_)) {
        // VSOCK's buffer sizes are 64-bit options, as CPython passes them.
        let n = vm.index_of(v)? as u64;
        unsafe {
            libc::setsockopt(fd, level, opt, (&raw const n).cast(), std::mem::size_of::<u64>() as libc::socklen_t)
        }
    } else if matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Boolean(_)) {
        let n = cint(vm, v)?;
        unsafe {
            libc::setsockopt(fd, level, opt, (&raw const n).cast(), std::mem::size_of::<i32>() as libc::socklen_t)
        }
    } else {
        let b = crate::stdlib::buffer::require_bytes(vm, v)?;
        unsafe { libc::setsockopt(fd, level, opt, b.as_ptr().cast(), b.len() as libc::socklen_t) }
    };
    if r < 0 {
        return Err(last_os_error(vm));
    }
    Ok(Value::None)
}

/// `getsockopt(level, option[, buflen])`: an int, or bytes when buflen is given.
fn getsockopt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    count(vm, &a, "getsockopt", 2, 3)?;
    let level = cint(vm, &a.pos[1])?;
    let opt = cint(vm, &a.pos[2])?;
    let (fd, family) = {
        let st = this(vm, &a)?.st.lock();
        (st.fd, st.family)
    };
    match a.pos.get(3) {
        None if family == libc::AF_VSOCK => {
            let mut v: u64 = 0;
            let mut len = std::mem::size_of::<u64>() as libc::socklen_t;
            // SAFETY: a 64-bit option read into a u64.
            let r = unsafe { libc::getsockopt(fd, level, opt, (&raw mut v).cast(), &mut len) };
            if r < 0 {
                return Err(last_os_error(vm));
            }
            Ok(Value::Int(v as i64))
        }
        None => match sockopt_int(fd, level, opt) {
            Some(v) => Ok(Value::Int(v as i64)),
            None => Err(last_os_error(vm)),
        },
        Some(n) => {
            let n = cint(vm, n)?;
            if !(0..=1024).contains(&n) {
                return Err(vm.err("OSError", "getsockopt buflen out of range"));
            }
            let mut buf = vec![0u8; n as usize];
            let mut len = n as libc::socklen_t;
            // SAFETY: buf has `len` writable bytes.
            let r = unsafe { libc::getsockopt(fd, level, opt, buf.as_mut_ptr().cast(), &mut len) };
            if r < 0 {
                return Err(last_os_error(vm));
            }
            buf.truncate(len as usize);
            Ok(Value::Bytes(Arc::new(buf)))
        }
    }
}
