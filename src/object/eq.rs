//! Equality and hashing that Rust can decide alone, without running Python.
//!
//! Containers use these under their lock; when the answer needs a user's
//! `__eq__`/`__hash__`, they say so (None / NeedsPython) and the VM finishes
//! the job with the lock released.

use super::class::Instance;
use super::numfmt::{hash_bigint, hash_f64, hash_i64, hash_tuple};
use super::value::Value;
use num_bigint::BigInt;

/// `a == b` when Rust can tell; None when a user `__eq__` must decide.
pub fn native_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    if a.is(b) {
        return Some(true);
    }
    Some(match (a, b) {
        (Str(x), Str(y)) => **x == **y,
        (Int(x), Int(y)) => x == y,
        (Int(x), Flt(y)) | (Flt(y), Int(x)) => (*x as f64) == y.get() && int_float_exact(*x, y.get()),
        // Equal values (-0.0 == 0.0), or the same bits: a NaN is its own
        // identity in a container, as `x is x` is in CPython.
        (Flt(x), Flt(y)) => x.get() == y.get() || x == y,
        (Boolean(x), Boolean(y)) => x == y,
        (Boolean(x), Int(y)) | (Int(y), Boolean(x)) => x.get() as i64 == *y,
        (Boolean(x), Flt(y)) | (Flt(y), Boolean(x)) => x.get() as i64 as f64 == y.get(),
        (BigInt(x), BigInt(y)) => x == y,
        (BigInt(_), Int(_) | Boolean(_)) | (Int(_) | Boolean(_), BigInt(_)) => false,
        (BigInt(x), Flt(y)) | (Flt(y), BigInt(x)) => bigint_eq_float(x, y.get()),
        // A complex equals a real number when its imaginary part is zero
        // and its real part equals the number exactly.
        (Cplx(x), Cplx(y)) => x.re == y.re && x.im == y.im,
        (Cplx(c), other) | (other, Cplx(c)) if matches!(other, Int(_) | Boolean(_) | BigInt(_) | Flt(_)) => {
            c.im == 0.0 && native_eq(&Value::Float(c.re), other)? && !c.re.is_nan()
        }
        (Tuple(x), Tuple(y)) => {
            if x.items.len() != y.items.len() {
                return Some(false);
            }
            for (p, q) in x.items.iter().zip(y.items.iter()) {
                // Nested tuples go to the VM, which counts the depth against
                // the recursion limit (a tuple nested 10^5 deep must end in
                // RecursionError, not a stack overflow).
                if matches!(p, Tuple(_)) && !p.is(q) {
                    return Option::None;
                }
                if !native_eq(p, q)? {
                    return Some(false);
                }
            }
            true
        }
        (Bytes(x), Bytes(y)) => x == y,
        // Bound methods are equal when they bind the same object (by
        // identity, as CPython 3.8+) to equal functions.
        (Method(x), Method(y)) => x.receiver.is(&y.receiver) && native_eq(&x.func, &y.func)?,
        // A class whose metaclass defines `__eq__` (pickletester's
        // pickling_metaclass) compares through it.
        (Class(c), _) | (_, Class(c)) if meta_has_user_eq(c) => return Option::None,
        (Instance(x), _) if has_user_eq(x) => return Option::None,
        (_, Instance(y)) if has_user_eq(y) => return Option::None,
        (Instance(_), _) | (_, Instance(_)) => false,
        (Native2(o), _) | (_, Native2(o)) if o.eq_by_value() => return Option::None,
        (List(_), List(_)) | (Dict(_), Dict(_)) | (Set(_), Set(_)) | (Range(_), Range(_)) | (Slice(_), Slice(_)) => {
            return Option::None;
        }
        _ => false,
    })
}

/// `a == b` with a complex operand, by value: a NaN part makes it unequal
/// to everything, itself included (containers still find it by identity).
pub fn complex_eq(a: &Value, b: &Value) -> bool {
    let nan = |v: &Value| match v {
        Value::Cplx(c) => c.re.is_nan() || c.im.is_nan(),
        Value::Flt(f) => f.get().is_nan(),
        _ => false,
    };
    !nan(a) && !nan(b) && native_eq(a, b).unwrap_or(false)
}

