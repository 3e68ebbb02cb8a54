//! The `posix` module with CPython 3.11's API, on libc: what CPython's own
//! `os.py`, `posixpath.py`, `shutil.py` and `tempfile.py` rest on. This file
//! holds the module, its constants, the environment and the process
//! calls; paths and files are in `posix_fs.rs`, `posix_dir.rs` and
//! `posix_fd.rs`, argument and error helpers in `posix_args.rs`.

use std::os::unix::ffi::OsStrExt;
use std::sync::Arc;

use super::def;
use super::posix_args::{c_int, check, clinic, errno_error, exactly, fspath, int_arg, last_errno, path_arg, strerror};
use super::structseq::{Spec, make_class, new_value};
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::runtime::gil::BlockKind;
use crate::vm::{PyResult, Vm};

const UNAME_RESULT: Spec = Spec {
    module: "posix",
    name: "uname_result",
    fields: &["sysname", "nodename", "release", "version", "machine"],
    n_seq: 5,
};
const TIMES_RESULT: Spec = Spec {
    module: "posix",
    name: "times_result",
    fields: &["user", "system", "children_user", "children_system", "elapsed"],
    n_seq: 5,
};

/// Integer constants, as Linux (x86-64 glibc) defines them.
fn constants() -> Vec<(&'static str, i64)> {
    use libc::*;
    vec![
        ("F_OK", F_OK as i64),
        ("R_OK", R_OK as i64),
        ("W_OK", W_OK as i64),
        ("X_OK", X_OK as i64),
        ("O_RDONLY", O_RDONLY as i64),
        ("O_WRONLY", O_WRONLY as i64),
        ("O_RDWR", O_RDWR as i64),
        ("O_ACCMODE", O_ACCMODE as i64),
        ("O_APPEND", O_APPEND as i64),
        ("O_CREAT", O_CREAT as i64),
        ("O_EXCL", O_EXCL as i64),
        ("O_TRUNC", O_TRUNC as i64),
        ("O_NONBLOCK", O_NONBLOCK as i64),
        ("O_NDELAY", O_NDELAY as i64),
        ("O_SYNC", O_SYNC as i64),
        ("O_DSYNC", O_DSYNC as i64),
        ("O_RSYNC", O_RSYNC as i64),
        ("O_NOCTTY", O_NOCTTY as i64),
        ("O_CLOEXEC", O_CLOEXEC as i64),
        ("O_DIRECTORY", O_DIRECTORY as i64),
        ("O_NOFOLLOW", O_NOFOLLOW as i64),
        ("O_NOATIME", O_NOATIME as i64),
        ("O_PATH", O_PATH as i64),
        ("O_TMPFILE", O_TMPFILE as i64),
        ("O_ASYNC", O_ASYNC as i64),
        ("O_DIRECT", O_DIRECT as i64),
        ("O_LARGEFILE", 0),
        ("SEEK_SET", SEEK_SET as i64),
        ("SEEK_CUR", SEEK_CUR as i64),
        ("SEEK_END", SEEK_END as i64),
        ("SEEK_DATA", SEEK_DATA as i64),
        ("SEEK_HOLE", SEEK_HOLE as i64),
        ("WNOHANG", WNOHANG as i64),
        ("WUNTRACED", WUNTRACED as i64),
        ("WCONTINUED", WCONTINUED as i64),
        ("WEXITED", WEXITED as i64),
        ("WSTOPPED", WSTOPPED as i64),
        ("WNOWAIT", WNOWAIT as i64),
        ("F_LOCK", F_LOCK as i64),
        ("F_TLOCK", F_TLOCK as i64),
        ("F_ULOCK", F_ULOCK as i64),
        ("F_TEST", F_TEST as i64),
        ("EX_OK", 0),
        ("EX_USAGE", 64),
        ("EX_DATAERR", 65),
        ("EX_NOINPUT", 66),
        ("EX_NOUSER", 67),
        ("EX_NOHOST", 68),
        ("EX_UNAVAILABLE", 69),
        ("EX_SOFTWARE", 70),
        ("EX_OSERR", 71),
        ("EX_OSFILE", 72),
        ("EX_CANTCREAT", 73),
        ("EX_IOERR", 74),
        ("EX_TEMPFAIL", 75),
        ("EX_PROTOCOL", 76),
        ("EX_NOPERM", 77),
        ("EX_CONFIG", 78),
        ("TMP_MAX", 238_328),
        ("NGROUPS_MAX", 65_536),
        ("ST_RDONLY", ST_RDONLY as i64),
        ("ST_NOSUID", ST_NOSUID as i64),
        ("P_PID", P_PID as i64),
        ("P_PGID", P_PGID as i64),
        ("P_ALL", P_ALL as i64),
        // Linux (x86-64 glibc) values of the flags below, as python3 3.11 has them.
        ("CLD_CONTINUED", 6),
        ("CLD_DUMPED", 3),
        ("CLD_EXITED", 1),
        ("CLD_KILLED", 2),
        ("CLD_STOPPED", 5),
        ("CLD_TRAPPED", 4),
        ("EFD_CLOEXEC", 524288),
        ("EFD_NONBLOCK", 2048),
        ("EFD_SEMAPHORE", 1),
        ("GRND_NONBLOCK", 1),
        ("GRND_RANDOM", 2),
        ("MFD_ALLOW_SEALING", 2),
        ("MFD_CLOEXEC", 1),
        ("MFD_HUGETLB", 4),
        ("MFD_HUGE_16GB", 2281701376),
        ("MFD_HUGE_16MB", 1610612736),
        ("MFD_HUGE_1GB", 2013265920),
        ("MFD_HUGE_1MB", 1342177280),
        ("MFD_HUGE_256MB", 1879048192),
        ("MFD_HUGE_2GB", 2080374784),
        ("MFD_HUGE_2MB", 1409286144),
        ("MFD_HUGE_32MB", 1677721600),
        ("MFD_HUGE_512KB", 1275068416),
        ("MFD_HUGE_512MB", 1946157056),
        ("MFD_HUGE_64KB", 1073741824),
        ("MFD_HUGE_8MB", 1543503872),
        ("MFD_HUGE_MASK", 63),
        ("MFD_HUGE_SHIFT", 26),
        ("O_FSYNC", 1052672),
        ("POSIX_FADV_DONTNEED", 4),
        ("POSIX_FADV_NOREUSE", 5),
        ("POSIX_FADV_NORMAL", 0),
        ("POSIX_FADV_RANDOM", 1),
        ("POSIX_FADV_SEQUENTIAL", 2),
        ("POSIX_FADV_WILLNEED", 3),
        ("PRIO_PGRP", 1),
        ("PRIO_PROCESS", 0),
        ("PRIO_USER", 2),
        ("P_PIDFD", 3),
        ("RTLD_DEEPBIND", 8),
        ("RTLD_GLOBAL", 256),
        ("RTLD_LAZY", 1),
        ("RTLD_LOCAL", 0),
        ("RTLD_NODELETE", 4096),
        ("RTLD_NOLOAD", 4),
        ("RTLD_NOW", 2),
        ("RWF_APPEND", 16),
        ("RWF_DSYNC", 2),
        ("RWF_HIPRI", 1),
        ("RWF_NOWAIT", 8),
        ("RWF_SYNC", 4),
        ("SCHED_BATCH", 3),
        ("SCHED_FIFO", 1),
        ("SCHED_IDLE", 5),
        ("SCHED_OTHER", 0),
        ("SCHED_RESET_ON_FORK", 1073741824),
        ("SCHED_RR", 2),
        ("SPLICE_F_MORE", 4),
        ("SPLICE_F_MOVE", 1),
        ("SPLICE_F_NONBLOCK", 2),
        ("ST_APPEND", 256),
        ("ST_MANDLOCK", 64),
        ("ST_NOATIME", 1024),
        ("ST_NODEV", 4),
        ("ST_NODIRATIME", 2048),
        ("ST_NOEXEC", 8),
        ("ST_RELATIME", 4096),
        ("ST_SYNCHRONOUS", 16),
        ("ST_WRITE", 128),
        ("XATTR_CREATE", 1),
        ("XATTR_REPLACE", 2),
        ("XATTR_SIZE_MAX", 65536),
    ]
}

