//! The `_codecs` functions behind CPython's table-driven and escaping
//! codecs: `charmap_*` (cp1252, koi8_r and the other single-byte codecs of
//! `encodings`), `unicode_escape_*`, `raw_unicode_escape_*`,
//! `escape_*` (used by pickle) and `readbuffer_encode`.

use std::fmt::Write;
use std::sync::Arc;

use super::def;
use super::unicode_errors as uerr;
use crate::object::dict::Dict;
use crate::object::str::PyStr;
use crate::object::str_surr::WideString;
use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

fn pair(v: Value, n: usize) -> Value {
    Value::tuple(vec![v, Value::Int(n as i64)])
}

fn bytes_of(vm: &mut Vm, v: Option<&Value>, fname: &str, allow_str: bool) -> PyResult<Arc<Vec<u8>>> {
    match v {
        Some(Value::Str(s)) if allow_str => Ok(Arc::new(s.as_str().as_bytes().to_vec())),
        Some(v) => match super::buffer::bytes_like(v) {
            Some(b) => Ok(b),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
            }
        },
        None => Err(vm.type_error(&format!("{fname}() missing required argument 'data' (pos 1)"))),
    }
}

fn str_of(vm: &mut Vm, v: Option<&Value>, fname: &str) -> PyResult<String> {
    match v {
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        Some(o) => {
            let tn = vm.type_name(o);
            Err(vm.type_error(&format!("{fname}() argument 1 must be str, not {tn}")))
        }
        None => Err(vm.type_error(&format!("{fname}() missing required argument 'str' (pos 1)"))),
    }
}

/// [`str_of`] keeping the string itself (lone surrogates included).
fn pystr_of(vm: &mut Vm, v: Option<&Value>, fname: &str) -> PyResult<Arc<PyStr>> {
    match v {
        Some(Value::Str(s)) => Ok(s.clone()),
        other => str_of(vm, other, fname).map(|s| Arc::new(PyStr::from_string(s))),
    }
}

fn errors_of(v: Option<&Value>) -> String {
    match v {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => "strict".into(),
    }
}

/// Runs error handler `errors` for a decode error and appends its text.
pub(super) fn decode_failure(
    vm: &mut Vm,
    codec: &str,
    b: &[u8],
    (start, end): (usize, usize),
    reason: &str,
    errors: &str,
    out: &mut WideString,
) -> PyResult<usize> {
    let e = uerr::decode_error(vm, codec, b, start, end, reason);
    let exc = e.value();
    let (rep, pos) = match uerr::builtin_handler(vm, errors, &exc) {
        Some(r) => r?,
        None => return Err(e),
    };
    if let uerr::Replacement::Text(t) = rep {
        out.push_pystr(&t);
    }
    Ok(if pos < 0 { (b.len() as i64 + pos).max(0) as usize } else { (pos as usize).min(b.len()) })
}

/// `\x`, `\u`, `\U` digits at `b[i..i+n]` as a code point.
fn hex_at(b: &[u8], i: usize, n: usize) -> Option<u32> {
    let s = std::str::from_utf8(b.get(i..i + n)?).ok()?;
    if !s.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(s, 16).ok()
}

