//! Non-blocking TCP sockets for asyncio streams (`_asyncio._tcp_listen`,
//! `_tcp_connect`, and the loop's `_wait_io`); `py/_asyncio_streams.py`
//! builds StreamReader/StreamWriter/Server on top.

use std::io::{ErrorKind, Read, Write};
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
use crate::runtime::gil::BlockKind;
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
        let mut buf = vec![0u8; n.max(1)];
        let r = match &mut *s.sock.lock() {
            Sock::Stream(st) => st.read(&mut buf),
            _ => return Ok(Value::Bytes(Arc::new(Vec::new()))),
        };
        match r {
            Ok(k) => {
                buf.truncate(k);
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
        let addr = resolve(vm, &a)?;
        let l = TcpListener::bind(addr).map_err(|e| os_error(vm, e))?;
        l.set_nonblocking(true).map_err(|e| os_error(vm, e))?;
        Ok(Value::from_native(Arc::new(Socket { sock: Mutex::new(Sock::Listener(l)), class: c1.clone() })))
    });
    def(d, "_tcp_connect", move |vm, a| {
        let addr = resolve(vm, &a)?;
        let r = vm.allow_threads(BlockKind::Io, || TcpStream::connect(addr));
        let s = r.map_err(|e| os_error(vm, e))?;
        s.set_nonblocking(true).map_err(|e| os_error(vm, e))?;
        let _ = s.set_nodelay(true);
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
}
