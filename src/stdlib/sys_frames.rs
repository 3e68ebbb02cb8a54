//! The frame and tracing functions of `sys`: `_getframe`, `settrace`,
//! `setprofile`, `gettrace`, `getprofile` (the machinery is in
//! `vm/frameobj.rs` and `vm/tracing.rs`).

use super::def;
use crate::object::dict::Dict;
use crate::object::value::Value;

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
