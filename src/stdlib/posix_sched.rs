//! Scheduling and process replacement in `posix`: the `sched_*` calls and
//! `sched_param`, `waitid` and `waitid_result` (the GIL released while it
//! waits, recorded as a process wait), `execv`/`execve`, `pidfd_open`.

use std::ffi::CString;
use std::sync::Arc;

use super::def;
use super::posix_args::{c_int, check, clinic, errno_error, int_arg, last_errno, path_arg};
use super::posix_ids::fs_bytes;
use super::structseq::{Spec, make_class, new_value};
use super::types_containers::builtin_of;
use crate::object::class::Class;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::runtime::gil::BlockKind;
use crate::vm::{PyResult, Vm};

const SCHED_PARAM: Spec = Spec { module: "posix", name: "sched_param", fields: &["sched_priority"], n_seq: 1 };
const WAITID_RESULT: Spec = Spec {
    module: "posix",
    name: "waitid_result",
    fields: &["si_pid", "si_uid", "si_signo", "si_status", "si_code"],
    n_seq: 5,
};

fn req(args: &[Option<Value>], i: usize) -> &Value {
    args[i].as_ref().expect("required")
}

fn pid_arg(vm: &mut Vm, v: &Value) -> PyResult<libc::pid_t> {
    c_int(vm, v)
}

/// The priority of a `sched_param` argument.
fn param_arg(vm: &mut Vm, cls: &Arc<Class>, v: &Value) -> PyResult<libc::sched_param> {
    let ok = matches!(v, Value::Instance(i) if Arc::ptr_eq(&i.class, cls) || i.class.is_subclass(cls));
    if !ok {
        return Err(vm.type_error("must have a sched_param object"));
    }
    let Value::Tuple(t) = builtin_of(v) else { return Err(vm.type_error("must have a sched_param object")) };
    let p = t.items.first().cloned().unwrap_or(Value::None);
    let prio = c_int(vm, &p)?;
    Ok(libc::sched_param { sched_priority: prio })
}

