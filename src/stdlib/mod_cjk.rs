//! `_gilt_cjk`: the table-driven CJK codecs (GB2312/GBK/GB18030, Big5,
//! CP950, Big5-HKSCS, EUC-JP, Shift_JIS, CP932, the JIS X 0213 forms,
//! EUC-KR, CP949, Johab) under gilt's Python `_multibytecodec` and
//! `_codecs_cn/jp/kr/tw/hk`. The tables in `cjk/` were read from CPython
//! 3.11's behaviour by `scripts/gen_cjk_tables.py` (every sequence it
//! decodes, every character it encodes); a codec's table is unpacked on
//! first use. Error handlers live on the Python side: `decode` and `encode`
//! stop at the first error and say where it is.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::sync::{Arc, OnceLock};

use super::def;
use super::types_containers::builtin_of;
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// The codecs with a table, and their compressed tables.
const CODECS: &[(&str, &[u8])] = &[
    ("gb2312", include_bytes!("cjk/gb2312.bin.z")),
    ("gbk", include_bytes!("cjk/gbk.bin.z")),
    ("gb18030", include_bytes!("cjk/gb18030.bin.z")),
    ("big5", include_bytes!("cjk/big5.bin.z")),
    ("cp950", include_bytes!("cjk/cp950.bin.z")),
    ("big5hkscs", include_bytes!("cjk/big5hkscs.bin.z")),
    ("euc_jp", include_bytes!("cjk/euc_jp.bin.z")),
    ("shift_jis", include_bytes!("cjk/shift_jis.bin.z")),
    ("cp932", include_bytes!("cjk/cp932.bin.z")),
    ("euc_jis_2004", include_bytes!("cjk/euc_jis_2004.bin.z")),
    ("euc_jisx0213", include_bytes!("cjk/euc_jisx0213.bin.z")),
    ("shift_jis_2004", include_bytes!("cjk/shift_jis_2004.bin.z")),
    ("shift_jisx0213", include_bytes!("cjk/shift_jisx0213.bin.z")),
    ("euc_kr", include_bytes!("cjk/euc_kr.bin.z")),
    ("cp949", include_bytes!("cjk/cp949.bin.z")),
    ("johab", include_bytes!("cjk/johab.bin.z")),
];

/// One codec's tables, unpacked.
#[derive(Default)]
struct Table {
    /// A byte sequence (length, bytes packed big-endian) → its characters.
    dec: HashMap<(u8, u32), Vec<char>>,
    /// Proper prefixes of the sequences in `dec`, and the other sequences
    /// CPython reads as the start of a longer one.
    prefixes: HashSet<(u8, u32)>,
    /// One character → its bytes.
    enc: HashMap<char, Vec<u8>>,
    /// Two characters that encode together (Big5-HKSCS) → their bytes.
    enc2: HashMap<(char, char), Vec<u8>>,
    /// Whether this is GB18030 (arithmetic four-byte sequences past U+FFFF).
    gb18030: bool,
}

fn pack(b: &[u8]) -> (u8, u32) {
    (b.len() as u8, b.iter().fold(0u32, |a, x| (a << 8) | *x as u32))
}

