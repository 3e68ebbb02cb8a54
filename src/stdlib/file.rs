//! `open()` and the file objects it returns (text and binary), with the GIL
//! released around the actual reads and writes.

use std::fs::{File, OpenOptions};
use std::io::{Seek, SeekFrom};
use std::sync::Arc;

use parking_lot::Mutex;

use super::file_closed::{Need, closed_first, closed_message, need_of, unsupported_message};
use super::file_state::{CR, CRLF, FileState, LF};
use super::{def, method};
use crate::object::class::{Class, Layout};
use crate::object::descr::Property;
use crate::object::native::NativeObject;
use crate::object::value::Value;
use crate::runtime::gil::BlockKind;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyErr, PyResult, Runtime, Vm};

/// A file object: the native stand-in for `_io.TextIOWrapper` (UTF-8 text,
/// universal newlines) or `_io.BufferedReader`/`BufferedWriter`/`BufferedRandom`.
pub struct FileObj {
    class: Arc<Class>,
    /// Settable, as CPython's (tempfile renames the file it opened by fd).
    name: Mutex<Value>,
    mode: String,
    /// As given to `open()` (`UTF-8` by default, as CPython names the locale's).
    encoding: String,
    binary: bool,
    readable: bool,
    writable: bool,
    /// Shared with the runtime's [`OpenFiles`] (weakly), which flushes it at exit.
    state: Arc<Mutex<FileState>>,
}

crate::object::native::impl_native_object!(FileObj);

/// True for a native text file (always UTF-8, so one write of many pieces
/// is the same as many: `print` writes once).
pub fn is_native_text(v: &Value) -> bool {
    match v {
        Value::Native2(o) => o.as_any().downcast_ref::<FileObj>().is_some_and(|f| !f.binary),
        _ => false,
    }
}

/// Every file `open()` returned that may still be open, held weakly so the
/// registry never keeps a file alive. At exit (normal end, `sys.exit`, an
/// uncaught exception; not `os._exit`) [`OpenFiles::flush_all`] writes what
/// each one still buffers, as CPython's shutdown does, because files held
/// by module globals or reference cycles are never dropped.
#[derive(Default)]
pub struct OpenFiles {
    files: Mutex<(Vec<std::sync::Weak<Mutex<FileState>>>, usize)>,
    /// The native file classes, made once by [`register`].
    classes: std::sync::OnceLock<FileClasses>,
}

/// The native file classes: `_io`'s names, one per kind of file `open()` returns.
pub struct FileClasses {
    pub text: Arc<Class>,
    pub reader: Arc<Class>,
    pub writer: Arc<Class>,
    pub random: Arc<Class>,
}

impl FileClasses {
    /// The binary class for a file opened readable and/or writable.
    fn binary(&self, r: bool, w: bool) -> &Arc<Class> {
        match (r, w) {
            (true, true) => &self.random,
            (true, false) => &self.reader,
            _ => &self.writer,
        }
    }
}

impl OpenFiles {
    /// The native file classes (for the `_gilt_io` module).
    pub fn classes(&self) -> Option<&FileClasses> {
        self.classes.get()
    }

    fn add(&self, st: &Arc<Mutex<FileState>>) {
        let mut g = self.files.lock();
        let (files, limit) = &mut *g;
        // Forget closed files once the list doubles: amortised O(1), and the
        // list stays within twice the number of files alive.
        if files.len() >= *limit {
            files.retain(|w| w.strong_count() > 0);
            *limit = (files.len() * 2).max(64);
        }
        files.push(Arc::downgrade(st));
    }

    /// Flushes the write buffer of every file still alive.
    pub fn flush_all(&self) {
        let live: Vec<_> = self.files.lock().0.iter().filter_map(std::sync::Weak::upgrade).collect();
        for st in live {
            // A thread still writing (GIL released around the write) holds
            // the lock: wait for it a little, never forever.
            if let Some(mut st) = st.try_lock_for(std::time::Duration::from_secs(1)) {
                let _ = st.flush_w();
            }
        }
    }
}

