//! The `sys` module and the standard streams.

use std::io::Write;
use std::sync::Arc;

use super::def;
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::runtime::gil::BlockKind;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{PyResult, Runtime, Vm};

/// sys.stdin / sys.stdout / sys.stderr (text) and their `buffer`s (binary):
/// writes go straight to the process's fd through Rust's handles, so text
/// and binary writes keep their order.
pub struct StdStream {
    pub fd: u8,
    pub class: Arc<Class>,
}

crate::object::native::impl_native_object!(StdStream);

fn stream_of(v: &Value) -> Option<u8> {
    match v {
        Value::Native2(o) => o.as_any().downcast_ref::<StdStream>().map(|s| s.fd),
        _ => None,
    }
}

/// True for one of the process's own standard streams writing UTF-8 (the
/// text's own bytes, so one write of many pieces is the same as many).
pub fn is_utf8_std_stream(vm: &Vm, v: &Value) -> bool {
    stream_of(v).is_some_and(|fd| vm.rt.stdio.is_utf8(fd))
}

/// True for one of the process's own standard streams (not a replacement
/// such as a StringIO or a file assigned to `sys.stdin`).
pub fn is_std_stream(v: &Value) -> bool {
    stream_of(v).is_some()
}

fn fd_isatty(fd: u8) -> bool {
    // SAFETY: isatty only queries the descriptor.
    unsafe { libc::isatty(fd as i32) == 1 }
}

/// The attributes CPython's `TextIOWrapper`s of the standard streams have.
fn add_text_attrs(rt: &Runtime, cls: &Arc<Class>) {
    use super::types_num::prop;
    let fd = |a: &crate::vm::Args| a.pos.first().and_then(stream_of).unwrap_or(1);
    prop(rt, cls, "name", move |_vm, a| Ok(Value::str(["<stdin>", "<stdout>", "<stderr>"][fd(&a) as usize % 3])));
    prop(rt, cls, "mode", move |_vm, a| Ok(Value::str(if fd(&a) == 0 { "r" } else { "w" })));
    prop(rt, cls, "encoding", move |vm, a| Ok(Value::str(&vm.rt.stdio.get(fd(&a)).0)));
    prop(rt, cls, "errors", move |vm, a| Ok(Value::str(&vm.rt.stdio.get(fd(&a)).1)));
    prop(rt, cls, "line_buffering", move |_vm, a| {
        let fd = fd(&a);
        Ok(Value::Bool(fd == 2 || (fd == 1 && fd_isatty(1))))
    });
    prop(rt, cls, "write_through", |vm, _a| Ok(Value::Bool(vm.rt.config.unbuffered)));
    prop(rt, cls, "newlines", |_vm, _a| Ok(Value::None));
    prop(rt, cls, "closed", |_vm, _a| Ok(Value::Bool(false)));
    def(&cls.dict, "readable", move |_vm, a| Ok(Value::Bool(fd(&a) == 0)));
    def(&cls.dict, "writable", move |_vm, a| Ok(Value::Bool(fd(&a) != 0)));
    def(&cls.dict, "seekable", |_vm, _a| Ok(Value::Bool(false)));
    def(&cls.dict, "isatty", move |_vm, a| Ok(Value::Bool(fd_isatty(fd(&a)))));
    add_context_manager(cls);
    def(&cls.dict, "__repr__", move |vm, a| {
        let fd = fd(&a);
        let (name, mode) = [("<stdin>", "r"), ("<stdout>", "w"), ("<stderr>", "w")][fd as usize % 3];
        let enc = vm.rt.stdio.get(fd).0;
        Ok(Value::string(format!("<_io.TextIOWrapper name='{name}' mode='{mode}' encoding='{enc}'>")))
    });
    // The encoding and error handler change what later writes produce
    // (stdio_codec.rs); the other settings are accepted as CPython's are
    // (keyword-only, known names) and change nothing.
    def(&cls.dict, "reconfigure", move |vm, a| {
        if a.pos.len() > 1 {
            return Err(vm.type_error("reconfigure() takes no positional arguments"));
        }
        let (mut encoding, mut errors) = (None, None);
        for (k, v) in &a.kw {
            match k.as_str() {
                "encoding" if !v.is_none() => {
                    let codecs = vm.import_name("codecs", 0, true)?;
                    vm.call_method(&codecs, "lookup", vec![v.clone()])?;
                    encoding = Some(vm.str_of(v)?);
                }
                "errors" if !v.is_none() => errors = Some(vm.str_of(v)?),
                "encoding" | "errors" | "newline" | "line_buffering" | "write_through" => {}
                other => {
                    return Err(vm.type_error(&format!("'{other}' is an invalid keyword argument for reconfigure()")));
                }
            }
        }
        vm.rt.stdio.set(fd(&a), encoding, errors);
        Ok(Value::None)
    });
}

