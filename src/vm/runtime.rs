//! The state every thread of one interpreter shares: built-in types, the
//! builtins and sys.modules dicts, the GIL and the configuration.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicUsize};

use parking_lot::Mutex;

use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::str::PyStr;
use crate::object::value::Value;

/// How gilt was started (from the command line).
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub argv: Vec<String>,
    /// Directory of the main script (first entry of sys.path).
    pub script_dir: String,
    pub gil_enabled: bool,
    pub stats: bool,
    pub interactive: bool,
    /// Set in a child process started by multiprocessing.
    pub mp_child: bool,
    /// How to start a worker child: gilt's flags for the child's command line.
    pub worker_argv: Vec<String>,
    /// `--profile` / `--profile-out`: the collector every thread's Vm registers with.
    pub profile: Option<Arc<crate::runtime::profile::Profiler>>,
    /// `-O` count: with 1 or more, asserts are not compiled and `__debug__` is False.
    pub optimize: u8,
    /// `-u` / PYTHONUNBUFFERED: sys.stdout is flushed after every write.
    pub unbuffered: bool,
    /// `-v` count (`sys.flags.verbose`): 1 traces imports on stderr, 2 also
    /// every file the importer tries.
    pub verbose: u8,
    /// `-b` count (`sys.flags.bytes_warning`): 1 or more makes `str()` of
    /// bytes and bytes/str equality issue `BytesWarning`.
    pub bytes_warning: u8,
}

/// The built-in classes, created once per runtime.
pub struct Types {
    pub object: Arc<Class>,
    pub type_: Arc<Class>,
    pub int: Arc<Class>,
    pub bool_: Arc<Class>,
    pub float: Arc<Class>,
    pub complex: Arc<Class>,
    /// `types.UnionType`: what `int | None` makes.
    pub union: Arc<Class>,
    pub str_: Arc<Class>,
    pub bytes: Arc<Class>,
    /// `bytearray` and `memoryview` (their objects are `Native2`, see `stdlib/types_bytearray.rs`).
    pub bytearray: Arc<Class>,
    pub memoryview: Arc<Class>,
    pub list: Arc<Class>,
    pub tuple: Arc<Class>,
    pub dict: Arc<Class>,
    pub set: Arc<Class>,
    pub frozenset: Arc<Class>,
    pub none: Arc<Class>,
    pub notimpl: Arc<Class>,
    pub ellipsis: Arc<Class>,
    pub function: Arc<Class>,
    pub builtin_function: Arc<Class>,
    pub method: Arc<Class>,
    /// A method of a built-in type looked up on the type (`list.append`), CPython's
    /// `method_descriptor`; a slot wrapper (`int.__add__`) is `wrapper_descriptor`, and
    /// bound to an object it is a `method-wrapper` (`(1).__add__`).
    pub method_descriptor: Arc<Class>,
    pub wrapper_descriptor: Arc<Class>,
    /// A class method of a built-in type in its `__dict__` (`dict.__dict__['fromkeys']`):
    /// a `ClassMethod` of this class (see `types_num::classmethod`).
    pub classmethod_descriptor: Arc<Class>,
    pub method_wrapper: Arc<Class>,
    pub module: Arc<Class>,
    pub generator: Arc<Class>,
    pub coroutine: Arc<Class>,
    pub async_generator: Arc<Class>,
    pub range: Arc<Class>,
    pub slice: Arc<Class>,
    pub code: Arc<Class>,
    /// Closure cells (`types.CellType`).
    pub cell: Arc<Class>,
    /// Slots of `__slots__` on their class (`types.MemberDescriptorType`).
    pub member_descriptor: Arc<Class>,
    /// `getset_descriptor`: computed data attributes of built-in types, and
    /// the `__dict__`/`__weakref__` of a class that adds them.
    pub getset_descriptor: Arc<Class>,
    pub iterator: Arc<Class>,
    pub property: Arc<Class>,
    pub staticmethod: Arc<Class>,
    pub classmethod: Arc<Class>,
    pub super_: Arc<Class>,
    pub dict_keys: Arc<Class>,
    pub dict_values: Arc<Class>,
    pub dict_items: Arc<Class>,
    /// `frame` and `traceback` objects (`vm/frameobj.rs`).
    pub frame: Arc<Class>,
    pub traceback: Arc<Class>,
    /// Every built-in exception class by name.
    pub exceptions: HashMap<&'static str, Arc<Class>>,
    /// One class per kind of built-in iterator (list_iterator, map, zip, …).
    pub iterators: HashMap<&'static str, Arc<Class>>,
}

