//! `memoryview`: a view of another object's memory (bytes, bytearray,
//! array) that copies nothing. A view is the memory plus where its items
//! are: a byte offset, a shape and strides (C order), and an item format
//! from the struct module. Slicing makes a new view of the same memory, so
//! writes go through to a bytearray or array; while a view over a mutable
//! object is alive, the object cannot change size (see `buffer.rs`).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::binfmt::{self, ItemErr};
use super::buffer::{Export, Mem, bytes_like, export_of};
use super::method;
use crate::object::class::Class;
use crate::object::descr::Property;
use crate::object::eq::HashOutcome;
use crate::object::native::NativeObject;
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Runtime, Vm};

/// A memoryview object.
pub struct MemoryView {
    pub class: Arc<Class>,
    /// The object the memory belongs to (`.obj`).
    obj: Value,
    mem: Mem,
    readonly: bool,
    format: String,
    itemsize: usize,
    /// Byte offset of the first item.
    offset: usize,
    shape: Vec<usize>,
    strides: Vec<isize>,
    released: AtomicBool,
}

impl MemoryView {
    fn new(class: Arc<Class>, obj: Value, e: Export) -> MemoryView {
        let n = e.mem.len() / e.itemsize.max(1);
        MemoryView::view(class, obj, e, 0, vec![n], vec![0])
    }

    /// A view with explicit geometry; `strides` of `[0]` means contiguous.
    fn view(class: Arc<Class>, obj: Value, e: Export, offset: usize, shape: Vec<usize>, strides: Vec<isize>) -> Self {
        if let Mem::Buf(b) = &e.mem {
            b.acquire();
        }
        let strides = if strides == [0] { c_strides(&shape, e.itemsize) } else { strides };
        MemoryView {
            class,
            obj,
            mem: e.mem,
            readonly: e.readonly,
            format: e.format,
            itemsize: e.itemsize,
            offset,
            shape,
            strides,
            released: AtomicBool::new(false),
        }
    }

    fn export(&self) -> Export {
        Export { mem: self.mem.clone(), format: self.format.clone(), itemsize: self.itemsize, readonly: self.readonly }
    }

    fn code(&self) -> u8 {
        self.format.as_bytes().last().copied().unwrap_or(b'B')
    }

    fn count(&self) -> usize {
        self.shape.iter().product()
    }

    fn nbytes(&self) -> usize {
        self.count() * self.itemsize
    }

    fn is_c_contiguous(&self) -> bool {
        self.strides == c_strides(&self.shape, self.itemsize) || self.count() == 0
    }

    /// Byte offsets of every item, in C order.
    fn item_offsets(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.count());
        fn walk(v: &MemoryView, dim: usize, base: isize, out: &mut Vec<usize>) {
            if dim == v.shape.len() {
                out.push(base as usize);
                return;
            }
            for i in 0..v.shape[dim] {
                walk(v, dim + 1, base + i as isize * v.strides[dim], out);
            }
        }
        walk(self, 0, self.offset as isize, &mut out);
        out
    }

    /// The view's bytes, in C order.
    fn to_bytes(&self) -> Vec<u8> {
        let size = self.itemsize;
        self.mem.with(|m| {
            if self.is_c_contiguous() {
                let end = (self.offset + self.nbytes()).min(m.len());
                return m[self.offset.min(end)..end].to_vec();
            }
            let mut out = Vec::with_capacity(self.nbytes());
            for o in self.item_offsets() {
                if let Some(b) = m.get(o..o + size) {
                    out.extend_from_slice(b);
                }
            }
            out
        })
    }

    /// The items as Python values, in C order.
    fn items(&self) -> Vec<Value> {
        let (code, size) = (self.code(), self.itemsize);
        let bytes = self.to_bytes();
        bytes.chunks_exact(size).map(|c| binfmt::unpack_item(code, c, cfg!(target_endian = "little"))).collect()
    }

    fn release(&self) {
        if !self.released.swap(true, Ordering::AcqRel)
            && let Mem::Buf(b) = &self.mem
        {
            b.release();
        }
    }
}

impl Drop for MemoryView {
    fn drop(&mut self) {
        self.release();
    }
}

