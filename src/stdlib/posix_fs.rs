//! The file-system calls of `posix`: `stat` and its result type, the
//! directory and link operations, permissions and times, the current
//! directory. Each is the libc call CPython makes, with its errors.

use std::sync::Arc;

use num_bigint::BigInt;

use super::def;
use super::posix_args::{PathArg, check, clinic, errno_error, flag, int_arg, last_error, no_dir_fd, path_arg};
use super::structseq::{Spec, new_value};
use crate::object::class::Class;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// `os.stat_result`: ten tuple items (the times as ints), then the float
/// and nanosecond times and the block fields as attributes.
pub const STAT_RESULT: Spec = Spec {
    module: "os",
    name: "stat_result",
    fields: &[
        "st_mode",
        "st_ino",
        "st_dev",
        "st_nlink",
        "st_uid",
        "st_gid",
        "st_size",
        "",
        "",
        "",
        "st_atime",
        "st_mtime",
        "st_ctime",
        "st_atime_ns",
        "st_mtime_ns",
        "st_ctime_ns",
        "st_blksize",
        "st_blocks",
        "st_rdev",
    ],
    n_seq: 10,
};

/// `os.statvfs_result`.
pub const STATVFS_RESULT: Spec = Spec {
    module: "os",
    name: "statvfs_result",
    fields: &[
        "f_bsize",
        "f_frsize",
        "f_blocks",
        "f_bfree",
        "f_bavail",
        "f_files",
        "f_ffree",
        "f_favail",
        "f_flag",
        "f_namemax",
        "f_fsid",
    ],
    n_seq: 10,
};

fn statvfs_value(cls: &Arc<Class>, s: &libc::statvfs) -> Value {
    let v = [
        s.f_bsize as i128,
        s.f_frsize as i128,
        s.f_blocks as i128,
        s.f_bfree as i128,
        s.f_bavail as i128,
        s.f_files as i128,
        s.f_ffree as i128,
        s.f_favail as i128,
        s.f_flag as i128,
        s.f_namemax as i128,
        s.f_fsid as i128,
    ];
    new_value(cls, STATVFS_RESULT, v.iter().map(|x| int128(*x)).collect())
}

fn int128(n: i128) -> Value {
    match i64::try_from(n) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::BigInt(Arc::new(BigInt::from(n))),
    }
}

/// The stat_result of a `struct stat`.
pub fn stat_value(cls: &Arc<Class>, st: &libc::stat) -> Value {
    let times = [(st.st_atime, st.st_atime_nsec), (st.st_mtime, st.st_mtime_nsec), (st.st_ctime, st.st_ctime_nsec)];
    let mut v = vec![
        Value::Int(st.st_mode as i64),
        int128(st.st_ino as i128),
        int128(st.st_dev as i128),
        Value::Int(st.st_nlink as i64),
        Value::Int(st.st_uid as i64),
        Value::Int(st.st_gid as i64),
        Value::Int(st.st_size),
    ];
    v.extend(times.iter().map(|(s, _)| Value::Int(*s)));
    v.extend(times.iter().map(|(s, ns)| Value::Float(*s as f64 + *ns as f64 * 1e-9)));
    v.extend(times.iter().map(|(s, ns)| int128(*s as i128 * 1_000_000_000 + *ns as i128)));
    v.push(Value::Int(st.st_blksize));
    v.push(Value::Int(st.st_blocks));
    v.push(int128(st.st_rdev as i128));
    new_value(cls, STAT_RESULT, v)
}

/// `stat`/`lstat`/`fstat` of a converted path: the raw `struct stat`.
pub fn raw_stat(vm: &Vm, p: &PathArg, follow: bool) -> PyResult<libc::stat> {
    // SAFETY: an all-zero `struct stat` is a valid value to be overwritten.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let r = match p.fd {
        // SAFETY: `st` is a valid out-pointer; the fd is only read.
        Some(fd) => unsafe { libc::fstat(fd, &mut st) },
        None => {
            let c = p.c();
            // SAFETY: `c` is a NUL-terminated path and `st` a valid out-pointer.
            unsafe { if follow { libc::stat(c.as_ptr(), &mut st) } else { libc::lstat(c.as_ptr(), &mut st) } }
        }
    };
    check(vm, r as i64, Some(p))?;
    Ok(st)
}

