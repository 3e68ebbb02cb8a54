//! The `array` module: `array.array`, a typed sequence of numbers (or
//! Unicode characters for `u`) kept as raw machine values in a
//! [`BufData`], so memoryviews, `bytes()`, files and `struct` see its bytes
//! through the buffer protocol. Items convert with CPython 3.11's checks
//! and messages (OverflowError for a value that does not fit the C type).

use std::sync::Arc;

use num_traits::ToPrimitive;

use super::binfmt;
use super::buffer::{BufData, Export, Mem, bytes_like};
use super::{def, method};
use crate::object::class::{Class, Instance, Layout, Payload};
use crate::object::dict::Dict;
use crate::object::eq::HashOutcome;
use crate::object::module::Module;
use crate::object::native::NativeObject;
use crate::object::value::Value;
use crate::parse::ast::CmpOp;
use crate::vm::runtime::new_overriding_builtin_class;
use crate::vm::{Args, PyErr, PyResult, Vm};

const TYPECODES: &str = "bBuhHiIlLqQfd";
const LITTLE: bool = cfg!(target_endian = "little");

/// An `array.array`.
pub struct Array {
    class: Arc<Class>,
    code: u8,
    buf: Arc<BufData>,
}

impl NativeObject for Array {
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
        let format = (self.code as char).to_string();
        Some(Export { mem: Mem::Buf(self.buf.clone()), format, itemsize: itemsize(self.code), readonly: false })
    }
    fn eq_by_value(&self) -> bool {
        true
    }
    fn hash_outcome(&self) -> Option<HashOutcome> {
        Some(HashOutcome::Unhashable)
    }
}

fn array_buf(data: Vec<u8>) -> Arc<BufData> {
    BufData::with_message(data, "cannot resize an array that is exporting buffers")
}

fn itemsize(code: u8) -> usize {
    if code == b'u' { 4 } else { binfmt::native_size(code).unwrap_or(1) }
}

impl Array {
    fn len(&self) -> usize {
        self.buf.len() / itemsize(self.code)
    }

    fn items(&self) -> Vec<Value> {
        let size = itemsize(self.code);
        self.buf.read().chunks_exact(size).map(|c| decode(self.code, c)).collect()
    }

    fn with(&self, data: Vec<u8>) -> Value {
        Value::from_native(Arc::new(Array { class: self.class.clone(), code: self.code, buf: array_buf(data) }))
    }
}

fn decode(code: u8, b: &[u8]) -> Value {
    if code == b'u' {
        let cp = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        return Value::string(char::from_u32(cp).unwrap_or('\u{fffd}').to_string());
    }
    binfmt::unpack_item(code, b, LITTLE)
}

/// Appends the machine value of `v` for typecode `code` to `out`.
fn encode(vm: &mut Vm, code: u8, v: &Value, out: &mut Vec<u8>) -> PyResult<()> {
    match code {
        b'u' => match v {
            Value::Str(s) if s.char_len() == 1 => {
                let c = s.as_str().chars().next().unwrap_or('\0') as u32;
                out.extend_from_slice(&c.to_le_bytes());
                Ok(())
            }
            _ => Err(vm.type_error("array item must be unicode character")),
        },
        b'f' | b'd' => {
            let f = match binfmt::float_of(vm, v) {
                Ok(f) => f,
                Err(binfmt::ItemErr::Py(e)) => return Err(e),
                Err(_) => {
                    let tn = vm.type_name(v);
                    return Err(vm.type_error(&format!("must be real number, not {tn}")));
                }
            };
            if code == b'f' {
                out.extend_from_slice(&(f as f32).to_le_bytes());
            } else {
                out.extend_from_slice(&f.to_le_bytes());
            }
            Ok(())
        }
        _ => {
            let n = match vm.exact_index(v)? {
                Some(i) => crate::vm::numeric::to_big(&i).unwrap_or_default(),
                None => {
                    let tn = vm.type_name(v);
                    return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
                }
            };
            let x = int_in_range(vm, code, n.to_i128())?;
            let size = itemsize(code);
            let mut b = vec![0u8; size];
            binfmt::put_int(&mut b, x, true);
            out.extend_from_slice(&b);
            Ok(())
        }
    }
}

