//! `_codecs`: the codec registry and the built-in codecs that CPython's
//! `codecs` module and `encodings` package rest on.
//!
//! `str.encode` and `bytes.decode` go through [`encode_str`] and
//! [`decode_bytes`]: the codecs written here (UTF-8/16/32, ASCII, Latin-1)
//! run directly, anything else is looked up in the registry, importing
//! CPython's `encodings` package on first need (as CPython does) so that
//! cp1252, koi8-r and friends come from the library, not from Rust.

use std::collections::HashMap;
use std::sync::Arc;

use parking_lot::Mutex;

use super::def;
use super::unicode_errors::{self as uerr, Replacement};
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// One runtime's codec registry: search functions, the codecs they found,
/// and the error handlers registered from Python.
#[derive(Default)]
pub struct Registry {
    search: Mutex<Vec<Value>>,
    cache: Mutex<HashMap<String, Value>>,
    errors: Mutex<HashMap<String, Value>>,
    encodings_imported: std::sync::atomic::AtomicBool,
}

/// The codecs written in Rust.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Builtin {
    Utf8,
    Ascii,
    Latin1,
    Utf16(Option<bool>), // None: with a BOM; Some(true): big-endian
    Utf32(Option<bool>),
}

impl Builtin {
    fn name(self) -> &'static str {
        match self {
            Builtin::Utf8 => "utf-8",
            Builtin::Ascii => "ascii",
            Builtin::Latin1 => "latin-1",
            Builtin::Utf16(None) => "utf-16",
            Builtin::Utf16(Some(true)) => "utf-16-be",
            Builtin::Utf16(Some(false)) => "utf-16-le",
            Builtin::Utf32(None) => "utf-32",
            Builtin::Utf32(Some(true)) => "utf-32-be",
            Builtin::Utf32(Some(false)) => "utf-32-le",
        }
    }

    /// The built-in codec for an encoding name, spelled as CPython's
    /// `encodings` aliases spell the common ones.
    fn find(encoding: &str) -> Option<Builtin> {
        let n: String =
            encoding.trim().to_ascii_lowercase().chars().map(|c| if c == '_' || c == ' ' { '-' } else { c }).collect();
        Some(match n.as_str() {
            "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Builtin::Utf8,
            "ascii" | "us-ascii" | "646" | "us" => Builtin::Ascii,
            "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" | "latin" => Builtin::Latin1,
            "utf-16" | "utf16" | "u16" => Builtin::Utf16(None),
            "utf-16-be" | "utf-16be" | "unicodebigunmarked" => Builtin::Utf16(Some(true)),
            "utf-16-le" | "utf-16le" | "unicodelittleunmarked" => Builtin::Utf16(Some(false)),
            "utf-32" | "utf32" | "u32" => Builtin::Utf32(None),
            "utf-32-be" | "utf-32be" => Builtin::Utf32(Some(true)),
            "utf-32-le" | "utf-32le" => Builtin::Utf32(Some(false)),
            _ => return None,
        })
    }
}

/// [`encode_pystr`] of Rust text (which holds no lone surrogate).
pub fn encode_str(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    if Builtin::find(encoding) == Some(Builtin::Utf8) {
        return Ok(s.as_bytes().to_vec());
    }
    encode_pystr(vm, &Arc::new(PyStr::new(s)), encoding, errors)
}

/// `str.encode(encoding, errors)`.
pub fn encode_pystr(vm: &mut Vm, s: &Arc<PyStr>, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = Builtin::find(encoding) {
        return encode_builtin(vm, b, s, errors);
    }
    let codec = text_codec(vm, encoding, "codecs.encode()")?;
    let f = vm.get_item(&codec, &Value::Int(0))?;
    let r = call_codec(vm, &f, vec![Value::Str(s.clone()), Value::str(errors)], "encoding", encoding)?;
    let out = first_of_pair(vm, &r, "encoder")?;
    match super::buffer::bytes_like(&out) {
        Some(b) => Ok(b.to_vec()),
        None => {
            let tn = vm.type_name(&out);
            Err(vm.type_error(&format!(
                "'{encoding}' encoder returned '{tn}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types"
            )))
        }
    }
}

