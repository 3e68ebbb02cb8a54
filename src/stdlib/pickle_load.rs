//! The unpickling half of the native `_pickle`: a stack machine over every
//! opcode of protocols 0–5 with CPython 3.11's C unpickler semantics and
//! messages. Input is a bytes-like object read in place, or a file read as
//! the C unpickler reads one (`read(n)` per item, a whole frame at once,
//! `readline()` for the text opcodes), so a file holding several pickles
//! is left just after the one loaded.

use std::sync::Arc;

use num_bigint::BigInt;

use super::mod_pickle::{PickleState, op};
use crate::object::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Where the bytes come from.
pub struct Input {
    buf: Arc<Vec<u8>>,
    pos: usize,
    /// The file's `read` and `readline`, when loading from a file.
    file: Option<(Value, Value)>,
}

impl Input {
    /// Reads the bytes of a bytes-like object in place.
    pub fn from_bytes(buf: Arc<Vec<u8>>) -> Self {
        Input { buf, pos: 0, file: None }
    }

    /// Reads from a file through its `read` and `readline`.
    pub fn from_file(read: Value, readline: Value) -> Self {
        Input { buf: Arc::new(Vec::new()), pos: 0, file: Some((read, readline)) }
    }
}

/// What the unpickler needs from its owner (an `Unpickler` object, or
/// nothing for `loads`).
pub struct LoadOptions {
    pub fix_imports: bool,
    pub encoding: String,
    pub errors: String,
    /// An iterator over the out-of-band buffers, if any were given.
    pub buffers: Option<Value>,
    pub find_class: Option<Value>,
    pub persistent_load: Option<Value>,
    /// The `Unpickler` (its `_proto` is kept current for `find_class`).
    pub owner: Option<Value>,
}

/// One run of the unpickler.
pub struct Loader<'a> {
    st: &'a PickleState,
    inp: Input,
    o: LoadOptions,
    stack: Vec<Value>,
    marks: Vec<usize>,
    pub memo: Vec<Option<Value>>,
    /// How many memo slots are filled (MEMOIZE's next index).
    memo_count: usize,
    pub proto: u8,
}

fn le(b: &[u8]) -> u64 {
    b.iter().rev().fold(0u64, |acc, &x| (acc << 8) | x as u64)
}

impl<'a> Loader<'a> {
    /// A loader continuing with `memo` (an Unpickler keeps it between loads).
    pub fn new(st: &'a PickleState, inp: Input, o: LoadOptions, memo: Vec<Option<Value>>) -> Self {
        let memo_count = memo.iter().filter(|x| x.is_some()).count();
        Loader { st, inp, o, stack: Vec::new(), marks: Vec::new(), memo, memo_count, proto: 0 }
    }

    fn uerr(&self, vm: &Vm, msg: &str) -> PyErr {
        super::native_util::raise(vm, &self.st.unpickling_error, msg)
    }

    fn truncated(&self, vm: &Vm) -> PyErr {
        self.uerr(vm, "pickle data was truncated")
    }

    /// Makes `n` bytes available at `inp.pos`; returns where they start.
    fn need(&mut self, vm: &mut Vm, n: usize) -> PyResult<usize> {
        let avail = self.inp.buf.len() - self.inp.pos;
        if n <= avail {
            let at = self.inp.pos;
            self.inp.pos += n;
            return Ok(at);
        }
        let Some((read, _)) = self.inp.file.clone() else {
            return Err(self.truncated(vm));
        };
        let data = vm.call(&read, vec![Value::Int((n - avail) as i64)])?;
        let Some(more) = super::buffer::bytes_like(&data) else {
            let tn = vm.type_name(&data);
            return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
        };
        let mut b = self.inp.buf[self.inp.pos..].to_vec();
        b.extend_from_slice(&more);
        self.inp.buf = Arc::new(b);
        self.inp.pos = 0;
        if self.inp.buf.len() < n {
            return Err(self.truncated(vm));
        }
        self.inp.pos = n;
        Ok(0)
    }

    fn read(&mut self, vm: &mut Vm, n: usize) -> PyResult<&[u8]> {
        let at = self.need(vm, n)?;
        Ok(&self.inp.buf[at..at + n])
    }

