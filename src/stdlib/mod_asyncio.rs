//! The `_asyncio` module: the Python face of the Rust event loop
//! (`runtime/eventloop.rs`): `Loop`, `Future`, `Task`, `Handle`, and the
//! hot functions `sleep`, `gather`, `create_task`, `ensure_future`.
//! `py/asyncio.py` builds the rest of the asyncio API on top.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use parking_lot::Mutex;

use super::{def, method};
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::generator::GenKind;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::runtime::eventloop::{AsyncState, Callback, Handle, Job, LoopCore, as_fut, running_loop};
use crate::runtime::eventloop_bridge::{bridge_for, flush};
use crate::runtime::eventloop_fut::{Callbacks, Fut, FutIter, GatherPart, Status, TaskMut, TaskPart};
use crate::vm::iter::SendResult;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyErr, PyResult, Runtime, Vm};

fn fut_of(vm: &mut Vm, a: &Args) -> PyResult<Arc<Fut>> {
    a.pos.first().and_then(as_fut).ok_or_else(|| vm.type_error("descriptor requires a '_asyncio.Future' object"))
}

/// Whether `v` is an instance of a Python subclass of Future/Task whose
/// class overrides the native method `name` (which the loop must then call
/// instead of acting on the native future directly).
pub fn overrides(vm: &mut Vm, st: &AsyncState, v: &Value, name: &str) -> bool {
    let Value::Instance(i) = v else { return false };
    let _ = vm;
    match (i.class.lookup(name), st.future_class.lookup(name)) {
        (Some(mine), Some(native)) => mine.id() != native.id(),
        _ => false,
    }
}

/// The Python value of a new future or task made for class `cls`: the
/// native object itself, or an instance of the Python subclass `cls`
/// carrying it (which the future refers back to, see `Outer`).
fn wrap_fut(vm: &mut Vm, cls: &Value, f: Arc<Fut>) -> Value {
    let v = vm.wrap_builtin(cls, Value::from_native(f.clone()));
    if let Value::Instance(i) = &v {
        f.set_outer(i);
    }
    v
}

fn loop_of(v: &Value) -> Option<Arc<LoopCore>> {
    match v {
        Value::Native2(o) if o.as_any().is::<LoopCore>() => {
            let a: Arc<dyn std::any::Any + Send + Sync> = (**o).clone();
            a.downcast::<LoopCore>().ok()
        }
        _ => None,
    }
}

fn need_running(vm: &mut Vm) -> PyResult<Arc<LoopCore>> {
    running_loop().ok_or_else(|| vm.runtime_error("no running event loop"))
}

/// The loop of a Future or Task made without `loop=`: the running loop,
/// else this thread's current one, as CPython's `events._get_event_loop()`
/// (which py/asyncio.py installs as `_asyncio._get_event_loop`).
fn default_loop(vm: &mut Vm, st: &Arc<AsyncState>, d: &Dict) -> PyResult<Arc<LoopCore>> {
    if let Some(l) = running_loop() {
        return Ok(l);
    }
    let Some(get) = d.get_item_str("_get_event_loop") else { return need_running(vm) };
    let l = vm.call(&get, vec![])?;
    match core_of(st, &l) {
        Some(c) => Ok(c),
        None => need_running(vm),
    }
}

/// The core of loop `v`: the native loop itself, or the bridge of a loop
/// written in Python (`eventloop_bridge.rs`); None for None.
fn core_of(st: &Arc<AsyncState>, v: &Value) -> Option<Arc<LoopCore>> {
    if v.is_none() {
        return None;
    }
    loop_of(v).or_else(|| Some(bridge_for(st, v)))
}

/// The loop named by an optional `loop=` argument, else the running one.
fn loop_arg(vm: &mut Vm, st: &Arc<AsyncState>, v: Option<Value>) -> PyResult<Arc<LoopCore>> {
    match v.as_ref().and_then(|v| core_of(st, v)) {
        Some(l) => Ok(l),
        None => need_running(vm),
    }
}

/// `r`, after handing the jobs scheduled on Python loops to them.
fn flushed<T>(vm: &mut Vm, r: PyResult<T>) -> PyResult<T> {
    let v = r?;
    flush(vm)?;
    Ok(v)
}

fn exc_of(vm: &mut Vm, v: Value) -> PyResult<PyErr> {
    let e = vm.make_raisable(v)?;
    if vm.is_exc(&e, "StopIteration") {
        return Err(vm.type_error("StopIteration interacts badly with generators and cannot be raised into a Future"));
    }
    Ok(e)
}

