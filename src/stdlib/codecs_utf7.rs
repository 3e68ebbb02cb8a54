//! `_codecs.utf_7_encode` / `utf_7_decode` (RFC 2152), behind CPython's
//! `encodings.utf_7`: the same choice of directly written characters as
//! CPython (set O and white space direct, `+` as `+-`), incremental decoding
//! that holds back an open shift sequence, and CPython's error reasons and
//! positions for the error handlers; an unpaired surrogate is kept (both
//! ways), as in CPython.

use std::sync::Arc;

use super::codecs_more::decode_failure;
use crate::object::str::PyStr;
use crate::object::str_surr::WideString;
use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// Bit `c` set: ASCII character `c` is written as itself by the encoder
/// (RFC 2152's sets D and O and white space, less `+`, `\` and `~`).
const DIRECT: u128 = 0x3fff_ffff_efff_ffff_ffff_f7ff_0000_2600;

fn encode_direct(c: u32) -> bool {
    c < 128 && DIRECT >> c & 1 == 1
}

fn is_base64(c: u32) -> bool {
    matches!(char::from_u32(c), Some('A'..='Z' | 'a'..='z' | '0'..='9' | '+' | '/'))
}

fn to_base64(n: u32) -> u8 {
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[(n & 63) as usize]
}

fn from_base64(c: u8) -> u32 {
    match c {
        b'A'..=b'Z' => (c - b'A') as u32,
        b'a'..=b'z' => (c - b'a') as u32 + 26,
        b'0'..=b'9' => (c - b'0') as u32 + 52,
        b'+' => 62,
        _ => 63,
    }
}

/// Encodes `s` as UTF-7 (every code point is encodable, lone surrogates too).
pub fn encode(s: &PyStr) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.as_str().len());
    let (mut in_shift, mut bits, mut buf) = (false, 0u32, 0u64);
    for c in s.code_points() {
        if in_shift && encode_direct(c) {
            if bits > 0 {
                out.push(to_base64((buf << (6 - bits)) as u32));
                (buf, bits) = (0, 0);
            }
            in_shift = false;
            // A character that could be read as base 64 (or '-') needs the
            // explicit end of the shift sequence.
            if is_base64(c) || c == '-' as u32 {
                out.push(b'-');
            }
            out.push(c as u8);
            continue;
        }
        if !in_shift {
            if c == '+' as u32 {
                out.extend_from_slice(b"+-");
                continue;
            }
            if encode_direct(c) {
                out.push(c as u8);
                continue;
            }
            out.push(b'+');
            in_shift = true;
        }
        let units: &[u16] = if c >= 0x1_0000 {
            let v = c - 0x1_0000;
            &[0xd800 | (v >> 10) as u16, 0xdc00 | (v & 0x3ff) as u16]
        } else {
            &[c as u16]
        };
        for &u in units {
            bits += 16;
            buf = (buf << 16) | u as u64;
            while bits >= 6 {
                out.push(to_base64((buf >> (bits - 6)) as u32));
                bits -= 6;
            }
            buf &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        out.push(to_base64((buf << (6 - bits)) as u32));
    }
    if in_shift {
        out.push(b'-');
    }
    out
}

