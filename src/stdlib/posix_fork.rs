//! `os.fork`, `os.register_at_fork`, `os.wait`/`wait3`/`wait4`, and the
//! repair a forked child's runtime needs: after `fork()` only the calling
//! thread exists, so the GIL, the thread registry, the parked worker
//! threads, the deadlock registry and the import locks forget every other
//! thread (as CPython's `PyOS_AfterFork_Child` does for its own state).

use std::sync::Arc;

use parking_lot::Mutex;

use super::def;
use super::posix_args::{c_int, check, errno_error, int_arg, last_errno};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::runtime::gil::BlockKind;
use crate::vm::{PyResult, Vm};

/// The callables given to `os.register_at_fork`, per runtime.
#[derive(Default)]
pub struct AtFork {
    before: Mutex<Vec<Value>>,
    after_in_parent: Mutex<Vec<Value>>,
    after_in_child: Mutex<Vec<Value>>,
}

/// Calls `hooks` (newest first when `reversed`, as CPython runs the
/// `before` hooks); an exception is printed and the next hook runs.
fn run_hooks(vm: &mut Vm, hooks: &Mutex<Vec<Value>>, reversed: bool) {
    let mut list = hooks.lock().clone();
    if reversed {
        list.reverse();
    }
    for f in list {
        if let Err(e) = vm.call(&f, vec![]) {
            let what = vm.repr_of(&f).unwrap_or_else(|_| "<hook>".into());
            vm.report_unraisable(&what, &e);
        }
    }
}

/// Forks the process with the runtime's locks held, then repairs the
/// child's runtime. Runs no Python: returns what `fork()` returned.
fn fork_raw(vm: &mut Vm) -> PyResult<libc::pid_t> {
    let rt = Arc::clone(&vm.rt);
    let frames = rt.thread_frames.lock_for_fork();
    let imports = rt.imports.lock_for_fork();
    let deadlocks = rt.deadlocks.lock_for_fork();
    let workers = crate::runtime::workers::lock_for_fork();
    let gil = rt.gil.lock_for_fork();
    // SAFETY: the locks above keep the runtime's shared tables consistent
    // across the copy; the child then runs only this thread's code.
    let pid = unsafe { libc::fork() };
    let errno = last_errno();
    drop(gil);
    if pid == 0 {
        // Only this thread exists in the child: everything that counted
        // the other threads forgets them.
        workers.child();
        deadlocks.child(vm.ident);
        vm.frame_slot = frames.child(vm.ident);
        imports.child();
        rt.gil.after_fork_child(vm.gil.as_ref().map(|g| g.id()));
    } else {
        drop((workers, deadlocks, imports, frames));
    }
    if pid == -1 {
        return Err(errno_error(vm, errno, None, None));
    }
    Ok(pid)
}

/// Calls `_imp.NAME()` if the module has it; true when it was called.
fn imp_call(vm: &mut Vm, imp: &Value, name: &str) -> PyResult<bool> {
    match vm.get_attr_str(imp, name)? {
        Some(f) => vm.call(&f, vec![]).map(|_| true),
        None => Ok(false),
    }
}

/// `fork()` as `os.fork` does it: the `before` hooks, the fork, then the
/// child's or the parent's hooks. Also used by `_posixsubprocess` when a
/// `preexec_fn` must run in the child.
pub fn fork_with_hooks(vm: &mut Vm) -> PyResult<libc::pid_t> {
    let rt = Arc::clone(&vm.rt);
    run_hooks(vm, &rt.at_fork.before, true);
    // As CPython, wait for the import lock (`_imp.acquire_lock`): a module
    // another thread is importing is complete in the child, never partial.
    let imp = rt.modules.get_item_str("_imp");
    let locked = match &imp {
        Some(m) => imp_call(vm, m, "acquire_lock")?,
        None => false,
    };
    let pid = fork_raw(vm);
    if let (Some(m), true) = (&imp, locked) {
        imp_call(vm, m, "release_lock")?;
    }
    match pid {
        Ok(0) => run_hooks(vm, &rt.at_fork.after_in_child, false),
        _ => run_hooks(vm, &rt.at_fork.after_in_parent, false),
    }
    pid
}