/// A new task driving `coro` (a coroutine or any awaitable) on `lp`, in
/// `context` (else a copy of the current context).
pub fn new_task(
    vm: &mut Vm,
    lp: &Arc<LoopCore>,
    coro: Value,
    name: Option<Value>,
    context: Option<Value>,
) -> PyResult<Arc<Fut>> {
    // CPython's `iscoroutine` counts generators (`yield from fut` code).
    let driven = match &coro {
        Value::Generator(g) if g.kind != GenKind::AsyncGenerator => coro.clone(),
        _ => match as_fut(&coro) {
            Some(f) => f.value(),
            None => {
                if vm.class_of(&coro).lookup("__await__").is_none() {
                    let r = vm.repr_of(&coro)?;
                    return Err(vm.type_error(&format!("a coroutine was expected, got {r}")));
                }
                vm.get_awaitable(coro.clone())?
            }
        },
    };
    // Numbered across the process, as CPython's module-level counter: a
    // second `asyncio.run` goes on from the first's numbers.
    let n = vm.rt.asyncio_task_counter.fetch_add(1, Ordering::Relaxed) + 1;
    let name = match name {
        Some(v) if !v.is_none() => {
            let s = vm.str_of(&v)?;
            Some(Box::new(Value::string(s)))
        }
        _ => None,
    };
    if let Value::Generator(g) = &driven
        && let Some(f) = g.state.lock().frame.as_mut()
        && f.pc == 0
    {
        // Memory: a not-yet-started coroutine's value stack shrinks to what
        // most tasks need (it grows again if needed); 100k tasks must fit in
        // 100 MB.
        f.stack.shrink_to(4);
    }
    let code = match &driven {
        Value::Generator(g) => g.state.lock().frame.as_ref().map(|f| f.code.clone()),
        _ => None,
    };
    let context = match context {
        Some(c) if !c.is_none() => c,
        _ => vm.copy_current_context()?,
    };
    let context = if context.is_none() { None } else { Some(Box::new(context)) };
    let mut f = Fut::new(lp.st.clone(), Some(lp.clone()));
    f.task = Some(Box::new(TaskPart {
        coro: driven,
        number: n,
        code,
        num_cancels: AtomicUsize::new(0),
        m: Mutex::new(TaskMut { name, context, ..Default::default() }),
    }));
    let t = Arc::new(f);
    lp.tasks.lock().insert(Arc::as_ptr(&t) as usize, t.clone());
    lp.push(Job::Step(t.clone(), None));
    Ok(t)
}

/// `loop.create_task(coro, name=, context=)`: a native task, or what the
/// loop's task factory (`set_task_factory`) makes, named by `name`.
pub fn create_task(
    vm: &mut Vm,
    lp: &Arc<LoopCore>,
    coro: Value,
    name: Option<Value>,
    context: Option<Value>,
) -> PyResult<Value> {
    let factory = lp.task_factory.lock().clone();
    if factory.is_none() {
        return Ok(new_task(vm, lp, coro, name, context)?.value());
    }
    let mut args = Args::new(vec![lp.value(), coro]);
    if let Some(c) = context.filter(|c| !c.is_none()) {
        args.kw.push((Arc::new(crate::object::str::PyStr::new("context")), c));
    }
    let t = vm.call_value(&factory, args)?;
    if let Some(n) = name.filter(|n| !n.is_none()) {
        vm.call_method(&t, "set_name", vec![n])?;
    }
    Ok(t)
}

/// `ensure_future(aw)`: futures as they are, coroutines wrapped in tasks
/// (by the loop's task factory, if it has one).
pub fn ensure_future(vm: &mut Vm, lp: &Arc<LoopCore>, aw: Value) -> PyResult<Arc<Fut>> {
    if let Some(f) = as_fut(&aw) {
        f.arm(lp);
        return Ok(f);
    }
    if !matches!(&aw, Value::Generator(g) if g.kind != GenKind::AsyncGenerator)
        && vm.class_of(&aw).lookup("__await__").is_none()
    {
        return Err(vm.type_error("An asyncio.Future, a coroutine or an awaitable is required"));
    }
    if lp.task_factory.lock().is_none() {
        return new_task(vm, lp, aw, None, None);
    }
    let t = create_task(vm, lp, aw, None, None)?;
    as_fut(&t).ok_or_else(|| vm.type_error("the task factory did not return an asyncio.Future"))
}

/// A gather child finished: record it and maybe complete the outer future.
pub fn gather_child_done(vm: &mut Vm, outer: &Arc<Fut>, child: &Arc<Fut>) -> PyResult<()> {
    let g = outer.gather.as_ref().expect("gather");
    let done = g.finished.fetch_add(1, Ordering::SeqCst) + 1;
    let cstatus = child.state.lock().status.clone();
    if !outer.is_pending() {
        if let Status::Exception(_) = cstatus {
            child.state.lock().retrieved = true;
        }
        return Ok(());
    }
    if !g.return_exceptions {
        match &cstatus {
            Status::Cancelled(_) => {
                let e = child.cancelled_error(vm);
                outer.finish(Status::Exception(e));
                return Ok(());
            }
            Status::Exception(e) => {
                child.state.lock().retrieved = true;
                outer.finish(Status::Exception(e.clone()));
                return Ok(());
            }
            _ => {}
        }
    }
    if done < g.children.len() {
        return Ok(());
    }
    let mut results = Vec::with_capacity(g.children.len());
    for c in &g.children {
        let st = c.state.lock().status.clone();
        results.push(match st {
            Status::Result(v) => v,
            Status::Exception(e) => {
                c.state.lock().retrieved = true;
                e.value()
            }
            Status::Cancelled(_) => c.cancelled_error(vm).value(),
            Status::Pending => Value::None,
        });
    }
    if *g.cancel_requested.lock() {
        // As CPython's: the error of the child that finished last (its
        // message, if it was cancelled with one).
        let e = child.cancelled_error(vm);
        outer.finish(Status::Exception(e));
    } else {
        outer.finish(Status::Result(Value::list(results)));
    }
    Ok(())
}

