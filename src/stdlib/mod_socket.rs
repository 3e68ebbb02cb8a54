//! The `_socket` module under CPython's own `socket.py`: the socket type
//! (`socket_obj.rs`, `socket_io.rs`), Linux's constants, name resolution
//! (`getaddrinfo`, `gethostbyname`, …), address conversions (`inet_*`),
//! byte-order helpers, `socketpair`, the default timeout and the module's
//! exceptions (`error` is OSError, `timeout` TimeoutError).

use std::sync::Arc;

use parking_lot::Mutex;

use super::def;
use super::socket_addr::{self, SockAddr, SockErrors, gai_error, host_bytes, lookup, with_errno};
use super::socket_obj::{SockCtx, SockState, cint, int_of, last_os_error, new_socket, timeout_arg};
use crate::object::class::Layout;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::stdlib::native_util::{exc_class, module};
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

/// Binds a module function's arguments by name (Argument Clinic style).
fn bind(vm: &mut Vm, a: &Args, fname: &str, names: &[&str], required: usize) -> PyResult<Vec<Option<Value>>> {
    if a.pos.len() > names.len() {
        let msg = format!("{fname}() takes at most {} arguments ({} given)", names.len(), a.pos.len());
        return Err(vm.type_error(&msg));
    }
    a.clinic_slots(vm, fname, names, required)
}

/// Creates the `_socket` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    for (name, v) in super::socket_consts::SOCKET {
        d.set_item_str(name, Value::Int(*v));
    }
    let cls = new_builtin_class("socket", std::slice::from_ref(&vm.rt.types.object), Layout::NativeNew);
    cls.dict.set_item_str("__module__", Value::str("_socket"));
    let errs = SockErrors {
        gaierror: exc_class(vm, "socket", "gaierror", &["OSError"])?,
        herror: exc_class(vm, "socket", "herror", &["OSError"])?,
    };
    d.set_item_str("gaierror", Value::Class(errs.gaierror.clone()));
    d.set_item_str("herror", Value::Class(errs.herror.clone()));
    d.set_item_str("error", Value::Class(vm.rt.types.exc("OSError")));
    d.set_item_str("timeout", Value::Class(vm.rt.types.exc("TimeoutError")));
    let ctx = Arc::new(SockCtx { errs, default_timeout: Mutex::new(-1.0), class: cls.clone() });
    super::socket_obj::register(vm, &ctx);
    super::socket_io::register(&ctx);
    super::socket_msg::register(&ctx);
    d.set_item_str("socket", Value::Class(cls.clone()));
    d.set_item_str("SocketType", Value::Class(cls));
    d.set_item_str("has_ipv6", Value::Bool(true));
    register_timeouts(&d, &ctx);
    register_bytes_order(&d);
    register_inet(&d);
    register_names(&d, &ctx);
    let c = ctx.clone();
    def(&d, "socketpair", move |vm, a| {
        let slots = bind(vm, &a, "socketpair", &["family", "type", "proto"], 0)?;
        let mut v = [libc::AF_UNIX, libc::SOCK_STREAM, 0];
        for (i, s) in slots.iter().enumerate() {
            if let Some(s) = s {
                v[i] = cint(vm, s)?;
            }
        }
        let mut fds = [0; 2];
        // SAFETY: `fds` has room for the two descriptors.
        if unsafe { libc::socketpair(v[0], v[1] | libc::SOCK_CLOEXEC, v[2], fds.as_mut_ptr()) } < 0 {
            return Err(last_os_error(vm));
        }
        let timeout = *c.default_timeout.lock();
        let mut out = Vec::new();
        for fd in fds {
            if timeout >= 0.0 {
                super::socket_obj::set_nonblocking(vm, fd, true)?;
            }
            let st = SockState { fd, family: v[0], kind: v[1], proto: v[2], timeout };
            out.push(new_socket(&c, &c.class, st));
        }
        Ok(Value::tuple(out))
    });
    def(&d, "close", |vm, a| {
        a.posonly(vm, "close", 1, 1)?;
        let fd = cint(vm, &a.pos[0])?;
        // SAFETY: closing a descriptor the caller names.
        if unsafe { libc::close(fd) } < 0 && crate::stdlib::posix_args::last_errno() != libc::ECONNRESET {
            return Err(last_os_error(vm));
        }
        Ok(Value::None)
    });
    def(&d, "dup", |vm, a| {
        a.posonly(vm, "dup", 1, 1)?;
        let fd = cint(vm, &a.pos[0])?;
        // SAFETY: duplicates a descriptor (close-on-exec).
        let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
        if r < 0 {
            return Err(last_os_error(vm));
        }
        Ok(Value::Int(r as i64))
    });
    for (name, f) in [("CMSG_LEN", true), ("CMSG_SPACE", false)] {
        def(&d, name, move |vm, a| {
            a.posonly(vm, name, 1, 1)?;
            if matches!(a.pos[0], Value::BigInt(_)) {
                return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
            }
            let n = int_of(vm, &a.pos[0])?;
            let r = u64::try_from(n).ok().and_then(|n| super::socket_msg::cmsg_size(n, !f));
            match r {
                Some(r) => Ok(Value::Int(r as i64)),
                None => Err(vm.overflow_error(&format!("{name}() argument out of range"))),
            }
        });
    }
    Ok(module("_socket", d))
}