/// `with sys.stdin:` (CPython's IOBase): the stream itself, then its
/// `close()` (which the standard streams ignore, keeping the process's
/// descriptors usable).
fn add_context_manager(cls: &Arc<Class>) {
    def(&cls.dict, "__enter__", |_vm, a| Ok(a.pos[0].clone()));
    def(&cls.dict, "__exit__", |vm, a| {
        vm.call_method(&a.pos[0], "close", vec![])?;
        Ok(Value::None)
    });
}

/// Writes to the standard output (`fd` 1) or error (2). A failure of the
/// standard output is returned, as CPython raises it (`BrokenPipeError` under
/// `| head`, `OSError` on a full disk); one of the standard error is dropped,
/// since nothing could report it.
fn write_std(fd: u8, data: &[u8], flush: bool) -> std::io::Result<()> {
    if fd == 2 {
        let _ = std::io::stderr().lock().write_all(data);
        return Ok(());
    }
    let mut out = std::io::stdout().lock();
    out.write_all(data)?;
    if flush {
        out.flush()?;
    }
    Ok(())
}

/// Flushes the standard output (`fd` 1) or error (2), as `write_std`.
fn flush_std(fd: u8) -> std::io::Result<()> {
    if fd == 2 {
        let _ = std::io::stderr().flush();
        return Ok(());
    }
    std::io::stdout().flush()
}

/// The exception for a failed write to the standard output; marks it so the
/// flush at exit does not report the same failure again.
fn stdout_error(vm: &mut Vm, e: &std::io::Error) -> crate::vm::PyErr {
    vm.rt.stdout_failed.store(true, std::sync::atomic::Ordering::Relaxed);
    super::file::os_error(vm, e, None)
}

/// The binary streams under the text ones (`sys.stdout.buffer`).
fn buffer_class(rt: &Runtime, name: &str) -> Arc<Class> {
    use super::types_num::prop;
    let cls = new_builtin_class(name, std::slice::from_ref(&rt.types.object), Layout::Opaque);
    cls.dict.set_item_str("__module__", Value::str("_io"));
    let fd = |a: &crate::vm::Args| a.pos.first().and_then(stream_of).unwrap_or(1);
    def(&cls.dict, "write", move |vm, a| {
        let fd = fd(&a);
        let Some(v) = a.pos.get(1) else { return Err(vm.type_error("write() takes exactly one argument (0 given)")) };
        let data = super::buffer::require_bytes(vm, v)?;
        let r = vm.allow_threads(BlockKind::Io, || write_std(fd, &data, false));
        r.map_err(|e| stdout_error(vm, &e))?;
        Ok(Value::Int(data.len() as i64))
    });
    def(&cls.dict, "flush", move |vm, a| {
        flush_std(fd(&a)).map_err(|e| stdout_error(vm, &e))?;
        Ok(Value::None)
    });
    // Through the same read-ahead buffer as the text layer (what one read
    // takes the other does not see again), interruptible by Ctrl-C, and
    // `read(n)` waits for n bytes or the end as BufferedReader does: a pipe
    // hands them over in pieces.
    def(&cls.dict, "read", |vm, a| {
        let n = match a.pos.get(1) {
            Some(Value::None) | None => -1,
            Some(v) => vm.index_of(v)?,
        };
        let data = if n < 0 { super::stdin_read::read_all(vm)? } else { super::stdin_read::read_n(vm, n as usize)? };
        Ok(Value::Bytes(Arc::new(data)))
    });
    def(&cls.dict, "readline", |vm, _a| Ok(Value::Bytes(Arc::new(super::stdin_read::read_line(vm)?))));
    def(&cls.dict, "fileno", move |_vm, a| Ok(Value::Int(fd(&a) as i64)));
    def(&cls.dict, "isatty", move |_vm, a| Ok(Value::Bool(fd_isatty(fd(&a)))));
    def(&cls.dict, "readable", move |_vm, a| Ok(Value::Bool(fd(&a) == 0)));
    def(&cls.dict, "writable", move |_vm, a| Ok(Value::Bool(fd(&a) != 0)));
    def(&cls.dict, "seekable", |_vm, _a| Ok(Value::Bool(false)));
    def(&cls.dict, "close", |_vm, _a| Ok(Value::None));
    add_context_manager(&cls);
    prop(rt, &cls, "name", move |_vm, a| Ok(Value::str(["<stdin>", "<stdout>", "<stderr>"][fd(&a) as usize % 3])));
    prop(rt, &cls, "mode", move |_vm, a| Ok(Value::str(if fd(&a) == 0 { "rb" } else { "wb" })));
    prop(rt, &cls, "closed", |_vm, _a| Ok(Value::Bool(false)));
    let n = name.to_string();
    def(&cls.dict, "__repr__", move |_vm, a| {
        let name = ["<stdin>", "<stdout>", "<stderr>"][fd(&a) as usize % 3];
        Ok(Value::string(format!("<_io.{n} name='{name}'>")))
    });
    cls
}

