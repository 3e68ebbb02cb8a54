//! Compiled embedded modules handed from a gilt process to the worker
//! children it spawns (issue 5: `Pool(2)` speed-up).
//!
//! A spawned worker runs the parent's script again, so it imports
//! `multiprocessing` (and whatever else the script imports) from the
//! embedded sources: parsing and compiling them was most of a worker's
//! start-up, paid again by every worker while the parent already holds the
//! same code objects. So the first frame the parent sends a new worker is
//! a blob of its compiled embedded modules (`bytecode/marshal.rs`), and the
//! worker's import takes a module from there instead of compiling it. The
//! result is the same code object, so nothing a script can see changes.
//!
//! Blob: magic, the marshal schema hash, then entries (file name, hash of
//! the module's source, encoded code). A worker uses an entry only when the
//! schema and its own embedded source match, so a different gilt binary
//! falls back to compiling. The frame goes ahead of the protocol's
//! messages and a send larger than the socket's buffer would wait for the
//! child to boot, so the parent widens the buffer and sends what fits (at
//! most [`MAX_BYTES`]); modules left out are compiled by the child.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use parking_lot::Mutex;

use crate::bytecode::CodeObject;
use crate::bytecode::marshal;
use crate::vm::Runtime;

const MAGIC: &[u8; 8] = b"giltcc01";
/// The largest blob sent (see the module comment): it sits in the
/// socket's buffer until the child reads it, so it is bounded, and a
/// smaller buffer (see [`super::process::Channel::reserve_send_buffer`])
/// bounds it further.
pub const MAX_BYTES: usize = 1 << 20;
/// What every worker imports: these go first when not everything fits.
const FIRST: [&str; 2] = ["<frozen _mp_core>", "<frozen multiprocessing>"];

/// A module's file name and its encoded blob entry (`None`: not encodable).
type Entry = (String, Option<Arc<Vec<u8>>>);

/// Each compiled module's blob entry, encoded once.
static ENTRIES: Mutex<Vec<Entry>> = Mutex::new(Vec::new());

/// The blob for a new child: this process's compiled embedded modules, at
/// most `limit` bytes.
pub fn blob_for_child(rt: &Runtime, limit: usize) -> Vec<u8> {
    let compiled: Vec<(String, Arc<CodeObject>)> =
        rt.frozen_cache.lock().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    let mut entries = ENTRIES.lock();
    for (filename, code) in compiled {
        if !entries.iter().any(|(f, _)| *f == filename) {
            let e = entry(&filename, &code).map(Arc::new);
            entries.push((filename, e));
        }
    }
    entries.sort_by_key(|(name, _)| (!FIRST.contains(&name.as_str()), name.clone()));
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&marshal::schema_hash().to_le_bytes());
    for e in entries.iter().filter_map(|(_, e)| e.as_ref()) {
        if out.len() + e.len() <= limit.min(MAX_BYTES) {
            out.extend_from_slice(e);
        }
    }
    out
}

/// One blob entry: file name, hash of the embedded source, encoded code.
fn entry(filename: &str, code: &CodeObject) -> Option<Vec<u8>> {
    let src = filename.strip_prefix("<frozen ").and_then(|s| s.strip_suffix('>')).and_then(frozen)?;
    let enc = marshal::encode(code)?;
    let mut out = Vec::with_capacity(16 + filename.len() + enc.len());
    out.extend_from_slice(&(filename.len() as u32).to_le_bytes());
    out.extend_from_slice(filename.as_bytes());
    out.extend_from_slice(&marshal::fnv1a(src.as_bytes()).to_le_bytes());
    out.extend_from_slice(&(enc.len() as u32).to_le_bytes());
    out.extend_from_slice(&enc);
    Some(out)
}

fn frozen(name: &str) -> Option<&'static str> {
    crate::stdlib::frozen_source(name)
}

/// A received blob with its entries located: file name → (source hash, bytes).
struct Preload {
    bytes: &'static [u8],
    index: HashMap<String, (u64, Range<usize>)>,
}

/// The worker's blob, read from the parent on first use.
static PRELOAD: OnceLock<Option<Preload>> = OnceLock::new();

fn parse(bytes: &'static [u8]) -> Option<Preload> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (schema, mut rest) = rest.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*schema) != marshal::schema_hash() {
        return None;
    }
    let mut index = HashMap::new();
    let u32_at = |s: &[u8]| s.first_chunk::<4>().map(|b| u32::from_le_bytes(*b) as usize);
    while !rest.is_empty() {
        let n = u32_at(rest)?;
        let name = std::str::from_utf8(rest.get(4..4 + n)?).ok()?.to_string();
        rest = &rest[4 + n..];
        let (hash, tail) = rest.split_first_chunk::<8>()?;
        let len = u32_at(tail)?;
        let start = bytes.len() - tail.len() + 4;
        tail.get(4..4 + len)?;
        index.insert(name, (u64::from_le_bytes(*hash), start..start + len));
        rest = &tail[4 + len..];
    }
    Some(Preload { bytes, index })
}

/// In a worker child: the parent's compiled code for the embedded module
/// `filename` whose source is `src`, if the parent sent it; else `None`
/// (and the caller compiles).
pub fn preloaded(rt: &Runtime, filename: &str, src: &str) -> Option<Arc<CodeObject>> {
    if !rt.config.mp_child {
        return None;
    }
    let p = PRELOAD.get_or_init(|| super::process::preload_frame().and_then(parse)).as_ref()?;
    let (hash, range) = p.index.get(filename)?;
    if *hash != marshal::fnv1a(src.as_bytes()) {
        return None;
    }
    let fname: Arc<str> = Arc::from(filename);
    let code = marshal::decode(p.bytes.get(range.clone())?, &fname, &|s| rt.intern(s))?;
    Some(Arc::new(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blob_lists_its_entries() {
        let mut empty = MAGIC.to_vec();
        empty.extend_from_slice(&marshal::schema_hash().to_le_bytes());
        let b = parse(empty.leak()).expect("empty blob parses");
        assert!(b.index.is_empty());
        assert!(parse(b"not a blob").is_none());
        let mut wrong_schema = MAGIC.to_vec();
        wrong_schema.extend_from_slice(&(!marshal::schema_hash()).to_le_bytes());
        assert!(parse(wrong_schema.leak()).is_none());
    }
}
