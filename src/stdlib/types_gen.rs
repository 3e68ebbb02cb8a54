//! Methods of generators, coroutines and async generators: `send`,
//! `throw`, `close`, `__await__`, and the async generator's `__anext__`,
//! `asend`, `athrow`, `aclose` (whose awaitables are native objects here).

use std::sync::Arc;

use parking_lot::Mutex;

use super::method;
use super::types_num::prop;
use crate::object::class::{Class, Layout};
use crate::object::generator::{GenKind, Generator};
use crate::object::value::Value;
use crate::vm::iter::SendResult;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyErr, PyResult, Runtime, Vm};

fn recv_gen(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Arc<Generator>> {
    match a.pos.first() {
        Some(Value::Generator(g)) => Ok(g.clone()),
        _ => Err(vm.type_error(&format!("descriptor '{name}' requires a generator object"))),
    }
}

/// Turns a step's result into what `send`/`__next__` return: a yielded
/// value, or `StopIteration(value)` once the generator returns.
fn yielded(vm: &mut Vm, r: SendResult) -> PyResult {
    match r {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(v) => Err(vm.stop_iteration(if v.is_none() { None } else { Some(v) })),
    }
}

/// The exception `throw(typ[, val[, tb]])` raises, with CPython's checks
/// (`_gen_throw`): a class is normalized with the value as its argument
/// (kept when already an instance of it), an instance takes no separate
/// value, and a given traceback becomes the exception's.
pub fn throw_args(vm: &mut Vm, a: &[Value]) -> PyResult<PyErr> {
    let typ = a.first().cloned().unwrap_or(Value::None);
    let val = a.get(1).cloned().unwrap_or(Value::None);
    let tb = a.get(2).cloned().unwrap_or(Value::None);
    let is_tb = |v: &Value| matches!(v, Value::Native2(o) if o.as_any().is::<crate::vm::frameobj::TbObj>());
    if !tb.is_none() && !is_tb(&tb) {
        return Err(vm.type_error("throw() third argument must be a traceback object"));
    }
    let base = vm.rt.types.exceptions["BaseException"].clone();
    let err = match &typ {
        Value::Class(c) if c.is_subclass(&base) => match &val {
            Value::Instance(i) if i.exc().is_some() && i.class.is_subclass(c) => PyErr { exc: i.clone() },
            _ => {
                let args = match &val {
                    Value::None => vec![],
                    Value::Tuple(t) => t.items.to_vec(),
                    v => vec![v.clone()],
                };
                // Instantiated as the generator resumes: when that does not
                // give an exception, the TypeError is what the generator sees.
                match vm.call(&typ, args)? {
                    Value::Instance(i) if i.exc().is_some() => PyErr { exc: i },
                    other => {
                        let (cr, tn) = (vm.repr_of(&typ)?, vm.type_name(&other));
                        let msg = format!("calling {cr} should have returned an instance of BaseException, not {tn}");
                        vm.type_error(&msg)
                    }
                }
            }
        },
        Value::Instance(i) if i.exc().is_some() => {
            if !val.is_none() {
                return Err(vm.type_error("instance exception may not have a separate value"));
            }
            PyErr { exc: i.clone() }
        }
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!(
                "exceptions must be classes or instances deriving from BaseException, not {tn}"
            )));
        }
    };
    if !tb.is_none() {
        let key = vm.rt.intern("__traceback__");
        vm.set_attr(&err.value(), &key, tb)?;
    }
    Ok(err)
}

fn gen_methods(rt: &Runtime, cls: &Arc<Class>, kind: &'static str) {
    method(cls, "send", |vm, a| {
        let g = recv_gen(vm, &a, "send")?;
        let v = a.pos.get(1).cloned().unwrap_or(Value::None);
        let r = vm.resume(&g, v)?;
        yielded(vm, r)
    });
    method(cls, "throw", |vm, a| {
        let g = recv_gen(vm, &a, "throw")?;
        if a.pos.len() < 2 {
            return Err(vm.type_error("throw expected at least 1 argument, got 0"));
        }
        let e = throw_args(vm, &a.pos[1..])?;
        let r = vm.gen_throw(&g, e)?;
        yielded(vm, r)
    });
    method(cls, "close", |vm, a| {
        let g = recv_gen(vm, &a, "close")?;
        vm.gen_close(&g)?;
        Ok(Value::None)
    });
    prop(rt, cls, "__name__", |vm, a| Ok(Value::Str(recv_gen(vm, &a, "__name__")?.name.clone())));
    prop(rt, cls, "__qualname__", |vm, a| Ok(Value::Str(recv_gen(vm, &a, "__qualname__")?.qualname.clone())));
    let running = |vm: &mut Vm, a: Args| Ok(Value::Bool(recv_gen(vm, &a, "running")?.state.lock().running));
    let prefix = match kind {
        "generator" => "gi",
        "coroutine" => "cr",
        _ => "ag",
    };
    prop(rt, cls, &format!("{prefix}_running"), running);
    prop(rt, cls, &format!("{prefix}_suspended"), |vm, a| {
        let g = recv_gen(vm, &a, "suspended")?;
        let st = g.state.lock();
        Ok(Value::Bool(st.frame.as_ref().is_some_and(|f| f.pc > 0)))
    });
    prop(rt, cls, &format!("{prefix}_frame"), |vm, a| {
        let g = recv_gen(vm, &a, "frame")?;
        Ok(gen_frame(vm, &g))
    });
    prop(rt, cls, &format!("{prefix}_code"), |vm, a| {
        let g = recv_gen(vm, &a, "code")?;
        Ok(Value::Code(g.code.clone()))
    });
    let delegate = |vm: &mut Vm, a: Args| {
        let g = recv_gen(vm, &a, "delegate")?;
        Ok(vm.gen_delegate(&g))
    };
    match kind {
        "generator" => prop(rt, cls, "gi_yieldfrom", delegate),
        "coroutine" => {
            prop(rt, cls, "cr_await", delegate);
            prop(rt, cls, "cr_origin", |vm, a| {
                Ok(recv_gen(vm, &a, "cr_origin")?.origin.clone().unwrap_or(Value::None))
            });
        }
        _ => prop(rt, cls, "ag_await", delegate),
    }
}

