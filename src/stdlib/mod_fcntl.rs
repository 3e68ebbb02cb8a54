//! The `fcntl` module: `fcntl`, `ioctl`, `flock` and `lockf` on libc, with
//! Linux's constants and CPython 3.11's argument rules (an int argument, or
//! a buffer of at most 1024 bytes that is copied in and returned). `flock`
//! and `lockf` may wait for another process's lock, so they release the GIL
//! and are recorded as lock waits.

use std::sync::Arc;

use super::buffer::{Mem, export_of};
use super::def;
use super::posix_args::{c_int, check, errno_error, int_arg, last_errno};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::runtime::gil::BlockKind;
use crate::vm::{Args, PyResult, Vm};

/// The most bytes a buffer argument may have (CPython's `FCNTL_BUFSZ`).
const BUFSZ: usize = 1024;

/// Linux (x86-64 glibc) values, as CPython 3.11 exports them.
const CONSTANTS: &[(&str, i64)] = &[
    ("DN_ACCESS", 1),
    ("DN_ATTRIB", 32),
    ("DN_CREATE", 4),
    ("DN_DELETE", 8),
    ("DN_MODIFY", 2),
    ("DN_MULTISHOT", 2_147_483_648),
    ("DN_RENAME", 16),
    ("FASYNC", 8192),
    ("FD_CLOEXEC", 1),
    ("F_ADD_SEALS", 1033),
    ("F_DUPFD", 0),
    ("F_DUPFD_CLOEXEC", 1030),
    ("F_EXLCK", 4),
    ("F_GETFD", 1),
    ("F_GETFL", 3),
    ("F_GETLEASE", 1025),
    ("F_GETLK", 5),
    ("F_GETLK64", 5),
    ("F_GETOWN", 9),
    ("F_GETPIPE_SZ", 1032),
    ("F_GETSIG", 11),
    ("F_GET_SEALS", 1034),
    ("F_NOTIFY", 1026),
    ("F_OFD_GETLK", 36),
    ("F_OFD_SETLK", 37),
    ("F_OFD_SETLKW", 38),
    ("F_RDLCK", 0),
    ("F_SEAL_GROW", 4),
    ("F_SEAL_SEAL", 1),
    ("F_SEAL_SHRINK", 2),
    ("F_SEAL_WRITE", 8),
    ("F_SETFD", 2),
    ("F_SETFL", 4),
    ("F_SETLEASE", 1024),
    ("F_SETLK", 6),
    ("F_SETLK64", 6),
    ("F_SETLKW", 7),
    ("F_SETLKW64", 7),
    ("F_SETOWN", 8),
    ("F_SETPIPE_SZ", 1031),
    ("F_SETSIG", 10),
    ("F_SHLCK", 8),
    ("F_UNLCK", 2),
    ("F_WRLCK", 1),
    ("LOCK_EX", 2),
    ("LOCK_MAND", 32),
    ("LOCK_NB", 4),
    ("LOCK_READ", 64),
    ("LOCK_RW", 192),
    ("LOCK_SH", 1),
    ("LOCK_UN", 8),
    ("LOCK_WRITE", 128),
];

/// CPython's `fildes` converter for this module: an int or an object with
/// `fileno()`, never negative.
fn fd_of(vm: &mut Vm, v: &Value) -> PyResult<libc::c_int> {
    let fd = match v {
        Value::Int(_) | Value::Boolean(_) | Value::BigInt(_) => c_int(vm, v)?,
        _ if vm.class_of(v).lookup("fileno").is_some() => {
            let r = vm.call_method(v, "fileno", vec![])?;
            if !matches!(r, Value::Int(_) | Value::Boolean(_) | Value::BigInt(_)) {
                return Err(vm.type_error("fileno() returned a non-integer"));
            }
            c_int(vm, &r)?
        }
        _ => return Err(vm.type_error("argument must be an int, or have a fileno() method.")),
    };
    if fd < 0 {
        return Err(vm.value_error(&format!("file descriptor cannot be a negative integer ({fd})")));
    }
    Ok(fd)
}

/// The third argument of `fcntl`/`ioctl`: an int, or bytes to pass by address.
enum Arg {
    Int(libc::c_long),
    Buf(Vec<u8>, Option<Mem>),
}

fn arg_of(vm: &mut Vm, v: Option<&Value>, fname: &str) -> PyResult<Arg> {
    let Some(v) = v else { return Ok(Arg::Int(0)) };
    if let Value::Str(s) = v {
        return Ok(Arg::Buf(s.as_str().as_bytes().to_vec(), None));
    }
    if let Some(ex) = export_of(v) {
        let bytes = ex.mem.with(|b| b.to_vec());
        if bytes.len() > BUFSZ {
            return Err(vm.value_error(&format!("{fname} string arg too long")));
        }
        let writable = if ex.readonly { None } else { Some(ex.mem) };
        return Ok(Arg::Buf(bytes, writable));
    }
    Ok(Arg::Int(int_arg(vm, v)? as libc::c_long))
}

