//! `_lzma`'s filter chains: Python filter specifiers (`{"id": FILTER_LZMA2,
//! "preset": 9, …}`) turned into liblzma's `lzma_filter` array with owned
//! options, CPython 3.11's messages for bad ones, and back to dicts for
//! `_decode_filter_properties`; liblzma's return codes as `LZMAError`s.

use std::sync::Arc;

use liblzma_sys as lz;

use crate::object::class::Class;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// liblzma allows at most this many filters in a chain.
const FILTERS_MAX: usize = 4;
/// The id that ends a filter array.
const VLI_UNKNOWN: u64 = u64::MAX;

const BCJ_IDS: [u64; 6] = [
    lz::LZMA_FILTER_X86,
    lz::LZMA_FILTER_POWERPC,
    lz::LZMA_FILTER_IA64,
    lz::LZMA_FILTER_ARM,
    lz::LZMA_FILTER_ARMTHUMB,
    lz::LZMA_FILTER_SPARC,
];

/// One filter's options, owned (liblzma copies them when a coder starts).
enum Opts {
    Lzma(Box<lz::lzma_options_lzma>),
    Delta(Box<lz::lzma_options_delta>),
    Bcj(Box<lz::lzma_options_bcj>),
}

/// A filter chain ready for liblzma: `raw` ends with `LZMA_VLI_UNKNOWN` and
/// points into `_opts`, which lives as long as the chain.
pub struct Chain {
    _opts: Vec<Opts>,
    raw: Vec<lz::lzma_filter>,
}

// SAFETY: the raw pointers point into the boxes the chain owns; nothing
// else shares them.
unsafe impl Send for Chain {}

impl Chain {
    fn new(opts: Vec<(u64, Opts)>) -> Chain {
        let mut owned = Vec::new();
        let mut raw = Vec::new();
        for (id, mut o) in opts {
            let p: *mut std::ffi::c_void = match &mut o {
                Opts::Lzma(b) => &mut **b as *mut lz::lzma_options_lzma as *mut _,
                Opts::Delta(b) => &mut **b as *mut lz::lzma_options_delta as *mut _,
                Opts::Bcj(b) => &mut **b as *mut lz::lzma_options_bcj as *mut _,
            };
            raw.push(lz::lzma_filter { id, options: p });
            owned.push(o);
        }
        raw.push(lz::lzma_filter { id: VLI_UNKNOWN, options: std::ptr::null_mut() });
        Chain { _opts: owned, raw }
    }

    /// The array liblzma reads.
    pub fn as_ptr(&self) -> *const lz::lzma_filter {
        self.raw.as_ptr()
    }

    /// How many filters (the terminator not counted).
    pub fn len(&self) -> usize {
        self.raw.len() - 1
    }

    /// True for a chain of no filters.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The id of filter `i`.
    pub fn id(&self, i: usize) -> u64 {
        self.raw[i].id
    }
}

/// An `LZMAError` (or `MemoryError`) for liblzma's return code, as
/// CPython's `catch_lzma_error`; `None` when the code is not an error.
pub fn lzma_error(vm: &Vm, err: &Arc<Class>, ret: lz::lzma_ret) -> Option<PyErr> {
    let msg = match ret {
        lz::LZMA_OK | lz::LZMA_GET_CHECK | lz::LZMA_NO_CHECK | lz::LZMA_STREAM_END => return None,
        lz::LZMA_UNSUPPORTED_CHECK => "Unsupported integrity check".to_string(),
        lz::LZMA_MEM_ERROR => return Some(vm.memory_error()),
        lz::LZMA_MEMLIMIT_ERROR => "Memory usage limit exceeded".to_string(),
        lz::LZMA_FORMAT_ERROR => "Input format not supported by decoder".to_string(),
        lz::LZMA_OPTIONS_ERROR => "Invalid or unsupported options".to_string(),
        lz::LZMA_DATA_ERROR => "Corrupt input data".to_string(),
        lz::LZMA_BUF_ERROR => "Insufficient buffer space".to_string(),
        lz::LZMA_PROG_ERROR => "Internal error".to_string(),
        n => format!("Unrecognized error from liblzma: {n}"),
    };
    Some(super::native_util::raise(vm, err, &msg))
}

/// A non-negative int that fits `u32`, or None (the caller words the error).
fn u32_of(vm: &mut Vm, v: &Value) -> Option<u32> {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Boolean(_) => {}
        _ => return None,
    }
    vm.index_of(v).ok().and_then(|n| u32::try_from(n).ok())
}

