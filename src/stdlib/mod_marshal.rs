//! The `marshal` module: CPython 3.11's byte format (versions 0 to 4, with
//! the back-references of version 3+) for None, bools, ints, floats,
//! complex numbers, str, bytes-like objects, tuples, lists, dicts, sets,
//! frozensets, Ellipsis and StopIteration. Code objects use gilt's own
//! private encoding (bytecode/marshal.rs) behind the `c` type code, tagged
//! with the build's schema hash, so a CPython code object is refused as
//! "bad marshal data".
//!
//! Which objects get a back-reference depends, in CPython, on their
//! reference counts (an object referenced only once is never shared). Here
//! an object behind an `Arc` held elsewhere too, and every int and float
//! (gilt keeps them inline, CPython's literals are shared constants), get
//! the reference flag, which gives CPython's bytes for values built from
//! literals and variables.

use std::collections::HashMap;
use std::sync::Arc;

use num_bigint::{BigInt, Sign};

use super::def;
use super::native_util::module;
use crate::object::dict::Dict;
use crate::object::list::List;
use crate::object::value::Value;
use crate::vm::{Args, PyErr, PyResult, Vm};

/// The current format version (`marshal.version`).
const VERSION: i64 = 4;
/// Deeper nesting is refused, as CPython's `MAX_MARSHAL_STACK_DEPTH`.
const MAX_DEPTH: usize = 2000;
/// The type byte's flag: the object is remembered for later `r` references.
const FLAG_REF: u8 = 0x80;

/// How an object is recognised when it comes again: by address, or (for
/// values gilt keeps inline) by value.
#[derive(Hash, PartialEq, Eq)]
enum Key {
    Ptr(usize),
    Int(i64),
    Float(u64),
}

struct Writer {
    out: Vec<u8>,
    version: i64,
    refs: HashMap<Key, u32>,
    depth: usize,
}

/// Why writing stopped.
enum WErr {
    Unmarshallable,
    TooDeep,
    Py(PyErr),
}