    /// One line without its `\n`.
    fn readline(&mut self, vm: &mut Vm) -> PyResult<Vec<u8>> {
        let rest = &self.inp.buf[self.inp.pos..];
        if let Some(i) = rest.iter().position(|&c| c == b'\n') {
            let line = rest[..i].to_vec();
            self.inp.pos += i + 1;
            return Ok(line);
        }
        let Some((_, readline)) = self.inp.file.clone() else {
            return Err(self.truncated(vm));
        };
        let mut line = rest.to_vec();
        self.inp.pos = self.inp.buf.len();
        let data = vm.call(&readline, vec![])?;
        let Some(more) = super::buffer::bytes_like(&data) else {
            let tn = vm.type_name(&data);
            return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
        };
        line.extend_from_slice(&more);
        if line.last() != Some(&b'\n') {
            return Err(self.truncated(vm));
        }
        line.pop();
        Ok(line)
    }

    fn fence(&self) -> usize {
        self.marks.last().copied().unwrap_or(0)
    }

    fn underflow(&self, vm: &Vm) -> PyErr {
        if self.marks.is_empty() {
            self.uerr(vm, "unpickling stack underflow")
        } else {
            self.uerr(vm, "unexpected MARK found")
        }
    }

    fn pop(&mut self, vm: &Vm) -> PyResult<Value> {
        if self.stack.len() <= self.fence() {
            return Err(self.underflow(vm));
        }
        Ok(self.stack.pop().expect("checked"))
    }

    fn top(&self, vm: &Vm) -> PyResult<Value> {
        if self.stack.len() <= self.fence() {
            return Err(self.underflow(vm));
        }
        Ok(self.stack.last().cloned().expect("checked"))
    }

    fn marker(&mut self, vm: &Vm) -> PyResult<usize> {
        self.marks.pop().ok_or_else(|| self.uerr(vm, "could not find MARK"))
    }

    /// The items above the last MARK, which is removed.
    fn pop_mark(&mut self, vm: &Vm) -> PyResult<Vec<Value>> {
        let m = self.marker(vm)?;
        Ok(self.stack.split_off(m.min(self.stack.len())))
    }

    fn memo_put(&mut self, idx: usize, v: Value) -> PyResult<()> {
        if idx >= self.memo.len() {
            self.memo.resize(idx + 1, None);
        }
        if self.memo[idx].replace(v).is_none() {
            self.memo_count += 1;
        }
        Ok(())
    }

    fn memo_get(&mut self, vm: &Vm, idx: usize) -> PyResult<()> {
        match self.memo.get(idx).and_then(|v| v.clone()) {
            Some(v) => {
                self.stack.push(v);
                Ok(())
            }
            None => Err(self.uerr(vm, &format!("Memo value not found at index {idx}"))),
        }
    }

    fn decode_line_int(&self, vm: &mut Vm, line: &[u8]) -> PyResult<Value> {
        let s = String::from_utf8_lossy(line);
        let t = s.trim_end_matches(['\n', '\0']);
        match crate::object::numfmt::parse_num::parse_int(t, 0) {
            Ok(v) => Ok(Value::from_bigint(v)),
            Err(_) => Err(vm.value_error("could not convert string to int")),
        }
    }

    fn utf8(&self, vm: &mut Vm, b: &[u8]) -> PyResult<Value> {
        match std::str::from_utf8(b) {
            Ok(s) => Ok(Value::str(s)),
            Err(_) => Ok(Value::Str(Arc::new(super::mod_codecs::decode_bytes(vm, b, "utf-8", "surrogatepass")?))),
        }
    }

    /// A Python 2 str: bytes for `encoding='bytes'`, else decoded.
    fn py2_string(&self, vm: &mut Vm, b: Vec<u8>) -> PyResult<Value> {
        if self.o.encoding == "bytes" {
            return Ok(super::native_util::bytes(b));
        }
        let (enc, errs) = (self.o.encoding.clone(), self.o.errors.clone());
        Ok(Value::Str(Arc::new(super::mod_codecs::decode_bytes(vm, &b, &enc, &errs)?)))
    }

    fn find_class(&mut self, vm: &mut Vm, module: Value, name: Value) -> PyResult {
        match self.o.find_class.clone() {
            Some(f) => vm.call(&f, vec![module, name]),
            None => super::pickle_global::find_class(vm, self.proto, self.o.fix_imports, &module, &name),
        }
    }

