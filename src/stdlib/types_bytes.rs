//! Methods of `bytes`.

use std::sync::Arc;

use super::method;
use super::types_str::{norm_range, raw_start};
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Runtime, Vm};

/// The bytes of a bytes-like value: bytes, a bytes subclass instance, or
/// any object with the buffer protocol (copied; see `buffer.rs`).
pub fn as_bytes(v: &Value) -> Option<Arc<Vec<u8>>> {
    super::buffer::bytes_like(v)
}

pub(super) fn recv(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<Arc<Vec<u8>>> {
    match a.pos.first().and_then(as_bytes) {
        Some(b) => Ok(b),
        None => Err(vm.type_error(&format!("descriptor '{fname}' requires a 'bytes' object"))),
    }
}

pub(super) fn arg(vm: &mut Vm, v: &Value) -> PyResult<Arc<Vec<u8>>> {
    match as_bytes(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

pub(super) fn bytes(v: Vec<u8>) -> PyResult {
    Ok(Value::Bytes(Arc::new(v)))
}

pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn split_on(hay: &[u8], sep: &[u8], max: i64) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = hay;
    while max < 0 || (out.len() as i64) < max {
        match find(rest, sep) {
            Some(i) => {
                out.push(rest[..i].to_vec());
                rest = &rest[i + sep.len()..];
            }
            None => break,
        }
    }
    out.push(rest.to_vec());
    out
}

fn replace(hay: &[u8], old: &[u8], new: &[u8], count: i64) -> Vec<u8> {
    let mut out = Vec::with_capacity(hay.len());
    let mut rest = hay;
    let mut n = 0;
    if old.is_empty() {
        for (i, b) in hay.iter().enumerate() {
            if count < 0 || (i as i64) < count {
                out.extend_from_slice(new);
            }
            out.push(*b);
        }
        if count < 0 || (hay.len() as i64) < count {
            out.extend_from_slice(new);
        }
        return out;
    }
    while count < 0 || n < count {
        match find(rest, old) {
            Some(i) => {
                out.extend_from_slice(&rest[..i]);
                out.extend_from_slice(new);
                rest = &rest[i + old.len()..];
                n += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(rest);
    out
}

/// An optional `str` argument of Argument Clinic (`encoding`, `errors`):
/// None is not a default but a TypeError naming `what`.
fn text_arg(vm: &mut Vm, v: Option<Value>, what: &str) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(v) => Ok(Some(super::types_str::str_arg(vm, &v, what)?.as_str().to_string())),
    }
}

/// Decodes bytes for `bytes.decode` and `str(b, encoding)`.
pub fn decode_bytes(vm: &mut Vm, b: &[u8], enc: &str, errors: &str) -> PyResult<crate::object::str::PyStr> {
    super::mod_codecs::decode_bytes(vm, b, enc, errors)
}

fn strip_set(a: &Args, vm: &mut Vm) -> PyResult<Option<Arc<Vec<u8>>>> {
    match a.pos.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(v) => arg(vm, v).map(Some),
    }
}

fn strip(vm: &mut Vm, a: Args, name: &str, l: bool, r: bool) -> PyResult {
    let b = recv(vm, &a, name)?;
    let set = strip_set(&a, vm)?;
    let is_strip = |c: &u8| match &set {
        None => c.is_ascii_whitespace() || *c == 0x0b,
        Some(s) => s.contains(c),
    };
    let mut s = 0;
    let mut e = b.len();
    if l {
        while s < e && is_strip(&b[s]) {
            s += 1;
        }
    }
    if r {
        while e > s && is_strip(&b[e - 1]) {
            e -= 1;
        }
    }
    bytes(b[s..e].to_vec())
}

/// The needle of `find`/`count`/`index`/`in`: a byte value or a bytes-like
/// object, with CPython's messages.
pub(crate) fn sub_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = as_bytes(v) {
        return Ok(b.to_vec());
    }
    match vm.exact_index(v)? {
        Some(Value::Int(n)) if (0..256).contains(&n) => Ok(vec![n as u8]),
        Some(_) => Err(vm.value_error("byte must be in range(0, 256)")),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("argument should be integer or bytes-like object, not '{tn}'")))
        }
    }
}

