//! The `_struct` module under CPython's `struct.py`: `pack`, `unpack`,
//! `calcsize`, `iter_unpack`, `pack_into`, `unpack_from`, `Struct` objects
//! and `struct.error`, with every format character and the byte order,
//! size and alignment prefixes (`@` native with alignment, `=` `<` `>` `!`
//! standard sizes without). Items are encoded by `binfmt.rs`.

use std::sync::Arc;

use parking_lot::Mutex;

use super::binfmt::{self, ItemErr};
use super::buffer::bytes_like;
use super::def;
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::native::impl_native_object;
use crate::object::value::Value;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyErr, PyResult, Vm};

/// One run of a format: `count` items of `code` at `offset` (for `s`, `p`
/// and `x`, one field of `count` bytes).
#[derive(Clone, Copy)]
struct Field {
    code: u8,
    count: usize,
    size: usize,
    offset: usize,
}

/// A parsed format.
#[derive(Clone)]
struct Format {
    text: String,
    fields: Vec<Field>,
    size: usize,
    little: bool,
    /// How many values `pack` takes and `unpack` returns.
    nvalues: usize,
}

fn parse(fmt: &str) -> Result<Format, &'static str> {
    let b = fmt.as_bytes();
    let (mode, rest) = match b.first() {
        Some(c @ (b'@' | b'=' | b'<' | b'>' | b'!')) => (*c, &b[1..]),
        _ => (b'@', b),
    };
    let native = mode == b'@';
    let little = match mode {
        b'<' => true,
        b'>' | b'!' => false,
        _ => cfg!(target_endian = "little"),
    };
    let (mut fields, mut size, mut nvalues) = (Vec::new(), 0usize, 0usize);
    let mut i = 0;
    while i < rest.len() {
        let c = rest[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count: Option<usize> = None;
        while i < rest.len() && rest[i].is_ascii_digit() {
            let d = (rest[i] - b'0') as usize;
            count = Some(
                count
                    .unwrap_or(0)
                    .checked_mul(10)
                    .and_then(|n| n.checked_add(d))
                    .ok_or("total struct size too long")?,
            );
            i += 1;
        }
        let Some(&code) = rest.get(i) else { return Err("repeat count given without format specifier") };
        i += 1;
        let item = if native { binfmt::native_size(code) } else { binfmt::std_size(code) };
        let Some(item) = item else { return Err("bad char in struct format") };
        let count = count.unwrap_or(1);
        if native && item > 1 && !matches!(code, b's' | b'p' | b'x') {
            size = size.div_ceil(item) * item;
        }
        let (fsize, values) = match code {
            b's' | b'p' => (count, 1),
            b'x' => (count, 0),
            _ => (item.checked_mul(count).ok_or("total struct size too long")?, count),
        };
        fields.push(Field { code, count, size: item, offset: size });
        // A size is a Py_ssize_t in CPython.
        size = size.checked_add(fsize).filter(|&n| n <= isize::MAX as usize).ok_or("total struct size too long")?;
        nvalues += values;
    }
    Ok(Format { text: fmt.to_string(), fields, size, little, nvalues })
}

/// The module's state shared by its functions: the `error` class.
struct Ctx {
    error: Arc<Class>,
    unpack_iter: Option<Arc<Class>>,
}

impl Ctx {
    fn error(&self, vm: &mut Vm, msg: &str) -> PyErr {
        vm.new_exception(&self.error, vec![Value::str(msg)])
    }