/// The names `sysconf` accepts by string.
fn sysconf_names() -> Vec<(&'static str, libc::c_int)> {
    use libc::*;
    vec![
        ("SC_ARG_MAX", _SC_ARG_MAX),
        ("SC_CHILD_MAX", _SC_CHILD_MAX),
        ("SC_CLK_TCK", _SC_CLK_TCK),
        ("SC_NGROUPS_MAX", _SC_NGROUPS_MAX),
        ("SC_OPEN_MAX", _SC_OPEN_MAX),
        ("SC_PAGESIZE", _SC_PAGESIZE),
        ("SC_PAGE_SIZE", _SC_PAGESIZE),
        ("SC_NPROCESSORS_CONF", _SC_NPROCESSORS_CONF),
        ("SC_NPROCESSORS_ONLN", _SC_NPROCESSORS_ONLN),
        ("SC_PHYS_PAGES", _SC_PHYS_PAGES),
        ("SC_IOV_MAX", _SC_IOV_MAX),
        ("SC_LINE_MAX", _SC_LINE_MAX),
        ("SC_HOST_NAME_MAX", _SC_HOST_NAME_MAX),
        ("SC_LOGIN_NAME_MAX", _SC_LOGIN_NAME_MAX),
        ("SC_TTY_NAME_MAX", _SC_TTY_NAME_MAX),
        ("SC_SYMLOOP_MAX", _SC_SYMLOOP_MAX),
        ("SC_STREAM_MAX", _SC_STREAM_MAX),
        ("SC_TZNAME_MAX", _SC_TZNAME_MAX),
        ("SC_VERSION", _SC_VERSION),
    ]
}