/// Converts an I/O error into the matching OSError subclass.
pub fn os_error(vm: &mut Vm, e: &std::io::Error, filename: Option<&Value>) -> PyErr {
    use std::io::ErrorKind::*;
    if let Some(n) = e.raw_os_error() {
        return super::posix_args::errno_error(vm, n, filename, None);
    }
    let errno = e.raw_os_error().unwrap_or(0);
    let cls = match e.kind() {
        NotFound => "FileNotFoundError",
        PermissionDenied => "PermissionError",
        AlreadyExists => "FileExistsError",
        _ if errno == 21 => "IsADirectoryError",
        _ if errno == 20 => "NotADirectoryError",
        _ => "OSError",
    };
    let mut strerror = e.to_string();
    if let Some(i) = strerror.find(" (os error") {
        strerror.truncate(i);
    }
    let cls = vm.rt.types.exc(cls);
    let err = vm.new_exception(&cls, vec![Value::Int(errno as i64), Value::string(strerror.clone())]);
    err.exc.dict.set_item_str("errno", Value::Int(errno as i64));
    err.exc.dict.set_item_str("strerror", Value::string(strerror));
    err.exc.dict.set_item_str("filename", filename.cloned().unwrap_or(Value::None));
    err
}

fn this<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a FileObj> {
    a.native_self().ok_or_else(|| vm.type_error("descriptor requires a file object"))
}

fn this_arc(vm: &mut Vm, a: &Args) -> PyResult<Arc<dyn NativeObject>> {
    this(vm, a)?;
    match &a.pos[0] {
        Value::Native2(o) => Ok((**o).clone()),
        _ => unreachable!(),
    }
}

fn with_state<R>(
    vm: &mut Vm,
    a: &Args,
    meth: &str,
    f: impl FnOnce(&mut FileState) -> std::io::Result<R>,
) -> PyResult<R> {
    let o = this_arc(vm, a)?;
    let fo = o.as_any().downcast_ref::<FileObj>().expect("file");
    let closed = fo.state.lock().file.is_none();
    if closed && closed_first(fo.binary, meth) {
        return Err(closed_error(vm, fo, meth));
    }
    let able = match need_of(meth) {
        Need::Read => fo.readable,
        Need::Write => fo.writable,
        Need::Nothing => true,
    };
    if !able {
        return Err(unsupported(vm, unsupported_message(fo.binary, meth)));
    }
    if closed {
        return Err(closed_error(vm, fo, meth));
    }
    let r = vm.allow_threads(BlockKind::Io, || {
        let mut st = fo.state.lock();
        f(&mut st)
    });
    r.map_err(|e| os_error(vm, &e, Some(&fo.name.lock().clone())))
}

/// The ValueError of `meth` on the closed file `fo`.
fn closed_error(vm: &mut Vm, fo: &FileObj, meth: &str) -> PyErr {
    vm.value_error(closed_message(fo.binary, fo.writable, meth))
}

/// `Err` when `fo` is closed, in `meth`'s words.
fn check_open(vm: &mut Vm, fo: &FileObj, meth: &str) -> PyResult<()> {
    if fo.state.lock().file.is_none() { Err(closed_error(vm, fo, meth)) } else { Ok(()) }
}

fn to_value(vm: &mut Vm, fo_binary: bool, data: Vec<u8>) -> PyResult {
    if fo_binary {
        return Ok(Value::Bytes(Arc::new(data)));
    }
    let s = match String::from_utf8(data) {
        Ok(s) => s,
        Err(e) => {
            let pos = e.utf8_error().valid_up_to();
            let b = e.as_bytes()[pos];
            return Err(vm.err(
                "UnicodeDecodeError",
                &format!("'utf-8' codec can't decode byte 0x{b:02x} in position {pos}: invalid start byte"),
            ));
        }
    };
    Ok(Value::string(if s.contains('\r') { s.replace("\r\n", "\n") } else { s }))
}

