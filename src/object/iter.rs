//! Built-in iterator objects. Advancing them is the VM's job (some call
//! Python code); these are just their states, each behind a small lock.

use std::sync::Arc;

use parking_lot::Mutex;

use super::dict::Dict;
use super::value::Value;

/// Which view of a dict an iterator walks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

/// The state of a built-in iterator.
pub enum NativeIter {
    /// list / tuple / str / bytes by position (str: byte offset).
    Seq { seq: Value, pos: Mutex<usize> },
    /// `reversed(list)`: position counts down; `usize::MAX` when done.
    SeqRev { seq: Value, pos: Mutex<isize> },
    Range { next: Mutex<(i64, i64)>, step: i64 },
    Dict { dict: Arc<Dict>, kind: DictIterKind, pos: Mutex<usize>, len_at_start: usize },
    /// A precomputed sequence (sets, sorted snapshots, …).
    Values(Mutex<std::vec::IntoIter<Value>>),
    Enumerate { inner: Value, count: Mutex<Value> },
    Zip { iters: Vec<Value>, strict: bool, done: Mutex<bool> },
    Map { func: Value, iters: Vec<Value> },
    Filter { func: Value, iter: Value },
    /// `iter(callable, sentinel)`.
    Callable { func: Value, sentinel: Value, done: Mutex<bool> },
    /// The old protocol: call `__getitem__(0)`, `(1)`, … until IndexError.
    GetItem { obj: Value, index: Mutex<i64> },
}
