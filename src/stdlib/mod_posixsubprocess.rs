//! The `_posixsubprocess` module under CPython's `subprocess.py`:
//! `fork_exec`, which forks and execs a child with its pipes in place.
//!
//! gilt is a multi-threaded process, and after `fork()` only the calling
//! thread exists in the child: a lock another thread held (the allocator's,
//! a Rust `Mutex`) stays locked for ever. So everything the child needs —
//! argv, envp and the executable candidates as C strings, the fds to keep —
//! is built *before* the fork ([`Plan`]), and the child itself makes only
//! async-signal-safe system calls (dup2, close, chdir, umask, setsid,
//! sigaction, exec, write, _exit) until exec replaces it. When exec fails,
//! the child reports on the error pipe in the format `subprocess.py`
//! parses: `OSError:<errno in hex>:` (plus `noexec` when the failure came
//! before exec, from `chdir` say) and the parent raises the `OSError`.
//!
//! A `preexec_fn` has to run Python in the child. CPython does that (and
//! warns that it is unsafe with threads); gilt does the same: such a fork
//! goes through `os.fork`'s path ([`super::posix_fork::fork_with_hooks`]),
//! which repairs the child's runtime first.

use std::ffi::CString;
use std::sync::Arc;

use super::def;
use super::posix_args::{c_int, errno_error, int_arg, last_errno, path_arg};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// A NULL-terminated array of C strings, with the strings it points into.
struct CArray {
    _strings: Vec<CString>,
    ptrs: Vec<*const libc::c_char>,
}

impl CArray {
    fn new(strings: Vec<CString>) -> CArray {
        let mut ptrs: Vec<*const libc::c_char> = strings.iter().map(|s| s.as_ptr()).collect();
        ptrs.push(std::ptr::null());
        CArray { _strings: strings, ptrs }
    }
}

/// Everything the child does, prepared in the parent.
struct Plan {
    argv: CArray,
    executables: Vec<CString>,
    envp: Option<CArray>,
    cwd: Option<CString>,
    close_fds: bool,
    /// Sorted, as subprocess.py passes them.
    fds_to_keep: Vec<libc::c_int>,
    p2cread: libc::c_int,
    p2cwrite: libc::c_int,
    c2pread: libc::c_int,
    c2pwrite: libc::c_int,
    errread: libc::c_int,
    errwrite: libc::c_int,
    errpipe_read: libc::c_int,
    errpipe_write: libc::c_int,
    restore_signals: bool,
    call_setsid: bool,
    pgid_to_set: libc::pid_t,
    gid: Option<libc::gid_t>,
    extra_groups: Option<Vec<libc::gid_t>>,
    uid: Option<libc::uid_t>,
    child_umask: libc::c_int,
    /// The highest fd to close by hand when `close_range` is missing.
    max_fd: libc::c_int,
}

/// An `os.fsencode`d argument as a C string (`embedded null byte` otherwise).
fn c_path(vm: &mut Vm, v: &Value, what: &str) -> PyResult<CString> {
    let p = path_arg(vm, v, "fork_exec", what, false, false)?;
    CString::new(p.bytes).map_err(|_| vm.value_error("embedded null byte"))
}

