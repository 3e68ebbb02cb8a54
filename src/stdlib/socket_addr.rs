//! Socket addresses and name resolution for `_socket`: Python address
//! objects (`(host, port)`, `(host, port, flowinfo, scope_id)`, a Unix path)
//! to and from C `sockaddr`s, host names through libc's `getaddrinfo`, and
//! `socket.gaierror` with `gai_strerror`'s message.

use std::ffi::{CStr, CString};
use std::sync::Arc;

use crate::object::class::Class;
use crate::object::value::Value;
use crate::stdlib::posix_args::errno_error;
use crate::vm::{PyErr, PyResult, Vm};

/// A C socket address and its length.
#[derive(Clone, Copy)]
pub struct SockAddr {
    pub st: libc::sockaddr_storage,
    pub len: libc::socklen_t,
}

impl SockAddr {
    /// An all-zero address with room for any family (for accept/recvfrom).
    pub fn empty() -> SockAddr {
        // SAFETY: sockaddr_storage is plain old data; all zeroes is valid.
        let st: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
        SockAddr { st, len: std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t }
    }

    pub fn ptr(&self) -> *const libc::sockaddr {
        (&raw const self.st).cast()
    }

    pub fn mut_ptr(&mut self) -> *mut libc::sockaddr {
        (&raw mut self.st).cast()
    }

    fn family(&self) -> i32 {
        self.st.ss_family as i32
    }
}

/// The exception classes `_socket` raises besides OSError.
pub struct SockErrors {
    pub gaierror: Arc<Class>,
    pub herror: Arc<Class>,
}

/// `socket.gaierror(code, gai_strerror(code))`; EAI_SYSTEM is an OSError from errno.
pub fn gai_error(vm: &Vm, errs: &SockErrors, code: i32) -> PyErr {
    if code == libc::EAI_SYSTEM {
        return errno_error(vm, crate::stdlib::posix_args::last_errno(), None, None);
    }
    // SAFETY: gai_strerror returns a static NUL-terminated string.
    let msg = unsafe { CStr::from_ptr(libc::gai_strerror(code)) }.to_string_lossy().into_owned();
    with_errno(vm, &errs.gaierror, code, msg)
}

/// An OSError subclass instance with `errno` and `strerror` set.
pub fn with_errno(vm: &Vm, cls: &Arc<Class>, code: i32, msg: String) -> PyErr {
    let e = vm.new_exception(cls, vec![Value::Int(code as i64), Value::string(msg.clone())]);
    e.exc.dict.set_item_str("errno", Value::Int(code as i64));
    e.exc.dict.set_item_str("strerror", Value::string(msg));
    vm.chain_context(&e);
    e
}

/// The text of an IPv4 or IPv6 address in network order.
pub fn ntop(family: i32, bytes: &[u8]) -> String {
    match family {
        libc::AF_INET => {
            let a: [u8; 4] = bytes[..4].try_into().unwrap_or([0; 4]);
            std::net::Ipv4Addr::from(a).to_string()
        }
        _ => {
            let a: [u8; 16] = bytes[..16].try_into().unwrap_or([0; 16]);
            std::net::Ipv6Addr::from(a).to_string()
        }
    }
}

/// A C address as the Python object CPython's `makesockaddr` builds.
pub fn to_value(a: &SockAddr) -> Value {
    match a.family() {
        libc::AF_INET => {
            // SAFETY: the family says the storage holds a sockaddr_in.
            let sin = unsafe { &*(a.ptr() as *const libc::sockaddr_in) };
            let ip = ntop(libc::AF_INET, &sin.sin_addr.s_addr.to_ne_bytes());
            Value::tuple(vec![Value::string(ip), Value::Int(u16::from_be(sin.sin_port) as i64)])
        }
        libc::AF_INET6 => {
            // SAFETY: the family says the storage holds a sockaddr_in6.
            let sin6 = unsafe { &*(a.ptr() as *const libc::sockaddr_in6) };
            Value::tuple(vec![
                Value::string(ntop(libc::AF_INET6, &sin6.sin6_addr.s6_addr)),
                Value::Int(u16::from_be(sin6.sin6_port) as i64),
                Value::Int(u32::from_be(sin6.sin6_flowinfo) as i64),
                Value::Int(sin6.sin6_scope_id as i64),
            ])
        }
        libc::AF_UNIX => {
            // SAFETY: the family says the storage holds a sockaddr_un.
            let sun = unsafe { &*(a.ptr() as *const libc::sockaddr_un) };
            let off = std::mem::size_of::<libc::sa_family_t>();
            let n = (a.len as usize).saturating_sub(off).min(sun.sun_path.len());
            let path: Vec<u8> = sun.sun_path[..n].iter().map(|c| *c as u8).collect();
            if path.first() == Some(&0) {
                // Linux's abstract namespace: the name is bytes, NULs and all.
                return Value::Bytes(Arc::new(path));
            }
            let end = path.iter().position(|b| *b == 0).unwrap_or(path.len());
            Value::string(String::from_utf8_lossy(&path[..end]).into_owned())
        }
        libc::AF_VSOCK => {
            // SAFETY: the family says the storage holds a sockaddr_vm.
            let svm = unsafe { &*(a.ptr() as *const libc::sockaddr_vm) };
            Value::tuple(vec![Value::Int(svm.svm_cid as i64), Value::Int(svm.svm_port as i64)])
        }
        libc::AF_UNSPEC if a.len == 0 => Value::None,
        f => Value::tuple(vec![Value::Int(f as i64), Value::Bytes(Arc::new(Vec::new()))]),
    }
}

