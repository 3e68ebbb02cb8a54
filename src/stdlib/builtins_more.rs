//! Built-in functions over iterables and numbers: min, max, sum, sorted,
//! enumerate, zip, map, filter, reversed, any, all, abs, round, divmod,
//! pow, chr, ord, hex, bin, oct. The introspection and I/O built-ins are in
//! `builtins_attr.rs`.

use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};
use parking_lot::Mutex;

use super::def;
use crate::object::iter::NativeIter;
use crate::object::numfmt;
use crate::object::value::Value;
use crate::parse::ast::{BinOp, CmpOp};
use crate::vm::numeric::to_big;
use crate::vm::{Args, PyResult, Runtime, Vm};

/// `a < b` with fast paths for ints, floats and strs.
pub fn less_than(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Flt(x), Value::Flt(y)) => Ok(x.get() < y.get()),
        (Value::Str(x), Value::Str(y)) => Ok(x.as_str() < y.as_str()),
        _ => {
            let r = vm.compare(a, b, CmpOp::Lt)?;
            match r {
                Value::Boolean(b) => Ok(b.get()),
                other => vm.truthy(&other),
            }
        }
    }
}

/// Sorts fewer than 64 `(key, value)` pairs as CPython's list.sort does
/// (one natural run, reversed when strictly descending, then binary
/// insertion), so the same comparisons happen in the same order: the same
/// first TypeError for mixed types, the same calls to a user `__lt__`.
/// Returns false (untouched) for longer inputs. On error the pairs are
/// left partly sorted, as CPython leaves them.
pub fn small_sort(vm: &mut Vm, v: &mut [(Value, Value)]) -> PyResult<bool> {
    let n = v.len();
    if n >= 64 {
        return Ok(false);
    }
    if n < 2 {
        return Ok(true);
    }
    // count_run: the longest run at the start.
    let mut run = 2;
    if less_than(vm, &v[1].0, &v[0].0)? {
        while run < n && less_than(vm, &v[run].0, &v[run - 1].0)? {
            run += 1;
        }
        v[..run].reverse();
    } else {
        while run < n && !less_than(vm, &v[run].0, &v[run - 1].0)? {
            run += 1;
        }
    }
    // binarysort of the rest into the run.
    for start in run..n {
        let (mut l, mut r) = (0, start);
        while l < r {
            let p = l + ((r - l) >> 1);
            if less_than(vm, &v[start].0, &v[p].0)? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        v[l..=start].rotate_right(1);
    }
    Ok(true)
}

/// `a > b` with fast paths for ints, floats and strs.
fn greater_than(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x > y),
        (Value::Flt(x), Value::Flt(y)) => Ok(x.get() > y.get()),
        (Value::Str(x), Value::Str(y)) => Ok(x.as_str() > y.as_str()),
        _ => {
            let r = vm.compare(a, b, CmpOp::Gt)?;
            vm.truthy(&r)
        }
    }
}