fn register_timeouts(d: &Dict, ctx: &Arc<SockCtx>) {
    let c = ctx.clone();
    def(d, "getdefaulttimeout", move |vm, a| {
        a.posonly(vm, "getdefaulttimeout", 0, 0)?;
        let t = *c.default_timeout.lock();
        Ok(if t < 0.0 { Value::None } else { Value::Float(t) })
    });
    let c = ctx.clone();
    def(d, "setdefaulttimeout", move |vm, a| {
        a.posonly(vm, "setdefaulttimeout", 1, 1)?;
        *c.default_timeout.lock() = timeout_arg(vm, &a.pos[0])?;
        Ok(Value::None)
    });
}

/// `htons`, `ntohs`, `htonl`, `ntohl` with CPython's OverflowErrors.
fn register_bytes_order(d: &Dict) {
    for name in ["htons", "ntohs"] {
        def(d, name, move |vm, a| {
            a.posonly(vm, name, 1, 1)?;
            let n = int_of(vm, &a.pos[0])?;
            if n < 0 {
                let msg = format!("{name}: can't convert negative Python int to C 16-bit unsigned integer");
                return Err(vm.overflow_error(&msg));
            }
            if n > 0xffff {
                return Err(
                    vm.overflow_error(&format!("{name}: Python int too large to convert to C 16-bit unsigned integer"))
                );
            }
            Ok(Value::Int((n as u16).swap_bytes() as i64))
        });
    }
    for name in ["htonl", "ntohl"] {
        def(d, name, move |vm, a| {
            a.posonly(vm, name, 1, 1)?;
            let n = int_of(vm, &a.pos[0])?;
            if n < 0 {
                return Err(vm.overflow_error("can't convert negative value to unsigned int"));
            }
            if n > 0xffff_ffff {
                return Err(vm.overflow_error("int larger than 32 bits"));
            }
            Ok(Value::Int((n as u32).swap_bytes() as i64))
        });
    }
}

fn str_arg(vm: &mut Vm, v: &Value, fname: &str, i: usize) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.as_str().to_string()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("{fname}() argument {i} must be str, not {tn}")))
        }
    }
}

