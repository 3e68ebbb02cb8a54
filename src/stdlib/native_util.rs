//! Helpers shared by the native modules that CPython's pure-Python library
//! rests on (binascii, zlib, the hashes, errno, _csv, …): argument
//! unpacking with CPython's messages, module-level exception classes.

use std::sync::Arc;

use super::buffer::bytes_like as as_bytes;
use crate::object::class::Class;
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::vm::{Args, PyErr, PyResult, Vm};

/// A bytes-like argument (`bytes`, `bytearray`, a bytes subclass), or
/// CPython's `a bytes-like object is required, not 'str'`.
pub fn buffer_arg(vm: &mut Vm, v: &Value) -> PyResult<Arc<Vec<u8>>> {
    match as_bytes(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// The argument of binascii's `a2b_*` functions: bytes-like, or a str of
/// ASCII characters only.
pub fn ascii_arg(vm: &mut Vm, v: &Value) -> PyResult<Arc<Vec<u8>>> {
    if let Some(b) = as_bytes(v) {
        return Ok(b);
    }
    let s = match v {
        Value::Str(s) => Some(s.clone()),
        Value::Instance(_) => match crate::vm::ops::payload_of(v) {
            Some(Value::Str(s)) => Some(s),
            _ => None,
        },
        _ => None,
    };
    match s {
        Some(s) if s.as_str().is_ascii() => Ok(Arc::new(s.as_str().as_bytes().to_vec())),
        Some(_) => Err(vm.value_error("string argument should contain only ASCII characters")),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("argument should be bytes, buffer or ASCII string, not '{tn}'")))
        }
    }
}

/// Positional-or-keyword argument `i` called `name`; CPython's "missing
/// required argument" message when it is absent and `required`.
pub fn take_arg(vm: &mut Vm, a: &mut Args, i: usize, name: &str, fname: &str) -> PyResult<Value> {
    match a.arg(i, name) {
        Some(v) => Ok(v),
        None => Err(vm.type_error(&format!("{fname}() missing required argument '{name}' (pos {})", i + 1))),
    }
}

/// Checks that no more than `max` positional arguments were given
/// (`f() takes at most 2 arguments (3 given)`).
pub fn at_most(vm: &mut Vm, a: &Args, fname: &str, max: usize) -> PyResult<()> {
    let n = a.pos.len();
    if n > max {
        let msg = match max {
            0 => format!("{fname}() takes no positional arguments"),
            1 => format!("{fname}() takes at most 1 argument ({n} given)"),
            _ => format!("{fname}() takes at most {max} arguments ({n} given)"),
        };
        return Err(vm.type_error(&msg));
    }
    Ok(())
}

/// Checks the count of positional-only arguments before keyword-only ones
/// (`a2b_base64() takes exactly 1 positional argument (2 given)`).
pub fn positional_exactly(vm: &mut Vm, a: &Args, fname: &str, n: usize) -> PyResult<()> {
    let got = a.pos.len();
    if got != n {
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.type_error(&format!("{fname}() takes exactly {n} positional argument{s} ({got} given)")));
    }
    Ok(())
}

/// A new exception class `module.name` deriving from the built-in `base`.
pub fn exc_class(vm: &mut Vm, module: &str, name: &str, bases: &[&str]) -> PyResult<Arc<Class>> {
    let d = Dict::new();
    d.set_item_str("__module__", Value::str(module));
    let bases: Vec<Value> = bases.iter().map(|b| Value::Class(vm.rt.types.exc(b))).collect();
    let ty = Value::Class(vm.rt.types.type_.clone());
    match vm.call(&ty, vec![Value::str(name), Value::tuple(bases), Value::Dict(Arc::new(d))])? {
        Value::Class(c) => Ok(c),
        _ => Err(vm.runtime_error("exception class creation failed")),
    }
}

/// An exception of `cls` with one message argument, raised now.
pub fn raise(vm: &Vm, cls: &Arc<Class>, msg: &str) -> PyErr {
    let e = vm.new_exception(cls, vec![Value::str(msg)]);
    vm.chain_context(&e);
    e
}

/// A module object over `d`.
pub fn module(name: &str, d: Arc<Dict>) -> Value {
    d.set_item_str("__name__", Value::str(name));
    Value::Module(Arc::new(Module::new(Arc::from(name), d)))
}

/// A bytes value.
pub fn bytes(v: Vec<u8>) -> Value {
    Value::Bytes(Arc::new(v))
}

/// An int argument that must fit a C `int`-like range.
pub fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Value::Flt(_) = v {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    vm.index_of(v)
}
