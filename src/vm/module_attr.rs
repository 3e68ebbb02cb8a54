//! Attributes of module objects: the module's globals, the module type's
//! own attributes and PEP 562's module-level `__getattr__`; and, once a
//! module was given a `ModuleType` subclass (`sys.modules[__name__].__class__
//! = M`, a common way to give a module properties or a `__getattr__`), that
//! class's descriptors and hooks as CPython's `PyObject_GenericGetAttr` and
//! `slot_tp_getattr_hook` honour them.

use std::sync::Arc;

use super::attr::is_data_descr;
use super::{PyResult, Vm};
use crate::object::class::Class;
use crate::object::descr::Property;
use crate::object::module::Module;
use crate::object::str::PyStr;
use crate::object::value::Value;

impl Vm {
    /// `module.name` for a plain module (ModuleType's `__getattribute__`).
    pub(super) fn module_getattr(
        &mut self,
        m: &Arc<Module>,
        obj: &Value,
        name: &Arc<PyStr>,
    ) -> PyResult<Option<Value>> {
        if let Some(v) = m.dict.get_str(name) {
            return Ok(Some(v));
        }
        if name.as_str() == "__dict__" {
            return Ok(Some(Value::Dict(m.dict.clone())));
        }
        // Made on first read and kept, as CPython's module getset.
        if name.as_str() == "__annotations__" {
            let d = Value::Dict(Arc::new(crate::object::dict::Dict::new()));
            m.dict.set_item_str("__annotations__", d.clone());
            return Ok(Some(d));
        }
        if let Some(v) = self.native_module_spec(m, name.as_str()) {
            return Ok(Some(v));
        }
        // The module type's attributes (`__class__`, `__dir__`, …), as
        // PyObject_GenericGetAttr finds them: abc's isinstance reads `__class__`.
        if let Some(v) = self.builtin_getattr(obj, name)? {
            return Ok(Some(v));
        }
        if let Some(ga) = m.dict.get_item_str("__getattr__") {
            return self.call(&ga, vec![Value::Str(name.clone())]).map(Some);
        }
        Ok(None)
    }

    /// `module.name` for a module whose class is the subclass `cls`: its
    /// `__getattribute__` if Python defines one, else the class's data
    /// descriptors, the globals, the class's other attributes, the module
    /// type's lookup; then the class's `__getattr__` on an AttributeError.
    pub(super) fn module_subclass_getattr(
        &mut self,
        cls: &Arc<Class>,
        m: &Arc<Module>,
        obj: &Value,
        name: &Arc<PyStr>,
    ) -> PyResult<Option<Value>> {
        let r = match cls.lookup_user("__getattribute__") {
            Some(ga) => self.call_method_value(&ga, obj.clone(), vec![Value::Str(name.clone())]).map(Some),
            None => self.module_generic_getattr(cls, m, obj, name),
        };
        match r {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => self.getattr_fallback(cls, obj, name, None),
            Err(e) => self.getattr_fallback(cls, obj, name, Some(e)),
        }
    }

    fn module_generic_getattr(
        &mut self,
        cls: &Arc<Class>,
        m: &Arc<Module>,
        obj: &Value,
        name: &Arc<PyStr>,
    ) -> PyResult<Option<Value>> {
        let attr = cls.lookup_user_str(name);
        if let Some(a) = &attr
            && is_data_descr(a)
        {
            return self.descr_get(a, obj, cls).map(Some);
        }
        if let Some(v) = m.dict.get_str(name) {
            return Ok(Some(v));
        }
        if let Some(a) = &attr {
            return self.descr_get(a, obj, cls).map(Some);
        }
        self.module_getattr(m, obj, name)
    }

    /// `module.name = v` (`del module.name`: `v` None), through the
    /// module's subclass when it has one.
    pub(super) fn module_setattr(
        &mut self,
        m: &Arc<Module>,
        obj: &Value,
        name: &Arc<PyStr>,
        v: Option<Value>,
    ) -> PyResult<()> {
        if let Some(cls) = m.subclass().cloned() {
            let hook = if v.is_some() { "__setattr__" } else { "__delattr__" };
            if let Some(f) = cls.lookup_user(hook) {
                let mut args = vec![Value::Str(name.clone())];
                args.extend(v);
                self.call_method_value(&f, obj.clone(), args)?;
                return Ok(());
            }
        }
        self.module_generic_setattr(m, obj, name, v)
    }

    /// `object.__setattr__`/`__delattr__` on a module: the `__class__`
    /// setter, its subclass's data descriptors, else the globals.
    pub fn module_generic_setattr(
        &mut self,
        m: &Arc<Module>,
        obj: &Value,
        name: &Arc<PyStr>,
        v: Option<Value>,
    ) -> PyResult<()> {
        if name.as_str() == "__class__" {
            return self.set_object_class(obj, v.as_ref());
        }
        if let Some(cls) = m.subclass().cloned()
            && let Some(a) = cls.lookup_user_str(name)
            && is_data_descr(&a)
        {
            return self.descr_set(&a, obj, v);
        }
        match v {
            Some(v) => {
                m.dict.set_str(name, v);
                Ok(())
            }
            None => {
                if m.dict.remove_item_str(name.as_str()).is_none() {
                    return Err(self.attribute_error(obj, name.as_str()));
                }
                Ok(())
            }
        }
    }

    /// A data descriptor's `__set__` (`v` Some) or `__delete__`: a
    /// property's setter/deleter or a Python descriptor's method.
    fn descr_set(&mut self, a: &Value, obj: &Value, v: Option<Value>) -> PyResult<()> {
        if let Value::Native2(o) = a
            && let Some(p) = o.as_any().downcast_ref::<Property>()
        {
            let (f, what) = if v.is_some() { (p.fset.clone(), "setter") } else { (p.fdel.clone(), "deleter") };
            if f.is_none() {
                return Err(self.property_missing(p, obj, what));
            }
            let mut args = vec![obj.clone()];
            args.extend(v);
            self.call(&f, args)?;
            return Ok(());
        }
        let cls = self.class_of(a);
        let hook = if v.is_some() { "__set__" } else { "__delete__" };
        let Some(f) = cls.lookup_user(hook) else {
            let tn = self.type_name(obj);
            return Err(self.err("AttributeError", &format!("'{tn}' object attribute is read-only")));
        };
        let mut args = vec![obj.clone()];
        args.extend(v);
        self.call_method_value(&f, a.clone(), args)?;
        Ok(())
    }
}