/// `bytes.decode(encoding, errors)` (the text may hold lone surrogates:
/// `surrogateescape`, `surrogatepass`).
pub fn decode_bytes(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<PyStr> {
    // CPython's PyUnicode_Decode: nothing to decode is '' before any codec lookup.
    if b.is_empty() {
        return Ok(PyStr::new(""));
    }
    if let Some(c) = Builtin::find(encoding) {
        return decode_builtin(vm, c, b, errors, true).map(|(s, _)| s);
    }
    let codec = text_codec(vm, encoding, "codecs.decode()")?;
    let f = vm.get_item(&codec, &Value::Int(1))?;
    let r = call_codec(vm, &f, vec![Value::Bytes(Arc::new(b.to_vec())), Value::str(errors)], "decoding", encoding)?;
    let out = first_of_pair(vm, &r, "decoder")?;
    match out.as_str() {
        Some(s) => Ok(PyStr::from_wide_utf8(s.wide_utf8().to_vec())),
        None => {
            let tn = vm.type_name(&out);
            Err(vm.type_error(&format!(
                "'{encoding}' decoder returned '{tn}' instead of 'str'; use codecs.decode() to decode to arbitrary types"
            )))
        }
    }
}

/// Calls a codec's encoder or decoder. An exception it raises is wrapped
/// as CPython's `_PyErr_TrySetFromCause` does, when that loses nothing: a
/// new exception of the same type saying "encoding with 'name' codec failed
/// (Type: message)", chained to the original as its `__cause__`.
fn call_codec(vm: &mut Vm, f: &Value, args: Vec<Value>, op: &str, encoding: &str) -> PyResult {
    let err = match vm.call(f, args) {
        Ok(r) => return Ok(r),
        Err(e) => e,
    };
    let cls = err.exc.class.clone();
    let base = vm.rt.types.exc("BaseException");
    let same_slot = |name: &str| match (cls.lookup(name), base.dict.get_item_str(name)) {
        (Some(a), Some(b)) => a.is(&b),
        _ => false,
    };
    // Only an exception that is its type plus one message can be rebuilt
    // with a new message: BaseException's own `__init__`/`__new__`, no
    // attributes of its own, no args but one exact str.
    let args = vm.exc_args(&err);
    let plain_args = args.is_empty() || (args.len() == 1 && matches!(args[0], Value::Str(_)));
    if !same_slot("__init__") || !same_slot("__new__") || !plain_args || !err.exc.dict.is_empty() {
        return Err(err);
    }
    let text = vm.str_of(&err.value())?;
    let msg = format!("{op} with '{encoding}' codec failed ({}: {text})", cls.name().as_str());
    let wrapped = vm.new_exception(&cls, vec![Value::string(msg)]);
    if let Some(st) = wrapped.exc.exc() {
        let mut st = st.lock();
        st.cause = Some(err.value());
        st.suppress_context = true;
    }
    Err(wrapped)
}

/// The codec of `str.encode`/`bytes.decode` (CPython's
/// `_PyCodec_LookupTextEncoding`): a CodecInfo whose `_is_text_encoding` is
/// false (`quopri_codec`, `rot13`…) is refused; a plain tuple is taken as text.
fn text_codec(vm: &mut Vm, encoding: &str, alternate: &str) -> PyResult<Value> {
    let codec = lookup(vm, encoding)?;
    if !matches!(codec, Value::Tuple(_))
        && let Some(flag) = vm.get_attr_str(&codec, "_is_text_encoding")?
        && !vm.truthy(&flag)?
    {
        let msg = format!("'{encoding}' is not a text encoding; use {alternate} to handle arbitrary codecs");
        return Err(vm.err("LookupError", &msg));
    }
    Ok(codec)
}

fn first_of_pair(vm: &mut Vm, r: &Value, what: &str) -> PyResult<Value> {
    match r {
        Value::Tuple(t) if t.len() == 2 => Ok(t.items[0].clone()),
        _ => Err(vm.type_error(&format!("{what} must return a tuple (object, integer)"))),
    }
}

/// `codecs.lookup`: the registry's cached answer, else each search function in turn.
pub fn lookup(vm: &mut Vm, encoding: &str) -> PyResult<Value> {
    let key = normalize_name(encoding);
    if let Some(v) = vm.rt.codecs.cache.lock().get(&key).cloned() {
        return Ok(v);
    }
    if !vm.rt.codecs.encodings_imported.swap(true, std::sync::atomic::Ordering::SeqCst) {
        // As CPython: the standard codecs register themselves on first lookup.
        vm.import_name("encodings", 0, true)?;
    }
    let funcs = vm.rt.codecs.search.lock().clone();
    for f in funcs {
        let r = vm.call(&f, vec![Value::str(&key)])?;
        if r.is_none() {
            continue;
        }
        let ok = matches!(&r, Value::Tuple(t) if t.len() == 4) || vm.len_of(&r).is_ok_and(|n| n == 4);
        if !ok {
            return Err(vm.type_error("codec search functions must return 4-tuples"));
        }
        vm.rt.codecs.cache.lock().insert(key, r.clone());
        return Ok(r);
    }
    Err(vm.err("LookupError", &format!("unknown encoding: {encoding}")))
}

/// The registry's key for an encoding name (CPython's `_Py_normalize_encoding`):
/// ASCII letters and digits lowercased and `.` kept; every run of anything
/// else (spaces, hyphens, non-ASCII) is one `_`, dropped at either end.
fn normalize_name(encoding: &str) -> String {
    let mut out = String::with_capacity(encoding.len());
    let mut punct = false;
    for c in encoding.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            punct = false;
            out.push(c.to_ascii_lowercase());
        } else {
            punct = true;
        }
    }
    out
}

