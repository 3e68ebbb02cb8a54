//! Methods of `set` / `frozenset`, and the dict view objects returned by
//! `dict.keys()`, `values()` and `items()`.

use std::sync::Arc;

use super::method;
use super::types_containers::builtin_of;
use crate::object::class::Class;
use crate::object::dict::Dict;
use crate::object::iter::{DictIterKind, NativeIter};
use crate::object::set::Set;
use crate::object::value::Value;
use crate::parse::ast::BinOp;
use crate::vm::{Args, PyResult, Runtime, Vm};

/// A live view of a dict (`dict_keys`, `dict_values`, `dict_items`).
pub struct DictView {
    pub dict: Arc<Dict>,
    pub kind: DictIterKind,
    pub class: Arc<Class>,
}

impl crate::object::native::NativeObject for DictView {
    fn class(&self) -> &Arc<Class> {
        &self.class
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    /// Keys and items views are set-like: equal by content (to a set too,
    /// which leaves the comparison to them), so unhashable (CPython sets
    /// their `__hash__` to None); a values view is equal and hashes by identity.
    fn eq_by_value(&self) -> bool {
        !matches!(self.kind, DictIterKind::Values)
    }
    fn hash_outcome(&self) -> Option<crate::object::eq::HashOutcome> {
        match self.kind {
            DictIterKind::Values => None,
            _ => Some(crate::object::eq::HashOutcome::Unhashable),
        }
    }
}

/// Registers set, frozenset and dict-view methods.
pub fn register(rt: &Runtime) {
    register_sets(rt);
    register_views(rt);
}

fn recv_set(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Arc<Set>> {
    match a.pos.first().map(builtin_of) {
        Some(Value::Set(s)) => Ok(s),
        _ => {
            let tn = a.pos.first().map(|v| vm.type_name(v)).unwrap_or_default();
            Err(vm.type_error(&format!("descriptor '{name}' for 'set' objects doesn't apply to a '{tn}' object")))
        }
    }
}

/// Any iterable as a set (sets are used as they are).
fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Arc<Set>> {
    match builtin_of(v) {
        Value::Set(s) => Ok(s),
        other => {
            let items = vm.collect(&other)?;
            match vm.new_set(items, true)? {
                Value::Set(s) => Ok(s),
                _ => unreachable!(),
            }
        }
    }
}

/// The set behind `v` when it is a set or frozenset (for operators).
fn set_operand(v: &Value) -> Option<Arc<Set>> {
    match builtin_of(v) {
        Value::Set(s) => Some(s),
        _ => None,
    }
}

fn fold(vm: &mut Vm, s: &Arc<Set>, others: &[Value], op: BinOp) -> PyResult {
    if op == BinOp::Sub
        && let Some((first, rest)) = others.split_first()
    {
        // CPython's set_difference_multi: `s - first` makes the result (so its layout),
        // the other arguments are taken out of it in place.
        let r = match set_operand(first) {
            Some(os) => vm.binary_op(&Value::Set(s.clone()), &Value::Set(os), op)?,
            None => {
                let r = vm.set_copy(s, s.frozen);
                let Value::Set(rs) = &r else { unreachable!() };
                let keys = vm.collect(first)?;
                vm.set_discard_all(rs, keys)?;
                r
            }
        };
        let Value::Set(rs) = &r else { unreachable!() };
        for o in rest {
            match set_operand(o) {
                Some(os) => vm.set_difference_update(rs, &os)?,
                None => {
                    let keys = vm.collect(o)?;
                    vm.set_discard_all(rs, keys)?;
                }
            }
        }
        return Ok(r);
    }
    let mut r = vm.set_copy(s, s.frozen);
    for o in others {
        let Value::Set(rs) = r.clone() else { unreachable!() };
        r = match (op, set_operand(o)) {
            // CPython's set_union: the copy takes the other sets in place.
            (BinOp::BitOr, Some(os)) => {
                vm.set_merge(&rs, &os)?;
                r
            }
            (BinOp::BitXor, _) => {
                // CPython: a new set from `other`, then toggle our elements.
                let res = match set_operand(o) {
                    Some(os) => vm.set_copy(&os, s.frozen),
                    None => {
                        let items = vm.collect(o)?;
                        vm.new_set(items, s.frozen)?
                    }
                };
                let Value::Set(res_s) = &res else { unreachable!() };
                // CPython toggles the keys of the receiver itself, in its table's
                // order (a copy of it may be laid out in a smaller table).
                let snapshot = s.lock().keys();
                for k in snapshot {
                    if !vm.set_discard(res_s, &k)? {
                        vm.set_add(res_s, k)?;
                    }
                }
                res
            }
            (_, Some(os)) => vm.binary_op(&r, &Value::Set(os), op)?,
            // CPython's set_union: set_update_internal (an exact dict sized up front).
            (BinOp::BitOr, None) => {
                vm.set_update_from(&rs, o)?;
                r
            }
            (BinOp::BitAnd, None) => {
                let res = Arc::new(Set::new(s.frozen));
                for k in vm.collect(o)? {
                    if vm.set_contains(&rs, &k)? {
                        vm.set_add(&res, k)?;
                    }
                }
                Value::Set(res)
            }
            (_, None) => {
                for k in vm.collect(o)? {
                    vm.set_discard(&rs, &k)?;
                }
                r
            }
        };
    }
    if let Value::Set(rs) = &r
        && rs.frozen != s.frozen
    {
        return Ok(vm.set_copy(rs, s.frozen));
    }
    Ok(r)
}

fn replace_contents(s: &Set, r: &Value) {
    if let Value::Set(rs) = r {
        let t = rs.lock().clone();
        *s.lock() = t;
    }
}

fn is_subset(vm: &mut Vm, a: &Set, b: &Arc<Set>) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    let keys = a.lock().keys();
    for k in keys {
        if !vm.set_contains(b, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn register_sets(rt: &Runtime) {
    for c in [&rt.types.set, &rt.types.frozenset] {
        for (name, op) in [
            ("union", BinOp::BitOr),
            ("intersection", BinOp::BitAnd),
            ("difference", BinOp::Sub),
            ("symmetric_difference", BinOp::BitXor),
        ] {
            method(c, name, move |vm, a| {
                let s = recv_set(vm, &a, name)?;
                if op == BinOp::BitXor && a.pos.len() != 2 {
                    let n = a.pos.len().saturating_sub(1);
                    return Err(
                        vm.type_error(&format!("symmetric_difference() takes exactly one argument ({n} given)"))
                    );
                }
                fold(vm, &s, &a.pos[1..], op)
            });
        }
        method(c, "copy", |vm, a| {
            let s = recv_set(vm, &a, "copy")?;
            if s.frozen && matches!(a.pos[0], Value::Set(_)) {
                return Ok(a.pos[0].clone());
            }
            Ok(vm.set_copy(&s, s.frozen))
        });
        method(c, "issubset", |vm, a| {
            let s = recv_set(vm, &a, "issubset")?;
            a.check(vm, "issubset", 2, 2)?;
            let o = as_set(vm, &a.pos[1])?;
            Ok(Value::Bool(is_subset(vm, &s, &o)?))
        });
        method(c, "issuperset", |vm, a| {
            let s = recv_set(vm, &a, "issuperset")?;
            a.check(vm, "issuperset", 2, 2)?;
            if let Value::Set(o) = builtin_of(&a.pos[1]) {
                return Ok(Value::Bool(is_subset(vm, &o, &s)?));
            }
            // CPython's set_issuperset: the other iterable is walked only up to
            // its first item not in the set (so later items are never hashed).
            let it = vm.get_iter(&builtin_of(&a.pos[1]))?;
            while let Some(k) = vm.next_value(&it)? {
                if !vm.set_contains(&s, &k)? {
                    return Ok(Value::Bool(false));
                }
            }
            Ok(Value::Bool(true))
        });
        method(c, "isdisjoint", |vm, a| {
            let s = recv_set(vm, &a, "isdisjoint")?;
            a.check(vm, "isdisjoint", 2, 2)?;
            let items = vm.collect(&builtin_of(&a.pos[1]))?;
            for k in items {
                if vm.set_contains(&s, &k)? {
                    return Ok(Value::Bool(false));
                }
            }
            Ok(Value::Bool(true))
        });
        method(c, "__len__", |vm, a| Ok(Value::Int(recv_set(vm, &a, "__len__")?.len() as i64)));
        method(c, "__contains__", |vm, a| {
            let s = recv_set(vm, &a, "__contains__")?;
            a.check(vm, "__contains__", 2, 2)?;
            Ok(Value::Bool(vm.set_contains(&s, &a.pos[1])?))
        });
        method(c, "__iter__", |vm, a| {
            let s = recv_set(vm, &a, "__iter__")?;
            vm.get_iter(&Value::Set(s))
        });
        method(c, "__repr__", |vm, a| {
            let s = recv_set(vm, &a, "__repr__")?;
            Ok(Value::string(vm.repr_of(&Value::Set(s))?))
        });
        method(c, "__hash__", |vm, a| {
            let s = recv_set(vm, &a, "__hash__")?;
            Ok(Value::Int(vm.hash_value(&Value::Set(s))?))
        });
        for (name, op) in
            [("__or__", BinOp::BitOr), ("__and__", BinOp::BitAnd), ("__sub__", BinOp::Sub), ("__xor__", BinOp::BitXor)]
        {
            method(c, name, move |vm, a| {
                let s = recv_set(vm, &a, name)?;
                a.check(vm, name, 2, 2)?;
                match set_operand(&a.pos[1]) {
                    Some(o) => vm.binary_op(&Value::Set(s), &Value::Set(o), op),
                    None => Ok(Value::NotImplemented),
                }
            });
        }
        for (name, op) in [
            ("__ror__", BinOp::BitOr),
            ("__rand__", BinOp::BitAnd),
            ("__rsub__", BinOp::Sub),
            ("__rxor__", BinOp::BitXor),
        ] {
            method(c, name, move |vm, a| {
                let s = recv_set(vm, &a, name)?;
                a.check(vm, name, 2, 2)?;
                match set_operand(&a.pos[1]) {
                    Some(o) => vm.binary_op(&Value::Set(o), &Value::Set(s), op),
                    None => Ok(Value::NotImplemented),
                }
            });
        }
        for (name, op) in super::RICH_COMPARISONS {
            method(c, name, move |vm, a| {
                let s = recv_set(vm, &a, name)?;
                a.check(vm, name, 2, 2)?;
                match set_operand(&a.pos[1]) {
                    Some(o) => vm.compare(&Value::Set(s), &Value::Set(o), op),
                    None => Ok(Value::NotImplemented),
                }
            });
        }
    }
    let c = &rt.types.set;
    method(c, "add", |vm, a| {
        let s = recv_set(vm, &a, "add")?;
        a.check(vm, "add", 2, 2)?;
        vm.set_add(&s, a.pos[1].clone())?;
        Ok(Value::None)
    });
    method(c, "remove", |vm, a| {
        let s = recv_set(vm, &a, "remove")?;
        a.check(vm, "remove", 2, 2)?;
        if !vm.set_discard(&s, &a.pos[1])? {
            return Err(vm.key_error(a.pos[1].clone()));
        }
        Ok(Value::None)
    });
    method(c, "discard", |vm, a| {
        let s = recv_set(vm, &a, "discard")?;
        a.check(vm, "discard", 2, 2)?;
        vm.set_discard(&s, &a.pos[1])?;
        Ok(Value::None)
    });
    method(c, "pop", |vm, a| {
        let s = recv_set(vm, &a, "pop")?;
        let v = s.lock().pop();
        v.ok_or_else(|| vm.err("KeyError", "pop from an empty set"))
    });
    method(c, "clear", |vm, a| {
        recv_set(vm, &a, "clear")?.lock().clear();
        Ok(Value::None)
    });
    method(c, "update", |vm, a| {
        let s = recv_set(vm, &a, "update")?;
        for o in &a.pos[1..] {
            // CPython sizes the table up front only for an exact dict; other
            // iterables grow it key by key (which decides the order of pop()).
            vm.set_update_from(&s, o)?;
        }
        Ok(Value::None)
    });
    for (name, op) in [
        ("intersection_update", BinOp::BitAnd),
        ("difference_update", BinOp::Sub),
        ("symmetric_difference_update", BinOp::BitXor),
    ] {
        method(c, name, move |vm, a| {
            let s = recv_set(vm, &a, name)?;
            if op == BinOp::BitXor {
                a.check(vm, name, 2, 2)?;
                let o = as_set(vm, &a.pos[1])?;
                vm.set_symmetric_update(&s, &o)?;
                return Ok(Value::None);
            }
            if op == BinOp::Sub {
                // In place, one argument at a time, as CPython's set_difference_update.
                for o in &a.pos[1..] {
                    match set_operand(o) {
                        Some(os) => vm.set_difference_update(&s, &os)?,
                        None => {
                            let keys = vm.collect(o)?;
                            vm.set_discard_all(&s, keys)?;
                        }
                    }
                }
                return Ok(Value::None);
            }
            let r = fold(vm, &s, &a.pos[1..], op)?;
            replace_contents(&s, &r);
            Ok(Value::None)
        });
    }
    for (name, op) in
        [("__ior__", BinOp::BitOr), ("__iand__", BinOp::BitAnd), ("__isub__", BinOp::Sub), ("__ixor__", BinOp::BitXor)]
    {
        method(c, name, move |vm, a| {
            let s = recv_set(vm, &a, name)?;
            a.check(vm, name, 2, 2)?;
            match set_operand(&a.pos[1]) {
                Some(o) => {
                    vm.inplace_op(&Value::Set(s.clone()), &Value::Set(o), op)?;
                    Ok(a.pos[0].clone())
                }
                None => Ok(Value::NotImplemented),
            }
        });
    }
}

fn recv_view(vm: &mut Vm, a: &Args) -> PyResult<(Arc<Dict>, DictIterKind)> {
    if let Some(Value::Native2(o)) = a.pos.first()
        && let Some(v) = o.as_any().downcast_ref::<DictView>()
    {
        return Ok((v.dict.clone(), v.kind));
    }
    Err(vm.type_error("descriptor requires a dict view"))
}

fn view_items(d: &Dict, kind: DictIterKind) -> Vec<Value> {
    let t = d.lock();
    match kind {
        DictIterKind::Keys => t.keys(),
        DictIterKind::Values => t.values(),
        DictIterKind::Items => t.items().into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect(),
    }
}

/// The contents of a view or any iterable, as a fresh (mutable) set laid out
/// as CPython's dictviews_to_set makes it: a keys view is its dict (sized up
/// front), a set is copied, anything else added item by item.
fn view_to_set(vm: &mut Vm, v: &Value) -> PyResult<Arc<Set>> {
    let s = crate::object::gc::set(Arc::new(Set::new(false)));
    match v {
        Value::Native2(o) if o.as_any().is::<DictView>() => {
            let dv = o.as_any().downcast_ref::<DictView>().expect("view");
            if dv.kind == DictIterKind::Keys {
                vm.set_update_from(&s, &Value::Dict(dv.dict.clone()))?;
            } else {
                for k in view_items(&dv.dict, dv.kind) {
                    vm.set_add(&s, k)?;
                }
            }
        }
        other => vm.set_update_from(&s, other)?,
    }
    Ok(s)
}

/// The items of a view, or of any iterable, in iteration order.
fn iter_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::Native2(o) if o.as_any().is::<DictView>() => {
            let dv = o.as_any().downcast_ref::<DictView>().expect("view");
            Ok(view_items(&dv.dict, dv.kind))
        }
        other => vm.collect(&builtin_of(other)),
    }
}

fn view_len(v: &Value) -> Option<usize> {
    match v {
        Value::Native2(o) => o.as_any().downcast_ref::<DictView>().map(|dv| dv.dict.len()),
        _ => None,
    }
}

/// `view & other` (either order), as CPython's _PyDictView_Intersect: a set at
/// least as large as the view is asked for `set.intersection(view)` (the view
/// iterated); otherwise the smaller operand is iterated and each item looked
/// up in the view. The iteration order decides the result's layout.
fn view_intersect(vm: &mut Vm, a: &Value, b: &Value) -> PyResult {
    let (mut view, mut other) = if view_len(a).is_some() { (a, b) } else { (b, a) };
    let len_view = view_len(view).unwrap_or(0);
    let result = crate::object::gc::set(Arc::new(Set::new(false)));
    if let Value::Set(os) = other
        && !os.frozen
        && len_view <= os.len()
    {
        for k in iter_items(vm, view)? {
            if vm.set_contains(os, &k)? {
                vm.set_add(&result, k)?;
            }
        }
        return Ok(Value::Set(result));
    }
    if view_len(other).is_some_and(|n| n > len_view) {
        std::mem::swap(&mut view, &mut other);
    }
    for k in iter_items(vm, other)? {
        if vm.contains(view, &k)? {
            vm.set_add(&result, k)?;
        }
    }
    Ok(Value::Set(result))
}

fn register_views(rt: &Runtime) {
    let t = &rt.types;
    for c in [&t.dict_keys, &t.dict_items] {
        c.dict.set_item_str("__hash__", Value::None);
    }
    for (c, label) in [(&t.dict_keys, "dict_keys"), (&t.dict_values, "dict_values"), (&t.dict_items, "dict_items")] {
        method(c, "__iter__", |vm, a| {
            let (d, kind) = recv_view(vm, &a)?;
            let len = d.len();
            Ok(Value::Iter(Arc::new(NativeIter::Dict {
                dict: d,
                kind,
                pos: std::sync::atomic::AtomicUsize::new(0),
                len_at_start: len,
            })))
        });
        method(c, "__len__", |vm, a| Ok(Value::Int(recv_view(vm, &a)?.0.len() as i64)));
        method(c, "__reversed__", |vm, a| {
            let (d, kind) = recv_view(vm, &a)?;
            let mut items = view_items(&d, kind);
            items.reverse();
            let name = match kind {
                DictIterKind::Keys => "dict_reversekeyiterator",
                DictIterKind::Values => "dict_reversevalueiterator",
                DictIterKind::Items => "dict_reverseitemiterator",
            };
            Ok(Value::Iter(Arc::new(NativeIter::Values(parking_lot::Mutex::new(items.into_iter()), name))))
        });
        method(c, "__repr__", move |vm, a| {
            let (d, kind) = recv_view(vm, &a)?;
            let items = view_items(&d, kind);
            let inner = vm.repr_of(&Value::list(items))?;
            Ok(Value::string(format!("{label}({inner})")))
        });
        method(c, "__contains__", |vm, a| {
            let (d, kind) = recv_view(vm, &a)?;
            a.check(vm, "__contains__", 2, 2)?;
            let x = &a.pos[1];
            match kind {
                DictIterKind::Keys => Ok(Value::Bool(vm.dict_get(&d, x)?.is_some())),
                DictIterKind::Items => {
                    let Value::Tuple(tp) = x else { return Ok(Value::Bool(false)) };
                    if tp.len() != 2 {
                        return Ok(Value::Bool(false));
                    }
                    match vm.dict_get(&d, &tp.items[0])? {
                        Some(v) => Ok(Value::Bool(v.is(&tp.items[1]) || vm.eq(&v, &tp.items[1])?)),
                        None => Ok(Value::Bool(false)),
                    }
                }
                DictIterKind::Values => {
                    let items = view_items(&d, kind);
                    for v in items {
                        if v.is(x) || vm.eq(&v, x)? {
                            return Ok(Value::Bool(true));
                        }
                    }
                    Ok(Value::Bool(false))
                }
            }
        });
        if label == "dict_values" {
            continue;
        }
        for (name, op, rev) in [
            ("__and__", BinOp::BitAnd, false),
            ("__or__", BinOp::BitOr, false),
            ("__sub__", BinOp::Sub, false),
            ("__xor__", BinOp::BitXor, false),
            ("__rand__", BinOp::BitAnd, true),
            ("__ror__", BinOp::BitOr, true),
            ("__rsub__", BinOp::Sub, true),
            ("__rxor__", BinOp::BitXor, true),
        ] {
            method(c, name, move |vm, a| {
                a.check(vm, name, 2, 2)?;
                let (left, right) = if rev { (&a.pos[1], &a.pos[0]) } else { (&a.pos[0], &a.pos[1]) };
                if matches!(op, BinOp::BitOr | BinOp::Sub) {
                    // CPython's dictviews_or / dictviews_sub: a set of the left operand, then
                    // `update` / `difference_update` with the right one as it is (a set's
                    // table, else its iteration order), which decides the result's layout.
                    let result = view_to_set(vm, left)?;
                    match builtin_of(right) {
                        Value::Set(o) if op == BinOp::Sub => vm.set_difference_update(&result, &o)?,
                        _ if op == BinOp::Sub => {
                            let items = iter_items(vm, right)?;
                            vm.set_discard_all(&result, items)?;
                        }
                        // A view is iterated (not taken as its dict, unlike the left operand).
                        _ if matches!(right, Value::Native2(_)) => {
                            for k in iter_items(vm, right)? {
                                vm.set_add(&result, k)?;
                            }
                        }
                        _ => vm.set_update_from(&result, right)?,
                    }
                    return Ok(Value::Set(result));
                }
                if op == BinOp::BitAnd {
                    return view_intersect(vm, &a.pos[0], &a.pos[1]);
                }
                // CPython's dictviews_xor: a set of the left operand, then
                // `symmetric_difference_update` with the right one: a set as it is,
                // anything else (a keys view too) as a set built item by item; a
                // non-iterable (or unhashable item) raises rather than NotImplemented.
                let result = view_to_set(vm, left)?;
                let src = match builtin_of(right) {
                    Value::Set(s) => s,
                    _ => {
                        let items = iter_items(vm, right)?;
                        match vm.new_set(items, false)? {
                            Value::Set(s) => s,
                            _ => unreachable!("new_set makes a set"),
                        }
                    }
                };
                vm.set_symmetric_update(&result, &src)?;
                Ok(Value::Set(result))
            });
        }
        for (name, op) in super::RICH_COMPARISONS {
            method(c, name, move |vm, a| {
                a.check(vm, name, 2, 2)?;
                let ok = match &a.pos[1] {
                    Value::Native2(o) => {
                        o.as_any().downcast_ref::<DictView>().is_some_and(|v| v.kind != DictIterKind::Values)
                    }
                    other => matches!(builtin_of(other), Value::Set(_)),
                };
                if !ok {
                    return Ok(Value::NotImplemented);
                }
                let me = view_to_set(vm, &a.pos[0])?;
                let other = view_to_set(vm, &a.pos[1])?;
                vm.compare(&Value::Set(me), &Value::Set(other), op)
            });
        }
        method(c, "isdisjoint", |vm, a| {
            a.check(vm, "isdisjoint", 2, 2)?;
            let me = view_to_set(vm, &a.pos[0])?;
            let items = vm.collect(&builtin_of(&a.pos[1]))?;
            for k in items {
                if vm.set_contains(&me, &k)? {
                    return Ok(Value::Bool(false));
                }
            }
            Ok(Value::Bool(true))
        });
    }
}
