//! The `_lzma` module under CPython's lzma.py: `LZMACompressor` and
//! `LZMADecompressor` over liblzma (the xz library, built from the bundled
//! source of liblzma-sys) for the .xz, legacy .lzma and raw formats with any
//! filter chain, `is_check_supported`, the filter-property helpers, the
//! constants and `LZMAError`, with CPython 3.11's arguments and messages.
//! Large buffers are worked on with the GIL released.

use std::sync::Arc;

use liblzma_sys as lz;
use parking_lot::Mutex;

use super::compress_common::{DecompBuf, Engine, Step, lock_stream, maybe_nogil};
use super::lzma_filters::{Chain, decode_properties, encode_properties, lzma_error, parse_chain};
use super::method;
use super::native_util::{buffer_arg, bytes, exc_class, module};
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

const FORMAT_AUTO: i64 = 0;
const FORMAT_XZ: i64 = 1;
const FORMAT_ALONE: i64 = 2;
const FORMAT_RAW: i64 = 3;
const CHECK_UNKNOWN: i64 = 16;

/// A liblzma coder (`lzma_stream`), ended when dropped.
struct Stream {
    s: Box<lz::lzma_stream>,
    /// The integrity check of the stream being decoded (`check`).
    check: i64,
}

// SAFETY: the coder's state is only reached through this owner.
unsafe impl Send for Stream {}

impl Drop for Stream {
    fn drop(&mut self) {
        // SAFETY: the stream was initialised by a liblzma coder (or is
        // all-zero, which lzma_end accepts).
        unsafe { lz::lzma_end(&mut *self.s) };
    }
}

impl Stream {
    fn new(check: i64) -> Stream {
        // SAFETY: LZMA_STREAM_INIT is all zeros.
        Stream { s: Box::new(unsafe { std::mem::zeroed() }), check }
    }

    /// One `lzma_code` call: (return code, consumed, produced).
    fn code(&mut self, input: &[u8], out: &mut [u8], action: lz::lzma_action) -> (lz::lzma_ret, usize, usize) {
        let s = &mut *self.s;
        s.next_in = input.as_ptr();
        s.avail_in = input.len();
        s.next_out = out.as_mut_ptr();
        s.avail_out = out.len();
        // SAFETY: the buffers outlive the call; the stream is initialised.
        let r = unsafe { lz::lzma_code(s, action) };
        let (ai, ao) = (s.avail_in, s.avail_out);
        s.next_in = std::ptr::null();
        s.next_out = std::ptr::null_mut();
        (r, input.len() - ai, out.len() - ao)
    }

    /// Compresses all of `input` with `action` (RUN, or FINISH to the end).
    fn compress_all(&mut self, input: &[u8], action: lz::lzma_action) -> Result<Vec<u8>, lz::lzma_ret> {
        let mut out: Vec<u8> = Vec::new();
        let mut pos = 0;
        let mut chunk = 8192usize;
        loop {
            let start = out.len();
            out.resize(start + chunk, 0);
            let (mut r, c, p) = self.code(&input[pos..], &mut out[start..], action);
            pos += c;
            out.truncate(start + p);
            if r == lz::LZMA_BUF_ERROR && pos == input.len() && p < chunk {
                r = lz::LZMA_OK;
            }
            if r != lz::LZMA_OK && r != lz::LZMA_STREAM_END {
                return Err(r);
            }
            let done = if action == lz::LZMA_FINISH { r == lz::LZMA_STREAM_END } else { pos == input.len() };
            if done {
                return Ok(out);
            }
            if p == chunk {
                chunk = (chunk * 2).min(1 << 22);
            }
        }
    }
}

impl Engine for Stream {
    type Err = lz::lzma_ret;
    fn step(&mut self, input: &[u8], out: &mut [u8]) -> Result<Step, lz::lzma_ret> {
        let (r, consumed, produced) = self.code(input, out, lz::LZMA_RUN);
        let step = Step { consumed, produced, end: r == lz::LZMA_STREAM_END };
        match r {
            lz::LZMA_OK | lz::LZMA_STREAM_END => Ok(step),
            lz::LZMA_GET_CHECK | lz::LZMA_NO_CHECK => {
                // SAFETY: a decoder that has read the stream header.
                self.check = unsafe { lz::lzma_get_check(&*self.s) } as i64;
                Ok(step)
            }
            // No more input, room left: the decoder waits for input.
            lz::LZMA_BUF_ERROR if consumed == input.len() && produced < out.len() => Ok(step),
            r => Err(r),
        }
    }
}