/// `posix.environ`: bytes keys and values, as CPython's (os.py builds the
/// str mapping `os.environ` over it).
fn environ(vm: &mut Vm) -> PyResult<Dict> {
    let d = Dict::new();
    for (k, v) in std::env::vars_os() {
        let k = Value::Bytes(Arc::new(k.as_bytes().to_vec()));
        let v = Value::Bytes(Arc::new(v.as_bytes().to_vec()));
        vm.dict_set(&d, k, v)?;
    }
    Ok(d)
}

/// An environment name or value (`str` or bytes, no NUL).
fn env_arg(vm: &mut Vm, v: &Value, fname: &str, what: &str) -> PyResult<std::ffi::OsString> {
    use std::os::unix::ffi::OsStringExt;
    let p = path_arg(vm, v, fname, what, false, false).map_err(|e| {
        if e.exc.class.is_subclass(&vm.rt.types.exc("ValueError")) { vm.value_error("embedded null byte") } else { e }
    })?;
    Ok(std::ffi::OsString::from_vec(p.bytes))
}

/// A wait status argument, for the `W*` functions.
fn status_fn(d: &Dict, name: &'static str, f: fn(libc::c_int) -> Value) {
    def(d, name, move |vm, a| {
        let args = clinic(vm, &a, name, &["status"], 1, 1)?;
        let s = c_int(vm, args[0].as_ref().expect("required"))?;
        Ok(f(s))
    });
}

fn wrap_status(d: &Dict) {
    status_fn(d, "WIFEXITED", |s| Value::Bool(libc::WIFEXITED(s)));
    status_fn(d, "WEXITSTATUS", |s| Value::Int(libc::WEXITSTATUS(s) as i64));
    status_fn(d, "WIFSIGNALED", |s| Value::Bool(libc::WIFSIGNALED(s)));
    status_fn(d, "WTERMSIG", |s| Value::Int(libc::WTERMSIG(s) as i64));
    status_fn(d, "WIFSTOPPED", |s| Value::Bool(libc::WIFSTOPPED(s)));
    status_fn(d, "WSTOPSIG", |s| Value::Int(libc::WSTOPSIG(s) as i64));
    status_fn(d, "WIFCONTINUED", |s| Value::Bool(libc::WIFCONTINUED(s)));
    status_fn(d, "WCOREDUMP", |s| Value::Bool(libc::WCOREDUMP(s)));
}

