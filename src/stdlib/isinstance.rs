//! `isinstance` and `issubclass` as CPython's `PyObject_IsInstance` and
//! `PyObject_IsSubclass` (Objects/abstract.c): classes by their MRO, tuples
//! of specs, `__instancecheck__`/`__subclasscheck__` looked up on the
//! spec's type (unions, ABCs), a Python `__class__` override on the object
//! (`unittest.mock`'s `spec=`), and the "abstract class" protocol: any
//! object with a `__bases__` tuple acts as a class. Recursion over user data
//! is bounded by the recursion limit.

use std::sync::Arc;

use crate::object::class::Class;
use crate::object::value::Value;
use crate::vm::{PyResult, Runtime, Vm};

/// `type.__instancecheck__` and `type.__subclasscheck__`: the checks without
/// the metaclass hooks, which a metaclass's override reaches with `super()`
/// (typing's `_AnyMeta`, ABCs written by hand).
pub fn register(rt: &Runtime) {
    super::method(&rt.types.type_, "__instancecheck__", |vm, a| {
        a.check_method(vm, "type.__instancecheck__", 1, 1)?;
        Ok(Value::Bool(vm.object_isinstance(&a.pos[1], &a.pos[0])?))
    });
    super::method(&rt.types.type_, "__subclasscheck__", |vm, a| {
        a.check_method(vm, "type.__subclasscheck__", 1, 1)?;
        Ok(Value::Bool(vm.recursive_issubclass(&a.pos[1], &a.pos[0])?))
    });
}

