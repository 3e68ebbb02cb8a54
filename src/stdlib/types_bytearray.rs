//! `bytearray`: a mutable byte string. Its bytes live in a [`BufData`]
//! (shared with the memoryviews made over it). The methods it shares with
//! `bytes` are bytes' own, wrapped: they read the bytearray as bytes (the
//! buffer protocol) and their bytes results come back as bytearrays, so
//! there is one implementation of each.

use std::sync::Arc;

use super::buffer::{BufData, Export, Mem, bytes_like};
use super::method;
use crate::object::class::Class;
use crate::object::eq::HashOutcome;
use crate::object::native::NativeObject;
use crate::object::value::Value;
use crate::parse::ast::CmpOp;
use crate::vm::{Args, PyResult, Runtime, Vm};

/// A bytearray object.
pub struct ByteArray {
    pub class: Arc<Class>,
    pub buf: Arc<BufData>,
    /// The attributes of a subclass's instance, made on the first one set
    /// (a plain bytearray has no `__dict__`, as in CPython).
    pub dict: std::sync::OnceLock<Arc<crate::object::dict::Dict>>,
}

impl ByteArray {
    /// A bytearray (or subclass instance) of class `class` over `buf`.
    pub fn new(class: Arc<Class>, buf: Arc<BufData>) -> ByteArray {
        ByteArray { class, buf, dict: std::sync::OnceLock::new() }
    }
}

impl NativeObject for ByteArray {
    fn class(&self) -> &Arc<Class> {
        &self.class
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn buffer_bytes(&self) -> Option<Vec<u8>> {
        Some(self.buf.snapshot())
    }
    fn buffer_export(&self) -> Option<Export> {
        Some(Export { mem: Mem::Buf(self.buf.clone()), format: "B".into(), itemsize: 1, readonly: false })
    }
    fn eq_by_value(&self) -> bool {
        true
    }
    fn hash_outcome(&self) -> Option<HashOutcome> {
        Some(HashOutcome::Unhashable)
    }
    fn native_len(&self) -> Option<usize> {
        Some(self.buf.len())
    }
    fn instance_dict(&self, create: bool) -> Option<Arc<crate::object::dict::Dict>> {
        if self.class.builtin || self.class.extra.no_dict {
            return None;
        }
        if create {
            Some(self.dict.get_or_init(|| Arc::new(crate::object::dict::Dict::new())).clone())
        } else {
            self.dict.get().cloned()
        }
    }
}

/// A new bytearray holding `data`.
pub fn new_bytearray(vm: &Vm, data: Vec<u8>) -> Value {
    Value::from_native(Arc::new(ByteArray::new(vm.rt.types.bytearray.clone(), BufData::new(data))))
}

fn this<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a ByteArray> {
    a.native_self::<ByteArray>().ok_or_else(|| vm.type_error("descriptor requires a 'bytearray' object"))
}

/// One byte value: an int in range(256).
pub fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    match vm.exact_index(v)? {
        Some(Value::Int(n)) if (0..256).contains(&n) => Ok(n as u8),
        Some(_) => Err(vm.value_error("byte must be in range(0, 256)")),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// The bytes of an iterable of ints (each in range(256)).
fn bytes_of_iterable(vm: &mut Vm, it: &Value) -> PyResult<Vec<u8>> {
    let it = vm.get_iter(it)?;
    let mut out = Vec::new();
    while let Some(x) = vm.next_value(&it)? {
        out.push(byte_value(vm, &x)?);
    }
    Ok(out)
}

/// The right side of a slice assignment: bytes-like, or an iterable of ints.
fn assigned_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b.to_vec());
    }
    let msg = "can assign only bytes, buffers, or iterables of ints in range(0, 256)";
    if matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Boolean(_) | Value::Str(_)) {
        return Err(vm.type_error(msg));
    }
    match vm.get_iter(v) {
        Ok(_) => bytes_of_iterable(vm, v),
        Err(e) if vm.is_exc(&e, "TypeError") => Err(vm.type_error(msg)),
        Err(e) => Err(e),
    }
}

/// `ba[i]` as a position, with CPython's IndexError.
fn position(vm: &mut Vm, key: &Value, len: usize) -> PyResult<usize> {
    let i = vm.seq_index(key, "bytearray")?;
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error("bytearray index out of range"));
    }
    Ok(j as usize)
}