fn process(d: &Dict) {
    def(d, "getpid", |_vm, _a| Ok(Value::Int(std::process::id() as i64)));
    def(d, "getppid", |_vm, _a| Ok(Value::Int(std::os::unix::process::parent_id() as i64)));
    // SAFETY (all four): the id getters cannot fail.
    def(d, "getuid", |_vm, _a| Ok(Value::Int(unsafe { libc::getuid() } as i64)));
    def(d, "geteuid", |_vm, _a| Ok(Value::Int(unsafe { libc::geteuid() } as i64)));
    def(d, "getgid", |_vm, _a| Ok(Value::Int(unsafe { libc::getgid() } as i64)));
    def(d, "getegid", |_vm, _a| Ok(Value::Int(unsafe { libc::getegid() } as i64)));
    def(d, "getpgrp", |_vm, _a| Ok(Value::Int(unsafe { libc::getpgrp() } as i64)));
    def(d, "getlogin", |vm, _a| {
        // SAFETY: getlogin returns NULL or a pointer to a static name, copied at once.
        let p = unsafe { libc::getlogin() };
        if p.is_null() {
            return Err(errno_error(vm, last_errno(), None, None));
        }
        // SAFETY: non-null and NUL-terminated.
        let s = unsafe { std::ffi::CStr::from_ptr(p) };
        Ok(Value::string(s.to_string_lossy().into_owned()))
    });
    def(d, "kill", |vm, a| {
        exactly(vm, &a, "kill", 2)?;
        let pid = int_arg(vm, &a.pos[0])?;
        let sig = c_int(vm, &a.pos[1])?;
        // SAFETY: sends a signal; no memory is passed.
        // A signal this thread blocks goes to the process (kill), as CPython
        // sends it, for another thread or a sigwait to take.
        let mask = crate::runtime::interrupt::current_signal_mask();
        // SAFETY: sigismember only reads the valid `mask`.
        let blocked = unsafe { libc::sigismember(&mask, sig) } == 1;
        let to_self = pid == std::process::id() as i64 && !blocked;
        // To ourselves, the signal goes to this thread (raise), so its OS handler
        // has run when the call returns; kill() may hand it to another of gilt's
        // threads, later.
        let r = unsafe { if to_self { libc::raise(sig) } else { libc::kill(pid as libc::pid_t, sig) } };
        check(vm, r as i64, None)?;
        if to_self && vm.is_main_thread {
            // Its Python handler runs now (CPython checks at the next
            // instruction), not at some later loop, which a script that ends
            // here never reaches.
            vm.handle_breaker()?;
        }
        Ok(Value::None)
    });
    def(d, "waitpid", |vm, a| {
        exactly(vm, &a, "waitpid", 2)?;
        let pid = int_arg(vm, &a.pos[0])? as libc::pid_t;
        let options = c_int(vm, &a.pos[1])?;
        let (r, status, e) = vm.allow_threads(BlockKind::Process, || {
            loop {
                let mut status: libc::c_int = 0;
                // SAFETY: `status` is a valid out-pointer.
                let r = unsafe { libc::waitpid(pid, &mut status, options) };
                if r == -1 && last_errno() == libc::EINTR {
                    continue;
                }
                return (r, status, if r == -1 { last_errno() } else { 0 });
            }
        });
        if r == -1 {
            return Err(errno_error(vm, e, None, None));
        }
        Ok(Value::tuple(vec![Value::Int(r as i64), Value::Int(status as i64)]))
    });
    def(d, "waitstatus_to_exitcode", |vm, a| {
        let args = clinic(vm, &a, "waitstatus_to_exitcode", &["status"], 1, 1)?;
        let s = c_int(vm, args[0].as_ref().expect("required"))?;
        if libc::WIFEXITED(s) {
            return Ok(Value::Int(libc::WEXITSTATUS(s) as i64));
        }
        if libc::WIFSIGNALED(s) {
            return Ok(Value::Int(-(libc::WTERMSIG(s) as i64)));
        }
        if libc::WIFSTOPPED(s) {
            let sig = libc::WSTOPSIG(s);
            return Err(vm.value_error(&format!("process stopped by delivery of signal {sig}")));
        }
        Err(vm.value_error(&format!("invalid wait status: {s}")))
    });
    def(d, "_exit", |vm, a| {
        let args = clinic(vm, &a, "_exit", &["status"], 1, 1)?;
        let code = c_int(vm, args[0].as_ref().expect("required"))?;
        use std::io::Write;
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
        std::process::exit(code)
    });
    def(d, "system", |vm, a| {
        let args = clinic(vm, &a, "system", &["command"], 1, 1)?;
        let p = path_arg(vm, args[0].as_ref().expect("required"), "system", "command", false, false)?;
        let cmd = std::ffi::OsStr::from_bytes(&p.bytes).to_os_string();
        let st =
            vm.allow_threads(BlockKind::Process, || std::process::Command::new("/bin/sh").arg("-c").arg(&cmd).status());
        use std::os::unix::process::ExitStatusExt;
        Ok(Value::Int(st.map(|s| s.into_raw() as i64).unwrap_or(-1)))
    });
}

