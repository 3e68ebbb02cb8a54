//! What `_bz2` and `_lzma` share: the decompressor's input bookkeeping of
//! CPython's C modules (`eof`, `needs_input`, `unused_data`, leftover input
//! kept between calls, `max_length`), the GIL released around work on large
//! buffers, and locking an object's stream without holding the GIL while
//! another thread works on it.

use parking_lot::{Mutex, MutexGuard};

use crate::runtime::gil::BlockKind;
use crate::vm::Vm;

/// Inputs or outputs at least this long are (de)compressed with the GIL
/// released; below it the switch costs more than it lets others run.
const NOGIL_BYTES: usize = 64 * 1024;

/// First output chunk of an unlimited decompression; later chunks double.
const FIRST_CHUNK: usize = 32 * 1024;

/// One step of a compression library's stream: runs over `input` into
/// `out`, telling how much of each it used and whether the stream ended.
pub trait Engine: Send {
    /// The library's error, turned into a Python exception by the caller.
    type Err;
    /// Consumes input and produces output once.
    fn step(&mut self, input: &[u8], out: &mut [u8]) -> Result<Step, Self::Err>;
}

/// What one [`Engine::step`] did.
pub struct Step {
    pub consumed: usize,
    pub produced: usize,
    pub end: bool,
}

/// Locks a stream's mutex; when another thread holds it (maybe working
/// with the GIL released), waits without the GIL so that thread can finish.
pub fn lock_stream<'a, T>(vm: &mut Vm, m: &'a Mutex<T>) -> MutexGuard<'a, T> {
    match m.try_lock() {
        Some(g) => g,
        None => vm.allow_threads(BlockKind::Lock, || m.lock()),
    }
}

/// Runs `f`, with the GIL released when `len` bytes are worth it.
pub fn maybe_nogil<R>(vm: &mut Vm, len: usize, f: impl FnOnce() -> R) -> R {
    if len >= NOGIL_BYTES { vm.allow_threads(BlockKind::Other, f) } else { f() }
}

/// A decompressor's state outside the library: CPython's attributes and
/// the input it has not consumed yet.
#[derive(Default)]
pub struct DecompBuf {
    pub eof: bool,
    pub needs_input: bool,
    pub unused_data: Vec<u8>,
    /// Input left over by a call that hit `max_length`.
    pub pending: Vec<u8>,
}

impl DecompBuf {
    /// A fresh decompressor: it needs input.
    pub fn new() -> DecompBuf {
        DecompBuf { needs_input: true, ..DecompBuf::default() }
    }

    /// Feeds `data` (after the pending input) to `eng`, producing at most
    /// `max_length` bytes (negative: no limit); keeps what is left over as
    /// CPython does. The caller checks `eof` first (`EOFError`).
    pub fn decompress<E: Engine>(&mut self, eng: &mut E, data: &[u8], max_length: i64) -> Result<Vec<u8>, E::Err> {
        let joined;
        let input: &[u8] = if self.pending.is_empty() {
            data
        } else {
            let mut v = std::mem::take(&mut self.pending);
            v.extend_from_slice(data);
            joined = v;
            &joined
        };
        let mut out: Vec<u8> = Vec::new();
        let mut pos = 0;
        let mut out_full = false;
        // Calls in a row that moved nothing: a decoder reporting an event
        // (liblzma's "integrity check known") makes no progress once.
        let mut stalls = 0;
        loop {
            let room = if max_length >= 0 {
                (max_length as usize - out.len()).min(FIRST_CHUNK.max(out.len()))
            } else {
                FIRST_CHUNK.max(out.len())
            };
            if room == 0 {
                out_full = true;
                break;
            }
            let start = out.len();
            out.resize(start + room, 0);
            let st = match eng.step(&input[pos..], &mut out[start..]) {
                Ok(st) => st,
                Err(e) => {
                    self.pending = input[pos..].to_vec();
                    return Err(e);
                }
            };
            pos += st.consumed;
            out.truncate(start + st.produced);
            if st.end {
                self.eof = true;
                break;
            }
            if st.produced == room {
                continue;
            }
            stalls = if st.consumed == 0 && st.produced == 0 { stalls + 1 } else { 0 };
            if pos == input.len() || stalls >= 2 {
                break;
            }
        }
        let rest = &input[pos..];
        if self.eof {
            self.needs_input = false;
            if !rest.is_empty() {
                self.unused_data = rest.to_vec();
            }
        } else if rest.is_empty() {
            // Output filled to the limit may leave bytes inside the library:
            // the next call can get them without new input.
            self.needs_input = !out_full;
        } else {
            self.needs_input = false;
            self.pending = rest.to_vec();
        }
        Ok(out)
    }
}