fn set_item(vm: &mut Vm, ba: &ByteArray, key: &Value, v: &Value) -> PyResult<()> {
    if let Value::Slice(s) = key {
        // Bounds first (their `__index__` may resize the bytearray), then
        // resolved against the length it has afterwards, as CPython does.
        let (start, stop, step) = vm.slice_unpack(s)?;
        let data = assigned_bytes(vm, v)?;
        let len = ba.buf.len() as i64;
        let sp = crate::vm::slicing::SliceSpan::adjust(start, stop, step, len);
        let (start, stop, count) = (sp.start, sp.stop, sp.count);
        if step == 1 {
            let (a, b) = (start as usize, stop.max(start) as usize);
            let new_len = len as usize - (b - a) + data.len();
            return ba.buf.change(vm, new_len, |g| {
                if a <= g.len() && b <= g.len() {
                    g.splice(a..b, data);
                }
            });
        }
        if data.len() as i64 != count {
            return Err(vm.value_error(&format!(
                "attempt to assign bytes of size {} to extended slice of size {count}",
                data.len()
            )));
        }
        let mut g = ba.buf.write();
        let mut i = start;
        for x in data {
            if let Some(slot) = g.get_mut(i as usize) {
                *slot = x;
            }
            i += step;
        }
        return Ok(());
    }
    let b = byte_value(vm, v)?;
    let len = ba.buf.len();
    let j = position(vm, key, len)?;
    if let Some(slot) = ba.buf.write().get_mut(j) {
        *slot = b;
    }
    Ok(())
}

fn del_item(vm: &mut Vm, ba: &ByteArray, key: &Value) -> PyResult<()> {
    if let Value::Slice(s) = key {
        let (start, stop, step) = vm.slice_unpack(s)?;
        let span = crate::vm::slicing::SliceSpan::adjust(start, stop, step, ba.buf.len() as i64);
        if span.count == 0 {
            return Ok(());
        }
        return ba.buf.resize(vm, |g| crate::vm::containers::delete_positions(g, span));
    }
    let j = position(vm, key, ba.buf.len())?;
    ba.buf.resize(vm, |g| {
        if j < g.len() {
            g.remove(j);
        }
    })
}

/// Bytes results of a shared method become bytearrays (in lists and tuples too).
fn to_bytearray_result(vm: &Vm, v: Value) -> Value {
    match v {
        Value::Bytes(b) => new_bytearray(vm, b.to_vec()),
        Value::List(l) => {
            let items = l.snapshot().into_iter().map(|x| to_bytearray_result(vm, x)).collect();
            Value::list(items)
        }
        Value::Tuple(t) if t.items.iter().any(|x| matches!(x, Value::Bytes(_))) => {
            Value::tuple(t.items.iter().map(|x| to_bytearray_result(vm, x.clone())).collect())
        }
        other => other,
    }
}

/// Compares a bytearray with another bytes-like object.
fn compare(vm: &mut Vm, a: &Args, op: CmpOp) -> PyResult {
    a.expect_after_self(vm, 1)?;
    let me = this(vm, a)?.buf.snapshot();
    let Some(other) = bytes_like(&a.pos[1]) else {
        // CPython's bytearray_richcompare warns under -b before giving up.
        let is_str = matches!(&a.pos[1], Value::Str(_))
            || matches!(&a.pos[1], Value::Instance(i) if matches!(i.builtin_value(), Some(Value::Str(_))));
        if is_str && vm.rt.config.bytes_warning != 0 && matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            vm.warn("BytesWarning", "Comparison between bytearray and string", 1)?;
        }
        return Ok(Value::NotImplemented);
    };
    Ok(Value::Bool(crate::vm::ops::cmp_result(me.as_slice().cmp(other.as_slice()), op)))
}

fn repeated(vm: &mut Vm, data: &[u8], n: i64) -> PyResult<Vec<u8>> {
    let total = (data.len() as u128) * (n as u128);
    if total > isize::MAX as u128 {
        return Err(vm.memory_error());
    }
    let mut out = vm.try_vec(total as usize)?;
    for _ in 0..n {
        out.extend_from_slice(data);
    }
    Ok(out)
}

