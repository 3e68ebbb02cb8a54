//! Methods of `_asyncio.EventLoop` (the native loop of `runtime/eventloop.rs`).

use std::sync::Arc;
use std::sync::atomic::Ordering;

use super::method;
use crate::object::class::Class;
use crate::object::value::Value;
use crate::runtime::eventloop::{AsyncState, Callback, Handle, Job, LoopCore};
use crate::runtime::eventloop_fut::Fut;
use crate::vm::{Args, PyResult, Vm};

fn this(vm: &mut Vm, a: &Args) -> PyResult<Arc<LoopCore>> {
    if let Some(Value::Native2(o)) = a.pos.first()
        && o.as_any().is::<LoopCore>()
    {
        let any: Arc<dyn std::any::Any + Send + Sync> = (**o).clone();
        if let Ok(l) = any.downcast::<LoopCore>() {
            return Ok(l);
        }
    }
    Err(vm.type_error("descriptor requires an event loop"))
}

fn check_open(vm: &mut Vm, lp: &LoopCore) -> PyResult<()> {
    if lp.closed.load(Ordering::SeqCst) {
        return Err(vm.runtime_error("Event loop is closed"));
    }
    Ok(())
}

/// `func, *args` (from position `from`) as a handle that runs in `context=`,
/// else in a copy of the current context.
fn handle(vm: &mut Vm, st: &AsyncState, a: &mut Args, from: usize, when: Option<f64>) -> PyResult<Arc<Handle>> {
    let context = match a.take_kw("context") {
        Some(c) if !c.is_none() => c,
        _ => vm.copy_current_context()?,
    };
    let func = a.pos.get(from).cloned().unwrap_or(Value::None);
    let args = a.pos.iter().skip(from + 1).cloned().collect();
    Ok(Arc::new(Handle { func, args, context, cancelled: Default::default(), when, class: st.handle_class.clone() }))
}