/// CPython's OverflowErrors for an int that does not fit typecode `code`.
fn int_in_range(vm: &mut Vm, code: u8, x: Option<i128>) -> PyResult<i128> {
    let over = |vm: &mut Vm, m: &str| -> PyErr { vm.overflow_error(m) };
    let signed_long = |vm: &mut Vm, x: Option<i128>| match x.filter(|x| i64::try_from(*x).is_ok()) {
        Some(x) => Ok(x),
        None => Err(over(vm, "Python int too large to convert to C long")),
    };
    let (name, lo, hi): (&str, i128, i128) = match code {
        b'b' => ("signed char", -128, 127),
        b'B' => ("unsigned byte integer", 0, 255),
        b'h' => ("signed short integer", -32768, 32767),
        b'H' => ("unsigned short", 0, 65535),
        b'i' => ("signed integer", i32::MIN as i128, i32::MAX as i128),
        b'l' => return signed_long(vm, x),
        b'q' => return x.filter(|x| i64::try_from(*x).is_ok()).ok_or_else(|| over(vm, "int too big to convert")),
        b'Q' => {
            return match x {
                Some(x) if x < 0 => Err(over(vm, "can't convert negative int to unsigned")),
                Some(x) if u64::try_from(x).is_ok() => Ok(x),
                _ => Err(over(vm, "int too big to convert")),
            };
        }
        _ => {
            // I and L: unsigned through a C unsigned long.
            let x = match x {
                Some(x) if x < 0 => return Err(over(vm, "can't convert negative value to unsigned int")),
                Some(x) if u64::try_from(x).is_ok() => x,
                _ => return Err(over(vm, "Python int too large to convert to C unsigned long")),
            };
            if code == b'I' && x > u32::MAX as i128 {
                return Err(over(vm, "unsigned int is greater than maximum"));
            }
            return Ok(x);
        }
    };
    let x = signed_long(vm, x)?;
    if x < lo {
        return Err(over(vm, &format!("{name} is less than minimum")));
    }
    if x > hi {
        return Err(over(vm, &format!("{name} is greater than maximum")));
    }
    Ok(x)
}

fn this<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a Array> {
    a.pos.first().and_then(other_array).ok_or_else(|| vm.type_error("descriptor requires a 'array.array' object"))
}

/// The array behind a value: an `array.array`, or an instance of a Python
/// subclass (which carries the array as its built-in payload).
fn other_array(v: &Value) -> Option<&Array> {
    match v {
        Value::Native2(o) => o.as_any().downcast_ref::<Array>(),
        Value::Instance(i) => match i.builtin_value()? {
            Value::Native2(o) => o.as_any().downcast_ref::<Array>(),
            _ => None,
        },
        _ => None,
    }
}

/// The machine values of every item of an iterable.
fn encode_all(vm: &mut Vm, code: u8, src: &Value) -> PyResult<Vec<u8>> {
    let items = vm.collect(src)?;
    let mut out = Vec::with_capacity(items.len() * itemsize(code));
    for v in &items {
        encode(vm, code, v, &mut out)?;
    }
    Ok(out)
}

fn position(vm: &mut Vm, key: &Value, len: usize, msg: &str) -> PyResult<usize> {
    let i = match vm.exact_index(key)? {
        Some(Value::Int(i)) => i,
        Some(_) => return Err(vm.index_error("cannot fit 'int' into an index-sized integer")),
        None => return Err(vm.type_error("array indices must be integers")),
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error(msg));
    }
    Ok(j as usize)
}

