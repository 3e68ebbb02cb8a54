//! The descriptor types of the class model: `property` (with its copies
//! `getter`/`setter`/`deleter`), `staticmethod`, `classmethod` and `super`
//! (explicit and zero-argument), their constructors and `__init__`s.

use std::sync::Arc;

use super::method;
use crate::object::class::Class;
use crate::object::descr::{ClassMethod, Property, StaticMethod, Super};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Runtime, Vm};

/// `super(start, obj)` once its arguments are known, with CPython's check.
fn bound_super(vm: &mut Vm, start: Arc<Class>, obj: Value) -> PyResult {
    let mut obj_type = match &obj {
        Value::Class(c) if c.is_subclass(&start) => c.clone(),
        _ => vm.class_of(&obj),
    };
    if !obj_type.is_subclass(&start) {
        // A proxy passes by its `__class__` (CPython's supercheck).
        match vm.get_attr_str(&obj, "__class__") {
            Ok(Some(Value::Class(c))) if c.is_subclass(&start) => obj_type = c,
            _ => return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type")),
        }
    }
    let cls = vm.rt.types.super_.clone();
    Ok(Value::from_native(Arc::new(Super { start, obj, obj_type, class: cls, bound: true })))
}

/// `staticmethod(f)` / `classmethod(f)`: exactly one argument and no
/// keywords (CPython's cm_init/sm_init), unless a subclass's own
/// `__init__` takes others.
fn check_wrapper_args(vm: &mut Vm, a: &Args, cls: &Arc<Class>, kind: &str) -> PyResult<()> {
    if cls.lookup_user("__init__").is_some() {
        return Ok(());
    }
    if !a.kw.is_empty() {
        return Err(vm.type_error(&format!("{kind}() takes no keyword arguments")));
    }
    let n = a.pos.len().saturating_sub(1);
    if n != 1 {
        return Err(vm.type_error(&format!("{kind} expected 1 argument, got {n}")));
    }
    Ok(())
}

/// The class a descriptor's `__new__(cls, ...)` builds: `cls` when it
/// derives from `base` (a Python subclass of property/classmethod/...).
fn descriptor_class(a: &Args, base: &Arc<Class>) -> Arc<Class> {
    match a.pos.first() {
        Some(Value::Class(c)) if c.is_subclass(base) => c.clone(),
        _ => base.clone(),
    }
}

/// The property behind a value, if it is one (of any subclass).
fn as_property(v: &Value) -> Option<&Property> {
    match v {
        Value::Native2(o) => o.as_any().downcast_ref::<Property>(),
        _ => None,
    }
}

/// `property(fget, fset, fdel, doc)` of class `cls`, as CPython's
/// `property_init`: without a `doc`, the getter's `__doc__` is taken (and
/// marked as the getter's); a subclass instance keeps it in its own
/// `__dict__`, where the subclass's class docstring cannot shadow it, and
/// a subclass with `__slots__` (no `__dict__`) cannot take it at all.
fn new_property(vm: &mut Vm, cls: Arc<Class>, parts: [Value; 3], doc: Value) -> PyResult {
    let [fget, fset, fdel] = parts;
    let exact = Arc::ptr_eq(&cls, &vm.rt.types.property);
    let dict = (!exact && !cls.extra.no_dict).then(|| Arc::new(Dict::new()));
    let mut prop_doc = doc;
    let mut getter_doc = false;
    if prop_doc.is_none() && !fget.is_none() {
        let found = match vm.get_attr_str(&fget, "__doc__") {
            Err(e) if vm.is_exc(&e, "AttributeError") => None,
            r => r?,
        };
        if let Some(d) = found {
            getter_doc = true;
            if exact {
                prop_doc = d;
            } else {
                match &dict {
                    Some(dict) => dict.set_item_str("__doc__", d),
                    None => {
                        let msg = format!("'{}' object attribute '__doc__' is read-only", cls.name().as_str());
                        return Err(vm.err("AttributeError", &msg));
                    }
                }
            }
        }
    }
    Ok(Value::from_native(Arc::new(Property {
        fget,
        fset,
        fdel,
        doc: parking_lot::Mutex::new(prop_doc),
        name: parking_lot::Mutex::new(None),
        getter_doc,
        dict,
        class: cls,
    })))
}

