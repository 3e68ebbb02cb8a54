//! The value encoding used between gilt processes (`_mp.dumps` /
//! `_mp.loads`). Plain values are encoded here; everything else is handed
//! to a Python `reduce(obj)` hook (in `_mp_core.py`) that names
//! module-level functions and classes, copies instances of module-level
//! classes and exceptions, or raises the error pickle would.
//!
//! Like pickle, the encoding keeps shared references and cycles: every
//! container and reduced object gets a memo index the first time it is
//! written (both sides number them in the same order), and a later
//! occurrence is written as a reference to that index. Mutable containers
//! and instances are numbered *before* their contents, so a list that
//! contains itself, or a tree whose nodes point at their parents, comes back
//! with the same shape. Nesting deeper than the recursion limit raises
//! RecursionError, as pickle does.
//!
//! Wire format (all integers little-endian; `len` and `k` are `u32`):
//!
//! | byte | value | followed by |
//! | --- | --- | --- |
//! | `N` | None | — |
//! | `T` / `F` | True / False | — |
//! | `i` | int that fits in 64 bits | `i64` |
//! | `I` | big int | `len`, two's-complement bytes |
//! | `f` | float | `f64` bits |
//! | `s` | str (numbered when 64 bytes or longer) | `len`, UTF-8 |
//! | `b` | bytes (numbered when 64 bytes or longer) | `len`, bytes |
//! | `[` `{` `<` | list, dict, set (numbered first) | `len` items (dict: key/value pairs) |
//! | `(` `>` | tuple, frozenset (numbered after their items) | `len` items |
//! | `M` | shared memory segment | name (as `s`), size (`u64`) |
//! | `R` | reduced value (numbered after) | tag (as `s`), payload (any value) |
//! | `S` | instance with state (numbered before the state) | tag (as `s`), payload, state |
//! | `@` | the value numbered `k` | `k` |
//!
//! A tuple, frozenset or `R` value whose items led back to itself was
//! numbered while its items were written; it is then written with its tag
//! byte's high bit set and followed by `k`: the reader builds it, drops it,
//! and uses value `k` instead (pickle's `POP_MARK`/`GET` dance).
//!
//! A frame on the socket is a `u32` length and one encoded value.

use std::collections::HashMap;
use std::sync::Arc;

use num_bigint::BigInt;

use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// Strings and bytes this long or longer are numbered, so that one sent
/// many times travels once (both sides decide by the length alone).
const SHARED_MIN: usize = 64;

/// Encodes values; `reduce` is called for anything that is not plain.
pub struct Writer<'a> {
    reduce: &'a Value,
    pub out: Vec<u8>,
    /// id of a numbered value → its index.
    memo: HashMap<usize, u32>,
    /// The numbered values, kept alive so their ids stay unique.
    keep: Vec<Value>,
    depth: usize,
    limit: usize,
}

fn put_len(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u32).to_le_bytes());
}

impl<'a> Writer<'a> {
    /// A writer whose output starts with `prefix` (room for a frame header).
    pub fn new(vm: &Vm, reduce: &'a Value, prefix: usize) -> Self {
        let limit = vm.rt.recursion_limit.load(std::sync::atomic::Ordering::Relaxed);
        Writer { reduce, out: vec![0; prefix], memo: HashMap::new(), keep: Vec::new(), depth: 0, limit }
    }

    fn number(&mut self, v: &Value) {
        let k = self.keep.len() as u32;
        self.memo.insert(v.id() as usize, k);
        self.keep.push(v.clone());
    }

    /// Writes `@k` when `v` was written before; true if it did.
    fn reference(&mut self, v: &Value) -> bool {
        match self.memo.get(&(v.id() as usize)) {
            Some(&k) => {
                self.out.push(b'@');
                self.out.extend_from_slice(&k.to_le_bytes());
                true
            }
            None => false,
        }
    }

    /// Numbers an immutable value after its items (written from `start`):
    /// when a cycle through it numbered it meanwhile, marks the copy just
    /// written to be replaced by that number.
    fn number_after(&mut self, v: &Value, start: usize) {
        match self.memo.get(&(v.id() as usize)) {
            Some(&k) => {
                self.out[start] |= 0x80;
                self.out.extend_from_slice(&k.to_le_bytes());
            }
            None => self.number(v),
        }
    }

    /// Encodes one value.
    pub fn dump(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        if self.depth >= self.limit {
            return Err(vm.err("RecursionError", "maximum recursion depth exceeded while pickling an object"));
        }
        self.depth += 1;
        let r = self.dump_inner(vm, v);
        self.depth -= 1;
        r
    }