    fn persistent_load(&mut self, vm: &mut Vm, pid: Value) -> PyResult {
        match self.o.persistent_load.clone() {
            Some(f) => vm.call(&f, vec![pid]),
            None => Err(self.uerr(
                vm,
                "A load persistent id instruction was encountered,\nbut no persistent_load function was specified.",
            )),
        }
    }

    /// Runs to STOP; the unpickled object.
    pub fn load(&mut self, vm: &mut Vm) -> PyResult {
        loop {
            let at = match self.need(vm, 1) {
                Ok(at) => at,
                Err(e) if e.exc.class.is_subclass(&self.st.unpickling_error) => {
                    return Err(vm.err("EOFError", "Ran out of input"));
                }
                Err(e) => return Err(e),
            };
            let code = self.inp.buf[at];
            if code == op::STOP {
                break;
            }
            self.step(vm, code)?;
        }
        self.pop(vm)
    }

    fn counted(&mut self, vm: &mut Vm, size_bytes: usize) -> PyResult<Vec<u8>> {
        let n = le(self.read(vm, size_bytes)?) as usize;
        Ok(self.read(vm, n)?.to_vec())
    }

    fn step(&mut self, vm: &mut Vm, code: u8) -> PyResult<()> {
        match code {
            op::MARK => self.marks.push(self.stack.len()),
            op::POP => {
                if self.marks.last() == Some(&self.stack.len()) {
                    self.marks.pop();
                } else {
                    self.pop(vm)?;
                }
            }
            op::POP_MARK => {
                let m = self.marker(vm)?;
                self.stack.truncate(m);
            }
            op::DUP => {
                let v = self.top(vm)?;
                self.stack.push(v);
            }
            op::NONE => self.stack.push(Value::None),
            op::NEWTRUE => self.stack.push(Value::Bool(true)),
            op::NEWFALSE => self.stack.push(Value::Bool(false)),
            op::INT => {
                let line = self.readline(vm)?;
                let v = match line.as_slice() {
                    b"00" => Value::Bool(false),
                    b"01" => Value::Bool(true),
                    l => self.decode_line_int(vm, l)?,
                };
                self.stack.push(v);
            }
            op::LONG => {
                let mut line = self.readline(vm)?;
                if line.last() == Some(&b'L') {
                    line.pop();
                }
                let v = self.decode_line_int(vm, &line)?;
                self.stack.push(v);
            }
            op::BININT => {
                let b = self.read(vm, 4)?;
                let v = i32::from_le_bytes([b[0], b[1], b[2], b[3]]);
                self.stack.push(Value::Int(v as i64));
            }
            op::BININT1 => {
                let v = self.read(vm, 1)?[0];
                self.stack.push(Value::Int(v as i64));
            }
            op::BININT2 => {
                let v = le(self.read(vm, 2)?);
                self.stack.push(Value::Int(v as i64));
            }
            op::LONG1 | op::LONG4 => {
                let n = if code == op::LONG1 {
                    self.read(vm, 1)?[0] as i64
                } else {
                    let b = self.read(vm, 4)?;
                    i32::from_le_bytes([b[0], b[1], b[2], b[3]]) as i64
                };
                if n < 0 {
                    return Err(self.uerr(vm, "LONG pickle has negative byte count"));
                }
                let b = self.read(vm, n as usize)?;
                let v = if b.is_empty() { Value::Int(0) } else { Value::from_bigint(BigInt::from_signed_bytes_le(b)) };
                self.stack.push(v);
            }
            op::FLOAT => {
                let line = self.readline(vm)?;
                let s = String::from_utf8_lossy(&line).to_string();
                let f = match crate::object::numfmt::parse_num::parse_float(s.trim_end_matches('\0')) {
                    Ok(f) => f,
                    Err(_) => {
                        return Err(vm.value_error(&format!("could not convert string to float: '{s}\n'")));
                    }
                };
                self.stack.push(Value::Float(f));
            }
            op::BINFLOAT => {
                let b = self.read(vm, 8)?;
                let f = f64::from_be_bytes(b.try_into().expect("8 bytes"));
                self.stack.push(Value::Float(f));
            }
            op::STRING => {
                let line = self.readline(vm)?;
                let quoted =
                    line.len() >= 2 && line[0] == line[line.len() - 1] && (line[0] == b'\'' || line[0] == b'"');
                if !quoted {
                    return Err(self.uerr(vm, "the STRING opcode argument must be quoted"));
                }
                let raw = super::codecs_more::escape_decode(vm, &line[1..line.len() - 1], "strict")?;
                let v = self.py2_string(vm, raw)?;
                self.stack.push(v);
            }
            op::BINSTRING => {
                let b = self.read(vm, 4)?;
                let n = i32::from_le_bytes([b[0], b[1], b[2], b[3]]);
                if n < 0 {
                    return Err(self.uerr(vm, "BINSTRING pickle has negative byte count"));
                }
                let raw = self.read(vm, n as usize)?.to_vec();
                let v = self.py2_string(vm, raw)?;
                self.stack.push(v);
            }
            op::SHORT_BINSTRING => {
                let raw = self.counted(vm, 1)?;
                let v = self.py2_string(vm, raw)?;
                self.stack.push(v);
            }
            op::BINBYTES | op::SHORT_BINBYTES | op::BINBYTES8 => {
                let w = match code {
                    op::SHORT_BINBYTES => 1,
                    op::BINBYTES => 4,
                    _ => 8,
                };
                let b = self.counted(vm, w)?;
                self.stack.push(super::native_util::bytes(b));
            }
            op::BYTEARRAY8 => {
                let b = self.counted(vm, 8)?;
                self.stack.push(super::types_bytearray::new_bytearray(vm, b));
            }
            op::NEXT_BUFFER => {
                let Some(it) = self.o.buffers.clone() else {
                    return Err(
                        self.uerr(vm, "pickle stream refers to out-of-band data but no *buffers* argument was given")
                    );
                };
                match vm.next_value(&it)? {
                    Some(b) => self.stack.push(b),
                    None => return Err(self.uerr(vm, "not enough out-of-band buffers")),
                }
            }
            op::READONLY_BUFFER => {
                let v = self.top(vm)?;
                let mv = super::types_memoryview::memoryview_of(vm, &v)?;
                let ro = vm.get_attr_str(&mv, "readonly")?.and_then(|r| r.as_bool()).unwrap_or(true);
                if !ro {
                    let r = vm.call_method(&mv, "toreadonly", vec![])?;
                    *self.stack.last_mut().expect("checked") = r;
                }
            }
            op::UNICODE => {
                let line = self.readline(vm)?;
                let s = super::mod_codecs::decode_bytes(vm, &line, "raw_unicode_escape", "strict")?;
                self.stack.push(Value::Str(Arc::new(s)));
            }
            op::BINUNICODE | op::SHORT_BINUNICODE | op::BINUNICODE8 => {
                let w = match code {
                    op::SHORT_BINUNICODE => 1,
                    op::BINUNICODE => 4,
                    _ => 8,
                };
                let n = le(self.read(vm, w)?) as usize;
                let at = self.need(vm, n)?;
                let buf = self.inp.buf.clone();
                let v = self.utf8(vm, &buf[at..at + n])?;
                self.stack.push(v);
            }
            op::EMPTY_TUPLE => self.stack.push(Value::tuple(vec![])),
            op::TUPLE1 | op::TUPLE2 | op::TUPLE3 => {
                let n = (code - op::TUPLE1 + 1) as usize;
                if self.stack.len() < self.fence() + n {
                    return Err(self.underflow(vm));
                }
                let items = self.stack.split_off(self.stack.len() - n);
                self.stack.push(Value::tuple(items));
            }
            op::TUPLE => {
                let items = self.pop_mark(vm)?;
                self.stack.push(Value::tuple(items));
            }
            op::EMPTY_LIST => self.stack.push(Value::list(vec![])),
            op::LIST => {
                let items = self.pop_mark(vm)?;
                self.stack.push(Value::list(items));
            }
            op::EMPTY_DICT => self.stack.push(Value::Dict(Arc::new(crate::object::dict::Dict::new()))),
            op::DICT => {
                let items = self.pop_mark(vm)?;
                if items.len() % 2 != 0 {
                    return Err(self.uerr(vm, "odd number of items for DICT"));
                }
                let d = Arc::new(crate::object::dict::Dict::new());
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    vm.dict_set(&d, k, v)?;
                }
                self.stack.push(Value::Dict(d));
            }
            op::EMPTY_SET => {
                let s = vm.new_set(Vec::new(), false)?;
                self.stack.push(s);
            }
            op::FROZENSET => {
                let items = self.pop_mark(vm)?;
                let s = vm.new_set(items, true)?;
                self.stack.push(s);
            }
            op::APPEND => {
                let v = self.pop(vm)?;
                let target = self.top(vm)?;
                self.extend(vm, &target, vec![v])?;
            }
            op::APPENDS => {
                let items = self.pop_mark(vm)?;
                let target = self.top(vm)?;
                self.extend(vm, &target, items)?;
            }
            op::SETITEM => {
                let v = self.pop(vm)?;
                let k = self.pop(vm)?;
                let target = self.top(vm)?;
                vm.set_item(&target, k, v)?;
            }
            op::SETITEMS => {
                let items = self.pop_mark(vm)?;
                if items.len() % 2 != 0 {
                    return Err(self.uerr(vm, "odd number of items for SETITEMS"));
                }
                let target = self.top(vm)?;
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    match &target {
                        Value::Dict(d) => vm.dict_set(d, k, v)?,
                        _ => vm.set_item(&target, k, v)?,
                    }
                }
            }
            op::ADDITEMS => {
                let items = self.pop_mark(vm)?;
                let target = self.top(vm)?;
                match &target {
                    Value::Set(s) if !s.frozen => {
                        for x in items {
                            vm.set_add(s, x)?;
                        }
                    }
                    _ => {
                        let add = vm.get_attr(&target, &vm.rt.intern("add"))?;
                        for x in items {
                            vm.call(&add, vec![x])?;
                        }
                    }
                }
            }
            _ => return self.step2(vm, code),
        }
        Ok(())
    }

    /// APPEND(S): a list grows in place; anything else through its
    /// `extend` (or, lacking one, `append`).
    fn extend(&mut self, vm: &mut Vm, target: &Value, items: Vec<Value>) -> PyResult<()> {
        if let Value::List(l) = target {
            l.lock().extend(items);
            return Ok(());
        }
        if let Some(ext) = vm.get_attr_str(target, "extend")? {
            vm.call(&ext, vec![Value::list(items)])?;
        } else {
            let app = vm.get_attr(target, &vm.rt.intern("append"))?;
            for x in items {
                vm.call(&app, vec![x])?;
            }
        }
        Ok(())
    }

    fn step2(&mut self, vm: &mut Vm, code: u8) -> PyResult<()> {
        match code {
            op::GET => {
                let line = self.readline(vm)?;
                let idx = self.decode_line_int(vm, &line)?;
                let idx = vm.index_of(&idx)?;
                self.memo_get(vm, idx.max(0) as usize)?;
            }
            op::BINGET => {
                let idx = self.read(vm, 1)?[0] as usize;
                self.memo_get(vm, idx)?;
            }
            op::LONG_BINGET => {
                let idx = le(self.read(vm, 4)?) as usize;
                self.memo_get(vm, idx)?;
            }
            op::PUT | op::BINPUT | op::LONG_BINPUT => {
                let idx = match code {
                    op::PUT => {
                        let line = self.readline(vm)?;
                        let v = self.decode_line_int(vm, &line)?;
                        let i = vm.index_of(&v)?;
                        if i < 0 {
                            return Err(vm.value_error("negative PUT argument"));
                        }
                        i as usize
                    }
                    op::BINPUT => self.read(vm, 1)?[0] as usize,
                    _ => le(self.read(vm, 4)?) as usize,
                };
                let v = self.top(vm)?;
                if idx > 1 << 31 {
                    return Err(vm.err("MemoryError", ""));
                }
                self.memo_put(idx, v)?;
            }
            op::MEMOIZE => {
                let v = self.top(vm)?;
                self.memo_put(self.memo_count, v)?;
            }
            op::GLOBAL => {
                let m = self.readline(vm)?;
                let n = self.readline(vm)?;
                let m = self.utf8(vm, &m)?;
                let n = self.utf8(vm, &n)?;
                let v = self.find_class(vm, m, n)?;
                self.stack.push(v);
            }
            op::STACK_GLOBAL => {
                let name = self.pop(vm)?;
                let module = self.pop(vm)?;
                if !matches!(name, Value::Str(_)) || !matches!(module, Value::Str(_)) {
                    return Err(self.uerr(vm, "STACK_GLOBAL requires str"));
                }
                let v = self.find_class(vm, module, name)?;
                self.stack.push(v);
            }
            op::INST => {
                let m = self.readline(vm)?;
                let n = self.readline(vm)?;
                let (m, n) = (self.utf8(vm, &m)?, self.utf8(vm, &n)?);
                let cls = self.find_class(vm, m, n)?;
                let args = self.pop_mark(vm)?;
                let v = self.instantiate(vm, &cls, args)?;
                self.stack.push(v);
            }
            op::OBJ => {
                let mut args = self.pop_mark(vm)?;
                if args.is_empty() {
                    return Err(self.underflow(vm));
                }
                let cls = args.remove(0);
                let v = self.instantiate(vm, &cls, args)?;
                self.stack.push(v);
            }
            op::NEWOBJ | op::NEWOBJ_EX => {
                let name = if code == op::NEWOBJ { "NEWOBJ" } else { "NEWOBJ_EX" };
                let kwargs = if code == op::NEWOBJ_EX { Some(self.pop(vm)?) } else { None };
                let args = self.pop(vm)?;
                let cls = self.pop(vm)?;
                if !matches!(cls, Value::Class(_)) {
                    let tn = vm.type_name(&cls);
                    return Err(self.uerr(vm, &format!("{name} class argument must be a type, not {tn}")));
                }
                let Value::Tuple(t) = &args else {
                    let tn = vm.type_name(&args);
                    return Err(self.uerr(vm, &format!("{name} args argument must be a tuple, not {tn}")));
                };
                let kw = match &kwargs {
                    None => Vec::new(),
                    Some(Value::Dict(d)) => {
                        d.lock().items().into_iter().filter_map(|(k, v)| k.as_str().map(|s| (s.clone(), v))).collect()
                    }
                    Some(other) => {
                        let tn = vm.type_name(other);
                        return Err(self.uerr(vm, &format!("{name} kwargs argument must be a dict, not {tn}")));
                    }
                };
                let new = vm.get_attr(&cls, &vm.rt.intern("__new__"))?;
                let mut a = vec![cls.clone()];
                a.extend(t.items.iter().cloned());
                let v = vm.call_value(&new, crate::vm::Args::with_kw(a, kw))?;
                self.stack.push(v);
            }
            op::REDUCE => {
                let args = self.pop(vm)?;
                let f = self.pop(vm)?;
                let Value::Tuple(t) = &args else {
                    return Err(vm.type_error("argument list must be a tuple"));
                };
                let v = vm.call(&f, t.items.to_vec())?;
                self.stack.push(v);
            }
            op::BUILD => {
                let state = self.pop(vm)?;
                let inst = self.top(vm)?;
                self.build(vm, &inst, state)?;
            }
            op::PERSID => {
                let line = self.readline(vm)?;
                if self.o.persistent_load.is_none() {
                    return self.persistent_load(vm, Value::None).map(|_| ());
                }
                let Ok(s) =
                    std::str::from_utf8(&line).map_err(|_| ()).and_then(|s| if s.is_ascii() { Ok(s) } else { Err(()) })
                else {
                    return Err(self.uerr(vm, "persistent IDs in protocol 0 must be ASCII strings"));
                };
                let v = self.persistent_load(vm, Value::str(s))?;
                self.stack.push(v);
            }
            op::BINPERSID => {
                if self.o.persistent_load.is_none() {
                    return self.persistent_load(vm, Value::None).map(|_| ());
                }
                let pid = self.pop(vm)?;
                let v = self.persistent_load(vm, pid)?;
                self.stack.push(v);
            }
            op::EXT1 | op::EXT2 | op::EXT4 => {
                let w = match code {
                    op::EXT1 => 1,
                    op::EXT2 => 2,
                    _ => 4,
                };
                let c = le(self.read(vm, w)?) as i64;
                self.load_ext(vm, c)?;
            }
            op::PROTO => {
                let p = self.read(vm, 1)?[0];
                if p > 5 {
                    return Err(vm.value_error(&format!("unsupported pickle protocol: {p}")));
                }
                self.proto = p;
                if let Some(owner) = self.o.owner.clone() {
                    vm.set_attr(&owner, &vm.rt.intern("_proto"), Value::Int(p as i64))?;
                }
            }
            op::FRAME => {
                let n = le(self.read(vm, 8)?) as usize;
                // Make the whole frame available now (one read of a file),
                // then go on reading its opcodes from the buffer.
                let at = self.need(vm, n)?;
                self.inp.pos = at;
            }
            other => {
                let msg = if (0x20..=0x7e).contains(&other) && other != b'\'' && other != b'\\' {
                    format!("invalid load key, '{}'.", other as char)
                } else {
                    format!("invalid load key, '\\x{other:02x}'.")
                };
                return Err(self.uerr(vm, &msg));
            }
        }
        Ok(())
    }

    /// OBJ and INST: `cls(*args)`, or `cls.__new__(cls)` for a class
    /// without arguments or `__getinitargs__`.
    fn instantiate(&mut self, vm: &mut Vm, cls: &Value, args: Vec<Value>) -> PyResult {
        if args.is_empty()
            && let Value::Class(_) = cls
            && vm.get_attr_str(cls, "__getinitargs__")?.is_none()
        {
            let new = vm.get_attr(cls, &vm.rt.intern("__new__"))?;
            return vm.call(&new, vec![cls.clone()]);
        }
        vm.call(cls, args)
    }

    fn build(&mut self, vm: &mut Vm, inst: &Value, state: Value) -> PyResult<()> {
        if let Some(setstate) = vm.get_attr_str(inst, "__setstate__")? {
            vm.call(&setstate, vec![state])?;
            return Ok(());
        }
        let (state, slotstate) = match &state {
            Value::Tuple(t) if t.items.len() == 2 => (t.items[0].clone(), t.items[1].clone()),
            _ => (state, Value::None),
        };
        if !state.is_none() {
            let Value::Dict(sd) = &state else {
                return Err(self.uerr(vm, "state is not a dictionary"));
            };
            let items = sd.lock().items();
            match inst {
                Value::Instance(i) => {
                    for (k, v) in items {
                        let k = match &k {
                            Value::Str(s) => Value::Str(vm.rt.intern_arc(s)),
                            _ => k,
                        };
                        vm.dict_set(&i.dict, k, v)?;
                    }
                }
                _ => {
                    let d = vm.get_attr(inst, &vm.rt.intern("__dict__"))?;
                    for (k, v) in items {
                        vm.set_item(&d, k, v)?;
                    }
                }
            }
        }
        if !slotstate.is_none() {
            let Value::Dict(sd) = &slotstate else {
                return Err(self.uerr(vm, "slot state is not a dictionary"));
            };
            for (k, v) in sd.lock().items() {
                let Value::Str(name) = &k else {
                    let tn = vm.type_name(&k);
                    return Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")));
                };
                vm.set_attr(inst, name, v)?;
            }
        }
        Ok(())
    }

    fn load_ext(&mut self, vm: &mut Vm, code: i64) -> PyResult<()> {
        if code <= 0 {
            return Err(self.uerr(vm, "EXT specifies code <= 0"));
        }
        let copyreg = vm.import_name("copyreg", 0, true)?;
        let cache = vm.get_attr(&copyreg, &vm.rt.intern("_extension_cache"))?;
        if let Value::Dict(c) = &cache
            && let Some(v) = vm.dict_get(c, &Value::Int(code))?
        {
            self.stack.push(v);
            return Ok(());
        }
        let inv = vm.get_attr(&copyreg, &vm.rt.intern("_inverted_registry"))?;
        let key = match &inv {
            Value::Dict(d) => vm.dict_get(d, &Value::Int(code))?,
            _ => None,
        };
        let Some(key) = key else {
            return Err(vm.value_error(&format!("unregistered extension code {code}")));
        };
        let pair = match &key {
            Value::Tuple(t) if t.items.len() == 2 && t.items.iter().all(|x| matches!(x, Value::Str(_))) => {
                (t.items[0].clone(), t.items[1].clone())
            }
            _ => return Err(vm.value_error(&format!("_inverted_registry[{code}] isn't a 2-tuple of strings"))),
        };
        let v = self.find_class(vm, pair.0, pair.1)?;
        if let Value::Dict(c) = &cache {
            vm.dict_set(c, Value::Int(code), v.clone())?;
        }
        self.stack.push(v);
        Ok(())
    }
}