/// `array.array(typecode[, initializer])` of class `cls`: the native array
/// itself, or for a Python subclass an instance (with its own `__dict__`)
/// around one.
fn new_array(vm: &mut Vm, cls: Arc<Class>, base: &Arc<Class>, a: &Args) -> PyResult {
    if a.pos.len() < 2 {
        return Err(
            vm.type_error(&format!("array() takes at least 1 argument ({} given)", a.pos.len().saturating_sub(1)))
        );
    }
    if a.pos.len() > 3 {
        return Err(vm.type_error(&format!("array() takes at most 2 arguments ({} given)", a.pos.len() - 1)));
    }
    let code = match &a.pos[1] {
        Value::Str(s) if s.char_len() == 1 => s.as_str().chars().next().unwrap_or('\0'),
        v => {
            let tn = if matches!(v, Value::Str(_)) { "str".to_string() } else { vm.type_name(v) };
            return Err(vm.type_error(&format!("array() argument 1 must be a unicode character, not {tn}")));
        }
    };
    if !code.is_ascii() || !TYPECODES.contains(code) {
        return Err(vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"));
    }
    let code = code as u8;
    let data = match a.pos.get(2) {
        None => Vec::new(),
        Some(Value::Str(s)) => {
            if code != b'u' {
                let msg = format!("cannot use a str to initialize an array with typecode '{}'", code as char);
                return Err(vm.type_error(&msg));
            }
            s.as_str().chars().flat_map(|c| (c as u32).to_le_bytes()).collect()
        }
        Some(v) if other_array(v).is_some() => {
            let src = other_array(v).map(|o| (o.code, o.items(), o.buf.snapshot()));
            let (scode, items, raw) = src.unwrap_or((code, Vec::new(), Vec::new()));
            if scode == code {
                raw
            } else {
                if (scode == b'u') != (code == b'u') {
                    let msg =
                        format!("cannot use a unicode array to initialize an array with typecode '{}'", code as char);
                    return Err(vm.type_error(&msg));
                }
                encode_all(vm, code, &Value::list(items))?
            }
        }
        Some(v @ (Value::Bytes(_) | Value::Native2(_))) if bytes_like(v).is_some() => {
            let b = bytes_like(v).unwrap_or_default();
            if !b.len().is_multiple_of(itemsize(code)) {
                return Err(vm.value_error("bytes length not a multiple of item size"));
            }
            b.to_vec()
        }
        Some(v) => encode_all(vm, code, v)?,
    };
    let arr = Value::from_native(Arc::new(Array { class: base.clone(), code, buf: array_buf(data) }));
    if Arc::ptr_eq(&cls, base) {
        return Ok(arr);
    }
    let inst = Instance::new(cls, Payload::Builtin(arr));
    Ok(Value::Instance(crate::object::gc::instance(Arc::new(inst))))
}

fn compare(vm: &mut Vm, a: &Args, op: CmpOp) -> PyResult {
    a.expect_after_self(vm, 1)?;
    let mine = this(vm, a)?.items();
    let Some(other) = other_array(&a.pos[1]) else { return Ok(Value::NotImplemented) };
    let theirs = other.items();
    vm.compare(&Value::list(mine), &Value::list(theirs), op)
}

fn prop(vm: &Vm, cls: &Arc<Class>, name: &str, f: fn(&Array) -> Value) {
    let getter = Vm::native(name, move |vm, a| Ok(f(this(vm, &a)?)));
    super::readonly_property(vm, cls, name, getter);
}

/// Creates the `array` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("array"));
    d.set_item_str("typecodes", Value::str(TYPECODES));
    let cls = new_overriding_builtin_class("array", std::slice::from_ref(&vm.rt.types.object), Layout::NativeNew);
    cls.dict.set_item_str("__module__", Value::str("array"));
    let c = cls.clone();
    def(&cls.dict, "__new__", move |vm, a| {
        let class = match a.pos.first() {
            Some(Value::Class(k)) if k.is_subclass(&c) => k.clone(),
            _ => c.clone(),
        };
        // As CPython: a subclass's `__init__` may take keywords.
        if !a.kw.is_empty() && Arc::ptr_eq(&class, &c) {
            return Err(vm.type_error("array.array() takes no keyword arguments"));
        }
        new_array(vm, class, &c, &Args::new(a.pos.clone()))
    });
    method(&cls, "__init__", |_vm, _a| Ok(Value::None));
    prop(vm, &cls, "typecode", |s| Value::string((s.code as char).to_string()));
    prop(vm, &cls, "itemsize", |s| Value::Int(itemsize(s.code) as i64));
    register_sequence(&cls);
    register_methods(&cls);
    let c = cls.clone();
    def(&d, "_array_reconstructor", move |vm, a| array_reconstructor(vm, a, &c));
    // Pickled as `array(typecode, list)` before protocol 3, and from then on
    // as the reconstructor over the machine bytes, as CPython does.
    let recon = d.get_item_str("_array_reconstructor").unwrap_or(Value::None);
    method(&cls, "__reduce_ex__", move |vm, a| {
        a.expect_after_self(vm, 1)?;
        let proto = vm.index_of(&a.pos[1])?;
        let arr = this(vm, &a)?;
        let code = Value::string((arr.code as char).to_string());
        let cls = Value::Class(vm.class_of(&a.pos[0]));
        // A subclass instance's `__dict__` is the state, as CPython's.
        let state = match &a.pos[0] {
            Value::Instance(_) => vm.get_attr_str(&a.pos[0], "__dict__")?.unwrap_or(Value::None),
            _ => Value::None,
        };
        let mformat = machine_format(arr.code);
        if proto < 3 || mformat.is_none() {
            let items = Value::list(arr.items());
            return Ok(Value::tuple(vec![cls, Value::tuple(vec![code, items]), state]));
        }
        let data = Value::Bytes(Arc::new(arr.buf.snapshot()));
        let args = Value::tuple(vec![cls, code, Value::Int(mformat.unwrap_or(0)), data]);
        Ok(Value::tuple(vec![recon.clone(), args, state]))
    });
    d.set_item_str("ArrayType", Value::Class(cls.clone()));
    d.set_item_str("array", Value::Class(cls));
    Ok(Value::Module(Arc::new(Module::new(Arc::from("array"), d))))
}