/// Calls `f` with the argument: an int directly, a buffer copied into a
/// 1024-byte area whose first `len` bytes come back as bytes (or, for a
/// writable buffer when `mutate`, are written back and the int returned).
fn with_arg(vm: &mut Vm, arg: Arg, fname: &str, mutate: bool, f: impl Fn(libc::c_long) -> libc::c_int) -> PyResult {
    match arg {
        Arg::Int(n) => {
            let r = f(n);
            check(vm, r as i64, None)?;
            Ok(Value::Int(r as i64))
        }
        Arg::Buf(bytes, mem) => {
            if bytes.len() > BUFSZ {
                return Err(vm.value_error(&format!("{fname} string arg too long")));
            }
            let mut buf = [0u8; BUFSZ + 1];
            buf[..bytes.len()].copy_from_slice(&bytes);
            let r = f(buf.as_mut_ptr() as libc::c_long);
            check(vm, r as i64, None)?;
            match mem {
                Some(Mem::Buf(data)) if mutate => {
                    let mut w = data.write();
                    let n = w.len().min(bytes.len());
                    w[..n].copy_from_slice(&buf[..n]);
                    Ok(Value::Int(r as i64))
                }
                _ => Ok(Value::Bytes(Arc::new(buf[..bytes.len()].to_vec()))),
            }
        }
    }
}

fn fcntl(vm: &mut Vm, a: Args) -> PyResult {
    a.posonly(vm, "fcntl", 2, 3)?;
    let fd = fd_of(vm, &a.pos[0])?;
    let cmd = c_int(vm, &a.pos[1])?;
    let arg = arg_of(vm, a.pos.get(2), "fcntl")?;
    // SAFETY: the argument is an int or points to a BUFSZ-byte buffer, the
    // most any fcntl command reads or writes.
    with_arg(vm, arg, "fcntl", false, |x| unsafe { libc::fcntl(fd, cmd, x) })
}

fn ioctl(vm: &mut Vm, a: Args) -> PyResult {
    a.posonly(vm, "ioctl", 2, 4)?;
    let fd = fd_of(vm, &a.pos[0])?;
    let req = int_arg(vm, &a.pos[1])? as libc::c_ulong;
    let arg = arg_of(vm, a.pos.get(2), "ioctl")?;
    let mutate = match a.pos.get(3) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    // SAFETY: as for fcntl: an int or a BUFSZ-byte buffer.
    with_arg(vm, arg, "ioctl", mutate, |x| unsafe { libc::ioctl(fd, req, x) })
}

fn flock(vm: &mut Vm, a: Args) -> PyResult {
    a.posonly(vm, "flock", 2, 2)?;
    let fd = fd_of(vm, &a.pos[0])?;
    let op = c_int(vm, &a.pos[1])?;
    let (r, e) = vm.allow_threads(BlockKind::Lock, || {
        loop {
            // SAFETY: flock takes plain integers.
            let r = unsafe { libc::flock(fd, op) };
            if r == -1 && last_errno() == libc::EINTR {
                continue;
            }
            return (r, last_errno());
        }
    });
    if r == -1 {
        return Err(errno_error(vm, e, None, None));
    }
    Ok(Value::None)
}

fn lockf(vm: &mut Vm, a: Args) -> PyResult {
    a.posonly(vm, "lockf", 2, 5)?;
    let fd = fd_of(vm, &a.pos[0])?;
    let code = c_int(vm, &a.pos[1])?;
    let len = match a.pos.get(2) {
        Some(v) => int_arg(vm, v)?,
        None => 0,
    };
    let start = match a.pos.get(3) {
        Some(v) => int_arg(vm, v)?,
        None => 0,
    };
    let whence = match a.pos.get(4) {
        Some(v) => c_int(vm, v)?,
        None => 0,
    };
    let kind = if code == libc::LOCK_UN {
        libc::F_UNLCK
    } else if code & libc::LOCK_SH != 0 {
        libc::F_RDLCK
    } else if code & libc::LOCK_EX != 0 {
        libc::F_WRLCK
    } else {
        return Err(vm.value_error("unrecognized lockf argument"));
    };
    // SAFETY: an all-zero flock is valid; the fields are set below.
    let mut fl: libc::flock = unsafe { std::mem::zeroed() };
    fl.l_type = kind as libc::c_short;
    fl.l_whence = whence as libc::c_short;
    fl.l_start = start as libc::off_t;
    fl.l_len = len as libc::off_t;
    let cmd = if code & libc::LOCK_NB != 0 { libc::F_SETLK } else { libc::F_SETLKW };
    let (r, e) = vm.allow_threads(BlockKind::Lock, || {
        loop {
            // SAFETY: `fl` is a valid flock for the call.
            let r = unsafe { libc::fcntl(fd, cmd, &fl as *const libc::flock) };
            if r == -1 && last_errno() == libc::EINTR {
                continue;
            }
            return (r, last_errno());
        }
    });
    if r == -1 {
        return Err(errno_error(vm, e, None, None));
    }
    Ok(Value::None)
}

/// Creates the `fcntl` module.
pub fn create(_vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    for (k, v) in CONSTANTS {
        d.set_item_str(k, Value::Int(*v));
    }
    def(&d, "fcntl", fcntl);
    def(&d, "ioctl", ioctl);
    def(&d, "flock", flock);
    def(&d, "lockf", lockf);
    Ok(super::native_util::module("fcntl", d))
}
