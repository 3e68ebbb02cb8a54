//! Owners, user and group ids, priorities and system names in `posix`:
//! `chown`/`lchown`/`fchown` (what `shutil.chown` and `tarfile` call), the
//! `set*id`/`get*id` family, groups, `nice`/`getpriority`, the terminal's
//! process group, device numbers, `mknod`, `pathconf`/`confstr` and their
//! name tables. Each is the libc call CPython makes, with its messages.

use std::sync::Arc;

use num_bigint::Sign;

use super::def;
use super::posix_args::{
    PathArg, c_int, check, clinic, errno_error, fd_arg, flag, fspath, int_arg, last_errno, no_dir_fd, path_arg,
};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// CPython's uid/gid converter: an int in `0..2**32`, or -1 for "leave
/// unchanged"; `what` is `uid` or `gid` in its messages (including its
/// quirk of calling a too-large value that still fits a C long "less than
/// minimum").
pub fn id_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<u32> {
    let tn = vm.type_name(v);
    let not_int = |vm: &Vm| vm.type_error(&format!("{what} should be integer, not {tn}"));
    if matches!(v, Value::Flt(_)) {
        return Err(not_int(vm));
    }
    let less = |vm: &Vm| vm.overflow_error(&format!("{what} is less than minimum"));
    match vm.exact_index(v) {
        Ok(Some(Value::Int(-1))) => Ok(u32::MAX),
        Ok(Some(Value::Int(i))) => u32::try_from(i).map_err(|_| less(vm)),
        Ok(Some(Value::BigInt(b))) if b.sign() == Sign::Minus => Err(less(vm)),
        Ok(Some(_)) => Err(vm.overflow_error(&format!("{what} is greater than maximum"))),
        Ok(None) => Err(not_int(vm)),
        Err(e) if e.exc.class.is_subclass(&vm.rt.types.exc("TypeError")) => Err(not_int(vm)),
        Err(e) => Err(e),
    }
}

/// A name of `confstr_names`/`pathconf_names`/`sysconf_names`: a string
/// looked up in `table`, or an int passed through.
pub fn conf_name(vm: &mut Vm, v: &Value, table: &Dict) -> PyResult<libc::c_int> {
    match v {
        Value::Str(s) => match table.get_item_str(s.as_str()) {
            Some(Value::Int(n)) => Ok(n as libc::c_int),
            _ => Err(vm.value_error("unrecognized configuration name")),
        },
        Value::Int(_) | Value::Boolean(_) | Value::BigInt(_) => c_int(vm, v),
        _ => Err(vm.type_error("configuration names must be strings or integers")),
    }
}

fn names_dict(names: &[(&str, libc::c_int)]) -> Arc<Dict> {
    let d = Dict::new();
    for (k, v) in names {
        d.set_item_str(k, Value::Int(*v as i64));
    }
    Arc::new(d)
}

/// `pathconf_names`, as Linux (glibc) numbers them.
fn pathconf_names() -> Vec<(&'static str, libc::c_int)> {
    use libc::*;
    vec![
        ("PC_LINK_MAX", _PC_LINK_MAX),
        ("PC_MAX_CANON", _PC_MAX_CANON),
        ("PC_MAX_INPUT", _PC_MAX_INPUT),
        ("PC_NAME_MAX", _PC_NAME_MAX),
        ("PC_PATH_MAX", _PC_PATH_MAX),
        ("PC_PIPE_BUF", _PC_PIPE_BUF),
        ("PC_CHOWN_RESTRICTED", _PC_CHOWN_RESTRICTED),
        ("PC_NO_TRUNC", _PC_NO_TRUNC),
        ("PC_VDISABLE", _PC_VDISABLE),
        ("PC_SYNC_IO", _PC_SYNC_IO),
        ("PC_ASYNC_IO", _PC_ASYNC_IO),
        ("PC_PRIO_IO", _PC_PRIO_IO),
        ("PC_SOCK_MAXBUF", _PC_SOCK_MAXBUF),
        ("PC_FILESIZEBITS", _PC_FILESIZEBITS),
        ("PC_REC_INCR_XFER_SIZE", _PC_REC_INCR_XFER_SIZE),
        ("PC_REC_MAX_XFER_SIZE", _PC_REC_MAX_XFER_SIZE),
        ("PC_REC_MIN_XFER_SIZE", _PC_REC_MIN_XFER_SIZE),
        ("PC_REC_XFER_ALIGN", _PC_REC_XFER_ALIGN),
        ("PC_ALLOC_SIZE_MIN", _PC_ALLOC_SIZE_MIN),
        ("PC_SYMLINK_MAX", _PC_SYMLINK_MAX),
    ]
}