/// The sequence protocol: repr, len, items, slices, operators, comparisons.
fn register_sequence(cls: &Arc<Class>) {
    method(cls, "__repr__", |vm, a| {
        let me = this(vm, &a)?;
        let name = vm.class_of(&a.pos[0]).name();
        if me.len() == 0 {
            return Ok(Value::string(format!("{}('{}')", name.as_str(), me.code as char)));
        }
        let body = if me.code == b'u' {
            let s: String = me
                .items()
                .iter()
                .map(|v| if let Value::Str(s) = v { s.as_str().to_string() } else { String::new() })
                .collect();
            vm.repr_of(&Value::string(s))?
        } else {
            vm.repr_of(&Value::list(me.items()))?
        };
        Ok(Value::string(format!("{}('{}', {body})", name.as_str(), me.code as char)))
    });
    method(cls, "__len__", |vm, a| Ok(Value::Int(this(vm, &a)?.len() as i64)));
    method(cls, "__getitem__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let me = this(vm, &a)?;
        let size = itemsize(me.code);
        if let Value::Slice(s) = &a.pos[1] {
            // Bounds may run `__index__` (which may resize the array): resolve
            // them against the length seen under the read lock.
            let (start, stop, step) = vm.slice_unpack(s)?;
            let data = me.buf.read();
            let span = crate::vm::slicing::SliceSpan::adjust(start, stop, step, (data.len() / size) as i64);
            let count = span.count;
            let mut out = Vec::with_capacity(count.max(0) as usize * size);
            for p in span.positions() {
                out.extend_from_slice(&data[p * size..(p + 1) * size]);
            }
            drop(data);
            return Ok(me.with(out));
        }
        let j = position(vm, &a.pos[1], me.len(), "array index out of range")?;
        // The array may have shrunk since `position` looked (another thread,
        // or the index's own `__index__`).
        let data = me.buf.read();
        match data.get(j * size..(j + 1) * size) {
            Some(item) => Ok(decode(me.code, item)),
            None => {
                drop(data);
                Err(vm.index_error("array index out of range"))
            }
        }
    });
    method(cls, "__setitem__", |vm, a| {
        a.expect_after_self(vm, 2)?;
        let me = this(vm, &a)?;
        let size = itemsize(me.code);
        if let Value::Slice(s) = &a.pos[1] {
            let Some(src) = other_array(&a.pos[2]) else {
                let tn = vm.type_name(&a.pos[2]);
                return Err(vm.type_error(&format!("can only assign array (not \"{tn}\") to array slice")));
            };
            if src.code != me.code {
                return Err(vm.type_error("bad argument type for built-in operation"));
            }
            let (start, stop, step) = vm.slice_unpack(s)?;
            let data = src.buf.snapshot();
            let n = data.len() / size;
            let span = crate::vm::slicing::SliceSpan::adjust(start, stop, step, me.len() as i64);
            let (start, stop, count) = (span.start, span.stop, span.count);
            if step == 1 {
                let (lo, hi) = (start as usize * size, stop.max(start) as usize * size);
                let new_len = me.buf.len() - (hi - lo) + data.len();
                me.buf.change(vm, new_len, |g| {
                    if lo <= hi && hi <= g.len() {
                        g.splice(lo..hi, data);
                    }
                })?;
                return Ok(Value::None);
            }
            if n as i64 != count {
                let msg = format!("attempt to assign array of size {n} to extended slice of size {count}");
                return Err(vm.value_error(&msg));
            }
            let mut g = me.buf.write();
            for (k, p) in span.positions().enumerate() {
                if let Some(slot) = g.get_mut(p * size..(p + 1) * size) {
                    slot.copy_from_slice(&data[k * size..(k + 1) * size]);
                }
            }
            return Ok(Value::None);
        }
        let mut item = Vec::new();
        let j = position(vm, &a.pos[1], me.len(), "array assignment index out of range")?;
        encode(vm, me.code, &a.pos[2], &mut item)?;
        let mut g = me.buf.write();
        match g.get_mut(j * size..(j + 1) * size) {
            Some(slot) => slot.copy_from_slice(&item),
            None => {
                drop(g);
                return Err(vm.index_error("array assignment index out of range"));
            }
        }
        Ok(Value::None)
    });
    method(cls, "__delitem__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let me = this(vm, &a)?;
        let size = itemsize(me.code);
        let positions: Vec<usize> = if let Value::Slice(s) = &a.pos[1] {
            let (start, stop, step) = vm.slice_unpack(s)?;
            crate::vm::slicing::SliceSpan::adjust(start, stop, step, me.len() as i64).positions().collect()
        } else {
            vec![position(vm, &a.pos[1], me.len(), "array assignment index out of range")?]
        };
        if positions.is_empty() {
            return Ok(Value::None);
        }
        me.buf.resize(vm, |g| {
            let keep: Vec<u8> = g
                .chunks_exact(size)
                .enumerate()
                .filter(|(i, _)| !positions.contains(i))
                .flat_map(|(_, c)| c.iter().copied())
                .collect();
            *g = keep;
        })?;
        Ok(Value::None)
    });
    // A live iterator over the array (items appended meanwhile are seen),
    // released once exhausted, as CPython's arrayiterator.
    method(cls, "__iter__", |vm, a| {
        this(vm, &a)?;
        let it = crate::object::iter::NativeIter::GetItem { obj: a.pos[0].clone(), index: parking_lot::Mutex::new(0) };
        Ok(Value::Iter(Arc::new(it)))
    });
    method(cls, "__contains__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        for x in this(vm, &a)?.items() {
            if vm.eq(&x, &a.pos[1])? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    });
    for (name, op) in super::RICH_COMPARISONS {
        method(cls, name, move |vm, a| compare(vm, &a, op));
    }
    cls.dict.set_item_str("__hash__", Value::None);
    method(cls, "__add__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let me = this(vm, &a)?;
        let Some(o) = other_array(&a.pos[1]) else {
            let tn = vm.type_name(&a.pos[1]);
            return Err(vm.type_error(&format!("can only append array (not \"{tn}\") to array")));
        };
        if o.code != me.code {
            return Err(vm.type_error("bad argument type for built-in operation"));
        }
        let mut data = me.buf.snapshot();
        data.extend_from_slice(&o.buf.snapshot());
        Ok(me.with(data))
    });
    method(cls, "__iadd__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let me = this(vm, &a)?;
        let Some(o) = other_array(&a.pos[1]) else {
            let tn = vm.type_name(&a.pos[1]);
            return Err(vm.type_error(&format!("can only extend array with array (not \"{tn}\")")));
        };
        if o.code != me.code {
            return Err(vm.type_error("can only extend with array of same kind"));
        }
        let data = o.buf.snapshot();
        me.buf.resize(vm, |g| g.extend_from_slice(&data))?;
        Ok(a.pos[0].clone())
    });
    for name in ["__mul__", "__rmul__", "__imul__"] {
        method(cls, name, move |vm, a| {
            a.expect_after_self(vm, 1)?;
            let me = this(vm, &a)?;
            // As CPython's sq_repeat wrappers: a count without `__index__` is a TypeError.
            let n = vm.repeat_count(&a.pos[1])?.max(0) as usize;
            let data = me.buf.snapshot();
            let mut out = vm.try_vec(data.len().saturating_mul(n))?;
            for _ in 0..n {
                out.extend_from_slice(&data);
            }
            if name == "__imul__" {
                me.buf.change(vm, out.len(), |g| *g = out)?;
                return Ok(a.pos[0].clone());
            }
            Ok(me.with(out))
        });
    }
    method(cls, "__copy__", |vm, a| {
        let me = this(vm, &a)?;
        Ok(me.with(me.buf.snapshot()))
    });
    method(cls, "__deepcopy__", |vm, a| {
        let me = this(vm, &a)?;
        Ok(me.with(me.buf.snapshot()))
    });
}