/// `unicode_escape` (raw = false) and `raw_unicode_escape` decoding.
/// Decodes `b`; unless `final_`, an escape cut off at the end is left for
/// the next call (incremental decoders), as CPython's stateful decoders do.
/// Returns the text and the number of bytes consumed.
fn unicode_escape_decode(vm: &mut Vm, b: &[u8], errors: &str, raw: bool, final_: bool) -> PyResult<(PyStr, usize)> {
    let codec = if raw { "rawunicodeescape" } else { "unicodeescape" };
    let mut out = WideString::with_capacity(b.len());
    let mut first_invalid = None;
    let mut i = 0;
    while i < b.len() {
        if !final_ && b[i] == b'\\' && escape_is_cut_off(&b[i..], raw) {
            return Ok((out.into_pystr(), i));
        }
        if b[i] != b'\\' || i + 1 >= b.len() {
            if b[i] == b'\\' && !raw {
                i = decode_failure(vm, codec, b, (i, b.len()), "\\ at end of string", errors, &mut out)?;
                continue;
            }
            out.push(b[i] as char);
            i += 1;
            continue;
        }
        let e = b[i + 1];
        let digits = match e {
            b'x' if !raw => 2,
            b'u' => 4,
            b'U' => 8,
            _ => 0,
        };
        if digits > 0 {
            match hex_at(b, i + 2, digits) {
                Some(v) if v <= 0x10_ffff => {
                    // A lone surrogate escape (`\\ud800`) is kept.
                    out.push_cp(v);
                    i += 2 + digits;
                }
                Some(_) => {
                    let reason = if raw { "\\Uxxxxxxxx out of range" } else { "illegal Unicode character" };
                    i = decode_failure(vm, codec, b, (i, i + 2 + digits), reason, errors, &mut out)?;
                }
                None => {
                    let mut end = i + 2;
                    while end < b.len() && end < i + 2 + digits && b[end].is_ascii_hexdigit() {
                        end += 1;
                    }
                    let reason = match e {
                        b'x' => "truncated \\xXX escape",
                        b'u' => "truncated \\uXXXX escape",
                        _ => "truncated \\UXXXXXXXX escape",
                    };
                    i = decode_failure(vm, codec, b, (i, end), reason, errors, &mut out)?;
                }
            }
            continue;
        }
        if raw {
            out.push('\\');
            i += 1;
            continue;
        }
        i += 2;
        match e {
            b'\n' => {}
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let v = octal_escape(b, &mut i, &mut first_invalid);
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            b'N' => {
                // CPython's `\N{name}`: the error covers what was read of it, and a
                // well-formed name that does not exist has its own reason.
                let malformed = "malformed \\N character escape";
                let (end, reason) = match (b.get(i), b.get(i + 1..).and_then(|r| r.iter().position(|&c| c == b'}'))) {
                    (Some(b'{'), None) => (b.len(), malformed),
                    (Some(b'{'), Some(0)) => (i + 1, malformed),
                    (Some(b'{'), Some(k)) => {
                        let name = std::str::from_utf8(&b[i + 1..i + 1 + k]).ok();
                        if let Some(c) = name.and_then(crate::ucd::names::lookup_char) {
                            out.push(c);
                            i += k + 2;
                            continue;
                        }
                        (i + k + 2, "unknown Unicode character name")
                    }
                    _ => (i, malformed),
                };
                i = decode_failure(vm, codec, b, (i - 2, end), reason, errors, &mut out)?;
            }
            other => {
                first_invalid.get_or_insert(InvalidEscape::Char(other));
                out.push('\\');
                out.push(other as char);
            }
        }
    }
    warn_invalid_escape(vm, first_invalid)?;
    Ok((out.into_pystr(), i))
}

/// True when the escape starting at `rest[0]` (a backslash) needs bytes
/// that have not arrived: a lone backslash, `\x`/`\u`/`\U` with too few
/// bytes left, `\N` without its closing brace.
fn escape_is_cut_off(rest: &[u8], raw: bool) -> bool {
    let Some(&e) = rest.get(1) else { return true };
    let digits = match e {
        b'x' if !raw => 2,
        b'u' => 4,
        b'U' => 8,
        b'N' if !raw => return rest.len() == 2 || (rest[2] == b'{' && !rest[3..].contains(&b'}')),
        _ => return false,
    };
    rest.len() - 2 < digits
}