/// `_lzma.LZMACompressor`: the coder, gone once flushed.
struct Compressor {
    s: Mutex<Option<Stream>>,
    class: Arc<Class>,
}

/// `_lzma.LZMADecompressor`.
struct Decompressor {
    state: Mutex<(Stream, DecompBuf)>,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(Compressor, Decompressor);

fn comp_self<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a Compressor> {
    a.native_self().ok_or_else(|| vm.type_error("descriptor requires a '_lzma.LZMACompressor' object"))
}

fn decomp_self<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a Decompressor> {
    a.native_self().ok_or_else(|| vm.type_error("descriptor requires a '_lzma.LZMADecompressor' object"))
}

fn new_class(a: &Args, builtin: &Arc<Class>) -> Arc<Class> {
    match a.pos.first() {
        Some(Value::Class(c)) => c.clone(),
        _ => builtin.clone(),
    }
}

/// An int argument (None counts as absent).
fn opt_int(vm: &mut Vm, v: &Option<Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => super::native_util::int_arg(vm, v).map(Some),
    }
}

/// Starts the encoder `LZMACompressor(format, check, preset, filters)` asks for.
fn init_encoder(vm: &mut Vm, err: &Arc<Class>, s: &[Option<Value>]) -> PyResult<Stream> {
    let format = opt_int(vm, &s[0])?.unwrap_or(FORMAT_XZ);
    let check = opt_int(vm, &s[1])?.unwrap_or(-1);
    let preset = match opt_int(vm, &s[2])? {
        Some(n) if n < 0 => return Err(vm.overflow_error("can't convert negative int to unsigned")),
        Some(n) if n > u32::MAX as i64 => return Err(vm.overflow_error("Value too large for uint32_t type")),
        p => p,
    };
    let filters = s[3].clone().filter(|v| !v.is_none());
    if format != FORMAT_XZ && check != -1 && check != lz::LZMA_CHECK_NONE as i64 {
        return Err(vm.value_error("Integrity checks are only supported by FORMAT_XZ"));
    }
    if preset.is_some() && filters.is_some() {
        return Err(vm.value_error("Cannot specify both preset and filter chain"));
    }
    let preset = preset.unwrap_or(lz::LZMA_PRESET_DEFAULT as i64) as u32;
    let mut st = Stream::new(CHECK_UNKNOWN);
    let r = match format {
        FORMAT_XZ => {
            let check = if check == -1 { lz::LZMA_CHECK_CRC64 } else { check as lz::lzma_check };
            match &filters {
                // SAFETY: a zeroed stream; liblzma initialises it.
                None => unsafe { lz::lzma_easy_encoder(&mut *st.s, preset, check) },
                Some(f) => {
                    let chain = parse_chain(vm, err, f)?;
                    // SAFETY: as above; the chain outlives the call.
                    unsafe { lz::lzma_stream_encoder(&mut *st.s, chain.as_ptr(), check) }
                }
            }
        }
        FORMAT_ALONE => {
            let chain: Chain = match &filters {
                None => {
                    let spec = Dict::new();
                    spec.set_item_str("id", Value::Int(lz::LZMA_FILTER_LZMA1 as i64));
                    spec.set_item_str("preset", Value::Int(preset as i64));
                    super::lzma_filters::parse_single(vm, err, &Value::Dict(Arc::new(spec)))?
                }
                Some(f) => parse_chain(vm, err, f)?,
            };
            if chain.len() != 1 || chain.id(0) != lz::LZMA_FILTER_LZMA1 {
                return Err(vm.value_error("Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter"));
            }
            // SAFETY: the chain's one filter holds lzma_options_lzma.
            unsafe {
                let opts = (*chain.as_ptr()).options as *const lz::lzma_options_lzma;
                lz::lzma_alone_encoder(&mut *st.s, opts)
            }
        }
        FORMAT_RAW => {
            let Some(f) = &filters else {
                return Err(vm.value_error("Must specify filters for FORMAT_RAW"));
            };
            let chain = parse_chain(vm, err, f)?;
            // SAFETY: as above.
            unsafe { lz::lzma_raw_encoder(&mut *st.s, chain.as_ptr()) }
        }
        _ => return Err(vm.value_error(&format!("Invalid container format: {format}"))),
    };
    match lzma_error(vm, err, r) {
        Some(e) => Err(e),
        None => Ok(st),
    }
}