/// Creates the sys module and registers it in sys.modules.
pub fn create(rt: &Arc<Runtime>) -> Value {
    let d = Arc::new(Dict::new());
    let stream_cls = new_builtin_class("TextIOWrapper", std::slice::from_ref(&rt.types.object), Layout::Opaque);
    def(&stream_cls.dict, "write", |vm, a| {
        let fd = stream_of(&a.pos[0]).unwrap_or(1);
        let s = match a.pos.get(1) {
            Some(Value::Str(s)) => s.clone(),
            Some(other) => {
                let tn = vm.type_name(other);
                return Err(vm.type_error(&format!("write() argument must be str, not {tn}")));
            }
            None => return Err(vm.type_error("write() takes exactly one argument (0 given)")),
        };
        let n = s.char_len();
        let unbuffered = vm.rt.config.unbuffered;
        let rt = vm.rt.clone();
        let data = rt.stdio.encode(vm, fd, s.as_str())?;
        let r = vm.allow_threads(BlockKind::Io, || write_std(fd, &data, unbuffered));
        r.map_err(|e| stdout_error(vm, &e))?;
        Ok(Value::Int(n as i64))
    });
    def(&stream_cls.dict, "flush", |vm, a| {
        flush_std(stream_of(&a.pos[0]).unwrap_or(1)).map_err(|e| stdout_error(vm, &e))?;
        Ok(Value::None)
    });
    def(&stream_cls.dict, "fileno", |_vm, a| Ok(Value::Int(stream_of(&a.pos[0]).unwrap_or(1) as i64)));
    add_stdin_methods(&stream_cls);
    add_text_attrs(rt, &stream_cls);
    // `with sys.stdout as out:` (json.tool, argparse.FileType('-')): a context
    // manager like every file; leaving it calls `close()`.
    def(&stream_cls.dict, "__enter__", |_vm, a| Ok(a.pos[0].clone()));
    def(&stream_cls.dict, "__exit__", |vm, a| {
        let close = vm.get_attr_str(&a.pos[0], "close")?;
        if let Some(close) = close {
            vm.call(&close, vec![])?;
        }
        Ok(Value::None)
    });
    let writer_cls = buffer_class(rt, "BufferedWriter");
    let reader_cls = buffer_class(rt, "BufferedReader");
    // One binary stream per descriptor, as CPython's: `sys.stdin.buffer is
    // sys.stdin.buffer` (argparse's FileType('rb') hands out this object).
    let buffers: Vec<Value> = (0..3u8)
        .map(|fd| {
            let class = if fd == 0 { reader_cls.clone() } else { writer_cls.clone() };
            Value::from_native(Arc::new(StdStream { fd, class }))
        })
        .collect();
    super::types_num::prop(rt, &stream_cls, "buffer", move |_vm, a| {
        let fd = a.pos.first().and_then(stream_of).unwrap_or(1);
        Ok(buffers[usize::from(fd.min(2))].clone())
    });
    stream_cls.dict.set_item_str("__module__", Value::str("_io"));
    let mk = |fd: u8| Value::from_native(Arc::new(StdStream { fd, class: stream_cls.clone() }));
    d.set_item_str("stdin", mk(0));
    d.set_item_str("__stdin__", mk(0));
    d.set_item_str("stdout", mk(1));
    d.set_item_str("stderr", mk(2));
    d.set_item_str("__stdout__", mk(1));
    d.set_item_str("__stderr__", mk(2));
    d.set_item_str("__name__", Value::str("sys"));
    let argv: Vec<Value> = rt.config.argv.iter().map(|a| Value::str(a)).collect();
    d.set_item_str("argv", Value::list(argv));
    d.set_item_str(
        "path",
        Value::list(vec![Value::str(&rt.config.script_dir), Value::str(super::cpython_lib::LIB_ROOT)]),
    );
    d.set_item_str("warnoptions", Value::list(vec![]));
    // The command line overrides it (-B); spawned workers and embedders keep this default.
    d.set_item_str("dont_write_bytecode", Value::Bool(false));
    d.set_item_str("pycache_prefix", Value::None);
    d.set_item_str("modules", Value::Dict(rt.modules.clone()));
    // The import hooks: gilt's own importer stands for CPython's three standard finders
    // (importlib puts them in `meta_path` once it is imported); what a script adds here is
    // consulted by vm/import.rs, in order (see `_imp._gilt_hook_find`).
    d.set_item_str("meta_path", Value::list(vec![]));
    d.set_item_str("path_hooks", Value::list(vec![]));
    d.set_item_str("path_importer_cache", Value::Dict(Arc::new(Dict::new())));
    d.set_item_str("version", Value::string(crate::cli_args::sys_version()));
    let vi = [Value::Int(3), Value::Int(11), Value::Int(7), Value::str("final"), Value::Int(0)];
    let vi_fields = &["major", "minor", "micro", "releaselevel", "serial"];
    d.set_item_str("version_info", struct_seq(rt, "sys", "version_info", vi_fields, vi.to_vec()));
    d.set_item_str("platform", Value::str(std::env::consts::OS));
    d.set_item_str("byteorder", Value::str("little"));
    d.set_item_str("maxsize", Value::Int(i64::MAX));
    let real = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default();
    // `venv` copies or links `_base_executable`: the real binary.
    d.set_item_str("_base_executable", Value::str(&real));
    // As CPython's getpath: the path gilt was started by, symlinks not
    // resolved, so `site` finds the pyvenv.cfg of a venv's `bin/python`.
    d.set_item_str("executable", Value::string(executable_path().unwrap_or(real)));
    let names = super::builtin_module_names().into_iter().map(Value::str).collect();
    d.set_item_str("builtin_module_names", Value::tuple(names));
    def(&d, "exit", |vm, a| {
        let cls = vm.rt.types.exc("SystemExit");
        Err(vm.new_exception(&cls, a.pos.into_iter().take(1).collect()))
    });
    // Tests only (tests/cli.rs): a way to make gilt panic, to check that a
    // panic reaches the script as SystemError. Absent unless asked for.
    if std::env::var_os("GILT_TEST_PANIC").is_some() {
        def(&d, "_gilt_test_panic", |_vm, a| {
            let msg = match a.pos.first() {
                Some(Value::Str(s)) => s.as_str().to_string(),
                _ => "test panic".to_string(),
            };
            panic!("{msg}");
        });
    }
    super::sys_hooks::install(&d);
    super::sys_hooks::install_unraisable(&d);
    def(&d, "getrecursionlimit", |vm, _a| {
        Ok(Value::Int(vm.rt.recursion_limit.load(std::sync::atomic::Ordering::Relaxed) as i64))
    });
    def(&d, "setrecursionlimit", |vm, a| {
        a.check(vm, "sys.setrecursionlimit", 1, 1)?;
        let n = vm.index_of(&a.pos[0])?;
        if n < 1 {
            return Err(vm.value_error("recursion limit must be greater or equal than 1"));
        }
        vm.rt.recursion_limit.store(n as usize, std::sync::atomic::Ordering::Relaxed);
        Ok(Value::None)
    });
    def(&d, "getswitchinterval", |vm, _a| Ok(Value::Float(vm.rt.gil.switch_interval().as_secs_f64())));
    def(&d, "setswitchinterval", |vm, a| {
        a.check(vm, "sys.setswitchinterval", 1, 1)?;
        if matches!(&a.pos[0], Value::Str(_) | Value::Bytes(_)) {
            let tn = vm.type_name(&a.pos[0]);
            return Err(vm.type_error(&format!("must be real number, not {tn}")));
        }
        let s = vm.to_float(&a.pos[0])?;
        if s <= 0.0 {
            return Err(vm.value_error("switch interval must be strictly positive"));
        }
        // A NaN or a huge interval: the longest one (CPython stores a NaN
        // as its largest value too).
        let d = std::time::Duration::try_from_secs_f64(s).unwrap_or(std::time::Duration::from_secs(9_223_372_036));
        vm.rt.gil.set_switch_interval(d);
        Ok(Value::None)
    });
    def(&d, "_is_gil_enabled", |vm, _a| Ok(Value::Bool(vm.rt.gil.enabled())));
    def(&d, "exc_info", |vm, _a| Ok(exc_info(vm)));
    def(&d, "exception", |vm, _a| Ok(vm.current_handled().unwrap_or(Value::None)));
    super::sys_frames::register(&d);
    def(&d, "intern", |vm, a| {
        a.check(vm, "sys.intern", 1, 1)?;
        match &a.pos[0] {
            Value::Str(s) => Ok(Value::Str(vm.rt.intern_arc(s))),
            Value::Instance(i) if matches!(&i.payload, crate::object::class::Payload::Builtin(Value::Str(_))) => {
                let tn = vm.type_name(&a.pos[0]);
                Err(vm.type_error(&format!("can't intern {tn}")))
            }
            other => {
                let tn = vm.type_name(other);
                Err(vm.type_error(&format!("intern() argument must be str, not {tn}")))
            }
        }
    });
    def(&d, "getsizeof", |_vm, _a| Ok(Value::Int(64)));
    def(&d, "getdefaultencoding", |_vm, _a| Ok(Value::str("utf-8")));
    super::sys_info::add(rt, &d);
    super::sys_more::add(rt, &d);
    // No audit hooks: os.walk, shutil, tempfile… report events to nobody.
    def(&d, "audit", |vm, a| {
        if a.pos.is_empty() {
            return Err(vm.type_error("audit() missing 1 required positional argument: 'event'"));
        }
        Ok(Value::None)
    });
    let m = Value::Module(Arc::new(Module::new(Arc::from("sys"), d)));
    super::stamp_module_name(&m, "sys");
    rt.modules.set_item_str("sys", m.clone());
    m
}

