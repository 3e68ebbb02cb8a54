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

/// What a `-b` comparison warning needs to know of an operand.
#[derive(PartialEq)]
enum Kind {
    Bytes,
    Str,
    Int,
    Other,
}

fn kind(v: &Value) -> Kind {
    let v = match v {
        Value::Instance(i) => match i.builtin_value() {
            Some(p) => p,
            None => return Kind::Other,
        },
        other => other,
    };
    match v {
        Value::Bytes(_) => Kind::Bytes,
        Value::Str(_) => Kind::Str,
        Value::Int(_) | Value::BigInt(_) | Value::Boolean(_) => Kind::Int,
        _ => Kind::Other,
    }
}

impl Vm {
    /// `-b`: `str()` of a bytes or bytearray instance warns (CPython's
    /// `bytes_str`/`bytearray_str`), as `BytesWarning` (an error with `-bb`).
    pub fn bytes_str_warning(&mut self, v: &Value) -> PyResult<()> {
        if self.rt.config.bytes_warning == 0 {
            return Ok(());
        }
        let what = match v {
            Value::Bytes(_) => "bytes",
            Value::Native2(_) if &*self.type_name(v) == "bytearray" => "bytearray",
            _ => return Ok(()),
        };
        self.warn("BytesWarning", &format!("str() on a {what} instance"), 1)
    }

    /// `-b`: `==` or `!=` between bytes and a str or an int warns, as CPython's
    /// `bytes_richcompare` does before it answers NotImplemented. The caller
    /// checks `config.bytes_warning` (this sits beside the hottest comparisons).
    pub fn bytes_compare_warning(&mut self, a: &Value, b: &Value) -> PyResult<()> {
        let (ka, kb) = (kind(a), kind(b));
        let other = match (&ka, &kb) {
            (Kind::Bytes, Kind::Bytes) => return Ok(()),
            (Kind::Bytes, k) | (k, Kind::Bytes) => k,
            _ => return Ok(()),
        };
        let msg = match other {
            Kind::Str => "Comparison between bytes and string",
            Kind::Int => "Comparison between bytes and int",
            _ => return Ok(()),
        };
        self.warn("BytesWarning", msg, 1)
    }
}