pub(super) fn find_impl(vm: &mut Vm, a: &Args, name: &str, rev: bool) -> PyResult<i64> {
    a.check(vm, name, 2, 4)?;
    // A bytearray is searched in place: a stream parser calls find on a
    // large buffer once per message, and a copy each time made that
    // quadratic.
    if let Some(ba) = a.native_self::<super::types_bytearray::ByteArray>() {
        let len = ba.buf.len();
        // As CPython: start and end are converted before the needle is checked.
        let (s, e) = norm_range(vm, a.pos.get(2), a.pos.get(3), len)?;
        let past_end = raw_start(vm, a.pos.get(2), len)? > len as i64;
        let sub = sub_arg(vm, &a.pos[1])?;
        let g = ba.buf.read();
        let e = e.min(g.len());
        if s > e || past_end {
            return Ok(-1);
        }
        let r = if rev { rfind(&g[s..e], &sub) } else { find(&g[s..e], &sub) };
        return Ok(r.map_or(-1, |i| (i + s) as i64));
    }
    let b = recv(vm, a, name)?;
    let (s, e) = norm_range(vm, a.pos.get(2), a.pos.get(3), b.len())?;
    // A start past the end finds nothing, not even b'' (CPython's ADJUST_INDICES
    // leaves start unclamped).
    let past_end = raw_start(vm, a.pos.get(2), b.len())? > b.len() as i64;
    let sub = sub_arg(vm, &a.pos[1])?;
    if s > e || past_end {
        return Ok(-1);
    }
    let r = if rev { rfind(&b[s..e], &sub) } else { find(&b[s..e], &sub) };
    Ok(r.map_or(-1, |i| (i + s) as i64))
}

