//! The `_collections` module under CPython's own `collections` package:
//! `deque` and its iterators (`collections_deque.rs`), `defaultdict` (a
//! dict subclass whose `__missing__` calls `default_factory`) and
//! `_count_elements` (the loop of `Counter.update`).
//!
//! `OrderedDict` is CPython's pure-Python class (its C version is only an
//! accelerator); `_tuplegetter` is absent, so namedtuple's fields are
//! `property(itemgetter(i))`, CPython's own fallback.

use std::sync::Arc;

use super::def;
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::parse::ast::BinOp;
use crate::vm::runtime::new_overriding_builtin_class;
use crate::vm::{Args, PyResult, Vm};

/// `d.default_factory`, kept in the instance's attribute dict.
fn factory(v: &Value) -> Value {
    match v {
        Value::Instance(i) => i.dict.get_item_str("default_factory").unwrap_or(Value::None),
        _ => Value::None,
    }
}

/// A new defaultdict of `cls` with `factory`, filled from `src` (dict.update).
fn make(vm: &mut Vm, cls: &Arc<Class>, factory: Value, src: Option<&Value>) -> PyResult {
    let mut pos = vec![factory];
    pos.extend(src.cloned());
    vm.call(&Value::Class(cls.clone()), pos)
}

/// `_tuplegetter(index, doc)`: namedtuple's field descriptor (read-only,
/// `obj[index]`), with CPython's "can't set attribute" on assignment.
fn register_tuplegetter(vm: &mut Vm, m: &Dict) {
    let object = vm.rt.types.object.clone();
    let cls = new_overriding_builtin_class("_tuplegetter", std::slice::from_ref(&object), Layout::Object);
    cls.dict.set_item_str("__module__", Value::str("_collections"));
    let d = &cls.dict;
    def(d, "__new__", |vm, a| {
        let Some(Value::Class(cls)) = a.pos.first() else {
            return Err(vm.type_error("_tuplegetter.__new__(X): X is not a type object"));
        };
        if a.pos.len() != 3 {
            let n = a.pos.len().saturating_sub(1);
            return Err(vm.type_error(&format!("_tuplegetter expected 2 arguments, got {n}")));
        }
        let index = vm.index_of(&a.pos[1])?;
        let inst = crate::object::class::Instance::new(cls.clone(), crate::object::class::Payload::None);
        inst.dict.set_item_str("_index", Value::Int(index));
        inst.dict.set_item_str("__doc__", a.pos[2].clone());
        Ok(Value::Instance(crate::object::gc::instance(Arc::new(inst))))
    });
    let index = |vm: &mut Vm, me: &Value| match me {
        Value::Instance(i) => i.dict.get_item_str("_index").ok_or_else(|| vm.type_error("uninitialised _tuplegetter")),
        _ => Err(vm.type_error("descriptor requires a '_collections._tuplegetter' object")),
    };
    def(d, "__get__", move |vm, a| {
        let obj = a.pos.get(1).cloned().unwrap_or(Value::None);
        if obj.is_none() {
            return Ok(a.pos[0].clone());
        }
        let i = index(vm, &a.pos[0])?;
        vm.get_item(&obj, &i)
    });
    def(d, "__set__", |vm, _a| Err(vm.err("AttributeError", "can't set attribute")));
    def(d, "__delete__", |vm, _a| Err(vm.err("AttributeError", "can't delete attribute")));
    def(d, "__reduce__", move |vm, a| {
        let me = &a.pos[0];
        let i = index(vm, me)?;
        let doc = match me {
            Value::Instance(inst) => inst.dict.get_item_str("__doc__").unwrap_or(Value::None),
            _ => Value::None,
        };
        Ok(Value::tuple(vec![Value::Class(vm.class_of(me)), Value::tuple(vec![i, doc])]))
    });
    m.set_item_str("_tuplegetter", Value::Class(cls));
}

