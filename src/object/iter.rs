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
    /// list / tuple / str / bytes by position (str: byte offset). An atomic
    /// position (not a lock) because `for` loops step it on every iteration:
    /// claiming a position is one atomic add, so two threads sharing the
    /// iterator still never get the same item.
    Seq {
        seq: Value,
        pos: std::sync::atomic::AtomicUsize,
    },
    /// `reversed(list)`: position counts down; `usize::MAX` when done.
    SeqRev {
        seq: Value,
        pos: Mutex<isize>,
    },
    /// `iter(range)`: item k is `start + k*step` for k < len; `taken` is the
    /// next k, claimed with one atomic add (see `Seq`).
    Range {
        start: i64,
        step: i64,
        len: i64,
        taken: std::sync::atomic::AtomicI64,
    },
    /// Over a dict's raw entry positions; `pos` is only read and written
    /// under the dict's lock, so a plain atomic word is enough.
    Dict {
        dict: Arc<Dict>,
        kind: DictIterKind,
        pos: std::sync::atomic::AtomicUsize,
        len_at_start: usize,
    },
    /// A precomputed sequence (reversed snapshots, …), with the name of the
    /// CPython type it stands for (`reversed`, `dict_reversekeyiterator`).
    Values(Mutex<std::vec::IntoIter<Value>>, &'static str),
    /// `iter(set)`: a snapshot of the keys, plus the set and its size at the
    /// start so that a change of size raises, as in CPython.
    Set {
        set: Arc<super::set::Set>,
        keys: Mutex<std::vec::IntoIter<Value>>,
        len_at_start: usize,
    },
    Enumerate {
        inner: Value,
        count: Mutex<Value>,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
        done: Mutex<bool>,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        iter: Value,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
        done: Mutex<bool>,
    },
    /// The old protocol: call `__getitem__(0)`, `(1)`, … until IndexError.
    GetItem {
        obj: Value,
        index: Mutex<i64>,
    },
}

impl NativeIter {
    /// A range iterator over `len` items from `start` by `step`.
    pub fn range(start: i64, len: i64, step: i64) -> NativeIter {
        NativeIter::Range { start, step, len, taken: std::sync::atomic::AtomicI64::new(0) }
    }

    /// A position iterator over a list, tuple, str or bytes.
    pub fn seq(seq: Value) -> NativeIter {
        NativeIter::Seq { seq, pos: std::sync::atomic::AtomicUsize::new(0) }
    }

    /// The next item of the iterators that step without Python code and
    /// without errors — range, and list/tuple/bytes positions — as
    /// `Some(next)`; `None` for every other kind (`Vm::next_value` handles
    /// them). Shared by `for` loops' inline path and `next()`.
    #[inline]
    pub fn next_simple(&self) -> Option<Option<Value>> {
        use std::sync::atomic::Ordering::Relaxed;
        match self {
            NativeIter::Range { start, step, len, taken } => {
                let k = taken.fetch_add(1, Relaxed);
                Some((k < *len).then(|| Value::Int(start.wrapping_add(k.wrapping_mul(*step)))))
            }
            NativeIter::Seq { seq: Value::List(l), pos } => {
                let p = pos.fetch_add(1, Relaxed);
                let item = l.lock().get(p).cloned();
                if item.is_none() {
                    // Once exhausted, stays exhausted even if the list grows.
                    pos.store(usize::MAX / 2, Relaxed);
                }
                Some(item)
            }
            NativeIter::Seq { seq: Value::Tuple(t), pos } => Some(t.items.get(pos.fetch_add(1, Relaxed)).cloned()),
            NativeIter::Seq { seq: Value::Bytes(b), pos } => {
                Some(b.get(pos.fetch_add(1, Relaxed)).map(|x| Value::Int(*x as i64)))
            }
            _ => None,
        }
    }
}

impl NativeIter {
    /// The name CPython gives this iterator's type (`type(iter([]))` is `list_iterator`).
    pub fn type_name(&self) -> &'static str {
        match self {
            NativeIter::Seq { seq, .. } => match seq {
                Value::List(_) => "list_iterator",
                Value::Tuple(_) => "tuple_iterator",
                Value::Str(s) if s.is_ascii() => "str_ascii_iterator",
                Value::Str(_) => "str_iterator",
                _ => "bytes_iterator",
            },
            NativeIter::SeqRev { seq: Value::List(_), .. } => "list_reverseiterator",
            NativeIter::SeqRev { .. } => "reversed",
            NativeIter::Range { .. } => "range_iterator",
            NativeIter::Dict { kind, .. } => match kind {
                DictIterKind::Keys => "dict_keyiterator",
                DictIterKind::Values => "dict_valueiterator",
                DictIterKind::Items => "dict_itemiterator",
            },
            NativeIter::Values(_, name) => name,
            NativeIter::Set { .. } => "set_iterator",
            NativeIter::Enumerate { .. } => "enumerate",
            NativeIter::Zip { .. } => "zip",
            NativeIter::Map { .. } => "map",
            NativeIter::Filter { .. } => "filter",
            NativeIter::Callable { .. } => "callable_iterator",
            NativeIter::GetItem { .. } => "iterator",
        }
    }
}

/// Every iterator type name, so the runtime can make one class for each.
pub const ITER_TYPE_NAMES: &[&str] = &[
    "list_iterator",
    "tuple_iterator",
    "str_ascii_iterator",
    "str_iterator",
    "bytes_iterator",
    "list_reverseiterator",
    "reversed",
    "dict_reversekeyiterator",
    "dict_reversevalueiterator",
    "dict_reverseitemiterator",
    "range_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "set_iterator",
    "enumerate",
    "zip",
    "map",
    "filter",
    "callable_iterator",
    "iterator",
];