fn gather(vm: &mut Vm, st: &Arc<AsyncState>, mut a: Args) -> PyResult {
    let ret_exc = match a.take_kw("return_exceptions") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    // As CPython's: the loop of the first future given, else the running
    // one (asyncio.run's shutdown gathers its tasks while no loop runs).
    let lp = match a.pos.iter().find_map(|v| as_fut(v).and_then(|f| f.lp())) {
        Some(lp) => lp,
        None => need_running(vm)?,
    };
    let mut children: Vec<Arc<Fut>> = Vec::with_capacity(a.pos.len());
    // Children of a Python subclass overriding `add_done_callback`: that
    // method is called (as CPython's gather calls it on every child).
    let mut own_add: Vec<(usize, Value)> = Vec::new();
    let mut seen: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    for aw in a.pos {
        let id = aw.id();
        if matches!(aw, Value::Generator(_))
            && let Some(&j) = seen.get(&id)
        {
            let c = children[j].clone();
            children.push(c);
            continue;
        }
        if matches!(aw, Value::Generator(_)) {
            seen.insert(id, children.len());
        }
        if overrides(vm, st, &aw, "add_done_callback") {
            own_add.push((children.len(), aw.clone()));
        }
        children.push(ensure_future(vm, &lp, aw)?);
    }
    let mut outer = Fut::new(st.clone(), Some(lp.clone()));
    let n = children.len();
    outer.gather = Some(Box::new(GatherPart {
        children,
        return_exceptions: ret_exc,
        finished: AtomicUsize::new(0),
        cancel_requested: Mutex::new(false),
    }));
    let outer = Arc::new(outer);
    if n == 0 {
        outer.finish(Status::Result(Value::list(vec![])));
    }
    if let Some(g) = &outer.gather {
        let mut own = own_add.into_iter().peekable();
        for (i, c) in g.children.iter().enumerate() {
            match own.next_if(|(j, _)| *j == i) {
                Some((_, child)) => {
                    let (o, c) = (outer.clone(), c.clone());
                    let done = Vm::native("_done_callback", move |vm, _a| {
                        gather_child_done(vm, &o, &c)?;
                        Ok(Value::None)
                    });
                    vm.call_method(&child, "add_done_callback", vec![done])?;
                }
                None => c.add_callback(Callback::Gather(outer.clone())),
            }
        }
    }
    Ok(outer.value())
}

fn add_future_methods(cls: &Arc<Class>) {
    method(cls, "result", |vm, a| fut_of(vm, &a)?.result(vm));
    method(cls, "exception", |vm, a| fut_of(vm, &a)?.exception(vm));
    method(cls, "done", |vm, a| Ok(Value::Bool(!fut_of(vm, &a)?.is_pending())));
    method(cls, "cancelled", |vm, a| {
        Ok(Value::Bool(matches!(fut_of(vm, &a)?.state.lock().status, Status::Cancelled(_))))
    });
    method(cls, "cancel", |vm, mut a| {
        let msg = a.arg(1, "msg").filter(|v| !v.is_none());
        let limit = vm.rt.recursion_limit.load(std::sync::atomic::Ordering::Relaxed);
        let f = fut_of(vm, &a)?;
        if let Some(r) = crate::runtime::eventloop_foreign::cancel_foreign(vm, &f, &msg) {
            return flushed(vm, r.map(Value::Bool));
        }
        match f.try_cancel(msg, limit) {
            Ok(done) => flushed(vm, Ok(Value::Bool(done))),
            Err(_) => Err(vm.recursion_error(" while calling a Python object")),
        }
    });
    method(cls, "set_result", |vm, a| {
        let f = fut_of(vm, &a)?;
        if f.task.is_some() {
            return Err(vm.runtime_error("Task does not support set_result() operation"));
        }
        if !f.is_pending() {
            let r = f.repr(vm);
            return Err(f.st.invalid(vm, &format!("invalid state: {r}")));
        }
        f.finish(Status::Result(a.pos.get(1).cloned().unwrap_or(Value::None)));
        flushed(vm, Ok(Value::None))
    });
    method(cls, "set_exception", |vm, a| {
        let f = fut_of(vm, &a)?;
        if f.task.is_some() {
            return Err(vm.runtime_error("Task does not support set_exception() operation"));
        }
        if !f.is_pending() {
            let r = f.repr(vm);
            return Err(f.st.invalid(vm, &format!("invalid state: {r}")));
        }
        let e = exc_of(vm, a.pos.get(1).cloned().unwrap_or(Value::None))?;
        f.finish(Status::Exception(e));
        flushed(vm, Ok(Value::None))
    });
    method(cls, "add_done_callback", |vm, mut a| {
        let context = match a.take_kw("context") {
            Some(c) if !c.is_none() => c,
            _ => vm.copy_current_context()?,
        };
        let f = fut_of(vm, &a)?;
        let cb = a.pos.get(1).cloned().unwrap_or(Value::None);
        f.add_callback(Callback::Py(Box::new((cb, context))));
        flushed(vm, Ok(Value::None))
    });
    method(cls, "remove_done_callback", |vm, a| {
        let f = fut_of(vm, &a)?;
        let cb = a.pos.get(1).cloned().unwrap_or(Value::None);
        let n = f.state.lock().callbacks.remove_py(&cb);
        Ok(Value::Int(n as i64))
    });
    method(cls, "get_loop", |vm, a| {
        let f = fut_of(vm, &a)?;
        let l = match f.lp() {
            Some(l) => l,
            None => need_running(vm)?,
        };
        flushed(vm, Ok(l.value()))
    });
    for name in ["__await__", "__iter__"] {
        method(cls, name, |vm, a| {
            let f = fut_of(vm, &a)?;
            Ok(Value::from_native(Arc::new(FutIter { fut: f, yielded: Default::default() })))
        });
    }
    method(cls, "__repr__", |vm, a| {
        let f = fut_of(vm, &a)?;
        Ok(Value::string(f.repr(vm)))
    });
}

