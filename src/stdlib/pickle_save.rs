//! The pickling half of the native `_pickle`: one `Saver` per `dump`,
//! writing the opcodes CPython 3.11's C pickler writes for the same objects
//! and protocol (byte for byte: the same memo numbering, batching, framing
//! and choice of opcodes), calling back into Python only for the hooks
//! (`persistent_id`, `reducer_override`, dispatch tables, `__reduce_ex__`).

use std::collections::HashMap;
use std::sync::Arc;

use num_bigint::BigInt;

mod bytes;
mod reduce;

use super::mod_pickle::{PickleState, op};
use crate::object::class::Class;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// Items per APPENDS / SETITEMS / ADDITEMS, as CPython's `BATCHSIZE`.
const BATCHSIZE: usize = 1000;
/// Nesting past which fast mode checks for cycles.
const FAST_NESTING_LIMIT: usize = 50;
const FRAME_SIZE_MIN: usize = 4;
pub const FRAME_SIZE_TARGET: usize = 64 * 1024;
const FRAME_HEADER_SIZE: usize = 9;

/// A pickler's memo: object id → (index, the object, kept alive so its id
/// stays unique while it is in the memo).
pub type MemoTable = HashMap<usize, (u32, Value)>;

/// The settings and hooks of one `dump`.
pub struct Options {
    pub proto: u8,
    pub fast: bool,
    pub fix_imports: bool,
    /// The file's `write`, or None for `dumps`.
    pub write: Option<Value>,
    pub persistent_id: Option<Value>,
    pub reducer_override: Option<Value>,
    /// The pickler's own `dispatch_table`, or None for copyreg's.
    pub dispatch_table: Option<Value>,
    pub buffer_callback: Option<Value>,
}

/// One run of the pickler over an object graph.
pub struct Saver<'a> {
    st: &'a PickleState,
    o: Options,
    pub memo: MemoTable,
    pub out: Vec<u8>,
    /// Where the open frame's reserved header starts, when framing.
    frame_start: Option<usize>,
    framing: bool,
    fast_nesting: usize,
    fast_memo: HashMap<usize, ()>,
    /// copyreg.dispatch_table, looked up once per dump.
    copyreg_table: Option<Arc<Dict>>,
}

impl<'a> Saver<'a> {
    /// A saver with `memo` carried over from earlier dumps of the same pickler.
    pub fn new(st: &'a PickleState, o: Options, memo: MemoTable) -> Self {
        let framing = o.proto >= 4;
        Saver {
            st,
            o,
            memo,
            out: Vec::with_capacity(4096),
            frame_start: None,
            framing,
            fast_nesting: 0,
            fast_memo: HashMap::new(),
            copyreg_table: None,
        }
    }

    fn perr(&self, vm: &Vm, msg: &str) -> crate::vm::PyErr {
        super::native_util::raise(vm, &self.st.pickling_error, msg)
    }

    /// Appends bytes, opening a frame first when framing and none is open.
    fn write(&mut self, b: &[u8]) {
        if self.framing && self.frame_start.is_none() {
            self.frame_start = Some(self.out.len());
            self.out.extend_from_slice(&[0; FRAME_HEADER_SIZE]);
        }
        self.out.extend_from_slice(b);
    }

    fn write_op(&mut self, o: u8) {
        self.write(&[o]);
    }

    /// Closes the open frame: its header filled in, or removed when the
    /// frame is too small to be worth one.
    fn commit_frame(&mut self) {
        let Some(start) = self.frame_start.take() else { return };
        let len = self.out.len() - start - FRAME_HEADER_SIZE;
        if len >= FRAME_SIZE_MIN {
            self.out[start] = op::FRAME;
            self.out[start + 1..start + FRAME_HEADER_SIZE].copy_from_slice(&(len as u64).to_le_bytes());
        } else {
            self.out.drain(start..start + FRAME_HEADER_SIZE);
        }
    }

    /// Between two opcodes: a frame past the target size is closed (and,
    /// with a file, handed to it, so a big pickle is not kept whole).
    fn opcode_boundary(&mut self, vm: &mut Vm) -> PyResult<()> {
        let Some(start) = self.frame_start else { return Ok(()) };
        if self.out.len() - start - FRAME_HEADER_SIZE >= FRAME_SIZE_TARGET {
            self.commit_frame();
            if self.o.write.is_some() {
                self.flush(vm)?;
            }
        }
        Ok(())
    }