/// `io.UnsupportedOperation(msg)`, taken from `_io` (an OSError and
/// ValueError subclass); a plain OSError if `_io` cannot be imported.
pub fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    let cls = match vm.import_name("_io", 0, true) {
        Ok(m) => vm.get_attr_str(&m, "UnsupportedOperation").ok().flatten(),
        Err(_) => None,
    };
    match cls {
        Some(Value::Class(c)) => vm.new_exception(&c, vec![Value::str(msg)]),
        _ => vm.err("OSError", msg),
    }
}

/// True when `open()`'s arguments ask for what the native file objects do
/// not do (another encoding, an error handler, a newline mode, unbuffered or
/// line-buffered files, an unknown mode letter): `_io._open_slow` (CPython's
/// `_pyio.open`) handles those.
fn needs_pyio(
    mode: Option<&Value>,
    buffering: Option<&Value>,
    encoding: Option<&Value>,
    rest: [Option<&Value>; 2],
) -> bool {
    let given = |v: Option<&Value>| v.is_some_and(|v| !v.is_none());
    if rest.into_iter().any(given) {
        return true;
    }
    let binary = match mode {
        None | Some(Value::None) => false,
        Some(Value::Str(m)) => {
            let m = m.as_str();
            if m.chars().any(|c| !"rwaxb+t".contains(c)) {
                return true;
            }
            m.contains('b')
        }
        Some(_) => return true,
    };
    match buffering {
        None | Some(Value::None) => {}
        Some(Value::Int(n)) if *n < 0 || *n > 1 => {}
        Some(_) => return true,
    }
    match encoding {
        None | Some(Value::None) => false,
        Some(Value::Str(e)) if !binary => {
            let e = e.as_str().to_ascii_lowercase().replace('-', "_");
            !(e == "utf_8" || e == "utf8")
        }
        Some(_) => true,
    }
}

fn readline(vm: &mut Vm, a: &Args, meth: &str) -> PyResult {
    let binary = this(vm, a)?.binary;
    let limit = match a.pos.get(1) {
        Some(Value::None) | None => usize::MAX,
        Some(v) => {
            let n = vm.index_of(v)?;
            if n < 0 { usize::MAX } else { n as usize }
        }
    };
    let data = with_state(vm, a, meth, move |st| if binary { st.read_line(limit) } else { st.read_line_text(limit) })?;
    to_value(vm, binary, data)
}