fn scheduling(vm: &Vm, d: &Dict) {
    let pcls = make_class(vm, SCHED_PARAM);
    let c = pcls.clone();
    // CPython's sched_param takes the priority itself, not a sequence.
    def(&pcls.dict, "__new__", move |vm, mut a| {
        if !a.pos.is_empty() {
            a.pos.remove(0);
        }
        let args = clinic(vm, &a, "sched_param", &["sched_priority"], 1, 0)?;
        let Some(p) = args[0].clone() else {
            return Err(vm.type_error("sched_param() missing required argument 'sched_priority' (pos 1)"));
        };
        Ok(new_value(&c, SCHED_PARAM, vec![p]))
    });
    d.set_item_str("sched_param", Value::Class(pcls.clone()));
    def(d, "sched_yield", |vm, a| {
        a.posonly(vm, "sched_yield", 0, 0)?;
        // SAFETY: takes no arguments.
        vm.allow_threads(BlockKind::Io, || unsafe { libc::sched_yield() });
        Ok(Value::None)
    });
    for name in ["sched_get_priority_max", "sched_get_priority_min"] {
        def(d, name, move |vm, a| {
            let args = clinic(vm, &a, name, &["policy"], 1, 1)?;
            let pol = c_int(vm, req(&args, 0))?;
            // SAFETY: plain integers.
            let r = unsafe {
                if name.ends_with("max") {
                    libc::sched_get_priority_max(pol)
                } else {
                    libc::sched_get_priority_min(pol)
                }
            };
            Ok(Value::Int(check(vm, r as i64, None)?))
        });
    }
    def(d, "sched_getscheduler", |vm, a| {
        a.posonly(vm, "sched_getscheduler", 1, 1)?;
        let pid = pid_arg(vm, &a.pos[0])?;
        // SAFETY: a plain pid.
        let r = unsafe { libc::sched_getscheduler(pid) };
        Ok(Value::Int(check(vm, r as i64, None)?))
    });
    let c = pcls.clone();
    def(d, "sched_getparam", move |vm, a| {
        a.posonly(vm, "sched_getparam", 1, 1)?;
        let pid = pid_arg(vm, &a.pos[0])?;
        let mut p = libc::sched_param { sched_priority: 0 };
        // SAFETY: `p` is a valid out-pointer.
        let r = unsafe { libc::sched_getparam(pid, &mut p) };
        check(vm, r as i64, None)?;
        Ok(new_value(&c, SCHED_PARAM, vec![Value::Int(p.sched_priority as i64)]))
    });
    let c = pcls.clone();
    def(d, "sched_setparam", move |vm, a| {
        a.posonly(vm, "sched_setparam", 2, 2)?;
        let pid = pid_arg(vm, &a.pos[0])?;
        let p = param_arg(vm, &c, &a.pos[1])?;
        // SAFETY: `p` is a valid sched_param.
        let r = unsafe { libc::sched_setparam(pid, &p) };
        check(vm, r as i64, None)?;
        Ok(Value::None)
    });
    let c = pcls;
    def(d, "sched_setscheduler", move |vm, a| {
        a.posonly(vm, "sched_setscheduler", 3, 3)?;
        let pid = pid_arg(vm, &a.pos[0])?;
        let pol = c_int(vm, &a.pos[1])?;
        let p = param_arg(vm, &c, &a.pos[2])?;
        // SAFETY: `p` is a valid sched_param.
        let r = unsafe { libc::sched_setscheduler(pid, pol, &p) };
        check(vm, r as i64, None)?;
        Ok(Value::None)
    });
    def(d, "sched_rr_get_interval", |vm, a| {
        a.posonly(vm, "sched_rr_get_interval", 1, 1)?;
        let pid = pid_arg(vm, &a.pos[0])?;
        let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: `ts` is a valid out-pointer.
        let r = unsafe { libc::sched_rr_get_interval(pid, &mut ts) };
        check(vm, r as i64, None)?;
        Ok(Value::Float(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
    });
    def(d, "sched_getaffinity", |vm, a| {
        a.posonly(vm, "sched_getaffinity", 1, 1)?;
        let pid = pid_arg(vm, &a.pos[0])?;
        // SAFETY: an all-zero cpu_set_t is valid; the call fills it in.
        let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
        // SAFETY: `set` is a valid out-pointer of the size given.
        let r = unsafe { libc::sched_getaffinity(pid, std::mem::size_of::<libc::cpu_set_t>(), &mut set) };
        check(vm, r as i64, None)?;
        let cpus: Vec<Value> = (0..libc::CPU_SETSIZE as usize)
            .filter(|i| {
                // SAFETY: `i` is below CPU_SETSIZE, inside `set`.
                unsafe { libc::CPU_ISSET(*i, &set) }
            })
            .map(|i| Value::Int(i as i64))
            .collect();
        vm.new_set(cpus, false)
    });
    def(d, "sched_setaffinity", |vm, a| {
        a.posonly(vm, "sched_setaffinity", 2, 2)?;
        let pid = pid_arg(vm, &a.pos[0])?;
        let items = vm.collect(&a.pos[1])?;
        // SAFETY: an all-zero cpu_set_t is the empty set.
        let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
        for v in &items {
            let n = match vm.exact_index(v)? {
                Some(Value::Int(n)) => n,
                Some(_) => return Err(vm.overflow_error("Python int too large to convert to C long")),
                None => {
                    let tn = vm.class_of(v).name.lock().as_str().to_string();
                    return Err(
                        vm.type_error(&format!("expected an iterator of ints, but iterator yielded <class '{tn}'>"))
                    );
                }
            };
            if n < 0 {
                return Err(vm.value_error("negative CPU number"));
            }
            if n >= libc::CPU_SETSIZE as i64 {
                return Err(errno_error(vm, libc::EINVAL, None, None));
            }
            // SAFETY: `n` is below CPU_SETSIZE, inside `set`.
            unsafe { libc::CPU_SET(n as usize, &mut set) };
        }
        // SAFETY: `set` is a valid cpu_set_t of the size given.
        let r = unsafe { libc::sched_setaffinity(pid, std::mem::size_of::<libc::cpu_set_t>(), &set) };
        check(vm, r as i64, None)?;
        Ok(Value::None)
    });
}

fn waiting(vm: &Vm, d: &Dict) {
    let wcls = make_class(vm, WAITID_RESULT);
    d.set_item_str("waitid_result", Value::Class(wcls.clone()));
    def(d, "waitid", move |vm, a| {
        a.posonly(vm, "waitid", 3, 3)?;
        let idtype = c_int(vm, &a.pos[0])?;
        let id = int_arg(vm, &a.pos[1])?;
        let options = c_int(vm, &a.pos[2])?;
        let (r, info, e) = vm.allow_threads(BlockKind::Process, || {
            loop {
                // SAFETY: an all-zero siginfo_t is valid; waitid fills it in.
                let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
                // SAFETY: `info` is a valid out-pointer.
                let r = unsafe { libc::waitid(idtype as libc::idtype_t, id as libc::id_t, &mut info, options) };
                if r == -1 && last_errno() == libc::EINTR {
                    continue;
                }
                return (r, info, if r == -1 { last_errno() } else { 0 });
            }
        });
        if r == -1 {
            return Err(errno_error(vm, e, None, None));
        }
        // SAFETY: waitid filled in a child's fields (or left zeros).
        let (pid, uid, status) = unsafe { (info.si_pid(), info.si_uid(), info.si_status()) };
        if pid == 0 {
            return Ok(Value::None);
        }
        let v = vec![
            Value::Int(pid as i64),
            Value::Int(uid as i64),
            Value::Int(info.si_signo as i64),
            Value::Int(status as i64),
            Value::Int(info.si_code as i64),
        ];
        Ok(new_value(&wcls, WAITID_RESULT, v))
    });
    def(d, "pidfd_open", |vm, a| {
        let args = clinic(vm, &a, "pidfd_open", &["pid", "flags"], 2, 1)?;
        let pid = pid_arg(vm, req(&args, 0))?;
        let fl = match &args[1] {
            Some(v) => c_int(vm, v)? as libc::c_uint,
            None => 0,
        };
        // SAFETY: the pidfd_open system call takes two integers.
        let r = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, fl) };
        Ok(Value::Int(check(vm, r, None)?))
    });
}