/// `inet_aton`, `inet_ntoa`, `inet_pton`, `inet_ntop`.
fn register_inet(d: &Dict) {
    def(d, "inet_aton", |vm, a| {
        a.posonly(vm, "inet_aton", 1, 1)?;
        let s = str_arg(vm, &a.pos[0], "inet_aton", 1)?;
        let c = std::ffi::CString::new(s).unwrap_or_default();
        // SAFETY: in_addr is plain old data.
        let mut out: libc::in_addr = unsafe { std::mem::zeroed() };
        // SAFETY: a NUL-terminated string and an in_addr to fill.
        if unsafe { inet_aton(c.as_ptr(), &mut out) } == 0 {
            return Err(vm.err("OSError", "illegal IP address string passed to inet_aton"));
        }
        Ok(Value::Bytes(Arc::new(out.s_addr.to_ne_bytes().to_vec())))
    });
    def(d, "inet_ntoa", |vm, a| {
        a.posonly(vm, "inet_ntoa", 1, 1)?;
        let b = crate::stdlib::buffer::require_bytes(vm, &a.pos[0])?;
        if b.len() != 4 {
            return Err(vm.err("OSError", "packed IP wrong length for inet_ntoa"));
        }
        Ok(Value::string(socket_addr::ntop(libc::AF_INET, &b)))
    });
    def(d, "inet_pton", |vm, a| {
        a.posonly(vm, "inet_pton", 2, 2)?;
        let fam = cint(vm, &a.pos[0])?;
        let s = str_arg(vm, &a.pos[1], "inet_pton", 2)?;
        let bytes = match fam {
            libc::AF_INET => s.parse::<std::net::Ipv4Addr>().map(|i| i.octets().to_vec()).ok(),
            libc::AF_INET6 => s.parse::<std::net::Ipv6Addr>().map(|i| i.octets().to_vec()).ok(),
            _ => return Err(crate::stdlib::posix_args::errno_error(vm, libc::EAFNOSUPPORT, None, None)),
        };
        match bytes {
            Some(b) => Ok(Value::Bytes(Arc::new(b))),
            None => Err(vm.err("OSError", "illegal IP address string passed to inet_pton")),
        }
    });
    def(d, "inet_ntop", |vm, a| {
        a.posonly(vm, "inet_ntop", 2, 2)?;
        let fam = cint(vm, &a.pos[0])?;
        let b = crate::stdlib::buffer::require_bytes(vm, &a.pos[1])?;
        let want = match fam {
            libc::AF_INET => 4,
            libc::AF_INET6 => 16,
            _ => return Err(vm.value_error(&format!("unknown address family {fam}"))),
        };
        if b.len() != want {
            return Err(vm.value_error("invalid length of packed IP address string"));
        }
        Ok(Value::string(socket_addr::ntop(fam, &b)))
    });
}

unsafe extern "C" {
    fn inet_aton(cp: *const libc::c_char, inp: *mut libc::in_addr) -> libc::c_int;
}

/// The port argument of getaddrinfo: None, an int, str or bytes.
fn port_text(vm: &mut Vm, v: &Value) -> PyResult<Option<Vec<u8>>> {
    match v {
        Value::None => Ok(None),
        Value::Int(_) | Value::BigInt(_) | Value::Boolean(_) => Ok(Some(vm.str_of(v)?.into_bytes())),
        Value::Bytes(b) => Ok(Some(b.to_vec())),
        _ => match v.as_str() {
            Some(s) => Ok(Some(s.as_str().as_bytes().to_vec())),
            None => Err(vm.err("OSError", "Int or String expected")),
        },
    }
}

