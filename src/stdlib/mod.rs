//! The standard library: built-in functions and types' methods (Rust),
//! native modules (Rust) and modules embedded as Python source (py/).

pub mod builtins_attr;
pub mod builtins_core;
pub mod builtins_exec;
pub mod builtins_more;
pub mod file;
pub mod help;
pub mod itertools_comb;
pub mod itertools_iter;
pub mod mod_asyncio;
pub mod mod_asyncio_loop;
pub mod mod_asyncio_net;
pub mod mod_atexit;
pub mod mod_itertools;
pub mod mod_math;
pub mod mod_misc;
pub mod mod_posix;
pub mod mod_process;
pub mod mod_random;
pub mod mod_re;
pub mod mod_thread;
pub mod mod_time;
pub mod mod_weakref;
pub mod mp_wire;
pub mod mt19937;
pub mod posix_args;
pub mod posix_dir;
pub mod posix_fd;
pub mod posix_fs;
pub mod repl;
pub mod str_format;
pub mod structseq;
pub mod sys;
pub mod types_bytes;
pub mod types_bytes_text;
pub mod types_containers;
pub mod types_gen;
pub mod types_num;
pub mod types_range;
pub mod types_sets;
pub mod types_str;

use std::sync::Arc;

use crate::object::class::Class;
use crate::object::dict::Dict;
use crate::object::native::NativeObject;
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Runtime, Vm};

include!(concat!(env!("OUT_DIR"), "/frozen.rs"));

/// Adds a native function to a namespace dict.
pub fn def(d: &Dict, name: &str, f: impl Fn(&mut Vm, Args) -> PyResult + Send + Sync + 'static) {
    d.set_item_str(name, Vm::native(name, f));
}

/// Adds a native function that the dispatch loop may run inline (see [`FastCall`]).
pub fn def_fast(
    d: &Dict,
    name: &str,
    fast: crate::object::function::FastCall,
    f: impl Fn(&mut Vm, Args) -> PyResult + Send + Sync + 'static,
) {
    d.set_item_str(name, Vm::native_fast(name, fast, f));
}

/// Adds a native method to a class. Called without `self` (`str.upper()`)
/// it raises CPython's TypeError, so no method body can find `pos` empty.
pub fn method(cls: &Arc<Class>, name: &str, f: impl Fn(&mut Vm, Args) -> PyResult + Send + Sync + 'static) {
    let needs_self = format!("descriptor '{name}' of '{}' object needs an argument", cls.name().as_str());
    def(&cls.dict, name, move |vm, a| {
        if a.pos.is_empty() {
            return Err(vm.type_error(&needs_self));
        }
        f(vm, a)
    });
}

/// Fills the builtins dict and the built-in types' methods.
pub fn init(rt: &Runtime) {
    builtins_core::register(rt);
    for (name, cls) in &rt.types.exceptions {
        rt.builtins.set_item_str(name, Value::Class(cls.clone()));
    }
    let extra: &[fn(&Runtime)] = &EXTRA_INITS;
    for f in extra {
        f(rt);
    }
}

/// Registration hooks of the other built-in type/function files.
const EXTRA_INITS: [fn(&Runtime); 10] = [
    builtins_more::register,
    types_str::register,
    types_bytes::register,
    types_range::register,
    file::register,
    types_containers::register,
    mod_thread::register,
    types_gen::register,
    mod_process::register,
    mod_asyncio::register,
];

/// The names `native_module` answers (with `sys`), for
/// `sys.builtin_module_names`: CPython's os.py looks for `posix` there.
/// Keep in step with the match below.
pub const BUILTIN_MODULE_NAMES: &[&str] = &[
    "_asyncio",
    "_mp",
    "_random",
    "_thread",
    "_weakref",
    "atexit",
    "gc",
    "itertools",
    "math",
    "posix",
    "re",
    "sys",
    "time",
    "traceback",
];

/// A module implemented in Rust, created on first import.
pub fn native_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    match name {
        "time" => mod_time::create(vm).map(Some),
        "math" => mod_math::create(vm).map(Some),
        "posix" => mod_posix::create(vm).map(Some),
        "_thread" => mod_thread::create(vm).map(Some),
        "_mp" => mod_process::create(vm).map(Some),
        "_random" => mod_random::create(vm).map(Some),
        "itertools" => mod_itertools::create(vm).map(Some),
        "re" => mod_re::create(vm).map(Some),
        "traceback" => mod_misc::create_traceback(vm).map(Some),
        "gc" => mod_misc::create_gc(vm).map(Some),
        "atexit" => mod_atexit::create(vm).map(Some),
        "_weakref" => mod_weakref::create(vm).map(Some),
        "_asyncio" => mod_asyncio::create(vm).map(Some),
        _ => Ok(None),
    }
}

/// Attributes of Rust-implemented objects that are not methods.
pub fn native_attr(vm: &mut Vm, o: &Arc<dyn NativeObject>, name: &str) -> Option<Value> {
    let _ = (vm, o, name);
    None
}
