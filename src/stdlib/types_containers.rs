//! Methods of `list`, `tuple` and `dict` (sets and dict views live in
//! `types_sets.rs`, numbers in `types_num.rs`).
//!
//! Every method takes its receiver as `args.pos[0]`: the built-in value
//! itself or an instance of a subclass, whose payload is used. Python code
//! (comparisons, hashes, key functions) never runs under a container lock:
//! the methods snapshot first.

use std::sync::Arc;

use super::{method, method_fast};
use crate::object::dict::Dict;
use crate::object::function::FastCall;
use crate::object::iter::{DictIterKind, NativeIter};
use crate::object::list::List;
use crate::object::tuple::Tuple;
use crate::object::value::Value;
use crate::parse::ast::{BinOp, CmpOp};
use crate::vm::ops::payload_of;
use crate::vm::{Args, PyResult, Runtime, Vm};

/// Registers the list, tuple and dict methods (and the set/number ones).
pub fn register(rt: &Runtime) {
    register_list(rt);
    register_tuple(rt);
    register_dict(rt);
    super::types_sets::register(rt);
    super::types_num::register(rt);
}

/// The built-in value behind a receiver (itself, or a subclass's payload).
pub fn builtin_of(v: &Value) -> Value {
    payload_of(v).unwrap_or_else(|| v.clone())
}

fn descr_error(vm: &mut Vm, name: &str, owner: &str, got: Option<&Value>) -> crate::vm::PyErr {
    let tn = got.map(|g| vm.type_name(g)).unwrap_or_else(|| "NoneType".into());
    vm.type_error(&format!("descriptor '{name}' for '{owner}' objects doesn't apply to a '{tn}' object"))
}