/// Applies error handler `errors` to `exc`: a built-in one directly, else the registered function.
fn handle(vm: &mut Vm, errors: &str, exc: crate::vm::PyErr) -> PyResult<(Replacement, i64)> {
    let exc = exc.value();
    if let Some(r) = uerr::builtin_handler(vm, errors, &exc) {
        return r;
    }
    let Some(h) = vm.rt.codecs.errors.lock().get(errors).cloned() else {
        return Err(vm.err("LookupError", &format!("unknown error handler name '{errors}'")));
    };
    let r = vm.call(&h, vec![exc])?;
    let bad = |vm: &mut Vm| Err(vm.type_error("encoding error handler must return (str/bytes, int) tuple"));
    let Value::Tuple(t) = &r else { return bad(vm) };
    if t.len() != 2 {
        return bad(vm);
    }
    let Value::Int(pos) = t.items[1] else { return bad(vm) };
    if let Some(s) = t.items[0].as_str() {
        return Ok((Replacement::Text(s.clone()), pos));
    }
    match super::buffer::bytes_like(&t.items[0]) {
        Some(b) => Ok((Replacement::Bytes(b.to_vec()), pos)),
        None => bad(vm),
    }
}

/// Resolves a handler's new position (negative counts from the end).
fn new_pos(vm: &mut Vm, pos: i64, len: usize) -> PyResult<usize> {
    let p = if pos < 0 { len as i64 + pos } else { pos };
    if p < 0 || p as usize > len {
        return Err(vm.err("IndexError", &format!("position {pos} from error handler out of bounds")));
    }
    Ok(p as usize)
}