fn open(vm: &mut Vm, mut a: Args) -> PyResult {
    let orig = Args::with_kw(a.pos.clone(), a.kw.clone());
    let file = a.arg(0, "file");
    let mode = a.arg(1, "mode");
    let buffering = a.arg(2, "buffering");
    let encoding = a.arg(3, "encoding");
    let errors = a.arg(4, "errors");
    let newline = a.arg(5, "newline");
    if needs_pyio(mode.as_ref(), buffering.as_ref(), encoding.as_ref(), [errors.as_ref(), newline.as_ref()]) {
        let io = vm.import_name("_io", 0, true)?;
        let slow = vm.get_attr_str(&io, "_open_slow")?.ok_or_else(|| vm.err("ImportError", "_io._open_slow"))?;
        return vm.call_value(&slow, orig);
    }
    let encoding = match encoding {
        Some(Value::Str(e)) => e.as_str().to_string(),
        _ => "UTF-8".to_string(),
    };
    let closefd = a.arg(6, "closefd");
    let opener = a.arg(7, "opener").filter(|o| !o.is_none());
    a.pos.clear();
    a.no_extra_kw(vm, "open")?;
    let Some(file) = file else { return Err(vm.type_error("open() missing required argument 'file' (pos 1)")) };
    let closefd = match &closefd {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    // An int is an open descriptor, as in CPython's FileIO.
    let fd = match &file {
        Value::Int(n) => {
            if *n < 0 {
                return Err(vm.value_error("negative file descriptor"));
            }
            Some(*n as i32)
        }
        _ => None,
    };
    if fd.is_none() && !closefd {
        return Err(vm.value_error("Cannot use closefd=False with file name"));
    }
    // As `_io.open`: `os.fspath` first (its result names the file in errors), bytes taken as
    // they are (a file name need not be UTF-8), NUL refused.
    let (path, fname): (std::ffi::OsString, Value) = match &file {
        Value::Int(n) => (n.to_string().into(), file.clone()),
        v => {
            let Some(p) = super::posix_args::fspath(vm, v)? else {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("expected str, bytes or os.PathLike object, not {tn}")));
            };
            let bytes = match super::types_containers::builtin_of(&p) {
                Value::Str(s) => s.as_str().as_bytes().to_vec(),
                Value::Bytes(b) => b.to_vec(),
                _ => unreachable!("fspath gives str or bytes"),
            };
            if bytes.contains(&0) {
                return Err(vm.value_error("embedded null byte"));
            }
            (std::os::unix::ffi::OsStringExt::from_vec(bytes), p)
        }
    };
    let mode = match mode {
        None | Some(Value::None) => "r".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(_) => return Err(vm.type_error("open() argument 'mode' must be str")),
    };
    let mut opts = OpenOptions::new();
    let (mut r, mut w, mut plus, mut binary, mut kinds) = (false, false, false, false, 0);
    for c in mode.chars() {
        match c {
            'r' => {
                r = true;
                kinds += 1;
            }
            'w' => {
                w = true;
                opts.write(true).create(true).truncate(true);
                kinds += 1;
            }
            'a' => {
                w = true;
                opts.append(true).create(true);
                kinds += 1;
            }
            'x' => {
                w = true;
                opts.write(true).create_new(true);
                kinds += 1;
            }
            '+' => plus = true,
            'b' => binary = true,
            't' => {}
            _ => return Err(vm.value_error(&format!("invalid mode: '{mode}'"))),
        }
    }
    if kinds != 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if r || plus {
        opts.read(true);
    }
    if plus {
        opts.write(true);
        w = true;
        r = true;
    }
    let fd = match (fd, opener) {
        (Some(fd), _) => Some(fd),
        (None, Some(op)) => {
            let flags = open_flags(&mode, plus);
            let r = vm.call(&op, vec![file.clone(), Value::Int(flags as i64)])?;
            match r {
                Value::Int(n) if n >= 0 => Some(n as i32),
                Value::Int(n) => return Err(vm.value_error(&format!("opener returned {n}"))),
                _ => return Err(vm.type_error("expected an integer file descriptor from opener")),
            }
        }
        (None, None) => None,
    };
    let f = if let Some(fd) = fd {
        // SAFETY: a descriptor number the script owns; `closefd` decides
        // whether dropping the File may close it (see FileState::release).
        let f = unsafe { <File as std::os::unix::io::FromRawFd>::from_raw_fd(fd) };
        if let Err(e) = f.metadata() {
            std::mem::forget(f);
            return Err(os_error(vm, &e, None));
        }
        f
    } else {
        let res = vm.allow_threads(BlockKind::Io, || opts.open(&path));
        match res {
            Ok(f) => f,
            Err(e) => return Err(os_error(vm, &e, Some(&fname))),
        }
    };
    if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        let cls = vm.rt.types.exc("IsADirectoryError");
        let err = vm.new_exception(&cls, vec![Value::Int(21), Value::str("Is a directory")]);
        err.exc.dict.set_item_str("errno", Value::Int(21));
        err.exc.dict.set_item_str("strerror", Value::str("Is a directory"));
        err.exc.dict.set_item_str("filename", fname);
        return Err(err);
    }
    let mut f = f;
    if mode.contains('a') {
        // As FileIO: at the end from the start, so `tell()` before the first write says so.
        let _ = f.seek(SeekFrom::End(0));
    }
    let st = FileState { file: Some(f), rbuf: Vec::new(), rpos: 0, wbuf: Vec::new(), eof: false, closefd, seen_nl: 0 };
    let state = Arc::new(Mutex::new(st));
    if w {
        vm.rt.open_files.add(&state);
    }
    let classes = vm.rt.open_files.classes.get().expect("file classes registered");
    let class = if binary { classes.binary(r, w).clone() } else { classes.text.clone() };
    let mode = if binary { raw_mode(&mode, r) } else { mode };
    let obj = FileObj { class, name: Mutex::new(file), mode, encoding, binary, readable: r, writable: w, state };
    Ok(Value::from_native(Arc::new(obj)))
}