fn min_max(vm: &mut Vm, mut a: Args, name: &str, op: CmpOp) -> PyResult {
    let key = a.take_kw("key").filter(|k| !k.is_none());
    let default = a.take_kw("default");
    a.no_extra_kw(vm, name)?;
    let items = match a.pos.len() {
        0 => return Err(vm.type_error(&format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.collect(&a.pos[0])?,
        _ => {
            if default.is_some() {
                return Err(
                    vm.type_error(&format!("Cannot specify a default for {name}() with multiple positional arguments"))
                );
            }
            std::mem::take(&mut a.pos)
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for it in items {
        let k = match &key {
            Some(f) => vm.call(f, vec![it.clone()])?,
            None => it.clone(),
        };
        best = Some(match best {
            None => (k, it),
            Some((bk, bv)) => {
                // `item > best` for max (not `best < item`), as CPython:
                // the operand order shows in a TypeError's message.
                let better = if op == CmpOp::Lt { less_than(vm, &k, &bk)? } else { greater_than(vm, &k, &bk)? };
                if better { (k, it) } else { (bk, bv) }
            }
        });
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(&format!("{name}() arg is an empty sequence"))),
        },
    }
}

fn sum(vm: &mut Vm, mut a: Args) -> PyResult {
    let start = a.take_kw("start");
    a.no_extra_kw(vm, "sum")?;
    a.check(vm, "sum", 1, 2)?;
    let mut acc = start.or_else(|| a.pos.get(1).cloned()).unwrap_or(Value::Int(0));
    // CPython takes the iterator before it looks at the start value.
    let it = vm.get_iter(&a.pos[0])?;
    let plain = crate::vm::ops::payload_of(&acc).unwrap_or_else(|| acc.clone());
    match &plain {
        Value::Str(_) => return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]")),
        Value::Bytes(_) => return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]")),
        v if vm.type_name(v) == "bytearray" => {
            return Err(vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
        }
        _ => {}
    }
    while let Some(x) = vm.next_value(&it)? {
        acc = match (&acc, &x) {
            (Value::Int(p), Value::Int(q)) => match p.checked_add(*q) {
                Some(r) => Value::Int(r),
                None => vm.binary_op(&acc, &x, BinOp::Add)?,
            },
            (Value::Flt(p), Value::Flt(q)) => Value::Float(p.get() + q.get()),
            (Value::Flt(p), Value::Int(q)) => Value::Float(p.get() + *q as f64),
            _ => vm.binary_op(&acc, &x, BinOp::Add)?,
        };
    }
    Ok(acc)
}

fn reversed(vm: &mut Vm, a: Args) -> PyResult {
    a.posonly(vm, "reversed", 1, 1)?;
    let v = a.pos[0].clone();
    match &v {
        Value::List(l) => {
            let n = l.len() as isize;
            Ok(Value::Iter(Arc::new(NativeIter::SeqRev { seq: v.clone(), pos: Mutex::new(n - 1) })))
        }
        Value::Tuple(t) => {
            let n = t.items.len() as isize;
            Ok(Value::Iter(Arc::new(NativeIter::SeqRev { seq: v.clone(), pos: Mutex::new(n - 1) })))
        }
        // A `reversed` object indexing the sequence from its end, as CPython's.
        Value::Str(s) => {
            let n = s.as_str().chars().count() as isize;
            Ok(Value::Iter(Arc::new(NativeIter::SeqRev { seq: v.clone(), pos: Mutex::new(n - 1) })))
        }
        Value::Bytes(b) => {
            let n = b.len() as isize;
            Ok(Value::Iter(Arc::new(NativeIter::SeqRev { seq: v.clone(), pos: Mutex::new(n - 1) })))
        }
        Value::Range(r) => vm.get_iter(&Value::Range(Arc::new(r.reversed()))),
        Value::Dict(_) => {
            let mut items = vm.collect(&v)?;
            items.reverse();
            Ok(Value::Iter(Arc::new(NativeIter::Values(Mutex::new(items.into_iter()), "dict_reversekeyiterator"))))
        }
        _ => {
            let cls = vm.class_of(&v);
            if let Some(m) = cls.lookup_user("__reversed__") {
                return vm.call_method_value(&m, v.clone(), vec![]);
            }
            if let Value::Instance(i) = &v
                && cls.lookup_user("__len__").is_none()
                && let Some(p) = i.builtin_value().cloned()
            {
                return reversed(vm, Args::new(vec![p]));
            }
            if let Some(m) = cls.lookup("__reversed__") {
                return vm.call_method_value(&m, v.clone(), vec![]);
            }
            if cls.lookup("__len__").is_some() && cls.lookup("__getitem__").is_some() && !matches!(v, Value::Set(_)) {
                let n = vm.len_of(&v)? as isize;
                return Ok(Value::Iter(Arc::new(NativeIter::SeqRev { seq: v.clone(), pos: Mutex::new(n - 1) })));
            }
            let tn = vm.type_name(&v);
            Err(vm.type_error(&format!("'{tn}' object is not reversible")))
        }
    }
}

fn abs(vm: &mut Vm, a: Args) -> PyResult {
    a.no_kw(vm, "abs")?;
    a.check(vm, "abs", 1, 1)?;
    Ok(match &a.pos[0] {
        Value::Int(i) => match i.checked_abs() {
            Some(r) => Value::Int(r),
            None => Value::from_bigint(BigInt::from(*i).abs()),
        },
        Value::BigInt(b) => Value::from_bigint(b.abs()),
        Value::Boolean(b) => Value::Int(b.get() as i64),
        Value::Flt(f) => Value::Float(f.get().abs()),
        v => {
            let cls = vm.class_of(v);
            match cls.lookup("__abs__") {
                Some(m) => return vm.call_method_value(&m, v.clone(), vec![]),
                None => match crate::vm::ops::payload_of(v) {
                    Some(p) => return abs(vm, Args::new(vec![p])),
                    None => {
                        let tn = vm.type_name(v);
                        return Err(vm.type_error(&format!("bad operand type for abs(): '{tn}'")));
                    }
                },
            }
        }
    })
}

fn round(vm: &mut Vm, a: Args) -> PyResult {
    if a.pos.len() > 2 {
        return Err(vm.type_error(&format!("round() takes at most 2 arguments ({} given)", a.pos.len())));
    }
    let mut slots = a.clinic_slots(vm, "round", &["number", "ndigits"], 1)?.into_iter();
    let x = slots.next().flatten().unwrap_or(Value::None);
    let nd = slots.next().flatten().filter(|v| !v.is_none());
    match &x {
        Value::Flt(f) => match nd {
            None => {
                let r = numfmt::round_float_to_int(f.get()).map_err(|e| vm.num_err(e))?;
                Ok(Value::from_bigint(r))
            }
            Some(n) => {
                let n = clamped_index(vm, &n)?;
                Ok(Value::Float(numfmt::round_float(f.get(), n).map_err(|e| vm.num_err(e))?))
            }
        },
        Value::Int(_) | Value::BigInt(_) | Value::Boolean(_) => {
            let b = to_big(&x).unwrap_or_default();
            match nd {
                None => Ok(Value::from_bigint(b)),
                Some(n) => {
                    let n = clamped_index(vm, &n)?;
                    Ok(Value::from_bigint(numfmt::round_int(&b, n)))
                }
            }
        }
        _ => {
            let cls = vm.class_of(&x);
            if let Some(m) = cls.lookup("__round__") {
                let args = nd.into_iter().collect();
                return vm.call_method_value(&m, x.clone(), args);
            }
            if let Some(p) = crate::vm::ops::payload_of(&x) {
                let mut v = vec![p];
                v.extend(nd);
                return round(vm, Args::new(v));
            }
            let tn = vm.type_name(&x);
            Err(vm.type_error(&format!("type {tn} doesn't define __round__ method")))
        }
    }
}

/// `round()`'s ndigits as CPython reads it (`PyNumber_AsSsize_t(o, NULL)`):
/// an int beyond the machine word is clamped to its bounds, not an error.
fn clamped_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(match vm.exact_index(v)? {
        Some(Value::BigInt(b)) if b.sign() == num_bigint::Sign::Minus => i64::MIN,
        Some(Value::BigInt(_)) => i64::MAX,
        Some(Value::Int(i)) => i,
        _ => vm.index_of(v)?,
    })
}

