//! `tuple`: an immutable sequence, so it needs no lock.

use super::value::Value;

/// A Python tuple.
pub struct Tuple {
    pub items: Box<[Value]>,
}

impl Tuple {
    pub fn new(items: Vec<Value>) -> Tuple {
        Tuple { items: items.into_boxed_slice() }
    }
    pub fn len(&self) -> usize {
        self.items.len()
    }
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl Drop for Tuple {
    /// Items go last to first, as CPython frees a tuple's: finalizers of
    /// the items run in that order.
    /// Deep nesting is freed without deep recursion (object/trashcan.rs).
    fn drop(&mut self) {
        let mut items = std::mem::take(&mut self.items).into_vec();
        super::trashcan::nested_drop(|deferred| match deferred {
            Some(q) => q.append(&mut items),
            None => {
                while let Some(v) = items.pop() {
                    drop(v);
                }
            }
        });
    }
}
