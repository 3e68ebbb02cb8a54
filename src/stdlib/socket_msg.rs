//! `_socket.socket.sendmsg`, `recvmsg` and `recvmsg_into`: scatter/gather
//! I/O with ancillary data (`SCM_RIGHTS` descriptors, `SCM_CREDENTIALS`,
//! `IP_PKTINFO`, …) as CPython offers them on Linux.
//!
//! Arguments are checked and copied before the call, the system call runs
//! through `socket_io::sock_call` (GIL released, timeouts, recorded as a
//! socket wait), and received data is copied into Python objects after it.

use std::sync::Arc;

use super::socket_addr::{self, SockAddr};
use super::socket_io::sock_call_flags;
use super::socket_obj::{SockCtx, cint, count, int_of, this};
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// The largest ancillary buffer CPython accepts (its socklen_t limit).
const SOCKLEN_LIMIT: u64 = i32::MAX as u64;

/// `CMSG_LEN(n)` / `CMSG_SPACE(n)` computed in 64 bits, `None` past the
/// socklen_t limit (CPython's OverflowError).
pub fn cmsg_size(n: u64, space: bool) -> Option<u64> {
    // SAFETY: pure arithmetic macros.
    let hdr = unsafe { libc::CMSG_LEN(0) } as u64;
    let align = std::mem::size_of::<usize>() as u64;
    // CMSG_SPACE's bound counts the padding before and after the data
    // (CMSG_SPACE(1)), as CPython's does.
    let reserve = if space { hdr + align } else { hdr };
    if n > SOCKLEN_LIMIT - reserve {
        return None;
    }
    Some(if space { hdr + n.div_ceil(align) * align } else { hdr + n })
}

/// An iterable argument's items, with CPython's TypeError when it is not one.
fn iterable(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Vec<Value>> {
    let it = match vm.get_iter(v) {
        Ok(it) => it,
        Err(_) => return Err(vm.type_error(msg)),
    };
    vm.collect(&it)
}

/// One `(level, type, data)` item of sendmsg's ancillary data.
fn anc_item(vm: &mut Vm, v: &Value) -> PyResult<(i32, i32, Arc<Vec<u8>>)> {
    const WHAT: &str = "[sendmsg() ancillary data items]() argument";
    let items = match v {
        Value::Tuple(_) | Value::List(_) => vm.collect(v)?,
        _ => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(&format!("{WHAT} must be 3-item sequence, not {tn}")));
        }
    };
    if items.len() != 3 {
        return Err(vm.type_error(&format!("{WHAT} must be sequence of length 3, not {}", items.len())));
    }
    let level = cint(vm, &items[0])?;
    let kind = cint(vm, &items[1])?;
    let data = crate::stdlib::buffer::require_bytes(vm, &items[2])?;
    Ok((level, kind, data))
}

/// A control buffer: u64 words so that cmsghdr alignment holds.
fn control_buffer(bytes: usize) -> Vec<u64> {
    vec![0u64; bytes.div_ceil(8)]
}