    fn format_of(&self, vm: &mut Vm, v: Option<&Value>) -> PyResult<Format> {
        let text = match v {
            Some(Value::Str(s)) => s.as_str().to_string(),
            Some(v @ Value::Bytes(_)) => String::from_utf8_lossy(&bytes_like(v).unwrap_or_default()).into_owned(),
            Some(v) => {
                if let Some(s) = v.native_ref::<StructObj>() {
                    return Ok(s.fmt.clone());
                }
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("Struct() argument 1 must be a str or bytes object, not {tn}")));
            }
            None => return Err(vm.type_error("Struct() missing required argument 'format' (pos 1)")),
        };
        if text.contains('\0') {
            return Err(self.error(vm, "embedded null character"));
        }
        parse(&text).map_err(|m| self.error(vm, m))
    }

    fn item_error(&self, vm: &mut Vm, e: ItemErr, code: u8, size: usize) -> PyErr {
        match e {
            ItemErr::Py(e) => e,
            ItemErr::Range { huge: true } => self.error(vm, "argument out of range"),
            ItemErr::Range { huge: false } => {
                let msg = match code {
                    b'b' => "byte format requires -128 <= number <= 127".to_string(),
                    b'B' => "ubyte format requires 0 <= number <= 255".to_string(),
                    b'h' => "short format requires -32768 <= number <= 32767".to_string(),
                    b'H' => "ushort format requires 0 <= number <= 65535".to_string(),
                    _ => {
                        let (lo, hi) = binfmt::int_range(size, binfmt::is_signed(code));
                        format!("'{}' format requires {lo} <= number <= {hi}", code as char)
                    }
                };
                self.error(vm, &msg)
            }
            ItemErr::NotInt => self.error(vm, "required argument is not an integer"),
            ItemErr::NotFloat => self.error(vm, "required argument is not a float"),
            ItemErr::NotChar => self.error(vm, "char format requires a bytes object of length 1"),
            ItemErr::FloatOverflow => {
                vm.overflow_error(&format!("float too large to pack with {} format", code as char))
            }
        }
    }

    /// Packs `values` into `out` (already `f.size` zero bytes).
    fn pack(&self, vm: &mut Vm, f: &Format, values: &[Value], out: &mut [u8], what: &str) -> PyResult<()> {
        if values.len() != f.nvalues {
            let msg = format!("{what} expected {} items for packing (got {})", f.nvalues, values.len());
            return Err(self.error(vm, &msg));
        }
        let mut vals = values.iter();
        for fld in &f.fields {
            match fld.code {
                b'x' => {}
                b's' | b'p' => {
                    let v = vals.next().cloned().unwrap_or(Value::None);
                    let data = match &v {
                        Value::Bytes(_) | Value::Native2(_) if is_bytes_or_bytearray(&v) => {
                            bytes_like(&v).unwrap_or_default()
                        }
                        _ => {
                            let msg = format!("argument for '{}' must be a bytes object", fld.code as char);
                            return Err(self.error(vm, &msg));
                        }
                    };
                    let field = &mut out[fld.offset..fld.offset + fld.count];
                    if fld.code == b's' {
                        let n = data.len().min(fld.count);
                        field[..n].copy_from_slice(&data[..n]);
                    } else if fld.count > 0 {
                        // The data fills the field; the length byte says at most 255.
                        let n = data.len().min(fld.count - 1);
                        field[0] = n.min(255) as u8;
                        field[1..1 + n].copy_from_slice(&data[..n]);
                    }
                }
                code => {
                    for k in 0..fld.count {
                        let v = vals.next().cloned().unwrap_or(Value::None);
                        let at = fld.offset + k * fld.size;
                        let r = binfmt::pack_item(vm, code, &mut out[at..at + fld.size], f.little, &v);
                        if let Err(e) = r {
                            return Err(self.item_error(vm, e, code, fld.size));
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

fn is_bytes_or_bytearray(v: &Value) -> bool {
    match v {
        Value::Bytes(_) => true,
        Value::Native2(o) => o.as_any().is::<super::types_bytearray::ByteArray>(),
        _ => false,
    }
}

/// The values of one record (`data` is exactly `f.size` bytes).
fn unpack(f: &Format, data: &[u8]) -> Value {
    let mut out = Vec::with_capacity(f.nvalues);
    for fld in &f.fields {
        match fld.code {
            b'x' => {}
            b's' => out.push(Value::Bytes(Arc::new(data[fld.offset..fld.offset + fld.count].to_vec()))),
            b'p' => {
                let field = &data[fld.offset..fld.offset + fld.count];
                let n = field.first().map_or(0, |&n| (n as usize).min(fld.count.saturating_sub(1)));
                out.push(Value::Bytes(Arc::new(field.get(1..1 + n).unwrap_or(&[]).to_vec())));
            }
            code => {
                for k in 0..fld.count {
                    let at = fld.offset + k * fld.size;
                    out.push(binfmt::unpack_item(code, &data[at..at + fld.size], f.little));
                }
            }
        }
    }
    Value::tuple(out)
}

/// A `Struct` object: a parsed format.
pub struct StructObj {
    class: Arc<Class>,
    fmt: Format,
}

impl_native_object!(StructObj);

trait NativeRef {
    fn native_ref<T: 'static>(&self) -> Option<&T>;
}

impl NativeRef for Value {
    fn native_ref<T: 'static>(&self) -> Option<&T> {
        match self {
            Value::Native2(o) => o.as_any().downcast_ref::<T>(),
            _ => None,
        }
    }
}

fn buffer_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Arc<Vec<u8>>> {
    match v {
        Some(v) => super::buffer::require_bytes(vm, v),
        None => Err(vm.type_error("missing required argument 'buffer'")),
    }
}

/// `offset` checked against a buffer of `len` bytes for `size` bytes.
fn place(ctx: &Ctx, vm: &mut Vm, offset: i64, len: usize, size: usize, what: &str) -> PyResult<usize> {
    let mut off = offset;
    if off < 0 {
        // CPython's order: a record that cannot fit before the end is
        // reported first when packing.
        if what == "pack_into" && off + (size as i64) > 0 {
            return Err(ctx.error(vm, &format!("no space to pack {size} bytes at offset {offset}")));
        }
        if off + (len as i64) < 0 {
            return Err(ctx.error(vm, &format!("offset {offset} out of range for {len}-byte buffer")));
        }
        off += len as i64;
        if what != "pack_into" && len - (off as usize) < size {
            return Err(ctx.error(vm, &format!("not enough data to unpack {size} bytes at offset {offset}")));
        }
    }
    let off = off as usize;
    if len < off || len - off < size {
        let (verb, ing) = if what == "pack_into" { ("pack_into", "packing") } else { ("unpack_from", "unpacking") };
        let msg = format!(
            "{verb} requires a buffer of at least {} bytes for {ing} {size} bytes at offset {off} (actual buffer size is {len})",
            size + off
        );
        return Err(ctx.error(vm, &msg));
    }
    Ok(off)
}

fn do_unpack(ctx: &Ctx, vm: &mut Vm, f: &Format, buf: Option<&Value>) -> PyResult {
    let data = buffer_arg(vm, buf)?;
    if data.len() != f.size {
        return Err(ctx.error(vm, &format!("unpack requires a buffer of {} bytes", f.size)));
    }
    Ok(unpack(f, &data))
}

fn do_unpack_from(ctx: &Ctx, vm: &mut Vm, f: &Format, mut a: Args, first: usize) -> PyResult {
    let buf = a.arg(first, "buffer");
    let offset = match a.arg(first + 1, "offset") {
        Some(v) => vm.ssize_index(&v)?,
        None => 0,
    };
    let data = buffer_arg(vm, buf.as_ref())?;
    let off = place(ctx, vm, offset, data.len(), f.size, "unpack_from")?;
    Ok(unpack(f, &data[off..off + f.size]))
}

fn do_iter_unpack(ctx: &Ctx, vm: &mut Vm, f: &Format, buf: Option<&Value>) -> PyResult {
    let data = buffer_arg(vm, buf)?;
    if f.size == 0 {
        return Err(ctx.error(vm, "cannot iteratively unpack with a struct of length 0"));
    }
    if !data.len().is_multiple_of(f.size) {
        let msg = format!("iterative unpacking requires a buffer of a multiple of {} bytes", f.size);
        return Err(ctx.error(vm, &msg));
    }
    let Some(cls) = &ctx.unpack_iter else { return Err(vm.runtime_error("struct: no unpack_iterator type")) };
    let it = UnpackIter { class: cls.clone(), fmt: f.clone(), data, pos: Mutex::new(0) };
    Ok(Value::from_native(Arc::new(it)))
}

/// `_struct.unpack_iterator`: the records of a buffer, one tuple per
/// `next()`, made lazily as CPython's (with a length hint).
struct UnpackIter {
    class: Arc<Class>,
    fmt: Format,
    data: Arc<Vec<u8>>,
    /// Byte offset of the next record.
    pos: Mutex<usize>,
}

impl UnpackIter {
    fn step(&self) -> Option<Value> {
        let mut pos = self.pos.lock();
        let rec = self.data.get(*pos..*pos + self.fmt.size)?;
        *pos += self.fmt.size;
        Some(unpack(&self.fmt, rec))
    }
}

impl crate::object::native::NativeObject for UnpackIter {
    fn class(&self) -> &Arc<Class> {
        &self.class
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn next_item(&self, _vm: &mut Vm, _this: &Value) -> Option<PyResult<Option<Value>>> {
        Some(Ok(self.step()))
    }
}

/// The `unpack_iterator` class: iterable, not instantiable from Python.
fn unpack_iter_class(vm: &Vm) -> Arc<Class> {
    let cls = new_builtin_class("unpack_iterator", std::slice::from_ref(&vm.rt.types.object), Layout::Opaque);
    cls.dict.set_item_str("__module__", Value::str("_struct"));
    // CPython's message, unbalanced quote included.
    def(&cls.dict, "__new__", |vm, _a| Err(vm.type_error("Cannot create 'unpack_iterator objects")));
    def(&cls.dict, "__iter__", |_vm, a| Ok(a.pos[0].clone()));
    fn this<'a>(vm: &Vm, a: &'a Args) -> PyResult<&'a UnpackIter> {
        a.native_self::<UnpackIter>()
            .ok_or_else(|| vm.type_error("descriptor requires a '_struct.unpack_iterator' object"))
    }
    def(&cls.dict, "__next__", |vm, a| this(vm, &a)?.step().ok_or_else(|| vm.stop_iteration(None)));
    def(&cls.dict, "__length_hint__", |vm, a| {
        let it = this(vm, &a)?;
        let left = it.data.len().saturating_sub(*it.pos.lock());
        Ok(Value::Int((left / it.fmt.size.max(1)) as i64))
    });
    cls
}

fn do_pack_into(ctx: &Ctx, vm: &mut Vm, f: &Format, a: &[Value]) -> PyResult {
    let Some(target) = a.first() else { return Err(ctx.error(vm, "pack_into expected buffer argument")) };
    let Some(offset) = a.get(1) else { return Err(ctx.error(vm, "pack_into expected offset argument")) };
    let offset = vm.ssize_index(offset)?;
    let mut record = vec![0u8; f.size];
    // Type of the target first, as CPython checks it before packing.
    let len = super::types_memoryview::with_writable(vm, target, |b| b.len())?;
    ctx.pack(vm, f, &a[2..], &mut record, "pack_into")?;
    let off = place(ctx, vm, offset, len, f.size, "pack_into")?;
    super::types_memoryview::with_writable(vm, target, |b| {
        if let Some(dst) = b.get_mut(off..off + record.len()) {
            dst.copy_from_slice(&record);
        }
    })?;
    Ok(Value::None)
}

fn prop(vm: &Vm, cls: &Arc<Class>, name: &str, f: fn(&StructObj) -> Value) {
    let getter = Vm::native(name, move |vm, a| match a.native_self::<StructObj>() {
        Some(s) => Ok(f(s)),
        None => Err(vm.type_error("descriptor requires a '_struct.Struct' object")),
    });
    super::readonly_property(vm, cls, name, getter);
}

/// Creates the `_struct` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("_struct"));
    d.set_item_str("__doc__", Value::str("Functions to convert between Python values and C structs."));
    let error = new_builtin_class("error", &[vm.rt.types.exc("Exception")], Layout::Exception);
    error.dict.set_item_str("__module__", Value::str("struct"));
    let ctx = Arc::new(Ctx { error: error.clone(), unpack_iter: Some(unpack_iter_class(vm)) });
    d.set_item_str("error", Value::Class(error));

    let cls = new_builtin_class("Struct", std::slice::from_ref(&vm.rt.types.object), Layout::Opaque);
    cls.dict.set_item_str("__module__", Value::str("_struct"));
    let (c, k) = (cls.clone(), ctx.clone());
    def(&cls.dict, "__new__", move |vm, mut a| {
        let fmt = a.arg(1, "format");
        let f = k.format_of(vm, fmt.as_ref())?;
        let class = match a.pos.first() {
            Some(Value::Class(cl)) => cl.clone(),
            _ => c.clone(),
        };
        Ok(Value::from_native(Arc::new(StructObj { class, fmt: f })))
    });
    def(&cls.dict, "__init__", |_vm, _a| Ok(Value::None));
    prop(vm, &cls, "format", |s| Value::str(&s.fmt.text));
    prop(vm, &cls, "size", |s| Value::Int(s.fmt.size as i64));
    let this = |vm: &mut Vm, a: &Args| -> PyResult<Format> {
        match a.native_self::<StructObj>() {
            Some(s) => Ok(s.fmt.clone()),
            None => Err(vm.type_error("descriptor requires a '_struct.Struct' object")),
        }
    };
    let k = ctx.clone();
    def(&cls.dict, "pack", move |vm, a| {
        let f = this(vm, &a)?;
        let mut out = vec![0u8; f.size];
        k.pack(vm, &f, &a.pos[1..], &mut out, "pack")?;
        Ok(Value::Bytes(Arc::new(out)))
    });
    let k = ctx.clone();
    def(&cls.dict, "pack_into", move |vm, a| {
        let f = this(vm, &a)?;
        do_pack_into(&k, vm, &f, &a.pos[1..])
    });
    let k = ctx.clone();
    def(&cls.dict, "unpack", move |vm, a| {
        let f = this(vm, &a)?;
        do_unpack(&k, vm, &f, a.pos.get(1))
    });
    let k = ctx.clone();
    def(&cls.dict, "unpack_from", move |vm, a| {
        let f = this(vm, &a)?;
        do_unpack_from(&k, vm, &f, a, 1)
    });
    let k = ctx.clone();
    def(&cls.dict, "iter_unpack", move |vm, a| {
        let f = this(vm, &a)?;
        do_iter_unpack(&k, vm, &f, a.pos.get(1))
    });
    d.set_item_str("Struct", Value::Class(cls));

    let k = ctx.clone();
    def(&d, "calcsize", move |vm, a| {
        a.check(vm, "calcsize", 1, 1)?;
        Ok(Value::Int(k.format_of(vm, a.pos.first())?.size as i64))
    });
    let k = ctx.clone();
    def(&d, "pack", move |vm, a| {
        if a.pos.is_empty() {
            return Err(vm.type_error("pack expected at least 1 argument, got 0"));
        }
        let f = k.format_of(vm, a.pos.first())?;
        let mut out = vec![0u8; f.size];
        k.pack(vm, &f, &a.pos[1..], &mut out, "pack")?;
        Ok(Value::Bytes(Arc::new(out)))
    });
    let k = ctx.clone();
    def(&d, "pack_into", move |vm, a| {
        if a.pos.is_empty() {
            return Err(vm.type_error("pack_into expected at least 1 argument, got 0"));
        }
        let f = k.format_of(vm, a.pos.first())?;
        do_pack_into(&k, vm, &f, &a.pos[1..])
    });
    let k = ctx.clone();
    def(&d, "unpack", move |vm, a| {
        a.check(vm, "unpack", 2, 2)?;
        let f = k.format_of(vm, a.pos.first())?;
        do_unpack(&k, vm, &f, a.pos.get(1))
    });
    let k = ctx.clone();
    def(&d, "unpack_from", move |vm, a| {
        let f = k.format_of(vm, a.pos.first())?;
        do_unpack_from(&k, vm, &f, a, 1)
    });
    let k = ctx.clone();
    def(&d, "iter_unpack", move |vm, a| {
        a.check(vm, "iter_unpack", 2, 2)?;
        let f = k.format_of(vm, a.pos.first())?;
        do_iter_unpack(&k, vm, &f, a.pos.get(1))
    });
    def(&d, "_clearcache", |_vm, _a| Ok(Value::None));
    Ok(Value::Module(Arc::new(Module::new(Arc::from("_struct"), d))))
}