/// Starts the decoder `LZMADecompressor(format, memlimit, filters)` asks for.
fn init_decoder(vm: &mut Vm, err: &Arc<Class>, s: &[Option<Value>]) -> PyResult<Stream> {
    let format = opt_int(vm, &s[0])?.unwrap_or(FORMAT_AUTO);
    let memlimit = match &s[1] {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = crate::vm::numeric::to_big(v).ok_or_else(|| {
                let tn = vm.type_name(v);
                vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer"))
            })?;
            Some(u64::try_from(n).map_err(|_| vm.overflow_error("Value too large for uint64_t type"))?)
        }
    };
    let filters = s[2].clone().filter(|v| !v.is_none());
    if memlimit.is_some() && format == FORMAT_RAW {
        return Err(vm.value_error("Cannot specify memory limit with FORMAT_RAW"));
    }
    if format == FORMAT_RAW && filters.is_none() {
        return Err(vm.value_error("Must specify filters for FORMAT_RAW"));
    }
    if format != FORMAT_RAW && filters.is_some() {
        return Err(vm.value_error("Cannot specify filters except with FORMAT_RAW"));
    }
    let memlimit = memlimit.unwrap_or(u64::MAX);
    let flags = lz::LZMA_TELL_ANY_CHECK | lz::LZMA_TELL_NO_CHECK;
    let mut st = Stream::new(CHECK_UNKNOWN);
    // SAFETY (each arm): a zeroed stream; liblzma initialises it.
    let r = match format {
        FORMAT_AUTO => unsafe { lz::lzma_auto_decoder(&mut *st.s, memlimit, flags) },
        FORMAT_XZ => unsafe { lz::lzma_stream_decoder(&mut *st.s, memlimit, flags) },
        FORMAT_ALONE => {
            st.check = lz::LZMA_CHECK_NONE as i64;
            unsafe { lz::lzma_alone_decoder(&mut *st.s, memlimit) }
        }
        FORMAT_RAW => {
            st.check = lz::LZMA_CHECK_NONE as i64;
            let chain = parse_chain(vm, err, filters.as_ref().expect("checked"))?;
            unsafe { lz::lzma_raw_decoder(&mut *st.s, chain.as_ptr()) }
        }
        _ => return Err(vm.value_error(&format!("Invalid container format: {format}"))),
    };
    match lzma_error(vm, err, r) {
        Some(e) => Err(e),
        None => Ok(st),
    }
}