/// Decodes UTF-7; with `final_` false an unfinished shift sequence is left
/// for the next call. Returns the text and the bytes consumed.
pub fn decode(vm: &mut Vm, b: &[u8], errors: &str, final_: bool) -> PyResult<(PyStr, usize)> {
    let mut out = WideString::with_capacity(b.len());
    let (mut in_shift, mut bits, mut buf, mut surrogate) = (false, 0u32, 0u64, 0u32);
    let (mut start, mut shift_out_start) = (0usize, 0usize);
    let mut i = 0;
    loop {
        while i < b.len() {
            let ch = b[i];
            if in_shift {
                if is_base64(ch as u32) {
                    buf = (buf << 6) | from_base64(ch) as u64;
                    bits += 6;
                    i += 1;
                    if bits >= 16 {
                        let unit = ((buf >> (bits - 16)) & 0xffff) as u32;
                        bits -= 16;
                        buf &= (1 << bits) - 1;
                        if surrogate != 0 {
                            if (0xdc00..0xe000).contains(&unit) {
                                let c = 0x10000 + ((surrogate - 0xd800) << 10) + (unit - 0xdc00);
                                out.push_cp(c);
                                surrogate = 0;
                                continue;
                            }
                            out.push_cp(surrogate);
                            surrogate = 0;
                        }
                        if (0xd800..0xdc00).contains(&unit) {
                            surrogate = unit;
                        } else {
                            out.push_cp(unit);
                        }
                    }
                    continue;
                }
                // Leaving the shift sequence.
                in_shift = false;
                let reason = if bits >= 6 {
                    Some("partial character in shift sequence")
                } else if bits > 0 && buf != 0 {
                    Some("non-zero padding bits in shift sequence")
                } else {
                    None
                };
                if let Some(reason) = reason {
                    i += 1;
                    i = decode_failure(vm, "utf7", b, (start, i), reason, errors, &mut out)?;
                    continue;
                }
                if surrogate != 0 && ch < 128 && ch != b'+' {
                    out.push_cp(surrogate);
                    surrogate = 0;
                }
                if ch == b'-' {
                    i += 1;
                }
            } else if ch == b'+' {
                start = i;
                i += 1;
                if i < b.len() && b[i] == b'-' {
                    i += 1;
                    out.push('+');
                } else if i < b.len() && !is_base64(b[i] as u32) {
                    i += 1;
                    i = decode_failure(vm, "utf7", b, (start, i), "ill-formed sequence", errors, &mut out)?;
                } else {
                    in_shift = true;
                    surrogate = 0;
                    shift_out_start = out.len();
                    (bits, buf) = (0, 0);
                }
            } else if ch < 128 {
                out.push(ch as char);
                i += 1;
            } else {
                let s = i;
                i += 1;
                i = decode_failure(vm, "utf7", b, (s, i), "unexpected special character", errors, &mut out)?;
            }
        }
        if in_shift && final_ {
            in_shift = false;
            if surrogate != 0 || bits >= 6 || (bits > 0 && buf != 0) {
                let end = b.len();
                i = decode_failure(vm, "utf7", b, (start, end), "unterminated shift sequence", errors, &mut out)?;
                if i < b.len() {
                    continue;
                }
            }
        }
        break;
    }
    if in_shift {
        // Not final: the open shift sequence waits for more input.
        out.truncate(shift_out_start);
        return Ok((out.into_pystr(), start));
    }
    Ok((out.into_pystr(), i))
}

/// Adds `utf_7_encode` and `utf_7_decode` to the `_codecs` namespace.
pub fn define(d: &crate::object::dict::Dict) {
    super::def(d, "utf_7_encode", |vm, a| {
        a.check(vm, "utf_7_encode", 1, 2)?;
        let s = match a.pos.first() {
            Some(Value::Str(s)) => s.clone(),
            Some(o) => {
                let tn = vm.type_name(o);
                return Err(vm.type_error(&format!("utf_7_encode() argument 1 must be str, not {tn}")));
            }
            None => return Err(vm.type_error("utf_7_encode() missing required argument 'str' (pos 1)")),
        };
        let n = s.char_len();
        Ok(Value::tuple(vec![Value::Bytes(Arc::new(encode(&s))), Value::Int(n as i64)]))
    });
    super::def(d, "utf_7_decode", |vm, a| {
        a.check(vm, "utf_7_decode", 1, 3)?;
        let b = match a.pos.first().and_then(super::buffer::bytes_like) {
            Some(b) => b,
            None => {
                let tn = vm.type_name(&a.pos[0]);
                return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
            }
        };
        let errors = match a.pos.get(1) {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => "strict".to_string(),
        };
        let final_ = match a.pos.get(2) {
            Some(v) => vm.truthy(v)?,
            None => false,
        };
        let (s, n) = decode(vm, &b, &errors, final_)?;
        Ok(Value::tuple(vec![Value::Str(Arc::new(s)), Value::Int(n as i64)]))
    });
}