/// The coroutine methods of `asyncio.sleep`'s futures, which a task written
/// in Python (CPython's `_PyTask`) drives as a coroutine: `send` arms the
/// timer and yields the future itself (as `await fut` does) until it is
/// done, then raises StopIteration with the result; `throw` and `close`
/// abandon a sleep that has not finished (no callbacks run) as the
/// coroutine's `finally` would cancel its timer.
fn add_sleep_methods(cls: &Arc<Class>) {
    fn abandon(f: &Arc<Fut>) {
        let pending = {
            let mut s = f.state.lock();
            s.sleep = None;
            s.callbacks = Callbacks::None;
            matches!(s.status, Status::Pending)
        };
        if pending {
            f.finish(Status::cancelled(None));
        }
    }
    method(cls, "send", |vm, a| {
        let f = fut_of(vm, &a)?;
        let r = FutIter::step_fut(&f, vm, Ok(Value::None));
        match flushed(vm, r)? {
            SendResult::Yielded(v) => Ok(v),
            SendResult::Returned(v) => Err(vm.stop_iteration(Some(v))),
        }
    });
    method(cls, "throw", |vm, a| {
        let f = fut_of(vm, &a)?;
        let e = super::types_gen::throw_args(vm, &a.pos[1..])?;
        abandon(&f);
        Err(e)
    });
    method(cls, "close", |vm, a| {
        abandon(&fut_of(vm, &a)?);
        Ok(Value::None)
    });
    method(cls, "__repr__", |vm, a| {
        let f = fut_of(vm, &a)?;
        Ok(Value::string(format!("<coroutine object sleep at {:#x}>", Arc::as_ptr(&f) as usize)))
    });
}

fn add_task_methods(cls: &Arc<Class>) {
    fn task(vm: &mut Vm, a: &Args) -> PyResult<Arc<Fut>> {
        let f = fut_of(vm, a)?;
        if f.task.is_none() {
            return Err(vm.type_error("descriptor requires a '_asyncio.Task' object"));
        }
        Ok(f)
    }
    method(cls, "get_name", |vm, a| Ok(task(vm, &a)?.task.as_ref().expect("task").name()));
    method(cls, "set_name", |vm, a| {
        let t = task(vm, &a)?;
        let s = vm.str_of(&a.pos.get(1).cloned().unwrap_or(Value::None))?;
        t.task.as_ref().expect("task").m.lock().name = Some(Box::new(Value::string(s)));
        Ok(Value::None)
    });
    method(cls, "get_coro", |vm, a| Ok(task(vm, &a)?.task.as_ref().expect("task").coro.clone()));
    method(cls, "cancelling", |vm, a| {
        Ok(Value::Int(task(vm, &a)?.task.as_ref().expect("task").num_cancels.load(Ordering::SeqCst) as i64))
    });
    method(cls, "uncancel", |vm, a| {
        let t = task(vm, &a)?;
        let tp = t.task.as_ref().expect("task");
        let n = tp.num_cancels.load(Ordering::SeqCst);
        if n > 0 {
            tp.num_cancels.store(n - 1, Ordering::SeqCst);
        }
        Ok(Value::Int(n.saturating_sub(1) as i64))
    });
}

/// A property `name` on `cls` over native getter and setter functions.
fn prop(
    rt: &Runtime,
    cls: &Arc<Class>,
    name: &str,
    get: impl Fn(&mut Vm, Args) -> PyResult + Send + Sync + 'static,
    set: impl Fn(&mut Vm, Args) -> PyResult + Send + Sync + 'static,
) {
    let p = crate::object::descr::Property::new(
        Vm::native(name, get),
        Vm::native(name, set),
        name,
        rt.types.property.clone(),
    );
    cls.dict.set_item_str(name, Value::from_native(Arc::new(p)));
}

