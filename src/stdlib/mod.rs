//! The standard library: built-in functions and types' methods (Rust),
//! native modules (Rust) and modules embedded as Python source (py/).

pub mod ast_feature;
pub mod ast_from_py;
pub mod ast_to_py;
pub mod ast_validate;
pub mod binfmt;
pub mod buffer;
pub mod builtin_attrs;
pub mod builtin_docs;
pub mod builtins_async;
pub mod builtins_attr;
pub mod builtins_core;
pub mod builtins_descr;
pub mod builtins_exec;
pub mod builtins_more;
pub mod codecs_more;
pub mod codecs_utf7;
pub mod collections_deque;
pub mod compress_common;
pub mod cpython_lib;
pub mod csv_parse;
pub mod exc_group;
pub mod file;
mod file_closed;
mod file_state;
pub mod functools_partial;
pub mod isinstance;
pub mod iter_reduce;
pub mod itertools_comb;
pub mod itertools_iter;
pub mod itertools_pickle;
pub mod json_encode;
pub mod json_scan;
pub mod lzma_filters;
pub mod method_sigs;
mod method_sigs_table;
pub mod mod_abc;
pub mod mod_array;
pub mod mod_ast;
pub mod mod_asyncio;
pub mod mod_asyncio_loop;
pub mod mod_asyncio_net;
pub mod mod_atexit;
pub mod mod_binascii;
pub mod mod_bisect;
pub mod mod_bz2;
pub mod mod_cjk;
pub mod mod_cmath;
pub mod mod_codecs;
pub mod mod_collections;
pub mod mod_csv;
pub mod mod_errno;
pub mod mod_fcntl;
pub mod mod_functools;
pub mod mod_gc;
pub mod mod_gilt_context;
pub mod mod_gilt_io;
pub mod mod_hashes;
pub mod mod_itertools;
pub mod mod_json;
pub mod mod_lzma;
pub mod mod_marshal;
pub mod mod_math;
pub mod mod_mmap;
pub mod mod_multiprocessing;
pub mod mod_pickle;
pub mod mod_posix;
pub mod mod_posixsubprocess;
pub mod mod_process;
pub mod mod_pwd;
pub mod mod_random;
pub mod mod_select;
pub mod mod_signal;
pub mod mod_socket;
pub mod mod_sre;
pub mod mod_string_locale;
pub mod mod_struct;
pub mod mod_termios;
pub mod mod_thread;
pub mod mod_time;
pub mod mod_unicodedata;
pub mod mod_warnings;
pub mod mod_weakref;
pub mod mod_zlib;
pub mod mp_fork;
pub mod mp_wire;
pub mod mt19937;
pub mod native_util;
pub mod object_reduce;
mod operator_funcs;
mod operator_getters;
pub mod pickle_buffer;
pub mod pickle_global;
pub mod pickle_load;
pub mod pickle_save;
pub mod posix_args;
pub mod posix_dir;
pub mod posix_fd;
pub mod posix_fd_more;
pub mod posix_fork;
pub mod posix_fs;
pub mod posix_ids;
pub mod posix_sched;
pub mod repl;
mod repl_complete;
pub mod select_epoll;
pub mod signal_itimer;
pub mod signal_mask;
pub mod simple_namespace;
pub mod socket_addr;
pub mod socket_consts;
pub mod socket_io;
pub mod socket_msg;
pub mod socket_obj;
pub mod sqlite_backup;
pub mod sqlite_blob;
pub mod sqlite_callbacks;
pub mod sqlite_engine;
pub mod sre_match;
pub mod sre_ops;
pub mod sre_subject;
pub mod stdin_read;
pub mod stdio_codec;
pub mod str_format;
pub mod structseq;
pub mod sys;
pub mod sys_frames;
pub mod sys_hooks;
pub mod sys_info;
pub mod sys_more;
pub mod termios_consts;
pub mod thread_extras;
mod time_calendar;
mod time_clocks;
pub mod types_bytearray;
pub mod types_bytes;
pub mod types_bytes_more;
pub mod types_bytes_text;
pub mod types_complex;
pub mod types_containers;
pub mod types_func;
pub mod types_gen;
pub mod types_memoryview;
pub mod types_num;
pub mod types_range;
pub mod types_sets;
pub mod types_str;
pub mod types_union;
pub mod unicode_errors;

use std::sync::Arc;

use crate::object::class::Class;
use crate::object::dict::Dict;
use crate::object::native::NativeObject;
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Runtime, Vm};

include!(concat!(env!("OUT_DIR"), "/frozen.rs"));

/// Adds a native function to a namespace dict.
/// The six rich-comparison methods and their operators, for the types that
/// define them all alike.
pub const RICH_COMPARISONS: [(&str, crate::parse::ast::CmpOp); 6] = {
    use crate::parse::ast::CmpOp;
    [
        ("__eq__", CmpOp::Eq),
        ("__ne__", CmpOp::NotEq),
        ("__lt__", CmpOp::Lt),
        ("__le__", CmpOp::LtE),
        ("__gt__", CmpOp::Gt),
        ("__ge__", CmpOp::GtE),
    ]
};

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