fn c_paths(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<CString>> {
    let items = vm.collect(v)?;
    items.iter().map(|x| c_path(vm, x, what)).collect()
}

fn opt_id(vm: &mut Vm, v: &Value) -> PyResult<Option<u32>> {
    if v.is_none() {
        return Ok(None);
    }
    let n = int_arg(vm, v)?;
    u32::try_from(n).map(Some).map_err(|_| vm.overflow_error("uid/gid out of range"))
}

/// `fds_to_keep` must be a tuple of sorted, non-negative ints.
fn fds_to_keep(vm: &mut Vm, v: &Value) -> PyResult<Vec<libc::c_int>> {
    let Value::Tuple(t) = v else {
        return Err(vm.type_error("fork_exec() argument 4 must be tuple"));
    };
    let mut out = Vec::new();
    for x in t.items.iter() {
        let fd = match x {
            Value::Int(n) if *n >= 0 && *n <= i32::MAX as i64 => *n as libc::c_int,
            _ => return Err(vm.value_error("bad value(s) in fds_to_keep")),
        };
        if out.last().is_some_and(|&last| last >= fd) {
            return Err(vm.value_error("bad value(s) in fds_to_keep"));
        }
        out.push(fd);
    }
    Ok(out)
}

/// Reads the 23 arguments of `fork_exec` into a plan and the `preexec_fn`.
fn plan(vm: &mut Vm, a: &[Value]) -> PyResult<(Plan, Option<Value>)> {
    let argv = if a[0].is_none() { Vec::new() } else { c_paths(vm, &a[0], "args")? };
    let executables = c_paths(vm, &a[1], "executable")?;
    let close_fds = vm.truthy(&a[2])?;
    let keep = fds_to_keep(vm, &a[3])?;
    let cwd = if a[4].is_none() { None } else { Some(c_path(vm, &a[4], "cwd")?) };
    let envp = if a[5].is_none() { None } else { Some(CArray::new(c_paths(vm, &a[5], "env")?)) };
    let mut fds = [0; 8];
    for (i, fd) in fds.iter_mut().enumerate() {
        *fd = c_int(vm, &a[6 + i])?;
    }
    let restore_signals = vm.truthy(&a[14])?;
    let call_setsid = vm.truthy(&a[15])?;
    let pgid_to_set = int_arg(vm, &a[16])? as libc::pid_t;
    let gid = opt_id(vm, &a[17])?;
    let extra_groups = if a[18].is_none() {
        None
    } else {
        let items = vm.collect(&a[18])?;
        let mut gids = Vec::new();
        for g in &items {
            gids.push(opt_id(vm, g)?.unwrap_or(0));
        }
        Some(gids)
    };
    let uid = opt_id(vm, &a[19])?;
    let child_umask = c_int(vm, &a[20])?;
    let preexec = if a[21].is_none() { None } else { Some(a[21].clone()) };
    if close_fds && fds[7] < 3 {
        return Err(vm.value_error("errpipe_write must be >= 3"));
    }
    // SAFETY: sysconf only reads a system value.
    let open_max = unsafe { libc::sysconf(libc::_SC_OPEN_MAX) };
    let plan = Plan {
        argv: CArray::new(argv),
        executables,
        envp,
        cwd,
        close_fds,
        fds_to_keep: keep,
        p2cread: fds[0],
        p2cwrite: fds[1],
        c2pread: fds[2],
        c2pwrite: fds[3],
        errread: fds[4],
        errwrite: fds[5],
        errpipe_read: fds[6],
        errpipe_write: fds[7],
        restore_signals,
        call_setsid,
        pgid_to_set,
        gid,
        extra_groups,
        uid,
        child_umask,
        max_fd: if open_max > 0 { open_max.min(1 << 20) as libc::c_int } else { 256 },
    };
    Ok((plan, preexec))
}

// ---- the child: async-signal-safe calls only, no allocation ----

/// Clears FD_CLOEXEC, so the fd survives exec.
fn set_inheritable(fd: libc::c_int) -> bool {
    // SAFETY: fcntl on an fd; no memory is passed.
    let fl = unsafe { libc::fcntl(fd, libc::F_GETFD) };
    // SAFETY: as above.
    fl != -1 && (fl & libc::FD_CLOEXEC == 0 || unsafe { libc::fcntl(fd, libc::F_SETFD, fl & !libc::FD_CLOEXEC) } != -1)
}

/// Moves `fd` onto `target` (0, 1 or 2); an fd already there just loses CLOEXEC.
fn move_fd(fd: libc::c_int, target: libc::c_int) -> bool {
    if fd == target {
        set_inheritable(fd)
    } else if fd != -1 {
        // SAFETY: dup2 on fds; no memory is passed.
        unsafe { libc::dup2(fd, target) != -1 }
    } else {
        true
    }
}

/// Closes every fd from `lo` to `hi` inclusive.
fn close_range(lo: libc::c_int, hi: libc::c_int, max_fd: libc::c_int) {
    if lo > hi {
        return;
    }
    // SAFETY: close_range takes plain integers.
    let r = unsafe { libc::syscall(libc::SYS_close_range, lo as libc::c_uint, hi as libc::c_uint, 0 as libc::c_uint) };
    if r == 0 {
        return;
    }
    for fd in lo..=hi.min(max_fd) {
        // SAFETY: closing an fd that may not be open is harmless.
        unsafe { libc::close(fd) };
    }
}

fn close_open_fds(p: &Plan) {
    let mut lo = 3;
    for &fd in &p.fds_to_keep {
        if fd >= lo {
            close_range(lo, fd - 1, p.max_fd);
            lo = fd + 1;
        }
    }
    close_range(lo, libc::c_int::MAX, p.max_fd);
}

fn write_all(fd: libc::c_int, b: &[u8]) {
    let mut off = 0;
    while off < b.len() {
        // SAFETY: writes from a live slice.
        let r = unsafe { libc::write(fd, b[off..].as_ptr() as *const libc::c_void, b.len() - off) };
        if r < 0 {
            if last_errno() == libc::EINTR {
                continue;
            }
            return;
        }
        off += r as usize;
    }
}

/// Tells the parent why the child failed, then exits with status 255.
fn report_and_exit(errpipe: libc::c_int, errno: libc::c_int, before_exec: bool) -> ! {
    write_all(errpipe, b"OSError:");
    let mut hex = [0u8; 16];
    let mut i = hex.len();
    let mut e = errno as u32;
    loop {
        i -= 1;
        hex[i] = b"0123456789abcdef"[(e % 16) as usize];
        e /= 16;
        if e == 0 {
            break;
        }
    }
    write_all(errpipe, &hex[i..]);
    write_all(errpipe, b":");
    if before_exec {
        write_all(errpipe, b"noexec");
    }
    // SAFETY: ends the child without running the parent's exit handlers.
    unsafe { libc::_exit(255) }
}

/// The child's work up to (not including) `preexec_fn`; on failure, the errno.
fn child_setup(p: &Plan) -> Result<(), libc::c_int> {
    let fail = || Err(last_errno());
    for &fd in &p.fds_to_keep {
        if fd != p.errpipe_write && !set_inheritable(fd) {
            return fail();
        }
    }
    for fd in [p.p2cwrite, p.c2pread, p.errread, p.errpipe_read] {
        if fd != -1 {
            // SAFETY: closes the parent's ends of the pipes.
            unsafe { libc::close(fd) };
        }
    }
    // The child's stdout or stderr fd may sit where a lower target goes:
    // move it out of the way first.
    let mut c2pwrite = p.c2pwrite;
    if c2pwrite == 0 {
        // SAFETY: dup on an fd.
        c2pwrite = unsafe { libc::dup(c2pwrite) };
        if c2pwrite == -1 || !set_inheritable(c2pwrite) {
            return fail();
        }
    }
    let mut errwrite = p.errwrite;
    while errwrite == 0 || errwrite == 1 {
        // SAFETY: dup on an fd.
        errwrite = unsafe { libc::dup(errwrite) };
        if errwrite == -1 || !set_inheritable(errwrite) {
            return fail();
        }
    }
    if !move_fd(p.p2cread, 0) || !move_fd(c2pwrite, 1) || !move_fd(errwrite, 2) {
        return fail();
    }
    // SAFETY (this block): chdir reads a live C string; the rest take integers.
    unsafe {
        if let Some(cwd) = &p.cwd
            && libc::chdir(cwd.as_ptr()) == -1
        {
            return fail();
        }
        if p.child_umask >= 0 {
            libc::umask(p.child_umask as libc::mode_t);
        }
        if p.restore_signals {
            // CPython ignores these in itself; an exec'd program expects the default.
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
        }
        if p.call_setsid && libc::setsid() == -1 {
            return fail();
        }
        if p.pgid_to_set >= 0 && libc::setpgid(0, p.pgid_to_set) == -1 {
            return fail();
        }
        if let Some(groups) = &p.extra_groups
            && libc::setgroups(groups.len(), groups.as_ptr()) == -1
        {
            return fail();
        }
        if let Some(gid) = p.gid
            && libc::setregid(gid, gid) == -1
        {
            return fail();
        }
        if let Some(uid) = p.uid
            && libc::setreuid(uid, uid) == -1
        {
            return fail();
        }
    }
    Ok(())
}

/// The child's work after `preexec_fn`: close fds, then try each executable.
fn child_exec(p: &Plan) -> ! {
    if p.close_fds {
        close_open_fds(p);
    }
    let mut first_errno = 0;
    let mut errno = libc::ENOENT;
    for exe in &p.executables {
        // SAFETY: argv and envp are NULL-terminated arrays of live C strings.
        unsafe {
            match &p.envp {
                Some(env) => libc::execve(exe.as_ptr(), p.argv.ptrs.as_ptr(), env.ptrs.as_ptr()),
                None => libc::execv(exe.as_ptr(), p.argv.ptrs.as_ptr()),
            };
        }
        errno = last_errno();
        // As os._execvpe: "not there" moves on; the first real error is the one reported.
        if errno != libc::ENOENT && errno != libc::ENOTDIR && first_errno == 0 {
            first_errno = errno;
        }
    }
    report_and_exit(p.errpipe_write, if first_errno != 0 { first_errno } else { errno }, false)
}

/// `preexec_fn` in the child, with the runtime repaired by `os.fork`'s path.
fn child_preexec(vm: &mut Vm, p: &Plan, f: &Value) -> ! {
    if let Err(e) = child_setup(p) {
        report_and_exit(p.errpipe_write, e, true);
    }
    if vm.call(f, vec![]).is_err() {
        write_all(p.errpipe_write, b"SubprocessError:0:Exception occurred in preexec_fn.");
        // SAFETY: ends the child at once.
        unsafe { libc::_exit(255) }
    }
    child_exec(p)
}

fn fork_exec(vm: &mut Vm, a: crate::vm::Args) -> PyResult {
    a.no_kw(vm, "fork_exec")?;
    if a.pos.len() != 23 {
        let msg = format!("fork_exec() takes exactly 23 arguments ({} given)", a.pos.len());
        return Err(vm.type_error(&msg));
    }
    let (p, preexec) = plan(vm, &a.pos)?;
    if let Some(f) = preexec {
        let pid = super::posix_fork::fork_with_hooks(vm)?;
        if pid == 0 {
            child_preexec(vm, &p, &f);
        }
        return Ok(Value::Int(pid as i64));
    }
    // Changing credentials in a child that shares the parent's memory is
    // what CPython will not do either: those children get a real fork.
    let pid = if p.uid.is_none() && p.gid.is_none() && p.extra_groups.is_none() {
        spawn_shared(&p)
    } else {
        // SAFETY: the child makes only async-signal-safe calls on memory
        // prepared above (see the module comment) and never returns.
        let pid = unsafe { libc::fork() };
        if pid == 0 {
            if let Err(e) = child_setup(&p) {
                report_and_exit(p.errpipe_write, e, true);
            }
            child_exec(&p);
        }
        pid
    };
    if pid == -1 {
        return Err(errno_error(vm, last_errno(), None, None));
    }
    Ok(Value::Int(pid as i64))
}

/// What the child started by [`spawn_shared`] reads: the plan and the signal
/// mask to give the program it execs.
struct SharedChild<'a> {
    plan: &'a Plan,
    sigmask: libc::sigset_t,
}