    /// Hands everything written so far to the file.
    pub fn flush(&mut self, vm: &mut Vm) -> PyResult<()> {
        self.commit_frame();
        if let Some(w) = self.o.write.clone() {
            let data = std::mem::take(&mut self.out);
            vm.call(&w, vec![super::native_util::bytes(data)])?;
        }
        Ok(())
    }

    /// The whole pickle: PROTO, the object, STOP.
    pub fn dump(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        // PROTO comes before the first frame.
        self.framing = false;
        if self.o.proto >= 2 {
            self.write(&[op::PROTO, self.o.proto]);
        }
        self.framing = self.o.proto >= 4;
        self.save(vm, obj, false)?;
        self.write_op(op::STOP);
        self.commit_frame();
        Ok(())
    }

    fn memo_put(&mut self, obj: &Value) {
        if self.o.fast {
            return;
        }
        let idx = self.memo.len() as u32;
        self.memo.insert(obj.id() as usize, (idx, obj.clone()));
        if self.o.proto >= 4 {
            self.write_op(op::MEMOIZE);
        } else if self.o.proto >= 1 {
            if idx < 256 {
                self.write(&[op::BINPUT, idx as u8]);
            } else {
                let mut b = vec![op::LONG_BINPUT];
                b.extend_from_slice(&idx.to_le_bytes());
                self.write(&b);
            }
        } else {
            self.write(format!("p{idx}\n").as_bytes());
        }
    }

    fn memo_index(&self, obj: &Value) -> Option<u32> {
        self.memo.get(&(obj.id() as usize)).map(|e| e.0)
    }

    fn memo_get(&mut self, idx: u32) {
        if self.o.proto >= 1 {
            if idx < 256 {
                self.write(&[op::BINGET, idx as u8]);
            } else {
                let mut b = vec![op::LONG_BINGET];
                b.extend_from_slice(&idx.to_le_bytes());
                self.write(&b);
            }
        } else {
            self.write(format!("g{idx}\n").as_bytes());
        }
    }

    /// Saves one object (`pers_save`: it is a persistent id being saved).
    pub fn save(&mut self, vm: &mut Vm, obj: &Value, pers_save: bool) -> PyResult<()> {
        self.opcode_boundary(vm)?;
        if !pers_save && let Some(f) = self.o.persistent_id.clone() {
            let pid = vm.call(&f, vec![obj.clone()])?;
            if !pid.is_none() {
                return self.save_pers(vm, &pid);
            }
        }
        match obj {
            Value::None => {
                self.write_op(op::NONE);
                return Ok(());
            }
            Value::Boolean(b) => {
                let b = b.get();
                if self.o.proto >= 2 {
                    self.write_op(if b { op::NEWTRUE } else { op::NEWFALSE });
                } else {
                    self.write(if b { b"I01\n" } else { b"I00\n" });
                }
                return Ok(());
            }
            Value::Int(i) => {
                self.save_int(*i);
                return Ok(());
            }
            Value::BigInt(b) => {
                self.save_long(b);
                return Ok(());
            }
            Value::Flt(f) => {
                self.save_float(f.get());
                return Ok(());
            }
            _ => {}
        }
        if let Some(idx) = self.memo_index(obj) {
            self.memo_get(idx);
            return Ok(());
        }
        match obj {
            Value::Bytes(b) => return self.save_bytes(vm, obj, b),
            Value::Str(s) => {
                self.save_str(vm, s.as_str())?;
                self.memo_put(obj);
                return Ok(());
            }
            _ => {}
        }
        vm.enter_recursion(" while pickling an object")?;
        let r = self.save_complex(vm, obj);
        vm.leave_recursion();
        r
    }