fn divmod(vm: &mut Vm, a: Args) -> PyResult {
    a.no_kw(vm, "divmod")?;
    a.check(vm, "divmod", 2, 2)?;
    let (x, y) = (&a.pos[0], &a.pos[1]);
    let is_num = |v: &Value| matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Boolean(_) | Value::Flt(_));
    if is_num(x) && is_num(y) {
        if matches!(x, Value::Flt(_)) || matches!(y, Value::Flt(_)) {
            let (fx, fy) = (vm.to_float(x)?, vm.to_float(y)?);
            let (q, r) = numfmt::float_divmod(fx, fy).map_err(|e| vm.num_err(e))?;
            return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
        }
        let (bx, by) = (to_big(x).unwrap_or_default(), to_big(y).unwrap_or_default());
        let (q, r) = numfmt::bigint_divmod(&bx, &by).map_err(|e| vm.num_err(e))?;
        return Ok(Value::tuple(vec![Value::from_bigint(q), Value::from_bigint(r)]));
    }
    let cx = vm.class_of(x);
    if let Some(m) = cx.lookup("__divmod__") {
        let r = vm.call_method_value(&m, x.clone(), vec![y.clone()])?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    let cy = vm.class_of(y);
    if let Some(m) = cy.lookup("__rdivmod__") {
        let r = vm.call_method_value(&m, y.clone(), vec![x.clone()])?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    let (tx, ty) = (vm.type_name(x), vm.type_name(y));
    Err(vm.type_error(&format!("unsupported operand type(s) for divmod(): '{tx}' and '{ty}'")))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut old_r, mut r) = (a.clone(), m.clone());
    let (mut old_s, mut s) = (BigInt::one(), BigInt::zero());
    while !r.is_zero() {
        let q = &old_r / &r;
        let nr = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, nr);
        let ns = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, ns);
    }
    if old_r.is_one() { Some(((old_s % m) + m) % m) } else { None }
}