/// The bytes of the stack the shared-memory child runs on (its work is a
/// few system calls deep).
const CHILD_STACK: usize = 64 * 1024;

/// Starts the child as `vfork` does (`clone(CLONE_VM | CLONE_VFORK)`): it
/// runs in this process's memory on a stack of its own while this thread
/// waits until it has exec'd or exited. A `fork` copies every page table of
/// gilt's address space, and the child's exec then tears the copy down:
/// most of what `subprocess.run(['true'])` cost. All signals are blocked
/// meanwhile, so no handler of ours runs in the child; the child sets the
/// handled ones back to the default before it restores the mask for exec.
fn spawn_shared(p: &Plan) -> libc::pid_t {
    let mut stack = vec![0u8; CHILD_STACK];
    let top = (stack.as_mut_ptr() as usize + CHILD_STACK) & !15;
    // SAFETY (this block): the sigsets are plain values filled by libc; the
    // child only reads `child` and `stack` (both outlive it: this thread is
    // suspended until the child execs or exits) and makes async-signal-safe
    // calls.
    unsafe {
        let mut all: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut all);
        let mut old: libc::sigset_t = std::mem::zeroed();
        libc::pthread_sigmask(libc::SIG_BLOCK, &all, &mut old);
        let child = SharedChild { plan: p, sigmask: old };
        let pid = libc::clone(
            shared_child_main,
            top as *mut libc::c_void,
            libc::CLONE_VM | libc::CLONE_VFORK | libc::SIGCHLD,
            &child as *const SharedChild as *mut libc::c_void,
        );
        let err = last_errno();
        libc::pthread_sigmask(libc::SIG_SETMASK, &old, std::ptr::null_mut());
        drop(stack);
        if pid == -1 {
            *libc::__errno_location() = err;
        }
        pid
    }
}