fn int_float_exact(x: i64, y: f64) -> bool {
    // i64 -> f64 may round; compare exactly through i128.
    y.fract() == 0.0 && y.abs() < 1.8e19 && (y as i128) == x as i128
}

fn bigint_eq_float(x: &BigInt, y: f64) -> bool {
    use num_traits::FromPrimitive;
    y.is_finite() && y.fract() == 0.0 && BigInt::from_f64(y).map(|b| &b == x).unwrap_or(false)
}

/// True when the instance's class (or a base other than `object`) defines `__eq__`.
pub fn has_user_eq(inst: &Instance) -> bool {
    inst.class.lookup_user("__eq__").is_some() || !matches!(inst.payload, super::class::Payload::None)
}

/// True when `cls`'s metaclass (a Python class) defines `__eq__`.
pub fn meta_has_user_eq(cls: &super::class::Class) -> bool {
    cls.metaclass.as_ref().is_some_and(|m| m.lookup_user("__eq__").is_some())
}

/// The outcome of hashing in Rust.
pub enum HashOutcome {
    Hash(i64),
    /// The value's type is unhashable (list, dict, set, …): TypeError.
    Unhashable,
    /// A user `__hash__` must be called (for a tuple: by one of its items,
    /// or the tuple is too deep to hash here).
    NeedsPython,
}

/// `hash(v)` when Rust can compute it.
pub fn native_hash(v: &Value) -> HashOutcome {
    use HashOutcome::*;
    match v {
        Value::Int(i) => Hash(hash_i64(*i)),
        Value::Boolean(b) => Hash(b.get() as i64),
        Value::Flt(f) => Hash(hash_f64(f.get(), v.id() as usize)),
        Value::Cplx(c) => Hash(super::numfmt::hash_complex(c.re, c.im, v.id() as usize)),
        Value::BigInt(b) => Hash(hash_bigint(b)),
        Value::Str(s) => Hash(s.hash()),
        Value::None => Hash(0x5f3759df),
        // Too deep to recurse here: the VM hashes it level by level.
        Value::Tuple(_) if crate::vm::guard::stack_low() => NeedsPython,
        Value::Range(r) => Hash(r.hash(native_hash(&Value::None))),
        Value::Tuple(t) => {
            let mut hs = Vec::with_capacity(t.items.len());
            for item in t.items.iter() {
                match native_hash(item) {
                    Hash(h) => hs.push(h),
                    other => return other,
                }
            }
            Hash(hash_tuple(&hs))
        }
        // CPython's `_Py_HashBytes` (0 for b''), keyed as str hashes are.
        Value::Bytes(b) => Hash(super::strhash::hash_bytes(b)),
        Value::Set(s) if s.frozen => {
            let mut acc: u64 = 0;
            for h in s.lock().hashes() {
                let h = h as u64;
                acc ^= ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
            }
            acc ^= (s.lock().len() as u64 + 1).wrapping_mul(1927868237);
            acc = acc.wrapping_mul(69069).wrapping_add(907133923);
            Hash(acc as i64)
        }
        Value::List(_) | Value::Dict(_) | Value::Set(_) => Unhashable,
        Value::Instance(inst) => {
            if inst.class.lookup_user("__hash__").is_some()
                || inst.class.lookup_user("__eq__").is_some()
                || !matches!(inst.payload, super::class::Payload::None)
            {
                NeedsPython
            } else {
                Hash(v.id() >> 4)
            }
        }
        Value::Slice(_) => Unhashable,
        // Consistent with equality above: the receiver's identity and the function.
        Value::Method(m) => match native_hash(&m.func) {
            Hash(h) => Hash((m.receiver.id() >> 4) ^ h),
            other => other,
        },
        Value::Native2(o) => o.hash_outcome().unwrap_or(Hash(v.id() >> 4)),
        _ => Hash(v.id() >> 4),
    }
}