/// Creates a built-in class.
pub fn new_builtin_class(name: &str, bases: &[Arc<Class>], layout: Layout) -> Arc<Class> {
    builtin_class_with(name, bases, layout, Default::default())
}

/// A built-in class whose special methods the VM honours on its instances
/// as it does a Python class's (see [`ClassExtra::native_overrides`]):
/// `collections.deque`, `defaultdict`.
pub fn new_overriding_builtin_class(name: &str, bases: &[Arc<Class>], layout: Layout) -> Arc<Class> {
    let extra = crate::object::class::ClassExtra { native_overrides: true, ..Default::default() };
    builtin_class_with(name, bases, layout, extra)
}

fn builtin_class_with(
    name: &str,
    bases: &[Arc<Class>],
    layout: Layout,
    extra: crate::object::class::ClassExtra,
) -> Arc<Class> {
    let mro = crate::vm::class_build::c3_mro_of_bases(bases).unwrap_or_else(|_| bases.to_vec());
    let n = Arc::new(PyStr::new(name));
    let cls = Arc::new(Class {
        name: Mutex::new(n.clone()),
        qualname: Mutex::new(n),
        bases: crate::object::swap::SwapCell::new(bases.to_vec()),
        mro: crate::object::swap::SwapCell::new(mro),
        dict: Arc::new(Dict::new()),
        metaclass: None,
        layout,
        builtin: true,
        flags: std::sync::atomic::AtomicU32::new(crate::object::class::class_flags::UNKNOWN),
        tag: crate::object::class::Class::new_tag(),
        finalizers: Default::default(),
        extra,
    });
    for b in bases {
        b.extra.subclasses.lock().push(Arc::downgrade(&cls));
    }
    cls
}

/// The exception hierarchy, parent before child: (name, parent).
pub const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
];

impl Types {
    pub fn new() -> Types {
        // `object()` itself carries no `__dict__` and takes no weak
        // references (its subclasses get both, see class_build.rs).
        let bare = crate::object::class::ClassExtra { no_dict: true, no_weakref: true, ..Default::default() };
        let object = builtin_class_with("object", &[], Layout::Object, bare);
        let c = |name: &str, layout: Layout| new_builtin_class(name, std::slice::from_ref(&object), layout);
        let int = c("int", Layout::Int);
        let bool_ = new_builtin_class("bool", std::slice::from_ref(&int), Layout::Opaque);
        let mut exceptions: HashMap<&'static str, Arc<Class>> = HashMap::new();
        for (name, parent) in EXCEPTIONS {
            let base = if parent.is_empty() { object.clone() } else { exceptions[parent].clone() };
            exceptions.insert(name, new_builtin_class(name, &[base], Layout::Exception));
        }
        // PEP 654's groups: ExceptionGroup derives from both of these.
        let beg = new_builtin_class("BaseExceptionGroup", &[exceptions["BaseException"].clone()], Layout::Exception);
        let eg =
            new_builtin_class("ExceptionGroup", &[beg.clone(), exceptions["Exception"].clone()], Layout::Exception);
        exceptions.insert("BaseExceptionGroup", beg);
        exceptions.insert("ExceptionGroup", eg);
        // The iterator types that are also built-in names can be subclassed
        // (`class E(enumerate)`): their `__new__` builds subclass instances.
        let iter_layout = |n: &str| match n {
            "enumerate" | "zip" | "map" | "filter" | "reversed" => Layout::NativeNew,
            _ => Layout::Opaque,
        };
        let iterators = crate::object::iter::ITER_TYPE_NAMES.iter().map(|n| (*n, c(n, iter_layout(n)))).collect();
        Types {
            iterators,
            type_: c("type", Layout::NativeNew),
            int,
            bool_,
            float: c("float", Layout::Float),
            complex: c("complex", Layout::Float),
            union: c("UnionType", Layout::Opaque),
            str_: c("str", Layout::Str),
            bytes: c("bytes", Layout::Bytes),
            bytearray: c("bytearray", Layout::NativeNew),
            memoryview: c("memoryview", Layout::Opaque),
            list: c("list", Layout::List),
            tuple: c("tuple", Layout::Tuple),
            dict: c("dict", Layout::Dict),
            set: c("set", Layout::Set),
            frozenset: c("frozenset", Layout::FrozenSet),
            none: c("NoneType", Layout::Opaque),
            notimpl: c("NotImplementedType", Layout::Opaque),
            ellipsis: c("ellipsis", Layout::Opaque),
            function: c("function", Layout::Opaque),
            builtin_function: c("builtin_function_or_method", Layout::Opaque),
            method: c("method", Layout::Opaque),
            method_descriptor: c("method_descriptor", Layout::Opaque),
            wrapper_descriptor: c("wrapper_descriptor", Layout::Opaque),
            classmethod_descriptor: c("classmethod_descriptor", Layout::Opaque),
            method_wrapper: c("method-wrapper", Layout::Opaque),
            module: c("module", Layout::Opaque),
            generator: c("generator", Layout::Opaque),
            coroutine: c("coroutine", Layout::Opaque),
            async_generator: c("async_generator", Layout::Opaque),
            range: c("range", Layout::Opaque),
            slice: c("slice", Layout::Opaque),
            code: c("code", Layout::Opaque),
            cell: c("cell", Layout::Opaque),
            member_descriptor: c("member_descriptor", Layout::Opaque),
            getset_descriptor: c("getset_descriptor", Layout::Opaque),
            iterator: c("iterator", Layout::Opaque),
            property: c("property", Layout::NativeNew),
            staticmethod: c("staticmethod", Layout::NativeNew),
            classmethod: c("classmethod", Layout::NativeNew),
            super_: c("super", Layout::Opaque),
            dict_keys: c("dict_keys", Layout::Opaque),
            dict_values: c("dict_values", Layout::Opaque),
            dict_items: c("dict_items", Layout::Opaque),
            frame: c("frame", Layout::Opaque),
            traceback: c("traceback", Layout::Opaque),
            exceptions,
            object,
        }
    }