fn compressor_class(vm: &Vm, err: &Arc<Class>) -> Arc<Class> {
    let cls = new_builtin_class("LZMACompressor", std::slice::from_ref(&vm.rt.types.object), Layout::NativeNew);
    cls.dict.set_item_str("__module__", Value::str("_lzma"));
    let (c, e) = (cls.clone(), err.clone());
    super::def(&cls.dict, "__new__", move |vm, a| {
        let rest = Args::with_kw(a.pos[1..].to_vec(), a.kw.clone());
        if rest.pos.len() > 4 {
            let n = rest.pos.len();
            return Err(vm.type_error(&format!("LZMACompressor() takes at most 4 arguments ({n} given)")));
        }
        let names = ["format", "check", "preset", "filters"];
        if let Some((k, _)) = rest.kw.iter().find(|(k, _)| !names.contains(&k.as_str())) {
            let k = k.as_str().to_string();
            return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for LZMACompressor()")));
        }
        let s = rest.clinic_slots(vm, "LZMACompressor", &names, 0)?;
        let st = init_encoder(vm, &e, &s)?;
        Ok(Value::from_native(Arc::new(Compressor { s: Mutex::new(Some(st)), class: new_class(&a, &c) })))
    });
    super::def(&cls.dict, "__init__", |_vm, _a| Ok(Value::None));
    let e = err.clone();
    method(&cls, "compress", move |vm, a| {
        a.posonly(vm, "compress", 2, 2)?;
        let data = buffer_arg(vm, &a.pos[1])?;
        let o = comp_self(vm, &a)?;
        let mut g = lock_stream(vm, &o.s);
        let Some(st) = g.as_mut() else {
            drop(g);
            return Err(vm.value_error("Compressor has been flushed"));
        };
        let r = maybe_nogil(vm, data.len(), || st.compress_all(&data, lz::LZMA_RUN));
        drop(g);
        r.map(bytes).map_err(|r| lzma_error(vm, &e, r).unwrap_or_else(|| vm.runtime_error("liblzma")))
    });
    let e = err.clone();
    method(&cls, "flush", move |vm, a| {
        a.posonly(vm, "flush", 1, 1)?;
        let o = comp_self(vm, &a)?;
        let mut g = lock_stream(vm, &o.s);
        let Some(mut st) = g.take() else {
            drop(g);
            return Err(vm.value_error("Repeated call to flush()"));
        };
        drop(g);
        let r = maybe_nogil(vm, usize::MAX, || st.compress_all(&[], lz::LZMA_FINISH));
        r.map(bytes).map_err(|r| lzma_error(vm, &e, r).unwrap_or_else(|| vm.runtime_error("liblzma")))
    });
    cls
}