    fn dump_inner(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        let out = &mut self.out;
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
                put_len(out, bytes.len());
                out.extend_from_slice(&bytes);
            }
            Value::Flt(f) => {
                out.push(b'f');
                out.extend_from_slice(&f.get().to_bits().to_le_bytes());
            }
            Value::Cplx(c) => {
                out.push(b'j');
                out.extend_from_slice(&c.re.to_bits().to_le_bytes());
                out.extend_from_slice(&c.im.to_bits().to_le_bytes());
            }
            Value::Str(s) => {
                let big = s.as_str().len() >= SHARED_MIN;
                if big && self.reference(v) {
                    return Ok(());
                }
                let out = &mut self.out;
                out.push(b's');
                put_len(out, s.as_str().len());
                out.extend_from_slice(s.as_str().as_bytes());
                if big {
                    self.number(v);
                }
            }
            Value::Bytes(b) => {
                let big = b.len() >= SHARED_MIN;
                if big && self.reference(v) {
                    return Ok(());
                }
                let out = &mut self.out;
                out.push(b'b');
                put_len(out, b.len());
                out.extend_from_slice(b);
                if big {
                    self.number(v);
                }
            }
            Value::Tuple(t) => {
                if self.reference(v) {
                    return Ok(());
                }
                let start = self.out.len();
                self.out.push(b'(');
                put_len(&mut self.out, t.items.len());
                for x in t.items.iter() {
                    self.dump(vm, x)?;
                }
                self.number_after(v, start);
            }
            Value::List(l) => {
                if self.reference(v) {
                    return Ok(());
                }
                self.number(v);
                let items = l.snapshot();
                self.out.push(b'[');
                put_len(&mut self.out, items.len());
                for x in &items {
                    self.dump(vm, x)?;
                }
            }
            Value::Dict(d) => {
                if self.reference(v) {
                    return Ok(());
                }
                self.number(v);
                let items = d.lock().items();
                self.out.push(b'{');
                put_len(&mut self.out, items.len());
                for (k, x) in &items {
                    self.dump(vm, k)?;
                    self.dump(vm, x)?;
                }
            }
            Value::Set(s) => {
                if self.reference(v) {
                    return Ok(());
                }
                let items = s.lock().keys();
                let start = self.out.len();
                if !s.frozen {
                    self.number(v);
                }
                self.out.push(if s.frozen { b'>' } else { b'<' });
                put_len(&mut self.out, items.len());
                for x in &items {
                    self.dump(vm, x)?;
                }
                if s.frozen {
                    self.number_after(v, start);
                }
            }
            Value::Native2(o) if o.as_any().is::<super::mod_process::SharedMem>() => {
                let m = o.as_any().downcast_ref::<super::mod_process::SharedMem>().expect("checked");
                out.push(b'M');
                put_len(out, m.shm.name.len());
                out.extend_from_slice(m.shm.name.as_bytes());
                out.extend_from_slice(&(m.shm.len as u64).to_le_bytes());
            }
            other => self.dump_reduced(vm, other)?,
        }
        Ok(())
    }

    /// A value the reduce hook turns into `(tag, payload)` or `(tag, payload, state)`.
    fn dump_reduced(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        if self.reference(v) {
            return Ok(());
        }
        let r = vm.call(self.reduce, vec![v.clone()])?;
        let bad = || "reduce hook must return (tag, payload) or (tag, payload, state)";
        let Value::Tuple(t) = &r else {
            return Err(vm.type_error(bad()));
        };
        let Some(tag) = t.items.first().and_then(|x| x.as_str()).map(|s| s.as_str().to_string()) else {
            return Err(vm.type_error(bad()));
        };
        let start = self.out.len();
        match t.items.len() {
            2 => {
                self.out.push(b'R');
                self.dump(vm, &Value::string(tag))?;
                self.dump(vm, &t.items[1])?;
                self.number_after(v, start);
            }
            3 => {
                self.out.push(b'S');
                self.dump(vm, &Value::string(tag))?;
                self.dump(vm, &t.items[1])?;
                // Numbered between the payload (its class) and its state,
                // as the reader creates it there.
                if self.reference(v) {
                    return Err(vm.value_error("an object's class refers back to the object"));
                }
                self.number(v);
                self.dump(vm, &t.items[2])?;
            }
            _ => return Err(vm.type_error(bad())),
        }
        Ok(())
    }
}

/// Encodes `v` into a fresh buffer (after `prefix` zero bytes).
pub fn dumps(vm: &mut Vm, v: &Value, reduce: &Value, prefix: usize) -> PyResult<Vec<u8>> {
    let mut w = Writer::new(vm, reduce, prefix);
    w.dump(vm, v)?;
    Ok(w.out)
}

/// Reads encoded values; `resolve(tag, payload)` rebuilds reduced ones and
/// `resolve('=', (obj, state))` gives an instance its state.
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    memo: Vec<Value>,
    depth: usize,
}