/// Registers the loop's methods on its class.
pub fn add_loop_methods(st: &Arc<AsyncState>, cls: &Arc<Class>) {
    method(cls, "run_forever", |vm, a| {
        let lp = this(vm, &a)?;
        lp.run_forever(vm)?;
        Ok(Value::None)
    });
    method(cls, "run_until_complete", |vm, a| {
        let lp = this(vm, &a)?;
        check_open(vm, &lp)?;
        // Before the awaitable becomes a task, as CPython's `_check_running`:
        // a coroutine refused here is never awaited and warns so.
        if lp.running.load(Ordering::SeqCst) {
            return Err(vm.runtime_error("This event loop is already running"));
        }
        if crate::runtime::eventloop::running_loop().is_some() {
            return Err(vm.runtime_error("Cannot run the event loop while another loop is running"));
        }
        let aw = a.pos.get(1).cloned().unwrap_or(Value::None);
        let f = super::mod_asyncio::ensure_future(vm, &lp, aw)?;
        f.add_callback(Callback::Stop);
        if let Err(e) = lp.run_forever(vm) {
            // Interrupted (Ctrl-C, an exception out of the loop): the future's
            // stop callback must not stop a later run of this loop (asyncio.run's
            // cleanup runs it again to cancel the remaining tasks).
            f.state.lock().callbacks.remove_stop();
            return Err(e);
        }
        if f.is_pending() {
            return Err(vm.runtime_error("Event loop stopped before Future completed."));
        }
        f.result(vm)
    });
    method(cls, "stop", |vm, a| {
        this(vm, &a)?.stop();
        Ok(Value::None)
    });
    method(cls, "close", |vm, a| {
        let lp = this(vm, &a)?;
        if lp.running.load(Ordering::SeqCst) {
            return Err(vm.runtime_error("Cannot close a running event loop"));
        }
        if !lp.closed.swap(true, Ordering::SeqCst) {
            lp.report_unretrieved(vm);
        }
        Ok(Value::None)
    });
    method(cls, "_report_unretrieved", |vm, a| {
        this(vm, &a)?.report_unretrieved(vm);
        Ok(Value::None)
    });
    method(cls, "is_running", |vm, a| Ok(Value::Bool(this(vm, &a)?.running.load(Ordering::SeqCst))));
    method(cls, "is_closed", |vm, a| Ok(Value::Bool(this(vm, &a)?.closed.load(Ordering::SeqCst))));
    method(cls, "time", |vm, a| Ok(Value::Float(this(vm, &a)?.time())));
    method(cls, "get_debug", |vm, a| Ok(Value::Bool(this(vm, &a)?.debug.load(Ordering::SeqCst))));
    method(cls, "set_debug", |vm, a| {
        let on = vm.truthy(&a.pos.get(1).cloned().unwrap_or(Value::None))?;
        this(vm, &a)?.debug.store(on, Ordering::SeqCst);
        Ok(Value::None)
    });
    method(cls, "set_exception_handler", |vm, a| {
        *this(vm, &a)?.exception_handler.lock() = a.pos.get(1).cloned().unwrap_or(Value::None);
        Ok(Value::None)
    });
    method(cls, "get_exception_handler", |vm, a| Ok(this(vm, &a)?.exception_handler.lock().clone()));
    let s = st.clone();
    method(cls, "call_soon", move |vm, mut a| {
        let lp = this(vm, &a)?;
        check_open(vm, &lp)?;
        let h = handle(vm, &s, &mut a, 1, None)?;
        lp.push(Job::Call(h.clone()));
        Ok(Value::from_native(h))
    });
    let s = st.clone();
    method(cls, "call_soon_threadsafe", move |vm, mut a| {
        let lp = this(vm, &a)?;
        check_open(vm, &lp)?;
        let h = handle(vm, &s, &mut a, 1, None)?;
        lp.push_threadsafe(Job::Call(h.clone()));
        Ok(Value::from_native(h))
    });
    let s = st.clone();
    method(cls, "call_later", move |vm, mut a| {
        let lp = this(vm, &a)?;
        check_open(vm, &lp)?;
        let d = vm.to_float(&a.pos.get(1).cloned().unwrap_or(Value::None))?;
        let h = handle(vm, &s, &mut a, 2, Some(lp.time() + d))?;
        lp.push_after(crate::runtime::eventloop::delay(d), Job::Call(h.clone()));
        Ok(Value::from_native(h))
    });
    let s = st.clone();
    method(cls, "call_at", move |vm, mut a| {
        let lp = this(vm, &a)?;
        check_open(vm, &lp)?;
        let when = vm.to_float(&a.pos.get(1).cloned().unwrap_or(Value::None))?;
        let h = handle(vm, &s, &mut a, 2, Some(when))?;
        lp.push_at(when, Job::Call(h.clone()));
        Ok(Value::from_native(h))
    });
    let s = st.clone();
    method(cls, "create_future", move |vm, a| {
        let lp = this(vm, &a)?;
        Ok(Arc::new(Fut::new(s.clone(), Some(lp))).value())
    });
    method(cls, "create_task", |vm, mut a| {
        let lp = this(vm, &a)?;
        check_open(vm, &lp)?;
        let coro = a.arg(1, "coro").unwrap_or(Value::None);
        let name = a.take_kw("name");
        let context = a.take_kw("context");
        super::mod_asyncio::create_task(vm, &lp, coro, name, context)
    });
    method(cls, "set_task_factory", |vm, a| {
        let lp = this(vm, &a)?;
        let f = a.pos.get(1).cloned().unwrap_or(Value::None);
        if !f.is_none() && !super::builtins_attr::is_callable(vm, &f) {
            return Err(vm.type_error("task factory must be a callable or None"));
        }
        *lp.task_factory.lock() = f;
        Ok(Value::None)
    });
    method(cls, "get_task_factory", |vm, a| Ok(this(vm, &a)?.task_factory.lock().clone()));
    method(cls, "__repr__", |vm, a| {
        let lp = this(vm, &a)?;
        let r = lp.running.load(Ordering::SeqCst);
        let c = lp.closed.load(Ordering::SeqCst);
        let d = lp.debug.load(Ordering::SeqCst);
        Ok(Value::string(format!(
            "<_UnixSelectorEventLoop running={} closed={} debug={}>",
            py_bool(r),
            py_bool(c),
            py_bool(d)
        )))
    });
}

fn py_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}