/// Registers `bytearray`'s methods (after `bytes`', which it wraps).
pub fn register(rt: &Runtime) {
    let c = &rt.types.bytearray;
    // The methods shared with bytes: bytes' own, results converted.
    let skip = ["fromhex", "maketrans"];
    for (k, v) in rt.types.bytes.dict.lock().items() {
        let Value::Str(name) = &k else { continue };
        let name = name.as_str().to_string();
        if name.starts_with("__") || skip.contains(&name.as_str()) || !matches!(v, Value::Native(_)) {
            continue;
        }
        method(c, &name, move |vm, a| {
            let r = vm.call_value(&v, a)?;
            Ok(to_bytearray_result(vm, r))
        });
    }
    if let Some(m) = rt.types.bytes.dict.get_item_str("maketrans") {
        c.dict.set_item_str("maketrans", m);
    }
    super::types_num::classmethod(rt, c, "fromhex", |vm, a| {
        let data = super::types_bytes_more::parse_fromhex(vm, &a, "bytearray")?;
        let ba = vm.rt.types.bytearray.clone();
        let r = Value::from_native(Arc::new(ByteArray::new(ba.clone(), BufData::new(data))));
        // A subclass is called with the bytearray, so its `__new__`/`__init__` run.
        match a.pos.first() {
            Some(Value::Class(c)) if !Arc::ptr_eq(c, &ba) => vm.call(&Value::Class(c.clone()), vec![r]),
            _ => Ok(r),
        }
    });

    method(c, "__new__", |vm, a| {
        let cls = match a.pos.first() {
            Some(Value::Class(c)) => c.clone(),
            _ => vm.rt.types.bytearray.clone(),
        };
        Ok(Value::from_native(Arc::new(ByteArray::new(cls, BufData::new(Vec::new())))))
    });
    method(c, "__init__", |vm, a| {
        let me = this(vm, &a)?.buf.clone();
        let data = super::types_bytes::bytes_source(vm, a, "bytearray")?;
        me.change(vm, data.len(), |g| *g = data)?;
        Ok(Value::None)
    });
    method(c, "__repr__", |vm, a| {
        let me = this(vm, &a)?;
        let name = me.class.name();
        Ok(Value::string(format!("{}({})", name.as_str(), crate::object::numfmt::py_bytes_repr(&me.buf.read()))))
    });
    method(c, "__len__", |vm, a| Ok(Value::Int(this(vm, &a)?.buf.len() as i64)));
    method(c, "__alloc__", |vm, a| Ok(Value::Int(this(vm, &a)?.buf.read().capacity().max(1) as i64 + 1)));
    method(c, "__getitem__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let me = this(vm, &a)?;
        if let Value::Slice(s) = &a.pos[1] {
            // Bounds first (they may run `__index__`), then only the selected
            // bytes are copied: copying the whole buffer made every small
            // slice of a big bytearray (BytesIO.read) cost its full size.
            let (start, stop, step) = vm.slice_unpack(s)?;
            let out: Vec<u8> = {
                let data = me.buf.read();
                let sp = crate::vm::slicing::SliceSpan::adjust(start, stop, step, data.len() as i64);
                if step == 1 {
                    data[sp.start as usize..(sp.start + sp.count) as usize].to_vec()
                } else {
                    sp.positions().map(|i| data[i]).collect()
                }
            };
            return Ok(new_bytearray(vm, out));
        }
        let len = me.buf.len();
        let j = position(vm, &a.pos[1], len)?;
        Ok(Value::Int(me.buf.read().get(j).copied().unwrap_or(0) as i64))
    });
    method(c, "__setitem__", |vm, a| {
        a.expect_after_self(vm, 2)?;
        let me = this(vm, &a)?;
        set_item(vm, me, &a.pos[1], &a.pos[2])?;
        Ok(Value::None)
    });
    method(c, "__delitem__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let me = this(vm, &a)?;
        del_item(vm, me, &a.pos[1])?;
        Ok(Value::None)
    });
    method(c, "__iter__", |vm, a| {
        let data = this(vm, &a)?.buf.snapshot();
        vm.get_iter(&Value::Bytes(Arc::new(data)))
    });
    method(c, "__contains__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let data = this(vm, &a)?.buf.snapshot();
        let sub = super::types_bytes::sub_arg(vm, &a.pos[1])
            .map_err(|e| super::types_bytes::contains_error(vm, &a.pos[1], e))?;
        Ok(Value::Bool(super::types_bytes::find(&data, &sub).is_some()))
    });
    for (name, op) in super::RICH_COMPARISONS {
        method(c, name, move |vm, a| compare(vm, &a, op));
    }
    c.dict.set_item_str("__hash__", Value::None);
    method(c, "__add__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let mut data = this(vm, &a)?.buf.snapshot();
        let Some(other) = bytes_like(&a.pos[1]) else {
            let tn = vm.type_name(&a.pos[1]);
            return Err(vm.type_error(&format!("can't concat {tn} to bytearray")));
        };
        data.extend_from_slice(&other);
        Ok(new_bytearray(vm, data))
    });
    method(c, "__iadd__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let me = this(vm, &a)?;
        let Some(other) = bytes_like(&a.pos[1]) else {
            let tn = vm.type_name(&a.pos[1]);
            return Err(vm.type_error(&format!("can't concat {tn} to bytearray")));
        };
        if !other.is_empty() {
            me.buf.resize(vm, |g| g.extend_from_slice(&other))?;
        }
        Ok(a.pos[0].clone())
    });
    for name in ["__mul__", "__rmul__"] {
        method(c, name, |vm, a| {
            a.expect_after_self(vm, 1)?;
            let data = this(vm, &a)?.buf.snapshot();
            let n = vm.repeat_count(&a.pos[1])?.max(0);
            let out = repeated(vm, &data, n)?;
            Ok(new_bytearray(vm, out))
        });
    }
    method(c, "__imul__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let me = this(vm, &a)?;
        let n = vm.repeat_count(&a.pos[1])?.max(0);
        let data = me.buf.snapshot();
        let out = repeated(vm, &data, n)?;
        me.buf.change(vm, out.len(), |g| *g = out)?;
        Ok(a.pos[0].clone())
    });
    method(c, "__mod__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let data = this(vm, &a)?.buf.snapshot();
        let out = vm.bytes_percent_format(&data, &a.pos[1])?;
        Ok(new_bytearray(vm, out))
    });
    // Pickling and copy.deepcopy: rebuilt from its bytes, as CPython's protocol 3+ reduction.
    for name in ["__reduce__", "__reduce_ex__"] {
        method(c, name, |vm, a| {
            let me = this(vm, &a)?;
            let args = Value::tuple(vec![Value::Bytes(Arc::new(me.buf.snapshot()))]);
            Ok(Value::tuple(vec![Value::Class(me.class.clone()), args, Value::None]))
        });
    }
    register_mutators(c);
}

