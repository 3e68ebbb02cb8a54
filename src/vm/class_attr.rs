//! Setting and deleting attributes of classes (`C.x = v`, `del C.x`): the
//! metaclass's own `__setattr__`/`__delattr__` when it defines one (enum's
//! `EnumType` refuses to reassign members that way), else `type`'s, which
//! writes the class dict.

use std::sync::Arc;

use super::{PyResult, Vm};
use crate::object::class::Class;
use crate::object::str::PyStr;
use crate::object::value::Value;

impl Vm {
    /// `cls.name = v` (`Some`) or `del cls.name` (`None`).
    pub fn class_setattr(&mut self, c: &Arc<Class>, name: &Arc<PyStr>, v: Option<Value>) -> PyResult<()> {
        if let Some(meta) = &c.metaclass {
            let hook = if v.is_some() { "__setattr__" } else { "__delattr__" };
            if let Some(f) = meta.lookup_user(hook) {
                let mut args = vec![Value::Class(c.clone()), Value::Str(name.clone())];
                args.extend(v);
                self.call(&f, args)?;
                return Ok(());
            }
        }
        self.type_setattr(c, name, v)
    }

    /// `type.__setattr__` / `type.__delattr__`: the class dict itself.
    pub fn type_setattr(&mut self, c: &Arc<Class>, name: &Arc<PyStr>, v: Option<Value>) -> PyResult<()> {
        if name.as_str() == "__bases__" {
            return self.set_class_bases(c, v);
        }
        let Some(v) = v else {
            if c.dict.remove_item_str(name.as_str()).is_none() {
                return Err(self.attribute_error(&Value::Class(c.clone()), name.as_str()));
            }
            c.invalidate_flags();
            return Ok(());
        };
        // The type's own name fields, not dict entries (CPython's
        // `type_set_name`/`type_set_qualname`).
        if let n @ ("__name__" | "__qualname__") = name.as_str() {
            // A str subclass's instance counts (its text is kept).
            let text = match &v {
                Value::Instance(i) => i.builtin_value().cloned(),
                _ => None,
            };
            let Value::Str(s) = text.as_ref().unwrap_or(&v) else {
                let tn = self.type_name(&v);
                let cn = c.name();
                return Err(self.type_error(&format!("can only assign string to {}.{n}, not '{tn}'", cn.as_str())));
            };
            if n == "__name__" {
                *c.name.lock() = s.clone();
            } else {
                *c.qualname.lock() = s.clone();
            }
            return Ok(());
        }
        if name.as_str() == "__del__" && !c.builtin {
            // Instances made from now on are finalized (subclasses
            // created earlier keep what they had at creation).
            let _ = c.finalizers.set(self.rt.finalizers.clone());
        }
        c.dict.set_str(name, v);
        c.invalidate_flags();
        Ok(())
    }
}
