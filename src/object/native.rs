//! Objects implemented in Rust (locks, files, threads, …).

use std::any::Any;
use std::sync::Arc;

use super::class::Class;
use super::value::Value;
use crate::vm::{PyResult, Vm};

/// A Rust-implemented object. Its methods live in its class's dict as
/// native functions, which downcast `self` through `as_any`.
pub trait NativeObject: Send + Sync + Any {
    /// The object's class (kept in the object, set by whoever created it).
    fn class(&self) -> &Arc<Class>;
    fn as_any(&self) -> &dyn Any;

    /// One `next()` of a native iterator, run by `for` loops and `next()`
    /// without looking up and calling its `__next__` method; `None` for
    /// objects that are not iterators (or whose `__next__` may be overridden).
    fn next_item(&self, _vm: &mut Vm, _this: &Value) -> Option<PyResult<Option<Value>>> {
        None
    }
}

/// Implements [`NativeObject`] for a struct that keeps its class in a
/// `class: Arc<Class>` field (every native type here does).
macro_rules! impl_native_object {
    ($($t:ty),+ $(,)?) => {$(
        impl $crate::object::native::NativeObject for $t {
            fn class(&self) -> &std::sync::Arc<$crate::object::class::Class> {
                &self.class
            }
            fn as_any(&self) -> &dyn std::any::Any {
                self
            }
        }
    )+};
}
pub(crate) use impl_native_object;
