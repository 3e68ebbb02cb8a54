//! More methods of `bytes` (and, through its wrappers, `bytearray`):
//! `hex` with a separator, `fromhex`, `rsplit`, `expandtabs`, `translate`
//! and `maketrans`, with CPython 3.11's argument checks and messages.

use std::sync::Arc;

use super::method;
use super::types_bytes::{arg, bytes, recv};
use crate::object::descr::StaticMethod;
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Runtime, Vm};

/// `data.hex(sep, bytes_per_sep)` for bytes, bytearray and memoryview:
/// `sep` (a str or bytes of one ASCII character) goes between groups of
/// `bytes_per_sep` bytes, counted from the right (from the left when negative).
pub fn hex_with_sep(vm: &mut Vm, data: &[u8], sep: Option<&Value>, per: Option<&Value>) -> PyResult<String> {
    // Argument Clinic converts bytes_per_sep (a C int) first; then CPython
    // takes `len(sep)` (None is not a default here), and only then its type.
    let per = match per {
        Some(v) => super::types_str::c_int_arg(vm, v)?,
        None => 1,
    };
    let sep = match sep {
        None => None,
        Some(v) => {
            if vm.len_of(v)? != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            // str or bytes (or their subclasses); a bytearray is refused.
            let plain = crate::vm::ops::payload_of(v).unwrap_or_else(|| v.clone());
            let c = match &plain {
                Value::Str(s) => s.as_str().chars().next().map_or(0, |c| c as u32),
                Value::Bytes(b) if !b.is_empty() => b[0] as u32,
                _ => return Err(vm.type_error("sep must be str or bytes.")),
            };
            if c > 127 {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(c as u8 as char)
        }
    };
    let mut out = String::with_capacity(data.len() * 3);
    let Some(sep) = sep.filter(|_| per != 0) else {
        for b in data {
            out.push_str(&format!("{b:02x}"));
        }
        return Ok(out);
    };
    let group = per.unsigned_abs() as usize;
    let n = data.len();
    for (i, b) in data.iter().enumerate() {
        // A separator before byte i when a group boundary falls there.
        let boundary = if per > 0 { (n - i).is_multiple_of(group) } else { i.is_multiple_of(group) };
        if i > 0 && boundary {
            out.push(sep);
        }
        out.push_str(&format!("{b:02x}"));
    }
    Ok(out)
}

/// `bytes.fromhex(s)`: pairs of hex digits, ASCII whitespace between pairs.
pub fn parse_fromhex(vm: &mut Vm, a: &Args, owner: &str) -> PyResult<Vec<u8>> {
    if !a.kw.is_empty() {
        return Err(vm.type_error(&format!("{owner}.fromhex() takes no keyword arguments")));
    }
    let n = a.pos.len().saturating_sub(1);
    if n != 1 {
        return Err(vm.type_error(&format!("{owner}.fromhex() takes exactly one argument ({n} given)")));
    }
    let s = super::types_str::str_arg(vm, &a.pos[1], "fromhex() argument")?;
    let chars: Vec<char> = s.as_str().chars().collect();
    let bad = |vm: &mut Vm, p: usize| {
        vm.value_error(&format!("non-hexadecimal number found in fromhex() arg at position {p}"))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        // Py_ISSPACE: ASCII whitespace with \v (Rust's set leaves \v out).
        if matches!(chars[i], ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r') {
            i += 1;
            continue;
        }
        let Some(hi) = chars[i].to_digit(16) else { return Err(bad(vm, i)) };
        let Some(lo) = chars.get(i + 1).and_then(|c| c.to_digit(16)) else { return Err(bad(vm, i + 1)) };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

fn rsplit(vm: &mut Vm, mut a: Args) -> PyResult {
    let b = recv(vm, &a, "rsplit")?;
    let sep = a.arg(1, "sep");
    let max = match a.arg(2, "maxsplit") {
        Some(v) => vm.ssize_index(&v)?,
        None => -1,
    };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        None | Some(Value::None) => {
            let ws = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
            let mut e = b.len();
            loop {
                while e > 0 && ws(b[e - 1]) {
                    e -= 1;
                }
                if e == 0 {
                    break;
                }
                if max >= 0 && parts.len() as i64 >= max {
                    parts.push(b[..e].to_vec());
                    break;
                }
                let mut s = e;
                while s > 0 && !ws(b[s - 1]) {
                    s -= 1;
                }
                parts.push(b[s..e].to_vec());
                e = s;
            }
        }
        Some(s) => {
            let s = arg(vm, &s)?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            let mut rest: &[u8] = &b;
            while max < 0 || (parts.len() as i64) < max {
                match rest.windows(s.len()).rposition(|w| w == &s[..]) {
                    Some(i) => {
                        parts.push(rest[i + s.len()..].to_vec());
                        rest = &rest[..i];
                    }
                    None => break,
                }
            }
            parts.push(rest.to_vec());
        }
    }
    parts.reverse();
    Ok(Value::list(parts.into_iter().map(|p| Value::Bytes(Arc::new(p))).collect()))
}

fn expandtabs(vm: &mut Vm, mut a: Args) -> PyResult {
    let b = recv(vm, &a, "expandtabs")?;
    let size = match a.arg(1, "tabsize") {
        Some(v) => super::types_str::c_int_arg(vm, &v)?,
        None => 8,
    };
    vm.check_alloc(super::types_str::expanded_len(b.iter().map(|&c| c as u32), size, vm)?)?;
    let mut out = Vec::with_capacity(b.len());
    let mut col = 0i64;
    for &c in b.iter() {
        match c {
            b'\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    bytes(out)
}

fn translate(vm: &mut Vm, mut a: Args) -> PyResult {
    a.check_method(vm, "translate", 1, 2)?;
    let b = recv(vm, &a, "translate")?;
    let table = match a.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => {
            let t = arg(vm, v)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match a.arg(2, "delete") {
        Some(v) => arg(vm, &v)?.to_vec(),
        None => Vec::new(),
    };
    let out = b
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| match &table {
            Some(t) => t[c as usize],
            None => c,
        })
        .collect();
    bytes(out)
}

/// `bytes.maketrans(frm, to)`: a 256-byte table mapping each byte of `frm`
/// to the byte of `to` at the same position.
fn maketrans(vm: &mut Vm, a: Args) -> PyResult {
    a.posonly(vm, "maketrans", 2, 2)?;
    let frm = arg(vm, &a.pos[0])?;
    let to = arg(vm, &a.pos[1])?;
    if frm.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (f, o) in frm.iter().zip(to.iter()) {
        t[*f as usize] = *o;
    }
    bytes(t)
}

/// Registers these methods on `bytes`.
pub fn register(rt: &Runtime) {
    let c = &rt.types.bytes;
    method(c, "hex", |vm, mut a| {
        let b = recv(vm, &a, "hex")?;
        let sep = a.arg(1, "sep");
        let per = a.arg(2, "bytes_per_sep");
        Ok(Value::string(hex_with_sep(vm, &b, sep.as_ref(), per.as_ref())?))
    });
    super::types_num::classmethod(rt, c, "fromhex", |vm, a| {
        let r = bytes(parse_fromhex(vm, &a, "bytes")?)?;
        // A subclass is called with the bytes, so its `__new__`/`__init__` run.
        match a.pos.first() {
            Some(Value::Class(c)) if !Arc::ptr_eq(c, &vm.rt.types.bytes) => vm.call(&Value::Class(c.clone()), vec![r]),
            _ => Ok(r),
        }
    });
    let maketrans = super::not_a_descriptor(Vm::native("maketrans", maketrans));
    let sm = StaticMethod::new(maketrans, rt.types.staticmethod.clone());
    c.dict.set_item_str("maketrans", Value::from_native(Arc::new(sm)));
    method(c, "rsplit", rsplit);
    method(c, "expandtabs", expandtabs);
    method(c, "translate", translate);
}
