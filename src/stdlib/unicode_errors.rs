//! UnicodeEncodeError, UnicodeDecodeError and UnicodeTranslateError: their
//! five constructor arguments as attributes (`encoding`, `object`, `start`,
//! `end`, `reason`) and CPython's messages, plus the built-in error
//! handlers that `codecs.lookup_error` returns and that the codecs of
//! `mod_codecs.rs` apply.

use std::fmt::Write;
use std::sync::Arc;

use super::method;
use crate::object::class::{Class, Instance};
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::{Args, PyErr, PyResult, Runtime, Vm};

/// Which of the three errors (they differ in the type of `object` and in messages).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Encode,
    Decode,
    Translate,
}

impl Kind {
    fn class_name(self) -> &'static str {
        match self {
            Kind::Encode => "UnicodeEncodeError",
            Kind::Decode => "UnicodeDecodeError",
            Kind::Translate => "UnicodeTranslateError",
        }
    }

    fn of(vm: &Vm, v: &Value) -> Option<Kind> {
        let Value::Instance(i) = v else { return None };
        Kind::of_class(vm, &i.class)
    }

    fn of_class(vm: &Vm, c: &Arc<Class>) -> Option<Kind> {
        [Kind::Encode, Kind::Decode, Kind::Translate]
            .into_iter()
            .find(|k| c.is_subclass(&vm.rt.types.exc(k.class_name())))
    }
}

const FIELDS: [&str; 5] = ["encoding", "object", "start", "end", "reason"];

/// A new UnicodeEncodeError for `object[start..end]` (character positions).
pub fn encode_error(vm: &mut Vm, encoding: &str, object: &str, start: usize, end: usize, reason: &str) -> PyErr {
    new_error(vm, Kind::Encode, Value::str(encoding), Value::str(object), start, end, reason)
}

/// [`encode_error`] over a `str` value (which may hold lone surrogates).
pub fn encode_error_of(vm: &mut Vm, encoding: &str, object: &Value, start: usize, end: usize, reason: &str) -> PyErr {
    new_error(vm, Kind::Encode, Value::str(encoding), object.clone(), start, end, reason)
}

/// A new UnicodeDecodeError for `object[start..end]` (byte positions).
pub fn decode_error(vm: &mut Vm, encoding: &str, object: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let obj = Value::Bytes(std::sync::Arc::new(object.to_vec()));
    new_error(vm, Kind::Decode, Value::str(encoding), obj, start, end, reason)
}

fn new_error(vm: &mut Vm, kind: Kind, encoding: Value, object: Value, start: usize, end: usize, reason: &str) -> PyErr {
    let cls = vm.rt.types.exc(kind.class_name());
    let mut args = vec![object, Value::Int(start as i64), Value::Int(end as i64), Value::str(reason)];
    if kind != Kind::Translate {
        args.insert(0, encoding);
    }
    let e = vm.new_exception(&cls, args.clone());
    vm.chain_context(&e);
    store_fields(&e.exc.dict, kind, &args);
    e
}

fn store_fields(dict: &crate::object::dict::Dict, kind: Kind, args: &[Value]) {
    let names: &[&str] = if kind == Kind::Translate { &FIELDS[1..] } else { &FIELDS };
    for (name, v) in names.iter().zip(args) {
        dict.set_item_str(name, v.clone());
    }
    if kind == Kind::Translate {
        dict.set_item_str("encoding", Value::None);
    }
}

fn field(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Instance(i) => i.dict.get_item_str(name),
        _ => None,
    }
}

fn int_field(v: &Value, name: &str) -> i64 {
    match field(v, name) {
        Some(Value::Int(n)) => n,
        _ => 0,
    }
}

