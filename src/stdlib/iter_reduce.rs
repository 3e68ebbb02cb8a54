//! The state of the built-in iterators: how much is left
//! (`__length_hint__`, which `operator.length_hint` reads) and pickling
//! (`__reduce__` and `__setstate__`), as CPython 3.11's: a position iterator is `iter(seq)` plus its position, a
//! set or dict iterator is `iter(list of what is left)`, and an exhausted
//! one is `iter` of an empty sequence. `copy`, `pickle` and
//! `itertools.tee`-style code rely on these.

use std::sync::Arc;
use std::sync::atomic::Ordering::Relaxed;

use super::method;
use crate::object::iter::NativeIter;
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Runtime, Vm};

/// The iterator a method was called on.
fn this<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a Arc<NativeIter>> {
    match a.pos.first() {
        Some(Value::Iter(it)) => Ok(it),
        // An instance of a subclass of enumerate, zip, map, filter.
        Some(Value::Instance(inst)) => match inst.builtin_value() {
            Some(Value::Iter(it)) => Ok(it),
            _ => Err(vm.type_error("descriptor requires an iterator")),
        },
        _ => Err(vm.type_error("descriptor requires an iterator")),
    }
}

fn builtin(vm: &Vm, name: &str) -> Value {
    vm.rt.builtins.get_item_str(name).unwrap_or(Value::None)
}

/// The length of a position iterator's sequence, in the units of its
/// position (bytes for a str: gilt steps str iterators by byte offset).
fn seq_len(seq: &Value) -> usize {
    match seq {
        Value::List(l) => l.len(),
        Value::Tuple(t) => t.items.len(),
        Value::Str(s) => s.as_str().len(),
        Value::Bytes(b) => b.len(),
        _ => 0,
    }
}

/// An empty sequence of `seq`'s kind, for an exhausted iterator's reduce.
fn empty_like(seq: &Value) -> Value {
    match seq {
        Value::List(_) => Value::list(Vec::new()),
        Value::Str(_) => Value::str(""),
        _ => Value::tuple(Vec::new()),
    }
}

fn reduce(vm: &mut Vm, a: &Args) -> PyResult {
    let it = this(vm, a)?.clone();
    let iter = builtin(vm, "iter");
    let call = |f: Value, args: Vec<Value>| Value::tuple(vec![f, Value::tuple(args)]);
    Ok(match &*it {
        NativeIter::Seq { seq, pos } => {
            let p = pos.load(Relaxed);
            // Past the end only once `next` has hit it (then it stays exhausted).
            if p > seq_len(seq) {
                call(iter, vec![empty_like(seq)])
            } else {
                // A str iterator's position is a byte offset; pickles count characters.
                let index = match seq {
                    Value::Str(s) => s.as_str().get(..p).map_or(0, |h| h.chars().count()),
                    _ => p,
                };
                Value::tuple(vec![iter, Value::tuple(vec![seq.clone()]), Value::Int(index as i64)])
            }
        }
        NativeIter::SeqRev { seq, pos } => {
            let p = *pos.lock();
            if p < 0 || p as usize >= vm.len_of(seq)? {
                call(iter, vec![Value::list(Vec::new())])
            } else {
                let reversed = builtin(vm, "reversed");
                Value::tuple(vec![reversed, Value::tuple(vec![seq.clone()]), Value::Int(p as i64)])
            }
        }
        NativeIter::Range { start, step, len, taken } => {
            let stop = start.saturating_add(len.saturating_mul(*step));
            let range =
                vm.call(&builtin(vm, "range"), vec![Value::Int(*start), Value::Int(stop), Value::Int(*step)])?;
            let k = taken.load(Relaxed).min(*len);
            Value::tuple(vec![iter, Value::tuple(vec![range]), Value::Int(k)])
        }
        NativeIter::Set { keys, .. } => call(iter, vec![Value::list(keys.lock().as_slice().to_vec())]),
        NativeIter::Values(rest, _) => call(iter, vec![Value::list(rest.lock().as_slice().to_vec())]),
        NativeIter::Dict { dict, kind, pos, len_at_start } => {
            // What is left, by stepping a copy of the iterator over the same dict.
            let copy = NativeIter::Dict {
                dict: dict.clone(),
                kind: *kind,
                pos: std::sync::atomic::AtomicUsize::new(pos.load(Relaxed)),
                len_at_start: *len_at_start,
            };
            let rest = vm.collect(&Value::Iter(Arc::new(copy)))?;
            call(iter, vec![Value::list(rest)])
        }
        NativeIter::Enumerate { inner, count } => {
            // CPython reduces to the object's own type (a subclass too).
            let enumerate = Value::Class(vm.class_of(&a.pos[0]));
            Value::tuple(vec![enumerate, Value::tuple(vec![inner.clone(), count.lock().clone()])])
        }
        NativeIter::Zip { iters, .. } => call(Value::Class(vm.class_of(&a.pos[0])), iters.clone()),
        NativeIter::Map { func, iters } => {
            let mut args = vec![func.clone()];
            args.extend(iters.iter().cloned());
            call(Value::Class(vm.class_of(&a.pos[0])), args)
        }
        NativeIter::Filter { func, iter: inner } => {
            call(Value::Class(vm.class_of(&a.pos[0])), vec![func.clone(), inner.clone()])
        }
        NativeIter::Callable { func, sentinel, done } => {
            if *done.lock() {
                call(iter, vec![Value::tuple(Vec::new())])
            } else {
                call(iter, vec![func.clone(), sentinel.clone()])
            }
        }
        NativeIter::GetItem { obj, index } => match *index.lock() {
            i if i < 0 => call(iter, vec![Value::tuple(Vec::new())]),
            i => Value::tuple(vec![iter, Value::tuple(vec![obj.clone()]), Value::Int(i)]),
        },
    })
}