fn host_text(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Option<Vec<u8>>> {
    match v {
        Value::None => Ok(None),
        Value::Bytes(b) => Ok(Some(b.to_vec())),
        _ => match v.as_str() {
            Some(s) => Ok(Some(s.as_str().as_bytes().to_vec())),
            None => Err(vm.type_error(&format!("{fname}() argument 1 must be string or None"))),
        },
    }
}

/// The numeric text of an address (the host part of `to_value`).
fn addr_ip(a: &SockAddr) -> String {
    match socket_addr::to_value(a) {
        Value::Tuple(t) => t.items[0].as_str().map(|s| s.as_str().to_string()).unwrap_or_default(),
        _ => String::new(),
    }
}

/// `getnameinfo(3)` on `addr`; Err is the EAI code.
fn name_info(vm: &mut Vm, addr: &SockAddr, flags: i32) -> Result<(String, String), i32> {
    let mut host = [0 as libc::c_char; 1025];
    let mut serv = [0 as libc::c_char; 32];
    let r = vm.allow_threads(crate::runtime::gil::BlockKind::Socket, || {
        // SAFETY: a valid address and two output buffers of the sizes given.
        unsafe {
            libc::getnameinfo(
                addr.ptr(),
                addr.len,
                host.as_mut_ptr(),
                host.len() as u32,
                serv.as_mut_ptr(),
                serv.len() as u32,
                flags,
            )
        }
    });
    if r != 0 {
        return Err(r);
    }
    // SAFETY: getnameinfo NUL-terminated both buffers.
    let s = |b: &[libc::c_char]| unsafe { std::ffi::CStr::from_ptr(b.as_ptr()) }.to_string_lossy().into_owned();
    Ok((s(&host), s(&serv)))
}

/// Name resolution: getaddrinfo, getnameinfo, gethostname, gethostbyname(_ex), gethostbyaddr.
fn register_names(d: &Dict, ctx: &Arc<SockCtx>) {
    let c = ctx.clone();
    def(d, "getaddrinfo", move |vm, a| {
        let names = ["host", "port", "family", "type", "proto", "flags"];
        let s = bind(vm, &a, "getaddrinfo", &names, 2)?;
        let host = host_text(vm, s[0].as_ref().expect("required"), "getaddrinfo")?;
        let port = port_text(vm, s[1].as_ref().expect("required"))?;
        let mut h = [0i32; 4];
        for (i, v) in s[2..].iter().enumerate() {
            if let Some(v) = v {
                h[i] = cint(vm, v)?;
            }
        }
        let (fam, ty, proto, flags) = (h[0], h[1], h[2], h[3]);
        let list = lookup(vm, host.as_deref(), port.as_deref(), (fam, ty, proto, flags))
            .map_err(|code| gai_error(vm, &c.errs, code))?;
        let items = list
            .iter()
            .map(|ai| {
                Value::tuple(vec![
                    Value::Int(ai.family as i64),
                    Value::Int(ai.socktype as i64),
                    Value::Int(ai.proto as i64),
                    Value::string(ai.canon.clone()),
                    socket_addr::to_value(&ai.addr),
                ])
            })
            .collect();
        Ok(Value::list(items))
    });
    let c = ctx.clone();
    def(d, "getnameinfo", move |vm, a| {
        a.posonly(vm, "getnameinfo", 2, 2)?;
        let Value::Tuple(t) = &a.pos[0] else {
            return Err(vm.type_error("getnameinfo() argument 1 must be a tuple"));
        };
        if !(2..=4).contains(&t.len()) {
            return Err(vm.type_error("getnameinfo(): illegal sockaddr argument"));
        }
        let flags = cint(vm, &a.pos[1])?;
        let host = host_bytes(vm, &t.items[0])?;
        let port = int_of(vm, &t.items[1])?;
        let list =
            lookup(vm, Some(&host), Some(port.to_string().as_bytes()), (0, libc::SOCK_DGRAM, 0, libc::AI_NUMERICHOST))
                .map_err(|code| gai_error(vm, &c.errs, code))?;
        let Some(ai) = list.into_iter().next() else { return Err(gai_error(vm, &c.errs, libc::EAI_NONAME)) };
        let (h, s) = name_info(vm, &ai.addr, flags).map_err(|code| gai_error(vm, &c.errs, code))?;
        Ok(Value::tuple(vec![Value::string(h), Value::string(s)]))
    });
    def(d, "gethostname", |vm, a| {
        a.posonly(vm, "gethostname", 0, 0)?;
        let mut buf = [0 as libc::c_char; 256];
        // SAFETY: buf has room for the name and its NUL.
        if unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len() - 1) } < 0 {
            return Err(last_os_error(vm));
        }
        // SAFETY: NUL-terminated (the last byte was never written).
        let s = unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) }.to_string_lossy().into_owned();
        Ok(Value::string(s))
    });
    register_services(d);
    let c = ctx.clone();
    def(d, "gethostbyname", move |vm, a| {
        a.posonly(vm, "gethostbyname", 1, 1)?;
        let host = host_bytes(vm, &a.pos[0])?;
        let addr = socket_addr::resolve_host(vm, &c.errs, &host, libc::AF_INET)?;
        Ok(Value::string(addr_ip(&addr)))
    });
    let c = ctx.clone();
    def(d, "gethostbyname_ex", move |vm, a| {
        a.posonly(vm, "gethostbyname_ex", 1, 1)?;
        let host = host_bytes(vm, &a.pos[0])?;
        let list = lookup(vm, Some(&host), None, (libc::AF_INET, libc::SOCK_STREAM, 0, libc::AI_CANONNAME))
            .map_err(|code| gai_error(vm, &c.errs, code))?;
        let name = list.first().map(|ai| ai.canon.clone()).filter(|n| !n.is_empty());
        let name = name.unwrap_or_else(|| String::from_utf8_lossy(&host).into_owned());
        let mut ips: Vec<String> = Vec::new();
        for ai in &list {
            let ip = addr_ip(&ai.addr);
            if !ips.contains(&ip) {
                ips.push(ip);
            }
        }
        let ips = ips.into_iter().map(Value::string).collect();
        Ok(Value::tuple(vec![Value::string(name), Value::list(vec![]), Value::list(ips)]))
    });
    let c = ctx.clone();
    def(d, "gethostbyaddr", move |vm, a| {
        a.posonly(vm, "gethostbyaddr", 1, 1)?;
        let host = host_bytes(vm, &a.pos[0])?;
        let addr = socket_addr::resolve_host(vm, &c.errs, &host, libc::AF_UNSPEC)?;
        match name_info(vm, &addr, libc::NI_NAMEREQD) {
            Ok((name, _)) => {
                let ip = Value::string(addr_ip(&addr));
                Ok(Value::tuple(vec![Value::string(name), Value::list(vec![]), Value::list(vec![ip])]))
            }
            Err(_) => Err(with_errno(vm, &c.errs.herror, 1, "Unknown host".into())),
        }
    });
}

