//! The calls of `_socket.socket` that may block: accept, connect, send,
//! sendall, sendto, recv, recv_into, recvfrom, recvfrom_into.
//!
//! Each runs with the GIL released and is recorded as a socket wait. As in
//! CPython's `sock_call`, a socket with a timeout waits for readiness with
//! poll(2) before each attempt and raises `TimeoutError('timed out')` when
//! the time is up; a blocking one waits the same way without a deadline, in
//! slices, so Ctrl-C reaches the main thread while it waits.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::socket_addr::{self, SockAddr};
use super::socket_obj::{SockCtx, SockState, cint, count, this};
use crate::object::value::Value;
use crate::runtime::gil::BlockKind;
use crate::runtime::interrupt::InterruptCheck;
use crate::stdlib::posix_args::{errno_error, last_errno};
use crate::vm::{Args, PyResult, Vm};

enum Outcome {
    Done(isize),
    Failed(i32),
    TimedOut,
    Interrupted,
}

/// Waits up to `slice` for `events` on `fd`; true when something happened
/// (readiness, an error or hang-up: the next attempt reports it).
pub fn poll_one(fd: i32, events: i16, slice: Duration) -> bool {
    let mut p = libc::pollfd { fd, events, revents: 0 };
    let ms = slice.as_millis().min(i32::MAX as u128) as i32;
    // SAFETY: one pollfd, valid for the call.
    let r = unsafe { libc::poll(&mut p, 1, ms) };
    r > 0
}

/// The interrupt check of the calling thread (live only in the main thread).
pub fn interrupt_check(vm: &Vm) -> InterruptCheck {
    vm.gil.as_ref().map(|g| g.interrupt_check()).unwrap_or_else(InterruptCheck::never)
}

/// Runs `op` on the socket as CPython's `sock_call`: `write` says which
/// readiness to wait for. `op` returns the system call's result (-1 and
/// errno on failure).
pub(super) fn sock_call(vm: &mut Vm, st: &SockState, write: bool, op: impl FnMut() -> isize) -> PyResult<isize> {
    sock_call_flags(vm, st, write, 0, op)
}

/// [`sock_call`] for a call given `flags`: with `MSG_DONTWAIT` the attempt
/// is made at once and EAGAIN is the caller's error, as in CPython.
pub(super) fn sock_call_flags(
    vm: &mut Vm,
    st: &SockState,
    write: bool,
    flags: i32,
    mut op: impl FnMut() -> isize,
) -> PyResult<isize> {
    if st.fd < 0 {
        return Err(errno_error(vm, libc::EBADF, None, None));
    }
    let deadline = (st.timeout > 0.0).then(|| Instant::now() + Duration::from_secs_f64(st.timeout));
    let events = if write { libc::POLLOUT } else { libc::POLLIN };
    let dontwait = flags & libc::MSG_DONTWAIT != 0;
    loop {
        let check = interrupt_check(vm);
        let out = vm.allow_threads(BlockKind::Socket, || {
            loop {
                if st.timeout != 0.0 && !dontwait {
                    match check.wait_until(deadline, |slice| poll_one(st.fd, events, slice)) {
                        Ok(true) => {}
                        Ok(false) => return Outcome::TimedOut,
                        Err(_) => return Outcome::Interrupted,
                    }
                }
                let r = op();
                if r >= 0 {
                    return Outcome::Done(r);
                }
                let e = last_errno();
                let again = e == libc::EAGAIN || e == libc::EWOULDBLOCK;
                // A blocking socket's EAGAIN comes from MSG_DONTWAIT or
                // SO_RCVTIMEO/SO_SNDTIMEO: the caller's error, as in CPython.
                if e == libc::EINTR || (again && st.timeout > 0.0 && !dontwait) {
                    continue;
                }
                return Outcome::Failed(e);
            }
        });
        match out {
            Outcome::Done(r) => return Ok(r),
            Outcome::Failed(e) => return Err(errno_error(vm, e, None, None)),
            Outcome::TimedOut => return Err(timeout_error(vm)),
            Outcome::Interrupted => super::mod_signal::sigint_arrived(vm)?,
        }
    }
}

/// `TimeoutError('timed out')` (`socket.timeout`).
pub fn timeout_error(vm: &Vm) -> crate::vm::PyErr {
    let cls = vm.rt.types.exc("TimeoutError");
    let e = vm.new_exception(&cls, vec![Value::str("timed out")]);
    vm.chain_context(&e);
    e
}