/// `waitpid`-like calls: retried on EINTR with the GIL released, recorded
/// as a wait for a child process.
fn wait_call(vm: &mut Vm, mut f: impl FnMut(&mut libc::c_int) -> libc::pid_t) -> PyResult<(libc::pid_t, libc::c_int)> {
    let (r, status, e) = vm.allow_threads(BlockKind::Process, || {
        loop {
            let mut status: libc::c_int = 0;
            let r = f(&mut status);
            if r == -1 && last_errno() == libc::EINTR {
                continue;
            }
            return (r, status, if r == -1 { last_errno() } else { 0 });
        }
    });
    if r == -1 {
        return Err(errno_error(vm, e, None, None));
    }
    Ok((r, status))
}

/// `resource.struct_rusage` for `wait3`/`wait4`, built by CPython's own
/// `resource` module when it imports (gilt has none: then a plain tuple).
fn rusage_value(vm: &mut Vm, ru: &libc::rusage) -> Value {
    let tv = |t: libc::timeval| Value::Float(t.tv_sec as f64 + t.tv_usec as f64 * 1e-6);
    let fields = vec![
        tv(ru.ru_utime),
        tv(ru.ru_stime),
        Value::Int(ru.ru_maxrss),
        Value::Int(ru.ru_ixrss),
        Value::Int(ru.ru_idrss),
        Value::Int(ru.ru_isrss),
        Value::Int(ru.ru_minflt),
        Value::Int(ru.ru_majflt),
        Value::Int(ru.ru_nswap),
        Value::Int(ru.ru_inblock),
        Value::Int(ru.ru_oublock),
        Value::Int(ru.ru_msgsnd),
        Value::Int(ru.ru_msgrcv),
        Value::Int(ru.ru_nsignals),
        Value::Int(ru.ru_nvcsw),
        Value::Int(ru.ru_nivcsw),
    ];
    let tuple = Value::tuple(fields);
    let ctor =
        vm.import_name("resource", 0, true).ok().and_then(|m| vm.get_attr_str(&m, "struct_rusage").ok().flatten());
    match ctor {
        Some(c) => vm.call(&c, vec![tuple.clone()]).unwrap_or(tuple),
        None => tuple,
    }
}

/// Process groups and sessions: `getsid`, `setsid`, `getpgid`, `setpgid`,
/// `killpg`, and `abort`.
fn sessions(d: &Dict) {
    def(d, "getsid", |vm, a| {
        a.posonly(vm, "getsid", 1, 1)?;
        let pid = int_arg(vm, &a.pos[0])? as libc::pid_t;
        // SAFETY: takes and returns plain integers.
        let r = unsafe { libc::getsid(pid) };
        check(vm, r as i64, None).map(Value::Int)
    });
    def(d, "setsid", |vm, a| {
        a.posonly(vm, "setsid", 0, 0)?;
        // SAFETY: as above.
        check(vm, unsafe { libc::setsid() } as i64, None)?;
        Ok(Value::None)
    });
    def(d, "getpgid", |vm, a| {
        let args = a.clinic_slots(vm, "getpgid", &["pid"], 1)?;
        let pid = int_arg(vm, args[0].as_ref().expect("required"))? as libc::pid_t;
        // SAFETY: as above.
        check(vm, unsafe { libc::getpgid(pid) } as i64, None).map(Value::Int)
    });
    def(d, "setpgid", |vm, a| {
        a.posonly(vm, "setpgid", 2, 2)?;
        let pid = int_arg(vm, &a.pos[0])? as libc::pid_t;
        let pgrp = int_arg(vm, &a.pos[1])? as libc::pid_t;
        // SAFETY: as above.
        check(vm, unsafe { libc::setpgid(pid, pgrp) } as i64, None)?;
        Ok(Value::None)
    });
    def(d, "killpg", |vm, a| {
        a.posonly(vm, "killpg", 2, 2)?;
        let pgid = int_arg(vm, &a.pos[0])? as libc::pid_t;
        let sig = c_int(vm, &a.pos[1])?;
        // SAFETY: as above.
        check(vm, unsafe { libc::killpg(pgid, sig) } as i64, None)?;
        Ok(Value::None)
    });
    def(d, "abort", |vm, a| {
        a.posonly(vm, "abort", 0, 0)?;
        use std::io::Write;
        let _ = std::io::stdout().flush();
        std::process::abort()
    });
}

