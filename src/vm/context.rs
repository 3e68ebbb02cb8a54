//! A thread's current `contextvars.Context`, and running code in another.
//!
//! The current context is a field of the thread's [`Vm`] rather than a
//! Python-level table so that the event loop can give each task and each
//! callback its own context (as CPython's tasks run every step inside
//! `context.run`) by swapping one value, without a Python call per step.
//! `_contextvars.py` reads and writes it through `_gilt_context`. `None`
//! means the thread has not needed a context yet: `_contextvars` makes an
//! empty one on first use, and a task started from such a thread starts
//! empty too.

use super::{PyResult, Vm};
use crate::object::value::Value;

impl Vm {
    /// The context a new task or callback runs in: a copy of the current
    /// one, taken now (what CPython's `copy_context()` gives `create_task`
    /// and `call_soon`). `None` when the thread has none yet.
    pub fn copy_current_context(&mut self) -> PyResult<Value> {
        if self.context.is_none() {
            return Ok(Value::None);
        }
        let current = self.context.clone();
        self.call_method(&current, "copy", vec![])
    }

    /// Makes `ctx` the current context; returns the one it replaces. A task
    /// step swaps its context in, runs, and swaps the previous one back,
    /// keeping what the step left current (a context made on first use).
    pub fn swap_context(&mut self, ctx: Value) -> Value {
        std::mem::replace(&mut self.context, ctx)
    }
}