/// The mode a binary file reports, as FileIO's `mode` (`w+b` is `rb+`, `a+b` is `ab+`).
fn raw_mode(mode: &str, readable: bool) -> String {
    let plus = if mode.contains('+') { "+" } else { "" };
    if mode.contains('x') {
        format!("xb{plus}")
    } else if mode.contains('a') {
        format!("ab{plus}")
    } else if readable {
        format!("rb{plus}")
    } else {
        "wb".to_string()
    }
}

/// The `os.open` flags CPython's FileIO passes to an `opener` for `mode`.
fn open_flags(mode: &str, plus: bool) -> i32 {
    let mut fl = if plus {
        libc::O_RDWR
    } else if mode.contains('r') {
        libc::O_RDONLY
    } else {
        libc::O_WRONLY
    };
    if mode.contains('w') {
        fl |= libc::O_CREAT | libc::O_TRUNC;
    }
    if mode.contains('a') {
        fl |= libc::O_CREAT | libc::O_APPEND;
    }
    if mode.contains('x') {
        fl |= libc::O_CREAT | libc::O_EXCL;
    }
    fl | libc::O_CLOEXEC
}

fn prop(rt: &Runtime, cls: &Arc<Class>, name: &str, f: fn(&FileObj) -> Value) {
    let getter = Vm::native(name, move |vm, a| Ok(f(this(vm, &a)?)));
    let p = Property::new(getter, Value::None, name, rt.types.property.clone());
    cls.dict.set_item_str(name, Value::from_native(Arc::new(p)));
}

/// Creates the file classes and registers `open`.
pub fn register(rt: &Runtime) {
    let mk = |name: &str| {
        let c = new_builtin_class(name, std::slice::from_ref(&rt.types.object), Layout::Opaque);
        c.dict.set_item_str("__module__", Value::str("_io"));
        add_methods(rt, &c);
        c
    };
    let classes = FileClasses {
        text: mk("TextIOWrapper"),
        reader: mk("BufferedReader"),
        writer: mk("BufferedWriter"),
        random: mk("BufferedRandom"),
    };
    add_text_attrs(rt, &classes.text);
    for c in [&classes.reader, &classes.writer, &classes.random] {
        add_binary_methods(rt, c);
    }
    let _ = rt.open_files.classes.set(classes);
    def(&rt.builtins, "open", open);
}

/// What only the text class has: its encoding and newline state, and the
/// binary file under it (`f.buffer`, sharing the same OS state and buffers).
fn add_text_attrs(rt: &Runtime, c: &Arc<Class>) {
    prop(rt, c, "encoding", |f| Value::str(&f.encoding));
    prop(rt, c, "errors", |_| Value::str("strict"));
    prop(rt, c, "newlines", |f| {
        // CPython's order: "\r", "\n", "\r\n"; one kind alone is a str.
        let seen = f.state.lock().seen_nl;
        let kinds: Vec<Value> = [(CR, "\r"), (LF, "\n"), (CRLF, "\r\n")]
            .iter()
            .filter(|(bit, _)| seen & bit != 0)
            .map(|(_, s)| Value::str(s))
            .collect();
        match kinds.len() {
            0 => Value::None,
            1 => kinds[0].clone(),
            _ => Value::tuple(kinds),
        }
    });
    prop(rt, c, "line_buffering", |_| Value::Bool(false));
    prop(rt, c, "write_through", |_| Value::Bool(false));
    let getter = Vm::native("buffer", |vm, a| {
        let f = this(vm, &a)?;
        let classes = vm.rt.open_files.classes.get().expect("file classes registered");
        let mode = raw_mode(&f.mode, f.readable);
        let obj = FileObj {
            class: classes.binary(f.readable, f.writable).clone(),
            name: Mutex::new(f.name.lock().clone()),
            mode,
            encoding: String::new(),
            binary: true,
            readable: f.readable,
            writable: f.writable,
            state: f.state.clone(),
        };
        Ok(Value::from_native(Arc::new(obj)))
    });
    let p = Property::new(getter, Value::None, "buffer", rt.types.property.clone());
    c.dict.set_item_str("buffer", Value::from_native(Arc::new(p)));
}

