//! The `_weakref` module under CPython's own `weakref.py`: `ref`
//! (`ReferenceType`, subclassable: `KeyedRef`, `WeakMethod`) with callbacks,
//! hashing and equality, `getweakrefcount`, `getweakrefs`,
//! `_remove_dead_weakref`, and the proxies (`proxy`, `ProxyType`,
//! `CallableProxyType`, whose forwarding methods are Python: `py/_weakproxy.py`).
//!
//! A ref object is an instance of `ReferenceType` whose payload is a
//! [`WeakData`] (`object/weakref.rs`): a Rust `Weak`, so it never keeps its
//! referent alive. Refs to instances are recorded on the instance, whose
//! death queues their callbacks; refs to other kinds are watched by the
//! cycle collector, which queues theirs at its next collection.

use std::sync::Arc;

use parking_lot::Mutex;

use super::def;
use crate::object::class::{Class, Instance, Layout, Payload};
use crate::object::descr::Property;
use crate::object::dict::Dict;
use crate::object::finalize::WeakList;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::object::weakref::{Target, WeakData, data_of};
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

/// The payload of a ref object: `v` is the ref instance, or (when the
/// VM hands a built-in subclass's method its payload) the payload itself.
fn weak_of(v: Option<&Value>) -> Option<&WeakData> {
    match v? {
        Value::Instance(i) => data_of(i),
        Value::Native2(n) => n.as_any().downcast_ref::<WeakData>(),
        _ => None,
    }
}

/// [`weak_of`], or CPython's TypeError.
fn ref_self<'a>(vm: &mut Vm, v: Option<&'a Value>, what: &str) -> PyResult<&'a WeakData> {
    weak_of(v).ok_or_else(|| vm.type_error(&format!("descriptor '{what}' requires a 'weakref.ReferenceType' object")))
}

/// The refs recorded for `obj` (oldest first).
fn refs_of(vm: &Vm, obj: &Value) -> Vec<Arc<Instance>> {
    match obj {
        Value::Instance(i) => i.weakrefs.get().map(|w| w.live()).unwrap_or_default(),
        v => v.ptr().map(|p| vm.rt.gc.watched.refs_to(p)).unwrap_or_default(),
    }
}

/// `ReferenceType.__new__(cls, ob, callback=None)`.
fn new_ref(vm: &mut Vm, refcls: &Arc<Class>, a: Args) -> PyResult {
    let Some(Value::Class(cls)) = a.pos.first() else {
        return Err(vm.type_error("ReferenceType.__new__(X): X is not a type object"));
    };
    let cls = cls.clone();
    if a.pos.len() < 2 || a.pos.len() > 3 {
        let n = a.pos.len().saturating_sub(1);
        let msg = if n < 1 {
            format!("__new__ expected at least 1 argument, got {n}")
        } else {
            format!("__new__ expected at most 2 arguments, got {n}")
        };
        return Err(vm.type_error(&msg));
    }
    let ob = a.pos[1].clone();
    let callback = a.pos.get(2).cloned().filter(|c| !c.is_none());
    let target = match &ob {
        Value::Instance(i) if i.class.extra.no_weakref || Arc::ptr_eq(&i.class, refcls) => None,
        v => Target::of(v),
    };
    let Some(target) = target else {
        let tn = vm.type_name(&ob);
        return Err(vm.type_error(&format!("cannot create weak reference to '{tn}' object")));
    };
    // A plain ref without callback is shared, as CPython's.
    if callback.is_none() && Arc::ptr_eq(&cls, refcls) {
        for r in refs_of(vm, &ob) {
            if Arc::ptr_eq(&r.class, refcls)
                && let Some(d) = data_of(&r)
                && d.callback.lock().is_none()
            {
                return Ok(Value::Instance(r));
            }
        }
    }
    let data = WeakData {
        target: Mutex::new(Some(target.clone())),
        callback: Mutex::new(callback),
        hash: Mutex::new(None),
        class: refcls.clone(),
    };
    let inst = Instance::new(cls, Payload::Builtin(Value::from_native(Arc::new(data))));
    let inst = crate::object::gc::instance(Arc::new(inst));
    match &ob {
        Value::Instance(o) => {
            let q = vm.rt.finalizers.clone();
            o.weakrefs.get_or_init(|| Box::new(WeakList::new(q))).add(&inst);
        }
        _ => vm.rt.gc.watched.add(target, &inst),
    }
    Ok(Value::Instance(inst))
}

/// `repr(ref)`: CPython's `<weakref at ADDR; to 'TYPE' at ADDR (NAME)>`.
fn ref_repr(vm: &mut Vm, me: usize, d: &WeakData) -> PyResult<String> {
    let Some(ob) = d.get() else { return Ok(format!("<weakref at {me:#x}; dead>")) };
    let tn = vm.type_name(&ob);
    let addr = ob.id() as usize;
    let name = match vm.get_attr_str(&ob, "__name__") {
        Ok(Some(n)) => Some(vm.repr_of(&n)?),
        _ => None,
    };
    Ok(match name {
        Some(n) => format!("<weakref at {me:#x}; to '{tn}' at {addr:#x} ({n})>"),
        None => format!("<weakref at {me:#x}; to '{tn}' at {addr:#x}>"),
    })
}

