//! A minimal mutable `bytearray` and a read-only `memoryview`, enough for
//! CPython's own pure-Python modules (`re._compiler` builds its character
//! maps in a bytearray and reads them back as 32-bit words through
//! `memoryview.cast('I')`). Methods that do not mutate run the `bytes`
//! method on a snapshot; a memoryview holds a snapshot, not a live view.

use std::sync::Arc;

use parking_lot::Mutex;

use super::method;
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Runtime, Vm};

/// A `bytearray`: its bytes behind a lock never held while Python runs.
pub struct ByteArray {
    data: Mutex<Vec<u8>>,
    class: Arc<Class>,
}

/// A `memoryview` over a snapshot of a bytes-like object, as items of one format.
pub struct MemView {
    data: Arc<Vec<u8>>,
    format: char,
    itemsize: usize,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(ByteArray, MemView);

/// The bytes of a bytes, bytearray or memoryview value.
pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    if let Some(b) = super::types_bytes::as_bytes(v) {
        return Some(b.to_vec());
    }
    if let Value::Native2(o) = v {
        if let Some(b) = o.as_any().downcast_ref::<ByteArray>() {
            return Some(b.data.lock().clone());
        }
        if let Some(m) = o.as_any().downcast_ref::<MemView>() {
            return Some(m.data.to_vec());
        }
    }
    None
}

fn new_ba(cls: &Arc<Class>, data: Vec<u8>) -> Value {
    Value::from_native(Arc::new(ByteArray { data: Mutex::new(data), class: cls.clone() }))
}

fn this<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a ByteArray> {
    a.native_self::<ByteArray>().ok_or_else(|| vm.type_error("descriptor requires a 'bytearray' object"))
}

/// The bytes that `bytes(v)` would make (for constructors, `extend`, slices).
fn to_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b);
    }
    let bytes_cls = Value::Class(vm.rt.types.bytes.clone());
    let b = vm.call(&bytes_cls, vec![v.clone()])?;
    Ok(super::types_bytes::as_bytes(&b).map(|b| b.to_vec()).unwrap_or_default())
}

fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let n = vm.index_of(v)?;
    u8::try_from(n).map_err(|_| vm.value_error("byte must be in range(0, 256)"))
}

fn index(vm: &mut Vm, key: &Value, len: usize) -> PyResult<usize> {
    let i = vm.index_of(key)?;
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error("bytearray index out of range"));
    }
    Ok(j as usize)
}

/// Methods of `bytes` that a bytearray runs on a snapshot; results that are
/// bytes come back as bytearrays.
const FROM_BYTES: [&str; 25] = [
    "find",
    "rfind",
    "index",
    "rindex",
    "count",
    "startswith",
    "endswith",
    "decode",
    "hex",
    "upper",
    "lower",
    "strip",
    "lstrip",
    "rstrip",
    "replace",
    "split",
    "rsplit",
    "join",
    "isdigit",
    "isalpha",
    "isspace",
    "partition",
    "removeprefix",
    "removesuffix",
    "splitlines",
];

