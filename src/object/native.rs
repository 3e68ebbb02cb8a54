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

    /// The buffer protocol (`stdlib/buffer.rs`): the bytes this object
    /// exposes (bytearray, memoryview, array), copied under its lock; `None`
    /// for objects that are not bytes-like.
    fn buffer_bytes(&self) -> Option<Vec<u8>> {
        None
    }

    /// A live export of this object's memory for a memoryview; `None` when
    /// the object has no buffer.
    fn buffer_export(&self) -> Option<crate::stdlib::buffer::Export> {
        None
    }

    /// An object that forwards the buffer protocol to another one
    /// (`pickle.PickleBuffer`): the object a memoryview over this one shows,
    /// or the ValueError message when it has none any more (released).
    fn buffer_delegate(&self) -> Option<Result<Value, &'static str>> {
        None
    }

    /// True when the object compares by value through its class's `__eq__`
    /// (bytearray, memoryview, array), so Rust alone cannot decide `==`.
    fn eq_by_value(&self) -> bool {
        false
    }

    /// `len()` answered in Rust (bytearray): the dispatch loop's `len(x)`
    /// skips looking up and calling `__len__`. Only asked of objects whose
    /// class is built-in, so no Python override can be missed.
    fn native_len(&self) -> Option<usize> {
        None
    }

    /// How `hash()` treats the object: `None` hashes by identity.
    fn hash_outcome(&self) -> Option<super::eq::HashOutcome> {
        None
    }

    /// The attribute dict of a native type whose instances take arbitrary
    /// attributes, as instances of a plain Python class do (the event loop,
    /// whose CPython counterpart is a Python class): read after the class's
    /// data descriptors and before its other attributes, written by
    /// `setattr`. `None` for the others. `create` asks for a dict made on
    /// first use (a read passes false, so objects that never get an attribute
    /// never pay for one).
    fn instance_dict(&self, _create: bool) -> Option<Arc<super::dict::Dict>> {
        None
    }

    /// Whether `obj.__dict__` shows [`NativeObject::instance_dict`]
    /// (CPython's loop shows it; its C futures keep theirs hidden).
    fn dict_visible(&self) -> bool {
        true
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