/// A read-only property `name` on `cls` whose getter is the native `getter`
/// (called with the instance as its one argument).
pub fn readonly_property(vm: &Vm, cls: &Arc<Class>, name: &str, getter: Value) {
    let p = crate::object::descr::Property::new(getter, Value::None, name, vm.rt.types.property.clone());
    cls.dict.set_item_str(name, Value::from_native(Arc::new(p)));
}

/// Adds a native method to a class. Called without `self` (`str.upper()`)
/// it raises CPython's TypeError, so no method body can find `pos` empty.
/// When the built-in type's method is in [`method_sigs`]'s table, a call
/// with a positional count outside its signature raises CPython's TypeError
/// before the body runs (unless `self` is of another type: the body's
/// "descriptor … doesn't apply" error comes first, as in CPython).
pub fn method(cls: &Arc<Class>, name: &str, f: impl Fn(&mut Vm, Args) -> PyResult + Send + Sync + 'static) {
    method_impl(cls, name, None, f);
}

/// [`method`] for a method the dispatch loop may run inline (see [`FastCall`]).
pub fn method_fast(
    cls: &Arc<Class>,
    name: &str,
    fast: crate::object::function::FastCall,
    f: impl Fn(&mut Vm, Args) -> PyResult + Send + Sync + 'static,
) {
    method_impl(cls, name, Some(fast), f);
}

fn method_impl(
    cls: &Arc<Class>,
    name: &str,
    fast: Option<crate::object::function::FastCall>,
    f: impl Fn(&mut Vm, Args) -> PyResult + Send + Sync + 'static,
) {
    let cls_name = cls.name().as_str().to_string();
    let needs_self = format!("descriptor '{name}' of '{cls_name}' object needs an argument");
    let sig = method_sigs::Sig::of(&cls_name, name);
    // Weak: the class's dict holds this function.
    let owner = Arc::downgrade(cls);
    let (mname, owner_name) = (name.to_string(), cls_name.clone());
    let body = move |vm: &mut Vm, a: Args| {
        if a.pos.is_empty() {
            return Err(vm.type_error(&needs_self));
        }
        if let Some(msg) = sig.and_then(|sig| sig.check(&cls_name, &mname, a.pos.len() - 1)) {
            let recv_cls = vm.class_of(&a.pos[0]);
            if owner.upgrade().is_some_and(|c| recv_cls.is_subclass(&c)) {
                return Err(vm.type_error(&msg));
            }
            // CPython checks `self` first.
            let got = vm.type_name(&a.pos[0]);
            return Err(vm.type_error(&types_str::descriptor_mismatch(&mname, &cls_name, &got)));
        }
        f(vm, a)
    };
    // The owner's name makes `repr(list.append)` CPython's `<method 'append' of 'list' objects>`.
    let func = crate::object::function::NativeFunction {
        name: Arc::from(name),
        func: Box::new(body),
        owner: Some(Arc::from(owner_name.as_str())),
        fast,
        module: Default::default(),
    };
    cls.dict.set_item_str(name, Value::Native(Arc::new(func)));
}

/// Fills the builtins dict and the built-in types' methods.
pub fn init(rt: &Runtime) {
    builtins_core::register(rt);
    for (name, cls) in &rt.types.exceptions {
        rt.builtins.set_item_str(name, Value::Class(cls.clone()));
    }
    // Python 2's names, still aliases of OSError in Python 3.
    for alias in ["IOError", "EnvironmentError"] {
        rt.builtins.set_item_str(alias, Value::Class(rt.types.exc("OSError")));
    }
    for f in EXTRA_INITS {
        f(rt);
    }
    // The built-in functions are module functions too: never bound on a class.
    let builtins: Arc<str> = Arc::from("builtins");
    for v in rt.builtins.lock().values() {
        if let Value::Native(f) = v {
            let _ = f.module.set(builtins.clone());
        }
    }
}

/// Registration hooks of the other built-in type/function files.
const EXTRA_INITS: &[fn(&Runtime)] = &[
    unicode_errors::register,
    builtins_more::register,
    builtins_async::register,
    types_str::register,
    types_bytes::register,
    types_bytearray::register,
    types_memoryview::register,
    types_range::register,
    file::register,
    types_containers::register,
    mod_thread::register,
    types_gen::register,
    mod_process::register,
    mod_asyncio::register,
    types_complex::register,
    types_union::register,
    types_union::register_class_getitem,
    types_func::register,
    builtin_attrs::register,
    object_reduce::register,
    crate::vm::frameobj::register,
    exc_group::register,
];

/// Creates a native module.
type ModuleInit = fn(&mut Vm) -> PyResult<Value>;

