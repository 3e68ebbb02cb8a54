//! The `_bz2` module under CPython's bz2.py: `BZ2Compressor` and
//! `BZ2Decompressor` on the bzip2 crate (libbz2-rs-sys, a Rust port of
//! libbzip2, so the bytes are libbzip2's), with CPython 3.11's arguments,
//! attributes (`eof`, `unused_data`, `needs_input`), `max_length` and
//! messages. Large buffers are worked on with the GIL released.

use std::sync::Arc;

use bzip2::{Action, Compress, Compression, Decompress, Status};
use parking_lot::Mutex;

use super::compress_common::{DecompBuf, Engine, Step, lock_stream, maybe_nogil};
use super::method;
use super::native_util::{buffer_arg, bytes, int_arg, module};
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyErr, PyResult, Vm};

/// `_bz2.BZ2Compressor`: the stream, gone once flushed.
struct Compressor {
    c: Mutex<Option<Compress>>,
    class: Arc<Class>,
}

/// `_bz2.BZ2Decompressor`.
struct Decompressor {
    state: Mutex<(Decompress, DecompBuf)>,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(Compressor, Decompressor);

/// libbzip2's error as CPython's `catch_bz2_error` words it.
fn bz_error(vm: &Vm, e: bzip2::Error) -> PyErr {
    match e {
        bzip2::Error::Data | bzip2::Error::DataMagic => vm.err("OSError", "Invalid data stream"),
        bzip2::Error::Param => vm.value_error("Internal error - invalid parameters passed to libbzip2"),
        bzip2::Error::Sequence => {
            vm.err("RuntimeError", "Internal error - Invalid sequence of commands sent to libbzip2")
        }
    }
}

impl Engine for Decompress {
    type Err = bzip2::Error;
    fn step(&mut self, input: &[u8], out: &mut [u8]) -> Result<Step, bzip2::Error> {
        let (i, o) = (self.total_in(), self.total_out());
        let st = self.decompress(input, out)?;
        Ok(Step {
            consumed: (self.total_in() - i) as usize,
            produced: (self.total_out() - o) as usize,
            end: st == Status::StreamEnd,
        })
    }
}

/// Runs `input` through `c` with `action` until it is all consumed (or,
/// finishing, until the end of the stream is written).
fn compress_all(c: &mut Compress, input: &[u8], action: Action) -> Result<Vec<u8>, bzip2::Error> {
    let mut out: Vec<u8> = Vec::with_capacity(input.len() / 4 + 256);
    let mut pos = 0;
    loop {
        if out.capacity() - out.len() < 4096 {
            out.reserve(out.capacity().max(32 * 1024));
        }
        let before = c.total_in();
        let st = c.compress_vec(&input[pos..], &mut out, action)?;
        pos += (c.total_in() - before) as usize;
        let done = match action {
            Action::Finish => st == Status::StreamEnd,
            _ => pos == input.len(),
        };
        if done {
            return Ok(out);
        }
    }
}

fn comp_self<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a Compressor> {
    a.native_self().ok_or_else(|| vm.type_error("descriptor requires a '_bz2.BZ2Compressor' object"))
}

fn decomp_self<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a Decompressor> {
    a.native_self().ok_or_else(|| vm.type_error("descriptor requires a '_bz2.BZ2Decompressor' object"))
}

/// The class `__new__` was called on (a subclass, or the built-in one).
fn new_class(a: &Args, builtin: &Arc<Class>) -> Arc<Class> {
    match a.pos.first() {
        Some(Value::Class(c)) => c.clone(),
        _ => builtin.clone(),
    }
}

fn compressor_class(vm: &Vm) -> Arc<Class> {
    let cls = new_builtin_class("BZ2Compressor", std::slice::from_ref(&vm.rt.types.object), Layout::NativeNew);
    cls.dict.set_item_str("__module__", Value::str("_bz2"));
    let c = cls.clone();
    super::def(&cls.dict, "__new__", move |vm, a| {
        if !a.kw.is_empty() {
            return Err(vm.type_error("BZ2Compressor() takes no keyword arguments"));
        }
        let n = a.pos.len().saturating_sub(1);
        if n > 1 {
            return Err(vm.type_error(&format!("BZ2Compressor expected at most 1 argument, got {n}")));
        }
        let level = match a.pos.get(1) {
            Some(v) => int_arg(vm, v)?,
            None => 9,
        };
        if !(1..=9).contains(&level) {
            return Err(vm.value_error("compresslevel must be between 1 and 9"));
        }
        let comp = Compress::new(Compression::new(level as u32), 0);
        Ok(Value::from_native(Arc::new(Compressor { c: Mutex::new(Some(comp)), class: new_class(&a, &c) })))
    });
    super::def(&cls.dict, "__init__", |_vm, _a| Ok(Value::None));
    method(&cls, "compress", |vm, a| {
        a.posonly(vm, "compress", 2, 2)?;
        let data = buffer_arg(vm, &a.pos[1])?;
        let o = comp_self(vm, &a)?;
        let mut g = lock_stream(vm, &o.c);
        let Some(c) = g.as_mut() else {
            drop(g);
            return Err(vm.value_error("Compressor has been flushed"));
        };
        let r = maybe_nogil(vm, data.len(), || compress_all(c, &data, Action::Run));
        drop(g);
        r.map(bytes).map_err(|e| bz_error(vm, e))
    });
    method(&cls, "flush", |vm, a| {
        a.posonly(vm, "flush", 1, 1)?;
        let o = comp_self(vm, &a)?;
        let mut g = lock_stream(vm, &o.c);
        let Some(mut c) = g.take() else {
            drop(g);
            return Err(vm.value_error("Repeated call to flush()"));
        };
        drop(g);
        // The last block is compressed now: up to 900 kB of sorting.
        let r = maybe_nogil(vm, usize::MAX, || compress_all(&mut c, &[], Action::Finish));
        r.map(bytes).map_err(|e| bz_error(vm, e))
    });
    cls
}

fn decompressor_class(vm: &Vm) -> Arc<Class> {
    let cls = new_builtin_class("BZ2Decompressor", std::slice::from_ref(&vm.rt.types.object), Layout::NativeNew);
    cls.dict.set_item_str("__module__", Value::str("_bz2"));
    let c = cls.clone();
    super::def(&cls.dict, "__new__", move |vm, a| {
        if a.pos.len() > 1 {
            return Err(vm.type_error("BZ2Decompressor() takes no positional arguments"));
        }
        if !a.kw.is_empty() {
            return Err(vm.type_error("BZ2Decompressor() takes no keyword arguments"));
        }
        let st = (Decompress::new(false), DecompBuf::new());
        Ok(Value::from_native(Arc::new(Decompressor { state: Mutex::new(st), class: new_class(&a, &c) })))
    });
    super::def(&cls.dict, "__init__", |_vm, _a| Ok(Value::None));
    method(&cls, "decompress", |vm, a| {
        let rest = Args::with_kw(a.pos[1..].to_vec(), a.kw.clone());
        if rest.pos.len() > 2 {
            let n = rest.pos.len();
            return Err(vm.type_error(&format!("decompress() takes at most 2 arguments ({n} given)")));
        }
        let s = rest.clinic_slots(vm, "decompress", &["data", "max_length"], 1)?;
        let data = buffer_arg(vm, s[0].as_ref().expect("required"))?;
        let max = match &s[1] {
            Some(v) => int_arg(vm, v)?,
            None => -1,
        };
        let o = decomp_self(vm, &a)?;
        let mut g = lock_stream(vm, &o.state);
        let (d, buf) = &mut *g;
        if buf.eof {
            drop(g);
            return Err(vm.err("EOFError", "End of stream already reached"));
        }
        let work = data.len() + buf.pending.len();
        let r = maybe_nogil(vm, work, || buf.decompress(d, &data, max));
        drop(g);
        r.map(bytes).map_err(|e| bz_error(vm, e))
    });
    let rt = vm.rt.clone();
    super::types_num::prop(&rt, &cls, "eof", |vm, a| {
        let o = decomp_self(vm, &a)?;
        Ok(Value::Bool(lock_stream(vm, &o.state).1.eof))
    });
    super::types_num::prop(&rt, &cls, "needs_input", |vm, a| {
        let o = decomp_self(vm, &a)?;
        Ok(Value::Bool(lock_stream(vm, &o.state).1.needs_input))
    });
    super::types_num::prop(&rt, &cls, "unused_data", |vm, a| {
        let o = decomp_self(vm, &a)?;
        Ok(bytes(lock_stream(vm, &o.state).1.unused_data.clone()))
    });
    cls
}

/// Creates the `_bz2` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("BZ2Compressor", Value::Class(compressor_class(vm)));
    d.set_item_str("BZ2Decompressor", Value::Class(decompressor_class(vm)));
    Ok(module("_bz2", d))
}
