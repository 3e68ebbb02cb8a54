//! File descriptors in `posix`: `open`, `read`/`write` (the GIL released
//! while they block, recorded as I/O waits), `lseek`, `pipe`, `dup`, the
//! inheritable and blocking flags, and terminal queries.

use std::sync::Arc;

use super::def;
use super::posix_args::{
    bytes_arg, c_int, check, clinic, errno_error, fd_arg, int_arg, last_errno, no_dir_fd, path_arg,
};
use super::structseq::{Spec, new_value};
use crate::object::class::Class;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::runtime::gil::BlockKind;
use crate::vm::{PyResult, Vm};

/// `os.terminal_size`.
pub const TERMINAL_SIZE: Spec = Spec { module: "os", name: "terminal_size", fields: &["columns", "lines"], n_seq: 2 };

/// Runs a system call with the GIL released, again while it fails with
/// EINTR (PEP 475); returns its result and errno.
pub(super) fn blocking(vm: &mut Vm, kind: BlockKind, mut f: impl FnMut() -> isize) -> PyResult<(isize, i32)> {
    let main = vm.gil.as_ref().is_some_and(|g| g.is_main());
    loop {
        let (r, e) = vm.allow_threads(kind, || {
            let r = f();
            if r == -1 { (r, last_errno()) } else { (r, 0) }
        });
        if e != libc::EINTR {
            return Ok((r, e));
        }
        // PEP 475: a signal interrupted the call; in the main thread its
        // Python handler runs now (an exception it raises ends the call),
        // then the call is retried.
        if main {
            super::mod_signal::sigint_arrived(vm)?;
        }
    }
}

fn fd_flag(
    vm: &mut Vm,
    fd: i32,
    get: libc::c_int,
    set: libc::c_int,
    bit: libc::c_int,
    on: Option<bool>,
) -> PyResult<bool> {
    // SAFETY: fcntl with F_GETFD/F_GETFL only reads the descriptor's flags.
    let fl = unsafe { libc::fcntl(fd, get) };
    check(vm, fl as i64, None)?;
    if let Some(on) = on {
        let new = if on { fl | bit } else { fl & !bit };
        // SAFETY: sets flags on the descriptor; no memory is passed.
        let r = unsafe { libc::fcntl(fd, set, new) };
        check(vm, r as i64, None)?;
    }
    Ok(fl & bit != 0)
}

fn int_pos(vm: &mut Vm, a: &crate::vm::Args, i: usize) -> PyResult<i32> {
    c_int(vm, &a.pos[i])
}

