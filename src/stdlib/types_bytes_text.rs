//! The ASCII text methods of `bytes` that mirror `str`'s: predicates, case
//! changes, padding, partition, prefix/suffix removal and `splitlines`.
//! Only ASCII letters are cased and only ASCII whitespace is space, as in
//! CPython's `Objects/bytes_methods.c`.

use std::sync::Arc;

use super::method;
use super::types_bytes::{arg, bytes, find, find_impl, recv};
use crate::object::value::Value;
use crate::vm::args::Args;
use crate::vm::runtime::Runtime;
use crate::vm::{PyResult, Vm};

/// ASCII whitespace as CPython's bytes methods see it.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// `str.istitle`'s rule over ASCII letters.
fn is_title(b: &[u8]) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for &c in b {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            (prev_cased, cased) = (true, true);
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            (prev_cased, cased) = (true, true);
        } else {
            prev_cased = false;
        }
    }
    cased
}

fn title(b: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    b.iter()
        .map(|&c| {
            let out = if prev_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
            prev_cased = c.is_ascii_alphabetic();
            out
        })
        .collect()
}

/// The width and fill byte of `center`/`ljust`/`rjust`.
fn pad_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Arc<Vec<u8>>, usize, u8)> {
    a.check_method(vm, name, 1, 2)?;
    let b = recv(vm, a, name)?;
    let width = vm.ssize_index(&a.pos[1])?.max(0) as usize;
    // Checked before the padding is made: MemoryError, not an abort.
    vm.check_alloc(width as u128)?;
    let fill = match a.pos.get(2) {
        None => b' ',
        Some(Value::Bytes(f)) if f.len() == 1 => f[0],
        Some(v @ Value::Native2(o))
            if o.as_any().is::<super::types_bytearray::ByteArray>()
                && let Some(f) = super::buffer::bytes_like(v)
                && f.len() == 1 =>
        {
            f[0]
        }
        Some(v) => {
            let tn = super::types_str::clinic_type_name(vm, v);
            return Err(vm.type_error(&format!("{name}() argument 2 must be a byte string of length 1, not {tn}")));
        }
    };
    Ok((b, width, fill))
}

/// `b` padded to `width` with `left` fill bytes before it.
fn padded(b: &[u8], width: usize, fill: u8, left: usize) -> PyResult {
    if width <= b.len() {
        return bytes(b.to_vec());
    }
    let mut out = vec![fill; left];
    out.extend_from_slice(b);
    out.resize(width, fill);
    bytes(out)
}

