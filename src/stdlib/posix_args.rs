//! Arguments and errors of the `posix` module: CPython's Argument Clinic
//! messages, its path converter (str, bytes, `os.PathLike`, and a file
//! descriptor where the function allows one) and `OSError`s built from
//! `errno` with the subclass CPython picks and its `filename`/`filename2`.

use std::ffi::CString;
use std::sync::Arc;

use super::types_containers::builtin_of;
use crate::object::value::Value;
use crate::vm::{Args, PyErr, PyResult, Vm};

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Parses `a` as an Argument Clinic signature `fname(names…)`: the first
/// `max_pos` names may be positional, the first `required` must be given,
/// the rest are keyword-only. Returns one slot per name.
pub fn clinic(
    vm: &mut Vm,
    a: &Args,
    fname: &str,
    names: &[&str],
    max_pos: usize,
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let npos = a.pos.len();
    if npos > max_pos {
        let how = if required >= max_pos { "exactly" } else { "at most" };
        let msg = format!("{fname}() takes {how} {max_pos} positional argument{} ({npos} given)", plural(max_pos));
        return Err(vm.type_error(&msg));
    }
    a.clinic_slots(vm, fname, names, required)
}

/// An old-style `METH_VARARGS` check (`kill() takes exactly 2 arguments (1 given)`).
pub fn exactly(vm: &mut Vm, a: &Args, fname: &str, n: usize) -> PyResult<()> {
    a.no_kw(vm, fname)?;
    if a.pos.len() != n {
        let msg = format!("{fname}() takes exactly {n} argument{} ({} given)", plural(n), a.pos.len());
        return Err(vm.type_error(&msg));
    }
    Ok(())
}

/// A C `int` argument (file descriptors, modes, flags).
pub fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Value::Flt(_) = v {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    if let Value::BigInt(_) = v {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    }
    vm.index_of(v)
}

/// A C `int`, with CPython's range check.
pub fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = int_arg(vm, v)?;
    i32::try_from(n).map_err(|_| {
        let msg = if n > 0 { "signed integer is greater than maximum" } else { "signed integer is less than minimum" };
        vm.overflow_error(msg)
    })
}

/// A file descriptor argument (CPython's `fildes` converter: an int, or an
/// object with `fileno()`).
pub fn fd_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    match v {
        Value::Int(_) | Value::Boolean(_) | Value::BigInt(_) => c_int(vm, v),
        _ if vm.class_of(v).lookup("__index__").is_some() => c_int(vm, v),
        _ => {
            if vm.class_of(v).lookup("fileno").is_some() {
                let r = vm.call_method(v, "fileno", vec![])?;
                return c_int(vm, &r);
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("argument must be an int, or have a fileno() method, not {tn}")))
        }
    }
}

/// A converted path argument.
pub struct PathArg {
    /// The object given, kept for error messages (`filename`).
    pub obj: Value,
    /// The bytes handed to the system call.
    pub bytes: Vec<u8>,
    /// Whether results should be bytes (the path was bytes).
    pub is_bytes: bool,
    /// Set when a file descriptor was given instead of a path.
    pub fd: Option<i32>,
}

impl PathArg {
    /// The path as a C string (no interior NUL: checked on conversion).
    pub fn c(&self) -> CString {
        CString::new(self.bytes.clone()).unwrap_or_default()
    }

    /// A path-like result in the argument's flavour: bytes for bytes, else str.
    pub fn out(&self, b: &[u8]) -> Value {
        if self.is_bytes {
            Value::Bytes(Arc::new(b.to_vec()))
        } else {
            Value::string(String::from_utf8_lossy(b).into_owned())
        }
    }
}

/// `os.fspath(v)`: str or bytes, through `__fspath__` for other objects.
pub fn fspath(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    match builtin_of(v) {
        s @ (Value::Str(_) | Value::Bytes(_)) if !matches!(v, Value::Instance(_)) => return Ok(Some(s)),
        _ => {}
    }
    if let Value::Instance(_) = v
        && matches!(builtin_of(v), Value::Str(_) | Value::Bytes(_))
    {
        return Ok(Some(v.clone()));
    }
    let cls = vm.class_of(v);
    let Some(f) = cls.lookup("__fspath__") else { return Ok(None) };
    let r = vm.call(&f, vec![v.clone()])?;
    match builtin_of(&r) {
        Value::Str(_) | Value::Bytes(_) => Ok(Some(r)),
        _ => {
            let (tn, rn) = (vm.type_name(v), vm.type_name(&r));
            Err(vm.type_error(&format!("expected {tn}.__fspath__() to return str or bytes, not {rn}")))
        }
    }
}