/// The argument vector of an exec call, with CPython's checks.
fn exec_argv(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Vec<CString>> {
    let items = match v {
        Value::List(_) | Value::Tuple(_) => vm.collect(v)?,
        _ => {
            let msg = if fname == "execv" {
                "execv() arg 2 must be a tuple or list"
            } else {
                "execve: argv must be a tuple or list"
            };
            return Err(vm.type_error(msg));
        }
    };
    if items.is_empty() {
        let msg = if fname == "execv" { "execv() arg 2 must not be empty" } else { "execve: argv must not be empty" };
        return Err(vm.value_error(msg));
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        let b = fs_bytes(vm, it)?;
        if i == 0 && b.is_empty() {
            let msg = if fname == "execv" {
                "execv() arg 2 first element cannot be empty"
            } else {
                "execve: argv first element cannot be empty"
            };
            return Err(vm.value_error(msg));
        }
        out.push(CString::new(b).map_err(|_| vm.value_error("embedded null byte"))?);
    }
    Ok(out)
}

/// `KEY=VALUE` strings of an exec environment (any mapping with `keys()`).
fn exec_env(vm: &mut Vm, env: &Value) -> PyResult<Vec<CString>> {
    let keys = vm.call_method(env, "keys", vec![])?;
    let keys = vm.collect(&keys)?;
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        let v = vm.get_item(env, &k)?;
        let (kb, vb) = (fs_bytes(vm, &k)?, fs_bytes(vm, &v)?);
        if kb.is_empty() || kb[1..].contains(&b'=') {
            return Err(vm.value_error("illegal environment variable name"));
        }
        let mut s = kb;
        s.push(b'=');
        s.extend_from_slice(&vb);
        out.push(CString::new(s).map_err(|_| vm.value_error("embedded null byte"))?);
    }
    Ok(out)
}

fn null_terminated(v: &[CString]) -> Vec<*const libc::c_char> {
    let mut p: Vec<*const libc::c_char> = v.iter().map(|c| c.as_ptr()).collect();
    p.push(std::ptr::null());
    p
}

fn exec(d: &Dict) {
    def(d, "execv", |vm, a| {
        a.posonly(vm, "execv", 2, 2)?;
        let p = path_arg(vm, &a.pos[0], "execv", "path", false, false)?;
        let argv = exec_argv(vm, &a.pos[1], "execv")?;
        let ptrs = null_terminated(&argv);
        let c = p.c();
        // SAFETY: a NUL-terminated path and a NULL-terminated vector of
        // C strings kept alive in `argv`; returns only on failure.
        unsafe { libc::execv(c.as_ptr(), ptrs.as_ptr()) };
        Err(errno_error(vm, last_errno(), None, None))
    });
    def(d, "execve", |vm, a| {
        let args = clinic(vm, &a, "execve", &["path", "argv", "env"], 3, 3)?;
        let p = path_arg(vm, req(&args, 0), "execve", "path", true, false)?;
        let argv = exec_argv(vm, req(&args, 1), "execve")?;
        let env = exec_env(vm, req(&args, 2))?;
        let (ap, ep) = (null_terminated(&argv), null_terminated(&env));
        let c = p.c();
        // SAFETY: NUL-terminated strings and NULL-terminated vectors kept
        // alive in `argv` and `env`; returns only on failure.
        unsafe {
            match p.fd {
                Some(fd) => libc::fexecve(fd, ap.as_ptr(), ep.as_ptr()),
                None => libc::execve(c.as_ptr(), ap.as_ptr(), ep.as_ptr()),
            }
        };
        Err(errno_error(vm, last_errno(), None, None))
    });
}

/// Registers this file's functions and types in `d`.
pub fn register(vm: &Vm, d: &Dict) {
    scheduling(vm, d);
    waiting(vm, d);
    exec(d);
}
