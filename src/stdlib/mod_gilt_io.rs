//! The `_gilt_io` module: hands gilt's native file classes (what `open()`
//! returns for its fast cases, and the class of the standard streams) to
//! `_io` (src/stdlib/py/_io.py), which registers them as virtual subclasses
//! of CPython's `_pyio` classes so that `isinstance(f, io.TextIOWrapper)`
//! holds for them.

use std::sync::Arc;

use super::native_util::module;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// Creates `_gilt_io`: `TextIOWrapper`, `BufferedReader`, `BufferedWriter`,
/// `BufferedRandom` (the native file classes) and `StdStream`, `StdBuffer`
/// (the classes of `sys.__stdout__` and of its `buffer`).
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    if let Some(c) = vm.rt.open_files.classes() {
        d.set_item_str("TextIOWrapper", Value::Class(c.text.clone()));
        d.set_item_str("BufferedReader", Value::Class(c.reader.clone()));
        d.set_item_str("BufferedWriter", Value::Class(c.writer.clone()));
        d.set_item_str("BufferedRandom", Value::Class(c.random.clone()));
    }
    if let Some(out) = vm.sys_attr("__stdout__") {
        d.set_item_str("StdStream", Value::Class(vm.class_of(&out)));
        if let Ok(Some(b)) = vm.get_attr_str(&out, "buffer") {
            d.set_item_str("StdBuffer", Value::Class(vm.class_of(&b)));
        }
    }
    Ok(module("_gilt_io", d))
}
