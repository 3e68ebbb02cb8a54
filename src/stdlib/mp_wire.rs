//! The value encoding used between gilt processes (`_mp.dumps` /
//! `_mp.loads`). Plain values only; everything else is handed to a Python
//! `reduce(obj) -> (tag, payload)` hook (in `_mp_core.py`) that names
//! module-level functions and classes, copies instances of module-level
//! classes and exceptions, or raises a TypeError naming the value.
//!
//! Wire format (all integers little-endian; `len` is a `u32`):
//!
//! | byte | value | followed by |
//! | --- | --- | --- |
//! | `N` | None | — |
//! | `T` / `F` | True / False | — |
//! | `i` | int that fits in 64 bits | `i64` |
//! | `I` | big int | `len`, two's-complement bytes |
//! | `f` | float | `f64` bits |
//! | `s` | str | `len`, UTF-8 |
//! | `b` | bytes | `len`, bytes |
//! | `(` `[` | tuple, list | `len` items |
//! | `{` | dict | `len` key/value pairs |
//! | `<` `>` | set, frozenset | `len` items |
//! | `M` | shared memory segment | name (as `s`), size (`u64`) |
//! | `R` | reduced value | tag (as `s`), payload (any value) |
//!
//! A frame on the socket is a `u32` length and one encoded value.

use std::sync::Arc;

use num_bigint::BigInt;

use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// Nesting deeper than this is refused (also catches self-containing lists).
const MAX_DEPTH: usize = 200;

/// Encodes `v`; `reduce` is called for anything that is not a plain value.
pub fn dumps(vm: &mut Vm, v: &Value, reduce: &Value, out: &mut Vec<u8>, depth: usize) -> PyResult<()> {
    if depth > MAX_DEPTH {
        return Err(vm.value_error("cannot send a value to a child process: nested too deeply (or contains itself)"));
    }
    let len = |out: &mut Vec<u8>, n: usize| out.extend_from_slice(&(n as u32).to_le_bytes());
    match v {
        Value::None => out.push(b'N'),
        Value::Boolean(b) => out.push(if b.get() { b'T' } else { b'F' }),
        Value::Int(i) => {
            out.push(b'i');
            out.extend_from_slice(&i.to_le_bytes());
        }
        Value::BigInt(b) => {
            let bytes = b.to_signed_bytes_le();
            out.push(b'I');
            len(out, bytes.len());
            out.extend_from_slice(&bytes);
        }
        Value::Flt(f) => {
            out.push(b'f');
            out.extend_from_slice(&f.get().to_bits().to_le_bytes());
        }
        Value::Str(s) => {
            out.push(b's');
            len(out, s.as_str().len());
            out.extend_from_slice(s.as_str().as_bytes());
        }
        Value::Bytes(b) => {
            out.push(b'b');
            len(out, b.len());
            out.extend_from_slice(b);
        }
        Value::Tuple(t) => {
            out.push(b'(');
            len(out, t.items.len());
            for x in t.items.iter() {
                dumps(vm, x, reduce, out, depth + 1)?;
            }
        }
        Value::List(l) => {
            let items = l.snapshot();
            out.push(b'[');
            len(out, items.len());
            for x in &items {
                dumps(vm, x, reduce, out, depth + 1)?;
            }
        }
        Value::Dict(d) => {
            let items = d.lock().items();
            out.push(b'{');
            len(out, items.len());
            for (k, x) in &items {
                dumps(vm, k, reduce, out, depth + 1)?;
                dumps(vm, x, reduce, out, depth + 1)?;
            }
        }
        Value::Set(s) => {
            let items = s.lock().keys();
            out.push(if s.frozen { b'>' } else { b'<' });
            len(out, items.len());
            for x in &items {
                dumps(vm, x, reduce, out, depth + 1)?;
            }
        }
        Value::Native2(o) if o.as_any().is::<super::mod_process::SharedMem>() => {
            let m = o.as_any().downcast_ref::<super::mod_process::SharedMem>().expect("checked");
            out.push(b'M');
            len(out, m.shm.name.len());
            out.extend_from_slice(m.shm.name.as_bytes());
            out.extend_from_slice(&(m.shm.len as u64).to_le_bytes());
        }
        other => {
            let r = vm.call(reduce, vec![other.clone()])?;
            let Value::Tuple(t) = &r else {
                return Err(vm.type_error("reduce hook must return (tag, payload)"));
            };
            if t.items.len() != 2 || t.items[0].as_str().is_none() {
                return Err(vm.type_error("reduce hook must return (tag, payload)"));
            }
            out.push(b'R');
            let tag = t.items[0].as_str().expect("checked").as_str().to_string();
            out.push(b's');
            len(out, tag.len());
            out.extend_from_slice(tag.as_bytes());
            dumps(vm, &t.items[1], reduce, out, depth + 1)?;
        }
    }
    Ok(())
}

