//! The rest of `posix`'s descriptor I/O on Linux: positioned and vectored
//! reads and writes (`pread`, `pwrite`, `readv`, `writev`, `preadv`,
//! `pwritev`), in-kernel copies (`sendfile`, `copy_file_range`, `splice`),
//! `pipe2`, `posix_fallocate`/`posix_fadvise`, `lockf`, `eventfd`,
//! `memfd_create`, `getrandom` and extended attributes. Calls that may
//! block release the GIL and are recorded as I/O, as `posix_fd.rs` does.

use std::sync::Arc;

use super::def;
use super::posix_args::{PathArg, bytes_arg, c_int, check, clinic, errno_error, flag, int_arg, last_errno, path_arg};
use super::posix_fd::blocking;
use super::posix_ids::fs_bytes;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::runtime::gil::BlockKind;
use crate::stdlib::buffer::export_of;
use crate::vm::{PyResult, Vm};

/// Linux's largest extended attribute value (<linux/limits.h>).
const XATTR_SIZE_MAX: usize = 65536;

fn req(args: &[Option<Value>], i: usize) -> &Value {
    args[i].as_ref().expect("required")
}

/// A blocking call's result, or the OSError of its errno.
fn io_result(vm: &Vm, (r, e): (isize, i32)) -> PyResult<i64> {
    if r == -1 { Err(errno_error(vm, e, None, None)) } else { Ok(r as i64) }
}

