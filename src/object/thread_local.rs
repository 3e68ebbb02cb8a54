//! What a `_thread._local` instance carries (`threading.local`): one
//! attribute dict per thread, made on the thread's first access and dropped
//! when the thread ends or the object dies, and the constructor arguments
//! that a subclass's `__init__` is run with again in every new thread.

use std::collections::HashMap;
use std::sync::Arc;

use parking_lot::Mutex;

use super::class::{Class, Instance, Payload};
use super::dict::Dict;
use super::str::PyStr;
use super::value::Value;

/// The per-thread state of one `_thread._local` (kept in its instance's
/// payload, so the dicts live exactly as long as the object).
pub struct LocalData {
    /// Thread ident → that thread's attribute dict.
    pub dicts: Mutex<HashMap<i64, Arc<Dict>>>,
    /// The arguments the object was created with, for `__init__` in new threads.
    pub args: Vec<Value>,
    pub kw: Vec<(Arc<PyStr>, Value)>,
    /// The `_thread._local` class.
    pub class: Arc<Class>,
}

super::native::impl_native_object!(LocalData);

/// The `LocalData` of `inst`, if it is a `_thread._local` (or a subclass's
/// instance); a single discriminant test for ordinary instances.
#[inline]
pub fn local_of(inst: &Instance) -> Option<&LocalData> {
    match &inst.payload {
        Payload::Builtin(Value::Native2(o)) => o.as_any().downcast_ref::<LocalData>(),
        _ => None,
    }
}

/// The payload's object as a weak handle, for the cleanup a thread runs
/// when it ends (it must not keep the local alive).
pub fn weak_payload(inst: &Instance) -> Option<std::sync::Weak<dyn super::native::NativeObject>> {
    match &inst.payload {
        Payload::Builtin(Value::Native2(o)) => Some(Arc::downgrade(&**o)),
        _ => None,
    }
}

/// Drops thread `ident`'s dict of the local behind `weak`, if it still lives.
pub fn forget_thread(weak: &std::sync::Weak<dyn super::native::NativeObject>, ident: i64) {
    if let Some(o) = weak.upgrade()
        && let Some(d) = o.as_any().downcast_ref::<LocalData>()
    {
        // Taken out under the lock, dropped after it: dropping may free
        // objects whose finalizers are only queued, never run, here.
        let gone = d.dicts.lock().remove(&ident);
        drop(gone);
    }
}