/// The items of a filter specifier (a dict or dict subclass).
fn spec_items(vm: &mut Vm, spec: &Value) -> PyResult<Vec<(Value, Value)>> {
    let d = match spec {
        Value::Dict(d) => Some(d.clone()),
        Value::Instance(_) => match crate::vm::ops::payload_of(spec) {
            Some(Value::Dict(d)) => Some(d),
            _ => None,
        },
        _ => None,
    };
    match d {
        Some(d) => Ok(d.snapshot().items()),
        None => Err(vm.type_error("Filter specifier must be a dict or dict-like object")),
    }
}

/// The filter id of a specifier (`"id"` entry).
fn spec_id(vm: &mut Vm, items: &[(Value, Value)]) -> PyResult<u64> {
    let Some((_, v)) = items.iter().find(|(k, _)| matches!(k, Value::Str(s) if s.as_str() == "id")) else {
        return Err(vm.value_error("Filter specifier must have an \"id\" entry"));
    };
    let b = match v {
        Value::Int(_) | Value::BigInt(_) | Value::Boolean(_) => crate::vm::numeric::to_big(v),
        _ => None,
    };
    let Some(b) = b else {
        return Err(vm.type_error("an integer is required"));
    };
    u64::try_from(b).map_err(|_| vm.overflow_error("Value too large for lzma_vli type"))
}

/// The other entries of a specifier, each a u32 among `allowed`, or
/// `Invalid filter specifier for {what} filter`.
fn spec_u32s(vm: &mut Vm, items: &[(Value, Value)], allowed: &[&str], what: &str) -> PyResult<Vec<(String, u32)>> {
    let mut out = Vec::new();
    for (k, v) in items {
        let name = match k {
            Value::Str(s) => s.as_str().to_string(),
            _ => String::new(),
        };
        if name == "id" {
            continue;
        }
        let val = if allowed.contains(&name.as_str()) { u32_of(vm, v) } else { None };
        match val {
            Some(n) => out.push((name, n)),
            None => return Err(vm.value_error(&format!("Invalid filter specifier for {what} filter"))),
        }
    }
    Ok(out)
}

fn parse_one(vm: &mut Vm, err: &Arc<Class>, spec: &Value) -> PyResult<(u64, Opts)> {
    let items = spec_items(vm, spec)?;
    let id = spec_id(vm, &items)?;
    if id == lz::LZMA_FILTER_LZMA1 || id == lz::LZMA_FILTER_LZMA2 {
        let names = ["preset", "dict_size", "lc", "lp", "pb", "mode", "nice_len", "mf", "depth"];
        let vals = spec_u32s(vm, &items, &names, "LZMA")?;
        let preset = vals.iter().find(|(k, _)| k == "preset").map_or(lz::LZMA_PRESET_DEFAULT, |(_, v)| *v);
        // SAFETY: an all-zero lzma_options_lzma is a valid value to fill.
        let mut o: Box<lz::lzma_options_lzma> = Box::new(unsafe { std::mem::zeroed() });
        // SAFETY: `o` is a valid options struct; liblzma fills it in.
        if unsafe { lz::lzma_lzma_preset(&mut *o, preset) } != 0 {
            return Err(super::native_util::raise(vm, err, &format!("Invalid compression preset: {preset}")));
        }
        for (k, v) in vals {
            match k.as_str() {
                "dict_size" => o.dict_size = v,
                "lc" => o.lc = v,
                "lp" => o.lp = v,
                "pb" => o.pb = v,
                "mode" => o.mode = v as _,
                "nice_len" => o.nice_len = v,
                "mf" => o.mf = v as _,
                "depth" => o.depth = v,
                _ => {}
            }
        }
        return Ok((id, Opts::Lzma(o)));
    }
    if id == lz::LZMA_FILTER_DELTA {
        let vals = spec_u32s(vm, &items, &["dist"], "delta")?;
        // SAFETY: all-zero is a valid lzma_options_delta (type BYTE).
        let mut o: Box<lz::lzma_options_delta> = Box::new(unsafe { std::mem::zeroed() });
        o.type_ = lz::lzma_delta_type_LZMA_DELTA_TYPE_BYTE;
        o.dist = vals.first().map_or(1, |(_, v)| *v);
        return Ok((id, Opts::Delta(o)));
    }
    if BCJ_IDS.contains(&id) {
        let vals = spec_u32s(vm, &items, &["start_offset"], "BCJ")?;
        let o = Box::new(lz::lzma_options_bcj { start_offset: vals.first().map_or(0, |(_, v)| *v) });
        return Ok((id, Opts::Bcj(o)));
    }
    Err(vm.value_error(&format!("Invalid filter ID: {id}")))
}