/// The underscore attributes of CPython's C futures and tasks that its
/// Python code (`_PyTask`, `base_events`, `tasks`) and tests read or set.
fn add_private_attrs(rt: &Runtime, future_class: &Arc<Class>, task_class: &Arc<Class>) {
    fn read_only(vm: &mut Vm, _a: Args) -> PyResult {
        Err(vm.err("AttributeError", "readonly attribute"))
    }
    // CPython's `futures.isfuture` looks for it on the class, and a task
    // written in Python sets it on the future it awaits.
    prop(
        rt,
        future_class,
        "_asyncio_future_blocking",
        |vm, a| Ok(Value::Bool(fut_of(vm, &a)?.state.lock().blocking)),
        |vm, a| {
            let f = fut_of(vm, &a)?;
            let b = vm.truthy(&a.pos.get(1).cloned().unwrap_or(Value::None))?;
            f.state.lock().blocking = b;
            Ok(Value::None)
        },
    );
    // Only recorded in debug mode by CPython: never here.
    prop(rt, future_class, "_source_traceback", |_vm, _a| Ok(Value::None), read_only);
    prop(
        rt,
        future_class,
        "_log_traceback",
        |vm, a| {
            let f = fut_of(vm, &a)?;
            let st = f.state.lock();
            Ok(Value::Bool(matches!(st.status, Status::Exception(_)) && !st.retrieved))
        },
        |vm, a| {
            let f = fut_of(vm, &a)?;
            if vm.truthy(&a.pos.get(1).cloned().unwrap_or(Value::None))? {
                return Err(vm.value_error("_log_traceback can only be set to False"));
            }
            f.state.lock().retrieved = true;
            Ok(Value::None)
        },
    );
    prop(
        rt,
        future_class,
        "_state",
        |vm, a| {
            let s = match fut_of(vm, &a)?.state.lock().status {
                Status::Pending => "PENDING",
                Status::Cancelled(_) => "CANCELLED",
                _ => "FINISHED",
            };
            Ok(Value::str(s))
        },
        read_only,
    );
    prop(rt, future_class, "_loop", |vm, a| Ok(fut_of(vm, &a)?.lp().map_or(Value::None, |l| l.value())), read_only);
    prop(
        rt,
        future_class,
        "_result",
        |vm, a| match &fut_of(vm, &a)?.state.lock().status {
            Status::Result(v) => Ok(v.clone()),
            _ => Ok(Value::None),
        },
        read_only,
    );
    prop(
        rt,
        future_class,
        "_exception",
        |vm, a| match &fut_of(vm, &a)?.state.lock().status {
            Status::Exception(e) => Ok(e.value()),
            _ => Ok(Value::None),
        },
        read_only,
    );
    // The message of `cancel(msg)` (CPython's C future keeps it in this
    // attribute, which its tests read and replace before the task sees it).
    prop(
        rt,
        future_class,
        "_cancel_message",
        |vm, a| {
            let f = fut_of(vm, &a)?;
            if let Status::Cancelled(c) = &f.state.lock().status {
                return Ok(c.msg.clone().unwrap_or(Value::None));
            }
            let Some(tp) = &f.task else { return Ok(Value::None) };
            // Kept only when no waiter took the cancellation (CPython's
            // C task sets it after asking its waiter to cancel).
            let must = tp.m.lock().must_cancel.as_deref().cloned();
            Ok(must.flatten().unwrap_or(Value::None))
        },
        |vm, a| {
            let f = fut_of(vm, &a)?;
            let msg = a.pos.get(1).cloned().filter(|v| !v.is_none());
            if let Status::Cancelled(c) = &mut f.state.lock().status {
                c.msg = msg;
                return Ok(Value::None);
            }
            if let Some(tp) = &f.task
                && let Some(m) = tp.m.lock().must_cancel.as_mut()
            {
                **m = msg;
            }
            Ok(Value::None)
        },
    );
    prop(
        rt,
        task_class,
        "_coro",
        |vm, a| Ok(fut_of(vm, &a)?.task.as_ref().map_or(Value::None, |t| t.coro.clone())),
        read_only,
    );
    prop(
        rt,
        task_class,
        "_fut_waiter",
        |vm, a| {
            let f = fut_of(vm, &a)?;
            let Some(tp) = f.task.as_ref() else { return Ok(Value::None) };
            let m = tp.m.lock();
            Ok(match (&m.waiter, &m.py_waiter) {
                (Some(w), _) => w.value(),
                (None, Some(p)) => (**p).clone(),
                (None, None) => Value::None,
            })
        },
        read_only,
    );
    prop(
        rt,
        task_class,
        "_must_cancel",
        |vm, a| {
            let f = fut_of(vm, &a)?;
            Ok(Value::Bool(f.task.as_ref().is_some_and(|t| t.m.lock().must_cancel.is_some())))
        },
        read_only,
    );
}

