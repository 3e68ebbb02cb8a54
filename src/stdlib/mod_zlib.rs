//! The `zlib` module on the flate2 crate (zlib-rs backend): one-shot
//! `compress`/`decompress`, streaming `Compress`/`Decompress` objects,
//! `crc32`/`adler32`, with CPython 3.11's arguments, attributes and
//! `zlib.error` messages. The compressed bytes are a valid stream but not
//! always byte-identical to C zlib's; `memLevel` and `strategy` are accepted
//! and checked but flate2 does not expose them.

use std::sync::Arc;

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use parking_lot::Mutex;

use super::def;
use super::native_util::{at_most, buffer_arg, bytes, exc_class, int_arg, module, raise, take_arg};
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

const DEF_BUF_SIZE: i64 = 16384;

/// Which wrapper a stream has, and its window size (9..=15).
#[derive(Clone, Copy, PartialEq)]
enum Wrap {
    Zlib(u8),
    Raw(u8),
    Gzip(u8),
    /// zlib or gzip, decided by the first byte (`wbits` 32..47).
    Auto(u8),
}

fn wrap_for_compress(w: i64) -> Option<Wrap> {
    match w {
        8..=15 => Some(Wrap::Zlib(w.max(9) as u8)),
        -15..=-9 => Some(Wrap::Raw((-w) as u8)),
        25..=31 => Some(Wrap::Gzip((w - 16) as u8)),
        _ => None,
    }
}

fn wrap_for_decompress(w: i64) -> Option<Wrap> {
    match w {
        0 => Some(Wrap::Zlib(15)),
        8..=15 => Some(Wrap::Zlib(w.max(9) as u8)),
        -15..=-8 => Some(Wrap::Raw((-w).max(9) as u8)),
        16 | 24..=31 => Some(Wrap::Gzip(if w == 16 { 15 } else { (w - 16).max(9) as u8 })),
        32 | 40..=47 => Some(Wrap::Auto(if w == 32 { 15 } else { (w - 32).max(9) as u8 })),
        _ => None,
    }
}

fn new_compress(level: i64, wrap: Wrap) -> Compress {
    let lv = Compression::new(if level < 0 { 6 } else { level as u32 });
    match wrap {
        Wrap::Zlib(w) => Compress::new_with_window_bits(lv, true, w),
        Wrap::Raw(w) => Compress::new_with_window_bits(lv, false, w),
        Wrap::Gzip(w) | Wrap::Auto(w) => Compress::new_gzip(lv, w),
    }
}

/// A decompressor for `wrap`; `first` is the stream's first byte, which
/// decides an `Auto` stream (gzip starts with 0x1f).
fn new_decompress(wrap: Wrap, first: u8) -> Decompress {
    match wrap {
        Wrap::Zlib(w) => Decompress::new_with_window_bits(true, w),
        Wrap::Raw(w) => Decompress::new_with_window_bits(false, w),
        Wrap::Gzip(w) => Decompress::new_gzip(w),
        Wrap::Auto(w) if first == 0x1f => Decompress::new_gzip(w),
        Wrap::Auto(w) => Decompress::new_with_window_bits(true, w),
    }
}

/// Runs `input` through `c` with `flush`; the output it produced.
fn deflate(c: &mut Compress, input: &[u8], flush: FlushCompress) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(input.len() / 2 + 64);
    let mut pos = 0;
    loop {
        if out.capacity() - out.len() < 1024 {
            out.reserve(out.capacity().max(16384));
        }
        let before = c.total_in();
        let st = c.compress_vec(&input[pos..], &mut out, flush).map_err(|e| e.message().unwrap_or("").to_string())?;
        pos += (c.total_in() - before) as usize;
        let done = match flush {
            FlushCompress::Finish => st == Status::StreamEnd,
            _ => pos == input.len() && out.len() < out.capacity(),
        };
        if done {
            return Ok(out);
        }
    }
}

/// The outcome of feeding input to a decompressor.
struct Inflated {
    out: Vec<u8>,
    consumed: usize,
    end: bool,
}