/// A filter chain from a Python sequence of specifiers.
pub fn parse_chain(vm: &mut Vm, err: &Arc<Class>, filters: &Value) -> PyResult<Chain> {
    // A sequence: a dict's length does not count (CPython's PySequence_Size).
    if let Value::Dict(_) = filters {
        return Err(vm.type_error("object of type 'dict' has no len()"));
    }
    let n = vm.len_of(filters)?;
    if n > FILTERS_MAX {
        return Err(vm.value_error("Too many filters - liblzma supports a maximum of 4"));
    }
    let mut opts = Vec::with_capacity(n);
    for i in 0..n {
        let spec = vm.get_item(filters, &Value::Int(i as i64))?;
        opts.push(parse_one(vm, err, &spec)?);
    }
    Ok(Chain::new(opts))
}

/// A one-filter chain from one specifier (`_encode_filter_properties`).
pub fn parse_single(vm: &mut Vm, err: &Arc<Class>, spec: &Value) -> PyResult<Chain> {
    let one = parse_one(vm, err, spec)?;
    Ok(Chain::new(vec![one]))
}

/// `_lzma._encode_filter_properties(filter)`: the filter's properties as
/// the .xz and .7z headers store them.
pub fn encode_properties(vm: &mut Vm, err: &Arc<Class>, spec: &Value) -> PyResult<Value> {
    let chain = parse_single(vm, err, spec)?;
    let mut size: u32 = 0;
    // SAFETY: the chain's first filter and its options are valid.
    let r = unsafe { lz::lzma_properties_size(&mut size, chain.as_ptr()) };
    if let Some(e) = lzma_error(vm, err, r) {
        return Err(e);
    }
    let mut out = vec![0u8; size as usize];
    // SAFETY: `out` has the `size` bytes liblzma asked for.
    let r = unsafe { lz::lzma_properties_encode(chain.as_ptr(), out.as_mut_ptr()) };
    if let Some(e) = lzma_error(vm, err, r) {
        return Err(e);
    }
    Ok(Value::Bytes(Arc::new(out)))
}

/// `_lzma._decode_filter_properties(filter_id, encoded_props)`: a filter
/// specifier dict with the options the properties encode.
pub fn decode_properties(vm: &mut Vm, err: &Arc<Class>, id: u64, props: &[u8]) -> PyResult<Value> {
    let mut f = lz::lzma_filter { id, options: std::ptr::null_mut() };
    // SAFETY: liblzma allocates the options (malloc) into `f`.
    let r = unsafe { lz::lzma_properties_decode(&mut f, std::ptr::null(), props.as_ptr(), props.len()) };
    if let Some(e) = lzma_error(vm, err, r) {
        return Err(e);
    }
    let d = Dict::new();
    d.set_item_str("id", Value::Int(id as i64));
    let p = f.options;
    if !p.is_null() {
        // SAFETY: liblzma made `p` an options struct of the kind `id` names.
        unsafe {
            if id == lz::LZMA_FILTER_LZMA1 {
                let o = &*(p as *const lz::lzma_options_lzma);
                d.set_item_str("lc", Value::Int(o.lc as i64));
                d.set_item_str("lp", Value::Int(o.lp as i64));
                d.set_item_str("pb", Value::Int(o.pb as i64));
                d.set_item_str("dict_size", Value::Int(o.dict_size as i64));
            } else if id == lz::LZMA_FILTER_LZMA2 {
                let o = &*(p as *const lz::lzma_options_lzma);
                d.set_item_str("dict_size", Value::Int(o.dict_size as i64));
            } else if id == lz::LZMA_FILTER_DELTA {
                let o = &*(p as *const lz::lzma_options_delta);
                d.set_item_str("dist", Value::Int(o.dist as i64));
            } else if BCJ_IDS.contains(&id) {
                let o = &*(p as *const lz::lzma_options_bcj);
                d.set_item_str("start_offset", Value::Int(o.start_offset as i64));
            }
            libc::free(p);
        }
    }
    Ok(Value::Dict(Arc::new(d)))
}