/// `confstr_names`: glibc's numbers (the `_CS_*` values of <unistd.h>).
fn confstr_names() -> Vec<(&'static str, libc::c_int)> {
    let mut v = vec![("CS_PATH", 0), ("CS_GNU_LIBC_VERSION", 2), ("CS_GNU_LIBPTHREAD_VERSION", 3)];
    for (i, n) in ["CFLAGS", "LDFLAGS", "LIBS", "LINTFLAGS"].iter().enumerate() {
        v.push((leak(format!("CS_LFS_{n}")), 1000 + i as libc::c_int));
        v.push((leak(format!("CS_LFS64_{n}")), 1004 + i as libc::c_int));
    }
    for (j, m) in ["ILP32_OFF32", "ILP32_OFFBIG", "LP64_OFF64", "LPBIG_OFFBIG"].iter().enumerate() {
        for (i, n) in ["CFLAGS", "LDFLAGS", "LIBS", "LINTFLAGS"].iter().enumerate() {
            v.push((leak(format!("CS_XBS5_{m}_{n}")), 1100 + (4 * j + i) as libc::c_int));
        }
    }
    v
}

/// The table is built once per `posix` module; its names live as long as
/// the process, as the C tables' do.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// Resets errno, runs `f`, and fails when it returned -1 with errno set
/// (the calls whose -1 may also be a valid result).
fn errno_checked(vm: &Vm, path: Option<&PathArg>, f: impl FnOnce() -> libc::c_long) -> PyResult<libc::c_long> {
    // SAFETY: clears this thread's errno.
    unsafe { *libc::__errno_location() = 0 };
    let r = f();
    if r == -1 && last_errno() != 0 {
        let obj = path.map(|p| &p.obj).filter(|o| !o.is_none());
        return Err(errno_error(vm, last_errno(), obj, None));
    }
    Ok(r)
}

fn req(args: &[Option<Value>], i: usize) -> &Value {
    args[i].as_ref().expect("required")
}