/// The items of a `buffers` argument, which must be a sequence.
fn buffer_seq(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Vec<Value>> {
    let seq = match v {
        // str and bytes are sequences too (their items then fail as buffers).
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => true,
        Value::Instance(_) => vm.class_of(v).lookup("__getitem__").is_some(),
        _ => false,
    };
    if !seq {
        return Err(vm.type_error(&format!("{fname}() arg 2 must be a sequence")));
    }
    vm.collect(v)
}

/// The lengths of writable buffers (bytes is not writable).
fn writable_lens(vm: &mut Vm, bufs: &[Value]) -> PyResult<Vec<usize>> {
    let mut lens = Vec::with_capacity(bufs.len());
    for b in bufs {
        match export_of(b) {
            Some(e) if e.readonly => return Err(vm.err("BufferError", "Object is not writable.")),
            Some(e) => lens.push(e.mem.len()),
            None => {
                let tn = vm.type_name(b);
                return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
            }
        }
    }
    Ok(lens)
}

/// Reads into scratch buffers of `lens` with `f(iovecs)`, then copies the
/// `n` bytes read into the caller's buffers in order.
fn vectored_read(vm: &mut Vm, bufs: &[Value], f: impl Fn(&[libc::iovec]) -> isize) -> PyResult<Value> {
    let lens = writable_lens(vm, bufs)?;
    let mut scratch: Vec<Vec<u8>> = lens.iter().map(|n| vec![0u8; *n]).collect();
    let iov: Vec<libc::iovec> = scratch
        .iter_mut()
        .map(|s| libc::iovec { iov_base: s.as_mut_ptr() as *mut libc::c_void, iov_len: s.len() })
        .collect();
    let n = with_iovecs(vm, &iov, f)?;
    let mut left = n as usize;
    for (b, s) in bufs.iter().zip(&scratch) {
        if left == 0 {
            break;
        }
        let k = left.min(s.len());
        crate::stdlib::types_memoryview::with_writable(vm, b, |dst| {
            let k = k.min(dst.len());
            dst[..k].copy_from_slice(&s[..k]);
        })?;
        left -= k;
    }
    Ok(Value::Int(n))
}

/// Writes the bytes of `bufs` with `f(iovecs)`.
fn vectored_write(vm: &mut Vm, bufs: &[Value], f: impl Fn(&[libc::iovec]) -> isize) -> PyResult<Value> {
    let mut data = Vec::with_capacity(bufs.len());
    for b in bufs {
        data.push(bytes_arg(vm, b)?);
    }
    let iov: Vec<libc::iovec> =
        data.iter().map(|s| libc::iovec { iov_base: s.as_ptr() as *mut libc::c_void, iov_len: s.len() }).collect();
    Ok(Value::Int(with_iovecs(vm, &iov, f)?))
}

/// Runs `f` on `iov` with the GIL released (retried after EINTR as PEP 475
/// says): the byte count, or the OSError.
fn with_iovecs(vm: &mut Vm, iov: &[libc::iovec], f: impl Fn(&[libc::iovec]) -> isize) -> PyResult<i64> {
    let addr = (iov.as_ptr() as usize, iov.len());
    let r = blocking(vm, BlockKind::Io, || {
        // SAFETY: the iovecs and the buffers they point into belong to the
        // caller, which keeps them alive until this returns.
        let iov = unsafe { std::slice::from_raw_parts(addr.0 as *const libc::iovec, addr.1) };
        f(iov)
    })?;
    io_result(vm, r)
}

fn positioned(d: &Dict) {
    def(d, "pread", |vm, a| {
        a.posonly(vm, "pread", 3, 3)?;
        let fd = c_int(vm, &a.pos[0])?;
        let n = int_arg(vm, &a.pos[1])?;
        let off = int_arg(vm, &a.pos[2])?;
        if n < 0 {
            return Err(errno_error(vm, libc::EINVAL, None, None));
        }
        let mut buf = vec![0u8; n as usize];
        let ptr = buf.as_mut_ptr() as usize;
        // SAFETY: `buf` has `n` writable bytes and outlives the call.
        let r = blocking(vm, BlockKind::Io, || unsafe { libc::pread(fd, ptr as *mut libc::c_void, n as usize, off) })?;
        let got = io_result(vm, r)?;
        buf.truncate(got as usize);
        Ok(Value::Bytes(Arc::new(buf)))
    });
    def(d, "pwrite", |vm, a| {
        a.posonly(vm, "pwrite", 3, 3)?;
        let fd = c_int(vm, &a.pos[0])?;
        let data = bytes_arg(vm, &a.pos[1])?;
        let off = int_arg(vm, &a.pos[2])?;
        let (ptr, len) = (data.as_ptr() as usize, data.len());
        // SAFETY: `data` is kept alive by the Arc held here for the call.
        let r = blocking(vm, BlockKind::Io, || unsafe { libc::pwrite(fd, ptr as *const libc::c_void, len, off) })?;
        Ok(Value::Int(io_result(vm, r)?))
    });
    def(d, "readv", |vm, a| {
        a.posonly(vm, "readv", 2, 2)?;
        let fd = c_int(vm, &a.pos[0])?;
        let bufs = buffer_seq(vm, &a.pos[1], "readv")?;
        // SAFETY: the iovecs are valid for the call (see vectored_read).
        vectored_read(vm, &bufs, |iov| unsafe { libc::readv(fd, iov.as_ptr(), iov.len() as libc::c_int) })
    });
    def(d, "writev", |vm, a| {
        a.posonly(vm, "writev", 2, 2)?;
        let fd = c_int(vm, &a.pos[0])?;
        let bufs = buffer_seq(vm, &a.pos[1], "writev")?;
        // SAFETY: the iovecs are valid for the call (see vectored_write).
        vectored_write(vm, &bufs, |iov| unsafe { libc::writev(fd, iov.as_ptr(), iov.len() as libc::c_int) })
    });
    for name in ["preadv", "pwritev"] {
        def(d, name, move |vm, a| {
            a.posonly(vm, name, 3, 4)?;
            let fd = c_int(vm, &a.pos[0])?;
            let bufs = buffer_seq(vm, &a.pos[1], name)?;
            let off = int_arg(vm, &a.pos[2])?;
            let fl = match a.pos.get(3) {
                Some(v) => c_int(vm, v)?,
                None => 0,
            };
            if name == "preadv" {
                // SAFETY: the iovecs are valid for the call (see vectored_read).
                vectored_read(vm, &bufs, |iov| unsafe {
                    libc::preadv2(fd, iov.as_ptr(), iov.len() as libc::c_int, off, fl)
                })
            } else {
                // SAFETY: the iovecs are valid for the call (see vectored_write).
                vectored_write(vm, &bufs, |iov| unsafe {
                    libc::pwritev2(fd, iov.as_ptr(), iov.len() as libc::c_int, off, fl)
                })
            }
        });
    }
}

/// An optional `off_t` argument (None: use and move the file offset).
fn opt_offset(vm: &mut Vm, v: &Option<Value>) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => Ok(Some(int_arg(vm, v)?)),
    }
}