/// A host argument as bytes: str (IDNA-ish: its UTF-8), bytes or bytearray.
pub fn host_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str() {
        return Ok(s.as_str().as_bytes().to_vec());
    }
    match v {
        Value::Bytes(b) => Ok(b.to_vec()),
        Value::Native2(_) if crate::stdlib::buffer::bytes_like(v).is_some() => {
            Ok(crate::stdlib::buffer::bytes_like(v).map(|b| b.to_vec()).unwrap_or_default())
        }
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("str, bytes or bytearray expected, not {tn}")))
        }
    }
}

/// Runs libc's `getaddrinfo` with the GIL released; the results as C addresses
/// with their (family, type, proto, canonname).
pub struct AddrInfo {
    pub family: i32,
    pub socktype: i32,
    pub proto: i32,
    pub canon: String,
    pub addr: SockAddr,
}

/// `getaddrinfo(host, port)` with hints; Err is the EAI code.
pub fn lookup(
    vm: &mut Vm,
    host: Option<&[u8]>,
    port: Option<&[u8]>,
    hints: (i32, i32, i32, i32),
) -> Result<Vec<AddrInfo>, i32> {
    let host = host.map(|h| CString::new(h).unwrap_or_default());
    let port = port.map(|p| CString::new(p).unwrap_or_default());
    vm.allow_threads(crate::runtime::gil::BlockKind::Socket, || {
        // SAFETY: addrinfo is plain old data; zeroes are the "no hint" values.
        let mut h: libc::addrinfo = unsafe { std::mem::zeroed() };
        (h.ai_family, h.ai_socktype, h.ai_protocol, h.ai_flags) = hints;
        let mut res: *mut libc::addrinfo = std::ptr::null_mut();
        let hp = host.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
        let pp = port.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
        // SAFETY: NUL-terminated strings or NULL, valid hints, out-pointer.
        let r = unsafe { libc::getaddrinfo(hp, pp, &h, &mut res) };
        if r != 0 {
            return Err(r);
        }
        let mut out = Vec::new();
        let mut p = res;
        while !p.is_null() {
            // SAFETY: p walks the list getaddrinfo returned, freed below.
            let ai = unsafe { &*p };
            let mut addr = SockAddr::empty();
            let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
            // SAFETY: copies ai_addrlen bytes of the result's address into storage that large.
            unsafe { std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, addr.mut_ptr() as *mut u8, n) };
            addr.len = n as libc::socklen_t;
            let canon = if ai.ai_canonname.is_null() {
                String::new()
            } else {
                // SAFETY: a NUL-terminated string owned by the list.
                unsafe { CStr::from_ptr(ai.ai_canonname) }.to_string_lossy().into_owned()
            };
            out.push(AddrInfo { family: ai.ai_family, socktype: ai.ai_socktype, proto: ai.ai_protocol, canon, addr });
            p = ai.ai_next;
        }
        // SAFETY: the list came from getaddrinfo and is freed once.
        unsafe { libc::freeaddrinfo(res) };
        Ok(out)
    })
}

/// CPython's `setipaddr`: a host name or address text to a C address of
/// `family` (port 0): '' is INADDR_ANY, `<broadcast>` INADDR_BROADCAST.
pub fn resolve_host(vm: &mut Vm, errs: &SockErrors, host: &[u8], family: i32) -> PyResult<SockAddr> {
    let mut a = SockAddr::empty();
    let v4 = |a: &mut SockAddr, ip: [u8; 4]| {
        // SAFETY: sockaddr_storage has room for a sockaddr_in.
        let sin = unsafe { &mut *(a.mut_ptr() as *mut libc::sockaddr_in) };
        sin.sin_family = libc::AF_INET as libc::sa_family_t;
        sin.sin_addr.s_addr = u32::from_ne_bytes(ip);
        a.len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
    };
    if host.is_empty() && family != libc::AF_INET6 {
        v4(&mut a, [0; 4]);
        return Ok(a);
    }
    if host == b"<broadcast>" || host == b"255.255.255.255" {
        if family != libc::AF_INET && family != libc::AF_UNSPEC {
            return Err(with_errno(vm, &errs.gaierror, libc::EAI_FAMILY, "address family mismatched".into()));
        }
        v4(&mut a, [255; 4]);
        return Ok(a);
    }
    let hints = (family, libc::SOCK_DGRAM, 0, 0);
    let host_arg: &[u8] = if host.is_empty() { b"::" } else { host };
    match lookup(vm, Some(host_arg), None, hints) {
        Ok(list) => match list.into_iter().next() {
            Some(ai) => Ok(ai.addr),
            None => Err(gai_error(vm, errs, libc::EAI_NONAME)),
        },
        Err(code) => Err(gai_error(vm, errs, code)),
    }
}