fn register_defaultdict(vm: &mut Vm, m: &Dict) {
    let dict = vm.rt.types.dict.clone();
    let cls = new_overriding_builtin_class("defaultdict", std::slice::from_ref(&dict), Layout::Dict);
    cls.dict.set_item_str("__module__", Value::str("collections"));
    let d = &cls.dict;
    def(d, "__new__", |vm, a| {
        let cls = a.pos.first().cloned().unwrap_or(Value::None);
        let v = vm.wrap_builtin(&cls, Value::Dict(Arc::new(Dict::new())));
        if let Value::Instance(i) = &v {
            i.dict.set_item_str("default_factory", Value::None);
        }
        Ok(v)
    });
    def(d, "__init__", |vm, a| {
        let me = a.pos.first().cloned().unwrap_or(Value::None);
        let mut rest = &a.pos[1.min(a.pos.len())..];
        if let Some(f) = rest.first() {
            if !f.is_none() && !super::builtins_attr::is_callable(vm, f) {
                return Err(vm.type_error("first argument must be callable or None"));
            }
            if let Value::Instance(i) = &me {
                i.dict.set_item_str("default_factory", f.clone());
            }
            rest = &rest[1..];
        }
        if rest.len() > 1 {
            return Err(vm.type_error(&format!("dict expected at most 1 argument, got {}", rest.len())));
        }
        if let Some(target) = vm.as_dict(&me) {
            vm.dict_update_from(&target, rest, &a.kw)?;
        }
        Ok(Value::None)
    });
    def(d, "__missing__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let f = factory(a.pos.first().unwrap_or(&Value::None));
        if f.is_none() {
            return Err(vm.key_error(a.pos[1].clone()));
        }
        let v = vm.call(&f, vec![])?;
        vm.set_item(a.pos.first().unwrap_or(&Value::None), a.pos[1].clone(), v.clone())?;
        Ok(v)
    });
    def(d, "__repr__", |vm, a| {
        let me = a.pos.first().cloned().unwrap_or(Value::None);
        let f = factory(&me);
        let fr = if f.is_none() {
            "None".to_string()
        } else if vm.repr_guard.contains(&me.id()) {
            "...".to_string()
        } else {
            // The factory may refer back to the defaultdict (a bound method).
            vm.repr_guard.push(me.id());
            let r = vm.repr_of(&f);
            vm.repr_guard.pop();
            r?
        };
        let body = match crate::vm::ops::payload_of(&me) {
            Some(p) => vm.repr_of(&p)?,
            None => "{}".into(),
        };
        let name = vm.class_of(&me).name();
        Ok(Value::string(format!("{}({fr}, {body})", name.as_str())))
    });
    for name in ["copy", "__copy__"] {
        def(d, name, |vm, a| {
            let me = a.pos.first().cloned().unwrap_or(Value::None);
            let cls = vm.class_of(&me);
            make(vm, &cls, factory(&me), Some(&me))
        });
    }
    def(d, "__reduce__", |vm, a| {
        let me = a.pos.first().cloned().unwrap_or(Value::None);
        let f = factory(&me);
        let args = if f.is_none() { Value::tuple(vec![]) } else { Value::tuple(vec![f]) };
        let items = vm.call_method(&me, "items", vec![])?;
        let it = vm.get_iter(&items)?;
        let cls = vm.class_of(&me);
        Ok(Value::tuple(vec![Value::Class(cls), args, Value::None, Value::None, it]))
    });
    let dd = cls.clone();
    def(d, "__or__", move |vm, a| {
        a.expect_after_self(vm, 1)?;
        or(vm, &dd, a.pos.first().unwrap_or(&Value::None), &a.pos[1])
    });
    let dd = cls.clone();
    def(d, "__ror__", move |vm, a| {
        a.expect_after_self(vm, 1)?;
        or(vm, &dd, &a.pos[1], a.pos.first().unwrap_or(&Value::None))
    });
    m.set_item_str("defaultdict", Value::Class(cls));
}

/// `left | right` where one side is a defaultdict: a copy of `left` in the
/// defaultdict's class, updated from `right`.
fn or(vm: &mut Vm, dd: &Arc<Class>, left: &Value, right: &Value) -> PyResult {
    let dict = vm.rt.types.dict.clone();
    let left_is_dd = vm.class_of(left).is_subclass(dd);
    let (me, other) = if left_is_dd { (left, right) } else { (right, left) };
    if !vm.class_of(other).is_subclass(&dict) {
        return Ok(Value::NotImplemented);
    }
    let cls = vm.class_of(me);
    let new = make(vm, &cls, factory(me), Some(left))?;
    vm.call_method(&new, "update", vec![right.clone()])?;
    Ok(new)
}

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1`
/// for each item, straight on the dict when `get`/`__setitem__` are dict's.
fn count_elements(vm: &mut Vm, a: Args) -> PyResult {
    a.no_kw(vm, "_count_elements")?;
    if a.pos.len() != 2 {
        return Err(vm.type_error(&format!("_count_elements expected 2 arguments, got {}", a.pos.len())));
    }
    let (mapping, iterable) = (a.pos.first().unwrap_or(&Value::None), &a.pos[1]);
    let plain = match mapping {
        Value::Dict(_) => true,
        Value::Instance(i) => i.class.lookup_user("get").is_none() && i.class.lookup_user("__setitem__").is_none(),
        _ => false,
    };
    let it = vm.get_iter(iterable)?;
    let one = Value::Int(1);
    if plain && let Some(d) = vm.as_dict(mapping) {
        while let Some(x) = vm.next_value(&it)? {
            let n = match vm.dict_get(&d, &x)? {
                Some(Value::Int(n)) if n < i64::MAX => Value::Int(n + 1),
                Some(v) => vm.binary_op(&v, &one, BinOp::Add)?,
                None => one.clone(),
            };
            vm.dict_set(&d, x, n)?;
        }
        return Ok(Value::None);
    }
    let get = vm.get_attr(mapping, &Arc::new(crate::object::str::PyStr::new("get")))?;
    while let Some(x) = vm.next_value(&it)? {
        let old = vm.call(&get, vec![x.clone(), Value::Int(0)])?;
        let n = vm.binary_op(&old, &one, BinOp::Add)?;
        vm.set_item(mapping, x, n)?;
    }
    Ok(Value::None)
}

/// Creates the `_collections` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("_collections"));
    super::collections_deque::register(vm, &d);
    register_defaultdict(vm, &d);
    def(&d, "_count_elements", count_elements);
    register_tuplegetter(vm, &d);
    let m = Value::Module(Arc::new(Module::new(Arc::from("_collections"), d)));
    // CPython's start-up (site) has imported `collections.abc` before any
    // script runs, so `import collections; collections.abc.Sequence` works
    // there; `collections` imports this module first thing, so do it here.
    // A failure only leaves the attribute missing, as without site.
    let _ = vm.import_name("collections.abc", 0, false);
    Ok(m)
}
