//! `X | Y` on types (PEP 604): `types.UnionType`, its repr (`int | None`),
//! `__args__`, equality and hash as an unordered set, and
//! `isinstance`/`issubclass` against each member.

use std::sync::Arc;

use super::method;
use super::types_num::prop;
use crate::object::class::Class;
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Runtime, Vm};

/// A union of types: what `int | str` makes.
pub struct UnionType {
    class: Arc<Class>,
    /// The members, flattened and without duplicates (None as `NoneType`).
    pub args: Vec<Value>,
}

impl crate::object::native::NativeObject for UnionType {
    fn class(&self) -> &Arc<Class> {
        &self.class
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    /// `==` and `hash` go through the class's `__eq__`/`__hash__` (an unordered set of members).
    fn eq_by_value(&self) -> bool {
        true
    }
    fn hash_outcome(&self) -> Option<crate::object::eq::HashOutcome> {
        Some(crate::object::eq::HashOutcome::NeedsPython)
    }
}

/// True for a `types.UnionType` value (`int | str`).
pub fn is_union(v: &Value) -> bool {
    as_union(v).is_some()
}

/// The union behind a value, if it is one.
fn as_union(v: &Value) -> Option<&UnionType> {
    match v {
        Value::Native2(o) => o.as_any().downcast_ref::<UnionType>(),
        _ => None,
    }
}

/// True for what `|` may join into a union: a class, None, a union, or a
/// `types.GenericAlias` (`list[int]`).
fn unionable(v: &Value) -> bool {
    match v {
        Value::None | Value::Class(_) => true,
        Value::Native2(_) => as_union(v).is_some(),
        Value::Instance(i) => {
            i.class.name().as_str() == "GenericAlias"
                && matches!(i.class.dict.get_item_str("__module__"), Some(Value::Str(m)) if m.as_str() == "types")
        }
        _ => false,
    }
}

/// `a | b` when both sides are types (None otherwise: the operator goes on
/// to its TypeError). A single distinct member is returned as is.
pub fn union_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if !unionable(a) || !unionable(b) {
        return Ok(None);
    }
    let mut args: Vec<Value> = Vec::new();
    for side in [a, b] {
        let members = match as_union(side) {
            Some(u) => u.args.clone(),
            None => vec![side.clone()],
        };
        for m in members {
            let m = if m.is_none() { Value::Class(vm.rt.types.none.clone()) } else { m };
            let mut dup = false;
            for seen in &args {
                if seen.is(&m) || vm.eq(seen, &m)? {
                    dup = true;
                    break;
                }
            }
            if !dup {
                args.push(m);
            }
        }
    }
    if args.len() == 1 {
        return Ok(args.pop());
    }
    let class = vm.rt.types.union.clone();
    Ok(Some(Value::from_native(Arc::new(UnionType { class, args }))))
}

fn recv(vm: &mut Vm, a: &Args) -> PyResult<Vec<Value>> {
    match a.pos.first().and_then(as_union) {
        Some(u) => Ok(u.args.clone()),
        None => Err(vm.type_error("descriptor requires a 'types.UnionType' object")),
    }
}

/// The members as a frozenset (equality and hash ignore their order).
fn member_set(vm: &mut Vm, args: Vec<Value>) -> PyResult {
    vm.call_builtin("frozenset", vec![Value::tuple(args)])
}

/// `repr` of one member: `None`, `int`, `mod.Class`, or the object's repr.
fn member_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Value::Class(c) = v {
        if Arc::ptr_eq(c, &vm.rt.types.none) {
            return Ok("None".into());
        }
        let qual = c.qualname.lock().as_str().to_string();
        return Ok(match c.dict.get_item_str("__module__") {
            Some(Value::Str(m)) if m.as_str() != "builtins" => format!("{}.{qual}", m.as_str()),
            _ => qual,
        });
    }
    vm.repr_of(v)
}