fn pow(vm: &mut Vm, a: Args) -> PyResult {
    if a.pos.len() > 3 {
        return Err(vm.type_error(&format!("pow() takes at most 3 arguments ({} given)", a.pos.len())));
    }
    let slots = a.clinic_slots(vm, "pow", &["base", "exp", "mod"], 2)?;
    let mut pos: Vec<Value> = slots.into_iter().flatten().collect();
    if pos.len() == 3 && pos[2].is_none() {
        pos.pop();
    }
    if pos.len() == 2 || pos[2].is_none() {
        return vm.binary_op(&pos[0], &pos[1], BinOp::Pow);
    }
    let (Some(b), Some(e), Some(m)) = (to_big(&pos[0]), to_big(&pos[1]), to_big(&pos[2])) else {
        return ternary_pow_fallback(vm, &pos);
    };
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let am = m.abs();
    let mut base = ((b % &am) + &am) % &am;
    let mut exp = e;
    if exp.is_negative() {
        match mod_inverse(&base, &am) {
            Some(inv) => base = inv,
            None => return Err(vm.value_error("base is not invertible for the given modulus")),
        }
        exp = -exp;
    }
    let mut r = base.modpow(&exp, &am);
    if m.is_negative() && !r.is_zero() {
        r += &m;
    }
    Ok(Value::from_bigint(r))
}

/// Three-argument `pow` when not all three are ints: as CPython, each
/// distinct operand type's power slot is tried in turn (base, exponent,
/// modulus). int's declines; float's and complex's refuse a modulus once
/// base and exponent are numbers they take; a class's `__pow__` is used
/// only for the base (three-argument power never calls `__rpow__`).
fn ternary_pow_fallback(vm: &mut Vm, pos: &[Value]) -> PyResult {
    let is_real = |v: &Value| matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Boolean(_) | Value::Flt(_));
    let mut seen: Vec<Arc<crate::object::class::Class>> = Vec::new();
    for (i, v) in pos.iter().enumerate() {
        let cls = vm.class_of(v);
        if seen.iter().any(|c| Arc::ptr_eq(c, &cls)) {
            continue;
        }
        seen.push(cls.clone());
        match v {
            // float's slot refuses a modulus before looking at the other operands.
            Value::Flt(_) => {
                return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
            }
            Value::Cplx(_)
                if (is_real(&pos[0]) || matches!(pos[0], Value::Cplx(_)))
                    && (is_real(&pos[1]) || matches!(pos[1], Value::Cplx(_))) =>
            {
                return Err(vm.value_error("complex modulo"));
            }
            Value::Instance(_) if i == 0 => {
                if let Some(f) = cls.lookup_user("__pow__") {
                    let r = vm.call_method_value(&f, pos[0].clone(), vec![pos[1].clone(), pos[2].clone()])?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
            _ => {}
        }
    }
    let names: Vec<String> = pos.iter().map(|v| vm.type_name(v)).collect();
    Err(vm.type_error(&format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        names[0], names[1], names[2]
    )))
}