    pub fn exc(&self, name: &str) -> Arc<Class> {
        self.exceptions.get(name).cloned().unwrap_or_else(|| self.exceptions["Exception"].clone())
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}

/// An interned name, found in the table by its text: hashed and compared as
/// the `str` it holds (a separate `String` key doubled every name's memory).
struct Interned(Arc<PyStr>);

impl std::hash::Hash for Interned {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::hash::Hash::hash(self.0.as_str(), state);
    }
}

impl PartialEq for Interned {
    fn eq(&self, other: &Interned) -> bool {
        self.0.as_str() == other.0.as_str()
    }
}

impl Eq for Interned {}

impl std::borrow::Borrow<str> for Interned {
    fn borrow(&self) -> &str {
        self.0.as_str()
    }
}

/// Frequently looked-up names, hashed once.
pub struct Names {
    pub init: Arc<PyStr>,
    pub new: Arc<PyStr>,
    pub call: Arc<PyStr>,
}

/// Everything the threads of one interpreter share.
pub struct Runtime {
    pub types: Types,
    pub names: Names,
    pub builtins: Arc<Dict>,
    /// sys.modules
    pub modules: Arc<Dict>,
    pub config: Config,
    /// Source text of every file compiled, for tracebacks.
    pub sources: super::source_lines::SourceTable,
    pub recursion_limit: AtomicUsize,
    /// The GIL (shared by all threads of this interpreter).
    pub gil: Arc<crate::runtime::gil::Gil>,
    /// Interned attribute and global names (hashbrown's foldhash hasher:
    /// `intern` runs on many call paths, and SipHash showed in profiles),
    /// looked up by their text, which each name holds once.
    interned: Mutex<hashbrown::HashSet<Interned>>,
    pub next_thread_ident: AtomicI64,
    /// Threads started with `thread()`/`_thread` that are still running.
    pub live_threads: Mutex<Vec<std::thread::JoinHandle<()>>>,
    /// Cache of compiled modules embedded in the binary.
    pub frozen_cache: Mutex<HashMap<String, Arc<crate::bytecode::CodeObject>>>,
    /// Count of `Thread-N` names handed out (mirrors threading's counter).
    pub sys_module: Mutex<Option<Value>>,
    /// Threads blocked on locks/joins, for deadlock detection.
    pub deadlocks: crate::runtime::deadlock::Registry,
    /// Every thread's published stack (`sys._current_frames`).
    pub thread_frames: super::thread_frames::ThreadFrames,
    /// Callables of `os.register_at_fork` (stdlib/posix_fork.rs).
    pub at_fork: crate::stdlib::posix_fork::AtFork,
    /// multiprocessing's per-runtime state.
    pub mp: crate::stdlib::mod_process::MpState,
    /// Per-module import locks (a thread importing a module another thread is initialising waits).
    pub imports: crate::vm::import_lock::ImportLocks,
    /// The code of the placeholder frame every thread's VM starts with.
    pub empty_code: Arc<crate::bytecode::CodeObject>,
    /// Objects waiting for their `__del__` or generator close (object/finalize.rs).
    pub finalizers: Arc<crate::object::finalize::Finalizers>,
    /// The cycle collector's registry and switches (`vm/gc_collect.rs`).
    pub gc: super::gc_collect::GcState,
    /// Files still open, flushed at exit (stdlib/file.rs).
    pub open_files: crate::stdlib::file::OpenFiles,
    /// Functions registered with `atexit` (stdlib/mod_atexit.rs).
    pub atexit: crate::stdlib::mod_atexit::Callbacks,
    /// The codec registry (stdlib/mod_codecs.rs).
    pub codecs: crate::stdlib::mod_codecs::Registry,
    /// Python-level signal handlers (stdlib/mod_signal.rs).
    pub signals: crate::stdlib::mod_signal::Handlers,
    /// asyncio tasks created so far, for their `Task-N` names (one count per
    /// process, as CPython's, so names stay unique across `asyncio.run`s).
    pub asyncio_task_counter: std::sync::atomic::AtomicU64,
    /// A write to the standard output failed and was raised (`sys.rs`): the
    /// flush at exit then fails quietly instead of reporting it again.
    pub stdout_failed: std::sync::atomic::AtomicBool,
    /// Read-ahead of the process's stdin (stdlib/stdin_read.rs).
    pub stdin: crate::stdlib::stdin_read::StdinBuf,
    /// The standard streams' encodings and error handlers (stdlib/stdio_codec.rs).
    pub stdio: crate::stdlib::stdio_codec::StdioCodec,
}