/// What only the binary classes have: `readinto` and `read1`.
fn add_binary_methods(_rt: &Runtime, c: &Arc<Class>) {
    method(c, "readinto", |vm, a| {
        a.check(vm, "readinto", 2, 2)?;
        let target = a.pos[1].clone();
        // Any writable buffer, sized in bytes (an array('i') of 4 items takes 16), as CPython's `w*`.
        let Ok(len) = crate::stdlib::types_memoryview::with_writable(vm, &target, |b| b.len()) else {
            if crate::stdlib::buffer::export_of(&target).is_some_and(|e| !e.readonly) {
                // A writable buffer over other memory (mmap): through its own slice assignment.
                let len = vm.len_of(&target)?;
                let data = with_state(vm, &a, "readinto", move |st| st.read_n(len, false))?;
                let n = data.len();
                let slice = vm.call(
                    &vm.rt.builtins.get_item_str("slice").expect("slice"),
                    vec![Value::Int(0), Value::Int(n as i64)],
                )?;
                vm.call_method(&target, "__setitem__", vec![slice, Value::Bytes(Arc::new(data))])?;
                return Ok(Value::Int(n as i64));
            }
            let tn = vm.type_name(&target);
            return Err(vm.type_error(&format!("readinto() argument must be read-write bytes-like object, not {tn}")));
        };
        let data = with_state(vm, &a, "readinto", move |st| st.read_n(len, false))?;
        let n = data.len();
        crate::stdlib::types_memoryview::with_writable(vm, &target, |b| {
            let k = n.min(b.len());
            b[..k].copy_from_slice(&data[..k]);
        })?;
        Ok(Value::Int(n as i64))
    });
    method(c, "read1", |vm, a| {
        let n = match a.pos.get(1) {
            Some(Value::None) | None => -1,
            Some(v) => vm.index_of(v)?,
        };
        let data = with_state(vm, &a, "read1", move |st| {
            if !st.fill()? {
                return Ok(Vec::new());
            }
            let avail = st.rbuf.len() - st.rpos;
            let take = if n < 0 { avail } else { avail.min(n as usize) };
            let out = st.rbuf[st.rpos..st.rpos + take].to_vec();
            st.rpos += take;
            Ok(out)
        })?;
        Ok(Value::Bytes(Arc::new(data)))
    });
}

