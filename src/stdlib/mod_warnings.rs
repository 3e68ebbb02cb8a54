//! The built-in `_warnings` module, reduced to `warn`: CPython's importlib
//! takes `_warnings` as a built-in and calls `_warnings.warn`. It lacks the
//! C module's filter lists on purpose, so that CPython's `warnings.py` falls
//! back to its pure-Python implementation (filters, registries, showwarning);
//! `warn` here forwards to that. A native function adds no frame, so
//! `stacklevel` counts the same frames as a direct `warnings.warn` call.

use std::sync::Arc;

use super::def;
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// Creates the `_warnings` module.
pub fn create(_vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("_warnings"));
    def(&d, "warn", |vm, a: Args| {
        let warnings = vm.import_name("warnings", 0, true)?;
        let f = vm
            .get_attr_str(&warnings, "warn")?
            .ok_or_else(|| vm.err("AttributeError", "module 'warnings' has no attribute 'warn'"))?;
        vm.call_value(&f, a)
    });
    Ok(Value::Module(Arc::new(Module { name: Arc::from("_warnings"), dict: d })))
}
