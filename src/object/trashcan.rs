//! Freeing deeply nested containers without deep Rust recursion (CPython's
//! "trashcan").
//!
//! Dropping a list that holds a list that holds a list … recurses once per
//! level in Rust. Three million levels (`x = [x]` in a loop) overflow even a
//! large thread stack and abort the process. So each thread counts how many
//! container drops are in progress on its stack; past [`MAX_DEPTH`], a
//! container does not free its items itself but moves them onto the thread's
//! deferred list, and the outermost container drop frees that list one item
//! at a time. Shallow data (nearly all of it) pays two thread-local accesses.

use super::value::Value;
use std::cell::{Cell, RefCell};

/// Nested container drops allowed on the stack before items are deferred.
const MAX_DEPTH: usize = 256;

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    static DEFERRED: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// Frees a container's items one nesting level deeper. `free` is called with
/// `None` to drop the items in place, or, when the thread is already
/// [`MAX_DEPTH`] drops deep, with the deferred list to move them onto.
pub fn nested_drop(free: impl FnOnce(Option<&mut Vec<Value>>)) {
    let Ok(depth) = DEPTH.try_with(|d| d.get()) else {
        // The thread's locals are being torn down: free in place.
        return free(None);
    };
    if depth >= MAX_DEPTH {
        // Another drop of this thread is draining, or will drain, the list.
        let _ = DEFERRED.try_with(|q| free(Some(&mut q.borrow_mut())));
        return;
    }
    DEPTH.with(|d| d.set(depth + 1));
    free(None);
    if depth == 0 {
        // The outermost drop: free what deeper levels deferred, one at a time
        // (each may defer more; the loop ends when nothing is left).
        while let Some(v) = DEFERRED.with(|q| q.borrow_mut().pop()) {
            drop(v);
        }
    }
    DEPTH.with(|d| d.set(depth));
}