/// The port of an address tuple: `'str' object cannot be interpreted as an
/// integer`, `{fname}(): port must be 0-65535.`.
fn port_of(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<u16> {
    if let Value::Flt(_) = v {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let p = vm.index_of(v)?;
    if !(0..=65535).contains(&p) {
        return Err(vm.overflow_error(&format!("{fname}(): port must be 0-65535.")));
    }
    Ok(p as u16)
}

/// CPython's `getsockaddrarg`: the Python address `v` for a socket of `family`.
pub fn from_value(vm: &mut Vm, errs: &SockErrors, family: i32, v: &Value, fname: &str) -> PyResult<SockAddr> {
    match family {
        libc::AF_UNIX => unix_addr(vm, v),
        libc::AF_INET | libc::AF_INET6 => {
            let fam = if family == libc::AF_INET { "AF_INET" } else { "AF_INET6" };
            let Value::Tuple(t) = v else {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("{fname}(): {fam} address must be tuple, not {tn}")));
            };
            let ok = if family == libc::AF_INET { t.len() == 2 } else { (2..=4).contains(&t.len()) };
            if !ok {
                let msg = if family == libc::AF_INET {
                    "AF_INET address must be a pair (host, port)"
                } else {
                    "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"
                };
                return Err(vm.type_error(msg));
            }
            let host = host_bytes(vm, &t.items[0])?;
            let port = port_of(vm, &t.items[1], fname)?;
            let mut a = resolve_host(vm, errs, &host, family)?;
            if family == libc::AF_INET {
                // SAFETY: resolve_host filled a sockaddr_in for AF_INET.
                let sin = unsafe { &mut *(a.mut_ptr() as *mut libc::sockaddr_in) };
                sin.sin_port = port.to_be();
            } else {
                let flow = match t.items.get(2) {
                    Some(f) => vm.index_of(f)?,
                    None => 0,
                };
                if !(0..=0xfffff).contains(&flow) {
                    return Err(vm.overflow_error(&format!("{fname}(): flowinfo must be 0-1048575.")));
                }
                let scope = match t.items.get(3) {
                    Some(s) => vm.index_of(s)?,
                    None => 0,
                };
                // SAFETY: resolve_host filled a sockaddr_in6 for AF_INET6.
                let sin6 = unsafe { &mut *(a.mut_ptr() as *mut libc::sockaddr_in6) };
                sin6.sin6_port = port.to_be();
                sin6.sin6_flowinfo = (flow as u32).to_be();
                sin6.sin6_scope_id = scope as u32;
            }
            Ok(a)
        }
        _ => Err(vm.err("OSError", &format!("{fname}(): bad family"))),
    }
}

fn unix_addr(vm: &mut Vm, v: &Value) -> PyResult<SockAddr> {
    let path: Vec<u8> = if let Some(s) = v.as_str() {
        s.as_str().as_bytes().to_vec()
    } else if let Some(p) = crate::stdlib::posix_args::fspath(vm, v)? {
        match p.as_str() {
            Some(s) => s.as_str().as_bytes().to_vec(),
            None => host_bytes(vm, &p)?,
        }
    } else if let Some(b) = crate::stdlib::buffer::bytes_like(v) {
        b.to_vec()
    } else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
    };
    let mut a = SockAddr::empty();
    // SAFETY: sockaddr_storage has room for a sockaddr_un.
    let sun = unsafe { &mut *(a.mut_ptr() as *mut libc::sockaddr_un) };
    let abstract_ns = path.first() == Some(&0);
    // An abstract name may fill sun_path; a file name needs room for its NUL.
    if path.len() > sun.sun_path.len() || (!abstract_ns && path.len() == sun.sun_path.len()) {
        return Err(vm.err("OSError", "AF_UNIX path too long"));
    }
    sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
    for (d, s) in sun.sun_path.iter_mut().zip(&path) {
        *d = *s as libc::c_char;
    }
    // As CPython: the length covers the name only (an empty name autobinds).
    a.len = (std::mem::size_of::<libc::sa_family_t>() + path.len()) as libc::socklen_t;
    Ok(a)
}