/// `gi_frame`: a view of the suspended frame (its `f_back` None, as a
/// suspended generator has no caller), the live frame with its callers
/// while it runs on this thread, None once finished (or while it runs on
/// another thread, whose stack this one cannot see).
fn gen_frame(vm: &mut Vm, g: &Generator) -> Value {
    let (running, ptr) = {
        let st = g.state.lock();
        if let Some(f) = st.frame.as_ref() {
            return Value::from_native(vm.frame_view(f, None));
        }
        (st.running, st.running_frame)
    };
    if !running {
        return Value::None;
    }
    let n = vm.frames.len() + 1;
    match (0..n).rev().find(|&i| vm.frame_ptr_at(i) == ptr) {
        Some(i) => vm.frame_object(n - 1 - i).map_or(Value::None, |f| Value::from_native(f)),
        None => Value::None,
    }
}

/// What an async generator's awaitable does when first stepped.
enum AgenOp {
    Send(Value),
    Throw(PyErr),
    Close,
}

/// The awaitable returned by `__anext__` / `asend` / `athrow` / `aclose`.
pub struct AgenAwaitable {
    agen: Arc<Generator>,
    op: Mutex<Option<AgenOp>>,
    closing: Mutex<bool>,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(AgenAwaitable);

impl AgenAwaitable {
    /// One step: `input` is what the awaiting coroutine sends or throws.
    fn step(&self, vm: &mut Vm, input: Result<Value, PyErr>) -> PyResult {
        let first = self.op.lock().take();
        let input = match first {
            None => input,
            Some(AgenOp::Send(v)) => Ok(v),
            Some(AgenOp::Throw(e)) => Err(e),
            Some(AgenOp::Close) => {
                *self.closing.lock() = true;
                let ge = vm.rt.types.exc("GeneratorExit");
                Err(vm.new_exception(&ge, vec![]))
            }
        };
        let closing = *self.closing.lock();
        let r = vm.resume_with(&self.agen, input);
        match r {
            Ok(SendResult::Yielded(v)) => {
                if vm.gen_is_delegating(&self.agen) {
                    return Ok(v); // an inner await passing a future up to the loop
                }
                if closing {
                    return Err(vm.runtime_error("async generator ignored GeneratorExit"));
                }
                Err(vm.stop_iteration(if v.is_none() { None } else { Some(v) }))
            }
            Ok(SendResult::Returned(_)) => {
                if closing {
                    return Err(vm.stop_iteration(None));
                }
                Err(vm.err("StopAsyncIteration", ""))
            }
            Err(e) if closing && (vm.is_exc(&e, "GeneratorExit") || vm.is_exc(&e, "StopAsyncIteration")) => {
                Err(vm.stop_iteration(None))
            }
            Err(e) => Err(e),
        }
    }
}

fn recv_aw<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a AgenAwaitable> {
    if let Some(Value::Native2(o)) = a.pos.first()
        && let Some(t) = o.as_any().downcast_ref::<AgenAwaitable>()
    {
        return Ok(t);
    }
    Err(vm.type_error("expected an async_generator_asend object"))
}

fn make_awaitable_class(rt: &Runtime) -> Arc<Class> {
    let c = new_builtin_class("async_generator_asend", std::slice::from_ref(&rt.types.object), Layout::Opaque);
    method(&c, "__await__", |_vm, a| Ok(a.pos[0].clone()));
    method(&c, "__iter__", |_vm, a| Ok(a.pos[0].clone()));
    method(&c, "__next__", |vm, a| recv_aw(vm, &a)?.step(vm, Ok(Value::None)));
    method(&c, "send", |vm, a| {
        let v = a.pos.get(1).cloned().unwrap_or(Value::None);
        recv_aw(vm, &a)?.step(vm, Ok(v))
    });
    method(&c, "throw", |vm, a| {
        let e = throw_args(vm, &a.pos[1..])?;
        recv_aw(vm, &a)?.step(vm, Err(e))
    });
    method(&c, "close", |_vm, _a| Ok(Value::None));
    c
}

/// What a coroutine's `__await__()` returns: an iterator over the
/// coroutine (which is not iterable itself), stepping it as `send`/`throw`
/// on the wrapper do.
pub struct CoroWrapper {
    /// The coroutine stepped.
    pub coro: Arc<Generator>,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(CoroWrapper);

fn recv_wrapper(vm: &mut Vm, a: &Args) -> PyResult<Arc<Generator>> {
    if let Some(Value::Native2(o)) = a.pos.first()
        && let Some(w) = o.as_any().downcast_ref::<CoroWrapper>()
    {
        return Ok(w.coro.clone());
    }
    Err(vm.type_error("expected a coroutine_wrapper object"))
}

fn make_wrapper_class(rt: &Runtime) -> Arc<Class> {
    let c = new_builtin_class("coroutine_wrapper", std::slice::from_ref(&rt.types.object), Layout::Opaque);
    method(&c, "__iter__", |_vm, a| Ok(a.pos[0].clone()));
    method(&c, "__next__", |vm, a| {
        let g = recv_wrapper(vm, &a)?;
        let r = vm.resume(&g, Value::None)?;
        yielded(vm, r)
    });
    method(&c, "send", |vm, a| {
        let g = recv_wrapper(vm, &a)?;
        let v = a.pos.get(1).cloned().unwrap_or(Value::None);
        let r = vm.resume(&g, v)?;
        yielded(vm, r)
    });
    method(&c, "throw", |vm, a| {
        let g = recv_wrapper(vm, &a)?;
        if a.pos.len() < 2 {
            return Err(vm.type_error("throw expected at least 1 argument, got 0"));
        }
        let e = throw_args(vm, &a.pos[1..])?;
        let r = vm.gen_throw(&g, e)?;
        yielded(vm, r)
    });
    method(&c, "close", |vm, a| {
        let g = recv_wrapper(vm, &a)?;
        vm.gen_close(&g)?;
        Ok(Value::None)
    });
    c
}

/// Registers the generator, coroutine and async generator methods.
pub fn register(rt: &Runtime) {
    let t = &rt.types;
    gen_methods(rt, &t.generator, "generator");
    method(&t.generator, "__iter__", |_vm, a| Ok(a.pos[0].clone()));
    method(&t.generator, "__next__", |vm, a| {
        let g = recv_gen(vm, &a, "__next__")?;
        let r = vm.resume(&g, Value::None)?;
        yielded(vm, r)
    });
    gen_methods(rt, &t.coroutine, "coroutine");
    let wrapper = make_wrapper_class(rt);
    method(&t.coroutine, "__await__", move |vm, a| {
        let g = recv_gen(vm, &a, "__await__")?;
        Ok(Value::from_native(Arc::new(CoroWrapper { coro: g, class: wrapper.clone() })))
    });
    gen_methods(rt, &t.async_generator, "async_generator");
    let aw = make_awaitable_class(rt);
    method(&t.async_generator, "__aiter__", |_vm, a| Ok(a.pos[0].clone()));
    let new_aw = move |g: Arc<Generator>, op: AgenOp| {
        Value::from_native(Arc::new(AgenAwaitable {
            agen: g,
            op: Mutex::new(Some(op)),
            closing: Mutex::new(false),
            class: aw.clone(),
        }))
    };
    let n1 = new_aw.clone();
    method(&t.async_generator, "__anext__", move |vm, a| Ok(n1(agen(vm, &a)?, AgenOp::Send(Value::None))));
    let n2 = new_aw.clone();
    method(&t.async_generator, "asend", move |vm, a| {
        let v = a.pos.get(1).cloned().unwrap_or(Value::None);
        Ok(n2(agen(vm, &a)?, AgenOp::Send(v)))
    });
    let n3 = new_aw.clone();
    method(&t.async_generator, "athrow", move |vm, a| {
        let g = agen(vm, &a)?;
        let e = throw_args(vm, &a.pos[1..])?;
        Ok(n3(g, AgenOp::Throw(e)))
    });
    method(&t.async_generator, "aclose", move |vm, a| Ok(new_aw(agen(vm, &a)?, AgenOp::Close)));
}

fn agen(vm: &mut Vm, a: &Args) -> PyResult<Arc<Generator>> {
    let g = recv_gen(vm, a, "__anext__")?;
    if g.kind != GenKind::AsyncGenerator {
        return Err(vm.type_error("expected an async generator"));
    }
    Ok(g)
}