fn one_path(vm: &mut Vm, a: &crate::vm::Args, fname: &str, allow_fd: bool) -> PyResult<(PathArg, Vec<Option<Value>>)> {
    let args = clinic(vm, a, fname, &["path", "dir_fd"], 1, 1)?;
    no_dir_fd(vm, &args[1], fname)?;
    let p = path_arg(vm, args[0].as_ref().expect("required"), fname, "path", allow_fd, false)?;
    Ok((p, args))
}

/// A libc call on one path that returns 0 or -1.
fn path_call(vm: &mut Vm, p: &PathArg, f: impl FnOnce(*const libc::c_char) -> libc::c_int) -> PyResult<Value> {
    let c = p.c();
    let r = f(c.as_ptr());
    check(vm, r as i64, Some(p))?;
    Ok(Value::None)
}

/// A libc call on two paths; errors name both (`'a' -> 'b'`).
fn two_paths(
    vm: &mut Vm,
    a: &crate::vm::Args,
    fname: &str,
    names: &[&str],
    f: impl FnOnce(*const libc::c_char, *const libc::c_char, &[Option<Value>]) -> libc::c_int,
) -> PyResult<Value> {
    let args = clinic(vm, a, fname, names, if names.get(2) == Some(&"target_is_directory") { 3 } else { 2 }, 2)?;
    let src = path_arg(vm, args[0].as_ref().expect("required"), fname, names[0], false, false)?;
    let dst = path_arg(vm, args[1].as_ref().expect("required"), fname, names[1], false, false)?;
    if src.is_bytes != dst.is_bytes {
        return Err(vm.type_error(&format!("{fname}: src and dst must be the same type")));
    }
    for (i, n) in names.iter().enumerate().skip(2) {
        if n.ends_with("dir_fd") {
            no_dir_fd(vm, &args[i], fname)?;
        }
    }
    let (cs, cd) = (src.c(), dst.c());
    let r = f(cs.as_ptr(), cd.as_ptr(), &args);
    if r == -1 {
        return Err(errno_error(vm, super::posix_args::last_errno(), Some(&src.obj), Some(&dst.obj)));
    }
    Ok(Value::None)
}

fn timespec_of(vm: &mut Vm, v: &Value, ns: bool) -> PyResult<libc::timespec> {
    if ns {
        let n = vm.index_of(v)? as i128;
        return Ok(libc::timespec {
            tv_sec: n.div_euclid(1_000_000_000) as libc::time_t,
            tv_nsec: n.rem_euclid(1_000_000_000) as libc::c_long,
        });
    }
    if let Some(f) = vm.as_f64(v)?
        && let Value::Flt(_) = v
    {
        let s = f.floor();
        let mut nsec = ((f - s) * 1e9).round() as i64;
        let mut sec = s as i64;
        if nsec >= 1_000_000_000 {
            sec += 1;
            nsec -= 1_000_000_000;
        }
        return Ok(libc::timespec { tv_sec: sec as libc::time_t, tv_nsec: nsec as libc::c_long });
    }
    let sec = int_arg(vm, v)?;
    Ok(libc::timespec { tv_sec: sec as libc::time_t, tv_nsec: 0 })
}

fn utime(vm: &mut Vm, a: crate::vm::Args) -> PyResult<Value> {
    let args = clinic(vm, &a, "utime", &["path", "times", "ns", "dir_fd", "follow_symlinks"], 2, 1)?;
    no_dir_fd(vm, &args[3], "utime")?;
    let follow = flag(vm, &args[4], true)?;
    let p = path_arg(vm, args[0].as_ref().expect("required"), "utime", "path", true, false)?;
    let times = args[1].clone().filter(|t| !t.is_none());
    if times.is_some() && args[2].is_some() {
        return Err(vm.value_error("utime: you may specify either 'times' or 'ns' but not both"));
    }
    let pair = |vm: &mut Vm, v: &Value, msg: &str| -> PyResult<Vec<Value>> {
        match v {
            Value::Tuple(t) if t.items.len() == 2 => Ok(t.items.to_vec()),
            _ => Err(vm.type_error(msg)),
        }
    };
    let ts: Option<[libc::timespec; 2]> = if let Some(t) = &times {
        let t = pair(vm, t, "utime: 'times' must be either a tuple of two ints or None")?;
        Some([timespec_of(vm, &t[0], false)?, timespec_of(vm, &t[1], false)?])
    } else if let Some(n) = &args[2] {
        let t = pair(vm, n, "utime: 'ns' must be a tuple of two ints")?;
        Some([timespec_of(vm, &t[0], true)?, timespec_of(vm, &t[1], true)?])
    } else {
        None
    };
    let ptr = ts.as_ref().map(|t| t.as_ptr()).unwrap_or(std::ptr::null());
    let r = match p.fd {
        // SAFETY: `ptr` is null or points at two timespecs that outlive the call.
        Some(fd) => unsafe { libc::futimens(fd, ptr) },
        None => {
            let c = p.c();
            let fl = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: a NUL-terminated path; `ptr` as above.
            unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), ptr, fl) }
        }
    };
    check(vm, r as i64, Some(&p))?;
    Ok(Value::None)
}

