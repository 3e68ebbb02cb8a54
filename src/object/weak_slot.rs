//! An instance's list of weak references and its "finalized" flag in one
//! word. Both are rare (most instances are never weakly referenced and have
//! no `__del__`), and as two fields (a `OnceLock<Box<_>>` and an
//! `AtomicBool`) they took 24 bytes: enough to push every instance into the
//! allocator's next size class. Here the list is a pointer set once, and the
//! flag is its bit 0 (a boxed `WeakList` is at least 8-byte aligned).

use std::marker::PhantomData;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::finalize::WeakList;

/// Bit 0 of the word: `__del__` has run or is queued (see
/// [`WeakSlot::mark_finalized`]).
const FINALIZED: usize = 1;

/// The `weakref.ref`s to an instance (a list made by the first one) and the
/// instance's finalized flag, in one atomic word.
pub struct WeakSlot {
    bits: AtomicUsize,
    /// The word owns a `Box<WeakList>`: the slot is `Send`/`Sync` exactly
    /// when the box is.
    _owns: PhantomData<Box<WeakList>>,
}

impl Default for WeakSlot {
    fn default() -> Self {
        WeakSlot::new(false)
    }
}

impl WeakSlot {
    /// No list yet; `finalized` as given (true for the copy of an instance
    /// that is queued for its `__del__`).
    pub const fn new(finalized: bool) -> WeakSlot {
        WeakSlot { bits: AtomicUsize::new(if finalized { FINALIZED } else { 0 }), _owns: PhantomData }
    }

    #[inline]
    fn list_at(bits: usize) -> Option<&'static WeakList> {
        let p = (bits & !FINALIZED) as *const WeakList;
        // SAFETY: a non-null pointer was made by `Box::into_raw` in
        // `get_or_init` and is freed only by `Drop`, which has exclusive
        // access; callers tie the reference to `&self` (see `get`).
        (!p.is_null()).then(|| unsafe { &*p })
    }

    /// The list, once the first weak reference made it.
    #[inline]
    pub fn get(&self) -> Option<&WeakList> {
        Self::list_at(self.bits.load(Ordering::Acquire))
    }

    /// The list, made by `make` if there is none yet (when two threads race,
    /// the loser's list is dropped and the winner's returned).
    pub fn get_or_init(&self, make: impl FnOnce() -> Box<WeakList>) -> &WeakList {
        if let Some(w) = self.get() {
            return w;
        }
        let new = Box::into_raw(make());
        let mut cur = self.bits.load(Ordering::Acquire);
        loop {
            if let Some(w) = Self::list_at(cur) {
                // SAFETY: `new` was never published.
                drop(unsafe { Box::from_raw(new) });
                return w;
            }
            // Keep the flag bit as it is: only the pointer part is set.
            match self.bits.compare_exchange_weak(cur, cur | new as usize, Ordering::AcqRel, Ordering::Acquire) {
                // SAFETY: published just now; freed only by `Drop`.
                Ok(_) => return unsafe { &*new },
                Err(now) => cur = now,
            }
        }
    }

    /// Whether `__del__` has run (or is queued to run).
    #[inline]
    pub fn finalized(&self) -> bool {
        self.bits.load(Ordering::Acquire) & FINALIZED != 0
    }

    /// Marks the instance finalized; returns whether it already was (so
    /// that of two racing callers exactly one runs the finalizer).
    #[inline]
    pub fn mark_finalized(&self) -> bool {
        self.bits.fetch_or(FINALIZED, Ordering::AcqRel) & FINALIZED != 0
    }
}

impl Drop for WeakSlot {
    fn drop(&mut self) {
        let p = (*self.bits.get_mut() & !FINALIZED) as *mut WeakList;
        if !p.is_null() {
            // SAFETY: made by `Box::into_raw` in `get_or_init`; exclusive
            // access now.
            drop(unsafe { Box::from_raw(p) });
        }
    }
}