/// Registers the bytes methods.
pub fn register(rt: &Runtime) {
    let c = &rt.types.bytes;
    method(c, "decode", |vm, mut a| {
        let b = recv(vm, &a, "decode")?;
        let enc = text_arg(vm, a.arg(1, "encoding"), "decode() argument 'encoding'")?;
        let errors = text_arg(vm, a.arg(2, "errors"), "decode() argument 'errors'")?;
        let enc = enc.unwrap_or_else(|| "utf-8".into());
        let errors = errors.unwrap_or_else(|| "strict".into());
        Ok(Value::Str(Arc::new(decode_bytes(vm, &b, &enc, &errors)?)))
    });
    method(c, "join", |vm, a| {
        a.check(vm, "join", 2, 2)?;
        let sep = recv(vm, &a, "join")?;
        let items = vm
            .collect(&a.pos[1])
            .map_err(|e| if vm.is_exc(&e, "TypeError") { vm.type_error("can only join an iterable") } else { e })?;
        let mut out = Vec::new();
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(&sep);
            }
            match as_bytes(it) {
                Some(b) => out.extend_from_slice(&b),
                None => {
                    let tn = vm.type_name(it);
                    return Err(vm.type_error(&format!("sequence item {i}: expected a bytes-like object, {tn} found")));
                }
            }
        }
        bytes(out)
    });
    method(c, "split", |vm, mut a| {
        let b = recv(vm, &a, "split")?;
        let sep = a.arg(1, "sep");
        let max = match a.arg(2, "maxsplit") {
            Some(v) => vm.ssize_index(&v)?,
            None => -1,
        };
        let parts: Vec<Vec<u8>> = match sep {
            None | Some(Value::None) => {
                let ws = |c: &u8| c.is_ascii_whitespace() || *c == 0x0b;
                let mut out = Vec::new();
                let mut i = 0;
                while i < b.len() {
                    while i < b.len() && ws(&b[i]) {
                        i += 1;
                    }
                    if i >= b.len() {
                        break;
                    }
                    if max >= 0 && out.len() as i64 >= max {
                        // The rest as it is, trailing whitespace included (CPython).
                        out.push(b[i..].to_vec());
                        break;
                    }
                    let st = i;
                    while i < b.len() && !ws(&b[i]) {
                        i += 1;
                    }
                    out.push(b[st..i].to_vec());
                }
                out
            }
            Some(s) => {
                let s = arg(vm, &s)?;
                if s.is_empty() {
                    return Err(vm.value_error("empty separator"));
                }
                split_on(&b, &s, max)
            }
        };
        Ok(Value::list(parts.into_iter().map(|p| Value::Bytes(Arc::new(p))).collect()))
    });
    method(c, "strip", |vm, a| strip(vm, a, "strip", true, true));
    method(c, "lstrip", |vm, a| strip(vm, a, "lstrip", true, false));
    method(c, "rstrip", |vm, a| strip(vm, a, "rstrip", false, true));
    for (name, ends) in [("startswith", false), ("endswith", true)] {
        method(c, name, move |vm, a| {
            a.check(vm, name, 2, 4)?;
            let b = recv(vm, &a, name)?;
            let (s, e) = norm_range(vm, a.pos.get(2), a.pos.get(3), b.len())?;
            let cands: Vec<Value> = match &a.pos[1] {
                Value::Tuple(t) => t.items.to_vec(),
                v => vec![v.clone()],
            };
            let in_tuple = matches!(a.pos[1], Value::Tuple(_));
            for p in cands {
                let Some(p) = as_bytes(&p) else {
                    let tn = vm.type_name(&p);
                    // A tuple's item is checked as a buffer, with the buffer error.
                    let msg = if in_tuple {
                        format!("a bytes-like object is required, not '{tn}'")
                    } else {
                        format!("{name} first arg must be bytes or a tuple of bytes, not {tn}")
                    };
                    return Err(vm.type_error(&msg));
                };
                if s <= e && ((ends && b[s..e].ends_with(&p)) || (!ends && b[s..e].starts_with(&p))) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        });
    }
    method(c, "find", |vm, a| Ok(Value::Int(find_impl(vm, &a, "find", false)?)));
    method(c, "rfind", |vm, a| Ok(Value::Int(find_impl(vm, &a, "rfind", true)?)));
    method(c, "index", |vm, a| match find_impl(vm, &a, "index", false)? {
        -1 => Err(vm.value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    });
    method(c, "replace", |vm, a| {
        a.check(vm, "replace", 3, 4)?;
        let b = recv(vm, &a, "replace")?;
        let old = arg(vm, &a.pos[1])?;
        let new = arg(vm, &a.pos[2])?;
        let count = match a.pos.get(3) {
            Some(v) => vm.ssize_index(v)?,
            None => -1,
        };
        bytes(replace(&b, &old, &new, count))
    });
    method(c, "upper", |vm, a| {
        a.check_method(vm, "bytes.upper", 0, 0)?;
        bytes(recv(vm, &a, "upper")?.to_ascii_uppercase())
    });
    method(c, "lower", |vm, a| {
        a.check_method(vm, "bytes.lower", 0, 0)?;
        bytes(recv(vm, &a, "lower")?.to_ascii_lowercase())
    });
    method(c, "count", |vm, a| {
        a.check(vm, "count", 2, 4)?;
        let b = recv(vm, &a, "count")?;
        let (s, e) = norm_range(vm, a.pos.get(2), a.pos.get(3), b.len())?;
        let past_end = raw_start(vm, a.pos.get(2), b.len())? > b.len() as i64;
        let sub = sub_arg(vm, &a.pos[1])?;
        if s > e || past_end {
            return Ok(Value::Int(0));
        }
        let hay = &b[s..e];
        if sub.is_empty() {
            return Ok(Value::Int(hay.len() as i64 + 1));
        }
        let (mut n, mut i) = (0, 0);
        while let Some(j) = find(&hay[i..], &sub) {
            n += 1;
            i += j + sub.len();
        }
        Ok(Value::Int(n))
    });
    method(c, "isdigit", |vm, a| {
        a.check_method(vm, "bytes.isdigit", 0, 0)?;
        let b = recv(vm, &a, "isdigit")?;
        Ok(Value::Bool(!b.is_empty() && b.iter().all(u8::is_ascii_digit)))
    });
    method(c, "isalpha", |vm, a| {
        a.check_method(vm, "bytes.isalpha", 0, 0)?;
        let b = recv(vm, &a, "isalpha")?;
        Ok(Value::Bool(!b.is_empty() && b.iter().all(u8::is_ascii_alphabetic)))
    });
    method(c, "__len__", |vm, a| Ok(Value::Int(recv(vm, &a, "__len__")?.len() as i64)));
    method(c, "__getitem__", |vm, a| {
        a.check(vm, "__getitem__", 2, 2)?;
        let b = recv(vm, &a, "__getitem__")?;
        vm.get_item(&Value::Bytes(b), &a.pos[1])
    });
    method(c, "__iter__", |vm, a| {
        let b = recv(vm, &a, "__iter__")?;
        vm.get_iter(&Value::Bytes(b))
    });
    method(c, "__contains__", |vm, a| {
        a.check(vm, "__contains__", 2, 2)?;
        let b = recv(vm, &a, "__contains__")?;
        let sub = sub_arg(vm, &a.pos[1]).map_err(|e| contains_error(vm, &a.pos[1], e))?;
        Ok(Value::Bool(find(&b, &sub).is_some()))
    });
    register_dunders(rt);
    super::types_bytes_text::register(rt);
    super::types_bytes_more::register(rt);
}

/// The bytes inside a bytes value or a bytes-subclass instance (not other
/// buffers: CPython's `PyBytes_Check`).
fn exact_bytes(v: &Value) -> Option<Arc<Vec<u8>>> {
    match crate::vm::ops::payload_of(v).unwrap_or_else(|| v.clone()) {
        Value::Bytes(b) => Some(b),
        _ => None,
    }
}

/// The operator dunders of `bytes` called directly (`b.__add__(x)`): the
/// operators themselves never reach them (`lookup_user` skips built-in
/// classes), so these only have to answer as CPython's slot wrappers do.
fn register_dunders(rt: &Runtime) {
    let c = &rt.types.bytes;
    for (name, op) in super::RICH_COMPARISONS {
        method(c, name, move |vm, a| {
            a.expect_after_self(vm, 1)?;
            let b = recv(vm, &a, name)?;
            match exact_bytes(&a.pos[1]) {
                Some(o) => vm.compare(&Value::Bytes(b), &Value::Bytes(o), op),
                None => Ok(Value::NotImplemented),
            }
        });
    }
    method(c, "__add__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let b = recv(vm, &a, "__add__")?;
        match as_bytes(&a.pos[1]) {
            Some(o) => bytes([&b[..], &o[..]].concat()),
            None => {
                let tn = vm.type_name(&a.pos[1]);
                Err(vm.type_error(&format!("can't concat {tn} to bytes")))
            }
        }
    });
    for name in ["__mul__", "__rmul__"] {
        method(c, name, move |vm, a| {
            a.expect_after_self(vm, 1)?;
            let b = recv(vm, &a, name)?;
            let n = vm.repeat_count(&a.pos[1])?;
            vm.binary_op(&Value::Bytes(b), &Value::Int(n), crate::parse::ast::BinOp::Mult)
        });
    }
    method(c, "__mod__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let b = recv(vm, &a, "__mod__")?;
        bytes(vm.bytes_percent_format(&b, &a.pos[1])?)
    });
    method(c, "__rmod__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let b = recv(vm, &a, "__rmod__")?;
        match exact_bytes(&a.pos[1]) {
            Some(fmt) => bytes(vm.bytes_percent_format(&fmt, &Value::Bytes(b))?),
            None => Ok(Value::NotImplemented),
        }
    });
    for name in ["__bytes__", "__getnewargs__"] {
        method(c, name, move |vm, a| {
            a.check_method(vm, &format!("bytes.{name}"), 0, 0)?;
            let b = Value::Bytes(recv(vm, &a, name)?);
            Ok(if name == "__bytes__" { b } else { Value::tuple(vec![b]) })
        });
    }
}