impl NativeObject for MemoryView {
    fn class(&self) -> &Arc<Class> {
        &self.class
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn buffer_bytes(&self) -> Option<Vec<u8>> {
        if self.released.load(Ordering::Acquire) { None } else { Some(self.to_bytes()) }
    }
    fn eq_by_value(&self) -> bool {
        true
    }
    fn hash_outcome(&self) -> Option<HashOutcome> {
        Some(HashOutcome::NeedsPython)
    }
}

fn c_strides(shape: &[usize], itemsize: usize) -> Vec<isize> {
    let mut strides = vec![0isize; shape.len()];
    let mut acc = itemsize as isize;
    for i in (0..shape.len()).rev() {
        strides[i] = acc;
        acc *= shape[i] as isize;
    }
    strides
}

/// The view `a.pos[0]`, refusing a released one.
fn live<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a MemoryView> {
    let Some(m) = a.native_self::<MemoryView>() else {
        return Err(vm.type_error("descriptor requires a 'memoryview' object"));
    };
    if m.released.load(Ordering::Acquire) {
        return Err(vm.value_error("operation forbidden on released memoryview object"));
    }
    Ok(m)
}

/// `memoryview(obj)`.
pub fn memoryview_of(vm: &mut Vm, obj: &Value) -> PyResult {
    let cls = vm.rt.types.memoryview.clone();
    if let Value::Native2(o) = obj
        && let Some(m) = o.as_any().downcast_ref::<MemoryView>()
    {
        if m.released.load(Ordering::Acquire) {
            return Err(vm.value_error("operation forbidden on released memoryview object"));
        }
        let v = MemoryView::view(cls, m.obj.clone(), m.export(), m.offset, m.shape.clone(), m.strides.clone());
        return Ok(Value::from_native(Arc::new(v)));
    }
    if let Value::Native2(o) = obj
        && let Some(d) = o.buffer_delegate()
    {
        return match d {
            Ok(inner) => memoryview_of(vm, &inner),
            Err(msg) => Err(vm.value_error(msg)),
        };
    }
    match export_of(obj) {
        Some(e) => Ok(Value::from_native(Arc::new(MemoryView::new(cls, obj.clone(), e)))),
        None => {
            let tn = vm.type_name(obj);
            Err(vm.type_error(&format!("memoryview: a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// `PickleBuffer.raw()`: the contiguous memory of the view `mv` as one
/// dimension of unsigned bytes (BufferError when it is not contiguous).
pub fn raw_bytes_view(vm: &mut Vm, mv: &Value) -> PyResult {
    let m = match mv {
        Value::Native2(o) if let Some(m) = o.as_any().downcast_ref::<MemoryView>() => m,
        _ => return Err(vm.type_error("raw() needs a memoryview")),
    };
    if m.released.load(Ordering::Acquire) {
        return Err(vm.value_error("operation forbidden on released memoryview object"));
    }
    if !m.is_c_contiguous() {
        return Err(vm.err("BufferError", "cannot extract raw buffer from non-contiguous buffer"));
    }
    let e = Export { mem: m.mem.clone(), format: "B".into(), itemsize: 1, readonly: m.readonly };
    let v = MemoryView::view(vm.rt.types.memoryview.clone(), m.obj.clone(), e, m.offset, vec![m.nbytes()], vec![0]);
    Ok(Value::from_native(Arc::new(v)))
}

/// Whether `mv` (a memoryview) is contiguous and read-only, for the
/// pickler's PickleBuffer: `None` when it is no live memoryview.
pub fn contiguous_readonly(mv: &Value) -> Option<(bool, bool)> {
    match mv {
        Value::Native2(o) if let Some(m) = o.as_any().downcast_ref::<MemoryView>() => {
            (!m.released.load(Ordering::Acquire)).then(|| (m.is_c_contiguous(), m.readonly))
        }
        _ => None,
    }
}

/// Runs `f` over the writable bytes of `v` (a bytearray, an array, or a
/// contiguous writable memoryview), for `struct.pack_into` and friends.
pub fn with_writable<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&mut [u8]) -> R) -> PyResult<R> {
    if let Value::Native2(o) = v
        && let Some(m) = o.as_any().downcast_ref::<MemoryView>()
        && !m.readonly
        && m.is_c_contiguous()
        && !m.released.load(Ordering::Acquire)
        && let Mem::Buf(b) = &m.mem
    {
        let mut g = b.write();
        let end = (m.offset + m.nbytes()).min(g.len());
        let start = m.offset.min(end);
        return Ok(f(&mut g[start..end]));
    }
    if let Some(Export { mem: Mem::Buf(b), readonly: false, .. }) = export_of(v) {
        return Ok(f(&mut b.write()));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!("argument must be read-write bytes-like object, not {tn}")))
}

fn item_error(vm: &mut Vm, e: ItemErr, fmt: &str) -> crate::vm::PyErr {
    match e {
        ItemErr::Range { .. } | ItemErr::FloatOverflow => {
            vm.value_error(&format!("memoryview: invalid value for format '{fmt}'"))
        }
        ItemErr::Py(e) => e,
        _ => vm.type_error(&format!("memoryview: invalid type for format '{fmt}'")),
    }
}

/// The index of `m[key]` on a one-dimensional view.
fn index(vm: &mut Vm, m: &MemoryView, key: &Value) -> PyResult<usize> {
    if m.shape.len() != 1 {
        if m.shape.is_empty() {
            return Err(vm.type_error("invalid indexing of 0-dim memory"));
        }
        return Err(vm.err("NotImplementedError", "multi-dimensional sub-views are not implemented"));
    }
    let i = match vm.exact_index(key)? {
        Some(Value::Int(i)) => i,
        Some(_) => return Err(vm.index_error("cannot fit 'int' into an index-sized integer")),
        None => return Err(vm.type_error("memoryview: invalid slice key")),
    };
    let n = m.shape[0] as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    Ok(j as usize)
}

/// The view `m[s]` of a slice (one-dimensional views).
fn sliced(vm: &mut Vm, m: &MemoryView, s: &crate::object::value::Slice) -> PyResult<MemoryView> {
    if m.shape.len() != 1 {
        return Err(vm.err("NotImplementedError", "multi-dimensional slicing is not implemented"));
    }
    let (start, _stop, step, count) = vm.slice_indices(s, m.shape[0] as i64)?;
    let offset = (m.offset as isize + start as isize * m.strides[0]).max(0) as usize;
    let stride = m.strides[0] * step as isize;
    let v = MemoryView::view(m.class.clone(), m.obj.clone(), m.export(), offset, vec![count as usize], vec![stride]);
    Ok(v)
}

fn cast(vm: &mut Vm, m: &MemoryView, a: &mut Args) -> PyResult {
    let fmt = match a.arg(1, "format") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => {
            let tn = vm.type_name(&v);
            return Err(vm.type_error(&format!("cast() argument 'format' must be str, not {tn}")));
        }
        None => return Err(vm.type_error("cast() missing required argument 'format' (pos 1)")),
    };
    let code = fmt.strip_prefix('@').unwrap_or(&fmt);
    let size = match code.as_bytes() {
        [c] if b"cbB?hHiIlLqQnNfdeP".contains(c) => binfmt::native_size(*c).unwrap_or(1),
        _ => {
            return Err(vm.value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            ));
        }
    };
    if !m.is_c_contiguous() {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let is_byte = |c: &str| matches!(c, "B" | "b" | "c");
    if !is_byte(code) && !is_byte(m.format.strip_prefix('@').unwrap_or(&m.format)) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = m.nbytes();
    let shape = match a.arg(2, "shape") {
        None => {
            if !nbytes.is_multiple_of(size) {
                return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
            }
            vec![nbytes / size]
        }
        Some(v @ (Value::List(_) | Value::Tuple(_))) => {
            let mut shape = Vec::new();
            for x in vm.collect(&v)? {
                match vm.exact_index(&x)? {
                    Some(Value::Int(n)) if n > 0 => shape.push(n as usize),
                    _ => return Err(vm.type_error("memoryview.cast(): elements of shape must be integers > 0")),
                }
            }
            if shape.iter().product::<usize>() * size != nbytes {
                return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"));
            }
            shape
        }
        Some(_) => return Err(vm.type_error("shape must be a list or a tuple")),
    };
    if m.shape.len() != 1 && shape.len() != 1 {
        return Err(vm.type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
    }
    let e = Export { mem: m.mem.clone(), format: code.to_string(), itemsize: size, readonly: m.readonly };
    let v = MemoryView::view(m.class.clone(), m.obj.clone(), e, m.offset, shape, vec![0]);
    Ok(Value::from_native(Arc::new(v)))
}

/// The items of `m` nested by its shape (`tolist`).
fn nested(items: &[Value], shape: &[usize]) -> Value {
    if shape.len() <= 1 {
        return Value::list(items.to_vec());
    }
    let inner: usize = shape[1..].iter().product();
    Value::list(items.chunks(inner.max(1)).take(shape[0]).map(|c| nested(c, &shape[1..])).collect())
}

fn prop(
    rt: &Runtime,
    cls: &Arc<Class>,
    name: &str,
    f: impl Fn(&mut Vm, &MemoryView) -> PyResult + Send + Sync + 'static,
) {
    let getter = Vm::native(name, move |vm, a| {
        let m = live(vm, &a)?;
        f(vm, m)
    });
    let p = Property::new(getter, Value::None, name, rt.types.property.clone());
    cls.dict.set_item_str(name, Value::from_native(Arc::new(p)));
}

fn usizes(v: &[usize]) -> Value {
    Value::tuple(v.iter().map(|&x| Value::Int(x as i64)).collect())
}

/// Registers `memoryview`'s methods.
pub fn register(rt: &Runtime) {
    let c = &rt.types.memoryview;
    method(c, "__new__", |vm, mut a| {
        let obj = a
            .arg(1, "object")
            .ok_or_else(|| vm.type_error("memoryview() missing required argument 'object' (pos 1)"))?;
        memoryview_of(vm, &obj)
    });
    method(c, "__init__", |_vm, _a| Ok(Value::None));
    method(c, "__repr__", |_vm, a| {
        let id = a.pos[0].id();
        let released = a.native_self::<MemoryView>().is_some_and(|m| m.released.load(Ordering::Acquire));
        let word = if released { "released memory" } else { "memory" };
        Ok(Value::string(format!("<{word} at {id:#x}>")))
    });
    method(c, "__len__", |vm, a| {
        let m = live(vm, &a)?;
        match m.shape.first() {
            Some(n) => Ok(Value::Int(*n as i64)),
            None => Err(vm.type_error("0-dim memory has no length")),
        }
    });
    method(c, "__getitem__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let m = live(vm, &a)?;
        match &a.pos[1] {
            Value::Slice(s) => Ok(Value::from_native(Arc::new(sliced(vm, m, s)?))),
            Value::Ellipsis => memoryview_of(vm, &a.pos[0]),
            key => {
                let j = index(vm, m, key)?;
                let o = (m.offset as isize + j as isize * m.strides[0]) as usize;
                let size = m.itemsize;
                let little = cfg!(target_endian = "little");
                Ok(m.mem
                    .with(|b| b.get(o..o + size).map(|x| binfmt::unpack_item(m.code(), x, little)))
                    .unwrap_or(Value::None))
            }
        }
    });
    method(c, "__setitem__", |vm, a| {
        a.expect_after_self(vm, 2)?;
        let m = live(vm, &a)?;
        if m.readonly {
            return Err(vm.type_error("cannot modify read-only memory"));
        }
        let Mem::Buf(buf) = &m.mem else { return Err(vm.type_error("cannot modify read-only memory")) };
        let little = cfg!(target_endian = "little");
        if let Value::Slice(s) = &a.pos[1] {
            let dst = sliced(vm, m, s)?;
            let src = bytes_like(&a.pos[2]).ok_or_else(|| {
                let tn = vm.type_name(&a.pos[2]);
                vm.type_error(&format!("a bytes-like object is required, not '{tn}'"))
            })?;
            if src.len() != dst.nbytes() {
                return Err(vm.value_error("memoryview assignment: lvalue and rvalue have different structures"));
            }
            let mut g = buf.write();
            for (k, o) in dst.item_offsets().into_iter().enumerate() {
                if let Some(slot) = g.get_mut(o..o + m.itemsize) {
                    slot.copy_from_slice(&src[k * m.itemsize..(k + 1) * m.itemsize]);
                }
            }
            return Ok(Value::None);
        }
        let j = index(vm, m, &a.pos[1])?;
        let mut item = vec![0u8; m.itemsize];
        let r = binfmt::pack_item(vm, m.code(), &mut item, little, &a.pos[2]);
        if let Err(e) = r {
            return Err(item_error(vm, e, &m.format));
        }
        let o = (m.offset as isize + j as isize * m.strides[0]) as usize;
        if let Some(slot) = buf.write().get_mut(o..o + m.itemsize) {
            slot.copy_from_slice(&item);
        }
        Ok(Value::None)
    });
    method(c, "__iter__", |vm, a| {
        let m = live(vm, &a)?;
        if m.shape.is_empty() {
            return Err(vm.type_error("invalid indexing of 0-dim memory"));
        }
        if m.shape.len() > 1 {
            return Err(vm.err("NotImplementedError", "multi-dimensional sub-views are not implemented"));
        }
        let items = m.items();
        vm.get_iter(&Value::list(items))
    });
    method(c, "tobytes", |vm, a| Ok(Value::Bytes(Arc::new(live(vm, &a)?.to_bytes()))));
    method(c, "tolist", |vm, a| {
        let m = live(vm, &a)?;
        Ok(nested(&m.items(), &m.shape))
    });
    method(c, "hex", |vm, mut a| {
        let data = live(vm, &a)?.to_bytes();
        let sep = a.arg(1, "sep");
        let per = a.arg(2, "bytes_per_sep");
        Ok(Value::string(super::types_bytes_more::hex_with_sep(vm, &data, sep.as_ref(), per.as_ref())?))
    });
    method(c, "cast", |vm, mut a| {
        let m = live(vm, &a)?;
        let m2 =
            MemoryView::view(m.class.clone(), m.obj.clone(), m.export(), m.offset, m.shape.clone(), m.strides.clone());
        cast(vm, &m2, &mut a)
    });
    method(c, "toreadonly", |vm, a| {
        let m = live(vm, &a)?;
        let mut e = m.export();
        e.readonly = true;
        let v = MemoryView::view(m.class.clone(), m.obj.clone(), e, m.offset, m.shape.clone(), m.strides.clone());
        Ok(Value::from_native(Arc::new(v)))
    });
    method(c, "release", |vm, a| {
        let Some(m) = a.native_self::<MemoryView>() else {
            return Err(vm.type_error("descriptor requires a 'memoryview' object"));
        };
        m.release();
        Ok(Value::None)
    });
    method(c, "__enter__", |vm, a| {
        live(vm, &a)?;
        Ok(a.pos[0].clone())
    });
    method(c, "__exit__", |_vm, a| {
        if let Some(m) = a.native_self::<MemoryView>() {
            m.release();
        }
        Ok(Value::None)
    });
    for (name, ne) in [("__eq__", false), ("__ne__", true)] {
        method(c, name, move |vm, a| {
            a.expect_after_self(vm, 1)?;
            let Some(m) = a.native_self::<MemoryView>() else { return Ok(Value::NotImplemented) };
            let other = &a.pos[1];
            if m.released.load(Ordering::Acquire) {
                return Ok(Value::Bool(a.pos[0].is(other) != ne));
            }
            // Equal when the items are equal value by value (formats may differ).
            let theirs = match other {
                Value::Native2(o) if let Some(om) = o.as_any().downcast_ref::<MemoryView>() => {
                    if om.released.load(Ordering::Acquire) {
                        return Ok(Value::Bool(ne));
                    }
                    Some((om.items(), om.shape.clone()))
                }
                _ => export_of(other).map(|e| {
                    let v = MemoryView::new(vm.rt.types.memoryview.clone(), other.clone(), e);
                    (v.items(), v.shape.clone())
                }),
            };
            let Some((items, shape)) = theirs else { return Ok(Value::NotImplemented) };
            let mine = m.items();
            let mut same = shape == m.shape && items.len() == mine.len();
            if same {
                for (x, y) in mine.iter().zip(items.iter()) {
                    if !vm.eq(x, y)? {
                        same = false;
                        break;
                    }
                }
            }
            Ok(Value::Bool(same != ne))
        });
    }
    method(c, "__hash__", |vm, a| {
        let m = live(vm, &a)?;
        if !m.readonly {
            return Err(vm.value_error("cannot hash writable memoryview object"));
        }
        if !matches!(m.format.as_str(), "B" | "b" | "c") {
            return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
        }
        let b = Value::Bytes(Arc::new(m.to_bytes()));
        Ok(Value::Int(vm.hash_value(&b)?))
    });
    prop(rt, c, "obj", |_vm, m| Ok(m.obj.clone()));
    prop(rt, c, "nbytes", |_vm, m| Ok(Value::Int(m.nbytes() as i64)));
    prop(rt, c, "readonly", |_vm, m| Ok(Value::Bool(m.readonly)));
    prop(rt, c, "itemsize", |_vm, m| Ok(Value::Int(m.itemsize as i64)));
    prop(rt, c, "format", |_vm, m| Ok(Value::str(&m.format)));
    prop(rt, c, "ndim", |_vm, m| Ok(Value::Int(m.shape.len() as i64)));
    prop(rt, c, "shape", |_vm, m| Ok(usizes(&m.shape)));
    prop(rt, c, "strides", |_vm, m| Ok(Value::tuple(m.strides.iter().map(|&x| Value::Int(x as i64)).collect())));
    prop(rt, c, "suboffsets", |_vm, _m| Ok(Value::tuple(vec![])));
    prop(rt, c, "c_contiguous", |_vm, m| Ok(Value::Bool(m.is_c_contiguous())));
    prop(rt, c, "f_contiguous", |_vm, m| Ok(Value::Bool(m.is_c_contiguous() && m.shape.len() <= 1)));
    prop(rt, c, "contiguous", |_vm, m| Ok(Value::Bool(m.is_c_contiguous())));
}