fn partition(vm: &mut Vm, a: Args, name: &str, rev: bool) -> PyResult {
    a.check_method(vm, &format!("bytes.{name}"), 1, 1)?;
    let b = recv(vm, &a, name)?;
    let sep = arg(vm, &a.pos[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let at = if rev { b.windows(sep.len()).rposition(|w| w == &sep[..]) } else { find(&b, &sep) };
    let part = |x: &[u8]| Value::Bytes(Arc::new(x.to_vec()));
    Ok(Value::tuple(match at {
        // CPython hands back the separator object itself (a bytearray or
        // memoryview separator stays one).
        Some(i) => vec![part(&b[..i]), a.pos[1].clone(), part(&b[i + sep.len()..])],
        None if rev => vec![part(b""), part(b""), part(&b)],
        None => vec![part(&b), part(b""), part(b"")],
    }))
}

/// A byte-string test (`isalnum`, …).
type Predicate = fn(&[u8]) -> bool;
/// A byte-string transformation (`title`, …).
type Change = fn(&[u8]) -> Vec<u8>;

/// Registers the methods on `bytes`.
pub fn register(rt: &Runtime) {
    let c = &rt.types.bytes;
    let predicates: [(&str, Predicate); 6] = [
        ("isalnum", |b| !b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric)),
        ("isascii", |b| b.is_ascii()),
        ("isspace", |b| !b.is_empty() && b.iter().all(|&c| is_space(c))),
        ("islower", |b| b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)),
        ("isupper", |b| b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)),
        ("istitle", is_title),
    ];
    for (name, test) in predicates {
        method(c, name, move |vm, a| {
            a.check_method(vm, &format!("bytes.{name}"), 0, 0)?;
            Ok(Value::Bool(test(&recv(vm, &a, name)?)))
        });
    }
    let changes: [(&str, Change); 3] = [
        ("capitalize", |b| {
            let mut out = b.to_ascii_lowercase();
            if let Some(f) = out.first_mut() {
                f.make_ascii_uppercase();
            }
            out
        }),
        ("swapcase", |b| {
            b.iter()
                .map(|&c| if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
                .collect()
        }),
        ("title", title),
    ];
    for (name, change) in changes {
        method(c, name, move |vm, a| {
            a.check_method(vm, &format!("bytes.{name}"), 0, 0)?;
            bytes(change(&recv(vm, &a, name)?))
        });
    }
    method(c, "ljust", |vm, a| {
        let (b, width, fill) = pad_args(vm, &a, "ljust")?;
        padded(&b, width, fill, 0)
    });
    method(c, "rjust", |vm, a| {
        let (b, width, fill) = pad_args(vm, &a, "rjust")?;
        padded(&b, width, fill, width.saturating_sub(b.len()))
    });
    method(c, "center", |vm, a| {
        let (b, width, fill) = pad_args(vm, &a, "center")?;
        // str.center's split of the margin: the odd byte goes left when the width is odd.
        let marg = width.saturating_sub(b.len());
        padded(&b, width, fill, marg / 2 + (marg & width & 1))
    });
    method(c, "zfill", |vm, a| {
        a.check_method(vm, "bytes.zfill", 1, 1)?;
        let b = recv(vm, &a, "zfill")?;
        let width = vm.ssize_index(&a.pos[1])?.max(0) as usize;
        vm.check_alloc(width as u128)?;
        if width <= b.len() {
            return bytes(b.to_vec());
        }
        let mut out = vec![b'0'; width - b.len()];
        out.extend_from_slice(&b);
        if let Some(&s @ (b'+' | b'-')) = b.first() {
            // The sign moves in front of the zeros.
            out[0] = s;
            out[width - b.len()] = b'0';
        }
        bytes(out)
    });
    method(c, "partition", |vm, a| partition(vm, a, "partition", false));
    method(c, "rpartition", |vm, a| partition(vm, a, "rpartition", true));
    method(c, "removeprefix", |vm, a| {
        a.check_method(vm, "bytes.removeprefix", 1, 1)?;
        let b = recv(vm, &a, "removeprefix")?;
        let p = arg(vm, &a.pos[1])?;
        bytes(b.strip_prefix(&p[..]).unwrap_or(&b).to_vec())
    });
    method(c, "removesuffix", |vm, a| {
        a.check_method(vm, "bytes.removesuffix", 1, 1)?;
        let b = recv(vm, &a, "removesuffix")?;
        let s = arg(vm, &a.pos[1])?;
        bytes(b.strip_suffix(&s[..]).unwrap_or(&b).to_vec())
    });
    method(c, "rindex", |vm, a| match find_impl(vm, &a, "rindex", true)? {
        -1 => Err(vm.value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    });
    method(c, "splitlines", |vm, mut a| {
        // A C int to Argument Clinic (`bool(accept={int})`), not any truthy object.
        let keep = match a.arg(1, "keepends") {
            Some(v) => super::types_str::c_int_arg(vm, &v)? != 0,
            None => false,
        };
        let b = recv(vm, &a, "splitlines")?;
        let mut lines = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < b.len() {
            let eol = match b[i] {
                b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
                b'\r' | b'\n' => 1,
                _ => {
                    i += 1;
                    continue;
                }
            };
            let end = if keep { i + eol } else { i };
            lines.push(Value::Bytes(Arc::new(b[start..end].to_vec())));
            i += eol;
            start = i;
        }
        if start < b.len() {
            lines.push(Value::Bytes(Arc::new(b[start..].to_vec())));
        }
        Ok(Value::list(lines))
    });
}