/// The child of [`spawn_shared`]: default handlers, the parent's signal mask,
/// then the same setup and exec as a forked child.
extern "C" fn shared_child_main(arg: *mut libc::c_void) -> libc::c_int {
    // SAFETY: `arg` points at the SharedChild the suspended parent holds.
    let child = unsafe { &*(arg as *const SharedChild) };
    reset_signal_handlers(&child.sigmask);
    // SAFETY: sets this process's mask from a valid sigset.
    unsafe { libc::sigprocmask(libc::SIG_SETMASK, &child.sigmask, std::ptr::null_mut()) };
    if let Err(e) = child_setup(child.plan) {
        report_and_exit(child.plan.errpipe_write, e, true);
    }
    child_exec(child.plan)
}

/// Sets every handled signal that the exec'd program could receive back to
/// the default, so that no gilt handler ever runs on the shared memory (a
/// clone without CLONE_SIGHAND has its own copy of the handler table).
fn reset_signal_handlers(mask: &libc::sigset_t) {
    for sig in 1..=libc::SIGRTMAX() {
        if sig == libc::SIGKILL || sig == libc::SIGSTOP {
            continue;
        }
        // SAFETY (this block): sigismember/sigaction read and fill plain
        // values; SIG_DFL installs no code.
        unsafe {
            if libc::sigismember(mask, sig) == 1 {
                continue;
            }
            let mut sa: libc::sigaction = std::mem::zeroed();
            if libc::sigaction(sig, std::ptr::null(), &mut sa) == 0
                && sa.sa_sigaction != libc::SIG_IGN
                && sa.sa_sigaction != libc::SIG_DFL
            {
                libc::signal(sig, libc::SIG_DFL);
            }
        }
    }
}

/// Creates the `_posixsubprocess` module.
pub fn create(_vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    def(&d, "fork_exec", fork_exec);
    Ok(super::native_util::module("_posixsubprocess", d))
}
