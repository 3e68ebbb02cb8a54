//! `object`'s pickling and ABC hooks: `__reduce_ex__`, `__reduce__`,
//! `__getstate__` (3.11's default state: the instance dict, plus the slot
//! values) and `__subclasshook__`. CPython's `copy`, `pickle`, `enum`
//! (which compares a class's `__reduce_ex__` with `object`'s) and `_py_abc`
//! (which calls `cls.__subclasshook__`) rest on them.

use std::sync::Arc;

use super::def;
use crate::object::descr::SlotMember;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::runtime::Runtime;
use crate::vm::{PyResult, Vm};

/// Adds the four methods to `object`.
pub fn register(rt: &Runtime) {
    let d = &rt.types.object.dict;
    def(d, "__reduce_ex__", |vm, a| {
        if a.pos.len() != 2 {
            let n = a.pos.len().saturating_sub(1);
            return Err(vm.type_error(&format!("object.__reduce_ex__() takes exactly one argument ({n} given)")));
        }
        let proto = protocol(vm, &a.pos[1])?;
        let obj = a.pos[0].clone();
        // A class that overrides `__reduce__` is reduced by it, as CPython does.
        let cls = vm.class_of(&obj);
        let own = vm.rt.types.object.dict.get_item_str("__reduce__");
        if let Some(r) = cls.lookup("__reduce__")
            && !own.as_ref().is_some_and(|o| o.is(&r))
        {
            let bound = vm.descr_get(&r, &obj, &cls)?;
            return vm.call(&bound, vec![]);
        }
        reduce(vm, obj, proto)
    });
    def(d, "__reduce__", |vm, a| {
        let obj = receiver(vm, &a, "__reduce__")?;
        reduce(vm, obj, 0)
    });
    def(d, "__getstate__", |vm, a| {
        let obj = receiver(vm, &a, "__getstate__")?;
        default_state(vm, &obj)
    });
    // An implicit classmethod in CPython; called as `cls.__subclasshook__(C)`
    // it gets only `C` here, and the answer never depends on the arguments.
    def(d, "__subclasshook__", |_vm, _a| Ok(Value::NotImplemented));
    builtin_reducers(rt);
}

/// The object a no-argument method of `object` was called on.
fn receiver(vm: &mut Vm, a: &crate::vm::args::Args, name: &str) -> PyResult<Value> {
    match a.pos.as_slice() {
        [obj] => Ok(obj.clone()),
        [] => Err(vm.type_error(&format!("descriptor '{name}' of 'object' object needs an argument"))),
        _ => {
            let n = a.pos.len() - 1;
            Err(vm.type_error(&format!("object.{name}() takes no arguments ({n} given)")))
        }
    }
}

/// CPython's refusal to pickle an object of a native type that did not
/// say how (`cannot pickle '_thread.lock' object`).
fn refuse_native(vm: &mut Vm, obj: &Value) -> PyResult<()> {
    if !matches!(obj, Value::Native2(_) | Value::Generator(_) | Value::Module(_)) {
        return Ok(());
    }
    let cls = vm.class_of(obj);
    let name = vm.repr_of(&Value::Class(cls))?;
    let name = name.strip_prefix("<class '").and_then(|n| n.strip_suffix("'>")).unwrap_or(&name).to_string();
    Err(vm.type_error(&format!("cannot pickle '{name}' object")))
}