fn copies(d: &Dict) {
    def(d, "sendfile", |vm, a| {
        let args = clinic(vm, &a, "sendfile", &["out_fd", "in_fd", "offset", "count"], 4, 4)?;
        let out = c_int(vm, req(&args, 0))?;
        let inp = c_int(vm, req(&args, 1))?;
        let off = opt_offset(vm, &args[2])?;
        let count = int_arg(vm, req(&args, 3))?.max(0) as usize;
        let r = blocking(vm, BlockKind::Io, || {
            let mut o = off.unwrap_or(0);
            let p = if off.is_some() { &mut o as *mut libc::off_t } else { std::ptr::null_mut() };
            // SAFETY: `p` is null or points at `o`, alive for the call.
            unsafe { libc::sendfile(out, inp, p, count) }
        })?;
        Ok(Value::Int(io_result(vm, r)?))
    });
    def(d, "copy_file_range", |vm, a| {
        let names = ["src", "dst", "count", "offset_src", "offset_dst"];
        let args = clinic(vm, &a, "copy_file_range", &names, 5, 3)?;
        let (src, dst) = (c_int(vm, req(&args, 0))?, c_int(vm, req(&args, 1))?);
        let count = int_arg(vm, req(&args, 2))?;
        if count < 0 {
            return Err(vm.value_error("negative value for 'count' not allowed"));
        }
        let (os, od) = (opt_offset(vm, &args[3])?, opt_offset(vm, &args[4])?);
        let r = blocking(vm, BlockKind::Io, || {
            let (mut a, mut b) = (os.unwrap_or(0), od.unwrap_or(0));
            let pa = if os.is_some() { &mut a as *mut libc::off64_t } else { std::ptr::null_mut() };
            let pb = if od.is_some() { &mut b as *mut libc::off64_t } else { std::ptr::null_mut() };
            // SAFETY: the offsets are null or point at locals alive for the call.
            unsafe { libc::copy_file_range(src, pa, dst, pb, count as usize, 0) as isize }
        })?;
        Ok(Value::Int(io_result(vm, r)?))
    });
    def(d, "splice", |vm, a| {
        let names = ["src", "dst", "count", "offset_src", "offset_dst", "flags"];
        let args = clinic(vm, &a, "splice", &names, 6, 3)?;
        let (src, dst) = (c_int(vm, req(&args, 0))?, c_int(vm, req(&args, 1))?);
        let count = int_arg(vm, req(&args, 2))?;
        if count < 0 {
            return Err(vm.value_error("negative value for 'count' not allowed"));
        }
        let (os, od) = (opt_offset(vm, &args[3])?, opt_offset(vm, &args[4])?);
        let fl = match &args[5] {
            Some(v) => c_int(vm, v)? as libc::c_uint,
            None => 0,
        };
        let r = blocking(vm, BlockKind::Io, || {
            let (mut a, mut b) = (os.unwrap_or(0), od.unwrap_or(0));
            let pa = if os.is_some() { &mut a as *mut libc::loff_t } else { std::ptr::null_mut() };
            let pb = if od.is_some() { &mut b as *mut libc::loff_t } else { std::ptr::null_mut() };
            // SAFETY: the offsets are null or point at locals alive for the call.
            unsafe { libc::splice(src, pa, dst, pb, count as usize, fl) }
        })?;
        Ok(Value::Int(io_result(vm, r)?))
    });
}