fn unicode_escape_encode(s: &PyStr, raw: bool) -> Vec<u8> {
    let mut out = String::with_capacity(s.as_str().len());
    for cp in s.code_points() {
        // A lone surrogate is escaped as `\\udXXX` like any BMP code point.
        let c = char::from_u32(cp).unwrap_or('\u{fffd}');
        match c {
            _ if raw && cp < 0x100 => out.push(c),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            ' '..='~' => out.push(c),
            _ if cp < 0x100 => {
                let _ = write!(out, "\\x{cp:02x}");
            }
            _ if cp < 0x10000 => {
                let _ = write!(out, "\\u{cp:04x}");
            }
            _ => {
                let _ = write!(out, "\\U{cp:08x}");
            }
        }
    }
    // Every char is below 0x100 here: one byte each.
    out.chars().map(|c| c as u32 as u8).collect()
}

/// `escape_decode`: bytes escapes as in a bytes literal; a bad `\x` escape
/// is a ValueError, or `?` / nothing with the `replace` / `ignore` handlers
/// (CPython's `_PyBytes_DecodeEscape`).
pub fn escape_decode(vm: &mut Vm, b: &[u8], errors: &str) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    let mut first_invalid = None;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let Some(&e) = b.get(i + 1) else { return Err(vm.value_error("Trailing \\ in string")) };
        i += 2;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            // A value past 0o377 keeps its low byte (and warns).
            b'0'..=b'7' => out.push(octal_escape(b, &mut i, &mut first_invalid) as u8),
            b'x' => match hex_at(b, i, 2) {
                Some(v) => {
                    out.push(v as u8);
                    i += 2;
                }
                None => {
                    match errors {
                        "strict" => {
                            return Err(vm.value_error(&format!("invalid \\x escape at position {}", i - 2)));
                        }
                        "replace" => out.push(b'?'),
                        "ignore" => {}
                        _ => {
                            let msg = format!("decoding error; unknown error handling code: {errors}");
                            return Err(vm.value_error(&msg));
                        }
                    }
                    // The `\x` and one hex digit after it are skipped.
                    if b.get(i).is_some_and(u8::is_ascii_hexdigit) {
                        i += 1;
                    }
                }
            },
            other => {
                first_invalid.get_or_insert(InvalidEscape::Char(other));
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    warn_invalid_escape(vm, first_invalid)?;
    Ok(out)
}

/// The first escape of a decode that a future Python will refuse.
#[derive(Clone, Copy)]
enum InvalidEscape {
    /// An unknown escape character (`\z`).
    Char(u8),
    /// An octal escape past `\377`, its three digits.
    Octal([u8; 3]),
}

/// The value of an octal escape whose first digit was just read (`i` is past
/// it): up to two more digits. A value past 0o377 is remembered as invalid.
fn octal_escape(b: &[u8], i: &mut usize, first_invalid: &mut Option<InvalidEscape>) -> u32 {
    let start = *i - 1;
    let mut v = (b[start] - b'0') as u32;
    for _ in 0..2 {
        if *i < b.len() && (b'0'..=b'7').contains(&b[*i]) {
            v = v * 8 + (b[*i] - b'0') as u32;
            *i += 1;
        }
    }
    if v > 0o377 {
        first_invalid.get_or_insert(InvalidEscape::Octal([b[start], b[start + 1], b[start + 2]]));
    }
    v
}

/// CPython's DeprecationWarning for the first invalid escape of a decode
/// (`\z` stays `\z`, `\501` keeps its low byte; a future Python refuses both).
fn warn_invalid_escape(vm: &mut Vm, first_invalid: Option<InvalidEscape>) -> PyResult<()> {
    let msg = match first_invalid {
        None => return Ok(()),
        Some(InvalidEscape::Char(c)) => format!("invalid escape sequence '\\{}'", c as char),
        Some(InvalidEscape::Octal(d)) => {
            format!("invalid octal escape sequence '\\{}'", d.iter().map(|&c| c as char).collect::<String>())
        }
    };
    vm.warn("DeprecationWarning", &msg, 1)
}

