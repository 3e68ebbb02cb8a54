//! The `_bisect` module: `bisect_left`, `bisect_right`, `insort_left` and
//! `insort_right` (with `lo`, `hi` and `key`) as CPython's C module has them,
//! which `bisect.py` takes over its pure-Python versions. The sequence is read
//! item by item through the sequence protocol and compared with `<` (the
//! probe on the left for `bisect_left`, on the right for `bisect_right`),
//! so a list changed by a comparison is read as it is then, never under a lock.

use std::sync::Arc;

use super::def;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::parse::ast::CmpOp;
use crate::vm::{Args, PyErr, PyResult, Vm};

/// Which side of equal items a search ends on.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Left,
    Right,
}

/// The bound arguments of every function here: `(a, x, lo=0, hi=None, *, key=None)`.
struct Search {
    seq: Value,
    x: Value,
    lo: i64,
    /// None: up to `len(a)`.
    hi: Option<i64>,
    key: Option<Value>,
}

fn bind(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<Search> {
    if a.pos.len() > 4 {
        let n = a.pos.len();
        return Err(vm.type_error(&format!("{fname}() takes at most 4 positional arguments ({n} given)")));
    }
    let mut s = a.clinic_slots(vm, fname, &["a", "x", "lo", "hi", "key"], 2)?.into_iter();
    let seq = s.next().flatten().unwrap_or(Value::None);
    let x = s.next().flatten().unwrap_or(Value::None);
    let lo = match s.next().flatten() {
        Some(v) => vm.ssize_index(&v)?,
        None => 0,
    };
    let hi = match s.next().flatten() {
        None | Some(Value::None) => None,
        Some(v) => match vm.exact_index(&v)? {
            Some(Value::Int(i)) => Some(i),
            Some(_) => return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
            None => {
                let tn = vm.type_name(&v);
                return Err(vm.type_error(&format!("argument should be integer or None, not '{tn}'")));
            }
        },
    };
    let key = s.next().flatten().filter(|k| !matches!(k, Value::None));
    Ok(Search { seq, x, lo, hi, key })
}

/// True for the mappings that are not sequences (CPython's `PySequence_*`
/// refuse them with "dict is not a sequence").
fn is_plain_mapping(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Dict(_) => true,
        Value::Instance(inst) => inst.class.is_subclass(&vm.rt.types.dict),
        _ => false,
    }
}

fn not_a_sequence(vm: &mut Vm, v: &Value) -> PyErr {
    let tn = vm.type_name(v);
    vm.type_error(&format!("{tn} is not a sequence"))
}

/// `a[i]` as `PySequence_GetItem`.
fn item(vm: &mut Vm, seq: &Value, i: i64) -> PyResult {
    if is_plain_mapping(vm, seq) {
        return Err(not_a_sequence(vm, seq));
    }
    match vm.get_item(seq, &Value::Int(i)) {
        Err(e)
            if e.exc.class.is_subclass(&vm.rt.types.exc("TypeError"))
                && vm.class_of(seq).lookup("__getitem__").is_none() =>
        {
            let tn = vm.type_name(seq);
            Err(vm.type_error(&format!("'{tn}' object does not support indexing")))
        }
        r => r,
    }
}

/// The insertion point of `x` (already passed through `key` for insort).
fn search(vm: &mut Vm, s: &Search, x: &Value, side: Side) -> PyResult<i64> {
    if s.lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let (mut lo, mut hi) = (s.lo, s.hi.unwrap_or(-1));
    if hi == -1 {
        if is_plain_mapping(vm, &s.seq) {
            return Err(not_a_sequence(vm, &s.seq));
        }
        hi = vm.len_of(&s.seq)? as i64;
    }
    while lo < hi {
        // As CPython: the sum as unsigned, so huge bounds do not overflow.
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut probe = item(vm, &s.seq, mid)?;
        if let Some(k) = &s.key {
            probe = vm.call(k, vec![probe])?;
        }
        let less = match side {
            Side::Right => vm.compare(x, &probe, CmpOp::Lt)?,
            Side::Left => vm.compare(&probe, x, CmpOp::Lt)?,
        };
        let less = vm.truthy(&less)?;
        match (side, less) {
            (Side::Right, true) | (Side::Left, false) => hi = mid,
            _ => lo = mid + 1,
        }
    }
    Ok(lo)
}

fn bisect(vm: &mut Vm, a: &Args, fname: &str, side: Side) -> PyResult {
    let s = bind(vm, a, fname)?;
    Ok(Value::Int(search(vm, &s, &s.x, side)?))
}

fn insort(vm: &mut Vm, a: &Args, fname: &str, side: Side) -> PyResult {
    let s = bind(vm, a, fname)?;
    let at = match &s.key {
        Some(k) => {
            let kx = vm.call(k, vec![s.x.clone()])?;
            search(vm, &s, &kx, side)?
        }
        None => search(vm, &s, &s.x, side)?,
    };
    if let Value::List(l) = &s.seq {
        // An exact list: inserted directly, as `PyList_Insert`.
        let mut items = l.lock();
        let at = (at.max(0) as usize).min(items.len());
        items.insert(at, s.x.clone());
    } else {
        vm.call_method(&s.seq, "insert", vec![Value::Int(at), s.x.clone()])?;
    }
    Ok(Value::None)
}

/// Creates the `_bisect` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let _ = vm;
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("_bisect"));
    d.set_item_str("__doc__", Value::str("Bisection algorithms.\n\nThis module provides support for maintaining a list in sorted order without\nhaving to sort the list after each insertion. For long lists of items with\nexpensive comparison operations, this can be an improvement over the more\ncommon approach.\n"));
    def(&d, "bisect_right", |vm, a| bisect(vm, &a, "bisect_right", Side::Right));
    def(&d, "bisect_left", |vm, a| bisect(vm, &a, "bisect_left", Side::Left));
    def(&d, "insort_right", |vm, a| insort(vm, &a, "insort_right", Side::Right));
    def(&d, "insort_left", |vm, a| insort(vm, &a, "insort_left", Side::Left));
    Ok(super::native_util::module("_bisect", d))
}