fn unpack(z: &[u8], gb18030: bool) -> Table {
    let mut raw = Vec::new();
    let _ = flate2::read::ZlibDecoder::new(z).read_to_end(&mut raw);
    let mut t = Table { gb18030, ..Table::default() };
    let mut i = 0usize;
    let u32_at = |raw: &[u8], i: usize| u32::from_le_bytes([raw[i], raw[i + 1], raw[i + 2], raw[i + 3]]);
    let chars = |raw: &[u8], i: &mut usize| -> Vec<char> {
        let n = raw[*i] as usize;
        *i += 1;
        let v = (0..n).filter_map(|k| char::from_u32(u32_at(raw, *i + 4 * k))).collect();
        *i += 4 * n;
        v
    };
    let n = u32_at(&raw, i);
    i += 4;
    for _ in 0..n {
        let len = raw[i] as usize;
        let seq = raw[i + 1..i + 1 + len].to_vec();
        i += 1 + len;
        let cs = chars(&raw, &mut i);
        for k in 1..seq.len() {
            t.prefixes.insert(pack(&seq[..k]));
        }
        t.dec.insert(pack(&seq), cs);
    }
    let n = u32_at(&raw, i);
    i += 4;
    for _ in 0..n {
        let cs = chars(&raw, &mut i);
        let len = raw[i] as usize;
        let b = raw[i + 1..i + 1 + len].to_vec();
        i += 1 + len;
        match cs.as_slice() {
            [c] => {
                t.enc.insert(*c, b);
            }
            [a, c] => {
                t.enc2.insert((*a, *c), b);
            }
            _ => {}
        }
    }
    // The sequences CPython calls incomplete on their own (a lead byte at
    // the end of the input), some of which no valid sequence extends.
    if i + 4 <= raw.len() {
        let n = u32_at(&raw, i);
        i += 4;
        for _ in 0..n {
            let len = raw[i] as usize;
            t.prefixes.insert(pack(&raw[i + 1..i + 1 + len]));
            i += 1 + len;
        }
    }
    t
}

/// GB18030's four-byte sequence for a character past U+FFFF.
fn gb18030_encode(c: char) -> Vec<u8> {
    let mut n = c as u32 - 0x10000;
    let b4 = 0x30 + n % 10;
    n /= 10;
    let b3 = 0x81 + n % 126;
    n /= 126;
    let b2 = 0x30 + n % 10;
    let b1 = 0x90 + n / 10;
    vec![b1 as u8, b2 as u8, b3 as u8, b4 as u8]
}

/// GB18030's character for a four-byte sequence from 0x90308130 on.
fn gb18030_decode(b: &[u8]) -> Option<char> {
    let ok = (0x90..=0xE3).contains(&b[0])
        && (0x30..=0x39).contains(&b[1])
        && (0x81..=0xFE).contains(&b[2])
        && (0x30..=0x39).contains(&b[3]);
    if !ok {
        return None;
    }
    let n =
        (((b[0] as u32 - 0x90) * 10 + (b[1] as u32 - 0x30)) * 126 + (b[2] as u32 - 0x81)) * 10 + (b[3] as u32 - 0x30);
    char::from_u32(0x10000 + n).filter(|c| (*c as u32) <= 0x10FFFF)
}

/// What a decoding run reached.
struct Decoded {
    text: String,
    pos: usize,
    /// The end of the bad sequence at `pos`, with the reason, if it stopped on one.
    error: Option<(usize, &'static str)>,
}

fn decode(t: &Table, data: &[u8], mut pos: usize, final_: bool) -> Decoded {
    let mut text = String::new();
    'outer: while pos < data.len() {
        let mut len = 1;
        loop {
            let seq = &data[pos..pos + len];
            if let Some(cs) = t.dec.get(&pack(seq)) {
                text.extend(cs.iter());
                pos += len;
                continue 'outer;
            }
            if t.gb18030
                && len == 4
                && let Some(c) = gb18030_decode(seq)
            {
                text.push(c);
                pos += 4;
                continue 'outer;
            }
            let prefix = t.prefixes.contains(&pack(seq)) || (t.gb18030 && len < 4 && gb18030_prefix(seq));
            if !prefix || len == 4 {
                return Decoded { text, pos, error: Some((pos + 1, "illegal multibyte sequence")) };
            }
            if pos + len == data.len() {
                if final_ {
                    return Decoded { text, pos, error: Some((data.len(), "incomplete multibyte sequence")) };
                }
                break 'outer;
            }
            len += 1;
        }
    }
    Decoded { text, pos, error: None }
}

/// A proper prefix of GB18030's arithmetic four-byte range.
fn gb18030_prefix(b: &[u8]) -> bool {
    (0x90..=0xE3).contains(&b[0])
        && (b.len() < 2 || (0x30..=0x39).contains(&b[1]))
        && (b.len() < 3 || (0x81..=0xFE).contains(&b[2]))
}

