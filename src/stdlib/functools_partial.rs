//! `_functools.partial`, which CPython's functools.py takes over its
//! pure-Python class (`from _functools import partial`), with the C type's
//! semantics: only a partial (one whose type keeps partial's `__call__` and
//! whose `__dict__` is empty) is flattened into a new one, where the Python
//! class flattens anything with a `.func` attribute (a `Mock`); `func`,
//! `args` and `keywords` are read-only; no `__get__` (a partial stored on a
//! class is never bound); `__reduce__`/`__setstate__` for pickle and copy.
//!
//! A partial is an `Instance` of `partial` (or of a Python subclass) whose
//! payload is a [`Partial`], so subclasses and instances get a `__dict__`.
//! Its three fields sit behind one small lock (`__setstate__` replaces them)
//! that is never held while Python code runs: a call copies them out first.

use std::sync::Arc;

use parking_lot::Mutex;

use super::def;
use crate::object::class::{Class, Instance, Layout, Payload};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::runtime::new_overriding_builtin_class;
use crate::vm::{Args, PyResult, Vm};

/// What a partial applies: the callable, the leading positionals and the
/// keywords (the dict `p.keywords` hands out, so changing it changes `p`).
#[derive(Clone)]
struct Fields {
    func: Value,
    /// Always an exact tuple.
    args: Value,
    kw: Arc<Dict>,
}

/// The payload of a partial instance.
pub struct Partial {
    class: Arc<Class>,
    fields: Mutex<Fields>,
}

crate::object::native::impl_native_object!(Partial);

/// The partial behind `v` (an instance of partial or a subclass).
fn partial_of(v: &Value) -> Option<(&Instance, &Partial)> {
    match v {
        Value::Instance(i) => match i.builtin_value()? {
            Value::Native2(n) => n.as_any().downcast_ref::<Partial>().map(|p| (&**i, p)),
            _ => None,
        },
        _ => None,
    }
}

fn this<'a>(vm: &mut Vm, a: &'a Args, what: &str) -> PyResult<(&'a Instance, &'a Partial)> {
    a.pos.first().and_then(partial_of).ok_or_else(|| {
        vm.type_error(&format!("descriptor '{what}' for 'functools.partial' objects doesn't apply to this object"))
    })
}

fn tuple_items(v: &Value) -> &[Value] {
    match v {
        Value::Tuple(t) => &t.items,
        _ => &[],
    }
}