/// Registers the methods of `types.UnionType`.
pub fn register(rt: &Runtime) {
    let c = &rt.types.union;
    c.dict.set_item_str("__module__", Value::str("types"));
    prop(rt, c, "__args__", |vm, a| Ok(Value::tuple(recv(vm, &a)?)));
    prop(rt, c, "__parameters__", |vm, a| {
        recv(vm, &a)?;
        Ok(Value::tuple(vec![]))
    });
    method(c, "__repr__", |vm, a| {
        let mut parts = Vec::new();
        for m in recv(vm, &a)? {
            parts.push(member_repr(vm, &m)?);
        }
        Ok(Value::string(parts.join(" | ")))
    });
    method(c, "__hash__", |vm, a| {
        let args = recv(vm, &a)?;
        let s = member_set(vm, args)?;
        Ok(Value::Int(vm.hash_value(&s)?))
    });
    for (name, negate) in [("__eq__", false), ("__ne__", true)] {
        method(c, name, move |vm, a| {
            let mine = recv(vm, &a)?;
            let Some(other) = a.pos.get(1).and_then(as_union).map(|u| u.args.clone()) else {
                return Ok(Value::NotImplemented);
            };
            let (x, y) = (member_set(vm, mine)?, member_set(vm, other)?);
            Ok(Value::Bool(vm.eq(&x, &y)? != negate))
        });
    }
    method(c, "__or__", |vm, a| {
        recv(vm, &a)?;
        let other = a.pos.get(1).cloned().unwrap_or(Value::None);
        Ok(union_or(vm, &a.pos[0], &other)?.unwrap_or(Value::NotImplemented))
    });
    method(c, "__ror__", |vm, a| {
        recv(vm, &a)?;
        let other = a.pos.get(1).cloned().unwrap_or(Value::None);
        Ok(union_or(vm, &other, &a.pos[0])?.unwrap_or(Value::NotImplemented))
    });
    method(c, "__instancecheck__", |vm, a| {
        let obj = a.pos.get(1).cloned().unwrap_or(Value::None);
        for m in recv(vm, &a)? {
            if !matches!(m, Value::Class(_)) {
                return Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"));
            }
            if vm.isinstance(&obj, &m)? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    });
    method(c, "__subclasscheck__", |vm, a| {
        let Some(Value::Class(sub)) = a.pos.get(1).cloned() else {
            return Err(vm.type_error("issubclass() arg 1 must be a class"));
        };
        for m in recv(vm, &a)? {
            if !matches!(m, Value::Class(_)) {
                return Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"));
            }
            if vm.issubclass(&sub, &m)? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    });
}

/// `__class_getitem__` of the built-in classes CPython gives one (PEP 585):
/// `list[int]` is a `types.GenericAlias`, and so is `MyList[int]` for a
/// subclass, which inherits it. (Other built-in classes are subscripted by
/// the interpreter's own fallback.)
pub fn register_class_getitem(rt: &Runtime) {
    let t = &rt.types;
    let iter = |n: &str| t.iterators.get(n).cloned();
    let classes = [
        Some(t.list.clone()),
        Some(t.dict.clone()),
        Some(t.tuple.clone()),
        Some(t.set.clone()),
        Some(t.frozenset.clone()),
        iter("enumerate"),
        t.exceptions.get("BaseExceptionGroup").cloned(),
    ];
    for cls in classes.into_iter().flatten() {
        let owner = cls.name().as_str().to_string();
        super::types_num::classmethod(rt, &cls, "__class_getitem__", move |vm, a| {
            if a.pos.len() != 2 {
                let n = a.pos.len().saturating_sub(1);
                let msg = format!("{owner}.__class_getitem__() takes exactly one argument ({n} given)");
                return Err(vm.type_error(&msg));
            }
            let m = vm.import_name("_gilt_types", 0, true)?;
            let Some(ga) = vm.get_attr_str(&m, "GenericAlias")? else {
                return Err(vm.type_error("types.GenericAlias is missing"));
            };
            vm.call(&ga, vec![a.pos[0].clone(), a.pos[1].clone()])
        });
    }
}