/// What `staticmethod(f)` and `classmethod(f)` copy from `f` into their own
/// `__dict__` (as CPython 3.10+'s `functools_wraps`): an attribute `f` lacks
/// is skipped, any other error propagates.
fn copy_wrapped_attrs(vm: &mut Vm, f: &Value, dict: &crate::object::dict::Dict) -> PyResult<()> {
    for name in ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"] {
        match vm.get_attr_str(f, name) {
            Ok(Some(v)) => dict.set_item_str(name, v),
            Ok(None) => {}
            Err(e) if vm.is_exc(&e, "AttributeError") => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

pub(super) fn register_descriptors(rt: &Runtime) {
    let t = &rt.types;
    method(&t.property, "__new__", |vm, mut a| {
        let fget = a.arg(1, "fget").unwrap_or(Value::None);
        let fset = a.arg(2, "fset").unwrap_or(Value::None);
        let fdel = a.arg(3, "fdel").unwrap_or(Value::None);
        let doc = a.arg(4, "doc").unwrap_or(Value::None);
        let cls = descriptor_class(&a, &vm.rt.types.property);
        new_property(vm, cls, [fget, fset, fdel], doc)
    });
    // `property.__init__` takes CPython's arguments; the accessors were set
    // by `__new__` from the call's own arguments, so a subclass's
    // `super().__init__(fget)` is accepted and changes nothing.
    method(&t.property, "__init__", |vm, mut a| {
        for (i, name) in ["fget", "fset", "fdel", "doc"].iter().enumerate() {
            let _ = a.arg(i + 1, name);
        }
        if let Some((k, _)) = a.kw.first() {
            let k = k.as_str().to_string();
            return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for property()")));
        }
        if a.pos.len() > 5 {
            let n = a.pos.len() - 1;
            return Err(vm.type_error(&format!("property() takes at most 4 arguments ({n} given)")));
        }
        Ok(Value::None)
    });
    /// A copy with one accessor replaced, as CPython's `property_copy`: made
    /// by calling the property's own class (a subclass's `__new__`/`__init__`
    /// run); a docstring taken from the old getter is not kept for a new one.
    fn with_prop(vm: &mut Vm, a: &Args, which: usize) -> PyResult {
        let Some(p) = a.pos.first().and_then(as_property) else {
            return Err(vm.type_error("descriptor requires a 'property' object"));
        };
        let f = a.pos.get(1).cloned().unwrap_or(Value::None);
        let mut parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
        parts[which] = f;
        let doc = if p.getter_doc && !parts[0].is_none() { Value::None } else { p.doc.lock().clone() };
        let name = p.name.lock().clone();
        let new = if Arc::ptr_eq(&p.class, &vm.rt.types.property) {
            new_property(vm, p.class.clone(), parts, doc)?
        } else {
            let [g, s, d] = parts;
            vm.call(&Value::Class(p.class.clone()), vec![g, s, d, doc])?
        };
        if let Some(np) = as_property(&new) {
            *np.name.lock() = name;
        }
        Ok(new)
    }
    method(&t.property, "getter", |vm, a| with_prop(vm, &a, 0));
    method(&t.property, "setter", |vm, a| with_prop(vm, &a, 1));
    method(&t.property, "deleter", |vm, a| with_prop(vm, &a, 2));
    method(&t.property, "__set_name__", |vm, a| {
        if a.pos.len() != 3 {
            let n = a.pos.len().saturating_sub(1);
            return Err(vm.type_error(&format!("__set_name__() takes 2 positional arguments but {n} were given")));
        }
        if let Some(p) = as_property(&a.pos[0]) {
            *p.name.lock() = Some(a.pos[2].clone());
        }
        Ok(Value::None)
    });
    method(&t.property, "__get__", |vm, a| {
        let Value::Native2(o) = &a.pos[0] else { return Ok(Value::None) };
        let obj = a.pos.get(1).cloned().unwrap_or(Value::None);
        if obj.is_none() {
            return Ok(a.pos[0].clone());
        }
        let cls = vm.class_of(&obj);
        let o2 = Value::Native2(o.clone());
        vm.descr_get(&o2, &obj, &cls)
    });
    // `prop.__set__(obj, v)` / `prop.__delete__(obj)` called directly.
    for (name, which) in [("__set__", 1u8), ("__delete__", 2u8)] {
        method(&t.property, name, move |vm, a| {
            let want = if which == 1 { 2 } else { 1 };
            a.check_method(vm, name, want, want)?;
            let Some(p) = as_property(&a.pos[0]) else {
                return Err(vm.type_error("descriptor requires a 'property' object"));
            };
            let f = if which == 1 { p.fset.clone() } else { p.fdel.clone() };
            if f.is_none() {
                let what = if which == 1 { "setter" } else { "deleter" };
                return Err(vm.property_missing(p, &a.pos[1], what));
            }
            vm.call(&f, a.pos[1..].to_vec())?;
            Ok(Value::None)
        });
    }
    // `classmethod.__get__` / `staticmethod.__get__` called directly (the
    // attribute lookup binds them without these).
    for cls in [&t.classmethod, &t.staticmethod] {
        method(cls, "__get__", |vm, a| {
            a.check_method(vm, "__get__", 1, 2)?;
            let obj = a.pos[1].clone();
            if obj.is_none() && a.pos.get(2).is_none_or(|t| t.is_none()) {
                return Err(vm.type_error("__get__(None, None) is invalid"));
            }
            let owner = match a.pos.get(2) {
                Some(Value::Class(c)) => c.clone(),
                _ => vm.class_of(&obj),
            };
            vm.descr_get(&a.pos[0], &obj, &owner)
        });
    }
    method(&t.staticmethod, "__new__", |vm, a| {
        let cls = descriptor_class(&a, &vm.rt.types.staticmethod);
        check_wrapper_args(vm, &a, &cls, "staticmethod")?;
        let f = a.pos.get(1).cloned().unwrap_or(Value::None);
        let sm = StaticMethod::new(f.clone(), cls);
        copy_wrapped_attrs(vm, &f, &sm.dict)?;
        Ok(Value::from_native(Arc::new(sm)))
    });
    // `<staticmethod(<function f at 0x…>)>`, `<classmethod(…)>`.
    for (cls, kind) in [(&t.staticmethod, "staticmethod"), (&t.classmethod, "classmethod")] {
        method(cls, "__repr__", move |vm, a| {
            let func = match a.pos.first() {
                Some(Value::Native2(o)) => o
                    .as_any()
                    .downcast_ref::<StaticMethod>()
                    .map(|s| s.func.clone())
                    .or_else(|| o.as_any().downcast_ref::<ClassMethod>().map(|c| c.func.clone())),
                _ => None,
            };
            let Some(func) = func else {
                return Err(vm.type_error(&format!("descriptor '__repr__' requires a '{kind}' object")));
            };
            let inner = vm.repr_of(&func)?;
            Ok(Value::string(format!("<{kind}({inner})>")))
        });
    }
    // Callable since Python 3.10 (`_pyio.open` is a module-level staticmethod).
    method(&t.staticmethod, "__call__", |vm, a| {
        let func = match &a.pos[0] {
            Value::Native2(o) => o.as_any().downcast_ref::<StaticMethod>().map(|s| s.func.clone()),
            _ => None,
        };
        let Some(func) = func else {
            return Err(vm.type_error("descriptor '__call__' requires a 'staticmethod' object"));
        };
        vm.call_value(&func, Args::with_kw(a.pos[1..].to_vec(), a.kw))
    });
    method(&t.classmethod, "__new__", |vm, a| {
        let cls = descriptor_class(&a, &vm.rt.types.classmethod);
        check_wrapper_args(vm, &a, &cls, "classmethod")?;
        let f = a.pos.get(1).cloned().unwrap_or(Value::None);
        let cm = ClassMethod::new(f.clone(), cls);
        copy_wrapped_attrs(vm, &f, &cm.dict)?;
        Ok(Value::from_native(Arc::new(cm)))
    });
    // `__init__` checks the arguments again, as CPython's sm_init/cm_init
    // (a subclass's own `__init__` calls it with `super().__init__(f)`);
    // `__new__` has already stored the function.
    for (cls, kind) in [(&t.staticmethod, "staticmethod"), (&t.classmethod, "classmethod")] {
        method(cls, "__init__", move |vm, a| {
            if !a.kw.is_empty() {
                return Err(vm.type_error(&format!("{kind}() takes no keyword arguments")));
            }
            let n = a.pos.len().saturating_sub(1);
            if n != 1 {
                return Err(vm.type_error(&format!("{kind} expected 1 argument, got {n}")));
            }
            Ok(Value::None)
        });
    }
    method(&t.super_, "__new__", |vm, a| {
        if !a.kw.is_empty() {
            return Err(vm.type_error("super() takes no keyword arguments"));
        }
        if a.pos.len() > 3 {
            return Err(vm.type_error(&format!("super() expected at most 2 arguments, got {}", a.pos.len() - 1)));
        }
        let (start, obj) = match a.pos.get(1) {
            Some(Value::Class(c)) => match a.pos.get(2) {
                Some(o) if !o.is_none() => (c.clone(), o.clone()),
                // `super(C)` (or `super(C, None)`): unbound until `__get__`.
                _ => {
                    let cls = vm.rt.types.super_.clone();
                    let (start, obj_type) = (c.clone(), c.clone());
                    let s = Super { start, obj: Value::None, obj_type, class: cls, bound: false };
                    return Ok(Value::from_native(Arc::new(s)));
                }
            },
            Some(other) => {
                let tn = vm.type_name(other);
                return Err(vm.type_error(&format!("super() argument 1 must be a type, not {tn}")));
            }
            None => vm.zero_arg_super()?,
        };
        bound_super(vm, start, obj)
    });
    // An unbound super stored on a class binds to the instance it is read
    // through (`self.__super`, CPython's super_descr_get).
    method(&t.super_, "__get__", |vm, a| {
        let Some(Value::Native2(o)) = a.pos.first() else {
            return Err(vm.type_error("descriptor '__get__' requires a 'super' object"));
        };
        let Some(s) = o.as_any().downcast_ref::<Super>() else {
            return Err(vm.type_error("descriptor '__get__' requires a 'super' object"));
        };
        match a.pos.get(1) {
            Some(obj) if !obj.is_none() && !s.bound => bound_super(vm, s.start.clone(), obj.clone()),
            _ => Ok(a.pos[0].clone()),
        }
    });
}

impl Vm {
    /// `super()` without arguments: the `__class__` cell and first argument
    /// of the calling Python frame.
    fn zero_arg_super(&mut self) -> PyResult<(Arc<Class>, Value)> {
        let f = &self.frame;
        let code = f.code.clone();
        let ncell = code.cellvars.len();
        let class_cell = code.freevars.iter().position(|n| n.as_str() == "__class__").map(|i| i + ncell);
        let Some(ci) = class_cell else {
            return Err(self.runtime_error("super(): __class__ cell not found"));
        };
        let cls = match f.cells.get(ci).and_then(|c| c.get()) {
            Some(Value::Class(c)) => c,
            _ => return Err(self.runtime_error("super(): empty __class__ cell")),
        };
        if code.argcount == 0 && code.flags & crate::bytecode::code::flags::VARARGS == 0 {
            return Err(self.runtime_error("super(): no arguments"));
        }
        // The first argument may live in a cell if a closure captured it.
        let first = match f.locals.first().cloned().flatten() {
            Some(v) => v,
            None => {
                let name = &code.varnames[0];
                match code.cellvars.iter().position(|c| c.as_str() == name.as_str()) {
                    Some(i) => f.cells[i].get().unwrap_or(Value::None),
                    None => return Err(self.runtime_error("super(): arg[0] deleted")),
                }
            }
        };
        Ok((cls, first))
    }

    /// `dir(obj)`: sorted attribute names.
    pub fn dir_of(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        let mut names: Vec<String> = Vec::new();
        let add_dict = |d: &Dict, names: &mut Vec<String>| {
            let snapshot = d.lock().keys();
            for k in snapshot {
                if let Value::Str(s) = k {
                    names.push(s.as_str().to_string());
                }
            }
        };
        match v {
            Value::Instance(i) => {
                add_dict(&i.dict, &mut names);
                for c in i.class.mro_with_self() {
                    add_dict(&c.dict, &mut names);
                }
            }
            Value::Class(c) => {
                for c in c.mro_with_self() {
                    add_dict(&c.dict, &mut names);
                }
            }
            Value::Module(m) => add_dict(&m.dict, &mut names),
            _ => {
                let cls = self.class_of(v);
                for c in cls.mro_with_self() {
                    add_dict(&c.dict, &mut names);
                }
            }
        }
        names.sort();
        names.dedup();
        Ok(names.into_iter().map(Value::string).collect())
    }
}