/// `it.__length_hint__()`: the items still to come, as CPython's iterators
/// count them (0 once a set or dict changed size; `NotImplemented` for an
/// old-protocol iterator over an object without `len`).
fn length_hint(vm: &mut Vm, a: &Args) -> PyResult {
    let it = this(vm, a)?.clone();
    let n = match &*it {
        NativeIter::Seq { seq, pos } => {
            let p = pos.load(Relaxed);
            match seq {
                Value::Str(s) => s.as_str().get(p..).map_or(0, |rest| rest.chars().count()),
                _ => seq_len(seq).saturating_sub(p),
            }
        }
        // CPython's reversed_len: the sequence's length now (its
        // `__len__` may raise), capped by the position.
        NativeIter::SeqRev { seq, pos } => {
            let p = *pos.lock();
            if p < 0 {
                0
            } else {
                let n = vm.len_of(seq)?;
                if (p as usize) < n { p as usize + 1 } else { 0 }
            }
        }
        NativeIter::Range { len, taken, .. } => (*len - taken.load(Relaxed)).max(0) as usize,
        NativeIter::Set { set, keys, len_at_start } => {
            if set.len() == *len_at_start {
                keys.lock().len()
            } else {
                0
            }
        }
        NativeIter::Values(rest, _) => rest.lock().len(),
        NativeIter::Dict { dict, len_at_start, .. } => {
            if dict.len() != *len_at_start {
                0
            } else {
                // What is left, by stepping a copy over the same dict (see `reduce`).
                let NativeIter::Dict { kind, pos, .. } = &*it else { unreachable!() };
                let copy = NativeIter::Dict {
                    dict: dict.clone(),
                    kind: *kind,
                    pos: std::sync::atomic::AtomicUsize::new(pos.load(Relaxed)),
                    len_at_start: *len_at_start,
                };
                vm.collect(&Value::Iter(Arc::new(copy)))?.len()
            }
        }
        NativeIter::GetItem { obj, index } => {
            let i = *index.lock();
            if i < 0 {
                0
            } else {
                let len = builtin(vm, "len");
                match vm.call(&len, vec![obj.clone()]) {
                    Ok(n) => (vm.ssize_index(&n)? - i).max(0) as usize,
                    Err(_) => return Ok(Value::NotImplemented),
                }
            }
        }
        _ => return Err(vm.type_error("this iterator has no length hint")),
    };
    Ok(Value::Int(n as i64))
}

/// `it.__setstate__(index)`: the position, clamped to the sequence.
fn setstate(vm: &mut Vm, a: &Args) -> PyResult {
    a.expect_after_self(vm, 1)?;
    let it = this(vm, a)?.clone();
    let index = vm.ssize_index(&a.pos[1])?.max(0);
    match &*it {
        // An exhausted iterator stays exhausted (CPython ignores the state then).
        NativeIter::Seq { seq, pos } if pos.load(Relaxed) > seq_len(seq) => {}
        NativeIter::Seq { seq, pos } => {
            let p = match seq {
                Value::Str(s) => s.as_str().char_indices().nth(index as usize).map_or(s.as_str().len(), |(b, _)| b),
                _ => (index as usize).min(seq_len(seq)),
            };
            pos.store(p, Relaxed);
        }
        NativeIter::SeqRev { seq, pos } => {
            let n = vm.len_of(seq)? as i64;
            let i = vm.ssize_index(&a.pos[1])?;
            *pos.lock() = if i < -1 { -1 } else { i.min(n - 1) } as isize;
        }
        NativeIter::Range { len, taken, .. } => taken.store(index.min(*len), Relaxed),
        NativeIter::GetItem { index: i, .. } => {
            let mut i = i.lock();
            if *i >= 0 {
                *i = index;
            }
        }
        _ => return Err(vm.type_error("this iterator has no state to set")),
    }
    Ok(Value::None)
}

/// Adds `__reduce__` (and `__setstate__` where CPython has it) to every
/// built-in iterator class.
pub fn register(rt: &Runtime) {
    for (name, cls) in &rt.types.iterators {
        method(cls, "__reduce__", |vm, a| reduce(vm, &a));
        if !matches!(*name, "enumerate" | "zip" | "map" | "filter" | "callable_iterator") {
            method(cls, "__length_hint__", |vm, a| length_hint(vm, &a));
        }
        let has_state = matches!(
            *name,
            "list_iterator"
                | "tuple_iterator"
                | "str_ascii_iterator"
                | "str_iterator"
                | "bytes_iterator"
                | "list_reverseiterator"
                | "reversed"
                | "range_iterator"
                | "iterator"
        );
        if has_state {
            method(cls, "__setstate__", |vm, a| setstate(vm, &a));
        }
    }
}