fn environment(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    d.set_item_str("environ", Value::Dict(Arc::new(environ(vm)?)));
    def(d, "putenv", |vm, a| {
        posix_posonly(vm, &a, "putenv", 2)?;
        let k = env_arg(vm, &a.pos[0], "putenv", "name")?;
        let v = env_arg(vm, &a.pos[1], "putenv", "value")?;
        if k.is_empty() || k.as_bytes().contains(&b'=') {
            return Err(vm.value_error("illegal environment variable name"));
        }
        // SAFETY: gilt's own threads read the environment only through
        // std::env, which takes the same lock as set_var.
        unsafe { std::env::set_var(&k, &v) };
        Ok(Value::None)
    });
    def(d, "unsetenv", |vm, a| {
        posix_posonly(vm, &a, "unsetenv", 1)?;
        let k = env_arg(vm, &a.pos[0], "unsetenv", "name")?;
        if k.is_empty() || k.as_bytes().contains(&b'=') {
            return Err(vm.value_error("illegal environment variable name"));
        }
        // SAFETY: as in putenv.
        unsafe { std::env::remove_var(&k) };
        Ok(Value::None)
    });
    Ok(())
}

fn posix_posonly(vm: &mut Vm, a: &crate::vm::Args, fname: &str, n: usize) -> PyResult<()> {
    a.posonly(vm, fname, n, n)
}

fn misc(vm: &Vm, d: &Dict) {
    def(d, "strerror", |vm, a| {
        posix_posonly(vm, &a, "strerror", 1)?;
        let code = c_int(vm, &a.pos[0])?;
        Ok(Value::string(strerror(code)))
    });
    def(d, "fspath", |vm, a| {
        let args = clinic(vm, &a, "fspath", &["path"], 1, 1)?;
        let v = args[0].clone().expect("required");
        match fspath(vm, &v)? {
            Some(p) => Ok(p),
            None => {
                let tn = vm.type_name(&v);
                Err(vm.type_error(&format!("expected str, bytes or os.PathLike object, not {tn}")))
            }
        }
    });
    def(d, "urandom", |vm, a| {
        posix_posonly(vm, &a, "urandom", 1)?;
        let n = int_arg(vm, &a.pos[0])?;
        if n < 0 {
            return Err(vm.value_error("negative argument not allowed"));
        }
        let mut buf = vec![0u8; n as usize];
        let mut got = 0;
        while got < buf.len() {
            // SAFETY: writes at most `len - got` bytes into `buf` past `got`.
            let r = unsafe { libc::getrandom(buf[got..].as_mut_ptr() as *mut libc::c_void, buf.len() - got, 0) };
            if r < 0 {
                if last_errno() == libc::EINTR {
                    continue;
                }
                return Err(errno_error(vm, last_errno(), None, None));
            }
            got += r as usize;
        }
        Ok(Value::Bytes(Arc::new(buf)))
    });
    def(d, "cpu_count", |_vm, _a| {
        // SAFETY: sysconf only reads a system value.
        let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
        Ok(if n < 1 { Value::None } else { Value::Int(n as i64) })
    });
    let names = Dict::new();
    for (k, v) in sysconf_names() {
        names.set_item_str(k, Value::Int(v as i64));
    }
    let names = Arc::new(names);
    d.set_item_str("sysconf_names", Value::Dict(names.clone()));
    def(d, "sysconf", move |vm, a| {
        posix_posonly(vm, &a, "sysconf", 1)?;
        let name = super::posix_ids::conf_name(vm, &a.pos[0], &names)?;
        // errno tells a failure from a limit of -1.
        // SAFETY: clearing this thread's errno and reading a system value.
        unsafe { *libc::__errno_location() = 0 };
        // SAFETY: as above.
        let r = unsafe { libc::sysconf(name) };
        if r == -1 && last_errno() != 0 {
            return Err(errno_error(vm, last_errno(), None, None));
        }
        Ok(Value::Int(r as i64))
    });
    let uname_cls = make_class(vm, UNAME_RESULT);
    d.set_item_str("uname_result", Value::Class(uname_cls.clone()));
    def(d, "uname", move |vm, _a| {
        // SAFETY: an all-zero utsname is valid; uname fills it in.
        let mut u: libc::utsname = unsafe { std::mem::zeroed() };
        // SAFETY: `u` is a valid out-pointer.
        let r = unsafe { libc::uname(&mut u) };
        check(vm, r as i64, None)?;
        let f = |s: &[libc::c_char]| {
            // SAFETY: uname NUL-terminates each field within its array.
            Value::string(unsafe { std::ffi::CStr::from_ptr(s.as_ptr()) }.to_string_lossy().into_owned())
        };
        let v = vec![f(&u.sysname), f(&u.nodename), f(&u.release), f(&u.version), f(&u.machine)];
        Ok(new_value(&uname_cls, UNAME_RESULT, v))
    });
    let times_cls = make_class(vm, TIMES_RESULT);
    d.set_item_str("times_result", Value::Class(times_cls.clone()));
    def(d, "times", move |vm, _a| {
        // SAFETY: an all-zero tms is valid; times fills it in.
        let mut t: libc::tms = unsafe { std::mem::zeroed() };
        // SAFETY: `t` is a valid out-pointer.
        let r = unsafe { libc::times(&mut t) };
        check(vm, r as i64, None)?;
        // SAFETY: sysconf only reads a system value.
        let tck = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
        let v = [t.tms_utime, t.tms_stime, t.tms_cutime, t.tms_cstime, r];
        Ok(new_value(&times_cls, TIMES_RESULT, v.iter().map(|x| Value::Float(*x as f64 / tck)).collect()))
    });
    def(d, "getloadavg", |vm, _a| {
        let mut l = [0f64; 3];
        // SAFETY: `l` has room for three doubles.
        let r = unsafe { libc::getloadavg(l.as_mut_ptr(), 3) };
        if r != 3 {
            return Err(vm.err("OSError", "Load averages are unobtainable"));
        }
        Ok(Value::tuple(l.iter().map(|x| Value::Float(*x)).collect()))
    });
}