impl Writer {
    fn long(&mut self, v: i32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    fn pstring(&mut self, b: &[u8]) {
        self.long(b.len() as i32);
        self.out.extend_from_slice(b);
    }

    /// The reference bookkeeping of CPython's `w_ref`: true when an `r`
    /// reference was written instead of the object.
    fn w_ref(&mut self, key: Option<Key>, type_at: usize) -> bool {
        let Some(key) = key.filter(|_| self.version >= 3) else { return false };
        if let Some(&i) = self.refs.get(&key) {
            self.out.truncate(type_at);
            self.out.push(b'r');
            self.long(i as i32);
            return true;
        }
        let n = self.refs.len() as u32;
        self.refs.insert(key, n);
        self.out[type_at] |= FLAG_REF;
        false
    }

    fn object(&mut self, vm: &mut Vm, v: &Value) -> Result<(), WErr> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(WErr::TooDeep);
        }
        let r = self.object_inner(vm, v);
        self.depth -= 1;
        r
    }

    /// Whether an object held by an `Arc` is shared (CPython: refcount > 1).
    fn shared<T: ?Sized>(a: &Arc<T>) -> Option<Key> {
        (Arc::strong_count(a) > 1).then_some(Key::Ptr(Arc::as_ptr(a) as *const u8 as usize))
    }

    fn object_inner(&mut self, vm: &mut Vm, v: &Value) -> Result<(), WErr> {
        let single = match v {
            Value::None => Some(b'N'),
            Value::Boolean(b) => Some(if b.get() { b'T' } else { b'F' }),
            Value::Ellipsis => Some(b'.'),
            Value::Class(c) if Arc::ptr_eq(c, &vm.rt.types.exc("StopIteration")) => Some(b'S'),
            _ => None,
        };
        if let Some(b) = single {
            self.out.push(b);
            return Ok(());
        }
        let at = self.out.len();
        match v {
            Value::Int(i) => {
                self.out.push(b'i');
                if self.w_ref(Some(Key::Int(*i)), at) {
                    return Ok(());
                }
                match i32::try_from(*i) {
                    Ok(x) => self.long(x),
                    Err(_) => {
                        self.out[at] = (self.out[at] & FLAG_REF) | b'l';
                        self.big(&BigInt::from(*i));
                    }
                }
            }
            Value::BigInt(b) => {
                self.out.push(b'l');
                if self.w_ref(Self::shared(b), at) {
                    return Ok(());
                }
                self.big(b);
            }
            Value::Flt(f) => {
                let f = f.get();
                if self.version > 1 {
                    self.out.push(b'g');
                    if self.w_ref(Some(Key::Float(f.to_bits())), at) {
                        return Ok(());
                    }
                    self.out.extend_from_slice(&f.to_le_bytes());
                } else {
                    self.out.push(b'f');
                    self.short_float(vm, f)?;
                }
            }
            Value::Cplx(z) => {
                if self.version > 1 {
                    self.out.push(b'y');
                    if self.w_ref(Self::shared(z), at) {
                        return Ok(());
                    }
                    self.out.extend_from_slice(&z.re.to_le_bytes());
                    self.out.extend_from_slice(&z.im.to_le_bytes());
                } else {
                    self.out.push(b'x');
                    self.short_float(vm, z.re)?;
                    self.short_float(vm, z.im)?;
                }
            }
            Value::Str(s) => {
                let text = s.as_str();
                // CPython interns the constant strings made of name characters.
                let interned = self.version >= 3 && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                if self.version >= 4 && text.is_ascii() {
                    let short = text.len() < 256;
                    self.out.push(match (short, interned) {
                        (true, true) => b'Z',
                        (true, false) => b'z',
                        (false, true) => b'A',
                        (false, false) => b'a',
                    });
                    if self.w_ref(Self::shared(s), at) {
                        return Ok(());
                    }
                    if short {
                        self.out.push(text.len() as u8);
                        self.out.extend_from_slice(text.as_bytes());
                    } else {
                        self.pstring(text.as_bytes());
                    }
                } else {
                    self.out.push(if interned { b't' } else { b'u' });
                    if self.w_ref(Self::shared(s), at) {
                        return Ok(());
                    }
                    self.pstring(text.as_bytes());
                }
            }
            Value::Bytes(b) => {
                self.out.push(b's');
                if self.w_ref(Self::shared(b), at) {
                    return Ok(());
                }
                self.pstring(b);
            }
            Value::Tuple(t) => {
                let n = t.items.len();
                let small = self.version >= 4 && n < 256;
                self.out.push(if small { b')' } else { b'(' });
                if self.w_ref(Self::shared(t), at) {
                    return Ok(());
                }
                if small {
                    self.out.push(n as u8);
                } else {
                    self.long(n as i32);
                }
                for x in t.items.iter() {
                    self.object(vm, x)?;
                }
            }
            Value::List(l) => {
                self.out.push(b'[');
                if self.w_ref(Self::shared(l), at) {
                    return Ok(());
                }
                let items = l.snapshot();
                self.long(items.len() as i32);
                for x in &items {
                    self.object(vm, x)?;
                }
            }
            Value::Dict(d) => {
                self.out.push(b'{');
                if self.w_ref(Self::shared(d), at) {
                    return Ok(());
                }
                let items = d.lock().items();
                for (k, x) in &items {
                    self.object(vm, k)?;
                    self.object(vm, x)?;
                }
                self.out.push(b'0');
            }
            Value::Set(s) => {
                self.out.push(if s.frozen { b'>' } else { b'<' });
                if self.w_ref(Self::shared(s), at) {
                    return Ok(());
                }
                let items = s.lock().keys();
                self.long(items.len() as i32);
                for x in &items {
                    self.object(vm, x)?;
                }
            }
            Value::Code(c) => {
                self.out.push(b'c');
                if self.w_ref(Self::shared(c), at) {
                    return Ok(());
                }
                let Some(data) = crate::bytecode::marshal::encode(c) else { return Err(WErr::Unmarshallable) };
                self.out.extend_from_slice(&crate::bytecode::marshal::schema_hash().to_le_bytes());
                self.pstring(c.filename.as_bytes());
                self.pstring(&data);
            }
            Value::Native2(o) => match super::buffer::bytes_like(v) {
                Some(b) => {
                    self.out.push(b's');
                    if self.w_ref(Self::shared(o), at) {
                        return Ok(());
                    }
                    self.pstring(&b);
                }
                None => return Err(WErr::Unmarshallable),
            },
            _ => return Err(WErr::Unmarshallable),
        }
        Ok(())
    }

    /// An int as CPython's 15-bit digits, least significant first.
    fn big(&mut self, b: &BigInt) {
        let (sign, mut mag) = (b.sign(), b.magnitude().clone());
        let mut digits = Vec::new();
        let mask = num_bigint::BigUint::from(0x7fffu32);
        while mag != num_bigint::BigUint::from(0u32) {
            let d = (&mag & &mask).to_u32_digits().first().copied().unwrap_or(0);
            digits.push(d as u16);
            mag >>= 15;
        }
        let n = digits.len() as i32;
        self.long(if sign == Sign::Minus { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
    }

    /// A float as the text of versions 0 and 1 (`repr` without a final `.0`).
    fn short_float(&mut self, vm: &mut Vm, f: f64) -> Result<(), WErr> {
        let r = vm.repr_of(&Value::Float(f)).map_err(WErr::Py)?;
        let r = r.strip_suffix(".0").unwrap_or(&r);
        self.out.push(r.len() as u8);
        self.out.extend_from_slice(r.as_bytes());
        Ok(())
    }
}

/// `marshal.dumps(value, version)`.
fn dumps(vm: &mut Vm, v: &Value, version: i64) -> PyResult<Vec<u8>> {
    let mut w = Writer { out: Vec::new(), version, refs: HashMap::new(), depth: 0 };
    match w.object(vm, v) {
        Ok(()) => Ok(w.out),
        Err(WErr::Unmarshallable) => Err(vm.value_error("unmarshallable object")),
        Err(WErr::TooDeep) => Err(vm.value_error("object too deeply nested to marshal")),
        Err(WErr::Py(e)) => Err(e),
    }
}

/// Where the bytes come from: a buffer, or a file read as needed (so that
/// several objects can follow each other in one file).
enum Source<'a> {
    Bytes(&'a [u8], usize),
    File(Value),
}

struct Reader<'a> {
    src: Source<'a>,
    refs: Vec<Option<Value>>,
    depth: usize,
    /// A byte read from a file and put back.
    pending: Option<u8>,
}