fn install_bytearray(rt: &Runtime, b: &Dict) {
    let ba = new_builtin_class("bytearray", std::slice::from_ref(&rt.types.object), Layout::Opaque);
    let cls = ba.clone();
    method(&ba, "__new__", move |vm, a| {
        let data = match a.pos.len() {
            1 => Vec::new(),
            _ => {
                let bytes_cls = Value::Class(vm.rt.types.bytes.clone());
                let r = vm.call(&bytes_cls, a.pos[1..].to_vec())?;
                to_bytes(vm, &r)?
            }
        };
        Ok(new_ba(&cls, data))
    });
    method(&ba, "__init__", |_vm, _a| Ok(Value::None));
    method(&ba, "__len__", |vm, a| Ok(Value::Int(this(vm, &a)?.data.lock().len() as i64)));
    method(&ba, "__iter__", |vm, a| {
        let snap = this(vm, &a)?.data.lock().clone();
        vm.get_iter(&Value::Bytes(Arc::new(snap)))
    });
    let cls = ba.clone();
    method(&ba, "__getitem__", move |vm, a| {
        let snap = this(vm, &a)?.data.lock().clone();
        let key = a.pos.get(1).cloned().unwrap_or(Value::None);
        if let Value::Slice(_) = key {
            let r = vm.get_item(&Value::Bytes(Arc::new(snap)), &key)?;
            return Ok(new_ba(&cls, to_bytes(vm, &r)?));
        }
        let i = index(vm, &key, snap.len())?;
        Ok(Value::Int(snap[i] as i64))
    });
    method(&ba, "__setitem__", |vm, a| {
        a.check_method(vm, "__setitem__", 2, 2)?;
        let me = this(vm, &a)?;
        let len = me.data.lock().len();
        if let Value::Slice(s) = &a.pos[1] {
            let (start, stop, step, _) = vm.slice_indices(s, len as i64)?;
            if step != 1 {
                return Err(vm.value_error("bytearray slice assignment with a step is not supported by gilt"));
            }
            let new = to_bytes(vm, &a.pos[2])?;
            let (start, stop) = (start as usize, (stop.max(start)) as usize);
            me.data.lock().splice(start..stop, new);
            return Ok(Value::None);
        }
        let i = index(vm, &a.pos[1], len)?;
        let v = byte_value(vm, &a.pos[2])?;
        if let Some(slot) = me.data.lock().get_mut(i) {
            *slot = v;
        }
        Ok(Value::None)
    });
    method(&ba, "__iadd__", |vm, a| {
        a.check_method(vm, "__iadd__", 1, 1)?;
        let more = to_bytes(vm, &a.pos[1])?;
        this(vm, &a)?.data.lock().extend(more);
        Ok(a.pos[0].clone())
    });
    method(&ba, "extend", |vm, a| {
        a.check_method(vm, "extend", 1, 1)?;
        let more = to_bytes(vm, &a.pos[1])?;
        this(vm, &a)?.data.lock().extend(more);
        Ok(Value::None)
    });
    method(&ba, "append", |vm, a| {
        a.check_method(vm, "append", 1, 1)?;
        let v = byte_value(vm, &a.pos[1])?;
        this(vm, &a)?.data.lock().push(v);
        Ok(Value::None)
    });
    method(&ba, "clear", |vm, a| {
        this(vm, &a)?.data.lock().clear();
        Ok(Value::None)
    });
    let cls = ba.clone();
    method(&ba, "copy", move |vm, a| Ok(new_ba(&cls, this(vm, &a)?.data.lock().clone())));
    let cls = ba.clone();
    method(&ba, "__add__", move |vm, a| {
        a.check_method(vm, "__add__", 1, 1)?;
        let mut d = this(vm, &a)?.data.lock().clone();
        d.extend(to_bytes(vm, &a.pos[1])?);
        Ok(new_ba(&cls, d))
    });
    method(&ba, "__eq__", |vm, a| {
        a.check_method(vm, "__eq__", 1, 1)?;
        let me = this(vm, &a)?.data.lock().clone();
        Ok(match bytes_like(&a.pos[1]) {
            Some(o) => Value::Bool(me == o),
            None => Value::NotImplemented,
        })
    });
    method(&ba, "__repr__", |vm, a| {
        let snap = this(vm, &a)?.data.lock().clone();
        let r = vm.repr_of(&Value::Bytes(Arc::new(snap)))?;
        Ok(Value::string(format!("bytearray({r})")))
    });
    method(&ba, "__bytes__", |vm, a| Ok(Value::Bytes(Arc::new(this(vm, &a)?.data.lock().clone()))));
    let cls = ba.clone();
    method(&ba, "translate", move |vm, mut a| {
        let delete = a.take_kw("delete");
        a.check_method(vm, "translate", 1, 2)?;
        let table = match &a.pos[1] {
            Value::None => None,
            t => Some(bytes_like(t).ok_or_else(|| vm.type_error("a bytes-like object is required"))?),
        };
        if table.as_ref().is_some_and(|t| t.len() != 256) {
            return Err(vm.value_error("translation table must be 256 characters long"));
        }
        let delete = match delete.or_else(|| a.pos.get(2).cloned()) {
            Some(d) => bytes_like(&d).ok_or_else(|| vm.type_error("a bytes-like object is required"))?,
            None => Vec::new(),
        };
        let snap = this(vm, &a)?.data.lock().clone();
        let out =
            snap.iter().filter(|c| !delete.contains(c)).map(|&c| table.as_ref().map_or(c, |t| t[c as usize])).collect();
        Ok(new_ba(&cls, out))
    });
    ba.dict.set_item_str("__hash__", Value::None);
    for name in FROM_BYTES {
        let cls = ba.clone();
        method(&ba, name, move |vm, a| {
            let snap = this(vm, &a)?.data.lock().clone();
            let r = vm.call_method(&Value::Bytes(Arc::new(snap)), name, a.pos[1..].to_vec())?;
            Ok(match &r {
                Value::Bytes(b) => new_ba(&cls, b.to_vec()),
                _ => r,
            })
        });
    }
    b.set_item_str("bytearray", Value::Class(ba));
}