/// Reads encoded values; `resolve(tag, payload)` rebuilds reduced ones.
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// Starts at the beginning of `buf`.
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }

    fn take(&mut self, vm: &mut Vm, n: usize) -> PyResult<&'a [u8]> {
        if self.pos + n > self.buf.len() {
            return Err(vm.value_error("truncated message from another process"));
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn u32(&mut self, vm: &mut Vm) -> PyResult<usize> {
        let b = self.take(vm, 4)?;
        Ok(u32::from_le_bytes(b.try_into().expect("4 bytes")) as usize)
    }

    fn text(&mut self, vm: &mut Vm) -> PyResult<String> {
        let n = self.u32(vm)?;
        let b = self.take(vm, n)?;
        String::from_utf8(b.to_vec()).map_err(|_| vm.value_error("bad UTF-8 in message from another process"))
    }

    /// Decodes one value.
    pub fn load(&mut self, vm: &mut Vm, resolve: &Value) -> PyResult {
        let tag = self.take(vm, 1)?[0];
        Ok(match tag {
            b'N' => Value::None,
            b'T' => Value::Bool(true),
            b'F' => Value::Bool(false),
            b'i' => Value::Int(i64::from_le_bytes(self.take(vm, 8)?.try_into().expect("8 bytes"))),
            b'I' => {
                let n = self.u32(vm)?;
                Value::from_bigint(BigInt::from_signed_bytes_le(self.take(vm, n)?))
            }
            b'f' => Value::Float(f64::from_bits(u64::from_le_bytes(self.take(vm, 8)?.try_into().expect("8 bytes")))),
            b's' => Value::string(self.text(vm)?),
            b'b' => {
                let n = self.u32(vm)?;
                Value::Bytes(Arc::new(self.take(vm, n)?.to_vec()))
            }
            b'(' | b'[' | b'<' | b'>' => {
                let n = self.u32(vm)?;
                let mut items = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    items.push(self.load(vm, resolve)?);
                }
                match tag {
                    b'(' => Value::tuple(items),
                    b'[' => Value::list(items),
                    _ => vm.new_set(items, tag == b'>')?,
                }
            }
            b'{' => {
                let n = self.u32(vm)?;
                let d = Arc::new(crate::object::dict::Dict::new());
                for _ in 0..n {
                    let k = self.load(vm, resolve)?;
                    let v = self.load(vm, resolve)?;
                    vm.dict_set(&d, k, v)?;
                }
                Value::Dict(d)
            }
            b'M' => {
                let name = self.text(vm)?;
                let size = u64::from_le_bytes(self.take(vm, 8)?.try_into().expect("8 bytes")) as usize;
                super::mod_process::open_shared(vm, &name, size)?
            }
            b'R' => {
                let t = self.load(vm, resolve)?;
                let payload = self.load(vm, resolve)?;
                vm.call(resolve, vec![t, payload])?
            }
            other => return Err(vm.value_error(&format!("bad tag {other:#x} in message from another process"))),
        })
    }
}
