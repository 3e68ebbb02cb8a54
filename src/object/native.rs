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