impl<'a> Reader<'a> {
    /// Starts at the beginning of `buf`.
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0, memo: Vec::new(), depth: 0 }
    }

    fn take(&mut self, vm: &mut Vm, n: usize) -> PyResult<&'a [u8]> {
        if n > self.buf.len() - self.pos {
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

    fn memo_get(&self, vm: &mut Vm, k: usize) -> PyResult {
        self.memo.get(k).cloned().ok_or_else(|| vm.value_error("bad back-reference in message from another process"))
    }

    /// Decodes one value.
    pub fn load(&mut self, vm: &mut Vm, resolve: &Value) -> PyResult {
        let limit = vm.rt.recursion_limit.load(std::sync::atomic::Ordering::Relaxed);
        if self.depth >= limit {
            return Err(vm.err("RecursionError", "maximum recursion depth exceeded while unpickling an object"));
        }
        self.depth += 1;
        let r = self.load_inner(vm, resolve);
        self.depth -= 1;
        r
    }

    fn load_inner(&mut self, vm: &mut Vm, resolve: &Value) -> PyResult {
        let byte = self.take(vm, 1)?[0];
        let (tag, replaced) = (byte & 0x7f, byte & 0x80 != 0);
        let v = match tag {
            b'N' => Value::None,
            b'T' => Value::Bool(true),
            b'F' => Value::Bool(false),
            b'i' => Value::Int(i64::from_le_bytes(self.take(vm, 8)?.try_into().expect("8 bytes"))),
            b'I' => {
                let n = self.u32(vm)?;
                Value::from_bigint(BigInt::from_signed_bytes_le(self.take(vm, n)?))
            }
            b'f' => Value::Float(f64::from_bits(u64::from_le_bytes(self.take(vm, 8)?.try_into().expect("8 bytes")))),
            b'j' => {
                let re = f64::from_bits(u64::from_le_bytes(self.take(vm, 8)?.try_into().expect("8 bytes")));
                Value::complex(re, f64::from_bits(u64::from_le_bytes(self.take(vm, 8)?.try_into().expect("8 bytes"))))
            }
            b's' => {
                let t = self.text(vm)?;
                let big = t.len() >= SHARED_MIN;
                let v = Value::string(t);
                if big {
                    self.memo.push(v.clone());
                }
                return Ok(v);
            }
            b'b' => {
                let n = self.u32(vm)?;
                let v = Value::Bytes(Arc::new(self.take(vm, n)?.to_vec()));
                if n >= SHARED_MIN {
                    self.memo.push(v.clone());
                }
                return Ok(v);
            }
            b'@' => {
                let k = self.u32(vm)?;
                return self.memo_get(vm, k);
            }
            b'[' => {
                let n = self.u32(vm)?;
                let list = Value::list(Vec::with_capacity(n.min(1 << 16)));
                self.memo.push(list.clone());
                for _ in 0..n {
                    let x = self.load(vm, resolve)?;
                    if let Value::List(l) = &list {
                        l.lock().push(x);
                    }
                }
                return Ok(list);
            }
            b'{' => {
                let n = self.u32(vm)?;
                let d = Arc::new(crate::object::dict::Dict::new());
                self.memo.push(Value::Dict(d.clone()));
                for _ in 0..n {
                    let k = self.load(vm, resolve)?;
                    let v = self.load(vm, resolve)?;
                    vm.dict_set(&d, k, v)?;
                }
                return Ok(Value::Dict(d));
            }
            b'<' => {
                let n = self.u32(vm)?;
                let set = vm.new_set(Vec::new(), false)?;
                self.memo.push(set.clone());
                for _ in 0..n {
                    let x = self.load(vm, resolve)?;
                    if let Value::Set(s) = &set {
                        vm.set_add(s, x)?;
                    }
                }
                return Ok(set);
            }
            b'(' | b'>' => {
                let n = self.u32(vm)?;
                let mut items = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    items.push(self.load(vm, resolve)?);
                }
                if tag == b'(' { Value::tuple(items) } else { vm.new_set(items, true)? }
            }
            b'M' => {
                let name = self.text(vm)?;
                let size = u64::from_le_bytes(self.take(vm, 8)?.try_into().expect("8 bytes")) as usize;
                return super::mod_process::open_shared(vm, &name, size);
            }
            b'R' => {
                let t = self.load(vm, resolve)?;
                let payload = self.load(vm, resolve)?;
                vm.call(resolve, vec![t, payload])?
            }
            b'S' => {
                let t = self.load(vm, resolve)?;
                let payload = self.load(vm, resolve)?;
                let obj = vm.call(resolve, vec![t, payload])?;
                self.memo.push(obj.clone());
                let state = self.load(vm, resolve)?;
                vm.call(resolve, vec![Value::str("="), Value::tuple(vec![obj.clone(), state])])?;
                return Ok(obj);
            }
            other => return Err(vm.value_error(&format!("bad tag {other:#x} in message from another process"))),
        };
        // Only tuples, frozensets and reduced values are numbered after their parts.
        if !matches!(tag, b'(' | b'>' | b'R') {
            return Ok(v);
        }
        if replaced {
            let k = self.u32(vm)?;
            return self.memo_get(vm, k);
        }
        self.memo.push(v.clone());
        Ok(v)
    }
}
