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
    Seq {
        seq: Value,
        pos: Mutex<usize>,
    },
    /// `reversed(list)`: position counts down; `usize::MAX` when done.
    SeqRev {
        seq: Value,
        pos: Mutex<isize>,
    },
    Range {
        next: Mutex<(i64, i64)>,
        step: i64,
    },
    Dict {
        dict: Arc<Dict>,
        kind: DictIterKind,
        pos: Mutex<usize>,
        len_at_start: usize,
    },
    /// A precomputed sequence (sets, sorted snapshots, …).
    Values(Mutex<std::vec::IntoIter<Value>>),
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
            NativeIter::SeqRev { .. } => "list_reverseiterator",
            NativeIter::Range { .. } => "range_iterator",
            NativeIter::Dict { kind, .. } => match kind {
                DictIterKind::Keys => "dict_keyiterator",
                DictIterKind::Values => "dict_valueiterator",
                DictIterKind::Items => "dict_itemiterator",
            },
            NativeIter::Values(_) => "set_iterator",
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
