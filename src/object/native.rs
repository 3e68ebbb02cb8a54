//! Objects implemented in Rust (locks, files, threads, …).

use std::any::Any;
use std::sync::Arc;

use super::class::Class;

/// A Rust-implemented object. Its methods live in its class's dict as
/// native functions, which downcast `self` through `as_any`.
pub trait NativeObject: Send + Sync + Any {
    /// The object's class (kept in the object, set by whoever created it).
    fn class(&self) -> &Arc<Class>;
    fn as_any(&self) -> &dyn Any;
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
