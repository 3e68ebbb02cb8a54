//! The reprs of native futures and tasks as CPython 3.11's
//! (`base_futures._future_repr_info`, `base_tasks._task_repr_info`):
//! the state (`cancelling` for a pending task with cancel requests), the
//! task's name, coroutine and `wait_for=` future, the result or exception,
//! and the done-callbacks as `cb=[…]`, each named as CPython names it (the
//! native ones as their CPython counterparts: `Task.task_wakeup()`,
//! `_run_until_complete_cb() at …/asyncio/base_events.py:N`).

use super::eventloop::Callback;
use super::eventloop_fut::{Callbacks, Fut, Status};
use crate::object::value::Value;
use crate::stdlib::cpython_lib;
use crate::vm::Vm;

/// A done-callback as the repr shows it, read out under the future's lock.
enum CbDesc {
    Py(Value),
    Wake,
    Gather,
    Stop,
}

fn describe(cb: &Callback) -> CbDesc {
    match cb {
        Callback::Py(b) => CbDesc::Py(b.0.clone()),
        Callback::Wake(_) => CbDesc::Wake,
        Callback::Gather(_) => CbDesc::Gather,
        Callback::Stop => CbDesc::Stop,
    }
}

/// ` at FILE:LINE` of the `def` line `needle` in the embedded CPython file
/// `rel` (the source of the Python function a native callback stands for).
fn source_of(rel: &str, needle: &str) -> String {
    let Some(text) = cpython_lib::file(rel) else { return String::new() };
    let text = String::from_utf8_lossy(text);
    match text.lines().position(|l| l.trim_start().starts_with(needle)) {
        Some(i) => format!(" at {}/{rel}:{}", cpython_lib::LIB_ROOT, i + 1),
        None => String::new(),
    }
}

/// A Python callback as CPython's `format_helpers._format_callback_source(func, ())`:
/// its qualified name (else name, else repr), `()`, and where a plain
/// function was defined.
fn format_py(vm: &mut Vm, func: &Value) -> String {
    let mut name = None;
    for attr in ["__qualname__", "__name__"] {
        if let Ok(Some(v)) = vm.get_attr_str(func, attr)
            && let Some(s) = v.as_str()
            && !s.as_str().is_empty()
        {
            name = Some(s.as_str().to_string());
            break;
        }
    }
    let mut out = match name {
        Some(n) => n,
        None => vm.repr_of(func).unwrap_or_default(),
    };
    out.push_str("()");
    if let Value::Function(_) = func
        && let Ok(Some(code)) = vm.get_attr_str(func, "__code__")
        && let Ok(Some(file)) = vm.get_attr_str(&code, "co_filename")
        && let Ok(Some(line)) = vm.get_attr_str(&code, "co_firstlineno")
    {
        let file = file.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
        out.push_str(&format!(" at {file}:{}", vm.repr_of(&line).unwrap_or_default()));
    }
    out
}

fn format_cb(vm: &mut Vm, cb: &CbDesc) -> String {
    match cb {
        CbDesc::Py(f) => format_py(vm, f),
        CbDesc::Wake => "Task.task_wakeup()".to_string(),
        CbDesc::Gather => {
            format!("gather.<locals>._done_callback(){}", source_of("asyncio/tasks.py", "def _done_callback(fut):"))
        }
        CbDesc::Stop => format!(
            "_run_until_complete_cb(){}",
            source_of("asyncio/base_events.py", "def _run_until_complete_cb(fut):")
        ),
    }
}

/// CPython's `_format_callbacks`: ` cb=[first, <N more>, last]`, or nothing.
fn format_callbacks(vm: &mut Vm, cbs: &[CbDesc]) -> String {
    let inner = match cbs {
        [] => return String::new(),
        [a] => format_cb(vm, a),
        [a, b] => format!("{}, {}", format_cb(vm, a), format_cb(vm, b)),
        [a, .., z] => format!("{}, <{} more>, {}", format_cb(vm, a), cbs.len() - 2, format_cb(vm, z)),
    };
    format!(" cb=[{inner}]")
}

fn coro_repr(vm: &mut Vm, f: &Fut) -> String {
    let Some(tp) = &f.task else { return String::new() };
    let coro = tp.coro.clone();
    match &coro {
        Value::Generator(g) => {
            let st = g.state.lock();
            let mut code = st.frame.as_ref().map(|fr| (fr.code.filename.clone(), fr.line()));
            let running = st.running;
            drop(st);
            if running {
                // Running now (its task printing itself): the live frame's line.
                let line = vm
                    .get_attr_str(&coro, "cr_frame")
                    .ok()
                    .flatten()
                    .and_then(|fr| vm.get_attr_str(&fr, "f_lineno").ok().flatten());
                if let Some(Value::Int(n)) = line {
                    code = Some((g.code.filename.clone(), n as u32));
                }
            }
            match (code, &tp.code) {
                (Some((file, line)), _) => format!("<{}() running at {file}:{line}>", g.qualname.as_str()),
                (None, Some(c)) => {
                    format!("<{}() done, defined at {}:{}>", g.qualname.as_str(), c.filename, c.firstlineno)
                }
                _ => format!("<{}() done>", g.qualname.as_str()),
            }
        }
        other => vm.repr_of(other).unwrap_or_default(),
    }
}

/// `repr(fut)` for a native future or task.
pub fn repr(f: &Fut, vm: &mut Vm) -> String {
    let (status, cbs) = {
        let s = f.state.lock();
        let cbs: Vec<CbDesc> = match &s.callbacks {
            Callbacks::None => Vec::new(),
            Callbacks::One(c) => vec![describe(c)],
            Callbacks::Many(v) => v.iter().map(describe).collect(),
        };
        (s.status.clone(), cbs)
    };
    let mut state = match &status {
        Status::Pending => "pending",
        Status::Cancelled(_) => "cancelled",
        _ => "finished",
    };
    let mut head = String::new();
    if let Some(tp) = &f.task {
        if matches!(status, Status::Pending) && tp.num_cancels.load(std::sync::atomic::Ordering::SeqCst) > 0 {
            state = "cancelling";
        }
        let name = tp.name();
        let name = vm.repr_of(&name).unwrap_or_default();
        head = format!(" name={name} coro={}", coro_repr(vm, f));
        let (native, foreign) = {
            let m = tp.m.lock();
            (m.waiter.clone(), m.py_waiter.as_deref().cloned())
        };
        if matches!(status, Status::Pending) {
            // A native waiter shows as the future it is (`asyncio.sleep`'s
            // too, which CPython's task waits on inside the coroutine).
            let w = match (native, foreign) {
                (Some(w), _) => match w.value() {
                    v @ Value::Instance(_) => vm.repr_of(&v).ok(),
                    _ => Some(repr(&w, vm)),
                },
                (None, Some(p)) => vm.repr_of(&p).ok(),
                (None, None) => None,
            };
            if let Some(w) = w {
                head.push_str(&format!(" wait_for={w}"));
            }
        }
    }
    let tail = match &status {
        Status::Result(v) => format!(" result={}", vm.repr_of(v).unwrap_or_default()),
        Status::Exception(e) => format!(" exception={}", vm.repr_of(&e.value()).unwrap_or_default()),
        _ => String::new(),
    };
    let cb = format_callbacks(vm, &cbs);
    // gather's outer future is CPython's `_GatheringFuture`.
    let kind = if f.task.is_some() {
        "Task"
    } else if f.gather.is_some() {
        "_GatheringFuture"
    } else {
        "Future"
    };
    format!("<{kind} {state}{head}{tail}{cb}>")
}