/// `sendmsg(buffers[, ancdata[, flags[, address]]])`.
fn sendmsg(vm: &mut Vm, ctx: &SockCtx, a: &Args) -> PyResult<Value> {
    count(vm, a, "sendmsg", 1, 4)?;
    let mut bufs = Vec::new();
    for b in iterable(vm, &a.pos[1], "sendmsg() argument 1 must be an iterable")? {
        bufs.push(crate::stdlib::buffer::require_bytes(vm, &b)?);
    }
    let mut anc = Vec::new();
    if let Some(v) = a.pos.get(2) {
        for item in iterable(vm, v, "sendmsg() argument 2 must be an iterable")? {
            anc.push(anc_item(vm, &item)?);
        }
    }
    let flags = match a.pos.get(3) {
        Some(v) => cint(vm, v)?,
        None => 0,
    };
    let st = *this(vm, a)?.st.lock();
    let addr = match a.pos.get(4) {
        None | Some(Value::None) => None,
        Some(v) => Some(socket_addr::from_value(vm, &ctx.errs, st.family, v, "sendmsg")?),
    };
    // The control buffer: CMSG_SPACE for every item, the last one's length
    // without its trailing padding (as CPython sets msg_controllen).
    let mut space: u64 = 0;
    let mut used: u64 = 0;
    for (_, _, data) in &anc {
        let too_much = || vm.overflow_error("ancillary data item too large");
        let s = cmsg_size(data.len() as u64, true).ok_or_else(too_much)?;
        let l = cmsg_size(data.len() as u64, false).ok_or_else(too_much)?;
        used = space + l;
        space += s;
        if space > SOCKLEN_LIMIT {
            return Err(vm.overflow_error("too much ancillary data"));
        }
    }
    let mut control = control_buffer(space as usize);
    let mut iov: Vec<libc::iovec> =
        bufs.iter().map(|b| libc::iovec { iov_base: b.as_ptr() as *mut libc::c_void, iov_len: b.len() }).collect();
    // SAFETY: msghdr is plain old data; every pointer set below outlives the call.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = iov.as_mut_ptr();
    msg.msg_iovlen = iov.len() as _;
    let mut addr_store = addr;
    if let Some(ad) = addr_store.as_mut() {
        msg.msg_name = ad.mut_ptr().cast();
        msg.msg_namelen = ad.len;
    }
    if !anc.is_empty() {
        msg.msg_control = control.as_mut_ptr().cast();
        msg.msg_controllen = space as _;
        // SAFETY: the buffer holds CMSG_SPACE of every item, so each header
        // and its data fit; NXTHDR walks within msg_controllen.
        unsafe {
            let mut c = libc::CMSG_FIRSTHDR(&msg);
            for (level, kind, data) in &anc {
                if c.is_null() {
                    return Err(vm.runtime_error("unexpected NULL result from CMSG_NXTHDR"));
                }
                (*c).cmsg_level = *level;
                (*c).cmsg_type = *kind;
                (*c).cmsg_len = libc::CMSG_LEN(data.len() as u32) as _;
                std::ptr::copy_nonoverlapping(data.as_ptr(), libc::CMSG_DATA(c), data.len());
                c = libc::CMSG_NXTHDR(&msg, c);
            }
        }
        msg.msg_controllen = used as _;
    }
    let mp = &raw mut msg as usize;
    // SAFETY: `msg` and everything it points to live until sock_call returns.
    let r = sock_call_flags(vm, &st, true, flags, || unsafe {
        libc::sendmsg(st.fd, mp as *const libc::msghdr, flags | libc::MSG_NOSIGNAL)
    })?;
    drop(control);
    Ok(Value::Int(r as i64))
}

/// The ancillary buffer size argument (CPython's "invalid … length").
fn anc_size(vm: &mut Vm, v: Option<&Value>) -> PyResult<usize> {
    let n = match v {
        Some(v) => int_of(vm, v)?,
        None => 0,
    };
    if !(0..=SOCKLEN_LIMIT as i64).contains(&n) {
        return Err(vm.value_error("invalid ancillary data buffer length"));
    }
    Ok(n as usize)
}

/// What one recvmsg call brought back.
struct Received {
    nbytes: usize,
    anc: Vec<Value>,
    flags: i32,
    addr: Value,
}

/// Runs recvmsg(2) into `iov` with an ancillary buffer of `ancsize` bytes.
fn recv_into_iov(vm: &mut Vm, a: &Args, iov: &mut [libc::iovec], ancsize: usize, flags: i32) -> PyResult<Received> {
    let st = *this(vm, a)?.st.lock();
    let mut control = control_buffer(ancsize);
    let mut addr = SockAddr::empty();
    // SAFETY: msghdr is plain old data; its pointers outlive the call.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_name = addr.mut_ptr().cast();
    msg.msg_iov = iov.as_mut_ptr();
    msg.msg_iovlen = iov.len() as _;
    if ancsize > 0 {
        msg.msg_control = control.as_mut_ptr().cast();
    }
    let mp = &raw mut msg as usize;
    let start_len = addr.len;
    // SAFETY: `msg`'s buffers live until sock_call returns; each retry
    // restores the lengths the previous attempt may have changed.
    let r = sock_call_flags(vm, &st, false, flags, || unsafe {
        let m = mp as *mut libc::msghdr;
        (*m).msg_namelen = start_len;
        (*m).msg_controllen = ancsize as _;
        libc::recvmsg(st.fd, m, flags)
    })?;
    let mut anc = Vec::new();
    if ancsize > 0 && msg.msg_controllen > 0 {
        let base = control.as_ptr() as usize;
        let end = base + (msg.msg_controllen as usize).min(ancsize);
        // SAFETY: FIRSTHDR/NXTHDR stay within msg_controllen, and each data
        // slice is clipped to the end of what the kernel filled in.
        unsafe {
            let mut c = libc::CMSG_FIRSTHDR(&msg);
            while !c.is_null() {
                let data = libc::CMSG_DATA(c) as usize;
                let declared = ((*c).cmsg_len as usize).saturating_sub(libc::CMSG_LEN(0) as usize);
                let len = declared.min(end.saturating_sub(data));
                let bytes = std::slice::from_raw_parts(data as *const u8, len).to_vec();
                anc.push(Value::tuple(vec![
                    Value::Int((*c).cmsg_level as i64),
                    Value::Int((*c).cmsg_type as i64),
                    Value::Bytes(Arc::new(bytes)),
                ]));
                if ((*c).cmsg_len as usize) < libc::CMSG_LEN(0) as usize {
                    break;
                }
                c = libc::CMSG_NXTHDR(&msg, c);
            }
        }
    }
    addr.len = msg.msg_namelen;
    let addr = if addr.len == 0 { Value::None } else { socket_addr::to_value(&addr) };
    Ok(Received { nbytes: r as usize, anc, flags: msg.msg_flags, addr })
}