/// A call that returns an error number instead of setting errno
/// (`posix_fallocate`, `posix_fadvise`), retried on EINTR.
fn returns_errno(vm: &mut Vm, f: impl Fn() -> libc::c_int) -> PyResult<Value> {
    let r = vm.allow_threads(BlockKind::Io, || {
        loop {
            let r = f();
            if r != libc::EINTR {
                return r;
            }
        }
    });
    if r != 0 {
        return Err(errno_error(vm, r, None, None));
    }
    Ok(Value::None)
}

fn files(d: &Dict) {
    def(d, "pipe2", |vm, a| {
        a.posonly(vm, "pipe2", 1, 1)?;
        let fl = c_int(vm, &a.pos[0])?;
        let mut fds = [0 as libc::c_int; 2];
        // SAFETY: `fds` has room for the two descriptors.
        let r = unsafe { libc::pipe2(fds.as_mut_ptr(), fl) };
        check(vm, r as i64, None)?;
        Ok(Value::tuple(vec![Value::Int(fds[0] as i64), Value::Int(fds[1] as i64)]))
    });
    def(d, "posix_fallocate", |vm, a| {
        a.posonly(vm, "posix_fallocate", 3, 3)?;
        let fd = c_int(vm, &a.pos[0])?;
        let (off, len) = (int_arg(vm, &a.pos[1])?, int_arg(vm, &a.pos[2])?);
        // SAFETY: plain integers.
        returns_errno(vm, || unsafe { libc::posix_fallocate(fd, off, len) })
    });
    def(d, "posix_fadvise", |vm, a| {
        a.posonly(vm, "posix_fadvise", 4, 4)?;
        let fd = c_int(vm, &a.pos[0])?;
        let (off, len) = (int_arg(vm, &a.pos[1])?, int_arg(vm, &a.pos[2])?);
        let adv = c_int(vm, &a.pos[3])?;
        // SAFETY: plain integers.
        returns_errno(vm, || unsafe { libc::posix_fadvise(fd, off, len, adv) })
    });
    def(d, "lockf", |vm, a| {
        a.posonly(vm, "lockf", 3, 3)?;
        let fd = c_int(vm, &a.pos[0])?;
        let cmd = c_int(vm, &a.pos[1])?;
        let len = int_arg(vm, &a.pos[2])?;
        // SAFETY: plain integers; F_LOCK may wait, so the GIL is released.
        let r = blocking(vm, BlockKind::Io, || unsafe { libc::lockf(fd, cmd, len) } as isize)?;
        io_result(vm, r)?;
        Ok(Value::None)
    });
    def(d, "eventfd", |vm, a| {
        let args = clinic(vm, &a, "eventfd", &["initval", "flags"], 2, 1)?;
        let init = int_arg(vm, req(&args, 0))?;
        let init =
            u32::try_from(init).map_err(|_| vm.overflow_error("Python int too large to convert to C unsigned int"))?;
        let fl = match &args[1] {
            Some(v) => c_int(vm, v)?,
            None => libc::EFD_CLOEXEC,
        };
        // SAFETY: plain integers.
        let r = unsafe { libc::eventfd(init, fl) };
        Ok(Value::Int(check(vm, r as i64, None)?))
    });
    def(d, "eventfd_read", |vm, a| {
        let args = clinic(vm, &a, "eventfd_read", &["fd"], 1, 1)?;
        let fd = c_int(vm, req(&args, 0))?;
        let mut v = 0u64;
        let p = &mut v as *mut u64 as usize;
        // SAFETY: reads eight bytes into `v`, alive for the call.
        let r = blocking(vm, BlockKind::Io, || unsafe { libc::read(fd, p as *mut libc::c_void, 8) })?;
        io_result(vm, r)?;
        Ok(Value::from_bigint(num_bigint::BigInt::from(v)))
    });
    def(d, "eventfd_write", |vm, a| {
        let args = clinic(vm, &a, "eventfd_write", &["fd", "value"], 2, 2)?;
        let fd = c_int(vm, req(&args, 0))?;
        let v = match vm.exact_index(req(&args, 1))? {
            Some(Value::Int(i)) if i >= 0 => i as u64,
            Some(Value::BigInt(b)) => {
                use num_traits::ToPrimitive;
                b.to_u64().ok_or_else(|| vm.overflow_error("Python int too large to convert to C unsigned long"))?
            }
            Some(_) => return Err(vm.overflow_error("can't convert negative int to unsigned")),
            None => return Err(vm.type_error("an integer is required")),
        };
        let p = &v as *const u64 as usize;
        // SAFETY: writes the eight bytes of `v`, alive for the call.
        let r = blocking(vm, BlockKind::Io, || unsafe { libc::write(fd, p as *const libc::c_void, 8) })?;
        io_result(vm, r)?;
        Ok(Value::None)
    });
    def(d, "memfd_create", |vm, a| {
        let args = clinic(vm, &a, "memfd_create", &["name", "flags"], 2, 1)?;
        let name = fs_bytes(vm, req(&args, 0))?;
        let fl = match &args[1] {
            Some(v) => c_int(vm, v)? as libc::c_uint,
            None => libc::MFD_CLOEXEC,
        };
        let c = std::ffi::CString::new(name).map_err(|_| vm.value_error("embedded null byte"))?;
        // SAFETY: a NUL-terminated name.
        let r = unsafe { libc::memfd_create(c.as_ptr(), fl) };
        Ok(Value::Int(check(vm, r as i64, None)?))
    });
    def(d, "getrandom", |vm, a| {
        let args = clinic(vm, &a, "getrandom", &["size", "flags"], 2, 1)?;
        let n = int_arg(vm, req(&args, 0))?;
        let fl = match &args[1] {
            Some(v) => c_int(vm, v)? as libc::c_uint,
            None => 0,
        };
        if n < 0 {
            return Err(errno_error(vm, libc::EINVAL, None, None));
        }
        let mut buf = vec![0u8; n as usize];
        let ptr = buf.as_mut_ptr() as usize;
        // SAFETY: `buf` has `n` writable bytes and outlives the call.
        let r = blocking(vm, BlockKind::Io, || unsafe { libc::getrandom(ptr as *mut libc::c_void, n as usize, fl) })?;
        let got = io_result(vm, r)?;
        buf.truncate(got as usize);
        Ok(Value::Bytes(Arc::new(buf)))
    });
}