/// Runs `input` through `d`, producing at most `max` bytes (0: no limit).
/// A zlib stream that asks for a preset dictionary gets `zdict`, as
/// CPython's `Decompress` gives it on `Z_NEED_DICT`.
fn inflate(
    d: &mut Decompress,
    input: &[u8],
    max: usize,
    flush: FlushDecompress,
    zdict: Option<&[u8]>,
) -> Result<Inflated, String> {
    let mut out: Vec<u8> = Vec::new();
    let mut pos = 0;
    let mut buf = vec![0u8; 16384];
    loop {
        let room = if max > 0 { (max - out.len()).min(65536) } else { buf.len().max(out.len()).min(1 << 22) };
        if room == 0 {
            return Ok(Inflated { out, consumed: pos, end: false });
        }
        buf.resize(room, 0);
        let (bi, bo) = (d.total_in(), d.total_out());
        let st = match d.decompress(&input[pos..], &mut buf, flush) {
            Ok(st) => st,
            Err(e) if e.needs_dictionary().is_some() && zdict.is_some() => {
                pos += (d.total_in() - bi) as usize;
                d.set_dictionary(zdict.unwrap_or_default())
                    .map_err(|_| "Error -3 while setting zdict: invalid dictionary".to_string())?;
                continue;
            }
            Err(e) => {
                return Err(match e.message() {
                    Some(m) => format!("Error -3 while decompressing data: {m}"),
                    None => "Error 2 while decompressing data".to_string(),
                });
            }
        };
        let (ci, co) = ((d.total_in() - bi) as usize, (d.total_out() - bo) as usize);
        pos += ci;
        out.extend_from_slice(&buf[..co]);
        if st == Status::StreamEnd {
            return Ok(Inflated { out, consumed: pos, end: true });
        }
        if (ci == 0 && co == 0) || (pos == input.len() && co < room) {
            return Ok(Inflated { out, consumed: pos, end: false });
        }
    }
}

/// A decompressor with a raw stream's preset dictionary already set.
fn start_decompress(wrap: Wrap, first: u8, zdict: Option<&[u8]>) -> Result<Decompress, String> {
    let mut d = new_decompress(wrap, first);
    if let (Wrap::Raw(_), Some(z)) = (wrap, zdict) {
        d.set_dictionary(z).map_err(|_| "Error -3 while setting zdict: invalid dictionary".to_string())?;
    }
    Ok(d)
}

/// A compressor with its preset dictionary set.
fn start_compress(level: i64, wrap: Wrap, zdict: Option<&[u8]>) -> Result<Compress, String> {
    let mut c = new_compress(level, wrap);
    if let Some(z) = zdict {
        c.set_dictionary(z).map_err(|_| "Error -2 while setting zdict: stream error".to_string())?;
    }
    Ok(c)
}

/// The `zdict` argument: None, or the bytes of a buffer.
/// An empty dictionary changes nothing, and is not handed to zlib-rs
/// (whose raw inflate then misreads the stream).
/// `compressobj` takes it as a buffer argument (its TypeError says so),
/// `decompressobj` checks it itself (`for_decompress`); None is refused by
/// both, as CPython's.
fn zdict_arg(vm: &mut Vm, v: Option<Value>, for_decompress: bool) -> PyResult<Option<Vec<u8>>> {
    match v {
        None => Ok(None),
        Some(z) => match super::buffer::bytes_like(&z) {
            Some(b) => Ok((!b.is_empty()).then(|| b.to_vec())),
            None if for_decompress => Err(vm.type_error("zdict argument must support the buffer protocol")),
            None => {
                let tn = vm.type_name(&z);
                Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
            }
        },
    }
}

fn check_level(level: i64) -> bool {
    (-1..=9).contains(&level)
}

/// `zlib.Compress`: a deflate stream; `history` replays it for `copy()`
/// (flate2 streams cannot be cloned).
struct CompressObj {
    state: Mutex<CompState>,
    class: Arc<Class>,
}

struct CompState {
    c: Option<Compress>,
    level: i64,
    wrap: Wrap,
    /// The preset dictionary (`zdict`), set again on a copy's replay.
    zdict: Option<Vec<u8>>,
    history: Vec<(Vec<u8>, i64)>,
}

crate::object::native::impl_native_object!(CompressObj, DecompressObj);

/// `zlib.Decompress`: an inflate stream and its leftover-input attributes.
struct DecompressObj {
    state: Mutex<DecompState>,
    class: Arc<Class>,
}