/// Directory listing of a path (or an open directory fd) as raw names.
pub fn list_names(vm: &Vm, p: &PathArg) -> PyResult<Vec<Vec<u8>>> {
    use std::os::unix::ffi::OsStrExt;
    let path: std::path::PathBuf = match p.fd {
        Some(fd) => format!("/proc/self/fd/{fd}").into(),
        None => std::path::PathBuf::from(std::ffi::OsStr::from_bytes(&p.bytes)),
    };
    let rd =
        std::fs::read_dir(&path).map_err(|e| errno_error(vm, e.raw_os_error().unwrap_or(0), Some(&p.obj), None))?;
    let mut out = Vec::new();
    for e in rd {
        let e = e.map_err(|e| errno_error(vm, e.raw_os_error().unwrap_or(0), Some(&p.obj), None))?;
        out.push(e.file_name().as_bytes().to_vec());
    }
    Ok(out)
}

fn getcwd_bytes(vm: &Vm) -> PyResult<Vec<u8>> {
    use std::os::unix::ffi::OsStrExt;
    match std::env::current_dir() {
        Ok(p) => Ok(p.as_os_str().as_bytes().to_vec()),
        Err(e) => Err(errno_error(vm, e.raw_os_error().unwrap_or(0), None, None)),
    }
}

