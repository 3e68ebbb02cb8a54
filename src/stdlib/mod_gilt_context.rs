//! The `_gilt_context` module: `get()` and `set(ctx)` of the thread's
//! current `contextvars.Context` (the `Vm::context` field, see
//! `vm/context.rs`), for `_contextvars.py`. The event loop swaps the same
//! field around each task step and callback.

use std::sync::Arc;

use super::def;
use super::native_util::module;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// Creates `_gilt_context`.
pub fn create(_vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    def(&d, "get", |vm, _a| Ok(vm.context.clone()));
    def(&d, "set", |vm, a| {
        let ctx = a.pos.first().cloned().unwrap_or(Value::None);
        Ok(vm.swap_context(ctx))
    });
    Ok(module("_gilt_context", d))
}