/// `getservbyname`, `getservbyport`, `getprotobyname` from the system's
/// services and protocols databases.
fn register_services(d: &Dict) {
    fn cstr(vm: &mut Vm, v: &Value, fname: &str, i: usize) -> PyResult<std::ffi::CString> {
        Ok(std::ffi::CString::new(str_arg(vm, v, fname, i)?).unwrap_or_default())
    }
    def(d, "getservbyname", |vm, a| {
        a.posonly(vm, "getservbyname", 1, 2)?;
        let name = cstr(vm, &a.pos[0], "getservbyname", 1)?;
        let proto = match a.pos.get(1) {
            Some(p) => Some(cstr(vm, p, "getservbyname", 2)?),
            None => None,
        };
        // SAFETY: NUL-terminated strings; the static result is read at once.
        let port = unsafe {
            let e = libc::getservbyname(name.as_ptr(), proto.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()));
            if e.is_null() { None } else { Some(u16::from_be((*e).s_port as u16)) }
        };
        match port {
            Some(p) => Ok(Value::Int(p as i64)),
            None => Err(vm.err("OSError", "service/proto not found")),
        }
    });
    def(d, "getservbyport", |vm, a| {
        a.posonly(vm, "getservbyport", 1, 2)?;
        let port = int_of(vm, &a.pos[0])?;
        if !(0..=65535).contains(&port) {
            return Err(vm.overflow_error("getservbyport: port must be 0-65535."));
        }
        let proto = match a.pos.get(1) {
            Some(p) => Some(cstr(vm, p, "getservbyport", 2)?),
            None => None,
        };
        // SAFETY: as getservbyname.
        let name = unsafe {
            let e = libc::getservbyport(
                (port as u16).to_be() as i32,
                proto.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
            );
            if e.is_null() { None } else { Some(std::ffi::CStr::from_ptr((*e).s_name).to_string_lossy().into_owned()) }
        };
        match name {
            Some(n) => Ok(Value::string(n)),
            None => Err(vm.err("OSError", "port/proto not found")),
        }
    });
    def(d, "getprotobyname", |vm, a| {
        a.posonly(vm, "getprotobyname", 1, 1)?;
        let name = cstr(vm, &a.pos[0], "getprotobyname", 1)?;
        // SAFETY: as getservbyname.
        let n = unsafe {
            let e = libc::getprotobyname(name.as_ptr());
            if e.is_null() { None } else { Some((*e).p_proto) }
        };
        match n {
            Some(n) => Ok(Value::Int(n as i64)),
            None => Err(vm.err("OSError", "protocol not found")),
        }
    });
}