fn encode_builtin(vm: &mut Vm, c: Builtin, s: &Arc<PyStr>, errors: &str) -> PyResult<Vec<u8>> {
    // Text without lone surrogates: the UTF codecs cannot fail.
    if !s.has_surrogates() {
        match c {
            Builtin::Utf8 => return Ok(s.as_str().as_bytes().to_vec()),
            Builtin::Utf16(order) => return Ok(utf16_encode(s.as_str(), order)),
            Builtin::Utf32(order) => return Ok(utf32_encode(s.as_str(), order)),
            Builtin::Ascii | Builtin::Latin1 => {}
        }
    }
    let (limit, reason): (u32, String) = match c {
        Builtin::Ascii => (128, "ordinal not in range(128)".into()),
        Builtin::Latin1 => (256, "ordinal not in range(256)".into()),
        _ => (0x11_0000, "surrogates not allowed".into()),
    };
    let ok = |cp: u32| cp < limit && !crate::object::str_surr::is_surrogate(cp);
    let cps: Vec<u32> = s.code_points().collect();
    let mut out = Vec::with_capacity(cps.len());
    let mut emit = Emitter::new(c);
    emit.bom(&mut out);
    let object = Value::Str(s.clone());
    let mut i = 0;
    while i < cps.len() {
        if ok(cps[i]) {
            emit.put(&mut out, cps[i]);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < cps.len() && !ok(cps[end]) {
            end += 1;
        }
        let e = uerr::encode_error_of(vm, emit.name, &object, i, end, &reason);
        let (rep, pos) = handle(vm, errors, e)?;
        match rep {
            Replacement::Bytes(b) => out.extend(b),
            Replacement::Text(t) => {
                // A replacement str must be ASCII (or Latin-1 for latin-1)
                // for CPython's encoders.
                let lim = limit.min(if c == Builtin::Latin1 { 256 } else { 128 });
                for (k, ch) in t.code_points().enumerate() {
                    if ch >= lim {
                        let at = i + k.min(end - i - 1);
                        return Err(uerr::encode_error_of(vm, emit.name, &object, at, end, &reason));
                    }
                    emit.put(&mut out, ch);
                }
            }
        }
        i = new_pos(vm, pos, cps.len())?;
    }
    Ok(out)
}

/// Writes code points in one built-in codec's form (the slow path of
/// [`encode_builtin`], which error handlers may interrupt).
struct Emitter {
    c: Builtin,
    name: &'static str,
}

impl Emitter {
    fn new(c: Builtin) -> Emitter {
        // The error names the byte order `utf-16`/`utf-32` write: the machine's.
        Emitter { c, name: c.name() }
    }

    fn bom(&self, out: &mut Vec<u8>) {
        match self.c {
            Builtin::Utf16(None) => out.extend(0xfeffu16.to_le_bytes()),
            Builtin::Utf32(None) => out.extend(0xfeffu32.to_le_bytes()),
            _ => {}
        }
    }

    fn put(&mut self, out: &mut Vec<u8>, cp: u32) {
        match self.c {
            Builtin::Ascii | Builtin::Latin1 => out.push(cp as u8),
            Builtin::Utf8 => crate::object::str_surr::push_cp(out, cp),
            Builtin::Utf16(order) => {
                let big = order == Some(true);
                let mut put = |u: u16| out.extend(if big { u.to_be_bytes() } else { u.to_le_bytes() });
                if cp >= 0x1_0000 {
                    let v = cp - 0x1_0000;
                    put(0xd800 | (v >> 10) as u16);
                    put(0xdc00 | (v & 0x3ff) as u16);
                } else {
                    put(cp as u16);
                }
            }
            Builtin::Utf32(order) => out.extend(if order == Some(true) { cp.to_be_bytes() } else { cp.to_le_bytes() }),
        }
    }
}

fn utf16_encode(s: &str, order: Option<bool>) -> Vec<u8> {
    let big = order == Some(true);
    let mut out = Vec::with_capacity(s.len() * 2 + 2);
    let mut put = |u: u16| out.extend(if big { u.to_be_bytes() } else { u.to_le_bytes() });
    if order.is_none() {
        put(0xfeff);
    }
    for u in s.encode_utf16() {
        put(u);
    }
    out
}

fn utf32_encode(s: &str, order: Option<bool>) -> Vec<u8> {
    let big = order == Some(true);
    let mut out = Vec::with_capacity(s.len() * 4 + 4);
    let mut put = |u: u32| out.extend(if big { u.to_be_bytes() } else { u.to_le_bytes() });
    if order.is_none() {
        put(0xfeff);
    }
    for c in s.chars() {
        put(c as u32);
    }
    out
}

/// Decodes with a built-in codec; `final_` false keeps an incomplete
/// sequence at the end for the next call (incremental decoders). Returns
/// the text and the number of bytes consumed.
fn decode_builtin(vm: &mut Vm, c: Builtin, b: &[u8], errors: &str, final_: bool) -> PyResult<(PyStr, usize)> {
    // Valid UTF-8 as a whole needs no stepping.
    if c == Builtin::Utf8
        && let Ok(s) = std::str::from_utf8(b)
    {
        return Ok((PyStr::new(s), b.len()));
    }
    // Generalized UTF-8 (see `object/str_surr.rs`): handlers may put lone surrogates in.
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    // For UTF-16/32 with a BOM: the byte order the BOM (or its absence) chose.
    let mut order = match c {
        Builtin::Utf16(o) | Builtin::Utf32(o) => o,
        _ => None,
    };
    let unit = match c {
        Builtin::Utf16(_) => 2,
        Builtin::Utf32(_) => 4,
        _ => 1,
    };
    if unit > 1 && order.is_none() {
        if b.len() < unit && !final_ {
            return Ok((PyStr::new(""), 0));
        }
        let bom_le: &[u8] = if unit == 2 { &[0xff, 0xfe] } else { &[0xff, 0xfe, 0, 0] };
        let bom_be: &[u8] = if unit == 2 { &[0xfe, 0xff] } else { &[0, 0, 0xfe, 0xff] };
        if b.starts_with(bom_le) {
            order = Some(false);
            i = unit;
        } else if b.starts_with(bom_be) {
            order = Some(true);
            i = unit;
        } else {
            order = Some(false);
        }
    }
    while i < b.len() {
        let (decoded, bad) = decode_step(c, order == Some(true), &b[i..]);
        if let Some(ch) = decoded {
            out.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
            i += bad;
            continue;
        }
        // `bad` bytes starting at `i` are invalid; `None` reason: incomplete.
        let (len, reason) = bad_sequence(c, order == Some(true), &b[i..]);
        // An incomplete sequence at the end waits for more input unless final.
        if matches!(reason, "unexpected end of data" | "truncated data") && !final_ {
            break;
        }
        // A UTF-8 surrogate cut at the end waits too when surrogatepass
        // would take it whole (CPython's issue 24214).
        let rest = &b[i..];
        if c == Builtin::Utf8
            && !final_
            && errors == "surrogatepass"
            && rest.len() < 3
            && rest[0] == 0xed
            && rest.get(1).is_none_or(|&x| (0xa0..0xc0).contains(&x))
        {
            break;
        }
        // CPython names the byte order the BOM (or its absence: the
        // machine's, little-endian) chose: `'utf-16-le' codec can't decode…`.
        let codec = match c {
            Builtin::Utf16(_) => Builtin::Utf16(order),
            Builtin::Utf32(_) => Builtin::Utf32(order),
            other => other,
        };
        let e = uerr::decode_error(vm, codec.name(), b, i, i + len, reason);
        let (rep, pos) = handle(vm, errors, e)?;
        match rep {
            Replacement::Text(t) => out.extend_from_slice(t.wide_utf8()),
            Replacement::Bytes(_) => return Err(vm.type_error("decoding error handler must return (str, int) tuple")),
        }
        i = new_pos(vm, pos, b.len())?;
    }
    Ok((PyStr::from_wide_utf8(out), i))
}

/// One character from the start of `b`, and how many bytes it took; `(None, _)` if invalid.
fn decode_step(c: Builtin, big: bool, b: &[u8]) -> (Option<char>, usize) {
    match c {
        Builtin::Ascii if b[0] < 128 => (Some(b[0] as char), 1),
        Builtin::Latin1 => (Some(b[0] as char), 1),
        Builtin::Utf8 => {
            if b[0] < 128 {
                return (Some(b[0] as char), 1);
            }
            let n = match b[0] {
                0xc2..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf4 => 4,
                _ => return (None, 0),
            };
            match b.get(..n).and_then(|s| std::str::from_utf8(s).ok()) {
                Some(s) => (s.chars().next(), n),
                None => (None, 0),
            }
        }
        Builtin::Utf16(_) => {
            let u = |k: usize| {
                b.get(k..k + 2)
                    .map(|x| if big { u16::from_be_bytes([x[0], x[1]]) } else { u16::from_le_bytes([x[0], x[1]]) })
            };
            match u(0) {
                Some(w) if !(0xd800..0xe000).contains(&w) => (char::from_u32(w as u32), 2),
                Some(hi) if hi < 0xdc00 => match u(2) {
                    Some(lo) if (0xdc00..0xe000).contains(&lo) => {
                        (char::from_u32(0x10000 + ((hi as u32 - 0xd800) << 10) + (lo as u32 - 0xdc00)), 4)
                    }
                    _ => (None, 0),
                },
                _ => (None, 0),
            }
        }
        Builtin::Utf32(_) => match b.get(..4) {
            Some(x) => {
                let v = if big {
                    u32::from_be_bytes([x[0], x[1], x[2], x[3]])
                } else {
                    u32::from_le_bytes([x[0], x[1], x[2], x[3]])
                };
                (char::from_u32(v), 4)
            }
            None => (None, 0),
        },
        Builtin::Ascii => (None, 0),
    }
}

/// The length and CPython's reason for the invalid sequence at the start of `b`.
fn bad_sequence(c: Builtin, big: bool, b: &[u8]) -> (usize, &'static str) {
    match c {
        Builtin::Ascii => (1, "ordinal not in range(128)"),
        Builtin::Utf8 => match std::str::from_utf8(&b[..b.len().min(4)]) {
            _ if matches!(b[0], 0x80..=0xc1 | 0xf5..=0xff) => (1, "invalid start byte"),
            Err(e) if e.valid_up_to() == 0 => match e.error_len() {
                Some(n) => (n, "invalid continuation byte"),
                None => (b.len(), "unexpected end of data"),
            },
            _ => (1, "invalid continuation byte"),
        },
        Builtin::Utf16(_) => {
            if b.len() < 2 {
                return (b.len(), "truncated data");
            }
            let w = |k: usize| {
                if big { u16::from_be_bytes([b[k], b[k + 1]]) } else { u16::from_le_bytes([b[k], b[k + 1]]) }
            };
            let hi = w(0);
            if (0xdc00..0xe000).contains(&hi) {
                (2, "illegal encoding")
            } else if b.len() < 4 {
                (b.len(), "unexpected end of data")
            } else {
                (2, "illegal UTF-16 surrogate")
            }
        }
        Builtin::Utf32(_) => {
            if b.len() < 4 {
                return (b.len(), "truncated data");
            }
            let x = [b[0], b[1], b[2], b[3]];
            let v = if big { u32::from_be_bytes(x) } else { u32::from_le_bytes(x) };
            if (0xd800..0xe000).contains(&v) {
                (4, "code point in surrogate code point range(0xd800, 0xe000)")
            } else {
                (4, "code point not in range(0x110000)")
            }
        }
        Builtin::Latin1 => (1, "invalid byte"),
    }
}

fn text_arg(vm: &mut Vm, v: Option<Value>, what: &str) -> PyResult<String> {
    match v {
        None | Some(Value::None) => Ok("strict".into()),
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        Some(o) => {
            let tn = vm.type_name(&o);
            Err(vm.type_error(&format!("{what} must be str or None, not {tn}")))
        }
    }
}

fn str_arg(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<String> {
    match a.pos.first() {
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        Some(o) => {
            let tn = vm.type_name(o);
            Err(vm.type_error(&format!("{fname}() argument 1 must be str, not {tn}")))
        }
        None => Err(vm.type_error(&format!("{fname}() missing required argument 'str' (pos 1)"))),
    }
}

fn bytes_arg(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<Arc<Vec<u8>>> {
    match a.pos.first() {
        Some(v) => match super::buffer::bytes_like(v) {
            Some(b) => Ok(b),
            None if v.as_str().is_some() && fname.contains("escape") => {
                Ok(Arc::new(v.as_str().map(|s| s.as_str().as_bytes().to_vec()).unwrap_or_default()))
            }
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
            }
        },
        None => Err(vm.type_error(&format!("{fname}() missing required argument 'data' (pos 1)"))),
    }
}

fn pair(a: Value, n: usize) -> Value {
    Value::tuple(vec![a, Value::Int(n as i64)])
}

fn bytes_value(b: Vec<u8>) -> Value {
    Value::Bytes(Arc::new(b))
}

/// Defines `NAME_encode` and `NAME_decode` for a built-in codec.
fn def_builtin_pair(d: &Dict, prefix: &str, c: Builtin) {
    let enc_name = format!("{prefix}_encode");
    let n = enc_name.clone();
    def(d, &enc_name, move |vm, mut a| {
        a.check(vm, &n, 1, 2)?;
        let s = match a.pos.first().and_then(super::types_str::as_pystr) {
            Some(s) => s,
            None => {
                str_arg(vm, &a, &n)?;
                return Err(vm.type_error(&format!("{n}() argument 1 must be str")));
            }
        };
        let errors = text_arg(vm, a.arg(1, "errors"), &format!("{n}() argument 2"))?;
        let out = encode_builtin(vm, c, &s, &errors)?;
        Ok(pair(bytes_value(out), s.char_len()))
    });
    let dec_name = format!("{prefix}_decode");
    let n = dec_name.clone();
    def(d, &dec_name, move |vm, mut a| {
        a.check(vm, &n, 1, 3)?;
        let b = bytes_arg(vm, &a, &n)?;
        let errors = text_arg(vm, a.arg(1, "errors"), &format!("{n}() argument 2"))?;
        let final_ = match a.arg(2, "final") {
            None => !matches!(c, Builtin::Utf8 | Builtin::Utf16(_) | Builtin::Utf32(_)),
            Some(v) => vm.truthy(&v)?,
        };
        let (s, used) = decode_builtin(vm, c, &b, &errors, final_)?;
        Ok(pair(Value::Str(Arc::new(s)), used))
    });
}

/// Creates the `_codecs` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let _ = vm;
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("_codecs"));
    def(&d, "register", |vm, a| {
        a.check(vm, "register", 1, 1)?;
        if !super::builtins_attr::is_callable(vm, &a.pos[0]) {
            return Err(vm.type_error("argument must be callable"));
        }
        vm.rt.codecs.search.lock().push(a.pos[0].clone());
        Ok(Value::None)
    });
    def(&d, "unregister", |vm, a| {
        a.check(vm, "unregister", 1, 1)?;
        vm.rt.codecs.search.lock().retain(|f| !f.is(&a.pos[0]));
        vm.rt.codecs.cache.lock().clear();
        Ok(Value::None)
    });
    def(&d, "lookup", |vm, a| {
        a.check(vm, "lookup", 1, 1)?;
        let enc = str_arg(vm, &a, "lookup")?;
        lookup(vm, &enc)
    });
    def(&d, "_forget_codec", |vm, a| {
        a.check(vm, "_forget_codec", 1, 1)?;
        let enc = str_arg(vm, &a, "_forget_codec")?;
        vm.rt.codecs.cache.lock().remove(&normalize_name(&enc));
        Ok(Value::None)
    });
    for (name, encode) in [("encode", true), ("decode", false)] {
        def(&d, name, move |vm, mut a| {
            a.check(vm, name, 0, 3)?;
            // Argument Clinic: `obj` may be passed by keyword too.
            let Some(obj) = a.arg(0, "obj") else {
                return Err(vm.type_error(&format!("{name}() missing required argument 'obj' (pos 1)")));
            };
            let enc = match a.arg(1, "encoding") {
                None => "utf-8".to_string(),
                Some(Value::Str(s)) => s.as_str().to_string(),
                Some(o) => {
                    let tn = vm.type_name(&o);
                    return Err(vm.type_error(&format!("{name}() argument 'encoding' must be str, not {tn}")));
                }
            };
            let errors = text_arg(vm, a.arg(2, "errors"), &format!("{name}() argument 'errors'"))?;
            let codec = lookup(vm, &enc)?;
            let f = vm.get_item(&codec, &Value::Int(if encode { 0 } else { 1 }))?;
            let op = if encode { "encoding" } else { "decoding" };
            let r = call_codec(vm, &f, vec![obj, Value::str(&errors)], op, &enc)?;
            first_of_pair(vm, &r, if encode { "encoder" } else { "decoder" })
        });
    }
    def(&d, "register_error", |vm, a| {
        a.check(vm, "register_error", 2, 2)?;
        let name = str_arg(vm, &a, "register_error")?;
        if !super::builtins_attr::is_callable(vm, &a.pos[1]) {
            return Err(vm.type_error("handler must be callable"));
        }
        vm.rt.codecs.errors.lock().insert(name, a.pos[1].clone());
        Ok(Value::None)
    });
    def(&d, "lookup_error", |vm, a| {
        a.check(vm, "lookup_error", 1, 1)?;
        let name = str_arg(vm, &a, "lookup_error")?;
        if let Some(h) = vm.rt.codecs.errors.lock().get(&name).cloned() {
            return Ok(h);
        }
        if uerr::BUILTIN_HANDLERS.contains(&name.as_str()) {
            let fname = format!("{name}_errors");
            return Ok(Vm::native(&fname.clone(), move |vm, a| {
                a.check(vm, &fname, 1, 1)?;
                match uerr::builtin_handler(vm, &name, &a.pos[0]) {
                    Some(Ok((Replacement::Text(t), pos))) => Ok(pair(Value::Str(t), pos.max(0) as usize)),
                    Some(Ok((Replacement::Bytes(b), pos))) => Ok(pair(bytes_value(b), pos.max(0) as usize)),
                    Some(Err(e)) => Err(e),
                    None => Err(vm.err("LookupError", "unknown error handler")),
                }
            }));
        }
        Err(vm.err("LookupError", &format!("unknown error handler name '{name}'")))
    });
    def_builtin_pair(&d, "utf_8", Builtin::Utf8);
    def_builtin_pair(&d, "ascii", Builtin::Ascii);
    def_builtin_pair(&d, "latin_1", Builtin::Latin1);
    def_builtin_pair(&d, "utf_16", Builtin::Utf16(None));
    def_builtin_pair(&d, "utf_16_le", Builtin::Utf16(Some(false)));
    def_builtin_pair(&d, "utf_16_be", Builtin::Utf16(Some(true)));
    def_builtin_pair(&d, "utf_32", Builtin::Utf32(None));
    def_builtin_pair(&d, "utf_32_le", Builtin::Utf32(Some(false)));
    def_builtin_pair(&d, "utf_32_be", Builtin::Utf32(Some(true)));
    for (name, unit) in [("utf_16_ex_decode", 2usize), ("utf_32_ex_decode", 4)] {
        def(&d, name, move |vm, mut a| {
            a.check(vm, name, 1, 4)?;
            let b = bytes_arg(vm, &a, name)?;
            let errors = text_arg(vm, a.arg(1, "errors"), name)?;
            let byteorder = match a.arg(2, "byteorder") {
                Some(v) => vm.index_of(&v)?,
                None => 0,
            };
            let final_ = match a.arg(3, "final") {
                Some(v) => vm.truthy(&v)?,
                None => false,
            };
            let order = match byteorder {
                0 => None,
                n => Some(n > 0),
            };
            let c = if unit == 2 { Builtin::Utf16(order) } else { Builtin::Utf32(order) };
            let (s, used) = decode_builtin(vm, c, &b, &errors, final_)?;
            // The byte order a BOM chose: -1 little, 1 big, 0 none seen.
            let bom_be: &[u8] = if unit == 2 { &[0xfe, 0xff] } else { &[0, 0, 0xfe, 0xff] };
            let bom_le: &[u8] = if unit == 2 { &[0xff, 0xfe] } else { &[0xff, 0xfe, 0, 0] };
            let found = match order {
                Some(_) => byteorder,
                None if b.starts_with(bom_be) => 1,
                None if b.starts_with(bom_le) => -1,
                None => 0,
            };
            Ok(Value::tuple(vec![Value::Str(Arc::new(s)), Value::Int(used as i64), Value::Int(found)]))
        });
    }
    super::codecs_more::define(&d);
    super::codecs_utf7::define(&d);
    Ok(Value::Module(Arc::new(Module::new(Arc::from("_codecs"), d))))
}
