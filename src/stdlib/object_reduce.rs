//! `object.__reduce_ex__`, `object.__reduce__` and `object.__getstate__`
//! (CPython 3.11's `typeobject.c` protocol): what CPython's `copy` and
//! `pickle` modules call to take an ordinary instance apart —
//! `(copyreg.__newobj__, (cls, *newargs), state, listitems, dictitems)`.

use std::sync::Arc;

use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::runtime::Runtime;
use crate::vm::{PyResult, Vm};

/// Adds the three methods to `object`.
pub fn register(rt: &Runtime) {
    let o = &rt.types.object;
    super::method(o, "__reduce_ex__", |vm, a| {
        a.check_method(vm, "object.__reduce_ex__", 1, 1)?;
        let obj = a.pos[0].clone();
        let proto = vm.index_of(&a.pos[1])?;
        // An overridden __reduce__ wins (the object default does not).
        let cls = vm.class_of(&obj);
        let own = cls.lookup_str(&crate::object::str::PyStr::new("__reduce__"));
        let base = vm.rt.types.object.dict.get_item_str("__reduce__");
        if let (Some(own), Some(base)) = (own, base)
            && !own.is(&base)
        {
            return vm.call_method(&obj, "__reduce__", vec![]);
        }
        common_reduce(vm, &obj, proto)
    });
    super::method(o, "__reduce__", |vm, a| {
        a.check_method(vm, "object.__reduce__", 0, 0)?;
        common_reduce(vm, &a.pos[0], 0)
    });
    super::method(o, "__getstate__", |vm, a| {
        a.check_method(vm, "object.__getstate__", 0, 0)?;
        default_state(vm, &a.pos[0], false)
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

fn common_reduce(vm: &mut Vm, obj: &Value, proto: i64) -> PyResult {
    if proto >= 2 {
        return reduce_newobj(vm, obj);
    }
    let copyreg = vm.import_name("copyreg", 0, true)?;
    vm.call_method(&copyreg, "_reduce_ex", vec![obj.clone(), Value::Int(proto)])
}

fn cannot_pickle(vm: &mut Vm, obj: &Value) -> crate::vm::PyErr {
    let tn = vm.type_name(obj);
    vm.type_error(&format!("cannot pickle '{tn}' object"))
}

/// Protocol 2+: rebuild with `cls.__new__(cls, *args)`, then the state.
fn reduce_newobj(vm: &mut Vm, obj: &Value) -> PyResult {
    if !matches!(obj, Value::Instance(_)) {
        return Err(cannot_pickle(vm, obj));
    }
    let cls = Value::Class(vm.class_of(obj));
    let mut args: Option<Vec<Value>> = None;
    let mut kwargs: Option<Value> = None;
    if let Some(f) = vm.get_attr_str(obj, "__getnewargs_ex__")? {
        let r = vm.call(&f, vec![])?;
        let pair = match &r {
            Value::Tuple(t) if t.len() == 2 => t.items.to_vec(),
            Value::Tuple(t) => {
                let n = t.len();
                return Err(vm.value_error(&format!("__getnewargs_ex__ should return a tuple of length 2, not {n}")));
            }
            _ => {
                let tn = vm.type_name(&r);
                return Err(vm.type_error(&format!("__getnewargs_ex__ should return a tuple, not '{tn}'")));
            }
        };
        let Value::Tuple(a) = &pair[0] else {
            let tn = vm.type_name(&pair[0]);
            return Err(vm.type_error(&format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{tn}'"
            )));
        };
        if !matches!(pair[1], Value::Dict(_)) {
            let tn = vm.type_name(&pair[1]);
            return Err(vm.type_error(&format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{tn}'"
            )));
        }
        args = Some(a.items.to_vec());
        kwargs = Some(pair[1].clone());
    } else if let Some(f) = vm.get_attr_str(obj, "__getnewargs__")? {
        let r = vm.call(&f, vec![])?;
        let Value::Tuple(t) = &r else {
            let tn = vm.type_name(&r);
            return Err(vm.type_error(&format!("__getnewargs__ should return a tuple, not '{tn}'")));
        };
        args = Some(t.items.to_vec());
    }
    let hasargs = args.is_some();
    let args = args.unwrap_or_default();
    let copyreg = vm.import_name("copyreg", 0, true)?;
    let kw_empty = match &kwargs {
        Some(Value::Dict(d)) => d.is_empty(),
        _ => true,
    };
    let (newobj, newargs) = if kw_empty {
        let f = vm.get_attr_str(&copyreg, "__newobj__")?.unwrap_or(Value::None);
        let mut v = vec![cls.clone()];
        v.extend(args);
        (f, Value::tuple(v))
    } else {
        let f = vm.get_attr_str(&copyreg, "__newobj_ex__")?.unwrap_or(Value::None);
        (f, Value::tuple(vec![cls.clone(), Value::tuple(args), kwargs.unwrap_or(Value::None)]))
    };
    let inner = match obj {
        Value::Instance(i) => i.builtin_value().cloned(),
        _ => None,
    };
    let is_list = matches!(inner, Some(Value::List(_)));
    let is_dict = matches!(inner, Some(Value::Dict(_)));
    let state = get_state(vm, obj, !(hasargs || is_list || is_dict))?;
    let listitems = if is_list { vm.get_iter(obj)? } else { Value::None };
    let dictitems = if is_dict {
        let items = vm.call_method(obj, "items", vec![])?;
        vm.get_iter(&items)?
    } else {
        Value::None
    };
    Ok(Value::tuple(vec![newobj, newargs, state, listitems, dictitems]))
}

/// `obj.__getstate__()`, or the default state when it is object's own.
fn get_state(vm: &mut Vm, obj: &Value, required: bool) -> PyResult {
    let cls = vm.class_of(obj);
    let own = cls.lookup_str(&crate::object::str::PyStr::new("__getstate__"));
    let base = vm.rt.types.object.dict.get_item_str("__getstate__");
    match (own, base) {
        (Some(own), Some(base)) if !own.is(&base) => vm.call_method(obj, "__getstate__", vec![]),
        _ => default_state(vm, obj, required),
    }
}

/// The instance's `__dict__` (a copy, or None when empty), paired with
/// its slot values when its class has `__slots__`.
fn default_state(vm: &mut Vm, obj: &Value, required: bool) -> PyResult {
    let Value::Instance(inst) = obj else {
        if required {
            return Err(cannot_pickle(vm, obj));
        }
        return Ok(Value::None);
    };
    if required && matches!(inst.builtin_value(), Some(Value::Native2(_))) {
        return Err(cannot_pickle(vm, obj));
    }
    let state = if inst.dict.is_empty() {
        Value::None
    } else {
        Value::Dict(crate::object::gc::dict(Arc::new(Dict::from_table(inst.dict.snapshot()))))
    };
    let copyreg = vm.import_name("copyreg", 0, true)?;
    let cls = Value::Class(inst.class.clone());
    let names = vm.call_method(&copyreg, "_slotnames", vec![cls])?;
    let names = vm.collect(&names)?;
    if names.is_empty() {
        return Ok(state);
    }
    let slots = Dict::new();
    for n in names {
        let Value::Str(s) = &n else { continue };
        match vm.get_attr(obj, s) {
            Ok(v) => slots.set_str(s, v),
            Err(e) if vm.is_exc(&e, "AttributeError") => {}
            Err(e) => return Err(e),
        }
    }
    if slots.is_empty() {
        return Ok(state);
    }
    Ok(Value::tuple(vec![state, Value::Dict(crate::object::gc::dict(Arc::new(slots)))]))
}