fn escape_encode(b: &[u8]) -> Vec<u8> {
    let mut out = String::with_capacity(b.len());
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\'' => out.push_str("\\'"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            32..=126 => out.push(c as char),
            _ => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.into_bytes()
}

/// `charmap_decode` with a str table or a mapping (int → int/str/None).
fn charmap_decode(vm: &mut Vm, b: &[u8], errors: &str, mapping: &Value) -> PyResult<PyStr> {
    let table: Option<Vec<u32>> = mapping.as_str().map(|s| s.code_points().collect());
    let mut out = WideString::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let byte = b[i];
        let mapped: Option<Arc<PyStr>> = match &table {
            Some(t) => t.get(byte as usize).filter(|c| **c != 0xfffe).map(|&c| Arc::new(PyStr::from_code_points([c]))),
            None => match vm.get_item(mapping, &Value::Int(byte as i64)) {
                Ok(Value::None) => None,
                Ok(Value::Int(n)) => match u32::try_from(n).ok().filter(|&c| c <= 0x10_ffff) {
                    Some(c) => Some(Arc::new(PyStr::from_code_points([c]))),
                    None => return Err(vm.type_error("character mapping must be in range(0x110000)")),
                },
                Ok(Value::Str(s)) if s.as_str() != "\u{fffe}" => Some(s),
                Ok(Value::Str(_)) => None,
                Ok(_) => return Err(vm.type_error("character mapping must return integer, None or str")),
                Err(e) if e.exc.class.is_subclass(&vm.rt.types.exc("LookupError")) => None,
                Err(e) => return Err(e),
            },
        };
        match mapped {
            Some(s) => {
                out.push_pystr(&s);
                i += 1;
            }
            None => {
                i = decode_failure(vm, "charmap", b, (i, i + 1), "character maps to <undefined>", errors, &mut out)?;
            }
        }
    }
    Ok(out.into_pystr())
}

/// `charmap_encode` with a mapping (code point → int/bytes/None).
fn charmap_encode(vm: &mut Vm, s: &Arc<PyStr>, errors: &str, mapping: &Value) -> PyResult<Vec<u8>> {
    let chars: Vec<u32> = s.code_points().collect();
    let object = Value::Str(s.clone());
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        match map_char(vm, mapping, chars[i])? {
            Some(b) => {
                out.extend(b);
                i += 1;
            }
            None => {
                let mut end = i + 1;
                while end < chars.len() && map_char(vm, mapping, chars[end])?.is_none() {
                    end += 1;
                }
                let e = uerr::encode_error_of(vm, "charmap", &object, i, end, "character maps to <undefined>");
                let exc = e.value();
                let (rep, pos) = match uerr::builtin_handler(vm, errors, &exc) {
                    Some(r) => r?,
                    None => return Err(e),
                };
                match rep {
                    uerr::Replacement::Bytes(b) => out.extend(b),
                    uerr::Replacement::Text(t) => {
                        for c in t.code_points() {
                            match map_char(vm, mapping, c)? {
                                Some(b) => out.extend(b),
                                None => {
                                    return Err(uerr::encode_error_of(
                                        vm,
                                        "charmap",
                                        &object,
                                        i,
                                        end,
                                        "character maps to <undefined>",
                                    ));
                                }
                            }
                        }
                    }
                }
                i = if pos < 0 { (chars.len() as i64 + pos).max(0) as usize } else { (pos as usize).min(chars.len()) };
            }
        }
    }
    Ok(out)
}