fn iter_class(rt: &Runtime) -> Arc<Class> {
    let c = new_builtin_class("FutureIter", std::slice::from_ref(&rt.types.object), Layout::Opaque);
    fn fi<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a FutIter> {
        if let Some(Value::Native2(o)) = a.pos.first()
            && let Some(t) = o.as_any().downcast_ref::<FutIter>()
        {
            return Ok(t);
        }
        Err(vm.type_error("expected a FutureIter"))
    }
    fn out(vm: &mut Vm, r: SendResult) -> PyResult {
        match r {
            SendResult::Yielded(v) => Ok(v),
            SendResult::Returned(v) => Err(vm.stop_iteration(Some(v))),
        }
    }
    method(&c, "__iter__", |_vm, a| Ok(a.pos[0].clone()));
    method(&c, "__next__", |vm, a| {
        let r = fi(vm, &a)?.step(vm, Ok(Value::None));
        let r = flushed(vm, r)?;
        out(vm, r)
    });
    method(&c, "send", |vm, a| {
        let r = fi(vm, &a)?.step(vm, Ok(Value::None));
        let r = flushed(vm, r)?;
        out(vm, r)
    });
    method(&c, "throw", |vm, a| {
        let e = super::types_gen::throw_args(vm, &a.pos[1..])?;
        let r = fi(vm, &a)?.step(vm, Err(e));
        let r = flushed(vm, r)?;
        out(vm, r)
    });
    method(&c, "close", |_vm, _a| Ok(Value::None));
    c
}

fn handle_class(rt: &Runtime) -> Arc<Class> {
    let c = new_builtin_class("TimerHandle", std::slice::from_ref(&rt.types.object), Layout::Opaque);
    fn h<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a Handle> {
        if let Some(Value::Native2(o)) = a.pos.first()
            && let Some(t) = o.as_any().downcast_ref::<Handle>()
        {
            return Ok(t);
        }
        Err(vm.type_error("expected a Handle"))
    }
    method(&c, "cancel", |vm, a| {
        h(vm, &a)?.cancelled.store(true, Ordering::SeqCst);
        Ok(Value::None)
    });
    method(&c, "cancelled", |vm, a| Ok(Value::Bool(h(vm, &a)?.cancelled.load(Ordering::SeqCst))));
    method(&c, "when", |vm, a| Ok(h(vm, &a)?.when.map(Value::Float).unwrap_or(Value::None)));
    c
}

crate::object::native::impl_native_object!(Handle);

/// `CancelledError` / `InvalidStateError`, made as Python classes.
fn exc_class(vm: &mut Vm, name: &str, base: &str) -> PyResult<Value> {
    let d = Dict::new();
    d.set_item_str("__module__", Value::str("asyncio.exceptions"));
    let base = Value::Class(vm.rt.types.exc(base));
    let ty = Value::Class(vm.rt.types.type_.clone());
    vm.call(&ty, vec![Value::str(name), Value::tuple(vec![base]), Value::Dict(Arc::new(d))])
}

