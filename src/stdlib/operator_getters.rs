//! `_operator.itemgetter` and `_operator.attrgetter`, the callables that sort
//! keys use most: CPython's operator.py replaces its pure-Python classes by
//! these (`from _operator import *`), as it does with CPython's C ones.

use std::sync::Arc;

use super::def;
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

/// An `itemgetter` (`attr == false`) or an `attrgetter`: the items or the
/// dotted names, split once.
pub struct Getter {
    class: Arc<Class>,
    args: Vec<Value>,
    /// For attrgetter: each name split at its dots.
    paths: Vec<Vec<Arc<PyStr>>>,
    attr: bool,
}

crate::object::native::impl_native_object!(Getter);

fn getter_of(v: &Value) -> Option<&Getter> {
    match v {
        Value::Native2(n) => n.as_any().downcast_ref::<Getter>(),
        _ => None,
    }
}

impl Getter {
    fn get_one(&self, vm: &mut Vm, obj: &Value, i: usize) -> PyResult {
        if !self.attr {
            return vm.get_item(obj, &self.args[i]);
        }
        let mut v = obj.clone();
        for name in &self.paths[i] {
            v = vm.get_attr(&v, name)?;
        }
        Ok(v)
    }
}

fn new_getter(vm: &mut Vm, cls: &Arc<Class>, a: Args, attr: bool) -> PyResult {
    let name = if attr { "attrgetter" } else { "itemgetter" };
    if !a.kw.is_empty() {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    if a.pos.is_empty() {
        return Err(vm.type_error(&format!("{name} expected 1 argument, got 0")));
    }
    let mut paths = Vec::new();
    if attr {
        for v in &a.pos {
            let Value::Str(s) = v else { return Err(vm.type_error("attribute name must be a string")) };
            paths.push(s.as_str().split('.').map(|p| Arc::new(PyStr::new(p))).collect());
        }
    }
    Ok(Value::from_native(Arc::new(Getter { class: cls.clone(), args: a.pos, paths, attr })))
}

fn register_class(vm: &mut Vm, m: &Dict, name: &'static str, attr: bool) {
    let cls = new_builtin_class(name, std::slice::from_ref(&vm.rt.types.object), Layout::Opaque);
    cls.dict.set_item_str("__module__", Value::str("operator"));
    let d = &cls.dict;
    let c = cls.clone();
    def(d, "__new__", move |vm, mut a| {
        if !a.pos.is_empty() {
            a.pos.remove(0);
        }
        new_getter(vm, &c, a, attr)
    });
    def(d, "__init__", |_vm, _a| Ok(Value::None));
    def(d, "__call__", move |vm, a| {
        let Some(g) = a.pos.first().and_then(getter_of) else {
            return Err(vm.type_error(&format!("descriptor '__call__' requires a 'operator.{name}' object")));
        };
        if !a.kw.is_empty() {
            return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
        }
        let n = a.pos.len() - 1;
        if n != 1 {
            return Err(vm.type_error(&format!("{name} expected 1 argument, got {n}")));
        }
        let obj = &a.pos[1];
        if g.args.len() == 1 {
            return g.get_one(vm, obj, 0);
        }
        let mut out = Vec::with_capacity(g.args.len());
        for i in 0..g.args.len() {
            out.push(g.get_one(vm, obj, i)?);
        }
        Ok(Value::tuple(out))
    });
    def(d, "__repr__", move |vm, a| {
        let Some(g) = a.pos.first().and_then(getter_of) else { return Err(vm.type_error("bad getter")) };
        let mut parts = Vec::with_capacity(g.args.len());
        for v in &g.args {
            parts.push(vm.repr_of(v)?);
        }
        Ok(Value::string(format!("operator.{name}({})", parts.join(", "))))
    });
    def(d, "__reduce__", |vm, a| {
        let Some(g) = a.pos.first().and_then(getter_of) else { return Err(vm.type_error("bad getter")) };
        Ok(Value::tuple(vec![Value::Class(g.class.clone()), Value::tuple(g.args.clone())]))
    });
    m.set_item_str(name, Value::Class(cls));
}

/// Adds `itemgetter` and `attrgetter` to `_operator`'s dict.
pub fn register(vm: &mut Vm, m: &Dict) {
    register_class(vm, m, "itemgetter", false);
    register_class(vm, m, "attrgetter", true);
}
