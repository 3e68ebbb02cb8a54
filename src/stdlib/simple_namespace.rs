//! `types.SimpleNamespace` (the type of `sys.implementation`): keyword
//! arguments become attributes; CPython's repr `namespace(a=1)`, equality by
//! attributes and `__reduce__`. CPython's types.py takes the class as
//! `type(sys.implementation)`.

use std::sync::Arc;

use super::method;
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::parse::ast::CmpOp;
use crate::vm::Runtime;
use parking_lot::Mutex;

/// Creates the class (once, for `sys.implementation`).
pub fn class(rt: &Runtime) -> Arc<Class> {
    // Not `builtin`: its dunders must be found as a Python class's are
    // (repr, `==`, `__init__` with keyword arguments), as structseq's.
    let t = &rt.types;
    let name = Arc::new(PyStr::new("SimpleNamespace"));
    let cls = Arc::new(Class {
        name: Mutex::new(name.clone()),
        qualname: Mutex::new(name),
        bases: crate::object::swap::SwapCell::new(vec![t.object.clone()]),
        mro: crate::object::swap::SwapCell::new(vec![t.object.clone()]),
        dict: Arc::new(Dict::new()),
        metaclass: None,
        layout: Layout::Object,
        builtin: false,
        flags: std::sync::atomic::AtomicU32::new(crate::object::class::class_flags::UNKNOWN),
        tag: crate::object::class::Class::new_tag(),
        finalizers: Default::default(),
        extra: Default::default(),
    });
    cls.dict.set_item_str("__module__", Value::str("types"));
    cls.dict.set_item_str("__doc__", Value::str("A simple attribute-based namespace."));
    method(&cls, "__init__", |vm, a| {
        if a.pos.len() > 1 {
            return Err(vm.type_error("no positional arguments expected"));
        }
        let Some(Value::Instance(inst)) = a.pos.first() else { return Err(vm.type_error("expected a namespace")) };
        for (k, v) in a.kw.iter() {
            inst.dict.set_str(k, v.clone());
        }
        Ok(Value::None)
    });
    let ns = cls.clone();
    method(&cls, "__repr__", move |vm, a| {
        let Some(Value::Instance(inst)) = a.pos.first() else { return Err(vm.type_error("expected a namespace")) };
        let name = if Arc::ptr_eq(&inst.class, &ns) {
            "namespace".to_string()
        } else {
            inst.class.name().as_str().to_string()
        };
        // A namespace inside itself prints as `namespace(...)` (CPython's
        // Py_ReprEnter), with the recursion bounded like a container's.
        let id = a.pos[0].id();
        if vm.repr_guard.contains(&id) {
            return Ok(Value::string(format!("{name}(...)")));
        }
        vm.enter_recursion(" while getting the repr of an object")?;
        vm.repr_guard.push(id);
        let mut parts = Vec::new();
        let mut failed = None;
        for (k, v) in inst.dict.snapshot().items() {
            let Value::Str(k) = k else { continue };
            match vm.repr_of(&v) {
                Ok(r) => parts.push(format!("{}={r}", k.as_str())),
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        vm.repr_guard.pop();
        vm.leave_recursion();
        if let Some(e) = failed {
            return Err(e);
        }
        Ok(Value::string(format!("{name}({})", parts.join(", "))))
    });
    let ns = cls.clone();
    method(&cls, "__eq__", move |vm, a| {
        a.expect_after_self(vm, 1)?;
        match (&a.pos[0], &a.pos[1]) {
            (Value::Instance(x), Value::Instance(y)) if x.class.is_subclass(&ns) && y.class.is_subclass(&ns) => {
                let (dx, dy) = (Value::Dict(x.dict.clone()), Value::Dict(y.dict.clone()));
                vm.compare(&dx, &dy, CmpOp::Eq)
            }
            _ => Ok(Value::NotImplemented),
        }
    });
    method(&cls, "__reduce__", |vm, a| {
        let Some(Value::Instance(inst)) = a.pos.first() else { return Err(vm.type_error("expected a namespace")) };
        let _ = vm;
        let state = Value::Dict(inst.dict.clone());
        Ok(Value::tuple(vec![Value::Class(inst.class.clone()), Value::tuple(vec![]), state]))
    });
    cls
}