fn ownership(d: &Dict) {
    def(d, "chown", |vm, a| {
        let args = clinic(vm, &a, "chown", &["path", "uid", "gid", "dir_fd", "follow_symlinks"], 3, 3)?;
        let p = path_arg(vm, req(&args, 0), "chown", "path", true, false)?;
        let uid = id_arg(vm, req(&args, 1), "uid")?;
        let gid = id_arg(vm, req(&args, 2), "gid")?;
        no_dir_fd(vm, &args[3], "chown")?;
        let follow = flag(vm, &args[4], true)?;
        let r = match p.fd {
            Some(_) if !follow => {
                return Err(vm.value_error("chown: cannot use fd and follow_symlinks together"));
            }
            // SAFETY: fchown only reads the descriptor number.
            Some(fd) => unsafe { libc::fchown(fd, uid, gid) },
            None => {
                let c = p.c();
                // SAFETY: a NUL-terminated path.
                unsafe { if follow { libc::chown(c.as_ptr(), uid, gid) } else { libc::lchown(c.as_ptr(), uid, gid) } }
            }
        };
        check(vm, r as i64, Some(&p))?;
        Ok(Value::None)
    });
    def(d, "lchown", |vm, a| {
        let args = clinic(vm, &a, "lchown", &["path", "uid", "gid"], 3, 3)?;
        let p = path_arg(vm, req(&args, 0), "lchown", "path", false, false)?;
        let uid = id_arg(vm, req(&args, 1), "uid")?;
        let gid = id_arg(vm, req(&args, 2), "gid")?;
        let c = p.c();
        // SAFETY: a NUL-terminated path.
        let r = unsafe { libc::lchown(c.as_ptr(), uid, gid) };
        check(vm, r as i64, Some(&p))?;
        Ok(Value::None)
    });
    def(d, "fchown", |vm, a| {
        let args = clinic(vm, &a, "fchown", &["fd", "uid", "gid"], 3, 3)?;
        let fd = c_int(vm, req(&args, 0))?;
        let uid = id_arg(vm, req(&args, 1), "uid")?;
        let gid = id_arg(vm, req(&args, 2), "gid")?;
        // SAFETY: fchown only reads the descriptor number.
        let r = unsafe { libc::fchown(fd, uid, gid) };
        check(vm, r as i64, None)?;
        Ok(Value::None)
    });
    def(d, "chroot", |vm, a| {
        let args = clinic(vm, &a, "chroot", &["path"], 1, 1)?;
        let p = path_arg(vm, req(&args, 0), "chroot", "path", false, false)?;
        let c = p.c();
        // SAFETY: a NUL-terminated path.
        let r = unsafe { libc::chroot(c.as_ptr()) };
        check(vm, r as i64, Some(&p))?;
        Ok(Value::None)
    });
    def(d, "fchdir", |vm, a| {
        let args = clinic(vm, &a, "fchdir", &["fd"], 1, 1)?;
        let fd = fd_arg(vm, req(&args, 0))?;
        // SAFETY: fchdir only reads the descriptor number.
        let r = unsafe { libc::fchdir(fd) };
        check(vm, r as i64, None)?;
        Ok(Value::None)
    });
    def(d, "sync", |vm, a| {
        a.posonly(vm, "sync", 0, 0)?;
        // SAFETY: sync takes no arguments and cannot fail.
        vm.allow_threads(crate::runtime::gil::BlockKind::Io, || unsafe { libc::sync() });
        Ok(Value::None)
    });
}

