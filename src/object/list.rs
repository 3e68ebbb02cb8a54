//! `list`: a growable sequence behind its own lock.

use super::spinlock::{SpinGuard, SpinLock};

use super::value::Value;

/// A Python list. Every operation takes the lock once; Python code (a sort
/// key, an `__eq__`) never runs while it is held.
pub struct List {
    items: SpinLock<Vec<Value>>,
}

impl List {
    pub fn new(items: Vec<Value>) -> List {
        List { items: SpinLock::new(items) }
    }
    #[inline]
    pub fn lock(&self) -> SpinGuard<'_, Vec<Value>> {
        self.items.lock()
    }
    pub fn len(&self) -> usize {
        self.items.lock().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.lock().clone()
    }
    pub fn push(&self, v: Value) {
        self.items.lock().push(v)
    }
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.lock().get(i).cloned()
    }
}

impl Drop for List {
    /// Items go last to first, as CPython frees a list's: finalizers of the
    /// items run in that order.
    /// Deep nesting is freed without deep recursion (object/trashcan.rs).
    fn drop(&mut self) {
        let items = self.items.get_mut();
        super::trashcan::nested_drop(|deferred| match deferred {
            Some(q) => q.append(items),
            None => {
                while let Some(v) = items.pop() {
                    drop(v);
                }
            }
        });
    }
}
