//! `pickle.PickleBuffer` (PEP 574): a wrapper that marks a bytes-like
//! object as a buffer the pickler may hand out of band (protocol 5's
//! `buffer_callback`). It holds a memoryview over the wrapped object for as
//! long as it is not released, so the object's memory and geometry stay
//! fixed (a bytearray cannot be resized under it), and it forwards the
//! buffer protocol to that view: `memoryview(pb)` and `bytes(pb)` see the
//! wrapped object.

use std::sync::Arc;

use parking_lot::Mutex;

use super::def;
use crate::object::class::{Class, Layout};
use crate::object::native::NativeObject;
use crate::object::value::Value;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

const RELEASED: &str = "operation forbidden on released PickleBuffer object";

/// A `PickleBuffer` object.
pub struct PickleBuffer {
    class: Arc<Class>,
    /// The memoryview over the wrapped object (CPython's `Py_buffer`);
    /// `None` once released.
    view: Mutex<Option<Value>>,
}

impl NativeObject for PickleBuffer {
    fn class(&self) -> &Arc<Class> {
        &self.class
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn buffer_bytes(&self) -> Option<Vec<u8>> {
        match &*self.view.lock() {
            Some(Value::Native2(o)) => o.buffer_bytes(),
            _ => None,
        }
    }
    fn buffer_delegate(&self) -> Option<Result<Value, &'static str>> {
        Some(self.view.lock().clone().ok_or(RELEASED))
    }
}

/// The memoryview a live `PickleBuffer` holds, for the pickler: `None` when
/// `v` is no PickleBuffer, ValueError when it was released.
pub fn view_of(vm: &Vm, v: &Value) -> Option<PyResult<Value>> {
    let Value::Native2(o) = v else { return None };
    let pb = o.as_any().downcast_ref::<PickleBuffer>()?;
    Some(pb.view.lock().clone().ok_or_else(|| vm.value_error(RELEASED)))
}

fn this<'a>(vm: &Vm, a: &'a Args) -> PyResult<&'a PickleBuffer> {
    a.native_self::<PickleBuffer>().ok_or_else(|| vm.type_error("descriptor requires a 'pickle.PickleBuffer' object"))
}

/// The `PickleBuffer` class (module `pickle`, not subclassable, as CPython's).
pub fn make_class(vm: &mut Vm) -> Arc<Class> {
    let cls = new_builtin_class("PickleBuffer", std::slice::from_ref(&vm.rt.types.object), Layout::Opaque);
    cls.dict.set_item_str("__module__", Value::str("pickle"));
    cls.dict.set_item_str("__doc__", Value::str("Wrapper for potentially out-of-band buffers"));
    let c = cls.clone();
    def(&cls.dict, "__new__", move |vm, a| {
        // CPython parses one positional-only argument (a keyword is not
        // accepted as it), so the messages count both.
        let given = a.pos.len().saturating_sub(1) + a.kw.len();
        if a.pos.len() < 2 {
            return Err(vm.type_error("PickleBuffer() takes exactly 1 positional argument (0 given)"));
        }
        if given > 1 {
            return Err(vm.type_error(&format!("PickleBuffer() takes at most 1 argument ({given} given)")));
        }
        let obj = &a.pos[1];
        // A released memoryview is refused by memoryview_of with its ValueError.
        let is_view = matches!(obj, Value::Native2(o) if Arc::ptr_eq(o.class(), &vm.rt.types.memoryview));
        if !is_view && super::buffer::bytes_like(obj).is_none() {
            let tn = vm.type_name(obj);
            return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
        }
        let view = super::types_memoryview::memoryview_of(vm, obj)?;
        Ok(Value::from_native(Arc::new(PickleBuffer { class: c.clone(), view: Mutex::new(Some(view)) })))
    });
    def(&cls.dict, "__init__", |_vm, _a| Ok(Value::None));
    def(&cls.dict, "raw", |vm, a| {
        let pb = this(vm, &a)?;
        let view = pb.view.lock().clone().ok_or_else(|| vm.value_error(RELEASED))?;
        super::types_memoryview::raw_bytes_view(vm, &view)
    });
    def(&cls.dict, "release", |vm, a| {
        let pb = this(vm, &a)?;
        let view = pb.view.lock().take();
        if let Some(v) = view {
            vm.call_method(&v, "release", vec![])?;
        }
        Ok(Value::None)
    });
    // Only the pickler's own opcodes can carry one (protocol 5).
    def(&cls.dict, "__reduce_ex__", |vm, _a| Err(vm.type_error("cannot pickle 'pickle.PickleBuffer' object")));
    def(&cls.dict, "__reduce__", |vm, _a| Err(vm.type_error("cannot pickle 'pickle.PickleBuffer' object")));
    cls
}