/// An int argument for hex/oct/bin/chr (`operator.index`'s rules).
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = to_big(v) {
        return Ok(b);
    }
    vm.index_bigint(v)
}

fn base_fn(rt: &Runtime, name: &'static str, base: u32) {
    def(&rt.builtins, name, move |vm, a| {
        a.no_kw(vm, name)?;
        a.check(vm, name, 1, 1)?;
        let b = int_arg(vm, &a.pos[0])?;
        Ok(Value::string(numfmt::int_to_base(&b, base)))
    });
}

fn any_all(vm: &mut Vm, a: Args, name: &str, want: bool) -> PyResult {
    a.no_kw(vm, name)?;
    a.check(vm, name, 1, 1)?;
    let it = vm.get_iter(&a.pos[0])?;
    while let Some(x) = vm.next_value(&it)? {
        if vm.truthy(&x)? == want {
            return Ok(Value::Bool(want));
        }
    }
    Ok(Value::Bool(!want))
}

/// Registers the built-ins of this file and of `builtins_attr.rs`.
/// Makes the built-in iterator class `name` (`enumerate`, `zip`, `map`,
/// `filter`, `reversed`) the built-in of that name, callable and
/// subclassable as CPython's type: its `__new__` runs `make` on the
/// arguments after the class and, for a subclass, wraps the iterator in an
/// instance of it. (`reversed` may hand back another kind of iterator, a
/// `__reversed__` method's or `list_reverseiterator`: never wrapped.)
fn iter_type(rt: &Runtime, name: &'static str, make: fn(&mut Vm, Args) -> PyResult) {
    let Some(own) = rt.types.iterators.get(name).cloned() else { return };
    let cls = own.clone();
    super::method(&own, "__new__", move |vm, mut a| {
        let sub = match a.pos.first() {
            Some(Value::Class(c)) if c.is_subclass(&cls) => c.clone(),
            Some(v) => {
                let tn = match v {
                    Value::Class(c) => c.name().as_str().to_string(),
                    _ => vm.type_name(v),
                };
                let msg = if matches!(v, Value::Class(_)) {
                    format!("{name}.__new__({tn}): {tn} is not a subtype of {name}")
                } else {
                    format!("{name}.__new__(X): X is not a type object ({tn})")
                };
                return Err(vm.type_error(&msg));
            }
            None => return Err(vm.type_error(&format!("{name}.__new__(): not enough arguments"))),
        };
        a.pos.remove(0);
        let it = make(vm, a)?;
        let own_kind = matches!(&it, Value::Iter(ni) if ni.type_name() == name);
        if own_kind && !Arc::ptr_eq(&sub, &cls) {
            return Ok(vm.wrap_builtin(&Value::Class(sub), it));
        }
        Ok(it)
    });
    rt.builtins.set_item_str(name, Value::Class(own));
}