/// CPython's `path_converter`: `allow_fd` and `allow_none` widen what is
/// accepted (and the TypeError's list); `None` gives `default`.
pub fn path_arg(
    vm: &mut Vm,
    v: &Value,
    fname: &str,
    argname: &str,
    allow_fd: bool,
    allow_none: bool,
) -> PyResult<PathArg> {
    if allow_none && v.is_none() {
        return Ok(PathArg { obj: Value::None, bytes: b".".to_vec(), is_bytes: false, fd: None });
    }
    if allow_fd && matches!(v, Value::Int(_) | Value::Boolean(_) | Value::BigInt(_)) {
        let fd = c_int(vm, v)?;
        return Ok(PathArg { obj: v.clone(), bytes: Vec::new(), is_bytes: false, fd: Some(fd) });
    }
    let Some(p) = fspath(vm, v)? else {
        let tn = vm.type_name(v);
        let what = match (allow_fd, allow_none) {
            (true, true) => "string, bytes, os.PathLike, integer or None",
            (true, false) => "string, bytes, os.PathLike or integer",
            (false, true) => "string, bytes, os.PathLike or None",
            (false, false) => "string, bytes or os.PathLike",
        };
        return Err(vm.type_error(&format!("{fname}: {argname} should be {what}, not {tn}")));
    };
    let (bytes, is_bytes) = match builtin_of(&p) {
        Value::Str(s) => (s.as_str().as_bytes().to_vec(), false),
        Value::Bytes(b) => (b.to_vec(), true),
        _ => unreachable!("fspath gives str or bytes"),
    };
    if bytes.contains(&0) {
        // A str fails in its encoding to the file system, bytes in the check.
        let msg = if is_bytes {
            format!("{fname}: embedded null character in {argname}")
        } else {
            "embedded null byte".into()
        };
        return Err(vm.value_error(&msg));
    }
    Ok(PathArg { obj: v.clone(), bytes, is_bytes, fd: None })
}

/// The text of an errno, as C's `strerror`.
pub fn strerror(errno: i32) -> String {
    // SAFETY: strerror returns a pointer to a NUL-terminated static or
    // thread-local string; it is copied out at once.
    let p = unsafe { libc::strerror(errno) };
    if p.is_null() {
        return format!("Unknown error {errno}");
    }
    // SAFETY: non-null and NUL-terminated (see above).
    unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

/// The current thread's errno.
pub fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// The OSError subclass CPython picks for a (Linux) errno.
pub fn os_error_subclass(errno: i64) -> Option<&'static str> {
    Some(match errno {
        11 | 114 | 115 => "BlockingIOError",
        10 => "ChildProcessError",
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        111 => "ConnectionRefusedError",
        104 => "ConnectionResetError",
        17 => "FileExistsError",
        2 => "FileNotFoundError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        4 => "InterruptedError",
        1 | 13 => "PermissionError",
        3 => "ProcessLookupError",
        110 => "TimeoutError",
        _ => return None,
    })
}

/// `OSError(errno, strerror(errno), filename, None, filename2)` as CPython
/// raises it from a failed system call: of the subclass for `errno`.
pub fn errno_error(vm: &Vm, errno: i32, filename: Option<&Value>, filename2: Option<&Value>) -> PyErr {
    let name = os_error_subclass(errno as i64).unwrap_or("OSError");
    let cls = vm.rt.types.exc(name);
    let msg = strerror(errno);
    let e = vm.new_exception(&cls, vec![Value::Int(errno as i64), Value::string(msg.clone())]);
    e.exc.dict.set_item_str("errno", Value::Int(errno as i64));
    e.exc.dict.set_item_str("strerror", Value::string(msg));
    e.exc.dict.set_item_str("filename", filename.cloned().unwrap_or(Value::None));
    e.exc.dict.set_item_str("filename2", filename2.cloned().unwrap_or(Value::None));
    vm.chain_context(&e);
    e
}

/// The error of the last failed system call, naming `path` when given.
pub fn last_error(vm: &Vm, path: Option<&PathArg>) -> PyErr {
    let errno = last_errno();
    errno_error(vm, errno, path.map(|p| &p.obj).filter(|o| !o.is_none()), None)
}

/// Fails with the last OS error when a libc call returned -1.
pub fn check(vm: &Vm, r: i64, path: Option<&PathArg>) -> PyResult<i64> {
    if r == -1 { Err(last_error(vm, path)) } else { Ok(r) }
}

/// A bytes-like argument (`a bytes-like object is required, not 'str'`).
/// Any buffer (bytes, bytearray, memoryview, array): `os.write` gets
/// bytearrays from `_pyio`'s buffered writers.
pub fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Arc<Vec<u8>>> {
    crate::stdlib::buffer::require_bytes(vm, v)
}

/// Rejects a `dir_fd` other than None (gilt opens paths only by name).
pub fn no_dir_fd(vm: &mut Vm, v: &Option<Value>, fname: &str) -> PyResult<()> {
    match v {
        Some(v) if !v.is_none() => {
            Err(vm.err("NotImplementedError", &format!("{fname}: dir_fd unavailable on this platform")))
        }
        _ => Ok(()),
    }
}

/// A boolean keyword (`follow_symlinks=`), true when absent.
pub fn flag(vm: &mut Vm, v: &Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        Some(v) => vm.truthy(v),
        None => Ok(default),
    }
}