fn protocol(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Boolean(b) => Ok(i64::from(b.get())),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// Protocols 0 and 1 go through `copyreg._reduce_ex`; 2 and later build
/// `copyreg.__newobj__(cls, *args)` (or `__newobj_ex__` with keyword
/// arguments) with the state and the list or dict items.
fn reduce(vm: &mut Vm, obj: Value, proto: i64) -> PyResult {
    // A built-in function pickles as its name, a global (`getattr`, which
    // enum members reduce to), as CPython's builtin_function `__reduce__`.
    if let Some(r) = reduce_method(vm, &obj)? {
        return Ok(r);
    }
    let copyreg = vm.import_name("copyreg", 0, true)?;
    if proto < 2 {
        let f = attr(vm, &copyreg, "_reduce_ex")?;
        return vm.call(&f, vec![obj, Value::Int(proto)]);
    }
    refuse_native(vm, &obj)?;
    let cls = vm.class_of(&obj);
    let (args, kwargs) = new_args(vm, &obj)?;
    let state = match vm.get_attr_str(&obj, "__getstate__")? {
        Some(g) => vm.call(&g, vec![])?,
        None => Value::None,
    };
    let listitems = if cls.is_subclass(&vm.rt.types.list) { vm.get_iter(&obj)? } else { Value::None };
    let dictitems = if cls.is_subclass(&vm.rt.types.dict) {
        let items = attr(vm, &obj, "items")?;
        let view = vm.call(&items, vec![])?;
        vm.get_iter(&view)?
    } else {
        Value::None
    };
    let (f, fargs) = match kwargs {
        Some(kw) => (attr(vm, &copyreg, "__newobj_ex__")?, vec![Value::Class(cls), Value::tuple(args), kw]),
        None => {
            let mut v = vec![Value::Class(cls)];
            v.extend(args);
            (attr(vm, &copyreg, "__newobj__")?, v)
        }
    };
    Ok(Value::tuple(vec![f, Value::tuple(fargs), state, listitems, dictitems]))
}

/// The arguments `cls.__new__` gets back: `__getnewargs_ex__()`,
/// `__getnewargs__()` or none.
/// Both are special methods, looked up on the type (as CPython's
/// `_PyObject_LookupSpecial`): an instance's `__getattr__` is not asked.
fn new_args(vm: &mut Vm, obj: &Value) -> PyResult<(Vec<Value>, Option<Value>)> {
    let cls = vm.class_of(obj);
    if let Some(g) = cls.lookup("__getnewargs_ex__") {
        let r = vm.call_method_value(&g, obj.clone(), vec![])?;
        let Value::Tuple(t) = &r else {
            let tn = vm.type_name(&r);
            return Err(vm.type_error(&format!("__getnewargs_ex__ should return a tuple, not '{tn}'")));
        };
        if t.len() != 2 {
            let n = t.len();
            return Err(vm.value_error(&format!("__getnewargs_ex__ should return a tuple of length 2, not {n}")));
        }
        let args = vm.collect(&t.items[0])?;
        let kw = t.items[1].clone();
        let empty = matches!(&kw, Value::Dict(d) if d.is_empty());
        return Ok((args, if empty { None } else { Some(kw) }));
    }
    if let Some(g) = cls.lookup("__getnewargs__") {
        let r = vm.call_method_value(&g, obj.clone(), vec![])?;
        if !matches!(r, Value::Tuple(_)) {
            let tn = vm.type_name(&r);
            return Err(vm.type_error(&format!("__getnewargs__ should return a tuple, not '{tn}'")));
        }
        return Ok((vm.collect(&r)?, None));
    }
    Ok((vec![], None))
}

/// `object.__getstate__()`: None for an object without state, the instance
/// dict, or `(dict or None, {slot: value})` when slots hold values.
fn default_state(vm: &mut Vm, obj: &Value) -> PyResult {
    refuse_native(vm, obj)?;
    let Value::Instance(inst) = obj else { return Ok(Value::None) };
    let dict = if inst.class.extra.no_dict || inst.dict.is_empty() {
        Value::None
    } else {
        let copy = Dict::from_table(inst.dict.snapshot());
        Value::Dict(Arc::new(copy))
    };
    let slots = Dict::new();
    for c in inst.class.mro_with_self() {
        for v in c.dict.snapshot().values() {
            if let Value::Native2(o) = v
                && let Some(m) = o.as_any().downcast_ref::<SlotMember>()
                && let Ok(val) = vm.slot_get(m, obj)
            {
                slots.set_str(&m.name, val);
            }
        }
    }
    if slots.is_empty() {
        return Ok(dict);
    }
    Ok(Value::tuple(vec![dict, Value::Dict(Arc::new(slots))]))
}

fn attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult {
    match vm.get_attr_str(obj, name)? {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error(obj, name)),
    }
}