/// `x in b` says "a bytes-like object is required" where `find` names ints too.
pub(crate) fn contains_error(vm: &mut Vm, item: &Value, e: crate::vm::PyErr) -> crate::vm::PyErr {
    if vm.is_exc(&e, "TypeError") {
        let tn = vm.type_name(item);
        return vm.type_error(&format!("a bytes-like object is required, not '{tn}'"));
    }
    e
}

/// `bytes(source=b'', encoding=…, errors=…)` with CPython's checks: a str
/// needs an encoding and only a str takes one; an int is a count of zero
/// bytes (negative: ValueError); an object with `__bytes__` converts itself;
/// any other iterable gives ints in range(256).
/// For a subclass (`class B(bytes)`) the bytes are the payload of an
/// instance of it.
pub fn bytes_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = a.pos.first().cloned().unwrap_or(Value::None);
    let b = bytes(bytes_source(vm, a, "bytes")?)?;
    Ok(vm.wrap_builtin(&cls, b))
}

/// The bytes of `bytes(…)` or `bytearray(…)` (`ty` names which, for the
/// messages); `a.pos[0]` is the class.
pub fn bytes_source(vm: &mut Vm, mut a: Args, ty: &str) -> PyResult<Vec<u8>> {
    let given = a.pos.len() - 1 + a.kw.len();
    if given > 3 {
        return Err(vm.type_error(&format!("{ty}() takes at most 3 arguments ({given} given)")));
    }
    let source = a.arg(1, "source");
    let encoding = a.arg(2, "encoding");
    let errors = a.arg(3, "errors");
    if let Some((k, _)) = a.kw.first() {
        return Err(vm.type_error(&format!("'{}' is an invalid keyword argument for {ty}()", k.as_str())));
    }
    let enc = text_arg(vm, encoding, &format!("{ty}() argument 'encoding'"))?;
    let errs = text_arg(vm, errors, &format!("{ty}() argument 'errors'"))?;
    let Some(source) = source else {
        if enc.is_some() {
            return Err(vm.type_error("encoding without a string argument"));
        }
        if errs.is_some() {
            return Err(vm.type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    };
    if let Value::Str(s) = &source {
        let Some(enc) = enc else { return Err(vm.type_error("string argument without an encoding")) };
        return super::types_str::encode(vm, s, &enc, errs.as_deref().unwrap_or("strict"));
    }
    // With an encoding, a str subclass is encoded (its `__bytes__` is not asked).
    if let (Some(enc), Some(s)) = (&enc, super::types_str::as_pystr(&source)) {
        return super::types_str::encode(vm, &s, enc, errs.as_deref().unwrap_or("strict"));
    }
    if enc.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errs.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    if let Some(b) = as_bytes(&source) {
        return Ok(b.to_vec());
    }
    if let Some(m) = vm.class_of(&source).lookup("__bytes__").filter(|_| ty == "bytes") {
        let r = vm.call_method_value(&m, source.clone(), vec![])?;
        return match as_bytes(&r) {
            Some(b) => Ok(b.to_vec()),
            None => {
                let tn = vm.type_name(&r);
                Err(vm.type_error(&format!("__bytes__ returned non-bytes (type {tn})")))
            }
        };
    }
    if let Some(n) = vm.exact_index(&source)? {
        let Value::Int(n) = n else {
            return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"));
        };
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        // Zeroed memory straight from the allocator (pages are touched only
        // when written), once the size is known to be possible.
        vm.check_alloc(n as u128)?;
        return Ok(vec![0u8; n as usize]);
    }
    let it = match vm.get_iter(&source) {
        Ok(it) => it,
        Err(e) if vm.is_exc(&e, "TypeError") => {
            let tn = vm.type_name(&source);
            return Err(vm.type_error(&format!("cannot convert '{tn}' object to {ty}")));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(item) = vm.next_value(&it)? {
        let Some(n) = vm.exact_index(&item)? else {
            let tn = vm.type_name(&item);
            return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
        };
        match n {
            Value::Int(n) if (0..256).contains(&n) => out.push(n as u8),
            _ if ty == "bytes" => return Err(vm.value_error("bytes must be in range(0, 256)")),
            _ => return Err(vm.value_error("byte must be in range(0, 256)")),
        }
    }
    Ok(out)
}