fn bad(vm: &Vm, what: &str) -> PyErr {
    vm.value_error(&format!("bad marshal data ({what})"))
}

impl Reader<'_> {
    fn take(&mut self, vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
        match &mut self.src {
            Source::Bytes(b, pos) => {
                if b.len() - *pos < n {
                    *pos = b.len();
                    return Err(vm.err("EOFError", "marshal data too short"));
                }
                let out = b[*pos..*pos + n].to_vec();
                *pos += n;
                Ok(out)
            }
            Source::File(f) => {
                let f = f.clone();
                let mut data: Vec<u8> = self.pending.take().into_iter().collect();
                if data.len() < n {
                    let got = vm.call_method(&f, "read", vec![Value::Int((n - data.len()) as i64)])?;
                    data.extend(super::buffer::bytes_like(&got).map(|b| b.to_vec()).unwrap_or_default());
                }
                if data.len() < n {
                    return Err(vm.err("EOFError", "EOF read where not expected"));
                }
                Ok(data)
            }
        }
    }

    fn byte(&mut self, vm: &mut Vm) -> PyResult<u8> {
        Ok(self.take(vm, 1)?[0])
    }

    fn long(&mut self, vm: &mut Vm) -> PyResult<i32> {
        let b = self.take(vm, 4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn size(&mut self, vm: &mut Vm, what: &str) -> PyResult<usize> {
        let n = self.long(vm)?;
        usize::try_from(n).map_err(|_| bad(vm, &format!("{what} size out of range")))
    }

    fn f64(&mut self, vm: &mut Vm) -> PyResult<f64> {
        let b = self.take(vm, 8)?;
        Ok(f64::from_le_bytes(b.try_into().unwrap_or([0; 8])))
    }

    fn text_float(&mut self, vm: &mut Vm) -> PyResult<f64> {
        let n = self.byte(vm)? as usize;
        let b = self.take(vm, n)?;
        let s = String::from_utf8_lossy(&b).to_string();
        match vm.call(&Value::Class(vm.rt.types.float.clone()), vec![Value::string(s)])? {
            Value::Flt(f) => Ok(f.get()),
            _ => Err(bad(vm, "float")),
        }
    }

    fn object(&mut self, vm: &mut Vm) -> PyResult<Value> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(vm.value_error("recursion limit exceeded"));
        }
        let r = self.object_inner(vm);
        self.depth -= 1;
        r
    }

    /// Remembers `v` under a reserved index (or a new one).
    fn keep(&mut self, flag: bool, slot: Option<usize>, v: &Value) {
        if !flag {
            return;
        }
        match slot {
            Some(i) => self.refs[i] = Some(v.clone()),
            None => self.refs.push(Some(v.clone())),
        }
    }

    fn reserve(&mut self, flag: bool) -> Option<usize> {
        flag.then(|| {
            self.refs.push(None);
            self.refs.len() - 1
        })
    }

    fn object_inner(&mut self, vm: &mut Vm) -> PyResult<Value> {
        let code = match self.take(vm, 1) {
            Ok(b) => b[0],
            Err(e) if vm.is_exc(&e, "EOFError") => {
                return Err(vm.err("EOFError", "EOF read where object expected"));
            }
            Err(e) => return Err(e),
        };
        let flag = code & FLAG_REF != 0;
        let v = match code & !FLAG_REF {
            b'0' => return Err(vm.type_error("NULL object in marshal data for object")),
            b'N' => Value::None,
            b'F' => Value::Bool(false),
            b'T' => Value::Bool(true),
            b'.' => Value::Ellipsis,
            b'S' => Value::Class(vm.rt.types.exc("StopIteration")),
            b'i' => Value::Int(self.long(vm)? as i64),
            b'I' => {
                let b = self.take(vm, 8)?;
                Value::Int(i64::from_le_bytes(b.try_into().unwrap_or([0; 8])))
            }
            b'l' => {
                let n = self.long(vm)?;
                if n == i32::MIN {
                    return Err(bad(vm, "long size out of range"));
                }
                let mut mag = BigInt::from(0);
                let count = n.unsigned_abs() as usize;
                let mut digits = Vec::with_capacity(count.min(1 << 16));
                for _ in 0..count {
                    let b = self.take(vm, 2)?;
                    let d = u16::from_le_bytes([b[0], b[1]]);
                    if d > 0x7fff {
                        return Err(bad(vm, "digit out of range in long"));
                    }
                    digits.push(d);
                }
                if digits.last() == Some(&0) {
                    return Err(bad(vm, "unnormalized long data"));
                }
                for d in digits.iter().rev() {
                    mag = (mag << 15) + BigInt::from(*d);
                }
                Value::from_bigint(if n < 0 { -mag } else { mag })
            }
            b'g' => Value::Float(self.f64(vm)?),
            b'f' => Value::Float(self.text_float(vm)?),
            b'y' => {
                let re = self.f64(vm)?;
                let im = self.f64(vm)?;
                Value::complex(re, im)
            }
            b'x' => {
                let re = self.text_float(vm)?;
                let im = self.text_float(vm)?;
                Value::complex(re, im)
            }
            b's' => {
                let n = self.size(vm, "bytes object")?;
                Value::Bytes(Arc::new(self.take(vm, n)?))
            }
            c @ (b't' | b'u' | b'a' | b'A' | b'z' | b'Z') => {
                let n = if matches!(c, b'z' | b'Z') { self.byte(vm)? as usize } else { self.size(vm, "string")? };
                let b = self.take(vm, n)?;
                match String::from_utf8(b) {
                    Ok(s) => Value::string(s),
                    Err(_) => return Err(bad(vm, "invalid UTF-8 in string")),
                }
            }
            c @ (b'(' | b')') => {
                let n = if c == b')' { self.byte(vm)? as usize } else { self.size(vm, "tuple")? };
                let slot = self.reserve(flag);
                let mut items = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    items.push(self.object(vm)?);
                }
                let v = Value::tuple(items);
                self.keep(flag, slot, &v);
                return Ok(v);
            }
            b'[' => {
                let n = self.size(vm, "list")?;
                let l = Arc::new(List::new(Vec::new()));
                let v = Value::List(l.clone());
                self.keep(flag, None, &v);
                for _ in 0..n {
                    let x = self.object(vm)?;
                    l.push(x);
                }
                return Ok(v);
            }
            b'{' => {
                let d = Arc::new(Dict::new());
                let v = Value::Dict(d.clone());
                self.keep(flag, None, &v);
                loop {
                    let peek = self.take(vm, 1)?[0];
                    if peek == b'0' {
                        break;
                    }
                    self.unread(peek);
                    let k = self.object(vm)?;
                    let x = self.object(vm)?;
                    vm.dict_set(&d, k, x)?;
                }
                return Ok(v);
            }
            c @ (b'<' | b'>') => {
                let n = self.size(vm, "set")?;
                let slot = self.reserve(flag);
                let mut items = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    items.push(self.object(vm)?);
                }
                let v = vm.new_set(items, c == b'>')?;
                self.keep(flag, slot, &v);
                return Ok(v);
            }
            b'c' => {
                let b = self.take(vm, 8)?;
                if u64::from_le_bytes(b.try_into().unwrap_or([0; 8])) != crate::bytecode::marshal::schema_hash() {
                    return Err(vm.value_error("bad marshal data (not a code object of this gilt build)"));
                }
                let n = self.size(vm, "bytes object")?;
                let filename: Arc<str> = Arc::from(String::from_utf8_lossy(&self.take(vm, n)?).as_ref());
                let n = self.size(vm, "bytes object")?;
                let data = self.take(vm, n)?;
                let rt = vm.rt.clone();
                let intern = move |s: &str| rt.intern(s);
                match crate::bytecode::marshal::decode(&data, &filename, &intern) {
                    Some(c) => Value::Code(Arc::new(c)),
                    None => return Err(bad(vm, "code object")),
                }
            }
            b'r' => {
                let i = self.long(vm)?;
                return match usize::try_from(i).ok().and_then(|i| self.refs.get(i).cloned().flatten()) {
                    Some(v) => Ok(v),
                    None => Err(bad(vm, "invalid reference")),
                };
            }
            _ => return Err(bad(vm, "unknown type code")),
        };
        self.keep(flag, None, &v);
        Ok(v)
    }

    /// Puts back the byte just read (only a dict's end marker needs it).
    fn unread(&mut self, b: u8) {
        match &mut self.src {
            Source::Bytes(_, pos) => *pos -= 1,
            Source::File(_) => self.pending = Some(b),
        }
    }
}