/// Reads one line from the process's stdin with the GIL released ("" at EOF).
fn read_stdin_line(vm: &mut Vm) -> PyResult<String> {
    let line = super::stdin_read::read_line(vm)?;
    vm.rt.clone().stdio.decode(vm, &line)
}

/// Reading methods of sys.stdin (the same class serves the three streams).
fn add_stdin_methods(cls: &Arc<Class>) {
    def(&cls.dict, "readline", |vm, _a| Ok(Value::string(read_stdin_line(vm)?)));
    def(&cls.dict, "readlines", |vm, _a| {
        let mut lines = Vec::new();
        loop {
            let l = read_stdin_line(vm)?;
            if l.is_empty() {
                return Ok(Value::list(lines));
            }
            lines.push(Value::string(l));
        }
    });
    def(&cls.dict, "read", |vm, a| {
        let n = match a.pos.get(1) {
            Some(Value::None) | None => -1,
            Some(v) => vm.index_of(v)?,
        };
        let data = if n < 0 { super::stdin_read::read_all(vm)? } else { super::stdin_read::read_n(vm, n as usize)? };
        Ok(Value::string(vm.rt.clone().stdio.decode(vm, &data)?))
    });
    def(&cls.dict, "__iter__", |_vm, a| Ok(a.pos[0].clone()));
    def(&cls.dict, "__next__", |vm, _a| {
        let l = read_stdin_line(vm)?;
        if l.is_empty() { Err(vm.stop_iteration(None)) } else { Ok(Value::string(l)) }
    });
    def(&cls.dict, "close", |_vm, _a| Ok(Value::None));
}