/// Registers the file-descriptor functions in `d`.
pub fn register(vm: &Vm, d: &Dict, term_cls: &Arc<Class>) {
    let _ = vm;
    def(d, "open", |vm, a| {
        let args = clinic(vm, &a, "open", &["path", "flags", "mode", "dir_fd"], 3, 2)?;
        no_dir_fd(vm, &args[3], "open")?;
        let p = path_arg(vm, args[0].as_ref().expect("required"), "open", "path", false, false)?;
        let flags = c_int(vm, args[1].as_ref().expect("required"))? | libc::O_CLOEXEC;
        let mode = match &args[2] {
            Some(m) => c_int(vm, m)?,
            None => 0o777,
        };
        let c = p.c();
        // SAFETY: a NUL-terminated path; the mode is passed as the variadic argument.
        let (r, e) =
            blocking(vm, BlockKind::Io, || unsafe { libc::open(c.as_ptr(), flags, mode as libc::c_uint) } as isize)?;
        if r == -1 {
            return Err(errno_error(vm, e, Some(&p.obj), None));
        }
        Ok(Value::Int(r as i64))
    });
    def(d, "close", |vm, a| {
        let args = clinic(vm, &a, "close", &["fd"], 1, 1)?;
        let fd = c_int(vm, args[0].as_ref().expect("required"))?;
        // SAFETY: closing a number the script owns; no memory is involved.
        let r = unsafe { libc::close(fd) };
        check(vm, r as i64, None)?;
        Ok(Value::None)
    });
    def(d, "closerange", |vm, a| {
        a.posonly(vm, "closerange", 2, 2)?;
        let (lo, hi) = (int_pos(vm, &a, 0)?, int_pos(vm, &a, 1)?);
        for fd in lo.max(0)..hi {
            // SAFETY: as close; errors are ignored, as CPython does.
            unsafe { libc::close(fd) };
        }
        Ok(Value::None)
    });
    def(d, "read", |vm, a| {
        a.posonly(vm, "read", 2, 2)?;
        let fd = int_pos(vm, &a, 0)?;
        let n = int_arg(vm, &a.pos[1])?;
        if n < 0 {
            return Err(errno_error(vm, libc::EINVAL, None, None));
        }
        let mut buf = vec![0u8; n as usize];
        let ptr = buf.as_mut_ptr() as usize;
        // SAFETY: `buf` has `n` writable bytes and outlives the call.
        let (r, e) = blocking(vm, BlockKind::Io, || unsafe { libc::read(fd, ptr as *mut libc::c_void, n as usize) })?;
        if r == -1 {
            return Err(errno_error(vm, e, None, None));
        }
        buf.truncate(r as usize);
        Ok(Value::Bytes(Arc::new(buf)))
    });
    def(d, "write", |vm, a| {
        a.posonly(vm, "write", 2, 2)?;
        let fd = int_pos(vm, &a, 0)?;
        let data = bytes_arg(vm, &a.pos[1])?;
        let (ptr, len) = (data.as_ptr() as usize, data.len());
        // SAFETY: `data` is kept alive by the Arc held here for the call.
        let (r, e) = blocking(vm, BlockKind::Io, || unsafe { libc::write(fd, ptr as *const libc::c_void, len) })?;
        if r == -1 {
            return Err(errno_error(vm, e, None, None));
        }
        Ok(Value::Int(r as i64))
    });
    def(d, "lseek", |vm, a| {
        a.posonly(vm, "lseek", 3, 3)?;
        let fd = int_pos(vm, &a, 0)?;
        let pos = int_arg(vm, &a.pos[1])?;
        let how = int_pos(vm, &a, 2)?;
        // SAFETY: lseek only moves the descriptor's offset.
        let r = unsafe { libc::lseek(fd, pos as libc::off_t, how) };
        Ok(Value::Int(check(vm, r as i64, None)?))
    });
    for name in ["fsync", "fdatasync"] {
        def(d, name, move |vm, a| {
            let args = clinic(vm, &a, name, &["fd"], 1, 1)?;
            let fd = fd_arg(vm, args[0].as_ref().expect("required"))?;
            // SAFETY: flushes the descriptor; no memory is passed.
            let (r, e) = blocking(vm, BlockKind::Io, || unsafe {
                if name == "fsync" { libc::fsync(fd) } else { libc::fdatasync(fd) }
            } as isize)?;
            if r == -1 {
                return Err(errno_error(vm, e, None, None));
            }
            Ok(Value::None)
        });
    }
    def(d, "ftruncate", |vm, a| {
        a.posonly(vm, "ftruncate", 2, 2)?;
        let fd = int_pos(vm, &a, 0)?;
        let len = int_arg(vm, &a.pos[1])?;
        // SAFETY: resizes the open file; no memory is passed.
        let r = unsafe { libc::ftruncate(fd, len as libc::off_t) };
        check(vm, r as i64, None)?;
        Ok(Value::None)
    });
    def(d, "isatty", |vm, a| {
        a.posonly(vm, "isatty", 1, 1)?;
        let fd = int_pos(vm, &a, 0)?;
        // SAFETY: isatty only queries the descriptor.
        Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
    });
    def(d, "pipe", |vm, a| {
        a.posonly(vm, "pipe", 0, 0)?;
        let mut fds = [0 as libc::c_int; 2];
        // SAFETY: `fds` has room for the two descriptors.
        let r = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) };
        check(vm, r as i64, None)?;
        Ok(Value::tuple(vec![Value::Int(fds[0] as i64), Value::Int(fds[1] as i64)]))
    });
    def(d, "openpty", |vm, a| {
        a.posonly(vm, "openpty", 0, 0)?;
        let (mut master, mut slave) = (-1 as libc::c_int, -1 as libc::c_int);
        // SAFETY: openpty writes the two descriptors; no name, termios or size.
        let r =
            unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), std::ptr::null()) };
        check(vm, r as i64, None)?;
        for fd in [master, slave] {
            // SAFETY: CPython's openpty gives non-inheritable descriptors.
            unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
        }
        Ok(Value::tuple(vec![Value::Int(master as i64), Value::Int(slave as i64)]))
    });
    def(d, "dup", |vm, a| {
        a.posonly(vm, "dup", 1, 1)?;
        let fd = int_pos(vm, &a, 0)?;
        // SAFETY: duplicates a descriptor; no memory is passed.
        let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
        Ok(Value::Int(check(vm, r as i64, None)?))
    });
    def(d, "dup2", |vm, a| {
        let args = clinic(vm, &a, "dup2", &["fd", "fd2", "inheritable"], 3, 2)?;
        let fd = c_int(vm, args[0].as_ref().expect("required"))?;
        let fd2 = c_int(vm, args[1].as_ref().expect("required"))?;
        let inh = super::posix_args::flag(vm, &args[2], true)?;
        let fl = if inh { 0 } else { libc::O_CLOEXEC };
        // SAFETY: duplicates a descriptor onto another; no memory is passed.
        let r = if fd == fd2 { unsafe { libc::fcntl(fd, libc::F_GETFD) } } else { unsafe { libc::dup3(fd, fd2, fl) } };
        check(vm, r as i64, None)?;
        Ok(Value::Int(fd2 as i64))
    });
    def(d, "get_inheritable", |vm, a| {
        a.posonly(vm, "get_inheritable", 1, 1)?;
        let fd = int_pos(vm, &a, 0)?;
        Ok(Value::Bool(!fd_flag(vm, fd, libc::F_GETFD, libc::F_SETFD, libc::FD_CLOEXEC, None)?))
    });
    def(d, "set_inheritable", |vm, a| {
        a.posonly(vm, "set_inheritable", 2, 2)?;
        let fd = int_pos(vm, &a, 0)?;
        let on = int_pos(vm, &a, 1)? != 0;
        fd_flag(vm, fd, libc::F_GETFD, libc::F_SETFD, libc::FD_CLOEXEC, Some(!on))?;
        Ok(Value::None)
    });
    def(d, "get_blocking", |vm, a| {
        a.posonly(vm, "get_blocking", 1, 1)?;
        let fd = int_pos(vm, &a, 0)?;
        Ok(Value::Bool(!fd_flag(vm, fd, libc::F_GETFL, libc::F_SETFL, libc::O_NONBLOCK, None)?))
    });
    def(d, "set_blocking", |vm, a| {
        a.posonly(vm, "set_blocking", 2, 2)?;
        let fd = int_pos(vm, &a, 0)?;
        let on = int_pos(vm, &a, 1)? != 0;
        fd_flag(vm, fd, libc::F_GETFL, libc::F_SETFL, libc::O_NONBLOCK, Some(!on))?;
        Ok(Value::None)
    });
    def(d, "device_encoding", |vm, a| {
        let args = clinic(vm, &a, "device_encoding", &["fd"], 1, 1)?;
        let fd = c_int(vm, args[0].as_ref().expect("required"))?;
        // SAFETY: isatty only queries the descriptor.
        Ok(if unsafe { libc::isatty(fd) } == 1 { Value::str("UTF-8") } else { Value::None })
    });
    let tc = term_cls.clone();
    def(d, "get_terminal_size", move |vm, a| {
        a.posonly(vm, "get_terminal_size", 0, 1)?;
        let fd = if a.pos.is_empty() { 1 } else { int_pos(vm, &a, 0)? };
        // SAFETY: an all-zero winsize is valid; ioctl fills it in.
        let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
        // SAFETY: TIOCGWINSZ writes one winsize into `ws`.
        let r = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) };
        check(vm, r as i64, None)?;
        Ok(new_value(&tc, TERMINAL_SIZE, vec![Value::Int(ws.ws_col as i64), Value::Int(ws.ws_row as i64)]))
    });
}
