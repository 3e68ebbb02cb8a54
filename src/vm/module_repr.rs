//! `repr(module)` as CPython 3.11's `importlib._bootstrap._module_repr`:
//! from the module's spec when it has one, else its loader's
//! `module_repr`, else its `__name__` ('?' when deleted), `__file__` and
//! `__loader__`. Read from the module's dict, so the spec gilt makes lazily
//! for a module nobody asked about is not built here (such a module without
//! a `__file__` is a built-in one, as its spec would say).

use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `repr(module)`; `d` is the dict of `module`.
    pub fn module_repr(&mut self, module: &Value, d: &Dict) -> PyResult<String> {
        let spec = d.get_item_str("__spec__");
        if let Some(spec) = spec.clone().filter(|s| !s.is_none())
            && self.truthy(&spec)?
        {
            return self.module_repr_from_spec(&spec);
        }
        let loader = d.get_item_str("__loader__").unwrap_or(Value::None);
        if !loader.is_none()
            && let Ok(Some(m)) = self.get_attr_str(&loader, "module_repr")
        {
            match self.call(&m, vec![module.clone()]) {
                Ok(r) => return self.str_of(&r),
                Err(e) if self.is_exc(&e, "Exception") => {}
                Err(e) => return Err(e),
            }
        }
        let name = match d.get_item_str("__name__") {
            Some(n) => self.repr_of(&n)?,
            None => "'?'".to_string(),
        };
        match d.get_item_str("__file__") {
            Some(f) => Ok(format!("<module {name} from {}>", self.repr_of(&f)?)),
            // A native module whose spec was never asked for.
            None if spec.is_none() && loader.is_none() => Ok(format!("<module {name} (built-in)>")),
            None if loader.is_none() => Ok(format!("<module {name}>")),
            None => Ok(format!("<module {name} ({})>", self.repr_of(&loader)?)),
        }
    }

    fn module_repr_from_spec(&mut self, spec: &Value) -> PyResult<String> {
        let attr = |vm: &mut Vm, n: &str| -> PyResult<Value> { Ok(vm.get_attr_str(spec, n)?.unwrap_or(Value::None)) };
        let raw_name = attr(self, "name")?;
        let name = if raw_name.is_none() { "'?'".to_string() } else { self.repr_of(&raw_name)? };
        let origin = attr(self, "origin")?;
        if origin.is_none() {
            let loader = attr(self, "loader")?;
            if loader.is_none() {
                return Ok(format!("<module {name}>"));
            }
            return Ok(format!("<module {name} ({})>", self.repr_of(&loader)?));
        }
        let has_location = attr(self, "has_location")?;
        if self.truthy(&has_location)? {
            return Ok(format!("<module {name} from {}>", self.repr_of(&origin)?));
        }
        // CPython formats the spec's name here, None included.
        Ok(format!("<module {} ({})>", self.repr_of(&raw_name)?, self.str_of(&origin)?))
    }
}