/// The path (or fd) and attribute name of an xattr call.
fn xattr_target(vm: &mut Vm, fname: &str, p: &Value, attr: Option<&Value>) -> PyResult<(PathArg, Vec<u8>)> {
    let p = path_arg(vm, p, fname, "path", true, fname == "listxattr")?;
    let attr = match attr {
        Some(v) => path_arg(vm, v, fname, "attribute", false, false)?.bytes,
        None => Vec::new(),
    };
    Ok((p, attr))
}

fn cstr(b: &[u8]) -> std::ffi::CString {
    std::ffi::CString::new(b.to_vec()).unwrap_or_default()
}

fn fd_and_follow(vm: &mut Vm, fname: &str, p: &PathArg, follow: bool) -> PyResult<()> {
    if p.fd.is_some() && !follow {
        return Err(vm.value_error(&format!("{fname}: cannot use fd and follow_symlinks together")));
    }
    Ok(())
}

fn xattrs(d: &Dict) {
    def(d, "getxattr", |vm, a| {
        let args = clinic(vm, &a, "getxattr", &["path", "attribute", "follow_symlinks"], 2, 2)?;
        let (p, attr) = xattr_target(vm, "getxattr", req(&args, 0), Some(req(&args, 1)))?;
        let follow = flag(vm, &args[2], true)?;
        fd_and_follow(vm, "getxattr", &p, follow)?;
        let (c, an) = (p.c(), cstr(&attr));
        let mut size = 128usize;
        loop {
            let mut buf = vec![0u8; size];
            let bp = buf.as_mut_ptr() as *mut libc::c_void;
            // SAFETY: NUL-terminated names, `buf` has `size` writable bytes.
            let r = unsafe {
                match p.fd {
                    Some(fd) => libc::fgetxattr(fd, an.as_ptr(), bp, size),
                    None if follow => libc::getxattr(c.as_ptr(), an.as_ptr(), bp, size),
                    None => libc::lgetxattr(c.as_ptr(), an.as_ptr(), bp, size),
                }
            };
            if r == -1 && last_errno() == libc::ERANGE && size < XATTR_SIZE_MAX {
                size = XATTR_SIZE_MAX;
                continue;
            }
            check(vm, r as i64, Some(&p))?;
            buf.truncate(r as usize);
            return Ok(Value::Bytes(Arc::new(buf)));
        }
    });
    def(d, "setxattr", |vm, a| {
        let names = ["path", "attribute", "value", "flags", "follow_symlinks"];
        let args = clinic(vm, &a, "setxattr", &names, 4, 3)?;
        let (p, attr) = xattr_target(vm, "setxattr", req(&args, 0), Some(req(&args, 1)))?;
        let value = bytes_arg(vm, req(&args, 2))?;
        let fl = match &args[3] {
            Some(v) => c_int(vm, v)?,
            None => 0,
        };
        let follow = flag(vm, &args[4], true)?;
        fd_and_follow(vm, "setxattr", &p, follow)?;
        let (c, an) = (p.c(), cstr(&attr));
        let (vp, vl) = (value.as_ptr() as *const libc::c_void, value.len());
        // SAFETY: NUL-terminated names and a value of `vl` bytes.
        let r = unsafe {
            match p.fd {
                Some(fd) => libc::fsetxattr(fd, an.as_ptr(), vp, vl, fl),
                None if follow => libc::setxattr(c.as_ptr(), an.as_ptr(), vp, vl, fl),
                None => libc::lsetxattr(c.as_ptr(), an.as_ptr(), vp, vl, fl),
            }
        };
        check(vm, r as i64, Some(&p))?;
        Ok(Value::None)
    });
    def(d, "removexattr", |vm, a| {
        let args = clinic(vm, &a, "removexattr", &["path", "attribute", "follow_symlinks"], 2, 2)?;
        let (p, attr) = xattr_target(vm, "removexattr", req(&args, 0), Some(req(&args, 1)))?;
        let follow = flag(vm, &args[2], true)?;
        fd_and_follow(vm, "removexattr", &p, follow)?;
        let (c, an) = (p.c(), cstr(&attr));
        // SAFETY: NUL-terminated names.
        let r = unsafe {
            match p.fd {
                Some(fd) => libc::fremovexattr(fd, an.as_ptr()),
                None if follow => libc::removexattr(c.as_ptr(), an.as_ptr()),
                None => libc::lremovexattr(c.as_ptr(), an.as_ptr()),
            }
        };
        check(vm, r as i64, Some(&p))?;
        Ok(Value::None)
    });
    def(d, "listxattr", |vm, a| {
        let args = clinic(vm, &a, "listxattr", &["path", "follow_symlinks"], 1, 0)?;
        let pv = args[0].clone().unwrap_or(Value::None);
        let (p, _) = xattr_target(vm, "listxattr", &pv, None)?;
        let follow = flag(vm, &args[1], true)?;
        fd_and_follow(vm, "listxattr", &p, follow)?;
        let c = p.c();
        let mut size = 256usize;
        loop {
            let mut buf = vec![0u8; size];
            let bp = buf.as_mut_ptr() as *mut libc::c_char;
            // SAFETY: a NUL-terminated path, `buf` has `size` writable bytes.
            let r = unsafe {
                match p.fd {
                    Some(fd) => libc::flistxattr(fd, bp, size),
                    None if follow => libc::listxattr(c.as_ptr(), bp, size),
                    None => libc::llistxattr(c.as_ptr(), bp, size),
                }
            };
            if r == -1 && last_errno() == libc::ERANGE && size < 65536 {
                size = 65536;
                continue;
            }
            check(vm, r as i64, Some(&p))?;
            buf.truncate(r as usize);
            let names = buf.split(|b| *b == 0).filter(|n| !n.is_empty());
            return Ok(Value::list(names.map(|n| p.out(n)).collect()));
        }
    });
}

/// Registers this file's functions in `d`.
pub fn register(d: &Dict) {
    positioned(d);
    copies(d);
    files(d);
    xattrs(d);
}
