//! Per-instruction inline caches (PEP 659's idea, adapted): each caching
//! instruction of a code object (LoadGlobal, LoadMethod, LoadAttr,
//! LoadFastAttr, StoreAttr) owns one [`CacheCell`] where it remembers what
//! its last lookup found.
//!
//! Why per instruction: the per-thread direct-mapped tables these replace
//! collided (a go-playing program missed 86% of its global lookups), and
//! one site's answer is the most stable thing there is to cache.
//!
//! Why no values inside: a cell holds only numbers — version tags that are
//! never reused and positions — so a cache never keeps an object alive, and
//! the interpreter re-reads the value under the owning dict's lock (where a
//! position is checked again) after the tags proved the position right.
//!
//! Code objects are shared by every thread, and with the GIL off two
//! threads may fill and read one cell at once: a cell is a sequence lock
//! over its words, so a reader sees all words of one write or nothing.
//! Cells are allocated the first time the code runs a caching instruction,
//! so code that never runs costs nothing.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering, fence};

use super::instr::Instr;

/// Words per cell: enough for two version tags and a position.
pub const WORDS: usize = 3;

/// One instruction's cache: [`WORDS`] words written together.
#[derive(Default)]
pub struct CacheCell {
    /// Even when the words are stable; odd while a writer is storing them.
    seq: AtomicU64,
    words: [AtomicU64; WORDS],
}

impl CacheCell {
    /// The words of the last complete write (all zero for a fresh cell), or
    /// `None` when a write is under way.
    #[inline]
    pub fn read(&self) -> Option<[u64; WORDS]> {
        let s1 = self.seq.load(Ordering::Acquire);
        if s1 & 1 != 0 {
            return None;
        }
        let w = [
            self.words[0].load(Ordering::Relaxed),
            self.words[1].load(Ordering::Relaxed),
            self.words[2].load(Ordering::Relaxed),
        ];
        fence(Ordering::Acquire);
        (self.seq.load(Ordering::Relaxed) == s1).then_some(w)
    }

    /// Replaces the words; gives up (the cache stays as it was) when
    /// another thread is writing this cell at the same moment.
    pub fn write(&self, w: [u64; WORDS]) {
        let s = self.seq.load(Ordering::Relaxed);
        if s & 1 != 0 || self.seq.compare_exchange(s, s + 1, Ordering::Acquire, Ordering::Relaxed).is_err() {
            return;
        }
        fence(Ordering::Release);
        for (slot, v) in self.words.iter().zip(w) {
            slot.store(v, Ordering::Relaxed);
        }
        self.seq.store(s + 2, Ordering::Release);
    }

    /// A single-word hint that the user checks before trusting it (an
    /// entry position whose key is compared again): no sequence needed.
    #[inline]
    pub fn hint(&self) -> u64 {
        self.words[0].load(Ordering::Relaxed)
    }

    /// Stores a new hint, unless the cell's second word says the first
    /// one is not a hint (`keep(word 1)` false: a slot index, a class
    /// position). No sequence lock: this runs whenever a site sees
    /// attributes at changing positions, and a writer may still slip in
    /// between the test and the store, so every other use of the first
    /// word validates it (see `vm/inline_attr.rs`).
    #[inline]
    pub fn set_hint_if(&self, v: u64, keep: impl Fn(u64) -> bool) {
        if keep(self.words[1].load(Ordering::Relaxed)) && self.words[0].load(Ordering::Relaxed) != v {
            self.words[0].store(v, Ordering::Relaxed);
        }
    }
}

/// Whether an instruction has a cache cell.
fn caches(i: &Instr) -> bool {
    matches!(
        i,
        Instr::LoadGlobal(_)
            | Instr::LoadMethod(_)
            | Instr::LoadAttr(_)
            | Instr::LoadFastAttr(..)
            | Instr::StoreFastAttr(..)
            | Instr::StoreAttr(_)
    )
}

struct Table {
    /// Cell number of each instruction (`u32::MAX`: none).
    slot: Box<[u32]>,
    cells: Box<[CacheCell]>,
}

/// The cells of one code object. Cloning a code object (`code.replace()`)
/// gives the copy empty caches of its own.
#[derive(Default)]
pub struct InlineCaches {
    table: OnceLock<Table>,
}

impl Clone for InlineCaches {
    fn clone(&self) -> Self {
        InlineCaches::default()
    }
}

impl InlineCaches {
    /// The cell of the instruction at `pc` of `instrs` (the code object's
    /// own instructions), if it is a caching one.
    #[inline]
    pub fn cell(&self, instrs: &[Instr], pc: usize) -> Option<&CacheCell> {
        let t = self.table.get_or_init(|| Table::of(instrs));
        let n = *t.slot.get(pc)?;
        t.cells.get(n as usize)
    }
}

impl Table {
    #[cold]
    fn of(instrs: &[Instr]) -> Table {
        let mut n = 0u32;
        let slot = instrs
            .iter()
            .map(|i| {
                if caches(i) {
                    n += 1;
                    n - 1
                } else {
                    u32::MAX
                }
            })
            .collect();
        Table { slot, cells: (0..n).map(|_| CacheCell::default()).collect() }
    }
}