/// The named methods.
fn register_methods(cls: &Arc<Class>) {
    method(cls, "append", |vm, a| {
        a.check_method(vm, "append", 1, 1)?;
        let me = this(vm, &a)?;
        let mut item = Vec::new();
        encode(vm, me.code, &a.pos[1], &mut item)?;
        me.buf.resize(vm, |g| g.extend_from_slice(&item))?;
        Ok(Value::None)
    });
    method(cls, "extend", |vm, a| {
        a.check_method(vm, "extend", 1, 1)?;
        let me = this(vm, &a)?;
        let data = match other_array(&a.pos[1]) {
            Some(o) if o.code != me.code => return Err(vm.type_error("can only extend with array of same kind")),
            Some(o) => o.buf.snapshot(),
            None => encode_all(vm, me.code, &a.pos[1])?,
        };
        me.buf.resize(vm, |g| g.extend_from_slice(&data))?;
        Ok(Value::None)
    });
    method(cls, "insert", |vm, a| {
        a.check_method(vm, "insert", 2, 2)?;
        let me = this(vm, &a)?;
        let i = vm.ssize_index(&a.pos[1])?;
        let mut item = Vec::new();
        encode(vm, me.code, &a.pos[2], &mut item)?;
        let (n, size) = (me.len() as i64, itemsize(me.code));
        let j = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
        me.buf.resize(vm, |g| {
            g.splice(j * size..j * size, item);
        })?;
        Ok(Value::None)
    });
    method(cls, "pop", |vm, a| {
        a.check_method(vm, "pop", 0, 1)?;
        let me = this(vm, &a)?;
        let i = match a.pos.get(1) {
            Some(v) => vm.ssize_index(v)?,
            None => -1,
        };
        let (n, size) = (me.len() as i64, itemsize(me.code));
        if n == 0 {
            return Err(vm.index_error("pop from empty array"));
        }
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(vm.index_error("pop index out of range"));
        }
        let j = j as usize;
        let item = me.buf.resize(vm, |g| g.drain(j * size..(j + 1) * size).collect::<Vec<u8>>())?;
        Ok(decode(me.code, &item))
    });
    method(cls, "remove", |vm, a| {
        a.check_method(vm, "remove", 1, 1)?;
        let me = this(vm, &a)?;
        let size = itemsize(me.code);
        for (j, x) in me.items().iter().enumerate() {
            if vm.eq(x, &a.pos[1])? {
                me.buf.resize(vm, |g| {
                    g.drain(j * size..(j + 1) * size);
                })?;
                return Ok(Value::None);
            }
        }
        Err(vm.value_error("array.remove(x): x not in array"))
    });
    method(cls, "index", |vm, a| {
        a.check_method(vm, "index", 1, 3)?;
        let me = this(vm, &a)?;
        let items = me.items();
        let n = items.len() as i64;
        let bound = |vm: &mut Vm, v: Option<&Value>, d: i64| -> PyResult<usize> {
            let i = match v {
                Some(v) => vm.slice_bound(v)?,
                None => d,
            };
            Ok((if i < 0 { (i + n).max(0) } else { i.min(n) }) as usize)
        };
        let start = bound(vm, a.pos.get(2), 0)?;
        let stop = bound(vm, a.pos.get(3), n)?;
        for (j, x) in items.iter().enumerate().take(stop).skip(start) {
            if vm.eq(x, &a.pos[1])? {
                return Ok(Value::Int(j as i64));
            }
        }
        Err(vm.value_error("array.index(x): x not in array"))
    });
    method(cls, "count", |vm, a| {
        a.check_method(vm, "count", 1, 1)?;
        let mut k = 0;
        for x in this(vm, &a)?.items() {
            if vm.eq(&x, &a.pos[1])? {
                k += 1;
            }
        }
        Ok(Value::Int(k))
    });
    method(cls, "reverse", |vm, a| {
        let me = this(vm, &a)?;
        let size = itemsize(me.code);
        let mut g = me.buf.write();
        let rev: Vec<u8> = g.chunks_exact(size).rev().flat_map(|c| c.iter().copied()).collect();
        *g = rev;
        Ok(Value::None)
    });
    method(cls, "byteswap", |vm, a| {
        let me = this(vm, &a)?;
        let size = itemsize(me.code);
        for c in me.buf.write().chunks_exact_mut(size) {
            c.reverse();
        }
        Ok(Value::None)
    });
    method(cls, "buffer_info", |vm, a| {
        let me = this(vm, &a)?;
        let addr = me.buf.read().as_ptr() as i64;
        Ok(Value::tuple(vec![Value::Int(addr), Value::Int(me.len() as i64)]))
    });
    method(cls, "tobytes", |vm, a| Ok(Value::Bytes(Arc::new(this(vm, &a)?.buf.snapshot()))));
    method(cls, "tolist", |vm, a| Ok(Value::list(this(vm, &a)?.items())));
    method(cls, "fromfile", |vm, a| {
        a.check_method(vm, "fromfile", 2, 2)?;
        let size = itemsize(this(vm, &a)?.code) as i64;
        let n = vm.index_of(&a.pos[2])?;
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        let want = n.saturating_mul(size);
        let got = vm.call_method(&a.pos[1], "read", vec![Value::Int(want)])?;
        let Value::Bytes(b) = &got else { return Err(vm.type_error("read() didn't return bytes")) };
        let whole = b.len() - b.len() % size as usize;
        let me = this(vm, &a)?;
        me.buf.resize(vm, |g| g.extend_from_slice(&b[..whole]))?;
        if b.len() as i64 != want {
            return Err(vm.err("EOFError", "read() didn't return enough bytes"));
        }
        Ok(Value::None)
    });
    method(cls, "tofile", |vm, a| {
        a.check_method(vm, "tofile", 1, 1)?;
        let data = this(vm, &a)?.buf.snapshot();
        // In blocks, as CPython writes them (a file object may cap one write).
        for block in data.chunks(64 * 1024) {
            vm.call_method(&a.pos[1], "write", vec![Value::Bytes(Arc::new(block.to_vec()))])?;
        }
        Ok(Value::None)
    });
    method(cls, "frombytes", |vm, a| {
        a.check_method(vm, "frombytes", 1, 1)?;
        let me = this(vm, &a)?;
        let b = super::buffer::require_bytes(vm, &a.pos[1])?;
        if !b.len().is_multiple_of(itemsize(me.code)) {
            return Err(vm.value_error("bytes length not a multiple of item size"));
        }
        me.buf.resize(vm, |g| g.extend_from_slice(&b))?;
        Ok(Value::None)
    });
    method(cls, "fromlist", |vm, a| {
        a.check_method(vm, "fromlist", 1, 1)?;
        let me = this(vm, &a)?;
        if !matches!(a.pos[1], Value::List(_)) {
            return Err(vm.type_error("arg must be list"));
        }
        let data = encode_all(vm, me.code, &a.pos[1])?;
        me.buf.resize(vm, |g| g.extend_from_slice(&data))?;
        Ok(Value::None)
    });
    method(cls, "tounicode", |vm, a| {
        let me = this(vm, &a)?;
        if me.code != b'u' {
            return Err(vm.value_error("tounicode() may only be called on unicode type arrays"));
        }
        let s: String = me
            .items()
            .iter()
            .map(|v| if let Value::Str(s) = v { s.as_str().to_string() } else { String::new() })
            .collect();
        Ok(Value::string(s))
    });
    method(cls, "fromunicode", |vm, a| {
        a.check_method(vm, "fromunicode", 1, 1)?;
        let me = this(vm, &a)?;
        let Value::Str(s) = &a.pos[1] else {
            let tn = vm.type_name(&a.pos[1]);
            return Err(vm.type_error(&format!("fromunicode() argument must be str, not {tn}")));
        };
        if me.code != b'u' {
            return Err(vm.value_error("fromunicode() may only be called on unicode type arrays"));
        }
        let data: Vec<u8> = s.as_str().chars().flat_map(|c| (c as u32).to_le_bytes()).collect();
        me.buf.resize(vm, |g| g.extend_from_slice(&data))?;
        Ok(Value::None)
    });
}