/// The methods only a mutable byte string has.
fn register_mutators(c: &Arc<Class>) {
    method(c, "append", |vm, a| {
        a.check_method(vm, "append", 1, 1)?;
        let b = byte_value(vm, &a.pos[1])?;
        this(vm, &a)?.buf.resize(vm, |g| g.push(b))?;
        Ok(Value::None)
    });
    method(c, "extend", |vm, a| {
        a.check_method(vm, "extend", 1, 1)?;
        let src = &a.pos[1];
        let data = match bytes_like(src) {
            Some(b) => b.to_vec(),
            None => match vm.get_iter(src) {
                Ok(_) => bytes_of_iterable(vm, src)?,
                Err(e) if vm.is_exc(&e, "TypeError") => {
                    let tn = vm.type_name(src);
                    return Err(vm.type_error(&format!("can't extend bytearray with {tn}")));
                }
                Err(e) => return Err(e),
            },
        };
        this(vm, &a)?.buf.resize(vm, |g| g.extend_from_slice(&data))?;
        Ok(Value::None)
    });
    method(c, "insert", |vm, a| {
        a.check_method(vm, "insert", 2, 2)?;
        let i = vm.ssize_index(&a.pos[1])?;
        let b = byte_value(vm, &a.pos[2])?;
        this(vm, &a)?.buf.resize(vm, |g| {
            let n = g.len() as i64;
            let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
            g.insert(j as usize, b);
        })?;
        Ok(Value::None)
    });
    method(c, "pop", |vm, a| {
        a.check_method(vm, "pop", 0, 1)?;
        let i = match a.pos.get(1) {
            Some(v) => vm.ssize_index(v)?,
            None => -1,
        };
        let me = this(vm, &a)?;
        let n = me.buf.len() as i64;
        if n == 0 {
            return Err(vm.index_error("pop from empty bytearray"));
        }
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(vm.index_error("pop index out of range"));
        }
        let b = me.buf.resize(vm, |g| if (j as usize) < g.len() { g.remove(j as usize) } else { 0 })?;
        Ok(Value::Int(b as i64))
    });
    method(c, "remove", |vm, a| {
        a.check_method(vm, "remove", 1, 1)?;
        let b = byte_value(vm, &a.pos[1])?;
        let me = this(vm, &a)?;
        let Some(j) = me.buf.read().iter().position(|&x| x == b) else {
            return Err(vm.value_error("value not found in bytearray"));
        };
        me.buf.resize(vm, |g| {
            if j < g.len() {
                g.remove(j);
            }
        })?;
        Ok(Value::None)
    });
    method(c, "clear", |vm, a| {
        a.check_method(vm, "clear", 0, 0)?;
        let me = this(vm, &a)?;
        me.buf.change(vm, 0, |g| g.clear())?;
        Ok(Value::None)
    });
    method(c, "copy", |vm, a| {
        a.check_method(vm, "copy", 0, 0)?;
        let data = this(vm, &a)?.buf.snapshot();
        Ok(new_bytearray(vm, data))
    });
    method(c, "reverse", |vm, a| {
        a.check_method(vm, "reverse", 0, 0)?;
        this(vm, &a)?.buf.write().reverse();
        Ok(Value::None)
    });
}
