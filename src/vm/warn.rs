//! Issuing a Python warning from Rust (CPython's `PyErr_WarnEx`): the
//! `warnings` module decides whether it is shown, ignored or raised.

use super::{Args, PyResult, Vm};
use crate::object::value::Value;

impl Vm {
    /// `warnings.warn(msg, category, stacklevel)`; `category` names a
    /// built-in warning class. A filter set to "error" makes this an `Err`.
    pub fn warn(&mut self, category: &str, msg: &str, stacklevel: i64) -> PyResult<()> {
        let warnings = self.import_name("warnings", 0, true)?;
        let Some(warn) = self.get_attr_str(&warnings, "warn")? else { return Ok(()) };
        let cat = Value::Class(self.rt.types.exc(category));
        let kw = vec![(self.rt.intern("stacklevel"), Value::Int(stacklevel))];
        self.call_value(&warn, Args::with_kw(vec![Value::str(msg), cat], kw))?;
        Ok(())
    }
}
