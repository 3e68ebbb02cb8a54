//! Non-blocking TCP sockets for asyncio streams (`_asyncio._tcp_listen`,
//! `_tcp_connect`, and the loop's `_wait_io`); `py/_asyncio_streams.py`
//! builds StreamReader/StreamWriter/Server on top.
//!
//! Nothing here blocks the loop's thread: a connect is started with
//! `EINPROGRESS` and finished when the loop sees the socket writable (so a
//! client and a server on the same loop can have any number of connections
//! in flight), and a listener takes `start_server`'s `backlog`.

use std::io::{ErrorKind, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::os::fd::AsRawFd;
use std::sync::Arc;

use parking_lot::Mutex;

use super::{def, method};
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::runtime::eventloop::{AsyncState, LoopCore};
use crate::runtime::eventloop_fut::Fut;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

enum Sock {
    Listener(TcpListener),
    Stream(TcpStream),
    Closed,
}

/// A TCP socket in non-blocking mode.
pub struct Socket {
    sock: Mutex<Sock>,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(Socket);

fn this<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a Socket> {
    a.native_self().ok_or_else(|| vm.type_error("expected a socket"))
}

fn addr_value(a: SocketAddr) -> Value {
    Value::tuple(vec![Value::string(a.ip().to_string()), Value::Int(a.port() as i64)])
}

fn os_error(vm: &mut Vm, e: std::io::Error) -> crate::vm::PyErr {
    let name = match e.kind() {
        ErrorKind::ConnectionRefused => "ConnectionRefusedError",
        ErrorKind::ConnectionReset => "ConnectionResetError",
        ErrorKind::BrokenPipe => "BrokenPipeError",
        _ => "OSError",
    };
    vm.err(name, &e.to_string())
}

fn resolve(vm: &mut Vm, a: &Args) -> PyResult<SocketAddr> {
    let host = match a.pos.first() {
        Some(Value::None) | None => "127.0.0.1".to_string(),
        Some(v) => vm.str_of(v)?,
    };
    let port = vm.to_float(&a.pos.get(1).cloned().unwrap_or(Value::Int(0)))? as u16;
    let host = if host == "localhost" { "127.0.0.1".to_string() } else { host };
    match (host.as_str(), port).to_socket_addrs() {
        Ok(mut it) => it.next().ok_or_else(|| vm.err("OSError", "no address")),
        Err(e) => Err(os_error(vm, e)),
    }
}

/// `addr` as a C socket address (for `connect(2)`).
fn sockaddr_of(addr: SocketAddr) -> (libc::c_int, libc::sockaddr_storage, libc::socklen_t) {
    // SAFETY: sockaddr_storage is plain old data; all zeroes is a valid value.
    let mut st: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    match addr {
        SocketAddr::V4(a) => {
            let sin = libc::sockaddr_in {
                sin_family: libc::AF_INET as libc::sa_family_t,
                sin_port: a.port().to_be(),
                sin_addr: libc::in_addr { s_addr: u32::from_ne_bytes(a.ip().octets()) },
                sin_zero: [0; 8],
            };
            // SAFETY: sockaddr_storage is large enough and aligned for any sockaddr.
            unsafe { std::ptr::write((&raw mut st).cast::<libc::sockaddr_in>(), sin) };
            (libc::AF_INET, st, std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t)
        }
        SocketAddr::V6(a) => {
            let sin6 = libc::sockaddr_in6 {
                sin6_family: libc::AF_INET6 as libc::sa_family_t,
                sin6_port: a.port().to_be(),
                sin6_flowinfo: a.flowinfo(),
                sin6_addr: libc::in6_addr { s6_addr: a.ip().octets() },
                sin6_scope_id: a.scope_id(),
            };
            // SAFETY: as above.
            unsafe { std::ptr::write((&raw mut st).cast::<libc::sockaddr_in6>(), sin6) };
            (libc::AF_INET6, st, std::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t)
        }
    }
}

/// Starts connecting a non-blocking socket to `addr`: returns at once
/// (`EINPROGRESS`); the connection is made when the socket turns writable.
fn connect_start(addr: SocketAddr) -> std::io::Result<TcpStream> {
    use std::os::fd::FromRawFd;
    let (domain, st, len) = sockaddr_of(addr);
    // SAFETY: plain socket(2); the fd is owned by the TcpStream right after.
    let fd = unsafe { libc::socket(domain, libc::SOCK_STREAM | libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC, 0) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: fd is a fresh socket nobody else owns.
    let stream = unsafe { TcpStream::from_raw_fd(fd) };
    // SAFETY: st holds a valid sockaddr of length len.
    let r = unsafe { libc::connect(fd, (&raw const st).cast::<libc::sockaddr>(), len) };
    if r != 0 {
        let e = std::io::Error::last_os_error();
        if e.raw_os_error() != Some(libc::EINPROGRESS) {
            return Err(e);
        }
    }
    Ok(stream)
}

/// The outcome of a connect started by [`connect_start`] (`SO_ERROR`).
fn connect_outcome(s: &TcpStream) -> std::io::Result<()> {
    let mut err: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: getsockopt on our own socket with a properly sized int.
    let r =
        unsafe { libc::getsockopt(s.as_raw_fd(), libc::SOL_SOCKET, libc::SO_ERROR, (&raw mut err).cast(), &mut len) };
    if r != 0 {
        return Err(std::io::Error::last_os_error());
    }
    if err != 0 {
        return Err(std::io::Error::from_raw_os_error(err));
    }
    Ok(())
}

fn socket_class(rt: &crate::vm::Runtime) -> Arc<Class> {
    let c = new_builtin_class("socket", std::slice::from_ref(&rt.types.object), Layout::Opaque);
    method(&c, "fileno", |vm, a| {
        Ok(Value::Int(match &*this(vm, &a)?.sock.lock() {
            Sock::Listener(l) => l.as_raw_fd() as i64,
            Sock::Stream(s) => s.as_raw_fd() as i64,
            Sock::Closed => -1,
        }))
    });
    method(&c, "accept", |vm, a| {
        let s = this(vm, &a)?;
        let r = match &*s.sock.lock() {
            Sock::Listener(l) => l.accept(),
            _ => return Err(vm.err("OSError", "not a listening socket")),
        };
        match r {
            Ok((st, addr)) => {
                st.set_nonblocking(true).map_err(|e| os_error(vm, e))?;
                let _ = st.set_nodelay(true);
                let ns =
                    Value::from_native(Arc::new(Socket { sock: Mutex::new(Sock::Stream(st)), class: s.class.clone() }));
                Ok(Value::tuple(vec![ns, addr_value(addr)]))
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => Ok(Value::None),
            Err(e) => Err(os_error(vm, e)),
        }
    });
    method(&c, "recv", |vm, a| {
        let n = vm.to_float(&a.pos.get(1).cloned().unwrap_or(Value::Int(65536)))? as usize;
        let s = this(vm, &a)?;
        // Not zeroed, and shrunk to what came (see socket_io's recv).
        let n = n.max(1);
        let mut buf: Vec<u8> = Vec::with_capacity(n);
        let r = match &mut *s.sock.lock() {
            // SAFETY: the buffer has `n` writable bytes.
            Sock::Stream(st) => match unsafe { libc::recv(st.as_raw_fd(), buf.as_mut_ptr().cast(), n, 0) } {
                k if k >= 0 => Ok(k as usize),
                _ => Err(std::io::Error::last_os_error()),
            },
            _ => return Ok(Value::Bytes(Arc::new(Vec::new()))),
        };
        match r {
            Ok(k) => {
                // SAFETY: the kernel wrote the first `k` (≤ n) bytes.
                unsafe { buf.set_len(k) };
                crate::stdlib::socket_io::fit(&mut buf);
                Ok(Value::Bytes(Arc::new(buf)))
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => Ok(Value::None),
            Err(e) => Err(os_error(vm, e)),
        }
    });
    method(&c, "send", |vm, a| {
        let data = match a.pos.get(1) {
            Some(Value::Bytes(b)) => b.clone(),
            _ => return Err(vm.type_error("a bytes-like object is required")),
        };
        let s = this(vm, &a)?;
        let r = match &mut *s.sock.lock() {
            Sock::Stream(st) => st.write(&data),
            _ => return Err(vm.err("OSError", "socket is closed")),
        };
        match r {
            Ok(k) => Ok(Value::Int(k as i64)),
            Err(e) if e.kind() == ErrorKind::WouldBlock => Ok(Value::Int(0)),
            Err(e) => Err(os_error(vm, e)),
        }
    });
    method(&c, "connect_finish", |vm, a| {
        // After the socket turned writable: raise if the connect failed,
        // with CPython's "Connect call failed (host, port)" message.
        let s = this(vm, &a)?;
        let r = match &*s.sock.lock() {
            Sock::Stream(st) => connect_outcome(st),
            _ => return Err(vm.err("OSError", "socket is closed")),
        };
        let Err(e) = r else {
            if let Sock::Stream(st) = &*s.sock.lock() {
                let _ = st.set_nodelay(true);
            }
            return Ok(Value::None);
        };
        let addr = a.pos.get(1).cloned().unwrap_or(Value::None);
        let shown = vm.repr_of(&addr)?;
        let name = match e.kind() {
            ErrorKind::ConnectionRefused => "ConnectionRefusedError",
            ErrorKind::ConnectionReset => "ConnectionResetError",
            ErrorKind::TimedOut => "TimeoutError",
            _ => "OSError",
        };
        let cls = vm.rt.types.exc(name);
        let errno = Value::Int(e.raw_os_error().unwrap_or(0) as i64);
        Err(vm.new_exception(&cls, vec![errno, Value::string(format!("Connect call failed {shown}"))]))
    });
    method(&c, "shutdown_write", |vm, a| {
        if let Sock::Stream(st) = &*this(vm, &a)?.sock.lock() {
            let _ = st.shutdown(std::net::Shutdown::Write);
        }
        Ok(Value::None)
    });
    method(&c, "close", |vm, a| {
        *this(vm, &a)?.sock.lock() = Sock::Closed;
        Ok(Value::None)
    });
    method(&c, "getsockname", |vm, a| {
        let r = match &*this(vm, &a)?.sock.lock() {
            Sock::Listener(l) => l.local_addr(),
            Sock::Stream(s) => s.local_addr(),
            Sock::Closed => return Err(vm.err("OSError", "socket is closed")),
        };
        r.map(addr_value).map_err(|e| os_error(vm, e))
    });
    method(&c, "getpeername", |vm, a| {
        let r = match &*this(vm, &a)?.sock.lock() {
            Sock::Stream(s) => s.peer_addr(),
            _ => return Err(vm.err("OSError", "not connected")),
        };
        r.map(addr_value).map_err(|e| os_error(vm, e))
    });
    c
}

/// Adds `_tcp_listen`, `_tcp_connect` to the module and `_wait_io` to the loop.
pub fn register(vm: &mut Vm, d: &Dict, st: &Arc<AsyncState>) {
    let cls = socket_class(&vm.rt.clone());
    let c1 = cls.clone();
    def(d, "_tcp_listen", move |vm, a| {
        // _tcp_listen(host, port, backlog=100)
        let addr = resolve(vm, &a)?;
        let backlog = match a.pos.get(2) {
            Some(v) if !v.is_none() => vm.index_of(v)?.clamp(0, libc::c_int::MAX as i64) as libc::c_int,
            _ => 100,
        };
        let l = TcpListener::bind(addr).map_err(|e| os_error(vm, e))?;
        // listen(2) again on the bound socket sets start_server's backlog.
        // SAFETY: plain listen(2) on our own socket.
        if unsafe { libc::listen(l.as_raw_fd(), backlog) } != 0 {
            return Err(os_error(vm, std::io::Error::last_os_error()));
        }
        l.set_nonblocking(true).map_err(|e| os_error(vm, e))?;
        Ok(Value::from_native(Arc::new(Socket { sock: Mutex::new(Sock::Listener(l)), class: c1.clone() })))
    });
    def(d, "_tcp_connect", move |vm, a| {
        // Starts the connect; the caller awaits writability, then calls connect_finish.
        let addr = resolve(vm, &a)?;
        let s = connect_start(addr).map_err(|e| os_error(vm, e))?;
        Ok(Value::from_native(Arc::new(Socket { sock: Mutex::new(Sock::Stream(s)), class: cls.clone() })))
    });
    let s = st.clone();
    method(&st.loop_class, "_wait_io", move |vm, a| {
        // loop._wait_io(fd, write) -> a future completed when fd is ready
        let lp: Arc<LoopCore> = match a.pos.first() {
            Some(Value::Native2(o)) if o.as_any().is::<LoopCore>() => {
                let any: Arc<dyn std::any::Any + Send + Sync> = (**o).clone();
                any.downcast::<LoopCore>().map_err(|_| vm.type_error("expected a loop"))?
            }
            _ => return Err(vm.type_error("expected a loop")),
        };
        let fd = vm.to_float(&a.pos.get(1).cloned().unwrap_or(Value::Int(-1)))? as i32;
        let write = vm.truthy(&a.pos.get(2).cloned().unwrap_or(Value::Bool(false)))?;
        let f = Arc::new(Fut::new(s.clone(), Some(lp.clone())));
        lp.io.add(fd, write, f.clone());
        Ok(f.value())
    });
    method(&st.loop_class, "_extra", move |vm, a| {
        // loop._extra() -> the loop's dict for state kept by Python code
        let Some(Value::Native2(o)) = a.pos.first() else { return Err(vm.type_error("expected a loop")) };
        let Some(lp) = o.as_any().downcast_ref::<LoopCore>() else { return Err(vm.type_error("expected a loop")) };
        Ok(lp.extra.lock().get_or_insert_with(|| Value::Dict(Arc::new(Dict::new()))).clone())
    });
}