/// Every module implemented in Rust, by import name: the one registry that
/// `native_module` and `sys.builtin_module_names` read. A new native module
/// is one line here.
pub const NATIVE_MODULES: &[(&str, ModuleInit)] = &[
    ("_abc", mod_abc::create),
    ("_asyncio", mod_asyncio::create),
    ("_ast", mod_ast::create),
    ("_blake2", mod_hashes::create_blake2),
    ("_bz2", mod_bz2::create),
    ("_codecs", mod_codecs::create),
    ("_bisect", mod_bisect::create),
    ("_collections", mod_collections::create),
    ("_csv", mod_csv::create),
    ("_functools", mod_functools::create),
    ("_gilt_cjk", mod_cjk::create),
    ("_gilt_context", mod_gilt_context::create),
    ("_gilt_io", mod_gilt_io::create),
    ("_gilt_pickle", mod_pickle::create),
    ("_json", mod_json::create),
    ("_locale", mod_string_locale::create_locale),
    ("_lzma", mod_lzma::create),
    ("_md5", |vm| mod_hashes::create(vm, "_md5")),
    ("_mp", mod_process::create),
    ("_multiprocessing", mod_multiprocessing::create),
    ("_operator", mod_hashes::create_operator),
    ("_posixshmem", mod_multiprocessing::create_posixshmem),
    ("_posixsubprocess", mod_posixsubprocess::create),
    ("_random", mod_random::create),
    ("_sha1", |vm| mod_hashes::create(vm, "_sha1")),
    ("_sha256", |vm| mod_hashes::create(vm, "_sha256")),
    ("_sha3", |vm| mod_hashes::create(vm, "_sha3")),
    ("_sha512", |vm| mod_hashes::create(vm, "_sha512")),
    ("_signal", mod_signal::create),
    ("_socket", mod_socket::create),
    ("_sqlite3_engine", sqlite_engine::create),
    ("_sre", mod_sre::create),
    ("_string", mod_string_locale::create_string),
    ("_struct", mod_struct::create),
    ("_thread", mod_thread::create),
    ("_warnings", mod_warnings::create),
    ("_weakref", mod_weakref::create),
    ("array", mod_array::create),
    ("atexit", mod_atexit::create),
    ("binascii", mod_binascii::create),
    ("builtins", |vm| Ok(builtins_module(vm))),
    ("cmath", mod_cmath::create),
    ("errno", mod_errno::create),
    ("fcntl", mod_fcntl::create),
    ("gc", mod_gc::create),
    ("itertools", mod_itertools::create),
    ("marshal", mod_marshal::create),
    ("math", mod_math::create),
    ("mmap", mod_mmap::create),
    ("posix", mod_posix::create),
    ("pwd", mod_pwd::create),
    ("select", mod_select::create),
    ("termios", mod_termios::create),
    ("time", mod_time::create),
    ("unicodedata", mod_unicodedata::create),
    ("zlib", mod_zlib::create),
];

/// `sys.builtin_module_names`: the native modules and `sys`, sorted (CPython's
/// os.py looks for `posix` there).
pub fn builtin_module_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = NATIVE_MODULES.iter().map(|(n, _)| *n).chain(["sys"]).collect();
    names.sort_unstable();
    names
}

/// A module implemented in Rust, created on first import.
pub fn native_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    match NATIVE_MODULES.iter().find(|(n, _)| *n == name) {
        Some((_, create)) => {
            let module = create(vm)?;
            stamp_module_name(&module, name);
            Ok(Some(module))
        }
        None => Ok(None),
    }
}

/// Records `name` as the `__module__` of the built-in functions a native module just
/// created; functions it re-exports from a module created earlier keep their own.
pub(crate) fn stamp_module_name(module: &Value, name: &str) {
    let Value::Module(m) = module else { return };
    if name == "builtins" {
        return;
    }
    let name: Arc<str> = Arc::from(name);
    for v in m.dict.lock().values() {
        if let Value::Native(f) = v {
            let _ = f.module.set(name.clone());
        }
    }
}

/// Marks a native function as a built-in function rather than a method: the function a
/// built-in type's staticmethod wraps (`str.maketrans`) is, like a module's, never bound
/// when a class stores it (see `NativeFunction::is_module_function`).
pub(crate) fn not_a_descriptor(f: Value) -> Value {
    if let Value::Native(n) = &f {
        let _ = n.module.set(Arc::from("builtins"));
    }
    f
}

/// `builtins`: a module over the interpreter's builtins dict itself, so that
/// `builtins.print = f` changes what every module's `print` finds.
fn builtins_module(vm: &Vm) -> Value {
    let name: Arc<str> = Arc::from("builtins");
    Value::Module(Arc::new(crate::object::module::Module::new(name, vm.rt.builtins.clone())))
}

/// Attributes of Rust-implemented objects that are not methods.
pub fn native_attr(vm: &mut Vm, o: &Arc<dyn NativeObject>, name: &str) -> Option<Value> {
    crate::vm::frameobj::native_attr(vm, o, name)
}
