//! The `binascii` module: hex, base64, uuencode and quoted-printable
//! codecs and the CRC-32 / CRC-CCITT checksums, with CPython 3.11's
//! arguments and messages (CPython's `base64`, `quopri`, `zipfile` and
//! `gzip` rest on it).

use std::sync::Arc;

use super::def;
use super::native_util::{
    ascii_arg, at_most, buffer_arg, bytes, exc_class, module, positional_exactly, raise, take_arg,
};
use crate::object::class::Class;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Vm};

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const HEX: &[u8; 16] = b"0123456789abcdef";

/// The CRC-32 table (reflected polynomial 0xEDB88320), built at compile time.
const CRC_TABLE: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
};

/// CRC-32 of `data` continuing from `crc` (zlib's and binascii's).
pub fn crc32(data: &[u8], crc: u32) -> u32 {
    let mut c = !crc;
    for &b in data {
        c = CRC_TABLE[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

/// CRC-CCITT (polynomial 0x1021, MSB first) continuing from `crc`.
fn crc_hqx(data: &[u8], crc: u32) -> u32 {
    let mut c = crc & 0xffff;
    for &b in data {
        c ^= (b as u32) << 8;
        for _ in 0..8 {
            c = if c & 0x8000 != 0 { (c << 1) ^ 0x1021 } else { c << 1 };
        }
        c &= 0xffff;
    }
    c
}

/// A crc argument: any int, reduced modulo 2**32 as CPython's unsigned
/// int conversion does.
fn crc_value(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    if let Value::Flt(_) = v {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let b = crate::vm::numeric::to_big(v).ok_or_else(|| {
        let tn = vm.type_name(v);
        vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer"))
    })?;
    let m = num_bigint::BigInt::from(1u64 << 32);
    let r = ((b % &m) + &m) % &m;
    Ok(u32::try_from(r).unwrap_or(0))
}

/// `hexlify` / `b2a_hex` (also used for `bytes.hex`-style separators):
/// `sep` every `per` bytes, counted from the right when `per` > 0.
fn hexlify(data: &[u8], sep: Option<u8>, per: i64) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() * 3);
    let n = data.len();
    let group = per.unsigned_abs() as usize;
    for (i, &b) in data.iter().enumerate() {
        if let Some(s) = sep
            && i > 0
            && group > 0
        {
            let boundary = if per > 0 { (n - i).is_multiple_of(group) } else { i.is_multiple_of(group) };
            if boundary {
                out.push(s);
            }
        }
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    }
    out
}

fn hex_digit(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// `hexlify(data, sep=, bytes_per_sep=1)` shared by both names.
fn hexlify_fn(vm: &mut Vm, mut a: Args, fname: &str) -> PyResult {
    at_most(vm, &a, fname, 3)?;
    let data = take_arg(vm, &mut a, 0, "data", fname)?;
    let data = buffer_arg(vm, &data)?;
    let sep = a.arg(1, "sep");
    let per = match a.arg(2, "bytes_per_sep") {
        Some(v) => vm.index_of(&v)?,
        None => 1,
    };
    if i32::try_from(per).is_err() {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    }
    a.no_extra_kw(vm, fname)?;
    let sep = match sep {
        None => None,
        Some(v) => {
            let s: Vec<u32> = match &v {
                Value::Str(s) => s.as_str().chars().map(|c| c as u32).collect(),
                other => match super::buffer::bytes_like(other) {
                    Some(b) => b.iter().map(|&c| c as u32).collect(),
                    None => {
                        let tn = vm.type_name(other);
                        return Err(vm.type_error(&format!("object of type '{tn}' has no len()")));
                    }
                },
            };
            if s.len() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if s[0] > 127 && !matches!(v, Value::Str(_)) {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(s[0] as u8)
        }
    };
    Ok(bytes(hexlify(&data, sep, per)))
}

fn unhexlify_fn(vm: &mut Vm, mut a: Args, fname: &str, err: &Arc<Class>) -> PyResult {
    at_most(vm, &a, fname, 1)?;
    let v = take_arg(vm, &mut a, 0, "hexstr", fname)?;
    a.no_extra_kw(vm, fname)?;
    let s = ascii_arg(vm, &v)?;
    if s.len() % 2 != 0 {
        return Err(raise(vm, err, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(s.len() / 2);
    for p in s.chunks(2) {
        match (hex_digit(p[0]), hex_digit(p[1])) {
            (Some(h), Some(l)) => out.push(h << 4 | l),
            _ => return Err(raise(vm, err, "Non-hexadecimal digit found")),
        }
    }
    Ok(bytes(out))
}

/// Why a base64 decode failed: CPython's binascii.Error messages.
fn a2b_base64(data: &[u8], strict: bool) -> Result<Vec<u8>, String> {
    let mut table = [0xffu8; 256];
    for (i, &c) in B64.iter().enumerate() {
        table[c as usize] = i as u8;
    }
    if strict && data.first() == Some(&b'=') {
        return Err("Leading padding not allowed".into());
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    let (mut quad, mut left, mut pads, mut padding_started) = (0u8, 0u8, 0usize, false);
    for (i, &ch) in data.iter().enumerate() {
        if ch == b'=' {
            padding_started = true;
            if quad >= 2 {
                pads += 1;
                if quad as usize + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err("Excess data after padding".into());
                    }
                    return Ok(out);
                }
            }
            continue;
        }
        let v = table[ch as usize];
        if v >= 64 {
            if strict {
                return Err("Only base64 data is allowed".into());
            }
            continue;
        }
        if strict && padding_started {
            return Err("Discontinuous padding not allowed".into());
        }
        pads = 0;
        match quad {
            0 => {
                quad = 1;
                left = v;
            }
            1 => {
                quad = 2;
                out.push(left << 2 | v >> 4);
                left = v & 0x0f;
            }
            2 => {
                quad = 3;
                out.push(left << 4 | v >> 2);
                left = v & 0x03;
            }
            _ => {
                quad = 0;
                out.push(left << 6 | v);
                left = 0;
            }
        }
    }
    match quad {
        0 => Ok(out),
        1 => Err(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        )),
        _ => Err("Incorrect padding".into()),
    }
}

fn b2a_base64(data: &[u8], newline: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for c in data.chunks(3) {
        let n = (c[0] as u32) << 16 | (*c.get(1).unwrap_or(&0) as u32) << 8 | *c.get(2).unwrap_or(&0) as u32;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if c.len() > 1 { B64[(n >> 6) as usize & 63] } else { b'=' });
        out.push(if c.len() > 2 { B64[n as usize & 63] } else { b'=' });
    }
    if newline {
        out.push(b'\n');
    }
    out
}

fn a2b_uu(data: &[u8]) -> Result<Vec<u8>, &'static str> {
    // An empty line reads as a length byte of NUL, as C's terminator does.
    let first = data.first().copied().unwrap_or(0);
    let mut need = (first.wrapping_sub(b' ') & 0x3f) as usize;
    let mut rest = data.get(1..).unwrap_or(&[]);
    let mut out = Vec::with_capacity(need);
    let (mut acc, mut bits) = (0u32, 0u32);
    while need > 0 {
        let ch = rest.first().copied();
        let v = match ch {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(c) if !(b' '..=b' ' + 64).contains(&c) => return Err("Illegal char"),
            Some(c) => (c - b' ') & 0x3f,
        };
        if !rest.is_empty() {
            rest = &rest[1..];
        }
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
            need -= 1;
        }
    }
    if rest.iter().any(|&c| !matches!(c, b' ' | b'`' | b'\n' | b'\r')) {
        return Err("Trailing garbage");
    }
    Ok(out)
}

fn b2a_uu(data: &[u8], backtick: bool) -> Vec<u8> {
    let enc = |v: u32| -> u8 { if backtick && v == 0 { b'`' } else { b' ' + v as u8 } };
    let mut out = vec![enc(data.len() as u32 & 0x3f)];
    for c in data.chunks(3) {
        let n = (c[0] as u32) << 16 | (*c.get(1).unwrap_or(&0) as u32) << 8 | *c.get(2).unwrap_or(&0) as u32;
        for shift in [18, 12, 6, 0] {
            out.push(enc((n >> shift) & 0x3f));
        }
    }
    out.push(b'\n');
    out
}

fn a2b_qp(data: &[u8], header: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c == b'=' {
            i += 1;
            if i >= data.len() {
                break;
            }
            match data[i] {
                b'\n' | b'\r' => {
                    // A soft line break: skip to just past the newline.
                    while i < data.len() && data[i] != b'\n' {
                        i += 1;
                    }
                    if i < data.len() {
                        i += 1;
                    }
                }
                b'=' => {
                    out.push(b'=');
                    i += 1;
                }
                h if i + 1 < data.len() && hex_digit(h).is_some() && hex_digit(data[i + 1]).is_some() => {
                    out.push(hex_digit(h).unwrap_or(0) << 4 | hex_digit(data[i + 1]).unwrap_or(0));
                    i += 2;
                }
                _ => out.push(b'='),
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn b2a_qp(data: &[u8], quotetabs: bool, istext: bool, header: bool) -> Vec<u8> {
    const MAXLINE: usize = 76;
    const UHEX: &[u8; 16] = b"0123456789ABCDEF";
    let crlf = data.iter().position(|&c| c == b'\n').is_some_and(|p| p > 0 && data[p - 1] == b'\r');
    let n = data.len();
    let mut out: Vec<u8> = Vec::with_capacity(n * 2);
    let mut line = 0usize;
    let mut i = 0;
    let newline = |out: &mut Vec<u8>| {
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    while i < n {
        let c = data[i];
        let next = data.get(i + 1).copied();
        let encode = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.' && line == 0 && matches!(next, None | Some(b'\n') | Some(b'\r') | Some(0)))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && i + 1 == n)
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if encode {
            if line + 3 >= MAXLINE {
                out.push(b'=');
                newline(&mut out);
                line = 0;
            }
            out.extend_from_slice(&[b'=', UHEX[(c >> 4) as usize], UHEX[(c & 15) as usize]]);
            i += 1;
            line += 3;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            line = 0;
            // Whitespace just before a line end would be lost in transit.
            if let Some(&last) = out.last()
                && (last == b' ' || last == b'\t')
            {
                out.pop();
                out.extend_from_slice(&[b'=', UHEX[(last >> 4) as usize], UHEX[(last & 15) as usize]]);
            }
            newline(&mut out);
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if i + 1 != n && next != Some(b'\n') && line + 1 >= MAXLINE {
                out.push(b'=');
                newline(&mut out);
                line = 0;
            }
            line += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            i += 1;
        }
    }
    out
}

/// Truthiness of an optional flag argument.
fn flag(vm: &mut Vm, v: Option<Value>) -> PyResult<bool> {
    match v {
        Some(v) => vm.truthy(&v),
        None => Ok(false),
    }
}

/// Creates the `binascii` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    let error = exc_class(vm, "binascii", "Error", &["ValueError"])?;
    let incomplete = exc_class(vm, "binascii", "Incomplete", &["Exception"])?;
    d.set_item_str("Error", Value::Class(error.clone()));
    d.set_item_str("Incomplete", Value::Class(incomplete));
    for name in ["hexlify", "b2a_hex"] {
        def(&d, name, move |vm, a| hexlify_fn(vm, a, name));
    }
    for name in ["unhexlify", "a2b_hex"] {
        let e = error.clone();
        def(&d, name, move |vm, a| unhexlify_fn(vm, a, name, &e));
    }
    let e = error.clone();
    def(&d, "a2b_base64", move |vm, mut a| {
        positional_exactly(vm, &a, "a2b_base64", 1)?;
        let strict = a.take_kw("strict_mode");
        a.no_extra_kw(vm, "a2b_base64")?;
        let data = ascii_arg(vm, &a.pos[0])?;
        let strict = flag(vm, strict)?;
        a2b_base64(&data, strict).map(bytes).map_err(|m| raise(vm, &e, &m))
    });
    def(&d, "b2a_base64", |vm, mut a| {
        positional_exactly(vm, &a, "b2a_base64", 1)?;
        let newline = a.take_kw("newline");
        a.no_extra_kw(vm, "b2a_base64")?;
        let data = buffer_arg(vm, &a.pos[0])?;
        let newline = match newline {
            Some(v) => vm.truthy(&v)?,
            None => true,
        };
        Ok(bytes(b2a_base64(&data, newline)))
    });
    def(&d, "crc32", |vm, a| {
        a.no_kw(vm, "crc32")?;
        a.check(vm, "crc32", 1, 2)?;
        let data = buffer_arg(vm, &a.pos[0])?;
        let crc = match a.pos.get(1) {
            Some(v) => crc_value(vm, v)?,
            None => 0,
        };
        Ok(Value::Int(crc32(&data, crc) as i64))
    });
    def(&d, "crc_hqx", |vm, a| {
        a.no_kw(vm, "crc_hqx")?;
        if a.pos.len() != 2 {
            return Err(vm.type_error(&format!("crc_hqx expected 2 arguments, got {}", a.pos.len())));
        }
        let data = buffer_arg(vm, &a.pos[0])?;
        let crc = crc_value(vm, &a.pos[1])?;
        Ok(Value::Int(crc_hqx(&data, crc) as i64))
    });
    let e = error.clone();
    def(&d, "a2b_uu", move |vm, a| {
        a.no_kw(vm, "a2b_uu")?;
        a.check(vm, "a2b_uu", 1, 1)?;
        let data = ascii_arg(vm, &a.pos[0])?;
        a2b_uu(&data).map(bytes).map_err(|m| raise(vm, &e, m))
    });
    let e = error.clone();
    def(&d, "b2a_uu", move |vm, mut a| {
        positional_exactly(vm, &a, "b2a_uu", 1)?;
        let backtick = a.take_kw("backtick");
        a.no_extra_kw(vm, "b2a_uu")?;
        let data = buffer_arg(vm, &a.pos[0])?;
        let backtick = flag(vm, backtick)?;
        if data.len() > 45 {
            return Err(raise(vm, &e, "At most 45 bytes at once"));
        }
        Ok(bytes(b2a_uu(&data, backtick)))
    });
    def(&d, "a2b_qp", |vm, mut a| {
        at_most(vm, &a, "a2b_qp", 2)?;
        let data = take_arg(vm, &mut a, 0, "data", "a2b_qp")?;
        let header = a.arg(1, "header");
        a.no_extra_kw(vm, "a2b_qp")?;
        let data = ascii_arg(vm, &data)?;
        let header = flag(vm, header)?;
        Ok(bytes(a2b_qp(&data, header)))
    });
    def(&d, "b2a_qp", |vm, mut a| {
        at_most(vm, &a, "b2a_qp", 4)?;
        let data = take_arg(vm, &mut a, 0, "data", "b2a_qp")?;
        let quotetabs = a.arg(1, "quotetabs");
        let istext = a.arg(2, "istext");
        let header = a.arg(3, "header");
        a.no_extra_kw(vm, "b2a_qp")?;
        let data = buffer_arg(vm, &data)?;
        let quotetabs = flag(vm, quotetabs)?;
        let istext = match istext {
            Some(v) => vm.truthy(&v)?,
            None => true,
        };
        let header = flag(vm, header)?;
        Ok(bytes(b2a_qp(&data, quotetabs, istext, header)))
    });
    Ok(module("binascii", d))
}