/// `set`/`frozenset.__reduce__` and the immutable built-ins' `__getnewargs__`,
/// so copies and pickles of their subclasses keep their value; `range`,
/// `slice`, `bytearray` and the singletons reduce as CPython's do.
fn builtin_reducers(rt: &Runtime) {
    exception_reducers(rt);
    for (cls, fname) in [(&rt.types.range, "range.__reduce__"), (&rt.types.slice, "slice.__reduce__")] {
        super::method(cls, "__reduce__", move |vm, a| {
            a.check_method(vm, fname, 0, 0)?;
            let this = &a.pos[0];
            let mut args = Vec::new();
            for n in ["start", "stop", "step"] {
                args.push(attr(vm, this, n)?);
            }
            Ok(Value::tuple(vec![Value::Class(vm.class_of(this)), Value::tuple(args)]))
        });
    }
    for (cls, name) in [(&rt.types.ellipsis, "Ellipsis"), (&rt.types.notimpl, "NotImplemented")] {
        super::method(cls, "__reduce__", move |_vm, _a| Ok(Value::str(name)));
    }
    super::method(&rt.types.bytearray, "__reduce_ex__", |vm, a| {
        a.check_method(vm, "bytearray.__reduce_ex__", 1, 1)?;
        let this = &a.pos[0];
        let proto = protocol(vm, &a.pos[1])?;
        let bytes = vm.call(&Value::Class(vm.rt.types.bytes.clone()), vec![this.clone()])?;
        let args = if proto < 3 {
            // Protocols 0-2 have no bytes: a latin-1 str and its codec, as CPython.
            let decode = attr(vm, &bytes, "decode")?;
            vec![vm.call(&decode, vec![Value::str("latin-1")])?, Value::str("latin-1")]
        } else {
            vec![bytes]
        };
        let state = match this {
            Value::Instance(i) if !i.dict.is_empty() => {
                Value::Dict(crate::object::gc::dict(Arc::new(Dict::from_table(i.dict.snapshot()))))
            }
            _ => Value::None,
        };
        Ok(Value::tuple(vec![Value::Class(vm.class_of(this)), Value::tuple(args), state]))
    });
    // set(items) / frozenset(items), with a subclass instance's __dict__.
    for cls in [&rt.types.set, &rt.types.frozenset] {
        let fname = format!("{}.__reduce__", cls.name().as_str());
        super::method(cls, "__reduce__", move |vm, a| {
            a.check_method(vm, &fname, 0, 0)?;
            let this = &a.pos[0];
            let (items, state) = match this {
                Value::Instance(i) => {
                    let inner = i.builtin_value().cloned().unwrap_or(Value::None);
                    let state = if i.dict.is_empty() {
                        Value::None
                    } else {
                        Value::Dict(crate::object::gc::dict(Arc::new(Dict::from_table(i.dict.snapshot()))))
                    };
                    (vm.collect(&inner)?, state)
                }
                v => (vm.collect(v)?, Value::None),
            };
            let cls = Value::Class(vm.class_of(this));
            Ok(Value::tuple(vec![cls, Value::tuple(vec![Value::list(items)]), state]))
        });
    }
    // The immutable built-ins rebuild from their value (`(tuple(self),)`),
    // so copies of their subclasses keep it.
    for (cls, name) in
        [(&rt.types.tuple, "tuple"), (&rt.types.int, "int"), (&rt.types.float, "float"), (&rt.types.bytes, "bytes")]
    {
        let fname = format!("{name}.__getnewargs__");
        super::method(cls, "__getnewargs__", move |vm, a| {
            a.check_method(vm, &fname, 0, 0)?;
            let v = match &a.pos[0] {
                Value::Instance(i) => i.builtin_value().cloned().unwrap_or(Value::None),
                v => v.clone(),
            };
            Ok(Value::tuple(vec![v]))
        });
    }
}