/// The methods every native file class has.
fn add_methods(rt: &Runtime, c: &Arc<Class>) {
    method(c, "read", |vm, a| {
        let binary = this(vm, &a)?.binary;
        let n = match a.pos.get(1) {
            Some(Value::None) | None => -1,
            Some(v) => vm.index_of(v)?,
        };
        let data = with_state(vm, &a, "read", move |st| {
            let data = if n < 0 { st.read_all()? } else { st.read_n(n as usize, !binary)? };
            if binary { Ok(data) } else { st.translate_text(data) }
        })?;
        to_value(vm, binary, data)
    });
    method(c, "readline", |vm, a| readline(vm, &a, "readline"));
    method(c, "readlines", |vm, a| {
        let binary = this(vm, &a)?.binary;
        let mut out = Vec::new();
        loop {
            let data = with_state(vm, &a, "readlines", move |st| {
                if binary { st.read_line(usize::MAX) } else { st.read_line_text(usize::MAX) }
            })?;
            if data.is_empty() {
                break;
            }
            out.push(to_value(vm, binary, data)?);
        }
        Ok(Value::list(out))
    });
    method(c, "write", |vm, a| {
        a.check(vm, "write", 2, 2)?;
        let fo = this(vm, &a)?;
        let binary = fo.binary;
        if binary && !fo.writable {
            // A BufferedReader has no write method of its own: BufferedIOBase's refuses first.
            return Err(unsupported(vm, "write"));
        }
        let (data, n) = match (&a.pos[1], binary) {
            (Value::Str(s), false) => (s.as_str().as_bytes().to_vec(), s.char_len()),
            (v, true) if let Some(b) = super::buffer::bytes_like(v) => (b.to_vec(), b.len()),
            (v, false) => match super::types_str::as_pystr(v) {
                Some(s) => (s.as_str().as_bytes().to_vec(), s.char_len()),
                None => {
                    let tn = vm.type_name(v);
                    return Err(vm.type_error(&format!("write() argument must be str, not {tn}")));
                }
            },
            (v, true) => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
            }
        };
        with_state(vm, &a, "write", move |st| st.write(&data))?;
        Ok(Value::Int(n as i64))
    });
    method(c, "writelines", |vm, a| {
        a.check(vm, "writelines", 2, 2)?;
        let fo = this(vm, &a)?;
        check_open(vm, fo, "writelines")?;
        let items = vm.collect(&a.pos[1])?;
        for it in items {
            vm.call_method(&a.pos[0], "write", vec![it])?;
        }
        Ok(Value::None)
    });
    method(c, "flush", |vm, a| {
        with_state(vm, &a, "flush", |st| st.flush_w())?;
        Ok(Value::None)
    });
    method(c, "close", |vm, a| {
        let fo = this(vm, &a)?;
        if fo.state.lock().file.is_none() {
            return Ok(Value::None);
        }
        with_state(vm, &a, "close", |st| {
            let r = st.flush_w();
            st.release();
            r
        })?;
        Ok(Value::None)
    });
    method(c, "__enter__", |vm, a| {
        let fo = this(vm, &a)?;
        check_open(vm, fo, "__enter__")?;
        Ok(a.pos[0].clone())
    });
    method(c, "__exit__", |vm, a| {
        vm.call_method(&a.pos[0], "close", vec![])?;
        Ok(Value::None)
    });
    method(c, "__iter__", |vm, a| {
        let fo = this(vm, &a)?;
        check_open(vm, fo, "__iter__")?;
        Ok(a.pos[0].clone())
    });
    method(c, "__next__", |vm, a| {
        let line = readline(vm, &Args::new(vec![a.pos[0].clone()]), "__next__")?;
        let empty = match &line {
            Value::Str(s) => s.as_str().is_empty(),
            Value::Bytes(b) => b.is_empty(),
            _ => true,
        };
        if empty { Err(vm.stop_iteration(None)) } else { Ok(line) }
    });
    method(c, "seek", |vm, a| {
        a.check(vm, "seek", 2, 3)?;
        let off = vm.index_of(&a.pos[1])?;
        let whence = match a.pos.get(2) {
            Some(v) => vm.index_of(v)?,
            None => 0,
        };
        let fo = this(vm, &a)?;
        if !fo.binary && off != 0 && (whence == 1 || whence == 2) {
            // A text position is an opaque cookie: only 0 can be added to the current or end one.
            check_open(vm, fo, "seek")?;
            let what = if whence == 1 { "cur" } else { "end" };
            return Err(unsupported(vm, &format!("can't do nonzero {what}-relative seeks")));
        }
        let pos = match whence {
            0 if off >= 0 => SeekFrom::Start(off as u64),
            0 => return Err(vm.value_error(&format!("negative seek position {off}"))),
            1 => SeekFrom::Current(off),
            2 => SeekFrom::End(off),
            _ => return Err(vm.value_error(&format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
        };
        let r = with_state(vm, &a, "seek", move |st| {
            st.flush_w()?;
            st.drop_r()?;
            st.file.as_mut().map_or(Ok(0), |f| f.seek(pos))
        })?;
        Ok(Value::Int(r as i64))
    });
    method(c, "tell", |vm, a| {
        let r = with_state(vm, &a, "tell", |st| {
            st.flush_w()?;
            let ahead = (st.rbuf.len() - st.rpos) as u64;
            st.file.as_mut().map_or(Ok(0), |f| f.stream_position().map(|p| p - ahead))
        })?;
        Ok(Value::Int(r as i64))
    });
    method(c, "truncate", |vm, a| {
        let size = match a.pos.get(1) {
            Some(v) if !v.is_none() => Some(vm.index_of(v)? as u64),
            _ => None,
        };
        let r = with_state(vm, &a, "truncate", move |st| {
            st.flush_w()?;
            st.drop_r()?;
            let f = st.file.as_mut().expect("open");
            let n = match size {
                Some(n) => n,
                None => f.stream_position()?,
            };
            f.set_len(n)?;
            Ok(n)
        })?;
        Ok(Value::Int(r as i64))
    });
    method(c, "fileno", |vm, a| {
        let fo = this(vm, &a)?;
        let st = fo.state.lock();
        match &st.file {
            #[cfg(unix)]
            Some(f) => Ok(Value::Int(std::os::unix::io::AsRawFd::as_raw_fd(f) as i64)),
            _ => {
                drop(st);
                Err(closed_error(vm, fo, "fileno"))
            }
        }
    });
    // Only a file opened for it asks the raw file, which checks `closed`; the rest answer False.
    method(c, "readable", |vm, a| {
        let fo = this(vm, &a)?;
        if fo.readable {
            check_open(vm, fo, "readable")?;
        }
        Ok(Value::Bool(fo.readable))
    });
    method(c, "writable", |vm, a| {
        let fo = this(vm, &a)?;
        if fo.writable {
            check_open(vm, fo, "writable")?;
        }
        Ok(Value::Bool(fo.writable))
    });
    method(c, "seekable", |vm, a| {
        let fo = this(vm, &a)?;
        check_open(vm, fo, "seekable")?;
        let st = fo.state.lock();
        // As CPython's FileIO: seekable when lseek works on the descriptor
        // (a pipe, socket or terminal is not).
        // SAFETY: lseek(fd, 0, SEEK_CUR) only queries the position.
        let seekable = st
            .file
            .as_ref()
            .is_some_and(|f| unsafe { libc::lseek(std::os::unix::io::AsRawFd::as_raw_fd(f), 0, libc::SEEK_CUR) } >= 0);
        Ok(Value::Bool(seekable))
    });
    method(c, "isatty", |vm, a| {
        let fo = this(vm, &a)?;
        check_open(vm, fo, "isatty")?;
        let st = fo.state.lock();
        // SAFETY: isatty only queries the descriptor.
        let tty =
            st.file.as_ref().is_some_and(|f| unsafe { libc::isatty(std::os::unix::io::AsRawFd::as_raw_fd(f)) } == 1);
        Ok(Value::Bool(tty))
    });
    method(c, "__repr__", |vm, a| {
        let fo = this(vm, &a)?;
        let (name, mode, binary) = (fo.name.lock().clone(), fo.mode.clone(), fo.binary);
        let nr = vm.repr_of(&name)?;
        let cls = fo.class.name().as_str().to_string();
        let enc = fo.encoding.clone();
        Ok(Value::string(if binary {
            format!("<_io.{cls} name={nr}>")
        } else {
            format!("<_io.TextIOWrapper name={nr} mode='{mode}' encoding='{enc}'>")
        }))
    });
    let name_prop = Property::new(
        Vm::native("name", |vm, a| Ok(this(vm, &a)?.name.lock().clone())),
        Vm::native("name", |vm, a| {
            let v = a.pos.get(1).cloned().unwrap_or(Value::None);
            *this(vm, &a)?.name.lock() = v;
            Ok(Value::None)
        }),
        "name",
        rt.types.property.clone(),
    );
    c.dict.set_item_str("name", Value::from_native(Arc::new(name_prop)));
    prop(rt, c, "mode", |f| Value::str(&f.mode));
    prop(rt, c, "closed", |f| Value::Bool(f.state.lock().file.is_none()));
}
