//! The frame and tracing functions of `sys`: `_getframe`,
//! `_current_frames`, `_current_exceptions` (`vm/thread_frames.rs`), `settrace`,
//! `setprofile`, `gettrace`, `getprofile` (the machinery is in
//! `vm/frameobj.rs` and `vm/tracing.rs`).

use std::sync::Arc;

use super::def;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::Vm;
use crate::vm::frameobj::FrameObj;

/// Adds the functions to the `sys` module's dict.
pub fn register(d: &Dict) {
    def(d, "_getframe", |vm, a| {
        a.no_kw(vm, "sys._getframe")?;
        a.check(vm, "_getframe", 0, 1)?;
        let depth = match a.pos.first() {
            Some(v) => vm.index_of(v)?,
            None => 0,
        };
        match vm.frame_object(depth.max(0) as usize) {
            Some(f) => Ok(Value::from_native(f)),
            None => Err(vm.value_error("call stack is not deep enough")),
        }
    });
    for (name, frames) in [("_current_frames", true), ("_current_exceptions", false)] {
        def(d, name, move |vm, a| {
            a.no_kw(vm, name)?;
            a.check(vm, name, 0, 0)?;
            let out = Value::Dict(std::sync::Arc::new(Dict::new()));
            for (ident, frame, exc) in vm.current_frames() {
                let v = if frames { Value::from_native(frame) } else { exc_info_in(vm, exc, &frame) };
                vm.set_item(&out, Value::Int(ident), v)?;
            }
            Ok(out)
        });
    }
    for (name, profile) in [("settrace", false), ("setprofile", true)] {
        let full = format!("sys.{name}");
        def(d, name, move |vm, a| {
            a.no_kw(vm, &full)?;
            a.check(vm, &full, 1, 1)?;
            vm.set_trace_function(a.pos[0].clone(), profile);
            Ok(Value::None)
        });
    }
    for (name, profile) in [("gettrace", false), ("getprofile", true)] {
        let full = format!("sys.{name}");
        def(d, name, move |vm, a| {
            a.no_kw(vm, &full)?;
            a.check(vm, &full, 0, 0)?;
            Ok(vm.trace_function(profile))
        });
    }
}

/// `sys._current_exceptions()`'s `(type, value, traceback)` for a thread
/// whose innermost frame is `top`: the traceback's frames that are still
/// running are the thread's frame objects, so `tb_frame.f_back` walks the
/// thread's whole stack, as in CPython.
fn exc_info_in(vm: &mut Vm, exc: Option<Value>, top: &Arc<FrameObj>) -> Value {
    let Some(Value::Instance(inst)) = &exc else { return super::sys::exc_info_of(vm, exc) };
    let Some(st) = inst.exc() else { return super::sys::exc_info_of(vm, exc) };
    let mut entries = st.lock().traceback.clone();
    for e in entries.iter_mut() {
        let Some(f) = &e.frame else { continue };
        let mut cur = Some(top.clone());
        while let Some(c) = cur {
            if Arc::ptr_eq(&c.code, &f.code) {
                e.frame = Some(c);
                break;
            }
            cur = c.back.clone();
        }
    }
    let tb = vm.traceback_chain(&entries);
    let cls = Value::Class(vm.class_of(&Value::Instance(inst.clone())));
    Value::tuple(vec![cls, Value::Instance(inst.clone()), tb])
}