    fn save_complex(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        match obj {
            Value::Dict(d) => return self.save_dict(vm, obj, d),
            Value::Set(s) if !s.frozen => return self.save_set(vm, obj),
            Value::Set(_) => return self.save_frozenset(vm, obj),
            Value::List(_) => return self.save_list(vm, obj),
            Value::Tuple(t) => return self.save_tuple(vm, obj, &t.items),
            Value::Native2(n) if Arc::ptr_eq(n.class(), &vm.rt.types.bytearray) => {
                return self.save_bytearray(vm, obj);
            }
            _ => {}
        }
        if let Some(view) = super::pickle_buffer::view_of(vm, obj) {
            return self.save_picklebuffer(vm, obj, view);
        }
        let mut reduce_value = None;
        if let Some(f) = self.o.reducer_override.clone() {
            let r = vm.call(&f, vec![obj.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                reduce_value = Some(r);
            }
        }
        let reduce_value = match reduce_value {
            Some(r) => r,
            None => {
                let t = &vm.rt.types;
                if let Value::Class(c) = obj
                    && c.metaclass.is_none()
                {
                    return self.save_type(vm, obj, c);
                }
                if matches!(obj, Value::Function(_)) {
                    return self.save_global(vm, obj, None);
                }
                let _ = t;
                let cls = vm.class_of(obj);
                let reduce_func = match self.o.dispatch_table.clone() {
                    None => {
                        let table = self.copyreg_dispatch(vm)?;
                        vm.dict_get(&table, &Value::Class(cls.clone()))?
                    }
                    Some(dt) => match vm.get_item(&dt, &Value::Class(cls.clone())) {
                        Ok(f) => Some(f),
                        Err(e) if e.exc.class.is_subclass(&vm.rt.types.exc("KeyError")) => None,
                        Err(e) => return Err(e),
                    },
                };
                if let Some(f) = reduce_func {
                    vm.call(&f, vec![obj.clone()])?
                } else if matches!(obj, Value::Class(_)) {
                    return self.save_global(vm, obj, None);
                } else if let Value::Native(n) = obj
                    && n.owner.is_none()
                {
                    // A built-in function: saved by name, as its
                    // `__reduce__` (its qualified name) makes CPython do.
                    return self.save_global(vm, obj, None);
                } else if let Some(f) = vm.get_attr_str(obj, "__reduce_ex__")? {
                    vm.call(&f, vec![Value::Int(self.o.proto as i64)])?
                } else if let Some(f) = vm.get_attr_str(obj, "__reduce__")? {
                    vm.call(&f, vec![])?
                } else {
                    let r = vm.repr_of(obj)?;
                    let msg = format!("can't pickle '{}' object: {}", cls.name().as_str(), r);
                    return Err(self.perr(vm, &msg));
                }
            }
        };
        if let Value::Str(s) = &reduce_value {
            let name = s.as_str().to_string();
            return self.save_global(vm, obj, Some(&name));
        }
        let Value::Tuple(t) = &reduce_value else {
            return Err(self.perr(vm, "__reduce__ must return a string or tuple"));
        };
        let items = t.items.to_vec();
        self.save_reduce(vm, &items, Some(obj))
    }

    fn copyreg_dispatch(&mut self, vm: &mut Vm) -> PyResult<Arc<Dict>> {
        if let Some(t) = &self.copyreg_table {
            return Ok(t.clone());
        }
        let m = vm.import_name("copyreg", 0, true)?;
        let t = vm.get_attr_str(&m, "dispatch_table")?;
        let Some(Value::Dict(d)) = t else {
            return Err(vm.runtime_error("copyreg.dispatch_table should be a dict"));
        };
        self.copyreg_table = Some(d.clone());
        Ok(d)
    }

    fn save_pers(&mut self, vm: &mut Vm, pid: &Value) -> PyResult<()> {
        if self.o.proto >= 1 {
            self.save(vm, pid, true)?;
            self.write_op(op::BINPERSID);
        } else {
            let s = vm.str_of(pid)?;
            if !s.is_ascii() {
                return Err(self.perr(vm, "persistent IDs in protocol 0 must be ASCII strings"));
            }
            self.write_op(op::PERSID);
            self.write(s.as_bytes());
            self.write(b"\n");
        }
        Ok(())
    }

    fn save_int(&mut self, i: i64) {
        if i32::try_from(i).is_err() {
            self.save_long(&BigInt::from(i));
            return;
        }
        if self.o.proto >= 1 {
            if (0..=0xff).contains(&i) {
                self.write(&[op::BININT1, i as u8]);
            } else if (0..=0xffff).contains(&i) {
                let b = (i as u16).to_le_bytes();
                self.write(&[op::BININT2, b[0], b[1]]);
            } else {
                let mut b = vec![op::BININT];
                b.extend_from_slice(&(i as i32).to_le_bytes());
                self.write(&b);
            }
        } else {
            self.write(format!("I{i}\n").as_bytes());
        }
    }

    fn save_long(&mut self, b: &BigInt) {
        if self.o.proto >= 2 {
            let bytes = b.to_signed_bytes_le();
            let mut out = Vec::with_capacity(bytes.len() + 5);
            if bytes.len() < 256 {
                out.extend_from_slice(&[op::LONG1, bytes.len() as u8]);
            } else {
                out.push(op::LONG4);
                out.extend_from_slice(&(bytes.len() as i32).to_le_bytes());
            }
            out.extend_from_slice(&bytes);
            self.write(&out);
        } else {
            self.write(format!("L{b}L\n").as_bytes());
        }
    }

    fn save_float(&mut self, f: f64) {
        if self.o.proto >= 1 {
            let mut b = vec![op::BINFLOAT];
            b.extend_from_slice(&f.to_be_bytes());
            self.write(&b);
        } else {
            let mut s = String::from("F");
            crate::object::numfmt::write_float_repr(&mut s, f);
            s.push('\n');
            self.write(s.as_bytes());
        }
    }

    fn save_str(&mut self, vm: &mut Vm, s: &str) -> PyResult<()> {
        if self.o.proto >= 1 {
            let b = s.as_bytes();
            let n = b.len();
            let mut h = Vec::with_capacity(9);
            if n <= 0xff && self.o.proto >= 4 {
                h.extend_from_slice(&[op::SHORT_BINUNICODE, n as u8]);
            } else if n as u64 <= 0xffff_ffff {
                h.push(op::BINUNICODE);
                h.extend_from_slice(&(n as u32).to_le_bytes());
            } else {
                h.push(op::BINUNICODE8);
                h.extend_from_slice(&(n as u64).to_le_bytes());
            }
            self.write_counted(vm, &h, b)?;
        } else {
            // Raw-unicode-escape, with the characters that would end the
            // line or the argument escaped too.
            let mut out = Vec::with_capacity(s.len() + 2);
            out.push(op::UNICODE);
            for c in s.chars() {
                let u = c as u32;
                if u >= 0x10000 {
                    out.extend_from_slice(format!("\\U{u:08x}").as_bytes());
                } else if u >= 256 || matches!(c, '\\' | '\0' | '\n' | '\r' | '\x1a') {
                    out.extend_from_slice(format!("\\u{u:04x}").as_bytes());
                } else {
                    out.push(u as u8);
                }
            }
            out.push(b'\n');
            self.write(&out);
        }
        Ok(())
    }

    fn save_tuple(&mut self, vm: &mut Vm, obj: &Value, items: &[Value]) -> PyResult<()> {
        let n = items.len();
        if n == 0 {
            if self.o.proto >= 1 {
                self.write_op(op::EMPTY_TUPLE);
            } else {
                self.write(&[op::MARK, op::TUPLE]);
            }
            return Ok(());
        }
        if n <= 3 && self.o.proto >= 2 {
            for x in items {
                self.save(vm, x, false)?;
            }
            if let Some(idx) = self.memo_index(obj) {
                // The tuple was saved while its items were: a cycle.
                for _ in 0..n {
                    self.write_op(op::POP);
                }
                self.memo_get(idx);
                return Ok(());
            }
            self.write_op([op::TUPLE1, op::TUPLE2, op::TUPLE3][n - 1]);
            self.memo_put(obj);
            return Ok(());
        }
        self.write_op(op::MARK);
        for x in items {
            self.save(vm, x, false)?;
        }
        if let Some(idx) = self.memo_index(obj) {
            if self.o.proto >= 1 {
                self.write_op(op::POP_MARK);
            } else {
                for _ in 0..=n {
                    self.write_op(op::POP);
                }
            }
            self.memo_get(idx);
            return Ok(());
        }
        self.write_op(op::TUPLE);
        self.memo_put(obj);
        Ok(())
    }

    fn fast_enter(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        if !self.o.fast {
            return Ok(());
        }
        self.fast_nesting += 1;
        if self.fast_nesting > FAST_NESTING_LIMIT {
            let key = obj.id() as usize;
            if self.fast_memo.insert(key, ()).is_some() {
                let tn = vm.type_name(obj);
                return Err(vm.value_error(&format!(
                    "fast mode: can't pickle cyclic objects including object type {tn} at {key:#x}"
                )));
            }
        }
        Ok(())
    }

    fn fast_leave(&mut self, obj: &Value) {
        if !self.o.fast {
            return;
        }
        if self.fast_nesting > FAST_NESTING_LIMIT {
            self.fast_memo.remove(&(obj.id() as usize));
        }
        self.fast_nesting = self.fast_nesting.saturating_sub(1);
    }

    fn save_list(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        self.fast_enter(vm, obj)?;
        if self.o.proto >= 1 {
            self.write_op(op::EMPTY_LIST);
        } else {
            self.write(&[op::MARK, op::LIST]);
        }
        self.memo_put(obj);
        let Value::List(l) = obj else { unreachable!("save_list of a list") };
        if !l.is_empty() {
            self.batch_list_exact(vm, l)?;
        }
        self.fast_leave(obj);
        Ok(())
    }

    fn batch_list_exact(&mut self, vm: &mut Vm, l: &crate::object::list::List) -> PyResult<()> {
        let get = |i: usize| l.lock().get(i).cloned();
        if self.o.proto == 0 {
            let mut i = 0;
            while let Some(x) = get(i) {
                self.save(vm, &x, false)?;
                self.write_op(op::APPEND);
                i += 1;
            }
            return Ok(());
        }
        if l.len() == 1 {
            let x = get(0).unwrap_or(Value::None);
            self.save(vm, &x, false)?;
            self.write_op(op::APPEND);
            return Ok(());
        }
        let mut total = 0;
        loop {
            self.write_op(op::MARK);
            let mut this_batch = 0;
            while let Some(x) = get(total) {
                self.save(vm, &x, false)?;
                total += 1;
                this_batch += 1;
                if this_batch == BATCHSIZE {
                    break;
                }
            }
            self.write_op(op::APPENDS);
            if total >= l.len() {
                return Ok(());
            }
        }
    }

    /// Items from an iterator (a reduce value's `listitems`).
    fn batch_list(&mut self, vm: &mut Vm, it: &Value) -> PyResult<()> {
        let next = |vm: &mut Vm| vm.next_value(it);
        if self.o.proto == 0 {
            while let Some(x) = next(vm)? {
                self.save(vm, &x, false)?;
                self.write_op(op::APPEND);
            }
            return Ok(());
        }
        loop {
            let Some(first) = next(vm)? else { return Ok(()) };
            let Some(second) = next(vm)? else {
                self.save(vm, &first, false)?;
                self.write_op(op::APPEND);
                return Ok(());
            };
            self.write_op(op::MARK);
            self.save(vm, &first, false)?;
            let mut n = 1;
            let mut cur = Some(second);
            while let Some(x) = cur {
                self.save(vm, &x, false)?;
                n += 1;
                if n == BATCHSIZE {
                    break;
                }
                cur = next(vm)?;
            }
            self.write_op(op::APPENDS);
            if n != BATCHSIZE {
                return Ok(());
            }
        }
    }

    fn save_dict(&mut self, vm: &mut Vm, obj: &Value, d: &Arc<Dict>) -> PyResult<()> {
        self.fast_enter(vm, obj)?;
        if self.o.proto >= 1 {
            self.write_op(op::EMPTY_DICT);
        } else {
            self.write(&[op::MARK, op::DICT]);
        }
        self.memo_put(obj);
        if !d.is_empty() {
            self.batch_dict_exact(vm, d)?;
        }
        self.fast_leave(obj);
        Ok(())
    }

    fn batch_dict_exact(&mut self, vm: &mut Vm, d: &Arc<Dict>) -> PyResult<()> {
        let items = d.lock().items();
        let size = items.len();
        if self.o.proto == 0 {
            for (k, v) in &items {
                self.save(vm, k, false)?;
                self.save(vm, v, false)?;
                self.write_op(op::SETITEM);
            }
            return self.check_size(vm, d.len(), size, "dictionary");
        }
        if size == 1 {
            self.save(vm, &items[0].0, false)?;
            self.save(vm, &items[0].1, false)?;
            self.write_op(op::SETITEM);
            return self.check_size(vm, d.len(), size, "dictionary");
        }
        // CPython's loop runs again after a full batch, so a size that is
        // a multiple of the batch ends with an empty MARK SETITEMS.
        let mut start = 0;
        loop {
            let end = (start + BATCHSIZE).min(size);
            self.write_op(op::MARK);
            for (k, v) in &items[start..end] {
                self.save(vm, k, false)?;
                self.save(vm, v, false)?;
            }
            self.write_op(op::SETITEMS);
            self.check_size(vm, d.len(), size, "dictionary")?;
            if end - start != BATCHSIZE {
                return Ok(());
            }
            start = end;
        }
    }

    fn check_size(&self, vm: &Vm, now: usize, was: usize, what: &str) -> PyResult<()> {
        if now != was {
            return Err(vm.runtime_error(&format!("{what} changed size during iteration")));
        }
        Ok(())
    }

    fn pair(&self, vm: &mut Vm, x: &Value) -> PyResult<(Value, Value)> {
        match x {
            Value::Tuple(t) if t.items.len() == 2 => Ok((t.items[0].clone(), t.items[1].clone())),
            _ => Err(vm.type_error("dict items iterator must return 2-tuples")),
        }
    }

    /// Pairs from an iterator (a reduce value's `dictitems`).
    fn batch_dict(&mut self, vm: &mut Vm, it: &Value) -> PyResult<()> {
        let next = |vm: &mut Vm| vm.next_value(it);
        if self.o.proto == 0 {
            while let Some(x) = next(vm)? {
                let (k, v) = self.pair(vm, &x)?;
                self.save(vm, &k, false)?;
                self.save(vm, &v, false)?;
                self.write_op(op::SETITEM);
            }
            return Ok(());
        }
        loop {
            let Some(first) = next(vm)? else { return Ok(()) };
            let (k, v) = self.pair(vm, &first)?;
            let Some(second) = next(vm)? else {
                self.save(vm, &k, false)?;
                self.save(vm, &v, false)?;
                self.write_op(op::SETITEM);
                return Ok(());
            };
            self.write_op(op::MARK);
            self.save(vm, &k, false)?;
            self.save(vm, &v, false)?;
            let mut n = 1;
            let mut cur = Some(second);
            while let Some(x) = cur {
                let (k, v) = self.pair(vm, &x)?;
                self.save(vm, &k, false)?;
                self.save(vm, &v, false)?;
                n += 1;
                if n == BATCHSIZE {
                    break;
                }
                cur = next(vm)?;
            }
            self.write_op(op::SETITEMS);
            if n != BATCHSIZE {
                return Ok(());
            }
        }
    }

    fn set_items(obj: &Value) -> Vec<Value> {
        match obj {
            Value::Set(s) => s.lock().keys(),
            _ => Vec::new(),
        }
    }

    fn save_set(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        let items = Self::set_items(obj);
        if self.o.proto < 4 {
            let set_t = Value::Class(vm.rt.types.set.clone());
            return self.save_reduce(vm, &[set_t, Value::tuple(vec![Value::list(items)])], Some(obj));
        }
        self.write_op(op::EMPTY_SET);
        self.memo_put(obj);
        let size = items.len();
        if size == 0 {
            return Ok(());
        }
        let mut start = 0;
        loop {
            let end = (start + BATCHSIZE).min(size);
            self.write_op(op::MARK);
            for x in &items[start..end] {
                self.save(vm, x, false)?;
            }
            self.write_op(op::ADDITEMS);
            let now = if let Value::Set(s) = obj { s.len() } else { size };
            self.check_size(vm, now, size, "set")?;
            if end - start != BATCHSIZE {
                return Ok(());
            }
            start = end;
        }
    }

    fn save_frozenset(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        let items = Self::set_items(obj);
        if self.o.proto < 4 {
            let fs_t = Value::Class(vm.rt.types.frozenset.clone());
            return self.save_reduce(vm, &[fs_t, Value::tuple(vec![Value::list(items)])], Some(obj));
        }
        self.write_op(op::MARK);
        for x in &items {
            self.save(vm, x, false)?;
        }
        if let Some(idx) = self.memo_index(obj) {
            self.write_op(op::POP_MARK);
            self.memo_get(idx);
            return Ok(());
        }
        self.write_op(op::FROZENSET);
        self.memo_put(obj);
        Ok(())
    }
}