pub fn register(rt: &Runtime) {
    let b = &rt.builtins;
    module_init(rt);
    def(b, "min", |vm, a| min_max(vm, a, "min", CmpOp::Lt));
    def(b, "max", |vm, a| min_max(vm, a, "max", CmpOp::Gt));
    def(b, "sum", sum);
    def(b, "sorted", |vm, mut a| {
        let key = a.take_kw("key");
        let rev = a.take_kw("reverse");
        a.no_extra_kw(vm, "sorted")?;
        if a.pos.len() != 1 {
            return Err(vm.type_error(&format!("sorted expected 1 argument, got {}", a.pos.len())));
        }
        let rev = match rev {
            Some(r) => vm.truthy(&r)?,
            None => false,
        };
        let items = vm.collect(&a.pos[0])?;
        let key = key.unwrap_or(Value::None);
        Ok(Value::list(super::types_containers::sort_values(vm, items, &key, rev)?))
    });
    iter_type(rt, "enumerate", |vm, mut a| {
        let given = a.pos.len() + a.kw.len();
        if given > 2 {
            return Err(vm.type_error(&format!("enumerate() takes at most 2 arguments ({given} given)")));
        }
        let start = a.take_kw("start");
        let it = a.take_kw("iterable");
        if let Some((k, _)) = a.kw.first() {
            let msg = format!("'{}' is an invalid keyword argument for enumerate()", k.as_str());
            return Err(vm.type_error(&msg));
        }
        let Some(src) = it.or_else(|| a.pos.first().cloned()) else {
            return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
        };
        let start = start.or_else(|| a.pos.get(1).cloned()).unwrap_or(Value::Int(0));
        if !matches!(start, Value::Int(_) | Value::BigInt(_)) {
            let n = vm.index_of(&start)?;
            let _ = n;
        }
        let inner = vm.get_iter(&src)?;
        Ok(Value::Iter(Arc::new(NativeIter::Enumerate { inner, count: Mutex::new(start) })))
    });
    iter_type(rt, "zip", |vm, mut a| {
        let strict = match a.take_kw("strict") {
            Some(v) => vm.truthy(&v)?,
            None => false,
        };
        if let Some((k, _)) = a.kw.first() {
            return Err(vm.type_error(&format!("'{}' is an invalid keyword argument for zip()", k.as_str())));
        }
        let mut iters = Vec::with_capacity(a.pos.len());
        // CPython 3.11's zip reports iter()'s own error ("'int' object is
        // not iterable", or whatever `__iter__` raised).
        for v in a.pos.iter() {
            iters.push(vm.get_iter(v)?);
        }
        Ok(Value::Iter(Arc::new(NativeIter::Zip { iters, strict, done: Mutex::new(false) })))
    });
    iter_type(rt, "map", |vm, a| {
        a.no_kw(vm, "map")?;
        if a.pos.len() < 2 {
            return Err(vm.type_error("map() must have at least two arguments."));
        }
        let func = a.pos[0].clone();
        let mut iters = Vec::new();
        for v in &a.pos[1..] {
            iters.push(vm.get_iter(v)?);
        }
        Ok(Value::Iter(Arc::new(NativeIter::Map { func, iters })))
    });
    iter_type(rt, "filter", |vm, a| {
        a.posonly(vm, "filter", 2, 2)?;
        let iter = vm.get_iter(&a.pos[1])?;
        Ok(Value::Iter(Arc::new(NativeIter::Filter { func: a.pos[0].clone(), iter })))
    });
    iter_type(rt, "reversed", reversed);
    def(b, "any", |vm, a| any_all(vm, a, "any", true));
    def(b, "all", |vm, a| any_all(vm, a, "all", false));
    def(b, "abs", abs);
    def(b, "round", round);
    def(b, "divmod", divmod);
    def(b, "pow", pow);
    def(b, "chr", |vm, a| {
        a.no_kw(vm, "chr")?;
        a.check(vm, "chr", 1, 1)?;
        // A C int first (OverflowError past it), then the code point range.
        let n = num_bigint::BigInt::from(super::types_str::c_int_arg(vm, &a.pos[0])?);
        let c = u32::try_from(&n).ok().and_then(char::from_u32);
        match c {
            Some(c) => Ok(Value::string(c.to_string())),
            None if let Ok(x) = u32::try_from(&n)
                && crate::object::str_surr::is_surrogate(x) =>
            {
                Ok(crate::object::str::cp_value(x))
            }
            None => Err(vm.value_error("chr() arg not in range(0x110000)")),
        }
    });
    def(b, "ord", |vm, a| {
        a.no_kw(vm, "ord")?;
        a.check(vm, "ord", 1, 1)?;
        match &a.pos[0] {
            Value::Str(s) if s.char_len() == 1 => Ok(Value::Int(s.code_point_at(0) as i64)),
            Value::Str(s) => {
                Err(vm.type_error(&format!("ord() expected a character, but string of length {} found", s.char_len())))
            }
            Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
            Value::Bytes(b) => {
                Err(vm.type_error(&format!("ord() expected a character, but string of length {} found", b.len())))
            }
            v => {
                // Subclasses of str and bytes, and bytearrays, as CPython's checks:
                // one character (byte), or the length in the message.
                let (first, len) = if let Some(s) = super::types_str::as_pystr(v) {
                    (s.as_str().chars().next().map(|c| c as i64), s.char_len())
                } else if let Some(Value::Bytes(b)) = crate::vm::ops::payload_of(v) {
                    (b.first().map(|&c| c as i64), b.len())
                } else if let Some(ba) = a.native_self::<super::types_bytearray::ByteArray>() {
                    let data = ba.buf.snapshot();
                    (data.first().map(|&c| c as i64), data.len())
                } else {
                    let tn = vm.type_name(v);
                    return Err(vm.type_error(&format!("ord() expected string of length 1, but {tn} found")));
                };
                match first {
                    Some(c) if len == 1 => Ok(Value::Int(c)),
                    _ => Err(vm.type_error(&format!("ord() expected a character, but string of length {len} found"))),
                }
            }
        }
    });
    base_fn(rt, "hex", 16);
    base_fn(rt, "oct", 8);
    base_fn(rt, "bin", 2);
    super::builtins_attr::register(rt);
    super::builtins_exec::register(rt);
}