/// A `set*id` function of `n` ids, positional only.
fn setter(d: &Dict, name: &'static str, whats: &'static [&'static str], f: fn(&[u32]) -> libc::c_int) {
    def(d, name, move |vm, a| {
        a.posonly(vm, name, whats.len(), whats.len())?;
        let mut ids = Vec::with_capacity(whats.len());
        for (v, w) in a.pos.iter().zip(whats) {
            ids.push(id_arg(vm, v, w)?);
        }
        check(vm, f(&ids) as i64, None)?;
        Ok(Value::None)
    });
}

fn ids(d: &Dict) {
    // SAFETY (every setter): the id calls take plain integers.
    setter(d, "setuid", &["uid"], |v| unsafe { libc::setuid(v[0]) });
    setter(d, "setgid", &["gid"], |v| unsafe { libc::setgid(v[0]) });
    setter(d, "seteuid", &["uid"], |v| unsafe { libc::seteuid(v[0]) });
    setter(d, "setegid", &["gid"], |v| unsafe { libc::setegid(v[0]) });
    setter(d, "setreuid", &["uid", "uid"], |v| unsafe { libc::setreuid(v[0], v[1]) });
    setter(d, "setregid", &["gid", "gid"], |v| unsafe { libc::setregid(v[0], v[1]) });
    setter(d, "setresuid", &["uid", "uid", "uid"], |v| unsafe { libc::setresuid(v[0], v[1], v[2]) });
    setter(d, "setresgid", &["gid", "gid", "gid"], |v| unsafe { libc::setresgid(v[0], v[1], v[2]) });
    for name in ["getresuid", "getresgid"] {
        def(d, name, move |vm, a| {
            a.posonly(vm, name, 0, 0)?;
            let (mut r, mut e, mut s) = (0u32, 0u32, 0u32);
            // SAFETY: three valid out-pointers.
            let rc = unsafe {
                if name == "getresuid" {
                    libc::getresuid(&mut r, &mut e, &mut s)
                } else {
                    libc::getresgid(&mut r, &mut e, &mut s)
                }
            };
            check(vm, rc as i64, None)?;
            Ok(Value::tuple(vec![Value::Int(r as i64), Value::Int(e as i64), Value::Int(s as i64)]))
        });
    }
    def(d, "getgroups", |vm, a| {
        a.posonly(vm, "getgroups", 0, 0)?;
        // SAFETY: a zero size asks only for the count.
        let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
        check(vm, n as i64, None)?;
        let mut g = vec![0 as libc::gid_t; n.max(1) as usize];
        // SAFETY: `g` has room for `n` ids.
        let n = unsafe { libc::getgroups(g.len() as libc::c_int, g.as_mut_ptr()) };
        check(vm, n as i64, None)?;
        g.truncate(n as usize);
        Ok(Value::list(g.iter().map(|x| Value::Int(*x as i64)).collect()))
    });
    def(d, "setgroups", |vm, a| {
        a.posonly(vm, "setgroups", 1, 1)?;
        let items = match &a.pos[0] {
            Value::List(_) | Value::Tuple(_) => vm.collect(&a.pos[0])?,
            v if matches!(v, Value::Instance(_)) && vm.class_of(v).lookup("__getitem__").is_some() => vm.collect(v)?,
            _ => return Err(vm.type_error("setgroups argument must be a sequence")),
        };
        let mut g = Vec::with_capacity(items.len());
        for v in &items {
            if !matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Boolean(_)) {
                return Err(vm.type_error("groups must be integers"));
            }
            g.push(id_arg(vm, v, "gid")?);
        }
        // SAFETY: `g` holds `g.len()` ids.
        let r = unsafe { libc::setgroups(g.len(), g.as_ptr()) };
        check(vm, r as i64, None)?;
        Ok(Value::None)
    });
    def(d, "getgrouplist", |vm, a| {
        a.posonly(vm, "getgrouplist", 2, 2)?;
        let Value::Str(user) = &a.pos[0] else {
            let tn = vm.type_name(&a.pos[0]);
            return Err(vm.type_error(&format!("getgrouplist() argument 1 must be str, not {tn}")));
        };
        let user = std::ffi::CString::new(user.as_str()).map_err(|_| vm.value_error("embedded null character"))?;
        let base = id_arg(vm, &a.pos[1], "gid")?;
        let mut n: libc::c_int = 64;
        loop {
            let mut g = vec![0 as libc::gid_t; n as usize];
            let want = n;
            // SAFETY: `g` has room for `n` ids; `n` is updated to the count.
            let r = unsafe { libc::getgrouplist(user.as_ptr(), base, g.as_mut_ptr(), &mut n) };
            if r == -1 {
                n = n.max(want * 2);
                continue;
            }
            g.truncate(n as usize);
            return Ok(Value::list(g.iter().map(|x| Value::Int(*x as i64)).collect()));
        }
    });
    def(d, "initgroups", |vm, a| {
        a.posonly(vm, "initgroups", 2, 2)?;
        let name = fs_bytes(vm, &a.pos[0])?;
        let gid = id_arg(vm, &a.pos[1], "gid")?;
        let c = std::ffi::CString::new(name).map_err(|_| vm.value_error("embedded null byte"))?;
        // SAFETY: a NUL-terminated user name.
        let r = unsafe { libc::initgroups(c.as_ptr(), gid) };
        check(vm, r as i64, None)?;
        Ok(Value::None)
    });
}

/// CPython's `PyUnicode_FSConverter`: str, bytes or a path-like, as bytes.
pub fn fs_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match fspath(vm, v)? {
        Some(p) => match super::types_containers::builtin_of(&p) {
            Value::Str(s) => Ok(s.as_str().as_bytes().to_vec()),
            Value::Bytes(b) => Ok(b.to_vec()),
            _ => unreachable!("fspath gives str or bytes"),
        },
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("expected str, bytes or os.PathLike object, not {tn}")))
        }
    }
}

