//! `bytes % args` (PEP 461): the printf-style engine of `str % args`
//! (`numfmt::percent`) run over the bytes seen as Latin-1 text, so every byte
//! is one character and back; only the conversions that differ are here:
//! `%s`/`%b` insert bytes (or `__bytes__`), `%c` takes an int below 256 or
//! one byte, `%(key)` looks up bytes keys.

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::convert::{PctErr, PercentCtx};
use super::{PyResult, Vm};
use crate::object::numfmt::{NumError, PercentArgs, StarArg, percent_format};
use crate::object::value::Value;

/// Bytes as Latin-1 text: one char per byte.
fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| c as char).collect()
}

struct BytesCtx<'a> {
    inner: PercentCtx<'a>,
}

impl BytesCtx<'_> {
    /// The bytes of `v` for `%b`/`%s`: bytes, or what `__bytes__` returns.
    fn bytes_of(&mut self, v: &Value) -> Result<Vec<u8>, PctErr> {
        let vm = &mut *self.inner.vm;
        if let Some(b) = crate::stdlib::types_bytes::as_bytes(v) {
            return Ok(b.to_vec());
        }
        if let Some(m) = vm.class_of(v).lookup("__bytes__") {
            let r = vm.call_method_value(&m, v.clone(), vec![]).map_err(PctErr::Py)?;
            return match crate::stdlib::types_bytes::as_bytes(&r) {
                Some(b) => Ok(b.to_vec()),
                None => {
                    let tn = vm.type_name(&r);
                    Err(PctErr::Py(vm.type_error(&format!("__bytes__ returned non-bytes (type {tn})"))))
                }
            };
        }
        let tn = vm.type_name(v);
        Err(PctErr::Num(NumError::Type(format!(
            "%b requires a bytes-like object, or an object that implements __bytes__, not '{tn}'"
        ))))
    }
}

impl PercentArgs for BytesCtx<'_> {
    type Value = Value;
    type Error = PctErr;
    fn tuple_len(&self) -> Option<usize> {
        self.inner.tuple_len()
    }
    fn tuple_item(&mut self, i: usize) -> Value {
        self.inner.tuple_item(i)
    }
    fn whole(&mut self) -> Value {
        self.inner.whole()
    }
    fn is_mapping(&self) -> bool {
        // bytes and bytearray are the one argument of `%s`, not a mapping.
        let bytearray = matches!(&self.inner.args, Value::Native2(o)
            if o.as_any().is::<crate::stdlib::types_bytearray::ByteArray>());
        !matches!(self.inner.args, Value::Bytes(_)) && !bytearray && self.inner.is_mapping()
    }
    fn lookup(&mut self, key: &str) -> Result<Value, PctErr> {
        let a = self.inner.args.clone();
        let key: Vec<u8> = key.chars().map(|c| c as u32 as u8).collect();
        self.inner.vm.get_item(&a, &Value::Bytes(std::sync::Arc::new(key))).map_err(PctErr::Py)
    }
    fn star(&mut self, v: &Value) -> StarArg {
        self.inner.star(v)
    }
    fn int_value(&mut self, v: &Value, conv: char) -> Result<BigInt, PctErr> {
        self.inner.int_value(v, conv)
    }
    fn float_value(&mut self, v: &Value) -> Result<f64, PctErr> {
        match self.inner.vm.as_f64(v).map_err(PctErr::Py)? {
            Some(f) => Ok(f),
            None => {
                let tn = self.inner.vm.type_name(v);
                Err(PctErr::Num(NumError::Type(format!("float argument required, not {tn}"))))
            }
        }
    }
    fn char_value(&mut self, v: &Value) -> Result<char, PctErr> {
        if let Some(b) = crate::stdlib::types_bytes::as_bytes(v) {
            if b.len() == 1 {
                return Ok(b[0] as char);
            }
        } else if let Value::Int(_) | Value::BigInt(_) | Value::Boolean(_) = v {
            let n = crate::vm::numeric::to_big(v).unwrap_or_default();
            return match n.to_u8() {
                Some(c) => Ok(c as char),
                None => Err(PctErr::Num(NumError::Overflow("%c arg not in range(256)".to_owned()))),
            };
        }
        Err(PctErr::Num(NumError::Type("%c requires an integer in range(256) or a single byte".to_owned())))
    }
    fn str(&mut self, v: &Value) -> Result<String, PctErr> {
        Ok(latin1(&self.bytes_of(v)?))
    }
    fn repr(&mut self, v: &Value) -> Result<String, PctErr> {
        self.inner.ascii(v)
    }
    fn ascii(&mut self, v: &Value) -> Result<String, PctErr> {
        self.inner.ascii(v)
    }
    fn bytes_mode(&self) -> bool {
        true
    }
}

impl Vm {
    /// `fmt % args` for bytes.
    pub fn bytes_percent_format(&mut self, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
        let text = latin1(fmt);
        let mut ctx = BytesCtx { inner: PercentCtx { vm: self, args: args.clone() } };
        let r = percent_format(&text, &mut ctx);
        let s = self.pct(r)?;
        // Every character came from a byte, an ASCII digit or an ASCII repr.
        Ok(s.chars().map(|c| c as u32 as u8).collect())
    }
}