/// Creates the `_weakref` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("_weakref"));
    let refcls = new_builtin_class("ReferenceType", std::slice::from_ref(&vm.rt.types.object), Layout::NativeNew);
    refcls.dict.set_item_str("__module__", Value::str("weakref"));
    *refcls.qualname.lock() = Arc::new(crate::object::str::PyStr::new("ReferenceType"));
    let cd = refcls.dict.clone();
    let rc = refcls.clone();
    def(&cd, "__new__", move |vm, a| new_ref(vm, &rc, a));
    def(&cd, "__init__", |_vm, _a| Ok(Value::None));
    def(&cd, "__call__", |vm, a| {
        let d = ref_self(vm, a.pos.first(), "__call__")?;
        if a.pos.len() > 1 || !a.kw.is_empty() {
            return Err(vm.type_error("weakref() takes no arguments"));
        }
        Ok(d.get().unwrap_or(Value::None))
    });
    def(&cd, "__hash__", |vm, a| {
        let d = ref_self(vm, a.pos.first(), "__hash__")?;
        if let Some(h) = *d.hash.lock() {
            return Ok(Value::Int(h));
        }
        let Some(ob) = d.get() else { return Err(vm.type_error("weak object has gone away")) };
        let h = vm.hash_value(&ob)?;
        *d.hash.lock() = Some(h);
        Ok(Value::Int(h))
    });
    fn eq(vm: &mut Vm, a: &Args) -> PyResult<Option<bool>> {
        let d = ref_self(vm, a.pos.first(), "__eq__")?;
        let Some(od) = weak_of(a.pos.get(1)) else { return Ok(None) };
        match (d.get(), od.get()) {
            (Some(x), Some(y)) => Ok(Some(vm.eq(&x, &y)?)),
            _ => Ok(Some(std::ptr::eq(d, od))),
        }
    }
    def(&cd, "__eq__", |vm, a| Ok(eq(vm, &a)?.map(Value::Bool).unwrap_or(Value::NotImplemented)));
    def(&cd, "__ne__", |vm, a| Ok(eq(vm, &a)?.map(|b| Value::Bool(!b)).unwrap_or(Value::NotImplemented)));
    def(&cd, "__repr__", |vm, a| {
        let d = ref_self(vm, a.pos.first(), "__repr__")?;
        let me = match a.pos.first() {
            Some(Value::Instance(i)) => Arc::as_ptr(i) as usize,
            _ => d as *const WeakData as usize,
        };
        Ok(Value::string(ref_repr(vm, me, d)?))
    });
    let getter = crate::vm::Vm::native("__callback__", |vm, a| {
        let d = ref_self(vm, a.pos.first(), "__callback__")?;
        Ok(d.callback.lock().clone().unwrap_or(Value::None))
    });
    let prop = Property::new(getter, Value::None, "__callback__", vm.rt.types.property.clone());
    cd.set_item_str("__callback__", Value::from_native(Arc::new(prop)));
    d.set_item_str("ref", Value::Class(refcls.clone()));
    d.set_item_str("ReferenceType", Value::Class(refcls.clone()));
    def(&d, "getweakrefcount", |vm, a| {
        a.posonly(vm, "getweakrefcount", 1, 1)?;
        Ok(Value::Int(refs_of(vm, &a.pos[0]).len() as i64))
    });
    def(&d, "getweakrefs", |vm, a| {
        a.posonly(vm, "getweakrefs", 1, 1)?;
        Ok(Value::list(refs_of(vm, &a.pos[0]).into_iter().map(Value::Instance).collect()))
    });
    def(&d, "_remove_dead_weakref", |vm, a| {
        a.posonly(vm, "_remove_dead_weakref", 2, 2)?;
        let Value::Dict(dict) = &a.pos[0] else { return Err(vm.type_error("not a dict")) };
        if let Some(Value::Instance(r)) = vm.dict_get(dict, &a.pos[1])?
            && data_of(&r).is_some_and(|d| d.get().is_none())
        {
            vm.dict_del(dict, &a.pos[1])?;
        }
        Ok(Value::None)
    });
    let m = Value::Module(Arc::new(Module::new(Arc::from("_weakref"), d.clone())));
    // The proxies forward every operation in Python; they need `ref`, so
    // `_weakref` is registered before their module is imported.
    vm.rt.modules.set_item_str("_weakref", m.clone());
    let px = vm.import_name("_weakproxy", 0, true)?;
    for name in ["proxy", "ProxyType", "CallableProxyType"] {
        if let Some(v) = vm.get_attr_str(&px, name)? {
            d.set_item_str(name, v);
        }
    }
    Ok(m)
}