fn map_char(vm: &mut Vm, mapping: &Value, c: u32) -> PyResult<Option<Vec<u8>>> {
    match vm.get_item(mapping, &Value::Int(c as i64)) {
        Ok(Value::None) => Ok(None),
        Ok(Value::Int(n)) if (0..256).contains(&n) => Ok(Some(vec![n as u8])),
        Ok(Value::Int(_)) => Err(vm.type_error("character mapping must be in range(256)")),
        Ok(v) => match super::buffer::bytes_like(&v) {
            Some(b) => Ok(Some(b.to_vec())),
            None => Err(vm.type_error("character mapping must return integer, bytes or None, not str")),
        },
        Err(e) if e.exc.class.is_subclass(&vm.rt.types.exc("LookupError")) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Adds these functions to the `_codecs` namespace.
pub fn define(d: &Dict) {
    for (name, raw) in [("unicode_escape_decode", false), ("raw_unicode_escape_decode", true)] {
        def(d, name, move |vm, a| {
            a.check(vm, name, 1, 3)?;
            let b = bytes_of(vm, a.pos.first(), name, true)?;
            let final_ = match a.pos.get(2) {
                Some(v) => vm.truthy(v)?,
                None => true,
            };
            let (s, used) = unicode_escape_decode(vm, &b, &errors_of(a.pos.get(1)), raw, final_)?;
            Ok(pair(Value::Str(Arc::new(s)), used))
        });
    }
    for (name, raw) in [("unicode_escape_encode", false), ("raw_unicode_escape_encode", true)] {
        def(d, name, move |vm, a| {
            a.check(vm, name, 1, 2)?;
            let s = pystr_of(vm, a.pos.first(), name)?;
            Ok(pair(Value::Bytes(Arc::new(unicode_escape_encode(&s, raw))), s.char_len()))
        });
    }
    def(d, "escape_decode", |vm, a| {
        a.check(vm, "escape_decode", 1, 2)?;
        let b = bytes_of(vm, a.pos.first(), "escape_decode", true)?;
        let out = escape_decode(vm, &b, &errors_of(a.pos.get(1)))?;
        Ok(pair(Value::Bytes(Arc::new(out)), b.len()))
    });
    def(d, "escape_encode", |vm, a| {
        a.check(vm, "escape_encode", 1, 2)?;
        let b = match a.pos.first() {
            Some(Value::Bytes(b)) => b.clone(),
            Some(o) => {
                let tn = vm.type_name(o);
                return Err(vm.type_error(&format!("escape_encode() argument 1 must be bytes, not {tn}")));
            }
            None => return Err(vm.type_error("escape_encode() missing required argument 'data' (pos 1)")),
        };
        Ok(pair(Value::Bytes(Arc::new(escape_encode(&b))), b.len()))
    });
    def(d, "readbuffer_encode", |vm, a| {
        a.check(vm, "readbuffer_encode", 1, 2)?;
        let b = bytes_of(vm, a.pos.first(), "readbuffer_encode", true)?;
        let n = b.len();
        Ok(pair(Value::Bytes(b), n))
    });
    def(d, "charmap_build", |vm, a| {
        a.check(vm, "charmap_build", 1, 1)?;
        let s = str_of(vm, a.pos.first(), "charmap_build")?;
        let map = Dict::new();
        for (i, c) in s.chars().enumerate() {
            if c != '\u{fffe}' {
                vm.dict_set(&map, Value::Int(c as i64), Value::Int(i as i64))?;
            }
        }
        Ok(Value::Dict(Arc::new(map)))
    });
    def(d, "charmap_decode", |vm, a| {
        a.check(vm, "charmap_decode", 1, 3)?;
        let b = bytes_of(vm, a.pos.first(), "charmap_decode", false)?;
        let errors = errors_of(a.pos.get(1));
        let s = match a.pos.get(2) {
            None | Some(Value::None) => PyStr::from_string(b.iter().map(|&c| c as char).collect()),
            Some(m) => charmap_decode(vm, &b, &errors, m)?,
        };
        Ok(pair(Value::Str(Arc::new(s)), b.len()))
    });
    def(d, "charmap_encode", |vm, a| {
        a.check(vm, "charmap_encode", 1, 3)?;
        let s = pystr_of(vm, a.pos.first(), "charmap_encode")?;
        let errors = errors_of(a.pos.get(1));
        let n = s.char_len();
        let out = match a.pos.get(2) {
            None | Some(Value::None) => {
                let latin = super::mod_codecs::encode_pystr(vm, &s, "latin-1", &errors)?;
                return Ok(pair(Value::Bytes(Arc::new(latin)), n));
            }
            Some(m) => charmap_encode(vm, &s, &errors, m)?,
        };
        Ok(pair(Value::Bytes(Arc::new(out)), n))
    });
}