fn priorities(d: &Dict) {
    def(d, "nice", |vm, a| {
        a.posonly(vm, "nice", 1, 1)?;
        let inc = c_int(vm, &a.pos[0])?;
        // SAFETY: nice takes a plain integer.
        let r = errno_checked(vm, None, || unsafe { libc::nice(inc) } as libc::c_long)?;
        Ok(Value::Int(r as i64))
    });
    def(d, "getpriority", |vm, a| {
        let args = clinic(vm, &a, "getpriority", &["which", "who"], 2, 2)?;
        let which = c_int(vm, req(&args, 0))?;
        let who = c_int(vm, req(&args, 1))?;
        // SAFETY: plain integers.
        let r =
            errno_checked(vm, None, || unsafe { libc::getpriority(which as u32, who as libc::id_t) } as libc::c_long)?;
        Ok(Value::Int(r as i64))
    });
    def(d, "setpriority", |vm, a| {
        let args = clinic(vm, &a, "setpriority", &["which", "who", "priority"], 3, 3)?;
        let which = c_int(vm, req(&args, 0))?;
        let who = c_int(vm, req(&args, 1))?;
        let prio = c_int(vm, req(&args, 2))?;
        // SAFETY: plain integers.
        let r = unsafe { libc::setpriority(which as u32, who as libc::id_t, prio) };
        check(vm, r as i64, None)?;
        Ok(Value::None)
    });
    def(d, "setpgrp", |vm, a| {
        a.posonly(vm, "setpgrp", 0, 0)?;
        // SAFETY: plain integers.
        let r = unsafe { libc::setpgid(0, 0) };
        check(vm, r as i64, None)?;
        Ok(Value::None)
    });
    def(d, "tcgetpgrp", |vm, a| {
        a.posonly(vm, "tcgetpgrp", 1, 1)?;
        let fd = c_int(vm, &a.pos[0])?;
        // SAFETY: queries the descriptor.
        let r = unsafe { libc::tcgetpgrp(fd) };
        Ok(Value::Int(check(vm, r as i64, None)?))
    });
    def(d, "tcsetpgrp", |vm, a| {
        a.posonly(vm, "tcsetpgrp", 2, 2)?;
        let fd = c_int(vm, &a.pos[0])?;
        let pg = int_arg(vm, &a.pos[1])?;
        // SAFETY: plain integers.
        let r = unsafe { libc::tcsetpgrp(fd, pg as libc::pid_t) };
        check(vm, r as i64, None)?;
        Ok(Value::None)
    });
    def(d, "ctermid", |vm, a| {
        a.posonly(vm, "ctermid", 0, 0)?;
        let mut buf = [0 as libc::c_char; 256];
        // SAFETY: `buf` is larger than L_ctermid.
        let p = unsafe { libc::ctermid(buf.as_mut_ptr()) };
        if p.is_null() {
            return Err(errno_error(vm, last_errno(), None, None));
        }
        // SAFETY: ctermid NUL-terminated the name in `buf`.
        let s = unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) };
        Ok(Value::string(s.to_string_lossy().into_owned()))
    });
    def(d, "ttyname", |vm, a| {
        a.posonly(vm, "ttyname", 1, 1)?;
        let fd = c_int(vm, &a.pos[0])?;
        let mut buf = [0 as libc::c_char; 4096];
        // SAFETY: `buf` has room for `buf.len()` bytes.
        let r = unsafe { libc::ttyname_r(fd, buf.as_mut_ptr(), buf.len()) };
        if r != 0 {
            return Err(errno_error(vm, r, None, None));
        }
        // SAFETY: ttyname_r NUL-terminated the name in `buf`.
        let s = unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) };
        Ok(Value::string(s.to_string_lossy().into_owned()))
    });
}

/// A `dev_t` argument (an unsigned 64-bit number).
fn dev_arg(vm: &mut Vm, v: &Value) -> PyResult<u64> {
    match vm.exact_index(v)? {
        Some(Value::Int(i)) if i >= 0 => Ok(i as u64),
        Some(Value::Int(_)) => Err(vm.overflow_error("can't convert negative int to unsigned")),
        Some(Value::BigInt(b)) => {
            use num_traits::ToPrimitive;
            b.to_u64().ok_or_else(|| vm.overflow_error("Python int too large to convert to C unsigned long"))
        }
        _ => Err(vm.type_error("an integer is required")),
    }
}