/// `str()` of a Unicode error, as CPython's `__str__` writes it.
pub fn message(vm: &mut Vm, inst: &Instance) -> PyResult<String> {
    let Some(kind) = Kind::of_class(vm, &inst.class) else { return Ok(String::new()) };
    let d = &inst.dict;
    let Some(object) = d.get_item_str("object") else { return Ok(String::new()) };
    let reason = match d.get_item_str("reason") {
        Some(r) => vm.str_of(&r)?,
        None => String::new(),
    };
    let encoding = match d.get_item_str("encoding") {
        Some(Value::None) | None => String::new(),
        Some(e) => vm.str_of(&e)?,
    };
    let int = |name: &str| match d.get_item_str(name) {
        Some(Value::Int(n)) => n,
        _ => 0,
    };
    let (start, end) = (int("start"), int("end"));
    let single = end == start + 1;
    Ok(match kind {
        Kind::Decode => {
            let byte = super::buffer::bytes_like(&object).and_then(|b| b.get(start as usize).copied());
            match byte {
                Some(b) if single => {
                    format!("'{encoding}' codec can't decode byte 0x{b:02x} in position {start}: {reason}")
                }
                _ => format!("'{encoding}' codec can't decode bytes in position {start}-{}: {reason}", end - 1),
            }
        }
        Kind::Encode | Kind::Translate => {
            let ch = object
                .as_str()
                .filter(|s| (0..s.char_len() as i64).contains(&start))
                .map(|s| s.code_point_at(start as usize));
            let what = if kind == Kind::Encode {
                format!("'{encoding}' codec can't encode")
            } else {
                "can't translate".into()
            };
            match ch {
                Some(c) if single => format!("{what} character '{}' in position {start}: {reason}", escape(c)),
                _ => format!("{what} characters in position {start}-{}: {reason}", end - 1),
            }
        }
    })
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`, as CPython writes a character in these messages.
fn escape(cp: u32) -> String {
    if cp <= 0xff {
        format!("\\x{cp:02x}")
    } else if cp <= 0xffff {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}

/// Checks the five (four for translate) constructor arguments' types.
fn init(vm: &mut Vm, kind: Kind, a: &Args) -> PyResult<()> {
    let args = &a.pos[1..];
    let want = if kind == Kind::Translate { 4 } else { 5 };
    if args.len() != want {
        return Err(vm.type_error(&format!("function takes exactly {want} arguments ({} given)", args.len())));
    }
    let offset = if kind == Kind::Translate { 0 } else { 1 };
    if kind != Kind::Translate && args[0].as_str().is_none() {
        let tn = vm.type_name(&args[0]);
        return Err(vm.type_error(&format!("argument 1 must be str, not {tn}")));
    }
    let object_ok = match kind {
        Kind::Decode => super::buffer::bytes_like(&args[offset]).is_some(),
        _ => args[offset].as_str().is_some(),
    };
    if !object_ok {
        let tn = vm.type_name(&args[offset]);
        let want = if kind == Kind::Decode { "a bytes-like object" } else { "str" };
        return Err(vm.type_error(&format!("argument {} must be {want}, not {tn}", offset + 1)));
    }
    for i in [offset + 1, offset + 2] {
        if !matches!(args[i], Value::Int(_) | Value::Boolean(_)) {
            let tn = vm.type_name(&args[i]);
            return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
        }
    }
    if args[offset + 3].as_str().is_none() {
        let tn = vm.type_name(&args[offset + 3]);
        return Err(vm.type_error(&format!("argument {} must be str, not {tn}", offset + 4)));
    }
    if let Value::Instance(i) = &a.pos[0] {
        if let Some(st) = i.exc() {
            st.lock().args = args.to_vec();
        }
        store_fields(&i.dict, kind, args);
    }
    Ok(())
}

/// Adds `__init__` to the three classes (`str()` is `vm/convert.rs`'s, which calls [`message`]).
pub fn register(rt: &Runtime) {
    for kind in [Kind::Encode, Kind::Decode, Kind::Translate] {
        let cls = rt.types.exc(kind.class_name());
        method(&cls, "__init__", move |vm, a| {
            if !matches!(a.pos.first(), Some(Value::Instance(_))) {
                return Err(vm.type_error("descriptor '__init__' requires an exception"));
            }
            init(vm, kind, &a)?;
            Ok(Value::None)
        });
    }
}

/// The names of the built-in error handlers.
pub const BUILTIN_HANDLERS: [&str; 8] = [
    "strict",
    "ignore",
    "replace",
    "backslashreplace",
    "xmlcharrefreplace",
    "namereplace",
    "surrogateescape",
    "surrogatepass",
];

/// What a handler gives back: the replacement and where to go on.
pub enum Replacement {
    /// A `str` (lone surrogates allowed).
    Text(Arc<PyStr>),
    Bytes(Vec<u8>),
}

/// Runs the built-in handler `name` for the error `exc` (as the Python-level
/// handler function does), or `None` if `name` is not built in.
pub fn builtin_handler(vm: &mut Vm, name: &str, exc: &Value) -> Option<PyResult<(Replacement, i64)>> {
    if !BUILTIN_HANDLERS.contains(&name) {
        return None;
    }
    Some(run_builtin(vm, name, exc))
}

fn run_builtin(vm: &mut Vm, name: &str, exc: &Value) -> PyResult<(Replacement, i64)> {
    let Some(kind) = Kind::of(vm, exc) else {
        let tn = vm.type_name(exc);
        return Err(vm.type_error(&format!("don't know how to handle {tn} in error callback")));
    };
    let (start, end) = (int_field(exc, "start"), int_field(exc, "end"));
    let object = field(exc, "object").unwrap_or(Value::None);
    let chars: Vec<u32> = object
        .as_str()
        .map(|s| s.code_points().skip(start.max(0) as usize).take((end - start).max(0) as usize).collect())
        .unwrap_or_default();
    let bytes: Vec<u8> = super::buffer::bytes_like(&object)
        .map(|b| b.get(start.max(0) as usize..(end.max(start) as usize).min(b.len())).unwrap_or(&[]).to_vec())
        .unwrap_or_default();
    let unsupported = |vm: &mut Vm| {
        let tn = kind.class_name();
        Err(vm.type_error(&format!("don't know how to handle {tn} in error callback")))
    };
    let text = match (name, kind) {
        ("strict", _) => {
            let e = vm.make_raisable(exc.clone())?;
            return Err(e);
        }
        ("ignore", _) => String::new(),
        ("replace", Kind::Encode) => "?".repeat(chars.len()),
        ("replace", Kind::Decode) => "\u{fffd}".into(),
        ("replace", Kind::Translate) => "\u{fffd}".repeat(chars.len()),
        ("backslashreplace", Kind::Decode) => bytes.iter().fold(String::new(), |mut s, b| {
            let _ = write!(s, "\\x{b:02x}");
            s
        }),
        ("backslashreplace", _) | ("namereplace", Kind::Encode) => chars.iter().map(|c| escape(*c)).collect(),
        ("xmlcharrefreplace", Kind::Encode) => chars.iter().map(|c| format!("&#{c};")).collect(),
        ("surrogateescape" | "surrogatepass", Kind::Encode | Kind::Decode) => {
            let encoding = match field(exc, "encoding") {
                Some(e) => vm.str_of(&e)?,
                None => String::new(),
            };
            let pass = name == "surrogatepass";
            return match surrogate_handler(pass, kind, &encoding, (start, end), &chars, &object) {
                Some(r) => Ok(r),
                None => Err(vm.make_raisable(exc.clone())?),
            };
        }
        _ => return unsupported(vm),
    };
    Ok((Replacement::Text(Arc::new(PyStr::from_string(text))), end))
}

/// The unit a UTF codec named `encoding` works in for `surrogatepass`
/// (CPython's `get_standard_encoding`): 1 for UTF-8, 2 or 4 with the byte
/// order (big-endian?) for UTF-16/32; `None` for any other codec.
fn utf_unit(encoding: &str) -> Option<(usize, bool)> {
    let e = encoding.to_ascii_lowercase().replace('_', "-");
    let big = e.ends_with("be");
    match e.strip_prefix("utf-").or_else(|| e.strip_prefix("utf")) {
        Some(r) if r.starts_with('8') => Some((1, false)),
        Some(r) if r.starts_with("16") => Some((2, big)),
        Some(r) if r.starts_with("32") => Some((4, big)),
        _ => None,
    }
}

/// `surrogateescape` (`pass` false) and `surrogatepass` for an encode error
/// over code points `chars` (the failing `start..end`) or a decode error
/// over the bytes of `object` from `start`; `None`: the error stands.
fn surrogate_handler(
    pass: bool,
    kind: Kind,
    encoding: &str,
    (start, end): (i64, i64),
    chars: &[u32],
    object: &Value,
) -> Option<(Replacement, i64)> {
    use crate::object::str_surr::{is_surrogate, push_cp};
    let start = usize::try_from(start).ok()?;
    if kind == Kind::Encode {
        let mut out = Vec::new();
        if pass {
            let (unit, big) = utf_unit(encoding)?;
            for &c in chars {
                if !is_surrogate(c) {
                    return None;
                }
                match unit {
                    1 => push_cp(&mut out, c),
                    2 if big => out.extend((c as u16).to_be_bytes()),
                    2 => out.extend((c as u16).to_le_bytes()),
                    _ if big => out.extend(c.to_be_bytes()),
                    _ => out.extend(c.to_le_bytes()),
                }
            }
        } else {
            for &c in chars {
                if !(0xdc80..0xdd00).contains(&c) {
                    return None;
                }
                out.push((c - 0xdc00) as u8);
            }
        }
        return Some((Replacement::Bytes(out), (start + chars.len()) as i64));
    }
    let b = super::buffer::bytes_like(object)?;
    let rest = b.get(start..)?;
    if pass {
        let (unit, big) = utf_unit(encoding)?;
        let cp = match unit {
            1 => {
                let x = rest.get(..3)?;
                if x[0] & 0xf0 != 0xe0 || x[1] & 0xc0 != 0x80 || x[2] & 0xc0 != 0x80 {
                    return None;
                }
                ((x[0] as u32 & 0x0f) << 12) | ((x[1] as u32 & 0x3f) << 6) | (x[2] as u32 & 0x3f)
            }
            2 => {
                let x: [u8; 2] = rest.get(..2)?.try_into().ok()?;
                (if big { u16::from_be_bytes(x) } else { u16::from_le_bytes(x) }) as u32
            }
            _ => {
                let x: [u8; 4] = rest.get(..4)?.try_into().ok()?;
                if big { u32::from_be_bytes(x) } else { u32::from_le_bytes(x) }
            }
        };
        if !is_surrogate(cp) {
            return None;
        }
        let s = Arc::new(PyStr::from_code_points([cp]));
        // A UTF-8 surrogate is 3 bytes; UTF-16/32 take one unit.
        let used = if unit == 1 { 3 } else { unit };
        return Some((Replacement::Text(s), (start + used) as i64));
    }
    // At most 4 bytes of the failing range, each at least 128, as CPython's
    // handler takes them.
    let span = usize::try_from(end).unwrap_or(0).saturating_sub(start).min(4);
    let n = rest.iter().take(span).take_while(|&&x| x >= 128).count();
    if n == 0 {
        return None;
    }
    let s = Arc::new(PyStr::from_code_points(rest[..n].iter().map(|&x| 0xdc00 + x as u32)));
    Some((Replacement::Text(s), (start + n) as i64))
}