/// `BaseException.__reduce__` (`(type, args)`, plus the instance dict when
/// it holds attributes) and `__setstate__` (the dict's items set as
/// attributes), which pickle and copy take exceptions apart with.
fn exception_reducers(rt: &Runtime) {
    let be = rt.types.exc("BaseException");
    let os_error = rt.types.exc("OSError");
    super::method(&be, "__reduce__", move |vm, a| {
        a.check_method(vm, "BaseException.__reduce__", 0, 0)?;
        let this = &a.pos[0];
        let Value::Instance(i) = this else { return Err(vm.type_error("BaseException.__reduce__ needs an exception")) };
        let args = i.exc().map(|st| st.lock().args.clone()).unwrap_or_default();
        let cls = Value::Class(i.class.clone());
        // OSError's fields live in gilt's instance dict; CPython keeps them
        // in the object, so they are not part of its state.
        let is_os = i.class.is_subclass(&os_error);
        let mut args = args;
        if is_os && args.len() == 2 {
            let f1 = i.dict.get_item_str("filename").filter(|v| !v.is_none());
            let f2 = i.dict.get_item_str("filename2").filter(|v| !v.is_none());
            if let Some(f1) = f1 {
                args.push(f1);
                if let Some(f2) = f2 {
                    args.extend([Value::None, f2]);
                }
            }
        }
        let state: Vec<(Value, Value)> = i
            .dict
            .lock()
            .items()
            .into_iter()
            .filter(|(k, _)| {
                !(is_os
                    && k.as_str()
                        .is_some_and(|s| matches!(s.as_str(), "errno" | "strerror" | "filename" | "filename2")))
            })
            .collect();
        let mut out = vec![cls, Value::tuple(args)];
        if !state.is_empty() {
            let d = Arc::new(Dict::new());
            for (k, v) in state {
                vm.dict_set(&d, k, v)?;
            }
            out.push(Value::Dict(d));
        }
        Ok(Value::tuple(out))
    });
    super::method(&be, "__setstate__", |vm, a| {
        a.check_method(vm, "BaseException.__setstate__", 1, 1)?;
        let this = a.pos[0].clone();
        match &a.pos[1] {
            Value::None => {}
            Value::Dict(d) => {
                for (k, v) in d.lock().items() {
                    let Value::Str(name) = &k else {
                        return Err(vm.type_error("attribute name must be string"));
                    };
                    vm.set_attr(&this, name, v)?;
                }
            }
            _ => return Err(vm.type_error("state is not a dictionary")),
        }
        Ok(Value::None)
    });
}

/// Methods pickle as CPython's method types reduce: a bound method as
/// `getattr(receiver, name)`, a built-in type's method descriptor as
/// `getattr(type, name)`, a built-in function as its name (a global).
fn reduce_method(vm: &mut Vm, obj: &Value) -> PyResult<Option<Value>> {
    let getattr = vm.rt.builtins.get_item_str("getattr").unwrap_or(Value::None);
    match obj {
        Value::Native(n) => match vm.descr_owner_class(n) {
            Some(owner) if n.owner.is_some() => {
                let args = Value::tuple(vec![Value::Class(owner), Value::str(&n.name)]);
                Ok(Some(Value::tuple(vec![getattr.clone(), args])))
            }
            _ => Ok(Some(Value::str(&n.name))),
        },
        Value::Method(m) => {
            let name = match &m.func {
                Value::Native(n) => Value::str(&n.name),
                f => attr(vm, f, "__name__")?,
            };
            let args = Value::tuple(vec![m.receiver.clone(), name]);
            Ok(Some(Value::tuple(vec![getattr.clone(), args])))
        }
        _ => Ok(None),
    }
}