fn this_mv<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a MemView> {
    a.native_self::<MemView>().ok_or_else(|| vm.type_error("descriptor requires a 'memoryview' object"))
}

impl MemView {
    fn items(&self) -> Vec<Value> {
        let signed = self.format.is_ascii_lowercase();
        self.data
            .chunks_exact(self.itemsize)
            .map(|c| {
                let mut buf = [0u8; 8];
                buf[..c.len()].copy_from_slice(c);
                let u = u64::from_le_bytes(buf);
                let bits = 8 * self.itemsize as u32;
                let v =
                    if signed && bits < 64 && u >> (bits - 1) & 1 == 1 { u as i64 - (1i64 << bits) } else { u as i64 };
                Value::Int(v)
            })
            .collect()
    }
}

fn item_size(format: char) -> Option<usize> {
    match format {
        'B' | 'b' | 'c' => Some(1),
        'H' | 'h' => Some(2),
        'I' | 'i' => Some(4),
        'L' | 'l' | 'Q' | 'q' | 'N' | 'n' => Some(8),
        _ => None,
    }
}

fn install_memoryview(rt: &Runtime, b: &Dict) {
    let mv = new_builtin_class("memoryview", std::slice::from_ref(&rt.types.object), Layout::Opaque);
    let cls = mv.clone();
    method(&mv, "__new__", move |vm, a| {
        a.check_method(vm, "memoryview", 1, 2)?;
        let Some(data) = a.pos.get(1).and_then(bytes_like) else {
            let tn = vm.type_name(a.pos.get(1).unwrap_or(&Value::None));
            return Err(vm.type_error(&format!("memoryview: a bytes-like object is required, not '{tn}'")));
        };
        Ok(Value::from_native(Arc::new(MemView { data: Arc::new(data), format: 'B', itemsize: 1, class: cls.clone() })))
    });
    let cls = mv.clone();
    method(&mv, "cast", move |vm, a| {
        a.check_method(vm, "cast", 1, 1)?;
        let m = this_mv(vm, &a)?;
        let f = match &a.pos[1] {
            Value::Str(s) => s.as_str().to_string(),
            _ => return Err(vm.type_error("memoryview: format argument must be a string")),
        };
        let mut chars = f.chars();
        let (Some(fc), None) = (chars.next(), chars.next()) else {
            return Err(vm.value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            ));
        };
        let Some(size) = item_size(fc) else {
            return Err(vm.value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            ));
        };
        if m.data.len() % size != 0 {
            return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
        }
        Ok(Value::from_native(Arc::new(MemView {
            data: m.data.clone(),
            format: fc,
            itemsize: size,
            class: cls.clone(),
        })))
    });
    method(&mv, "tolist", |vm, a| Ok(Value::list(this_mv(vm, &a)?.items())));
    method(&mv, "tobytes", |vm, a| Ok(Value::Bytes(this_mv(vm, &a)?.data.clone())));
    method(&mv, "__len__", |vm, a| {
        let m = this_mv(vm, &a)?;
        Ok(Value::Int((m.data.len() / m.itemsize) as i64))
    });
    method(&mv, "__getitem__", |vm, a| {
        a.check_method(vm, "__getitem__", 1, 1)?;
        let items = this_mv(vm, &a)?.items();
        let i = vm.index_of(&a.pos[1])?;
        let j = if i < 0 { i + items.len() as i64 } else { i };
        match items.get(j.max(0) as usize) {
            Some(v) if j >= 0 => Ok(v.clone()),
            _ => Err(vm.index_error("index out of bounds on dimension 1")),
        }
    });
    method(&mv, "release", |_vm, _a| Ok(Value::None));
    method(&mv, "__enter__", |_vm, a| Ok(a.pos[0].clone()));
    method(&mv, "__exit__", |_vm, _a| Ok(Value::Bool(false)));
    for (name, which) in [("itemsize", 0u8), ("nbytes", 1), ("format", 2), ("readonly", 3)] {
        super::mod_sre::prop_rt(rt, &mv, name, move |vm, a| {
            let m = this_mv(vm, a)?;
            Ok(match which {
                0 => Value::Int(m.itemsize as i64),
                1 => Value::Int(m.data.len() as i64),
                2 => Value::string(m.format.to_string()),
                _ => Value::Bool(true),
            })
        });
    }
    b.set_item_str("memoryview", Value::Class(mv));
}

/// Adds `bytearray` and `memoryview` to the builtins dict `b`.
pub fn install(rt: &Runtime, b: &Dict) {
    install_bytearray(rt, b);
    install_memoryview(rt, b);
}