/// `types.ModuleType(name, doc=None)`: a new module's namespace starts with
/// the names CPython puts there, so code run in it sees its `__name__`.
fn module_init(rt: &Runtime) {
    // `types.ModuleType(name)` makes a real module object, which the importer
    // (packages' `__path__`, submodules as attributes) and `repr` treat as the
    // modules it loads itself; a subclass's instance keeps its own dict.
    super::method(&rt.types.module, "__new__", |vm, a| {
        let Some(Value::Class(c)) = a.pos.first() else {
            return Err(vm.type_error("module.__new__(X): X is not a type object"));
        };
        if Arc::ptr_eq(c, &vm.rt.types.module) {
            let name = match a.pos.get(1) {
                Some(Value::Str(s)) => s.as_str().to_string(),
                _ => "?".to_string(),
            };
            let dict = Arc::new(crate::object::dict::Dict::new());
            return Ok(Value::Module(Arc::new(crate::object::module::Module::new(Arc::from(name), dict))));
        }
        let inst = crate::object::class::Instance::new(c.clone(), crate::object::class::Payload::None);
        Ok(Value::Instance(crate::object::gc::instance(Arc::new(inst))))
    });
    super::method(&rt.types.module, "__init__", |vm, mut a| {
        let this = a.pos[0].clone();
        let name = a.arg(1, "name");
        let doc = a.arg(2, "doc").unwrap_or(Value::None);
        if let Some((k, _)) = a.kw.first() {
            return Err(vm.type_error(&format!("'{}' is an invalid keyword argument for module()", k.as_str())));
        }
        if a.pos.len() > 3 {
            return Err(vm.type_error(&format!("module() takes at most 2 arguments ({} given)", a.pos.len() - 1)));
        }
        let Some(name) = name else {
            return Err(vm.type_error("module() missing required argument 'name' (pos 1)"));
        };
        if !matches!(name, Value::Str(_)) {
            let tn = vm.type_name(&name);
            return Err(vm.type_error(&format!("module() argument 'name' must be str, not {tn}")));
        }
        let none = Value::None;
        for (k, v) in [
            ("__name__", name),
            ("__doc__", doc),
            ("__package__", none.clone()),
            ("__loader__", none.clone()),
            ("__spec__", none),
        ] {
            let k = vm.rt.intern(k);
            vm.set_attr(&this, &k, v)?;
        }
        Ok(Value::None)
    });
}