fn exc_info(vm: &mut Vm) -> Value {
    let e = vm.current_handled();
    exc_info_of(vm, e)
}

/// The `(type, value, traceback)` triple of a handled exception (all None
/// when there is none).
pub fn exc_info_of(vm: &mut Vm, handled: Option<Value>) -> Value {
    match handled {
        Some(e) => {
            let cls = Value::Class(vm.class_of(&e));
            let tb = match &e {
                Value::Instance(i) => i.exc().map(|s| vm.exc_traceback(s)).unwrap_or(Value::None),
                _ => Value::None,
            };
            Value::tuple(vec![cls, e, tb])
        }
        None => Value::tuple(vec![Value::None, Value::None, Value::None]),
    }
}

/// A CPython "struct sequence" (`sys.version_info`): an instance of a tuple
/// subclass `module.name` whose items are also readable as `fields`.
pub fn struct_seq(rt: &Runtime, module: &str, name: &str, fields: &'static [&'static str], items: Vec<Value>) -> Value {
    use crate::object::class::{Instance, Payload};
    use crate::object::str::PyStr;
    use crate::stdlib::types_containers::builtin_of;
    let t = &rt.types;
    let pname = Arc::new(PyStr::new(name));
    let cls = Arc::new(Class {
        name: parking_lot::Mutex::new(pname.clone()),
        qualname: parking_lot::Mutex::new(pname),
        bases: crate::object::swap::SwapCell::new(vec![t.tuple.clone()]),
        mro: crate::object::swap::SwapCell::new(vec![t.tuple.clone(), t.object.clone()]),
        dict: Arc::new(Dict::new()),
        metaclass: None,
        layout: Layout::Tuple,
        builtin: false,
        flags: std::sync::atomic::AtomicU32::new(crate::object::class::class_flags::UNKNOWN),
        tag: crate::object::class::Class::new_tag(),
        finalizers: Default::default(),
        extra: Default::default(),
    });
    cls.dict.set_item_str("__module__", Value::str(module));
    for (i, f) in fields.iter().enumerate() {
        crate::stdlib::types_num::prop(rt, &cls, f, move |_vm, a| match a.pos.first().map(builtin_of) {
            Some(Value::Tuple(t)) => Ok(t.items.get(i).cloned().unwrap_or(Value::None)),
            _ => Ok(Value::None),
        });
    }
    let qual = format!("{module}.{name}");
    def(&cls.dict, "__repr__", move |vm, a| {
        let items = match a.pos.first().map(builtin_of) {
            Some(Value::Tuple(t)) => t.items.to_vec(),
            _ => vec![],
        };
        let mut parts = Vec::new();
        for (f, v) in fields.iter().zip(items.iter()) {
            parts.push(format!("{f}={}", vm.repr_of(v)?));
        }
        Ok(Value::string(format!("{qual}({})", parts.join(", "))))
    });
    Value::Instance(Arc::new(Instance::new(cls, Payload::Builtin(Value::tuple(items)))))
}

/// `sys.executable` as CPython 3.11's getpath computes it: `argv[0]` made
/// absolute (lexically, without resolving symlinks) when it holds a `/`,
/// else the first executable file of that name on `PATH`.
fn executable_path() -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let arg0 = std::env::args_os().next()?.to_string_lossy().into_owned();
    let path = if arg0.contains('/') {
        std::env::current_dir().ok()?.join(&arg0)
    } else {
        let dirs = std::env::var_os("PATH")?;
        std::env::split_paths(&dirs)
            .map(|d| d.join(&arg0))
            .find(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0))?
    };
    let mut out = std::path::PathBuf::from("/");
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::Normal(n) => out.push(n),
            _ => {}
        }
    }
    Some(out.display().to_string())
}
