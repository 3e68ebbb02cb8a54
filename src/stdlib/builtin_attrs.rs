//! Built-in types' data attributes as descriptors in the type's `__dict__`,
//! as CPython exposes them (getset and member descriptors): `type(f).__code__`
//! is a `getset_descriptor`, `FunctionType.__globals__` a `member_descriptor`.
//! CPython's library takes their types from there (`types.GetSetDescriptorType`,
//! `inspect.isdatadescriptor`). The values themselves still come from the
//! attribute code of `vm/attr.rs`; a descriptor only forwards to it.

use std::sync::Arc;

use super::method;
use crate::object::class::Class;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::args::Args;
use crate::vm::runtime::Runtime;
use crate::vm::{PyResult, Vm};

/// One data attribute of a built-in type, stored in the type's `__dict__`.
pub struct BuiltinAttr {
    /// The attribute name (`__code__`).
    pub name: Arc<PyStr>,
    /// The type that owns it (`function`): `__get__` checks its argument.
    /// Weak: the owner's dict holds the descriptor, and a Python class
    /// (whose `__dict__`/`__weakref__` these are) must stay collectable.
    pub owner: std::sync::Weak<Class>,
    /// `getset_descriptor` or `member_descriptor`.
    pub class: Arc<Class>,
}

crate::object::native::impl_native_object!(BuiltinAttr);

/// Whether a descriptor is a getset (computed) or a member (a stored field)
/// in CPython: it decides the descriptor's type and repr.
#[derive(Clone, Copy)]
enum Kind {
    GetSet,
    Member,
}

/// Which attributes of which built-in types become descriptors, with the
/// kind CPython gives each (funcobject.c's getset and member lists, …).
fn table(rt: &Runtime) -> Vec<(Arc<Class>, Kind, &'static [&'static str])> {
    let t = &rt.types;
    vec![
        (
            t.function.clone(),
            Kind::GetSet,
            &["__code__", "__defaults__", "__kwdefaults__", "__annotations__", "__dict__", "__name__", "__qualname__"],
        ),
        (t.function.clone(), Kind::Member, &["__closure__", "__globals__", "__builtins__"]),
        (t.method.clone(), Kind::Member, &["__func__", "__self__"]),
        // Code objects (codeobject.c's member and getset lists): `dir(CodeType)`
        // lists them, which `unittest.mock`'s `spec_set=CodeType` relies on.
        (
            t.code.clone(),
            Kind::Member,
            &[
                "co_argcount",
                "co_posonlyargcount",
                "co_kwonlyargcount",
                "co_stacksize",
                "co_flags",
                "co_nlocals",
                "co_consts",
                "co_names",
                "co_filename",
                "co_name",
                "co_qualname",
                "co_firstlineno",
                "co_linetable",
                "co_exceptiontable",
            ],
        ),
        (t.code.clone(), Kind::GetSet, &["co_lnotab", "co_varnames", "co_cellvars", "co_freevars", "co_code"]),
        // `type.__dict__['__dict__'].__get__(C)`, which inspect.getattr_static
        // reads to bypass a class's own attributes (a class's lookup of
        // these names is answered before its metatype's dict is read).
        (t.type_.clone(), Kind::GetSet, &["__dict__"]),
        (t.type_.clone(), Kind::Member, &["__mro__"]),
    ]
}

/// Puts the descriptors of [`table`] in their types' dicts and gives the
/// `getset_descriptor` type its methods (`member_descriptor`'s are in
/// `types_func.rs`, which forwards to [`member_op`] for these).
pub fn register(rt: &Runtime) {
    let getset = rt.types.getset_descriptor.clone();
    for (owner, kind, names) in table(rt) {
        let class = match kind {
            Kind::GetSet => getset.clone(),
            Kind::Member => rt.types.member_descriptor.clone(),
        };
        for n in names {
            let d = BuiltinAttr { name: rt.intern(n), owner: Arc::downgrade(&owner), class: class.clone() };
            owner.dict.set_item_str(n, Value::from_native(Arc::new(d)));
        }
    }
    // The mutable containers are unhashable by a `__hash__ = None` in their
    // dict, as CPython's (dataclasses tests `type(default).__hash__ is None`).
    for c in [&rt.types.list, &rt.types.dict, &rt.types.set] {
        c.dict.set_item_str("__hash__", Value::None);
    }
    method(&getset, "__get__", |vm, a| descr_get(vm, &a));
    method(&getset, "__set__", |vm, a| descr_set(vm, &a, true));
    method(&getset, "__delete__", |vm, a| descr_set(vm, &a, false));
    method(&getset, "__repr__", |vm, a| descr_repr(vm, &a));
    // What inspect reads of a getset descriptor (`_shadowed_dict`).
    super::types_num::prop(rt, &getset, "__name__", |vm, a| Ok(Value::Str(this(vm, &a)?.name.clone())));
    super::types_num::prop(rt, &getset, "__qualname__", |vm, a| {
        let d = this(vm, &a)?;
        let owner = d.owner.upgrade().map_or_else(|| "?".to_string(), |c| c.name().as_str().to_string());
        Ok(Value::string(format!("{owner}.{}", d.name.as_str())))
    });
    super::types_num::prop(rt, &getset, "__objclass__", |vm, a| {
        Ok(this(vm, &a)?.owner.upgrade().map_or(Value::None, Value::Class))
    });
}