/// Creates the `posix` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("posix"));
    for (k, v) in constants() {
        d.set_item_str(k, Value::Int(v));
    }
    d.set_item_str("error", Value::Class(vm.rt.types.exc("OSError")));
    let have = [
        "HAVE_EVENTFD",
        "HAVE_FCHDIR",
        "HAVE_FCHMOD",
        "HAVE_FCHOWN",
        "HAVE_FEXECVE",
        "HAVE_FPATHCONF",
        "HAVE_FSTATVFS",
        "HAVE_FTRUNCATE",
        "HAVE_FUTIMENS",
        "HAVE_LCHOWN",
        "HAVE_LSTAT",
        "HAVE_MEMFD_CREATE",
        "HAVE_UTIMENSAT",
    ];
    d.set_item_str("_have_functions", Value::list(have.iter().map(|s| Value::str(s)).collect()));
    let stat_cls = make_class(vm, super::posix_fs::STAT_RESULT);
    d.set_item_str("stat_result", Value::Class(stat_cls.clone()));
    let term_cls = make_class(vm, super::posix_fd::TERMINAL_SIZE);
    d.set_item_str("terminal_size", Value::Class(term_cls.clone()));
    let statvfs_cls = make_class(vm, super::posix_fs::STATVFS_RESULT);
    d.set_item_str("statvfs_result", Value::Class(statvfs_cls.clone()));
    super::posix_fs::register(&d, &stat_cls, &statvfs_cls);
    super::posix_dir::register(&vm.rt, &d, &stat_cls);
    super::posix_fd::register(vm, &d, &term_cls);
    super::posix_fd_more::register(&d);
    super::posix_ids::register(&d);
    super::posix_sched::register(vm, &d);
    process(&d);
    super::posix_fork::register(&d);
    wrap_status(&d);
    environment(vm, &d)?;
    misc(vm, &d);
    Ok(Value::Module(Arc::new(Module::new(Arc::from("posix"), d))))
}