/// Registers the file-system functions in the module dict `d`.
pub fn register(d: &Dict, stat_cls: &Arc<Class>, statvfs_cls: &Arc<Class>) {
    for name in ["statvfs", "fstatvfs"] {
        let cls = statvfs_cls.clone();
        def(d, name, move |vm, a| {
            let argname = if name == "statvfs" { "path" } else { "fd" };
            let args = clinic(vm, &a, name, &[argname], 1, 1)?;
            let v = args[0].as_ref().expect("required");
            let p = if name == "statvfs" {
                path_arg(vm, v, name, "path", true, false)?
            } else {
                PathArg {
                    obj: Value::None,
                    bytes: Vec::new(),
                    is_bytes: false,
                    fd: Some(super::posix_args::c_int(vm, v)?),
                }
            };
            // SAFETY: an all-zero statvfs is valid; the call fills it in.
            let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
            let r = match p.fd {
                // SAFETY: `st` is a valid out-pointer.
                Some(fd) => unsafe { libc::fstatvfs(fd, &mut st) },
                None => {
                    let c = p.c();
                    // SAFETY: a NUL-terminated path and a valid out-pointer.
                    unsafe { libc::statvfs(c.as_ptr(), &mut st) }
                }
            };
            check(vm, r as i64, Some(&p))?;
            Ok(statvfs_value(&cls, &st))
        });
    }
    for (name, follow_default) in [("stat", true), ("lstat", false)] {
        let cls = stat_cls.clone();
        def(d, name, move |vm, a| {
            let names: &[&str] =
                if name == "stat" { &["path", "dir_fd", "follow_symlinks"] } else { &["path", "dir_fd"] };
            let args = clinic(vm, &a, name, names, 1, 1)?;
            no_dir_fd(vm, &args[1], name)?;
            let follow = if name == "stat" { flag(vm, &args[2], true)? } else { follow_default };
            let p = path_arg(vm, args[0].as_ref().expect("required"), name, "path", name == "stat", false)?;
            let st = raw_stat(vm, &p, follow)?;
            Ok(stat_value(&cls, &st))
        });
    }
    let cls = stat_cls.clone();
    def(d, "fstat", move |vm, a| {
        let args = clinic(vm, &a, "fstat", &["fd"], 1, 1)?;
        let fd = super::posix_args::c_int(vm, args[0].as_ref().expect("required"))?;
        let p = PathArg { obj: Value::None, bytes: Vec::new(), is_bytes: false, fd: Some(fd) };
        let st = raw_stat(vm, &p, true)?;
        Ok(stat_value(&cls, &st))
    });
    def(d, "listdir", |vm, a| {
        let args = clinic(vm, &a, "listdir", &["path"], 1, 0)?;
        let v = args[0].clone().unwrap_or(Value::None);
        let p = path_arg(vm, &v, "listdir", "path", true, true)?;
        let names = list_names(vm, &p)?;
        Ok(Value::list(names.iter().map(|n| p.out(n)).collect()))
    });
    def(d, "getcwd", |vm, _a| Ok(Value::string(String::from_utf8_lossy(&getcwd_bytes(vm)?).into_owned())));
    def(d, "getcwdb", |vm, _a| Ok(Value::Bytes(Arc::new(getcwd_bytes(vm)?))));
    def(d, "chdir", |vm, a| {
        let args = clinic(vm, &a, "chdir", &["path"], 1, 1)?;
        let p = path_arg(vm, args[0].as_ref().expect("required"), "chdir", "path", true, false)?;
        if let Some(fd) = p.fd {
            // SAFETY: fchdir only reads the descriptor number.
            let r = unsafe { libc::fchdir(fd) };
            check(vm, r as i64, Some(&p))?;
            return Ok(Value::None);
        }
        // SAFETY: a NUL-terminated path.
        path_call(vm, &p, |c| unsafe { libc::chdir(c) })
    });
    def(d, "mkdir", |vm, a| {
        let args = clinic(vm, &a, "mkdir", &["path", "mode", "dir_fd"], 2, 1)?;
        no_dir_fd(vm, &args[2], "mkdir")?;
        let mode = match &args[1] {
            Some(m) => super::posix_args::c_int(vm, m)?,
            None => 0o777,
        };
        let p = path_arg(vm, args[0].as_ref().expect("required"), "mkdir", "path", false, false)?;
        // SAFETY: a NUL-terminated path.
        path_call(vm, &p, |c| unsafe { libc::mkdir(c, mode as libc::mode_t) })
    });
    def(d, "rmdir", |vm, a| {
        let (p, _) = one_path(vm, &a, "rmdir", false)?;
        // SAFETY: a NUL-terminated path.
        path_call(vm, &p, |c| unsafe { libc::rmdir(c) })
    });
    for name in ["unlink", "remove"] {
        def(d, name, move |vm, a| {
            let (p, _) = one_path(vm, &a, name, false)?;
            // SAFETY: a NUL-terminated path.
            path_call(vm, &p, |c| unsafe { libc::unlink(c) })
        });
    }
    def(d, "readlink", |vm, a| {
        let (p, _) = one_path(vm, &a, "readlink", false)?;
        let c = p.c();
        let mut buf = vec![0u8; 4096];
        // SAFETY: `buf` has room for `buf.len()` bytes; readlink never writes more.
        let n = unsafe { libc::readlink(c.as_ptr(), buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
        let n = check(vm, n as i64, Some(&p))?;
        buf.truncate(n as usize);
        Ok(p.out(&buf))
    });
    for name in ["rename", "replace"] {
        def(d, name, move |vm, a| {
            // SAFETY: both are NUL-terminated paths.
            two_paths(vm, &a, name, &["src", "dst", "src_dir_fd", "dst_dir_fd"], |s, t, _| unsafe {
                libc::rename(s, t)
            })
        });
    }
    def(d, "link", |vm, a| {
        let names = ["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"];
        // SAFETY: both are NUL-terminated paths.
        two_paths(vm, &a, "link", &names, |s, t, _| unsafe { libc::link(s, t) })
    });
    def(d, "symlink", |vm, a| {
        let names = ["src", "dst", "target_is_directory", "dir_fd"];
        // SAFETY: both are NUL-terminated paths.
        two_paths(vm, &a, "symlink", &names, |s, t, _| unsafe { libc::symlink(s, t) })
    });
    def(d, "chmod", |vm, a| {
        let args = clinic(vm, &a, "chmod", &["path", "mode", "dir_fd", "follow_symlinks"], 2, 2)?;
        no_dir_fd(vm, &args[2], "chmod")?;
        if !flag(vm, &args[3], true)? {
            return Err(vm.err("NotImplementedError", "chmod: follow_symlinks unavailable on this platform"));
        }
        let p = path_arg(vm, args[0].as_ref().expect("required"), "chmod", "path", true, false)?;
        let mode = super::posix_args::c_int(vm, args[1].as_ref().expect("required"))? as libc::mode_t;
        if let Some(fd) = p.fd {
            // SAFETY: fchmod only reads the descriptor number.
            let r = unsafe { libc::fchmod(fd, mode) };
            check(vm, r as i64, Some(&p))?;
            return Ok(Value::None);
        }
        // SAFETY: a NUL-terminated path.
        path_call(vm, &p, |c| unsafe { libc::chmod(c, mode) })
    });
    def(d, "fchmod", |vm, a| {
        let args = clinic(vm, &a, "fchmod", &["fd", "mode"], 2, 2)?;
        let fd = super::posix_args::c_int(vm, args[0].as_ref().expect("required"))?;
        let mode = super::posix_args::c_int(vm, args[1].as_ref().expect("required"))? as libc::mode_t;
        // SAFETY: fchmod only reads the descriptor number.
        let r = unsafe { libc::fchmod(fd, mode) };
        check(vm, r as i64, None)?;
        Ok(Value::None)
    });
    def(d, "utime", utime);
    def(d, "access", |vm, a| {
        let names = ["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"];
        let args = clinic(vm, &a, "access", &names, 2, 2)?;
        no_dir_fd(vm, &args[2], "access")?;
        let p = path_arg(vm, args[0].as_ref().expect("required"), "access", "path", false, false)?;
        let mode = super::posix_args::c_int(vm, args[1].as_ref().expect("required"))?;
        let mut fl = 0;
        if flag(vm, &args[3], false)? {
            fl |= libc::AT_EACCESS;
        }
        if !flag(vm, &args[4], true)? {
            fl |= libc::AT_SYMLINK_NOFOLLOW;
        }
        let c = p.c();
        // SAFETY: a NUL-terminated path.
        let r = unsafe { libc::faccessat(libc::AT_FDCWD, c.as_ptr(), mode, fl) };
        Ok(Value::Bool(r == 0))
    });
    def(d, "umask", |vm, a| {
        let args = clinic(vm, &a, "umask", &["mask"], 1, 1)?;
        let m = super::posix_args::c_int(vm, args[0].as_ref().expect("required"))?;
        // SAFETY: umask cannot fail.
        let old = unsafe { libc::umask(m as libc::mode_t) };
        Ok(Value::Int(old as i64))
    });
    def(d, "truncate", |vm, a| {
        let args = clinic(vm, &a, "truncate", &["path", "length"], 2, 2)?;
        let p = path_arg(vm, args[0].as_ref().expect("required"), "truncate", "path", true, false)?;
        let len = int_arg(vm, args[1].as_ref().expect("required"))?;
        let r = match p.fd {
            // SAFETY: ftruncate only reads the descriptor number.
            Some(fd) => unsafe { libc::ftruncate(fd, len as libc::off_t) },
            None => {
                let c = p.c();
                // SAFETY: a NUL-terminated path.
                unsafe { libc::truncate(c.as_ptr(), len as libc::off_t) }
            }
        };
        check(vm, r as i64, Some(&p))?;
        Ok(Value::None)
    });
    def(d, "mkfifo", |vm, a| {
        let args = clinic(vm, &a, "mkfifo", &["path", "mode", "dir_fd"], 2, 1)?;
        no_dir_fd(vm, &args[2], "mkfifo")?;
        let mode = match &args[1] {
            Some(m) => super::posix_args::c_int(vm, m)?,
            None => 0o666,
        };
        let p = path_arg(vm, args[0].as_ref().expect("required"), "mkfifo", "path", false, false)?;
        // SAFETY: a NUL-terminated path.
        path_call(vm, &p, |c| unsafe { libc::mkfifo(c, mode as libc::mode_t) })
    });
    let _ = last_error;
}
