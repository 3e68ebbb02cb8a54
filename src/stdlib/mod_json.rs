//! The `_json` module under CPython's own `json` package: `scanstring`,
//! `make_scanner` (`_json.Scanner`), `make_encoder` (`_json.Encoder`) and
//! `encode_basestring(_ascii)`. The work is in `json_scan.rs` (decoding)
//! and `json_encode.rs` (encoding).

use std::sync::Arc;

use super::def;
use super::json_encode::{call_encoder, encode_basestring, new_encoder};
use super::json_scan::{call_scanner, new_scanner, scanstring};
use crate::object::class::Layout;
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{PyResult, Vm};

/// Creates the `_json` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("_json"));
    def(&d, "scanstring", scanstring);
    def(&d, "encode_basestring_ascii", |vm, a| encode_basestring(vm, &a, true));
    def(&d, "encode_basestring", |vm, a| encode_basestring(vm, &a, false));
    let object = std::slice::from_ref(&vm.rt.types.object);
    let scanner = new_builtin_class("Scanner", object, Layout::Opaque);
    scanner.dict.set_item_str("__module__", Value::str("_json"));
    let c = scanner.clone();
    def(&scanner.dict, "__new__", move |vm, a| new_scanner(vm, &c, a));
    def(&scanner.dict, "__call__", call_scanner);
    let encoder = new_builtin_class("Encoder", object, Layout::Opaque);
    encoder.dict.set_item_str("__module__", Value::str("_json"));
    let c = encoder.clone();
    def(&encoder.dict, "__new__", move |vm, a| new_encoder(vm, &c, a));
    def(&encoder.dict, "__call__", call_encoder);
    d.set_item_str("make_scanner", Value::Class(scanner));
    d.set_item_str("make_encoder", Value::Class(encoder));
    Ok(Value::Module(Arc::new(Module::new(Arc::from("_json"), d))))
}
