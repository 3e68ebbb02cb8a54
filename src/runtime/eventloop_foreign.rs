//! Native tasks awaiting futures written in Python: CPython's `_PyFuture`
//! (asyncio.futures.Future), a `_PyTask`, or any class with the
//! `_asyncio_future_blocking` protocol. Their `__await__` yields the future
//! itself with the flag set; a task then registers its wake-up with the
//! future's own `add_done_callback` and cancels through its `cancel`, as
//! CPython's `Task.__step` does for every future that is not its own kind.

use std::sync::Arc;

use super::eventloop::{Fut, Handle, Job, LoopCore};
use crate::object::value::Value;
use crate::vm::Vm;

/// Task `t` yielded `y`, which is not None and not a native future: wait on
/// it if it is a future by protocol, else resume the task with CPython's
/// RuntimeError for what it yielded.
pub fn wait_on_foreign(lp: &Arc<LoopCore>, vm: &mut Vm, t: &Arc<Fut>, y: Value) {
    let fail = |vm: &mut Vm, msg: String| {
        let e = vm.runtime_error(&msg);
        lp.push(Job::Step(t.clone(), Some(e)));
    };
    // getattr(y, '_asyncio_future_blocking', None), as CPython's __step.
    let blocking = vm.get_attr_str(&y, "_asyncio_future_blocking").ok().flatten().filter(|b| !b.is_none());
    let Some(blocking) = blocking else {
        let r = vm.repr_of(&y).unwrap_or_default();
        return fail(vm, format!("Task got bad yield: {r}"));
    };
    if let Some(other) = loop_of(vm, &y)
        && !other.is(&lp.value())
    {
        let (tr, fr) = (t.repr(vm), vm.repr_of(&y).unwrap_or_default());
        return fail(vm, format!("Task {tr} got Future {fr} attached to a different loop"));
    }
    if !vm.truthy(&blocking).unwrap_or(false) {
        let (tr, fr) = (t.repr(vm), vm.repr_of(&y).unwrap_or_default());
        return fail(vm, format!("yield was used instead of yield from in task {tr} with {fr}"));
    }
    let tp = t.task.as_ref().expect("task");
    let key = vm.rt.intern("_asyncio_future_blocking");
    if let Err(e) = vm.set_attr(&y, &key, Value::Bool(false)) {
        return lp.push(Job::Step(t.clone(), Some(e)));
    }
    let (l, task) = (lp.clone(), t.clone());
    let wake = Vm::native("task_wakeup", move |vm, _a| {
        l.task_step(vm, &task, None)?;
        // What the step queued on a loop written in Python goes to it now.
        super::eventloop_bridge::flush(vm)?;
        Ok(Value::None)
    });
    if let Err(e) = vm.call_method(&y, "add_done_callback", vec![wake]) {
        return lp.push(Job::Step(t.clone(), Some(e)));
    }
    let must = {
        let mut m = tp.m.lock();
        m.py_waiter = Some(Box::new(y.clone()));
        m.must_cancel.take()
    };
    if let Some(msg) = must {
        let args = (*msg).clone().map_or_else(Vec::new, |m| vec![m]);
        match vm.call_method(&y, "cancel", args) {
            Ok(r) if vm.truthy(&r).unwrap_or(false) => {}
            Ok(_) => tp.m.lock().must_cancel = Some(msg),
            Err(e) => lp.push(Job::Step(t.clone(), Some(e))),
        }
    }
}

/// A cancel that reached a task waiting on a future written in Python
/// through a chain of native ones (no interpreter at hand there): the
/// future's `cancel(msg)` runs as the loop's next callback, and the task,
/// marked to be cancelled, gets CancelledError when the future wakes it.
pub fn cancel_later(t: &Arc<Fut>, w: Value, msg: Option<Value>) {
    let Some(lp) = t.lp() else { return };
    let func = Vm::native("cancel", move |vm, _a| {
        let args = msg.clone().map_or_else(Vec::new, |m| vec![m]);
        vm.call_method(&w, "cancel", args)?;
        super::eventloop_bridge::flush(vm)?;
        Ok(Value::None)
    });
    let h = Handle {
        func,
        args: Vec::new(),
        context: Value::None,
        cancelled: Default::default(),
        when: None,
        class: t.st.handle_class.clone(),
    };
    lp.push(Job::Call(Arc::new(h)));
}

/// `futures._get_loop(fut)`: its `get_loop()`, else its `_loop`.
fn loop_of(vm: &mut Vm, y: &Value) -> Option<Value> {
    if let Ok(Some(get)) = vm.get_attr_str(y, "get_loop") {
        return vm.call(&get, vec![]).ok();
    }
    vm.get_attr_str(y, "_loop").ok().flatten()
}

/// `task.cancel(msg)` while the task waits on a future written in Python:
/// that future's `cancel(msg)` decides, else the task's next step raises
/// CancelledError. None when the task does not wait on one.
pub fn cancel_foreign(vm: &mut Vm, t: &Arc<Fut>, msg: &Option<Value>) -> Option<crate::vm::PyResult<bool>> {
    let tp = t.task.as_ref()?;
    if !t.is_pending() {
        return None;
    }
    let w = tp.m.lock().py_waiter.as_deref().cloned()?;
    tp.num_cancels.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let args = msg.clone().map_or_else(Vec::new, |m| vec![m]);
    let r = match vm.call_method(&w, "cancel", args) {
        Ok(r) => r,
        Err(e) => return Some(Err(e)),
    };
    if !vm.truthy(&r).unwrap_or(false) {
        tp.m.lock().must_cancel = Some(Box::new(msg.clone()));
    }
    Some(Ok(true))
}