fn version_arg(vm: &mut Vm, a: &mut Args, i: usize) -> PyResult<i64> {
    match a.arg(i, "version") {
        None => Ok(VERSION),
        Some(Value::Int(v)) => Ok(v),
        Some(Value::Boolean(b)) => Ok(b.get() as i64),
        Some(v) => {
            let tn = vm.type_name(&v);
            Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

fn loads_from(vm: &mut Vm, src: Source) -> PyResult {
    let mut r = Reader { src, refs: Vec::new(), depth: 0, pending: None };
    r.object(vm)
}

/// Creates the `marshal` module.
pub fn create(_vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("version", Value::Int(VERSION));
    def(&d, "dumps", |vm, mut a| {
        if a.pos.len() > 2 {
            return Err(vm.type_error(&format!("dumps expected at most 2 arguments, got {}", a.pos.len())));
        }
        if a.pos.is_empty() {
            return Err(vm.type_error("dumps expected at least 1 argument, got 0"));
        }
        let version = version_arg(vm, &mut a, 1)?;
        Ok(Value::Bytes(Arc::new(dumps(vm, &a.pos[0], version)?)))
    });
    def(&d, "dump", |vm, mut a| {
        if a.pos.len() < 2 || a.pos.len() > 3 {
            let n = a.pos.len();
            let msg = if n < 2 {
                format!("dump expected at least 2 arguments, got {n}")
            } else {
                format!("dump expected at most 3 arguments, got {n}")
            };
            return Err(vm.type_error(&msg));
        }
        let version = version_arg(vm, &mut a, 2)?;
        let data = dumps(vm, &a.pos[0], version)?;
        vm.call_method(&a.pos[1], "write", vec![Value::Bytes(Arc::new(data))])?;
        Ok(Value::None)
    });
    def(&d, "loads", |vm, a| {
        if a.pos.len() != 1 {
            return Err(vm.type_error(&format!("loads() takes exactly one argument ({} given)", a.pos.len())));
        }
        let Some(data) = super::buffer::bytes_like(&a.pos[0]) else {
            let tn = vm.type_name(&a.pos[0]);
            return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
        };
        loads_from(vm, Source::Bytes(&data, 0))
    });
    def(&d, "load", |vm, a| {
        if a.pos.len() != 1 {
            return Err(vm.type_error(&format!("load() takes exactly one argument ({} given)", a.pos.len())));
        }
        loads_from(vm, Source::File(a.pos[0].clone()))
    });
    Ok(module("marshal", d))
}