impl Runtime {
    pub fn new(config: Config, gil: Arc<crate::runtime::gil::Gil>) -> Runtime {
        Runtime {
            types: Types::new(),
            names: Names {
                init: Arc::new(PyStr::new("__init__")),
                new: Arc::new(PyStr::new("__new__")),
                call: Arc::new(PyStr::new("__call__")),
            },
            builtins: Arc::new(Dict::new()),
            modules: Arc::new(Dict::new()),
            config,
            sources: Default::default(),
            recursion_limit: AtomicUsize::new(1000),
            gil: gil.clone(),
            interned: Mutex::new(hashbrown::HashSet::new()),
            next_thread_ident: AtomicI64::new(1),
            live_threads: Mutex::new(Vec::new()),
            frozen_cache: Mutex::new(HashMap::new()),
            sys_module: Mutex::new(None),
            deadlocks: Default::default(),
            thread_frames: Default::default(),
            at_fork: Default::default(),
            mp: Default::default(),
            imports: Default::default(),
            empty_code: Arc::new(crate::compile::codegen::empty_code()),
            finalizers: crate::object::finalize::Finalizers::new(gil.clone()),
            gc: Default::default(),
            open_files: Default::default(),
            atexit: Default::default(),
            codecs: Default::default(),
            signals: Default::default(),
            asyncio_task_counter: Default::default(),
            stdout_failed: Default::default(),
            stdin: Default::default(),
            stdio: Default::default(),
        }
    }

    /// `sys.intern(s)`: the interned string equal to `s`, which becomes
    /// the interned one when there is none yet.
    pub fn intern_arc(&self, s: &Arc<PyStr>) -> Arc<PyStr> {
        let mut m = self.interned.lock();
        if let Some(v) = m.get(s.as_str()) {
            return v.0.clone();
        }
        m.insert(Interned(s.clone()));
        s.clone()
    }

    /// The shared `Arc<PyStr>` for a name.
    pub fn intern(&self, s: &str) -> Arc<PyStr> {
        let mut m = self.interned.lock();
        if let Some(v) = m.get(s) {
            return v.0.clone();
        }
        let v = Arc::new(PyStr::new(s));
        m.insert(Interned(v.clone()));
        v
    }

    pub fn add_source(&self, filename: &str, text: &str) {
        self.sources.add(filename, text);
    }

    /// Line `line` (1-based) of `filename`, as compiled.
    pub fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        self.sources.line(filename, line)
    }
}