fn devices(d: &Dict) {
    def(d, "major", |vm, a| {
        a.posonly(vm, "major", 1, 1)?;
        let dev = dev_arg(vm, &a.pos[0])?;
        Ok(Value::Int(libc::major(dev) as i64))
    });
    def(d, "minor", |vm, a| {
        a.posonly(vm, "minor", 1, 1)?;
        let dev = dev_arg(vm, &a.pos[0])?;
        Ok(Value::Int(libc::minor(dev) as i64))
    });
    def(d, "makedev", |vm, a| {
        a.posonly(vm, "makedev", 2, 2)?;
        let ma = int_arg(vm, &a.pos[0])? as u32;
        let mi = int_arg(vm, &a.pos[1])? as u32;
        Ok(Value::Int(libc::makedev(ma, mi) as i64))
    });
    def(d, "mknod", |vm, a| {
        let args = clinic(vm, &a, "mknod", &["path", "mode", "device", "dir_fd"], 3, 1)?;
        let p = path_arg(vm, req(&args, 0), "mknod", "path", false, false)?;
        let mode = match &args[1] {
            Some(m) => c_int(vm, m)?,
            None => 0o600,
        };
        let dev = match &args[2] {
            Some(v) => dev_arg(vm, v)?,
            None => 0,
        };
        no_dir_fd(vm, &args[3], "mknod")?;
        let c = p.c();
        // SAFETY: a NUL-terminated path.
        let r = unsafe { libc::mknod(c.as_ptr(), mode as libc::mode_t, dev) };
        check(vm, r as i64, Some(&p))?;
        Ok(Value::None)
    });
}

fn conf(d: &Dict) {
    let pc = names_dict(&pathconf_names());
    d.set_item_str("pathconf_names", Value::Dict(pc.clone()));
    let t = pc.clone();
    def(d, "pathconf", move |vm, a| {
        let args = clinic(vm, &a, "pathconf", &["path", "name"], 2, 2)?;
        let p = path_arg(vm, req(&args, 0), "pathconf", "path", true, false)?;
        let name = conf_name(vm, req(&args, 1), &t)?;
        let c = p.c();
        let r = errno_checked(vm, Some(&p), || match p.fd {
            // SAFETY: queries the descriptor.
            Some(fd) => unsafe { libc::fpathconf(fd, name) },
            // SAFETY: a NUL-terminated path.
            None => unsafe { libc::pathconf(c.as_ptr(), name) },
        })?;
        Ok(Value::Int(r as i64))
    });
    def(d, "fpathconf", move |vm, a| {
        a.posonly(vm, "fpathconf", 2, 2)?;
        let p = path_arg(vm, &a.pos[0], "fpathconf", "fd", true, false)?;
        let name = conf_name(vm, &a.pos[1], &pc)?;
        let c = p.c();
        let r = errno_checked(vm, None, || match p.fd {
            // SAFETY: queries the descriptor.
            Some(fd) => unsafe { libc::fpathconf(fd, name) },
            // SAFETY: a NUL-terminated path.
            None => unsafe { libc::pathconf(c.as_ptr(), name) },
        })?;
        Ok(Value::Int(r as i64))
    });
    let cs = names_dict(&confstr_names());
    d.set_item_str("confstr_names", Value::Dict(cs.clone()));
    def(d, "confstr", move |vm, a| {
        a.posonly(vm, "confstr", 1, 1)?;
        let name = conf_name(vm, &a.pos[0], &cs)?;
        // SAFETY: clears this thread's errno; a zero length asks for the size.
        unsafe { *libc::__errno_location() = 0 };
        // SAFETY: as above.
        let n = unsafe { libc::confstr(name, std::ptr::null_mut(), 0) };
        if n == 0 {
            if last_errno() != 0 {
                return Err(errno_error(vm, last_errno(), None, None));
            }
            return Ok(Value::None);
        }
        let mut buf = vec![0u8; n];
        // SAFETY: `buf` has room for `n` bytes, the size confstr asked for.
        unsafe { libc::confstr(name, buf.as_mut_ptr() as *mut libc::c_char, n) };
        buf.truncate(n - 1);
        Ok(Value::string(String::from_utf8_lossy(&buf).into_owned()))
    });
}

/// Registers this file's functions in `d`.
pub fn register(d: &Dict) {
    ownership(d);
    ids(d);
    priorities(d);
    devices(d);
    conf(d);
}