/// The items of `_array_reconstructor`'s bytes in machine format `mformat`
/// (CPython's enum: unsigned/signed 8, 16, 32, 64-bit ints little/big endian
/// as 0..=13, IEEE floats 14..=17, UTF-16 18/19 and UTF-32 20/21): a list of
/// numbers, or a str for the two text formats; None for an unknown code.
fn machine_items(mformat: i64, b: &[u8]) -> Option<Value> {
    let (size, kind) = match mformat {
        0 | 1 => (1, 'i'),
        2..=5 => (2, 'i'),
        6..=9 => (4, 'i'),
        10..=13 => (8, 'i'),
        14 | 15 => (4, 'f'),
        16 | 17 => (8, 'f'),
        18 | 19 => (2, 's'),
        20 | 21 => (4, 's'),
        _ => return None,
    };
    let big = mformat >= 2 && mformat % 2 == 1;
    let signed = matches!(mformat, 1 | 4 | 5 | 8 | 9 | 12 | 13);
    let word = |c: &[u8]| -> u64 {
        let mut v: u64 = 0;
        for i in 0..size {
            let byte = if big { c[i] } else { c[size - 1 - i] };
            v = (v << 8) | u64::from(byte);
        }
        v
    };
    let chunks = b.chunks_exact(size);
    Some(match kind {
        'i' => Value::list(
            chunks
                .map(|c| {
                    let w = word(c);
                    if !signed {
                        return i64::try_from(w).map(Value::Int).unwrap_or_else(|_| Value::from_bigint(w.into()));
                    }
                    let shift = 64 - 8 * size as u32;
                    Value::Int(((w << shift) as i64) >> shift)
                })
                .collect(),
        ),
        'f' => Value::list(
            chunks
                .map(|c| {
                    Value::Float(if size == 4 {
                        f64::from(f32::from_bits(word(c) as u32))
                    } else {
                        f64::from_bits(word(c))
                    })
                })
                .collect(),
        ),
        _ if size == 2 => {
            let units: Vec<u16> = chunks.map(|c| word(c) as u16).collect();
            Value::string(String::from_utf16_lossy(&units))
        }
        _ => Value::string(chunks.map(|c| char::from_u32(word(c) as u32).unwrap_or('\u{fffd}')).collect()),
    })
}

