//! The `pwd` module: the password database (`getpwuid`, `getpwnam`,
//! `getpwall`) through libc's reentrant lookups, as `struct_passwd` struct
//! sequences with CPython 3.11's messages. `getpass.getuser()`,
//! `os.path.expanduser` and `pathlib.Path.home()` rest on it when the
//! environment does not name the user.

use std::ffi::{CStr, CString};
use std::sync::Arc;

use super::def;
use super::native_util::module;
use super::structseq::{Spec, make_class, new_value};
use crate::object::class::Class;
use crate::object::dict::Dict;
use crate::object::numfmt::str_repr::py_str_repr;
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// `pwd.struct_passwd`: all seven fields are tuple items.
const STRUCT_PASSWD: Spec = Spec {
    module: "pwd",
    name: "struct_passwd",
    fields: &["pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"],
    n_seq: 7,
};

/// One entry of the database as a `struct_passwd`.
fn entry(cls: &Arc<Class>, p: &libc::passwd) -> Value {
    let s = |ptr: *const libc::c_char| {
        if ptr.is_null() {
            return Value::str("");
        }
        // SAFETY: libc's passwd strings are NUL-terminated while the buffer lives.
        Value::string(unsafe { CStr::from_ptr(ptr) }.to_string_lossy().into_owned())
    };
    let v = vec![
        s(p.pw_name),
        s(p.pw_passwd),
        Value::Int(i64::from(p.pw_uid)),
        Value::Int(i64::from(p.pw_gid)),
        s(p.pw_gecos),
        s(p.pw_dir),
        s(p.pw_shell),
    ];
    new_value(cls, STRUCT_PASSWD, v)
}

/// Runs a reentrant lookup (`getpwuid_r`/`getpwnam_r`) with a buffer that
/// grows while libc says it is too small; the entry, if there is one.
fn lookup(
    cls: &Arc<Class>,
    mut call: impl FnMut(*mut libc::passwd, *mut libc::c_char, usize, *mut *mut libc::passwd) -> libc::c_int,
) -> Option<Value> {
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0 as libc::c_char; size];
        // SAFETY: an all-zero passwd is a valid out-parameter.
        let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
        let mut res: *mut libc::passwd = std::ptr::null_mut();
        let r = call(&mut pw, buf.as_mut_ptr(), size, &mut res);
        if r == libc::ERANGE && size < (1 << 24) {
            size *= 4;
            continue;
        }
        return (r == 0 && !res.is_null()).then(|| entry(cls, &pw));
    }
}

/// CPython's check for a one-argument function (`METH_O`).
fn one_arg(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<()> {
    if !a.kw.is_empty() {
        return Err(vm.type_error(&format!("pwd.{fname}() takes no keyword arguments")));
    }
    if a.pos.len() != 1 {
        let n = a.pos.len();
        return Err(vm.type_error(&format!("pwd.{fname}() takes exactly one argument ({n} given)")));
    }
    Ok(())
}

pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    let cls = make_class(vm, STRUCT_PASSWD);
    d.set_item_str("struct_passwd", Value::Class(cls.clone()));
    let c = cls.clone();
    def(&d, "getpwuid", move |vm, a| {
        one_arg(vm, &a, "getpwuid")?;
        let uid = match &a.pos[0] {
            v @ (Value::Int(_) | Value::Boolean(_)) => Some(vm.index_of(v)?),
            Value::BigInt(_) => None,
            other => {
                let tn = vm.type_name(other);
                return Err(vm.type_error(&format!("uid should be integer, not {tn}")));
            }
        };
        // A uid_t: 0..=u32::MAX, or -1 (which is u32::MAX), as CPython converts it.
        let uid = uid.and_then(|u| if u == -1 { Some(u32::MAX) } else { u32::try_from(u).ok() });
        let found = uid.and_then(|u| {
            // SAFETY: the pointers come from `lookup`, valid for `len` bytes.
            lookup(&c, |pw, buf, len, res| unsafe { libc::getpwuid_r(u, pw, buf, len, res) })
        });
        found.ok_or_else(|| {
            // CPython prints the uid as a C int.
            let msg = match uid {
                Some(u) => format!("getpwuid(): uid not found: {}", u as i32),
                None => "getpwuid(): uid not found".to_string(),
            };
            vm.key_error(Value::string(msg))
        })
    });
    let c = cls.clone();
    def(&d, "getpwnam", move |vm, a| {
        one_arg(vm, &a, "getpwnam")?;
        let Some(name) = a.pos[0].as_str() else {
            let tn = vm.type_name(&a.pos[0]);
            return Err(vm.type_error(&format!("getpwnam() argument must be str, not {tn}")));
        };
        let name = name.as_str().to_string();
        let cname = CString::new(name.clone()).map_err(|_| vm.value_error("embedded null byte"))?;
        // SAFETY: the pointers come from `lookup`, valid for `len` bytes; `cname` outlives the call.
        let found = lookup(&c, |pw, buf, len, res| unsafe { libc::getpwnam_r(cname.as_ptr(), pw, buf, len, res) });
        found.ok_or_else(|| vm.key_error(Value::string(format!("getpwnam(): name not found: {}", py_str_repr(&name)))))
    });
    let c = cls;
    def(&d, "getpwall", move |vm, a| {
        if !a.kw.is_empty() {
            return Err(vm.type_error("pwd.getpwall() takes no keyword arguments"));
        }
        if !a.pos.is_empty() {
            return Err(vm.type_error(&format!("pwd.getpwall() takes no arguments ({} given)", a.pos.len())));
        }
        // getpwent walks one process-wide cursor; the GIL (held here)
        // keeps two Python threads from interleaving their walks.
        let mut out = Vec::new();
        // SAFETY: setpwent/getpwent/endpwent have no arguments; each entry is
        // copied out before the next call overwrites it.
        unsafe {
            libc::setpwent();
            loop {
                let p = libc::getpwent();
                if p.is_null() {
                    break;
                }
                out.push(entry(&c, &*p));
            }
            libc::endpwent();
        }
        Ok(Value::list(out))
    });
    Ok(module("pwd", d))
}