fn recv_list(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Arc<List>> {
    match a.pos.first().map(builtin_of) {
        Some(Value::List(l)) => Ok(l),
        _ => Err(descr_error(vm, name, "list", a.pos.first())),
    }
}

fn recv_tuple(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Arc<Tuple>> {
    match a.pos.first().map(builtin_of) {
        Some(Value::Tuple(t)) => Ok(t),
        _ => Err(descr_error(vm, name, "tuple", a.pos.first())),
    }
}

/// The dict behind a method's receiver.
pub fn recv_dict(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Arc<Dict>> {
    match a.pos.first().and_then(|v| vm.as_dict(v)) {
        Some(d) => Ok(d),
        None => Err(descr_error(vm, name, "dict", a.pos.first())),
    }
}

fn arg1(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<Value> {
    match a.pos.get(1) {
        Some(v) if a.pos.len() == 2 => Ok(v.clone()),
        _ => {
            let n = a.pos.len().saturating_sub(1);
            Err(vm.type_error(&format!("{fname}() takes exactly one argument ({n} given)")))
        }
    }
}

/// Resolves optional `start`/`stop` arguments of `index()` against a length.
fn index_bounds(vm: &mut Vm, a: &Args, from: usize, len: usize) -> PyResult<(usize, usize)> {
    const MSG: &str = "slice indices must be integers or have an __index__ method";
    let n = len as i64;
    let norm = |i: i64| -> usize {
        let j = if i < 0 { i + n } else { i };
        j.clamp(0, n) as usize
    };
    let start = match a.pos.get(from) {
        Some(v) => norm(vm.slice_bound_or(v, MSG)?),
        _ => 0,
    };
    let stop = match a.pos.get(from + 1) {
        Some(v) => norm(vm.slice_bound_or(v, MSG)?),
        _ => len,
    };
    Ok((start, stop))
}

fn seq_index(vm: &mut Vm, items: &[Value], a: &Args, what: &str) -> PyResult {
    let x = a.pos.get(1).cloned().ok_or_else(|| vm.type_error("index expected at least 1 argument, got 0"))?;
    let (start, stop) = index_bounds(vm, a, 2, items.len())?;
    for (i, item) in items.iter().enumerate().take(stop).skip(start) {
        if item.is(&x) || vm.eq(item, &x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    if what == "tuple" {
        return Err(vm.value_error("tuple.index(x): x not in tuple"));
    }
    let r = vm.repr_of(&x)?;
    Err(vm.value_error(&format!("{r} is not in {what}")))
}

fn seq_count(vm: &mut Vm, items: &[Value], x: &Value) -> PyResult {
    let mut n = 0;
    for item in items {
        if item.is(x) || vm.eq(item, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// Stable merge sort that only asks `lt(a, b)`; the first error wins.
fn merge_sort(vm: &mut Vm, v: &mut Vec<(Value, Value)>, err: &mut Option<crate::vm::PyErr>) {
    let n = v.len();
    if n < 2 {
        return;
    }
    let lt = |vm: &mut Vm, a: &Value, b: &Value, err: &mut Option<crate::vm::PyErr>| -> bool {
        if err.is_some() {
            return false;
        }
        match vm.compare(a, b, CmpOp::Lt).and_then(|r| vm.truthy(&r)) {
            Ok(b) => b,
            Err(e) => {
                *err = Some(e);
                false
            }
        }
    };
    // Insertion sort for short runs, then bottom-up merges.
    const RUN: usize = 16;
    for start in (0..n).step_by(RUN) {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start {
                let (x, y) = (v[j].0.clone(), v[j - 1].0.clone());
                if lt(vm, &x, &y, err) {
                    v.swap(j, j - 1);
                    j -= 1;
                } else {
                    break;
                }
            }
        }
    }
    let mut width = RUN;
    while width < n {
        let mut out: Vec<(Value, Value)> = Vec::with_capacity(n);
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            while i < mid && j < hi {
                let (x, y) = (v[j].0.clone(), v[i].0.clone());
                if lt(vm, &x, &y, err) {
                    out.push(v[j].clone());
                    j += 1;
                } else {
                    out.push(v[i].clone());
                    i += 1;
                }
            }
            out.extend_from_slice(&v[i..mid]);
            out.extend_from_slice(&v[j..hi]);
            lo = hi;
        }
        *v = out;
        width *= 2;
    }
}

/// Sorts values like `list.sort(key=, reverse=)` (and `sorted`): stable,
/// `<` only, CPython's comparison order for short lists, and a reverse sort
/// keeps equal items in their original order.
pub fn sort_values(vm: &mut Vm, items: Vec<Value>, key: &Value, reverse: bool) -> PyResult<Vec<Value>> {
    sort_or_partial(vm, items, key, reverse).map_err(|(e, _)| e)
}

/// [`sort_values`], but a comparison that raises also gives back the items
/// in the order the failed sort left them (CPython's list.sort leaves the
/// list partly sorted); a key function that raises gives them back as they were.
pub fn sort_or_partial(
    vm: &mut Vm,
    items: Vec<Value>,
    key: &Value,
    reverse: bool,
) -> Result<Vec<Value>, (crate::vm::PyErr, Vec<Value>)> {
    let mut pairs = Vec::with_capacity(items.len());
    for v in &items {
        let k = if key.is_none() {
            v.clone()
        } else {
            match vm.call(key, vec![v.clone()]) {
                Ok(k) => k,
                Err(e) => return Err((e, items)),
            }
        };
        pairs.push((k, v.clone()));
    }
    drop(items);
    if reverse {
        pairs.reverse();
    }
    let all_int = pairs.iter().all(|(k, _)| matches!(k, Value::Int(_)));
    let all_float = pairs.iter().all(|(k, _)| matches!(k, Value::Flt(f) if !f.get().is_nan()));
    let all_str = pairs.iter().all(|(k, _)| matches!(k, Value::Str(_)));
    let mut err = None;
    if all_int {
        pairs.sort_by_key(|(k, _)| if let Value::Int(i) = k { *i } else { 0 });
    } else if all_float {
        pairs.sort_by(|(a, _), (b, _)| match (a, b) {
            (Value::Flt(x), Value::Flt(y)) => x.get().partial_cmp(&y.get()).unwrap_or(std::cmp::Ordering::Equal),
            _ => std::cmp::Ordering::Equal,
        });
    } else if all_str {
        pairs.sort_by(|(a, _), (b, _)| match (a, b) {
            (Value::Str(x), Value::Str(y)) => x.as_str().cmp(y.as_str()),
            _ => std::cmp::Ordering::Equal,
        });
    } else {
        match super::builtins_more::small_sort(vm, &mut pairs) {
            Ok(true) => {}
            Ok(false) => merge_sort(vm, &mut pairs, &mut err),
            Err(e) => err = Some(e),
        }
    }
    if reverse {
        pairs.reverse();
    }
    let values = pairs.into_iter().map(|(_, v)| v).collect();
    match err {
        Some(e) => Err((e, values)),
        None => Ok(values),
    }
}

fn is_list_like(v: &Value) -> Option<Value> {
    match builtin_of(v) {
        l @ Value::List(_) => Some(l),
        _ => None,
    }
}

fn register_list(rt: &Runtime) {
    let c = &rt.types.list;
    method_fast(c, "append", FastCall::ListAppend, |vm, a| {
        let l = recv_list(vm, &a, "append")?;
        let x = arg1(vm, &a, "list.append")?;
        l.push(x);
        Ok(Value::None)
    });
    method(c, "extend", |vm, a| {
        let l = recv_list(vm, &a, "extend")?;
        let x = arg1(vm, &a, "list.extend")?;
        let items = vm.collect(&x)?;
        l.lock().extend(items);
        Ok(Value::None)
    });
    method(c, "insert", |vm, a| {
        let l = recv_list(vm, &a, "insert")?;
        if a.pos.len() != 3 {
            let n = a.pos.len().saturating_sub(1);
            return Err(vm.type_error(&format!("insert expected 2 arguments, got {n}")));
        }
        let i = vm.ssize_index(&a.pos[1])?;
        let mut g = l.lock();
        let n = g.len() as i64;
        let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
        g.insert(j as usize, a.pos[2].clone());
        Ok(Value::None)
    });
    method(c, "pop", |vm, a| {
        let l = recv_list(vm, &a, "pop")?;
        let i = match a.pos.get(1) {
            Some(v) => vm.ssize_index(v)?,
            None => -1,
        };
        let mut g = l.lock();
        if g.is_empty() {
            drop(g);
            return Err(vm.index_error("pop from empty list"));
        }
        let n = g.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            drop(g);
            return Err(vm.index_error("pop index out of range"));
        }
        Ok(g.remove(j as usize))
    });
    method(c, "remove", |vm, a| {
        let l = recv_list(vm, &a, "remove")?;
        let x = arg1(vm, &a, "list.remove")?;
        let items = l.snapshot();
        for (i, item) in items.iter().enumerate() {
            if item.is(&x) || vm.eq(item, &x)? {
                let mut g = l.lock();
                if i < g.len() && g[i].is(item) {
                    g.remove(i);
                } else if let Some(p) = g.iter().position(|v| v.is(item)) {
                    g.remove(p);
                }
                return Ok(Value::None);
            }
        }
        Err(vm.value_error("list.remove(x): x not in list"))
    });
    method(c, "index", |vm, a| {
        let l = recv_list(vm, &a, "index")?;
        let items = l.snapshot();
        seq_index(vm, &items, &a, "list")
    });
    method(c, "count", |vm, a| {
        let l = recv_list(vm, &a, "count")?;
        let x = arg1(vm, &a, "list.count")?;
        let items = l.snapshot();
        seq_count(vm, &items, &x)
    });
    method(c, "sort", |vm, mut a| {
        let l = recv_list(vm, &a, "sort")?;
        let key = a.take_kw("key").unwrap_or(Value::None);
        let reverse = match a.take_kw("reverse") {
            Some(r) => vm.truthy(&r)?,
            None => false,
        };
        a.no_extra_kw(vm, "sort")?;
        if a.pos.len() > 1 {
            return Err(vm.type_error("sort() takes no positional arguments"));
        }
        let items = std::mem::take(&mut *l.lock());
        let sorted = match sort_or_partial(vm, items, &key, reverse) {
            Ok(s) => s,
            Err((e, partial)) => {
                // As CPython: the items come back as the failed sort left
                // them, and whatever was added during the sort is dropped
                // (outside the lock).
                let added = std::mem::replace(&mut *l.lock(), partial);
                drop(added);
                return Err(e);
            }
        };
        let added = std::mem::replace(&mut *l.lock(), sorted);
        let modified = !added.is_empty();
        drop(added);
        if modified {
            return Err(vm.value_error("list modified during sort"));
        }
        Ok(Value::None)
    });
    method(c, "reverse", |vm, a| {
        recv_list(vm, &a, "reverse")?.lock().reverse();
        Ok(Value::None)
    });
    method(c, "copy", |vm, a| Ok(Value::list(recv_list(vm, &a, "copy")?.snapshot())));
    method(c, "clear", |vm, a| {
        recv_list(vm, &a, "clear")?.lock().clear();
        Ok(Value::None)
    });
    method(c, "__len__", |vm, a| Ok(Value::Int(recv_list(vm, &a, "__len__")?.len() as i64)));
    method(c, "__getitem__", |vm, a| {
        let l = recv_list(vm, &a, "__getitem__")?;
        let k = arg1(vm, &a, "__getitem__")?;
        vm.get_item(&Value::List(l), &k)
    });
    method(c, "__setitem__", |vm, a| {
        let l = recv_list(vm, &a, "__setitem__")?;
        a.check(vm, "__setitem__", 3, 3)?;
        vm.set_item(&Value::List(l), a.pos[1].clone(), a.pos[2].clone())?;
        Ok(Value::None)
    });
    method(c, "__delitem__", |vm, a| {
        let l = recv_list(vm, &a, "__delitem__")?;
        let k = arg1(vm, &a, "__delitem__")?;
        vm.del_item(&Value::List(l), &k)?;
        Ok(Value::None)
    });
    method(c, "__contains__", |vm, a| {
        let l = recv_list(vm, &a, "__contains__")?;
        let k = arg1(vm, &a, "__contains__")?;
        Ok(Value::Bool(vm.contains(&Value::List(l), &k)?))
    });
    method(c, "__iter__", |vm, a| {
        let l = recv_list(vm, &a, "__iter__")?;
        vm.get_iter(&Value::List(l))
    });
    method(c, "__reversed__", |vm, a| {
        let l = recv_list(vm, &a, "__reversed__")?;
        let n = l.len() as isize;
        Ok(Value::Iter(Arc::new(NativeIter::SeqRev { seq: Value::List(l), pos: parking_lot::Mutex::new(n - 1) })))
    });
    method(c, "__add__", |vm, a| {
        let l = recv_list(vm, &a, "__add__")?;
        let o = arg1(vm, &a, "__add__")?;
        match is_list_like(&o) {
            Some(o) => vm.binary_op(&Value::List(l), &o, BinOp::Add),
            None => {
                let tn = vm.type_name(&o);
                Err(vm.type_error(&format!("can only concatenate list (not \"{tn}\") to list")))
            }
        }
    });
    method(c, "__iadd__", |vm, a| {
        let l = recv_list(vm, &a, "__iadd__")?;
        let o = arg1(vm, &a, "__iadd__")?;
        let items = vm.collect(&o)?;
        l.lock().extend(items);
        Ok(a.pos[0].clone())
    });
    method(c, "__mul__", |vm, a| {
        let l = recv_list(vm, &a, "__mul__")?;
        let o = arg1(vm, &a, "__mul__")?;
        let n = vm.repeat_count(&o)?;
        vm.binary_op(&Value::List(l), &Value::Int(n), BinOp::Mult)
    });
    method(c, "__rmul__", |vm, a| {
        let l = recv_list(vm, &a, "__rmul__")?;
        let o = arg1(vm, &a, "__rmul__")?;
        let n = vm.repeat_count(&o)?;
        vm.binary_op(&Value::List(l), &Value::Int(n), BinOp::Mult)
    });
    method(c, "__imul__", |vm, a| {
        let l = recv_list(vm, &a, "__imul__")?;
        let o = arg1(vm, &a, "__imul__")?;
        let n = vm.repeat_count(&o)?;
        vm.inplace_op(&Value::List(l), &Value::Int(n), BinOp::Mult)?;
        Ok(a.pos[0].clone())
    });
    for (name, op) in super::RICH_COMPARISONS {
        method(c, name, move |vm, a| {
            let l = recv_list(vm, &a, name)?;
            let o = arg1(vm, &a, name)?;
            match is_list_like(&o) {
                Some(o) => vm.compare(&Value::List(l), &o, op),
                None => Ok(Value::NotImplemented),
            }
        });
    }
    method(c, "__repr__", |vm, a| {
        let l = recv_list(vm, &a, "__repr__")?;
        Ok(Value::string(vm.repr_of(&Value::List(l))?))
    });
}

fn register_tuple(rt: &Runtime) {
    let c = &rt.types.tuple;
    method(c, "index", |vm, a| {
        let t = recv_tuple(vm, &a, "index")?;
        seq_index(vm, &t.items, &a, "tuple")
    });
    method(c, "count", |vm, a| {
        let t = recv_tuple(vm, &a, "count")?;
        let x = arg1(vm, &a, "tuple.count")?;
        seq_count(vm, &t.items, &x)
    });
    method(c, "__len__", |vm, a| Ok(Value::Int(recv_tuple(vm, &a, "__len__")?.len() as i64)));
    method(c, "__getitem__", |vm, a| {
        let t = recv_tuple(vm, &a, "__getitem__")?;
        let k = arg1(vm, &a, "__getitem__")?;
        vm.get_item(&Value::Tuple(t), &k)
    });
    method(c, "__contains__", |vm, a| {
        let t = recv_tuple(vm, &a, "__contains__")?;
        let k = arg1(vm, &a, "__contains__")?;
        Ok(Value::Bool(vm.contains(&Value::Tuple(t), &k)?))
    });
    method(c, "__iter__", |vm, a| {
        let t = recv_tuple(vm, &a, "__iter__")?;
        vm.get_iter(&Value::Tuple(t))
    });
    method(c, "__add__", |vm, a| {
        let t = recv_tuple(vm, &a, "__add__")?;
        let o = arg1(vm, &a, "__add__")?;
        match builtin_of(&o) {
            o @ Value::Tuple(_) => vm.binary_op(&Value::Tuple(t), &o, BinOp::Add),
            _ => {
                let tn = vm.type_name(&o);
                Err(vm.type_error(&format!("can only concatenate tuple (not \"{tn}\") to tuple")))
            }
        }
    });
    for name in ["__mul__", "__rmul__"] {
        method(c, name, move |vm, a| {
            let t = recv_tuple(vm, &a, name)?;
            let o = arg1(vm, &a, name)?;
            let n = vm.repeat_count(&o)?;
            vm.binary_op(&Value::Tuple(t), &Value::Int(n), BinOp::Mult)
        });
    }
    for (name, op) in super::RICH_COMPARISONS {
        method(c, name, move |vm, a| {
            let t = recv_tuple(vm, &a, name)?;
            let o = arg1(vm, &a, name)?;
            match builtin_of(&o) {
                o @ Value::Tuple(_) => vm.compare(&Value::Tuple(t), &o, op),
                _ => Ok(Value::NotImplemented),
            }
        });
    }
    method(c, "__hash__", |vm, a| {
        let t = recv_tuple(vm, &a, "__hash__")?;
        Ok(Value::Int(vm.hash_value(&Value::Tuple(t))?))
    });
    method(c, "__repr__", |vm, a| {
        let t = recv_tuple(vm, &a, "__repr__")?;
        Ok(Value::string(vm.repr_of(&Value::Tuple(t))?))
    });
}

/// `d[key]` on a dict receiver, honouring a subclass's `__missing__`.
fn dict_getitem(vm: &mut Vm, recv: &Value, d: &Dict, key: &Value) -> PyResult {
    if let Some(v) = vm.dict_get(d, key)? {
        return Ok(v);
    }
    if let Value::Instance(inst) = recv
        && let Some(missing) = inst.class.lookup_user("__missing__")
    {
        return vm.call_method_value(&missing, recv.clone(), vec![key.clone()]);
    }
    Err(vm.key_error(key.clone()))
}

fn new_view(vm: &mut Vm, d: Arc<Dict>, kind: DictIterKind) -> Value {
    let t = &vm.rt.types;
    let class = match kind {
        DictIterKind::Keys => t.dict_keys.clone(),
        DictIterKind::Values => t.dict_values.clone(),
        DictIterKind::Items => t.dict_items.clone(),
    };
    Value::from_native(Arc::new(super::types_sets::DictView { dict: d, kind, class }))
}

fn register_dict(rt: &Runtime) {
    let c = &rt.types.dict;
    method_fast(c, "get", FastCall::DictGet, |vm, a| {
        let d = recv_dict(vm, &a, "get")?;
        Ok(vm.dict_get(&d, &a.pos[1])?.unwrap_or_else(|| a.pos.get(2).cloned().unwrap_or(Value::None)))
    });
    method(c, "setdefault", |vm, a| {
        let d = recv_dict(vm, &a, "setdefault")?;
        a.check(vm, "setdefault", 2, 3)?;
        if let Some(v) = vm.dict_get(&d, &a.pos[1])? {
            return Ok(v);
        }
        let dv = a.pos.get(2).cloned().unwrap_or(Value::None);
        vm.dict_set(&d, a.pos[1].clone(), dv.clone())?;
        Ok(dv)
    });
    method(c, "pop", |vm, a| {
        let d = recv_dict(vm, &a, "pop")?;
        a.check(vm, "pop", 2, 3)?;
        match vm.dict_del(&d, &a.pos[1])? {
            Some(v) => Ok(v),
            None => match a.pos.get(2) {
                Some(dv) => Ok(dv.clone()),
                None => Err(vm.key_error(a.pos[1].clone())),
            },
        }
    });
    method(c, "popitem", |vm, a| {
        let d = recv_dict(vm, &a, "popitem")?;
        let e = d.lock().pop_last();
        match e {
            Some(e) => Ok(Value::tuple(vec![e.key, e.value])),
            None => Err(vm.err("KeyError", "popitem(): dictionary is empty")),
        }
    });
    method(c, "update", |vm, a| {
        let d = recv_dict(vm, &a, "update")?;
        if a.pos.len() > 2 {
            return Err(vm.type_error(&format!("update expected at most 1 argument, got {}", a.pos.len() - 1)));
        }
        vm.dict_update_from(&d, &a.pos[1..], &a.kw)?;
        Ok(Value::None)
    });
    method(c, "keys", |vm, a| {
        let d = recv_dict(vm, &a, "keys")?;
        Ok(new_view(vm, d, DictIterKind::Keys))
    });
    method(c, "values", |vm, a| {
        let d = recv_dict(vm, &a, "values")?;
        Ok(new_view(vm, d, DictIterKind::Values))
    });
    method(c, "items", |vm, a| {
        let d = recv_dict(vm, &a, "items")?;
        Ok(new_view(vm, d, DictIterKind::Items))
    });
    method(c, "copy", |vm, a| {
        let d = recv_dict(vm, &a, "copy")?;
        Ok(Value::Dict(Arc::new(Dict::from_table(d.snapshot()))))
    });
    method(c, "clear", |vm, a| {
        recv_dict(vm, &a, "clear")?.lock().clear();
        Ok(Value::None)
    });
    super::types_num::classmethod(rt, c, "fromkeys", |vm, a| {
        let (cls, rest) = match a.pos.first() {
            Some(Value::Class(c)) => (Some(c.clone()), &a.pos[1..]),
            _ => (None, &a.pos[..]),
        };
        if rest.is_empty() || rest.len() > 2 {
            return Err(vm.type_error(&format!("fromkeys expected at least 1 argument, got {}", rest.len())));
        }
        let keys = vm.collect(&rest[0])?;
        let dv = rest.get(1).cloned().unwrap_or(Value::None);
        let target = match cls {
            Some(c) if !Arc::ptr_eq(&c, &vm.rt.types.dict) => vm.call(&Value::Class(c), vec![])?,
            _ => Value::Dict(Arc::new(Dict::new())),
        };
        match vm.as_dict(&target) {
            Some(d)
                if matches!(target, Value::Dict(_)) || vm.class_of(&target).lookup_user("__setitem__").is_none() =>
            {
                for k in keys {
                    vm.dict_set(&d, k, dv.clone())?;
                }
            }
            _ => {
                for k in keys {
                    vm.set_item(&target, k, dv.clone())?;
                }
            }
        }
        Ok(target)
    });
    method(c, "__len__", |vm, a| Ok(Value::Int(recv_dict(vm, &a, "__len__")?.len() as i64)));
    method(c, "__getitem__", |vm, a| {
        let d = recv_dict(vm, &a, "__getitem__")?;
        let k = arg1(vm, &a, "__getitem__")?;
        dict_getitem(vm, &a.pos[0], &d, &k)
    });
    method(c, "__setitem__", |vm, a| {
        let d = recv_dict(vm, &a, "__setitem__")?;
        a.check(vm, "__setitem__", 3, 3)?;
        vm.dict_set(&d, a.pos[1].clone(), a.pos[2].clone())?;
        Ok(Value::None)
    });
    method(c, "__delitem__", |vm, a| {
        let d = recv_dict(vm, &a, "__delitem__")?;
        let k = arg1(vm, &a, "__delitem__")?;
        match vm.dict_del(&d, &k)? {
            Some(_) => Ok(Value::None),
            None => Err(vm.key_error(k)),
        }
    });
    method(c, "__contains__", |vm, a| {
        let d = recv_dict(vm, &a, "__contains__")?;
        let k = arg1(vm, &a, "__contains__")?;
        Ok(Value::Bool(vm.dict_get(&d, &k)?.is_some()))
    });
    method(c, "__iter__", |vm, a| {
        let d = recv_dict(vm, &a, "__iter__")?;
        vm.get_iter(&Value::Dict(d))
    });
    method(c, "__reversed__", |vm, a| {
        let d = recv_dict(vm, &a, "__reversed__")?;
        let mut keys = d.lock().keys();
        keys.reverse();
        Ok(Value::Iter(Arc::new(NativeIter::Values(
            parking_lot::Mutex::new(keys.into_iter()),
            "dict_reversekeyiterator",
        ))))
    });
    for (name, op) in [("__eq__", CmpOp::Eq), ("__ne__", CmpOp::NotEq)] {
        method(c, name, move |vm, a| {
            let d = recv_dict(vm, &a, name)?;
            let o = arg1(vm, &a, name)?;
            match vm.as_dict(&o) {
                Some(o) => vm.compare(&Value::Dict(d), &Value::Dict(o), op),
                None => Ok(Value::NotImplemented),
            }
        });
    }
    method(c, "__or__", |vm, a| {
        let d = recv_dict(vm, &a, "__or__")?;
        let o = arg1(vm, &a, "__or__")?;
        match vm.as_dict(&o) {
            Some(o) => vm.binary_op(&Value::Dict(d), &Value::Dict(o), BinOp::BitOr),
            None => Ok(Value::NotImplemented),
        }
    });
    method(c, "__ior__", |vm, a| {
        let d = recv_dict(vm, &a, "__ior__")?;
        let o = arg1(vm, &a, "__ior__")?;
        vm.dict_update_from(&d, std::slice::from_ref(&o), &[])?;
        Ok(a.pos[0].clone())
    });
    method(c, "__repr__", |vm, a| {
        let d = recv_dict(vm, &a, "__repr__")?;
        Ok(Value::string(vm.repr_of(&Value::Dict(d))?))
    });
}