/// Creates the `_asyncio` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let rt = vm.rt.clone();
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("_asyncio"));
    // Subclassable (CPython's tasks.py has `class _GatheringFuture(Future)`):
    // a subclass instance carries the native future as its payload.
    let future_class = new_builtin_class("Future", std::slice::from_ref(&rt.types.object), Layout::NativeNew);
    future_class.dict.set_item_str("__module__", Value::str("_asyncio"));
    let task_class = new_builtin_class("Task", std::slice::from_ref(&future_class), Layout::NativeNew);
    task_class.dict.set_item_str("__module__", Value::str("_asyncio"));
    // The base of gilt's loop class: once CPython's asyncio.events is
    // imported it is that module's `AbstractEventLoop` (py/asyncio.events.py
    // moves the methods of CPython's class onto it), so gilt's loop is an
    // instance of it and CPython's Python loops subclass the same class.
    let abstract_loop = new_builtin_class("AbstractEventLoop", std::slice::from_ref(&rt.types.object), Layout::Object);
    abstract_loop.dict.set_item_str("__module__", Value::str("asyncio.events"));
    // Named as the class of CPython's loops on Unix (`asyncio.SelectorEventLoop`).
    let loop_class = new_builtin_class("_UnixSelectorEventLoop", std::slice::from_ref(&abstract_loop), Layout::Opaque);
    loop_class.dict.set_item_str("__module__", Value::str("asyncio.unix_events"));
    let cancelled_error = exc_class(vm, "CancelledError", "BaseException")?;
    let invalid_state = exc_class(vm, "InvalidStateError", "Exception")?;
    let (fut_iter, handle) = (iter_class(&rt), handle_class(&rt));
    // `asyncio.sleep(d)` is a coroutine in CPython: its future's class
    // subclasses Future with the coroutine methods (see `add_sleep_methods`).
    let sleep_class = new_builtin_class("coroutine", std::slice::from_ref(&future_class), Layout::Opaque);
    sleep_class.dict.set_item_str("__module__", Value::str("builtins"));
    add_sleep_methods(&sleep_class);
    let state = |fc: &Arc<Class>, sleep_st: Option<Arc<AsyncState>>| {
        Arc::new(AsyncState {
            loop_class: loop_class.clone(),
            future_class: fc.clone(),
            task_class: task_class.clone(),
            iter_class: fut_iter.clone(),
            handle_class: handle.clone(),
            cancelled_error: cancelled_error.clone(),
            invalid_state: invalid_state.clone(),
            bridges: Mutex::new(Vec::new()),
            sleep_st,
        })
    };
    let st = state(&future_class, Some(state(&sleep_class, None)));
    add_future_methods(&future_class);
    add_task_methods(&task_class);
    super::mod_asyncio_loop::add_loop_methods(&st, &loop_class);
    super::mod_asyncio_net::register(vm, &d, &st);
    d.set_item_str("CancelledError", cancelled_error);
    d.set_item_str("InvalidStateError", invalid_state);
    d.set_item_str("EventLoop", Value::Class(loop_class.clone()));
    d.set_item_str("AbstractEventLoop", Value::Class(abstract_loop));
    // The text of a file of the embedded CPython library (`asyncio/events.py`),
    // for gilt modules that run CPython's code in their own namespace.
    def(&d, "_cpython_source", |vm, a| {
        let rel = a.pos.first().and_then(|v| v.as_str().map(|s| s.as_str().to_string())).unwrap_or_default();
        match super::cpython_lib::file(&rel) {
            Some(b) => Ok(Value::str(&String::from_utf8_lossy(b))),
            None => Err(vm.err("ImportError", &format!("no embedded file {rel}"))),
        }
    });
    d.set_item_str("Future", Value::Class(future_class.clone()));
    d.set_item_str("Task", Value::Class(task_class.clone()));
    let s = st.clone();
    // The native object is made (and a task scheduled) by `__new__`, so
    // `__init__` has nothing left to do: it accepts what `__new__` took,
    // for subclasses whose `__init__` calls `super().__init__(...)`.
    let dd = d.clone();
    let fc = future_class.clone();
    def(&future_class.dict, "__new__", move |vm, mut a| {
        let cls = a.pos.first().cloned().unwrap_or(Value::None);
        // `Future(*, loop=None)`: refused before any loop is looked up (a
        // subclass's own `__init__` takes its positional arguments).
        if a.pos.len() > 1 && matches!(&cls, Value::Class(c) if Arc::ptr_eq(c, &fc)) {
            return Err(vm.type_error("Future() takes no positional arguments"));
        }
        // `loop` is keyword-only (CPython's `Future(*, loop=None)`): a
        // subclass's own positional arguments reach `__new__` too.
        let lp = match a.take_kw("loop").as_ref().and_then(|v| core_of(&s, v)) {
            Some(l) => l,
            None => default_loop(vm, &s, &dd)?,
        };
        Ok(wrap_fut(vm, &cls, Arc::new(Fut::new(s.clone(), Some(lp)))))
    });
    method(&future_class, "__init__", |vm, a| {
        if a.pos.len() > 1 {
            return Err(vm.type_error("Future() takes no positional arguments"));
        }
        Ok(Value::None)
    });
    add_private_attrs(&rt, &future_class, &task_class);
    // A subclass's `__del__` may call `super().__del__()`.
    method(&future_class, "__del__", |_vm, _a| Ok(Value::None));
    let s = st.clone();
    let dd = d.clone();
    def(&task_class.dict, "__new__", move |vm, mut a| {
        let cls = a.pos.first().cloned().unwrap_or(Value::None);
        let coro = a.arg(1, "coro").unwrap_or(Value::None);
        let name = a.take_kw("name");
        let context = a.take_kw("context");
        let lp = match a.take_kw("loop").as_ref().and_then(|v| core_of(&s, v)) {
            Some(l) => l,
            None => default_loop(vm, &s, &dd)?,
        };
        let t = new_task(vm, &lp, coro, name, context)?;
        let v = wrap_fut(vm, &cls, t);
        flushed(vm, Ok(v))
    });
    method(&task_class, "__init__", |vm, mut a| {
        // Only `name=` can differ from what `__new__` was given.
        if let Some(n) = a.take_kw("name").filter(|n| !n.is_none())
            && let Some(t) = a.pos.first().and_then(as_fut)
            && let Some(tp) = &t.task
        {
            let s = vm.str_of(&n)?;
            tp.m.lock().name = Some(Box::new(Value::string(s)));
        }
        Ok(Value::None)
    });
    let s = st.clone();
    def(&d, "new_event_loop", move |_vm, _a| Ok(LoopCore::new(s.clone()).value()));
    let s = st.clone();
    // `SelectorEventLoop(selector=None)`: the loop polls by itself, so a
    // selector given is not used.
    def(&loop_class.dict, "__new__", move |_vm, _a| Ok(LoopCore::new(s.clone()).value()));
    method(&loop_class, "__init__", |_vm, _a| Ok(Value::None));
    // Tasks are not reported as destroyed while pending (the loop holds
    // them), so the flag CPython's tests clear has nothing to switch off.
    let ignore = crate::object::descr::Property::new(
        Vm::native("_log_destroy_pending", |_vm, _a| Ok(Value::Bool(true))),
        Vm::native("_log_destroy_pending", |_vm, _a| Ok(Value::None)),
        "_log_destroy_pending",
        rt.types.property.clone(),
    );
    task_class.dict.set_item_str("_log_destroy_pending", Value::from_native(Arc::new(ignore)));
    def(&d, "get_running_loop", |vm, _a| {
        let l = crate::runtime::eventloop::running_loop_value();
        if l.is_none() {
            return Err(vm.runtime_error("no running event loop"));
        }
        Ok(l)
    });
    def(&d, "_get_running_loop", |_vm, _a| Ok(crate::runtime::eventloop::running_loop_value()));
    let s = st.clone();
    def(&d, "_set_running_loop", move |_vm, a| {
        let lp = a.pos.first().cloned().unwrap_or(Value::None);
        // A native loop registers itself when it runs; a Python loop's
        // native futures and tasks go through its bridge.
        let core = if lp.is_none() || loop_of(&lp).is_some() { None } else { Some(bridge_for(&s, &lp)) };
        crate::runtime::eventloop::set_running_loop_value(lp, core);
        Ok(Value::None)
    });
    let s = st.clone();
    def(&d, "current_task", move |vm, mut a| {
        let lp = loop_arg(vm, &s, a.arg(0, "loop"))?;
        let t = lp.current_task.lock().clone();
        Ok(t.map(|t| t.value()).unwrap_or(Value::None))
    });
    let s = st.clone();
    def(&d, "_all_tasks", move |vm, mut a| {
        let lp = loop_arg(vm, &s, a.arg(0, "loop"))?;
        let ts: Vec<Value> = lp.tasks.lock().values().filter(|t| t.is_pending()).map(|t| t.value()).collect();
        Ok(Value::list(ts))
    });
    let s = st.clone();
    def(&d, "sleep", move |vm, mut a| {
        let delay = a.arg(0, "delay").unwrap_or(Value::None);
        let result = a.arg(1, "result").unwrap_or(Value::None);
        let d = vm.to_float(&delay)?;
        let f = Fut::new(s.sleep_st.clone().unwrap_or_else(|| s.clone()), running_loop());
        f.state.lock().sleep = Some(Box::new((d, result)));
        Ok(Arc::new(f).value())
    });
    let s = st.clone();
    def(&d, "gather", move |vm, a| {
        let r = gather(vm, &s, a);
        flushed(vm, r)
    });
    def(&d, "create_task", |vm, mut a| {
        let coro = a.arg(0, "coro").unwrap_or(Value::None);
        let name = a.take_kw("name");
        let context = a.take_kw("context");
        let lp = need_running(vm)?;
        let r = create_task(vm, &lp, coro, name, context);
        flushed(vm, r)
    });
    let s = st.clone();
    def(&d, "ensure_future", move |vm, mut a| {
        let aw = a.arg(0, "coro_or_future").unwrap_or(Value::None);
        let lp = loop_arg(vm, &s, a.take_kw("loop"))?;
        let r = ensure_future(vm, &lp, aw).map(|f| f.value());
        flushed(vm, r)
    });
    def(&d, "iscoroutinefunction", |_vm, a| {
        let mut f = a.pos.first().cloned().unwrap_or(Value::None);
        if let Value::Method(m) = &f {
            f = m.func.clone();
        }
        let flags = match &f {
            Value::Function(func) => func.code.flags,
            _ => 0,
        };
        Ok(Value::Bool(flags & crate::bytecode::code::flags::COROUTINE != 0))
    });
    def(&d, "isfuture", |vm, a| {
        // CPython's rule: a native future, or any object whose class has
        // `_asyncio_future_blocking` and whose value of it is not None.
        let Some(v) = a.pos.first() else { return Ok(Value::Bool(false)) };
        if as_fut(v).is_some() {
            return Ok(Value::Bool(true));
        }
        // `obj.__class__`, as CPython's: a Mock made with a future's spec counts.
        let cls = match vm.get_attr_str(v, "__class__")? {
            Some(Value::Class(c)) => c,
            _ => vm.class_of(v),
        };
        if cls.lookup("_asyncio_future_blocking").is_none() {
            return Ok(Value::Bool(false));
        }
        let b = vm.get_attr_str(v, "_asyncio_future_blocking")?;
        Ok(Value::Bool(b.is_some_and(|b| !b.is_none())))
    });
    Ok(Value::Module(Arc::new(Module::new(Arc::from("_asyncio"), d))))
}

/// Adds the built-in `run(coro)`, the same as `asyncio.run`.
pub fn register(rt: &Runtime) {
    def(&rt.builtins, "run", |vm, a| {
        let m = vm.import_name("asyncio", 0, true)?;
        let f = vm.get_attr_str(&m, "run")?.unwrap_or(Value::None);
        vm.call_value(&f, a)
    });
}