/// `partial(func, *args, **keywords)` for the class `cls`.
fn partial_new(vm: &mut Vm, base: &Arc<Class>, call: &Value, a: Args) -> PyResult {
    let cls = match a.pos.first() {
        Some(Value::Class(k)) if k.is_subclass(base) => k.clone(),
        _ => return Err(vm.type_error("partial.__new__(X): X is not a subtype of partial")),
    };
    let Some(first) = a.pos.get(1) else {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    };
    let mut func = first.clone();
    let mut args: Vec<Value> = Vec::new();
    let kw = Dict::new();
    // CPython flattens a partial whose type calls as partial does and
    // whose `__dict__` holds nothing: its attributes would be lost.
    if let Some((inst, inner)) = partial_of(first)
        && inst.dict.is_empty()
        && inst.class.lookup("__call__").is_some_and(|c| c.is(call))
    {
        let f = inner.fields.lock().clone();
        func = f.func;
        args.extend_from_slice(tuple_items(&f.args));
        // Copied out first: hashing a key may run Python, which must not find the lock held.
        let items = f.kw.lock().items();
        for (k, v) in items {
            vm.dict_set(&kw, k, v)?;
        }
    }
    if !super::builtins_attr::is_callable(vm, &func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    args.extend_from_slice(&a.pos[2..]);
    for (k, v) in a.kw {
        kw.set_str(&k, v);
    }
    let fields = Fields { func, args: Value::tuple(args), kw: Arc::new(kw) };
    let p = Partial { class: base.clone(), fields: Mutex::new(fields) };
    let inst = Instance::new(cls, Payload::Builtin(Value::from_native(Arc::new(p))));
    Ok(Value::Instance(crate::object::gc::instance(Arc::new(inst))))
}

/// `p(*args, **keywords)`: the stored positionals first, the stored
/// keywords overridden by the call's.
fn partial_call(vm: &mut Vm, mut a: Args) -> PyResult {
    let f = match a.pos.first().and_then(partial_of) {
        Some((_, p)) => p.fields.lock().clone(),
        None => return Err(vm.type_error("descriptor '__call__' requires a 'functools.partial' object")),
    };
    let stored = tuple_items(&f.args);
    let mut pos = Vec::with_capacity(stored.len() + a.pos.len() - 1);
    pos.extend_from_slice(stored);
    pos.extend(a.pos.drain(1..));
    if f.kw.is_empty() {
        return vm.call_value(&f.func, Args::with_kw(pos, a.kw));
    }
    // A copy: the callee must not see (or change) the partial's own dict.
    let merged = Dict::from_table(f.kw.snapshot());
    for (k, v) in a.kw {
        merged.set_str(&k, v);
    }
    let mut kw = Vec::with_capacity(merged.len());
    let items = merged.lock().items();
    for (k, v) in items {
        match k {
            Value::Str(s) => kw.push((s, v)),
            Value::Instance(ref i) if matches!(i.builtin_value(), Some(Value::Str(_))) => {
                let Some(Value::Str(s)) = i.builtin_value() else { unreachable!() };
                kw.push((s.clone(), v));
            }
            _ => return Err(vm.type_error("keywords must be strings")),
        }
    }
    vm.call_value(&f.func, Args::with_kw(pos, kw))
}

/// `repr(p)`: `functools.partial(<func>, 1, a=2)`, a subclass by its name,
/// and `...` for a partial met again inside its own repr.
fn partial_repr(vm: &mut Vm, a: Args) -> PyResult {
    let (inst, p) = this(vm, &a, "__repr__")?;
    let me = a.pos[0].clone();
    let id = me.id();
    if vm.repr_guard.contains(&id) {
        return Ok(Value::str("..."));
    }
    let name = if Arc::ptr_eq(&inst.class, &p.class) {
        "functools.partial".to_string()
    } else {
        inst.class.name().as_str().to_string()
    };
    let f = p.fields.lock().clone();
    vm.repr_guard.push(id);
    let r = repr_parts(vm, &f);
    vm.repr_guard.pop();
    Ok(Value::string(format!("{name}({})", r?)))
}

fn repr_parts(vm: &mut Vm, f: &Fields) -> PyResult<String> {
    let mut out = vm.repr_of(&f.func)?;
    for v in tuple_items(&f.args) {
        out.push_str(", ");
        out.push_str(&vm.repr_of(v)?);
    }
    // A key's `__str__` may change the dict: the lock is not held while it runs.
    let items = f.kw.lock().items();
    for (k, v) in items {
        let key = vm.str_of(&k)?;
        let val = vm.repr_of(&v)?;
        out.push_str(&format!(", {key}={val}"));
    }
    Ok(out)
}

/// `p.__reduce__()`: `(type(p), (func,), (func, args, keywords, __dict__ or None))`.
fn partial_reduce(vm: &mut Vm, a: Args) -> PyResult {
    let (inst, p) = this(vm, &a, "__reduce__")?;
    let f = p.fields.lock().clone();
    let dict = if inst.dict.is_empty() { Value::None } else { Value::Dict(inst.dict.clone()) };
    let state = Value::tuple(vec![f.func.clone(), f.args, Value::Dict(f.kw), dict]);
    Ok(Value::tuple(vec![Value::Class(inst.class.clone()), Value::tuple(vec![f.func]), state]))
}

/// `p.__setstate__((func, args, keywords, dict))`, as pickle and copy call it.
fn partial_setstate(vm: &mut Vm, a: Args) -> PyResult {
    a.expect_after_self(vm, 1)?;
    let (inst, p) = this(vm, &a, "__setstate__")?;
    let invalid = |vm: &mut Vm| vm.type_error("invalid partial state");
    let Value::Tuple(state) = &a.pos[1] else { return Err(invalid(vm)) };
    let [func, args, kw, dict] = &state.items[..] else { return Err(invalid(vm)) };
    let args_is_tuple = match args {
        Value::Tuple(_) => true,
        Value::Instance(i) => matches!(i.builtin_value(), Some(Value::Tuple(_))),
        _ => false,
    };
    let kw_dict = match kw {
        Value::None => Some(None),
        Value::Dict(d) => Some(Some(d.clone())),
        Value::Instance(i) => match i.builtin_value() {
            Some(Value::Dict(d)) => Some(Some(Arc::new(Dict::from_table(d.snapshot())))),
            _ => None,
        },
        _ => None,
    };
    if !super::builtins_attr::is_callable(vm, func) || !args_is_tuple {
        return Err(invalid(vm));
    }
    let Some(kw_dict) = kw_dict else { return Err(invalid(vm)) };
    let new_dict = match dict {
        Value::None => None,
        Value::Dict(d) => Some(d.lock().items()),
        Value::Instance(i) => match i.builtin_value() {
            Some(Value::Dict(d)) => Some(d.lock().items()),
            _ => return Err(invalid(vm)),
        },
        _ => return Err(invalid(vm)),
    };
    // A tuple subclass becomes a plain tuple of its items.
    let args = match args {
        Value::Tuple(_) => args.clone(),
        other => Value::tuple(vm.collect(other)?),
    };
    let kw = kw_dict.unwrap_or_else(|| Arc::new(Dict::new()));
    let old = std::mem::replace(&mut *p.fields.lock(), Fields { func: func.clone(), args, kw });
    // The old values (and the dict's) are freed without our lock: a __del__ may run.
    drop(old);
    let old_dict = std::mem::take(&mut *inst.dict.lock());
    drop(old_dict);
    for (k, v) in new_dict.unwrap_or_default() {
        vm.dict_set(&inst.dict, k, v)?;
    }
    Ok(Value::None)
}

/// Adds the `partial` class to `_functools`' dict.
pub fn register(vm: &mut Vm, m: &Dict) {
    let object = std::slice::from_ref(&vm.rt.types.object);
    let cls = new_overriding_builtin_class("partial", object, Layout::NativeNew);
    cls.dict.set_item_str("__module__", Value::str("functools"));
    cls.dict.set_item_str(
        "__doc__",
        Value::str("partial(func, *args, **keywords) - a callable that calls func with the given arguments first."),
    );
    let d = &cls.dict;
    def(d, "__call__", partial_call);
    let call = d.get_item_str("__call__").unwrap_or(Value::None);
    let base = cls.clone();
    def(d, "__new__", move |vm, a| partial_new(vm, &base, &call, a));
    // object.__init__ would refuse the constructor's arguments.
    def(d, "__init__", |_vm, _a| Ok(Value::None));
    def(d, "__repr__", partial_repr);
    def(d, "__reduce__", partial_reduce);
    def(d, "__setstate__", partial_setstate);
    let generic = Vm::native("__class_getitem__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let types = vm.import_name("_gilt_types", 0, true)?;
        let Some(ga) = vm.get_attr_str(&types, "GenericAlias")? else {
            return Err(vm.type_error("types.GenericAlias is missing"));
        };
        vm.call(&ga, vec![a.pos[0].clone(), a.pos[1].clone()])
    });
    let cm = crate::object::descr::ClassMethod::new(generic, vm.rt.types.classmethod.clone());
    d.set_item_str("__class_getitem__", Value::from_native(Arc::new(cm)));
    for (name, pick) in [("func", 0usize), ("args", 1), ("keywords", 2)] {
        let getter = Vm::native(name, move |vm, a| {
            let f = match a.pos.first().and_then(partial_of) {
                Some((_, p)) => p.fields.lock().clone(),
                None => return Err(vm.type_error("descriptor requires a 'functools.partial' object")),
            };
            Ok(match pick {
                0 => f.func,
                1 => f.args,
                _ => Value::Dict(f.kw),
            })
        });
        // CPython's member descriptors refuse both with the same words.
        let refuse = Vm::native(name, |vm, _a| Err(vm.err("AttributeError", "readonly attribute")));
        let mut p = crate::object::descr::Property::new(getter, refuse.clone(), name, vm.rt.types.property.clone());
        p.fdel = refuse;
        cls.dict.set_item_str(name, Value::from_native(Arc::new(p)));
    }
    m.set_item_str("partial", Value::Class(cls));
}