/// Adds the fork and wait functions to the `posix` module dict.
pub fn register(d: &Dict) {
    sessions(d);
    def(d, "fork", |vm, a| {
        a.posonly(vm, "fork", 0, 0)?;
        Ok(Value::Int(fork_with_hooks(vm)? as i64))
    });
    def(d, "register_at_fork", |vm, a| {
        if !a.pos.is_empty() {
            return Err(vm.type_error("register_at_fork() takes no positional arguments"));
        }
        let args = a.clinic_slots(vm, "register_at_fork", &["before", "after_in_child", "after_in_parent"], 0)?;
        if args.iter().all(Option::is_none) {
            return Err(vm.type_error("At least one argument is required."));
        }
        let names = ["before", "after_in_child", "after_in_parent"];
        for (v, name) in args.iter().zip(names) {
            if let Some(v) = v
                && !super::builtins_attr::is_callable(vm, v)
            {
                return Err(vm.type_error(&format!("'{name}' must be callable, not {}", vm.type_name(v))));
            }
        }
        let rt = Arc::clone(&vm.rt);
        let lists = [&rt.at_fork.before, &rt.at_fork.after_in_child, &rt.at_fork.after_in_parent];
        for (v, list) in args.into_iter().zip(lists) {
            if let Some(v) = v {
                list.lock().push(v);
            }
        }
        Ok(Value::None)
    });
    def(d, "wait", |vm, a| {
        a.posonly(vm, "wait", 0, 0)?;
        // SAFETY: `status` is a valid out-pointer.
        let (pid, status) = wait_call(vm, |s| unsafe { libc::wait(s) })?;
        Ok(Value::tuple(vec![Value::Int(pid as i64), Value::Int(status as i64)]))
    });
    def(d, "wait3", |vm, a| {
        let args = a.clinic_slots(vm, "wait3", &["options"], 1)?;
        let options = c_int(vm, args[0].as_ref().expect("required"))?;
        // SAFETY: an all-zero rusage is valid; wait3 fills it in.
        let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
        let ru_ptr = &mut ru as *mut libc::rusage as usize;
        // SAFETY: both out-pointers are valid for the call.
        let (pid, status) = wait_call(vm, |s| unsafe { libc::wait4(-1, s, options, ru_ptr as *mut libc::rusage) })?;
        let ru = rusage_value(vm, &ru);
        Ok(Value::tuple(vec![Value::Int(pid as i64), Value::Int(status as i64), ru]))
    });
    def(d, "wait4", |vm, a| {
        let args = a.clinic_slots(vm, "wait4", &["pid", "options"], 2)?;
        let pid = int_arg(vm, args[0].as_ref().expect("required"))? as libc::pid_t;
        let options = c_int(vm, args[1].as_ref().expect("required"))?;
        // SAFETY: an all-zero rusage is valid; wait4 fills it in.
        let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
        let ru_ptr = &mut ru as *mut libc::rusage as usize;
        // SAFETY: both out-pointers are valid for the call.
        let (pid, status) = wait_call(vm, |s| unsafe { libc::wait4(pid, s, options, ru_ptr as *mut libc::rusage) })?;
        let ru = rusage_value(vm, &ru);
        Ok(Value::tuple(vec![Value::Int(pid as i64), Value::Int(status as i64), ru]))
    });
}