fn flags_at(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i32> {
    match a.pos.get(i) {
        Some(v) => cint(vm, v),
        None => Ok(0),
    }
}

fn bufsize(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<usize> {
    let n = super::socket_obj::int_of(vm, v)?;
    if n < 0 {
        return Err(vm.value_error(&format!("negative buffersize in {fname}")));
    }
    Ok(n as usize)
}

/// Receives up to `n` bytes; with `from`, also the sender's address.
fn recv_bytes(vm: &mut Vm, st: &SockState, n: usize, flags: i32, from: bool) -> PyResult<(Vec<u8>, Option<Value>)> {
    // Not zeroed: asyncio's transports ask for 256 KiB per call and most
    // reads bring a few bytes, so clearing the buffer was most of a recv.
    let mut buf: Vec<u8> = Vec::with_capacity(n);
    let ptr = buf.as_mut_ptr() as usize;
    let mut addr = SockAddr::empty();
    let aptr = &raw mut addr;
    let r = sock_call_flags(vm, st, false, flags, || {
        // SAFETY: `buf` has `n` writable bytes; `addr` is storage for any address.
        unsafe {
            if from {
                (*aptr).len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
                libc::recvfrom(st.fd, ptr as *mut libc::c_void, n, flags, (*aptr).mut_ptr(), &mut (*aptr).len)
            } else {
                libc::recv(st.fd, ptr as *mut libc::c_void, n, flags)
            }
        }
    })?;
    // SAFETY: the kernel wrote the first `r` (≤ n) bytes.
    unsafe { buf.set_len(r as usize) };
    fit(&mut buf);
    let addr = from.then(|| if addr.len == 0 { Value::None } else { socket_addr::to_value(&addr) });
    Ok((buf, addr))
}

/// Gives back the unused part of a receive buffer when it is most of it, so
/// that a short message does not keep the whole requested size alive (as
/// CPython resizes the bytes object it received into).
pub(super) fn fit(buf: &mut Vec<u8>) {
    if buf.capacity() > 2 * buf.len() + 64 {
        buf.shrink_to_fit();
    }
}

/// Sends `data` once; returns the count sent.
fn send_once(vm: &mut Vm, st: &SockState, data: &[u8], flags: i32, to: Option<&SockAddr>) -> PyResult<usize> {
    let (ptr, len) = (data.as_ptr() as usize, data.len());
    let r = sock_call_flags(vm, st, true, flags, || {
        // SAFETY: `data` outlives the call; MSG_NOSIGNAL turns SIGPIPE into EPIPE.
        unsafe {
            match to {
                Some(a) => {
                    libc::sendto(st.fd, ptr as *const libc::c_void, len, flags | libc::MSG_NOSIGNAL, a.ptr(), a.len)
                }
                None => libc::send(st.fd, ptr as *const libc::c_void, len, flags | libc::MSG_NOSIGNAL),
            }
        }
    })?;
    Ok(r as usize)
}

/// `recv_into`'s buffer and the byte count to read into it.
fn into_target(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<usize> {
    let buf = &a.pos[1];
    let cap = match crate::stdlib::types_memoryview::with_writable(vm, buf, |b| b.len()) {
        Ok(n) => n,
        Err(_) => {
            let tn = vm.type_name(buf);
            return Err(vm.type_error(&format!("{fname}() argument 1 must be read-write bytes-like object, not {tn}")));
        }
    };
    let n = match a.pos.get(2) {
        Some(v) => super::socket_obj::int_of(vm, v)?,
        None => 0,
    };
    if n < 0 {
        return Err(vm.value_error(&format!("negative buffersize in {fname}")));
    }
    if n as usize > cap {
        return Err(vm.value_error(if fname == "recv_into" {
            "buffer too small for requested bytes"
        } else {
            "nbytes is greater than the length of the buffer"
        }));
    }
    Ok(if n == 0 { cap } else { n as usize })
}

fn store_into(vm: &mut Vm, buf: &Value, data: &[u8]) -> PyResult<()> {
    crate::stdlib::types_memoryview::with_writable(vm, buf, |b| b[..data.len()].copy_from_slice(data))
}

fn connect(vm: &mut Vm, ctx: &SockCtx, a: &Args, fname: &str) -> PyResult<i32> {
    count(vm, a, fname, 1, 1)?;
    let st = *this(vm, a)?.st.lock();
    let addr = socket_addr::from_value(vm, &ctx.errs, st.family, &a.pos[1], fname)?;
    if st.fd < 0 {
        return Ok(libc::EBADF);
    }
    let fd = st.fd;
    // A blocking connect runs as one call; otherwise the socket is
    // non-blocking, and a connect in progress is waited for as a write.
    let r = vm.allow_threads(BlockKind::Socket, || {
        // SAFETY: a valid address of the given length.
        let r = unsafe { libc::connect(fd, addr.ptr(), addr.len) };
        if r < 0 { last_errno() } else { 0 }
    });
    let in_progress = r == libc::EINPROGRESS || (r == libc::EINTR && st.timeout != 0.0);
    if r == 0 || !in_progress || st.timeout == 0.0 {
        return Ok(r);
    }
    // Wait for writability, then read the outcome from SO_ERROR.
    let res = sock_call(vm, &st, true, || {
        let mut err: libc::c_int = 0;
        let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
        // SAFETY: an int-sized option read into an int.
        let r = unsafe { libc::getsockopt(fd, libc::SOL_SOCKET, libc::SO_ERROR, (&raw mut err).cast(), &mut len) };
        if r < 0 { -1 } else { err as isize }
    });
    match res {
        Ok(e) => Ok(e as i32),
        Err(e) => Err(e),
    }
}

/// Defines the blocking methods on the socket class.
pub fn register(ctx: &Arc<SockCtx>) {
    let cls = &ctx.class;
    super::method(cls, "_accept", |vm, a| {
        count(vm, &a, "_accept", 0, 0)?;
        let st = *this(vm, &a)?.st.lock();
        let mut addr = SockAddr::empty();
        let aptr = &raw mut addr;
        let fd = sock_call(vm, &st, false, || {
            // SAFETY: `addr` is storage for any address.
            unsafe {
                (*aptr).len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
                libc::accept4(st.fd, (*aptr).mut_ptr(), &mut (*aptr).len, libc::SOCK_CLOEXEC) as isize
            }
        })?;
        Ok(Value::tuple(vec![Value::Int(fd as i64), socket_addr::to_value(&addr)]))
    });
    let c = ctx.clone();
    super::method(cls, "connect", move |vm, a| match connect(vm, &c, &a, "connect")? {
        0 => Ok(Value::None),
        e => Err(errno_error(vm, e, None, None)),
    });
    let c = ctx.clone();
    super::method(cls, "connect_ex", move |vm, a| Ok(Value::Int(connect(vm, &c, &a, "connect_ex")? as i64)));
    super::method(cls, "recv", |vm, a| {
        count(vm, &a, "recv", 1, 2)?;
        let n = bufsize(vm, &a.pos[1], "recv")?;
        let flags = flags_at(vm, &a, 2)?;
        let st = *this(vm, &a)?.st.lock();
        let (buf, _) = recv_bytes(vm, &st, n, flags, false)?;
        Ok(Value::Bytes(Arc::new(buf)))
    });
    super::method(cls, "recvfrom", |vm, a| {
        count(vm, &a, "recvfrom", 1, 2)?;
        let n = bufsize(vm, &a.pos[1], "recvfrom")?;
        let flags = flags_at(vm, &a, 2)?;
        let st = *this(vm, &a)?.st.lock();
        let (buf, addr) = recv_bytes(vm, &st, n, flags, true)?;
        Ok(Value::tuple(vec![Value::Bytes(Arc::new(buf)), addr.unwrap_or(Value::None)]))
    });
    for (name, from) in [("recv_into", false), ("recvfrom_into", true)] {
        super::method(cls, name, move |vm, mut a| {
            if let Some(v) = a.take_kw("buffer") {
                a.pos.insert(1.min(a.pos.len()), v);
            }
            for (i, k) in [(2, "nbytes"), (3, "flags")] {
                if let Some(v) = a.take_kw(k) {
                    while a.pos.len() < i {
                        a.pos.push(Value::Int(0));
                    }
                    a.pos.insert(i, v);
                }
            }
            count(vm, &a, name, 1, 3)?;
            let n = into_target(vm, &a, name)?;
            let flags = flags_at(vm, &a, 3)?;
            let st = *this(vm, &a)?.st.lock();
            let (buf, addr) = recv_bytes(vm, &st, n, flags, from)?;
            store_into(vm, &a.pos[1], &buf)?;
            let got = Value::Int(buf.len() as i64);
            Ok(if from { Value::tuple(vec![got, addr.unwrap_or(Value::None)]) } else { got })
        });
    }
    super::method(cls, "send", |vm, a| {
        count(vm, &a, "send", 1, 2)?;
        let data = crate::stdlib::buffer::require_bytes(vm, &a.pos[1])?;
        let flags = flags_at(vm, &a, 2)?;
        let st = *this(vm, &a)?.st.lock();
        Ok(Value::Int(send_once(vm, &st, &data, flags, None)? as i64))
    });
    super::method(cls, "sendall", |vm, a| {
        count(vm, &a, "sendall", 1, 2)?;
        let data = crate::stdlib::buffer::require_bytes(vm, &a.pos[1])?;
        let flags = flags_at(vm, &a, 2)?;
        let mut st = *this(vm, &a)?.st.lock();
        // The timeout bounds the whole call, as in CPython 3.5+.
        let deadline = (st.timeout > 0.0).then(|| Instant::now() + Duration::from_secs_f64(st.timeout));
        let mut off = 0;
        while off < data.len() {
            if let Some(d) = deadline {
                let left = d.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(timeout_error(vm));
                }
                st.timeout = left.as_secs_f64();
            }
            off += send_once(vm, &st, &data[off..], flags, None)?;
        }
        Ok(Value::None)
    });
    let c = ctx.clone();
    super::method(cls, "sendto", move |vm, a| {
        let n = a.pos.len().saturating_sub(1);
        if !a.kw.is_empty() {
            return Err(vm.type_error("sendto() takes no keyword arguments"));
        }
        if !(2..=3).contains(&n) {
            return Err(vm.type_error(&format!("sendto() takes 2 or 3 arguments ({n} given)")));
        }
        let data = crate::stdlib::buffer::require_bytes(vm, &a.pos[1])?;
        let flags = if n == 3 { cint(vm, &a.pos[2])? } else { 0 };
        let st = *this(vm, &a)?.st.lock();
        let addr = socket_addr::from_value(vm, &c.errs, st.family, &a.pos[n], "sendto")?;
        Ok(Value::Int(send_once(vm, &st, &data, flags, Some(&addr))? as i64))
    });
}