fn flags_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i32> {
    match v {
        Some(v) => cint(vm, v),
        None => Ok(0),
    }
}

/// `recvmsg(bufsize[, ancbufsize[, flags]])`.
fn recvmsg(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    count(vm, a, "recvmsg", 1, 3)?;
    let n = int_of(vm, &a.pos[1])?;
    let ancsize = anc_size(vm, a.pos.get(2))?;
    let flags = flags_arg(vm, a.pos.get(3))?;
    if n < 0 {
        return Err(vm.value_error("negative buffer size in recvmsg()"));
    }
    let mut buf = vec![0u8; n as usize];
    let mut iov = [libc::iovec { iov_base: buf.as_mut_ptr().cast(), iov_len: buf.len() }];
    let got = recv_into_iov(vm, a, &mut iov, ancsize, flags)?;
    buf.truncate(got.nbytes);
    let data = Value::Bytes(Arc::new(buf));
    Ok(Value::tuple(vec![data, Value::list(got.anc), Value::Int(got.flags as i64), got.addr]))
}

/// `recvmsg_into(buffers[, ancbufsize[, flags]])`: the data lands in
/// scratch buffers first and is copied into the writable targets after the
/// call, so no object is held locked while the GIL is released.
fn recvmsg_into(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    count(vm, a, "recvmsg_into", 1, 3)?;
    let targets = iterable(vm, &a.pos[1], "recvmsg_into() argument 1 must be an iterable")?;
    let ancsize = anc_size(vm, a.pos.get(2))?;
    let flags = flags_arg(vm, a.pos.get(3))?;
    let mut scratch = Vec::with_capacity(targets.len());
    for t in &targets {
        match crate::stdlib::types_memoryview::with_writable(vm, t, |b| b.len()) {
            Ok(n) => scratch.push(vec![0u8; n]),
            Err(_) => {
                let msg = "recvmsg_into() argument 1 must be an iterable of single-segment read-write buffers";
                return Err(vm.type_error(msg));
            }
        }
    }
    let mut iov: Vec<libc::iovec> =
        scratch.iter_mut().map(|b| libc::iovec { iov_base: b.as_mut_ptr().cast(), iov_len: b.len() }).collect();
    let got = recv_into_iov(vm, a, &mut iov, ancsize, flags)?;
    let mut left = got.nbytes;
    for (t, s) in targets.iter().zip(&scratch) {
        if left == 0 {
            break;
        }
        let k = left.min(s.len());
        crate::stdlib::types_memoryview::with_writable(vm, t, |b| b[..k].copy_from_slice(&s[..k]))?;
        left -= k;
    }
    let n = Value::Int(got.nbytes as i64);
    Ok(Value::tuple(vec![n, Value::list(got.anc), Value::Int(got.flags as i64), got.addr]))
}

/// Defines `sendmsg`, `recvmsg` and `recvmsg_into` on the socket class.
pub fn register(ctx: &Arc<SockCtx>) {
    let c = ctx.clone();
    super::method(&ctx.class, "sendmsg", move |vm, a| sendmsg(vm, &c, &a));
    super::method(&ctx.class, "recvmsg", |vm, a| recvmsg(vm, &a));
    super::method(&ctx.class, "recvmsg_into", |vm, a| recvmsg_into(vm, &a));
}