/// This machine's (little-endian) format code of a typecode's items.
fn machine_format(code: u8) -> Option<i64> {
    Some(match code {
        b'B' => 0,
        b'b' => 1,
        b'H' => 2,
        b'h' => 4,
        b'I' => 6,
        b'i' => 8,
        b'L' | b'Q' => 10,
        b'l' | b'q' => 12,
        b'f' => 14,
        b'd' => 16,
        b'u' => 20,
        _ => return None,
    })
}

/// `array._array_reconstructor(arraytype, typecode, mformat_code, items)`,
/// what CPython's arrays pickle to: rebuilds the array from bytes in a
/// machine format that may differ from this machine's.
fn array_reconstructor(vm: &mut Vm, a: Args, array_cls: &Arc<Class>) -> PyResult {
    a.posonly(vm, "_array_reconstructor", 4, 4)?;
    let Value::Class(cls) = &a.pos[0] else {
        let tn = vm.type_name(&a.pos[0]);
        return Err(vm.type_error(&format!("first argument must be a type object, not {tn}")));
    };
    if !cls.is_subclass(array_cls) {
        return Err(vm.type_error(&format!("{} is not a subtype of array.array", cls.qualname.lock().as_str())));
    }
    let code = match &a.pos[1] {
        Value::Str(s) if s.char_len() == 1 && TYPECODES.contains(s.as_str()) => s.as_str().to_string(),
        _ => return Err(vm.value_error("second argument must be a valid type code")),
    };
    let mformat = vm.index_of(&a.pos[2])?;
    let Value::Bytes(items) = &a.pos[3] else {
        let tn = vm.type_name(&a.pos[3]);
        return Err(vm.type_error(&format!("fourth argument should be bytes, not {tn}")));
    };
    let Some(values) = machine_items(mformat, items) else {
        return Err(vm.value_error("third argument must be a valid machine format code."));
    };
    vm.call(&a.pos[0], vec![Value::string(code), values])
}