/// Encodes from character `pos`; stops at a character the codec lacks, or
/// (not final) at a last character that may pair with the next input.
fn encode(t: &Table, chars: &[char], mut pos: usize, final_: bool) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    while pos < chars.len() {
        let c = chars[pos];
        if !t.enc2.is_empty() {
            if let Some(&n) = chars.get(pos + 1) {
                if let Some(b) = t.enc2.get(&(c, n)) {
                    out.extend_from_slice(b);
                    pos += 2;
                    continue;
                }
            } else if !final_ && t.enc2.keys().any(|(a, _)| *a == c) {
                break;
            }
        }
        match t.enc.get(&c) {
            Some(b) => out.extend_from_slice(b),
            None if t.gb18030 && c as u32 > 0xFFFF => out.extend_from_slice(&gb18030_encode(c)),
            None => break,
        }
        pos += 1;
    }
    (out, pos)
}

type Tables = Arc<Vec<OnceLock<Table>>>;

fn table<'a>(vm: &Vm, tables: &'a Tables, name: &Value) -> PyResult<&'a Table> {
    let n = match builtin_of(name) {
        Value::Str(s) => s.as_str().to_string(),
        _ => return Err(vm.type_error("codec name must be a string")),
    };
    let Some(i) = CODECS.iter().position(|(c, _)| *c == n) else {
        return Err(vm.err("LookupError", "no such codec is supported."));
    };
    Ok(tables[i].get_or_init(|| unpack(CODECS[i].1, n == "gb18030")))
}

fn int(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(vm.index_of(v)?.max(0) as usize)
}

/// Creates the `_gilt_cjk` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let _ = vm;
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("_gilt_cjk"));
    let names: Vec<Value> = CODECS.iter().map(|(n, _)| Value::str(n)).collect();
    d.set_item_str("codecs", Value::tuple(names));
    let tables: Tables = Arc::new((0..CODECS.len()).map(|_| OnceLock::new()).collect());
    let tb = tables.clone();
    // decode(name, data, pos, final) -> (text, pos, error_end or -1, reason or None)
    def(&d, "decode", move |vm, a| {
        a.check(vm, "decode", 4, 4)?;
        let t = table(vm, &tb, &a.pos[0])?;
        let data = super::buffer::require_bytes(vm, &a.pos[1])?;
        let pos = int(vm, &a.pos[2])?.min(data.len());
        let final_ = vm.truthy(&a.pos[3])?;
        let r = vm.allow_threads(crate::runtime::gil::BlockKind::Io, || decode(t, &data, pos, final_));
        let (end, reason) = match r.error {
            Some((e, why)) => (Value::Int(e as i64), Value::str(why)),
            None => (Value::Int(-1), Value::None),
        };
        Ok(Value::tuple(vec![Value::string(r.text), Value::Int(r.pos as i64), end, reason]))
    });
    // encode(name, text, pos, final) -> (bytes, pos reached)
    def(&d, "encode", move |vm, a| {
        a.check(vm, "encode", 4, 4)?;
        let t = table(vm, &tables, &a.pos[0])?;
        let Value::Str(s) = builtin_of(&a.pos[1]) else {
            let tn = vm.type_name(&a.pos[1]);
            return Err(vm.type_error(&format!("couldn't convert the object to unicode (got {tn})")));
        };
        let chars: Vec<char> = s.as_str().chars().collect();
        let pos = int(vm, &a.pos[2])?.min(chars.len());
        let final_ = vm.truthy(&a.pos[3])?;
        let (b, p) = encode(t, &chars, pos, final_);
        Ok(Value::tuple(vec![Value::Bytes(Arc::new(b)), Value::Int(p as i64)]))
    });
    Ok(Value::Module(Arc::new(Module::new(Arc::from("_gilt_cjk"), d))))
}