fn decompressor_class(vm: &Vm, err: &Arc<Class>) -> Arc<Class> {
    let cls = new_builtin_class("LZMADecompressor", std::slice::from_ref(&vm.rt.types.object), Layout::NativeNew);
    cls.dict.set_item_str("__module__", Value::str("_lzma"));
    let (c, e) = (cls.clone(), err.clone());
    super::def(&cls.dict, "__new__", move |vm, a| {
        let rest = Args::with_kw(a.pos[1..].to_vec(), a.kw.clone());
        if rest.pos.len() > 3 {
            let n = rest.pos.len();
            return Err(vm.type_error(&format!("LZMADecompressor() takes at most 3 arguments ({n} given)")));
        }
        let s = rest.clinic_slots(vm, "LZMADecompressor", &["format", "memlimit", "filters"], 0)?;
        let st = init_decoder(vm, &e, &s)?;
        let state = Mutex::new((st, DecompBuf::new()));
        Ok(Value::from_native(Arc::new(Decompressor { state, class: new_class(&a, &c) })))
    });
    super::def(&cls.dict, "__init__", |_vm, _a| Ok(Value::None));
    let e = err.clone();
    method(&cls, "decompress", move |vm, a| {
        let rest = Args::with_kw(a.pos[1..].to_vec(), a.kw.clone());
        if rest.pos.len() > 2 {
            let n = rest.pos.len();
            return Err(vm.type_error(&format!("decompress() takes at most 2 arguments ({n} given)")));
        }
        let s = rest.clinic_slots(vm, "decompress", &["data", "max_length"], 1)?;
        let data = buffer_arg(vm, s[0].as_ref().expect("required"))?;
        let max = opt_int(vm, &s[1])?.unwrap_or(-1);
        let o = decomp_self(vm, &a)?;
        let mut g = lock_stream(vm, &o.state);
        let (st, buf) = &mut *g;
        if buf.eof {
            drop(g);
            return Err(vm.err("EOFError", "End of stream already reached"));
        }
        let work = data.len() + buf.pending.len();
        let r = maybe_nogil(vm, work, || buf.decompress(st, &data, max));
        drop(g);
        r.map(bytes).map_err(|r| lzma_error(vm, &e, r).unwrap_or_else(|| vm.runtime_error("liblzma")))
    });
    let rt = vm.rt.clone();
    super::types_num::prop(&rt, &cls, "check", |vm, a| {
        let o = decomp_self(vm, &a)?;
        Ok(Value::Int(lock_stream(vm, &o.state).0.check))
    });
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

/// Creates the `_lzma` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    let err = exc_class(vm, "_lzma", "LZMAError", &["Exception"])?;
    d.set_item_str("LZMAError", Value::Class(err.clone()));
    for (k, v) in [
        ("CHECK_CRC32", 1),
        ("CHECK_CRC64", 4),
        ("CHECK_ID_MAX", 15),
        ("CHECK_NONE", 0),
        ("CHECK_SHA256", 10),
        ("CHECK_UNKNOWN", CHECK_UNKNOWN),
        ("FILTER_ARM", lz::LZMA_FILTER_ARM as i64),
        ("FILTER_ARMTHUMB", lz::LZMA_FILTER_ARMTHUMB as i64),
        ("FILTER_DELTA", lz::LZMA_FILTER_DELTA as i64),
        ("FILTER_IA64", lz::LZMA_FILTER_IA64 as i64),
        ("FILTER_LZMA1", lz::LZMA_FILTER_LZMA1 as i64),
        ("FILTER_LZMA2", lz::LZMA_FILTER_LZMA2 as i64),
        ("FILTER_POWERPC", lz::LZMA_FILTER_POWERPC as i64),
        ("FILTER_SPARC", lz::LZMA_FILTER_SPARC as i64),
        ("FILTER_X86", lz::LZMA_FILTER_X86 as i64),
        ("FORMAT_ALONE", FORMAT_ALONE),
        ("FORMAT_AUTO", FORMAT_AUTO),
        ("FORMAT_RAW", FORMAT_RAW),
        ("FORMAT_XZ", FORMAT_XZ),
        ("MF_BT2", lz::LZMA_MF_BT2 as i64),
        ("MF_BT3", lz::LZMA_MF_BT3 as i64),
        ("MF_BT4", lz::LZMA_MF_BT4 as i64),
        ("MF_HC3", lz::LZMA_MF_HC3 as i64),
        ("MF_HC4", lz::LZMA_MF_HC4 as i64),
        ("MODE_FAST", lz::LZMA_MODE_FAST as i64),
        ("MODE_NORMAL", lz::LZMA_MODE_NORMAL as i64),
        ("PRESET_DEFAULT", lz::LZMA_PRESET_DEFAULT as i64),
        ("PRESET_EXTREME", lz::LZMA_PRESET_EXTREME as i64),
    ] {
        d.set_item_str(k, Value::Int(v));
    }
    d.set_item_str("LZMACompressor", Value::Class(compressor_class(vm, &err)));
    d.set_item_str("LZMADecompressor", Value::Class(decompressor_class(vm, &err)));
    super::def(&d, "is_check_supported", |vm, a| {
        a.posonly(vm, "is_check_supported", 1, 1)?;
        let id = super::native_util::int_arg(vm, &a.pos[0])?;
        // SAFETY: a plain query.
        let ok = (0..=15).contains(&id) && unsafe { lz::lzma_check_is_supported(id as lz::lzma_check) } != 0;
        Ok(Value::Bool(ok))
    });
    let e = err.clone();
    super::def(&d, "_encode_filter_properties", move |vm, a| {
        a.posonly(vm, "_encode_filter_properties", 1, 1)?;
        encode_properties(vm, &e, &a.pos[0])
    });
    let e = err.clone();
    super::def(&d, "_decode_filter_properties", move |vm, a| {
        a.posonly(vm, "_decode_filter_properties", 2, 2)?;
        let id = match crate::vm::numeric::to_big(&a.pos[0]).map(u64::try_from) {
            Some(Ok(id)) => id,
            Some(Err(_)) => return Err(vm.overflow_error("Value too large for lzma_vli type")),
            None => return Err(vm.type_error("an integer is required")),
        };
        let props = buffer_arg(vm, &a.pos[1])?;
        decode_properties(vm, &e, id, &props)
    });
    Ok(module("_lzma", d))
}