struct DecompState {
    d: Option<Decompress>,
    wrap: Wrap,
    /// The preset dictionary: set at once on a raw stream, on request
    /// (`Z_NEED_DICT`) on a zlib one.
    zdict: Option<Vec<u8>>,
    /// Every byte consumed so far (replayed by `copy()`).
    history: Vec<u8>,
    unused_data: Vec<u8>,
    unconsumed_tail: Vec<u8>,
    eof: bool,
    /// A flush saw the end of the stream: the stream is closed (as
    /// CPython's `inflateEnd` there), so `copy()` is refused.
    finished: bool,
}

fn flush_mode(m: i64) -> FlushCompress {
    match m {
        1 => FlushCompress::Partial,
        2 | 5 | 6 => FlushCompress::Sync,
        3 => FlushCompress::Full,
        4 => FlushCompress::Finish,
        _ => FlushCompress::None,
    }
}

impl DecompState {
    /// Feeds `input`, keeping leftovers as CPython does: after the end of
    /// the stream in `unused_data`, input left by `max` in `unconsumed_tail`.
    fn feed(&mut self, input: &[u8], max: usize, flush: FlushDecompress) -> Result<Vec<u8>, String> {
        // As CPython's: input after the end goes to unused_data, and
        // unconsumed_tail keeps the leftover only while it was non-empty.
        let had_tail = !self.unconsumed_tail.is_empty();
        if self.eof {
            self.unused_data.extend_from_slice(input);
            self.unconsumed_tail = if had_tail { input.to_vec() } else { Vec::new() };
            return Ok(Vec::new());
        }
        if input.is_empty() && self.d.is_none() {
            return Ok(Vec::new());
        }
        if self.d.is_none() {
            self.d = Some(start_decompress(self.wrap, input[0], self.zdict.as_deref())?);
        }
        let Some(d) = self.d.as_mut() else { return Ok(Vec::new()) };
        let r = inflate(d, input, max, flush, self.zdict.as_deref())?;
        self.history.extend_from_slice(&input[..r.consumed]);
        let rest = &input[r.consumed..];
        if r.end {
            self.eof = true;
            self.unused_data.extend_from_slice(rest);
            self.unconsumed_tail = if had_tail { rest.to_vec() } else { Vec::new() };
        } else {
            self.unconsumed_tail = rest.to_vec();
        }
        Ok(r.out)
    }
}

fn comp_self<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a CompressObj> {
    a.native_self().ok_or_else(|| vm.type_error("descriptor requires a 'zlib.Compress' object"))
}

fn decomp_self<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a DecompressObj> {
    a.native_self().ok_or_else(|| vm.type_error("descriptor requires a 'zlib.Decompress' object"))
}

/// An optional int argument with a default.
fn opt_int(vm: &mut Vm, v: Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        Some(v) => int_arg(vm, &v),
        None => Ok(default),
    }
}

fn checksum_args(vm: &mut Vm, a: &Args, fname: &str, start: u32) -> PyResult<(Arc<Vec<u8>>, u32)> {
    a.no_kw(vm, fname)?;
    a.check(vm, fname, 1, 2)?;
    let data = buffer_arg(vm, &a.pos[0])?;
    let v = match a.pos.get(1) {
        Some(v) => {
            let b = crate::vm::numeric::to_big(v).ok_or_else(|| {
                let tn = vm.type_name(v);
                vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer"))
            })?;
            let m = num_bigint::BigInt::from(1u64 << 32);
            u32::try_from(((b % &m) + &m) % &m).unwrap_or(0)
        }
        None => start,
    };
    Ok((data, v))
}

fn adler32(data: &[u8], start: u32) -> u32 {
    let (mut a, mut b) = (start & 0xffff, start >> 16);
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += x as u32;
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    b << 16 | a
}