impl Vm {
    /// `isinstance(v, spec)` as CPython's `PyObject_IsInstance`: a class, a
    /// tuple of specs, anything whose type has `__instancecheck__` (a union),
    /// or an object with a `__bases__` tuple (the "abstract class" protocol).
    pub fn isinstance(&mut self, v: &Value, spec: &Value) -> PyResult<bool> {
        match spec {
            Value::Class(c) => {
                if let Some(meta) = &c.metaclass
                    && let Some(m) = meta.lookup_user("__instancecheck__")
                {
                    // As CPython: an exact type match is answered before
                    // `__instancecheck__` (an ABC's check runs Python).
                    if Arc::ptr_eq(&self.class_of(v), c) {
                        return Ok(true);
                    }
                    return self.recursing(" in __instancecheck__", |vm| {
                        let r = vm.call_method_value(&m, spec.clone(), vec![v.clone()])?;
                        vm.truthy(&r)
                    });
                }
                self.object_isinstance(v, spec)
            }
            Value::Tuple(t) => self.recursing(" in __instancecheck__", |vm| {
                for s in t.items.iter() {
                    if vm.isinstance(v, s)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }),
            _ => match self.class_of(spec).lookup("__instancecheck__") {
                Some(m) => self.recursing(" in __instancecheck__", |vm| {
                    let r = vm.call_method_value(&m, spec.clone(), vec![v.clone()])?;
                    vm.truthy(&r)
                }),
                None => self.object_isinstance(v, spec),
            },
        }
    }

    /// CPython's `object_isinstance`: the type's MRO, then `v.__class__` when
    /// a class overrides it (`unittest.mock`'s `spec=`), or the `__bases__`
    /// protocol when `spec` is not a class.
    fn object_isinstance(&mut self, v: &Value, spec: &Value) -> PyResult<bool> {
        if let Value::Class(c) = spec {
            let own = self.class_of(v);
            if own.is_subclass(c) {
                return Ok(true);
            }
            // `__class__` differs from the type only where Python overrides it
            // (or answers every attribute itself: a proxy's `__getattribute__`).
            use crate::object::class::class_flags::{HAS_CLASS_ATTR, HAS_GETATTRIBUTE};
            if own.attr_flags() & (HAS_CLASS_ATTR | HAS_GETATTRIBUTE) == 0 {
                return Ok(false);
            }
            return Ok(match self.lookup_attr(v, "__class__")? {
                Some(Value::Class(ic)) if !Arc::ptr_eq(&ic, &own) => ic.is_subclass(c),
                _ => false,
            });
        }
        self.check_class(spec, "isinstance() arg 2 must be a type, a tuple of types, or a union")?;
        match self.lookup_attr(v, "__class__")? {
            Some(ic) => self.abstract_issubclass(&ic, spec),
            None => Ok(false),
        }
    }

    /// `issubclass(c, spec)` for a class `c` (see [`Vm::issubclass_value`]).
    pub fn issubclass(&mut self, c: &Arc<Class>, spec: &Value) -> PyResult<bool> {
        self.issubclass_value(&Value::Class(c.clone()), spec)
    }

    /// `issubclass(derived, spec)` as CPython's `PyObject_IsSubclass`: `spec`
    /// a class, a tuple, anything whose type has `__subclasscheck__`, or
    /// (like `derived`) an object with a `__bases__` tuple.
    pub fn issubclass_value(&mut self, derived: &Value, spec: &Value) -> PyResult<bool> {
        match spec {
            Value::Class(s) => {
                if let Some(meta) = &s.metaclass
                    && let Some(m) = meta.lookup_user("__subclasscheck__")
                {
                    return self.recursing(" in __subclasscheck__", |vm| {
                        let r = vm.call_method_value(&m, spec.clone(), vec![derived.clone()])?;
                        vm.truthy(&r)
                    });
                }
                self.recursive_issubclass(derived, spec)
            }
            Value::Tuple(t) => self.recursing(" in __subclasscheck__", |vm| {
                for s in t.items.iter() {
                    if vm.issubclass_value(derived, s)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }),
            _ => match self.class_of(spec).lookup("__subclasscheck__") {
                Some(m) => self.recursing(" in __subclasscheck__", |vm| {
                    let r = vm.call_method_value(&m, spec.clone(), vec![derived.clone()])?;
                    vm.truthy(&r)
                }),
                None => self.recursive_issubclass(derived, spec),
            },
        }
    }

    /// CPython's `recursive_issubclass`: the MRO for two classes, else both
    /// sides must have a `__bases__` tuple and the bases are walked.
    fn recursive_issubclass(&mut self, derived: &Value, spec: &Value) -> PyResult<bool> {
        if let (Value::Class(d), Value::Class(c)) = (derived, spec) {
            return Ok(d.is_subclass(c));
        }
        self.check_class(derived, "issubclass() arg 1 must be a class")?;
        if !super::types_union::is_union(spec) {
            self.check_class(spec, "issubclass() arg 2 must be a class, a tuple of classes, or a union")?;
        }
        self.abstract_issubclass(derived, spec)
    }

    /// `v.__bases__` when it is a tuple (CPython's `abstract_get_bases`);
    /// an AttributeError counts as none, any other error propagates.
    fn abstract_bases(&mut self, v: &Value) -> PyResult<Option<Arc<crate::object::tuple::Tuple>>> {
        Ok(match self.lookup_attr(v, "__bases__")? {
            Some(Value::Tuple(t)) => Some(t),
            _ => None,
        })
    }

    /// `getattr(v, name)`, None for an AttributeError from anywhere (a
    /// property's getter too), as CPython's `_PyObject_LookupAttr`.
    fn lookup_attr(&mut self, v: &Value, name: &str) -> PyResult<Option<Value>> {
        match self.get_attr_str(v, name) {
            Err(e) if e.exc.class.is_subclass(&self.rt.types.exc("AttributeError")) => Ok(None),
            r => r,
        }
    }

    /// TypeError `msg` unless `v` has a `__bases__` tuple.
    fn check_class(&mut self, v: &Value, msg: &str) -> PyResult<()> {
        match self.abstract_bases(v)? {
            Some(_) => Ok(()),
            None => Err(self.type_error(msg)),
        }
    }

    /// Walks `derived.__bases__` looking for `cls` by identity (single
    /// inheritance in a loop, several bases recursively, as CPython).
    fn abstract_issubclass(&mut self, derived: &Value, cls: &Value) -> PyResult<bool> {
        let mut derived = derived.clone();
        let bases = loop {
            if derived.is(cls) {
                return Ok(true);
            }
            let Some(bases) = self.abstract_bases(&derived)? else { return Ok(false) };
            match bases.items.len() {
                0 => return Ok(false),
                1 => derived = bases.items[0].clone(),
                _ => break bases,
            }
        };
        self.recursing(" in __issubclass__", |vm| {
            for b in bases.items.iter() {
                if vm.abstract_issubclass(b, cls)? {
                    return Ok(true);
                }
            }
            Ok(false)
        })
    }
}
