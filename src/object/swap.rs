//! A field that a script may replace while other threads read it without a
//! lock: an instance's class (`obj.__class__ = C`) and dict
//! (`obj.__dict__ = d`), a class's bases and MRO (`C.__bases__ = …`).
//!
//! Readers get a plain `&T` borrowed from the owner, as they did when the
//! field was immutable, so the hot paths (`self.x`, every method lookup) pay
//! one load and a branch. That borrow must outlive a concurrent replacement
//! with the GIL off, so a replaced value is never freed before the owner:
//! every value ever stored lives in a list that the owner drops. A value
//! stored again (`_threading_local` swaps the same per-thread dicts back in
//! on every access, a state machine cycles through its classes) reuses its
//! earlier entry, so the list grows with the number of *distinct* values,
//! not of assignments.

use std::ops::Deref;
use std::sync::atomic::{AtomicPtr, Ordering};

use parking_lot::Mutex;

/// One stored replacement; `store` points back at the list that owns it.
struct Node<T> {
    val: T,
    store: *const Store<T>,
}

/// Every replacement ever stored in one cell (boxed: their addresses are
/// what readers hold).
struct Store<T> {
    nodes: Mutex<Vec<Box<Node<T>>>>,
}

/// A value set at creation that may be replaced later (see the module doc).
pub struct SwapCell<T> {
    first: T,
    /// Null until the first replacement; then the current node, never null
    /// again (the first value, stored back, gets a node of its own).
    cur: AtomicPtr<Node<T>>,
}

// SAFETY: the raw pointers only ever point at nodes owned by this cell (freed
// in its `Drop`, which has exclusive access); values are shared as `&T`, so
// the cell is as thread-safe as `T` is.
unsafe impl<T: Send + Sync> Send for SwapCell<T> {}
unsafe impl<T: Send + Sync> Sync for SwapCell<T> {}

impl<T> SwapCell<T> {
    pub fn new(first: T) -> SwapCell<T> {
        SwapCell { first, cur: AtomicPtr::new(std::ptr::null_mut()) }
    }

    /// The current value.
    #[inline]
    pub fn current(&self) -> &T {
        let p = self.cur.load(Ordering::Acquire);
        if p.is_null() {
            &self.first
        } else {
            // SAFETY: a non-null `cur` points at a node owned by this cell's
            // store, which lives until the cell is dropped.
            unsafe { &(*p).val }
        }
    }

    /// True once the value was ever replaced.
    pub fn was_replaced(&self) -> bool {
        !self.cur.load(Ordering::Acquire).is_null()
    }

    /// Makes `v` the current value. `same` tells whether an earlier value
    /// may stand for `v` (pointer identity, for `Arc`s), so that its node is
    /// reused instead of a new one kept.
    pub fn replace_with(&self, v: T, same: impl Fn(&T, &T) -> bool) {
        let p = self.cur.load(Ordering::Acquire);
        if p.is_null() {
            // The first replacement: make the store and try to install it.
            let store = Box::into_raw(Box::new(Store { nodes: Mutex::new(Vec::new()) }));
            let mut node = Box::new(Node { val: v, store });
            let np: *mut Node<T> = &mut *node;
            // SAFETY: `store` was just allocated and is not shared yet.
            unsafe { (*store).nodes.lock().push(node) };
            match self.cur.compare_exchange(std::ptr::null_mut(), np, Ordering::AcqRel, Ordering::Acquire) {
                Ok(_) => return,
                Err(_) => {
                    // Another thread installed its store first: undo ours and
                    // store through theirs.
                    // SAFETY: ours was never published.
                    let store = unsafe { Box::from_raw(store) };
                    let node = store.nodes.lock().pop().expect("node");
                    let Node { val, .. } = *node;
                    return self.replace_with(val, same);
                }
            }
        }
        // SAFETY: as in `current`; the store outlives every node.
        let store = unsafe { &*(*p).store };
        let mut nodes = store.nodes.lock();
        let np: *mut Node<T> = match nodes.iter_mut().find(|n| same(&n.val, &v)) {
            Some(n) => &mut **n,
            None => {
                let mut node = Box::new(Node { val: v, store });
                let np: *mut Node<T> = &mut *node;
                nodes.push(node);
                np
            }
        };
        // Under the store's lock, so two writers cannot interleave.
        self.cur.store(np, Ordering::Release);
    }

    /// Calls `f` on every value kept that is not the current one (the
    /// first value included), under the store's lock: an owner empties those
    /// nothing else refers to, so that a value swapped out for good (a
    /// finished thread's `_threading_local` dict) does not keep its contents
    /// alive with the owner. The value itself stays: a reader may still hold
    /// it.
    pub fn for_each_retired(&self, mut f: impl FnMut(&T)) {
        let p = self.cur.load(Ordering::Acquire);
        if p.is_null() {
            return;
        }
        // SAFETY: as in `current`.
        let store = unsafe { &*(*p).store };
        let nodes = store.nodes.lock();
        f(&self.first);
        for n in nodes.iter() {
            if !std::ptr::eq(&**n, p) {
                f(&n.val);
            }
        }
    }

    /// The current value, for an owner with exclusive access (its `Drop`).
    pub fn current_mut(&mut self) -> &mut T {
        let p = *self.cur.get_mut();
        if p.is_null() {
            &mut self.first
        } else {
            // SAFETY: exclusive access to the cell, hence to its nodes.
            unsafe { &mut (*p).val }
        }
    }
}

impl<T> Deref for SwapCell<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        self.current()
    }
}

impl<T> Drop for SwapCell<T> {
    fn drop(&mut self) {
        let p = *self.cur.get_mut();
        if !p.is_null() {
            // SAFETY: every node points at the one store, allocated by `set`
            // with `Box::into_raw`; nothing else frees it.
            drop(unsafe { Box::from_raw((*p).store as *mut Store<T>) });
        }
    }
}

/// `for c in &cls.mro`: iterates the current list.
impl<'a, T> IntoIterator for &'a SwapCell<Vec<T>> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.current().iter()
    }
}