/// The `__dict__` and `__weakref__` getset descriptors a class gets in its
/// own dict when it is the first of its line whose instances have them (as
/// CPython's type_new_descriptors; never over a name the body defined).
/// They forward to the instance attribute code like the others.
pub fn add_instance_descriptors(rt: &Runtime, cls: &Arc<Class>, dict: bool, weakref: bool) {
    for (name, wanted) in [("__dict__", dict), ("__weakref__", weakref)] {
        if wanted && cls.dict.get_item_str(name).is_none() {
            let class = rt.types.getset_descriptor.clone();
            let d = BuiltinAttr { name: rt.intern(name), owner: Arc::downgrade(cls), class };
            cls.dict.set_item_str(name, Value::from_native(Arc::new(d)));
        }
    }
}

/// `member_descriptor`'s methods on a [`BuiltinAttr`] (None for a slot
/// member, which `types_func.rs` handles).
pub fn member_op(vm: &mut Vm, a: &Args, op: &str) -> Option<PyResult> {
    a.native_self::<BuiltinAttr>()?;
    Some(match op {
        "__get__" => descr_get(vm, a),
        "__set__" => descr_set(vm, a, true),
        "__delete__" => descr_set(vm, a, false),
        _ => descr_repr(vm, a),
    })
}

fn this<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a BuiltinAttr> {
    match a.native_self::<BuiltinAttr>() {
        Some(d) => Ok(d),
        None => Err(vm.type_error("descriptor method needs a descriptor")),
    }
}

/// The object the descriptor is applied to, checked against its owner type.
fn target(vm: &mut Vm, d: &BuiltinAttr, obj: &Value) -> PyResult<()> {
    let Some(owner) = d.owner.upgrade() else {
        return Err(vm.type_error(&format!("descriptor '{}' of a deleted type", d.name.as_str())));
    };
    if vm.class_of(obj).is_subclass(&owner) {
        return Ok(());
    }
    let tn = vm.type_name(obj);
    Err(vm.type_error(&format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{tn}' object",
        d.name.as_str(),
        owner.name().as_str()
    )))
}

fn descr_get(vm: &mut Vm, a: &Args) -> PyResult {
    a.check_method(vm, "__get__", 1, 2)?;
    let d = this(vm, a)?;
    let obj = a.pos[1].clone();
    if obj.is_none() {
        return Ok(a.pos[0].clone());
    }
    target(vm, d, &obj)?;
    let name = d.name.clone();
    vm.get_attr(&obj, &name)
}

fn descr_set(vm: &mut Vm, a: &Args, set: bool) -> PyResult {
    let (fname, n) = if set { ("__set__", 2) } else { ("__delete__", 1) };
    a.check_method(vm, fname, n, n)?;
    let d = this(vm, a)?;
    let obj = a.pos[1].clone();
    target(vm, d, &obj)?;
    let name = d.name.clone();
    if set {
        vm.set_attr(&obj, &name, a.pos[2].clone())?;
    } else {
        vm.del_attr(&obj, &name)?;
    }
    Ok(Value::None)
}

fn descr_repr(vm: &mut Vm, a: &Args) -> PyResult {
    let d = this(vm, a)?;
    let word = if Arc::ptr_eq(&d.class, &vm.rt.types.member_descriptor) { "member" } else { "attribute" };
    let owner = d.owner.upgrade().map_or_else(|| "?".to_string(), |c| c.name().as_str().to_string());
    Ok(Value::string(format!("<{word} '{}' of '{owner}' objects>", d.name.as_str())))
}