/// Creates the `zlib` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    let error = exc_class(vm, "zlib", "error", &["Exception"])?;
    d.set_item_str("error", Value::Class(error.clone()));
    for (k, v) in [
        ("DEFLATED", 8),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE),
        ("DEF_MEM_LEVEL", 8),
        ("MAX_WBITS", 15),
        ("Z_BEST_COMPRESSION", 9),
        ("Z_BEST_SPEED", 1),
        ("Z_BLOCK", 5),
        ("Z_DEFAULT_COMPRESSION", -1),
        ("Z_DEFAULT_STRATEGY", 0),
        ("Z_FILTERED", 1),
        ("Z_FINISH", 4),
        ("Z_FIXED", 4),
        ("Z_FULL_FLUSH", 3),
        ("Z_HUFFMAN_ONLY", 2),
        ("Z_NO_COMPRESSION", 0),
        ("Z_NO_FLUSH", 0),
        ("Z_PARTIAL_FLUSH", 1),
        ("Z_RLE", 3),
        ("Z_SYNC_FLUSH", 2),
        ("Z_TREES", 6),
    ] {
        d.set_item_str(k, Value::Int(v));
    }
    d.set_item_str("ZLIB_VERSION", Value::str("1.2.13"));
    d.set_item_str("ZLIB_RUNTIME_VERSION", Value::str("1.2.13"));

    def(&d, "crc32", |vm, a| {
        let (data, start) = checksum_args(vm, &a, "crc32", 0)?;
        Ok(Value::Int(super::mod_binascii::crc32(&data, start) as i64))
    });
    def(&d, "adler32", |vm, a| {
        let (data, start) = checksum_args(vm, &a, "adler32", 1)?;
        Ok(Value::Int(adler32(&data, start) as i64))
    });

    let e = error.clone();
    def(&d, "compress", move |vm, mut a| {
        at_most(vm, &a, "compress", 3)?;
        if a.pos.is_empty() {
            return Err(vm.type_error("compress() missing required argument 'data' (pos 1)"));
        }
        let level = a.arg(1, "level");
        let wbits = a.arg(2, "wbits");
        a.no_extra_kw(vm, "compress")?;
        let data = buffer_arg(vm, &a.pos[0])?;
        let level = opt_int(vm, level, -1)?;
        let wbits = opt_int(vm, wbits, 15)?;
        let wrap = match wrap_for_compress(wbits) {
            Some(w) if check_level(level) => w,
            _ => return Err(raise(vm, &e, "Bad compression level")),
        };
        let mut c = new_compress(level, wrap);
        let out = deflate(&mut c, &data, FlushCompress::Finish)
            .map_err(|m| raise(vm, &e, &format!("Error -2 while compressing data: {m}")))?;
        Ok(bytes(out))
    });
    let e = error.clone();
    def(&d, "decompress", move |vm, mut a| {
        at_most(vm, &a, "decompress", 3)?;
        let data = take_arg(vm, &mut a, 0, "data", "decompress")?;
        let wbits = a.arg(1, "wbits");
        let bufsize = a.arg(2, "bufsize");
        a.no_extra_kw(vm, "decompress")?;
        let data = buffer_arg(vm, &data)?;
        let wbits = opt_int(vm, wbits, 15)?;
        if opt_int(vm, bufsize, DEF_BUF_SIZE)? < 0 {
            return Err(vm.value_error("bufsize must be non-negative"));
        }
        let Some(wrap) = wrap_for_decompress(wbits) else {
            return Err(raise(vm, &e, "Error -2 while preparing to decompress data: inconsistent stream state"));
        };
        let mut dec = new_decompress(wrap, data.first().copied().unwrap_or(0));
        let r = inflate(&mut dec, &data, 0, FlushDecompress::Finish, None).map_err(|m| raise(vm, &e, &m))?;
        if !r.end {
            return Err(raise(vm, &e, "Error -5 while decompressing data: incomplete or truncated stream"));
        }
        Ok(bytes(r.out))
    });

    let comp_cls = new_builtin_class("Compress", std::slice::from_ref(&vm.rt.types.object), Layout::Opaque);
    comp_cls.dict.set_item_str("__module__", Value::str("zlib"));
    let decomp_cls = new_builtin_class("Decompress", std::slice::from_ref(&vm.rt.types.object), Layout::Opaque);
    decomp_cls.dict.set_item_str("__module__", Value::str("zlib"));

    let (e, cc) = (error.clone(), comp_cls.clone());
    def(&d, "compressobj", move |vm, mut a| {
        at_most(vm, &a, "compressobj", 6)?;
        let level = a.arg(0, "level");
        let method = a.arg(1, "method");
        let wbits = a.arg(2, "wbits");
        let mem = a.arg(3, "memLevel");
        let strategy = a.arg(4, "strategy");
        let zdict = a.arg(5, "zdict");
        a.no_extra_kw(vm, "compressobj")?;
        let level = opt_int(vm, level, -1)?;
        let method = opt_int(vm, method, 8)?;
        let wbits = opt_int(vm, wbits, 15)?;
        let mem = opt_int(vm, mem, 8)?;
        let strategy = opt_int(vm, strategy, 0)?;
        let zdict = zdict_arg(vm, zdict, false)?;
        let wrap = wrap_for_compress(wbits);
        let (Some(wrap), true, 8, 1..=9, 0..=4) = (wrap, check_level(level), method, mem, strategy) else {
            return Err(vm.value_error("Invalid initialization option"));
        };
        let c = start_compress(level, wrap, zdict.as_deref()).map_err(|m| raise(vm, &e, &m))?;
        let st = CompState { c: Some(c), level, wrap, zdict, history: Vec::new() };
        Ok(Value::from_native(Arc::new(CompressObj { state: Mutex::new(st), class: cc.clone() })))
    });
    let e = error.clone();
    def(&comp_cls.dict, "compress", move |vm, a| {
        a.check_method(vm, "compress", 1, 1)?;
        let data = buffer_arg(vm, &a.pos[1])?;
        let o = comp_self(vm, &a)?;
        let mut st = o.state.lock();
        let Some(c) = st.c.as_mut() else {
            drop(st);
            return Err(raise(vm, &e, "Error -2 while compressing data: inconsistent stream state"));
        };
        let r = deflate(c, &data, FlushCompress::None);
        if r.is_ok() {
            st.history.push((data.to_vec(), 0));
        }
        drop(st);
        r.map(bytes).map_err(|m| raise(vm, &e, &format!("Error -2 while compressing data: {m}")))
    });
    let e = error.clone();
    def(&comp_cls.dict, "flush", move |vm, a| {
        a.check_method(vm, "flush", 0, 1)?;
        let mode = match a.pos.get(1) {
            Some(v) => int_arg(vm, v)?,
            None => 4,
        };
        if mode == 0 {
            return Ok(bytes(Vec::new()));
        }
        let o = comp_self(vm, &a)?;
        let mut st = o.state.lock();
        let Some(c) = st.c.as_mut() else {
            drop(st);
            return Err(raise(vm, &e, "Error -2 while flushing: inconsistent stream state"));
        };
        let r = deflate(c, &[], flush_mode(mode));
        st.history.push((Vec::new(), mode));
        if mode == 4 {
            st.c = None;
        }
        drop(st);
        r.map(bytes).map_err(|m| raise(vm, &e, &format!("Error -2 while flushing: {m}")))
    });
    let e = error.clone();
    def(&comp_cls.dict, "copy", move |vm, a| {
        let o = comp_self(vm, &a)?;
        let st = o.state.lock();
        if st.c.is_none() {
            drop(st);
            return Err(vm.value_error("Inconsistent stream state"));
        }
        let Ok(mut c) = start_compress(st.level, st.wrap, st.zdict.as_deref()) else {
            drop(st);
            return Err(raise(vm, &e, "Error -2 while copying compression object"));
        };
        for (data, mode) in &st.history {
            let flush = if *mode == 0 { FlushCompress::None } else { flush_mode(*mode) };
            if deflate(&mut c, data, flush).is_err() {
                drop(st);
                return Err(raise(vm, &e, "Error -2 while copying compression object"));
            }
        }
        let copy = CompState {
            c: Some(c),
            level: st.level,
            wrap: st.wrap,
            zdict: st.zdict.clone(),
            history: st.history.clone(),
        };
        Ok(Value::from_native(Arc::new(CompressObj { state: Mutex::new(copy), class: o.class.clone() })))
    });

    let dc = decomp_cls.clone();
    def(&d, "decompressobj", move |vm, mut a| {
        at_most(vm, &a, "decompressobj", 2)?;
        let wbits = a.arg(0, "wbits");
        let zdict = a.arg(1, "zdict");
        a.no_extra_kw(vm, "decompressobj")?;
        let wbits = opt_int(vm, wbits, 15)?;
        let zdict = zdict_arg(vm, zdict, true)?;
        let Some(wrap) = wrap_for_decompress(wbits) else {
            return Err(vm.value_error("Invalid initialization option"));
        };
        let st = DecompState {
            d: None,
            wrap,
            zdict,
            history: Vec::new(),
            unused_data: Vec::new(),
            unconsumed_tail: Vec::new(),
            eof: false,
            finished: false,
        };
        Ok(Value::from_native(Arc::new(DecompressObj { state: Mutex::new(st), class: dc.clone() })))
    });
    let e = error.clone();
    def(&decomp_cls.dict, "decompress", move |vm, mut a| {
        if a.pos.len() > 3 {
            return Err(vm.type_error(&format!("decompress() takes at most 2 arguments ({} given)", a.pos.len() - 1)));
        }
        // `data` is positional-only (`decompress(data, /, max_length=0)`).
        let data = match a.pos.get(1).cloned() {
            Some(v) => v,
            None => return Err(vm.type_error("decompress() takes at least 1 positional argument (0 given)")),
        };
        let max = a.arg(2, "max_length");
        a.no_extra_kw(vm, "decompress")?;
        let data = buffer_arg(vm, &data)?;
        let max = opt_int(vm, max, 0)?;
        if max < 0 {
            return Err(vm.value_error("max_length must be non-negative"));
        }
        let o = decomp_self(vm, &a)?;
        let r = o.state.lock().feed(&data, max as usize, FlushDecompress::None);
        r.map(bytes).map_err(|m| raise(vm, &e, &m))
    });
    let e = error.clone();
    def(&decomp_cls.dict, "flush", move |vm, a| {
        a.check_method(vm, "flush", 0, 1)?;
        if let Some(v) = a.pos.get(1)
            && int_arg(vm, v)? <= 0
        {
            return Err(vm.value_error("length must be greater than zero"));
        }
        let o = decomp_self(vm, &a)?;
        let mut st = o.state.lock();
        let tail = std::mem::take(&mut st.unconsumed_tail);
        let r = st.feed(&tail, 0, FlushDecompress::Finish);
        if st.eof {
            st.finished = true;
        }
        drop(st);
        r.map(bytes).map_err(|m| raise(vm, &e, &m))
    });
    def(&decomp_cls.dict, "copy", |vm, a| {
        let o = decomp_self(vm, &a)?;
        let st = o.state.lock();
        if st.finished {
            drop(st);
            return Err(vm.value_error("Inconsistent stream state"));
        }
        let mut copy = DecompState {
            d: None,
            wrap: st.wrap,
            zdict: st.zdict.clone(),
            finished: false,
            history: Vec::new(),
            unused_data: st.unused_data.clone(),
            unconsumed_tail: st.unconsumed_tail.clone(),
            eof: false,
        };
        if let Some(&first) = st.history.first() {
            let Ok(mut dec) = start_decompress(st.wrap, first, st.zdict.as_deref()) else {
                drop(st);
                return Err(vm.value_error("Inconsistent stream state"));
            };
            let _ = inflate(&mut dec, &st.history, 0, FlushDecompress::None, st.zdict.as_deref());
            copy.d = Some(dec);
            copy.history = st.history.clone();
        }
        copy.eof = st.eof;
        Ok(Value::from_native(Arc::new(DecompressObj { state: Mutex::new(copy), class: o.class.clone() })))
    });
    // `copy.copy` and `copy.deepcopy` use the objects' own copy (as CPython's).
    for cls in [&comp_cls, &decomp_cls] {
        let Some(copy) = cls.dict.get_item_str("copy") else { continue };
        let c = copy.clone();
        def(&cls.dict, "__copy__", move |vm, a| vm.call_value(&c, a));
        def(&cls.dict, "__deepcopy__", move |vm, a| {
            a.check_method(vm, "__deepcopy__", 1, 1)?;
            vm.call(&copy, vec![a.pos[0].clone()])
        });
    }
    let rt = vm.rt.clone();
    super::types_num::prop(&rt, &decomp_cls, "unused_data", |vm, a| {
        Ok(bytes(decomp_self(vm, &a)?.state.lock().unused_data.clone()))
    });
    super::types_num::prop(&rt, &decomp_cls, "unconsumed_tail", |vm, a| {
        Ok(bytes(decomp_self(vm, &a)?.state.lock().unconsumed_tail.clone()))
    });
    super::types_num::prop(&rt, &decomp_cls, "eof", |vm, a| Ok(Value::Bool(decomp_self(vm, &a)?.state.lock().eof)));
    Ok(module("zlib", d))
}
