//! `range`: an immutable arithmetic progression. Bounds, step and length
//! are usually machine words (the fast path `for i in range(n)` takes),
//! but any int is allowed, as in CPython: `range(1 << 100)` keeps its exact
//! bounds in big ints and answers indexing, slicing and `in` with them.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::value::Value;

/// `range(start, stop, step)`; `step` is never zero.
#[derive(Debug)]
pub struct Range {
    /// Valid only when `big` is `None`.
    pub start: i64,
    /// Valid only when `big` is `None`.
    pub stop: i64,
    /// Valid only when `big` is `None`.
    pub step: i64,
    len: i64,
    /// The exact values when a bound, the step or the length does not fit
    /// in an `i64`.
    big: Option<Box<BigRange>>,
}

/// The exact form of a range whose numbers do not fit in machine words.
#[derive(Debug)]
struct BigRange {
    start: BigInt,
    stop: BigInt,
    step: BigInt,
    len: BigInt,
}

/// The number of items of `range(start, stop, step)`.
fn big_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, st) = if step.is_positive() { (start, stop, step.clone()) } else { (stop, start, -step) };
    if lo >= hi { BigInt::zero() } else { (hi - lo - 1u32) / st + 1u32 }
}

impl Range {
    /// A range of machine-word bounds (`step != 0`).
    pub fn new(start: i64, stop: i64, step: i64) -> Range {
        let (s, e, st) = (start as i128, stop as i128, step as i128);
        let len = if st > 0 {
            if e > s { (e - s - 1) / st + 1 } else { 0 }
        } else if s > e {
            (s - e - 1) / (-st) + 1
        } else {
            0
        };
        match i64::try_from(len) {
            Ok(len) => Range { start, stop, step, len, big: None },
            Err(_) => Range::from_big(BigInt::from(start), BigInt::from(stop), BigInt::from(step)),
        }
    }

    /// A range of any bounds (`step != 0`); small when everything fits.
    pub fn from_big(start: BigInt, stop: BigInt, step: BigInt) -> Range {
        let len = big_len(&start, &stop, &step);
        if let (Some(a), Some(b), Some(c), Some(n)) = (start.to_i64(), stop.to_i64(), step.to_i64(), len.to_i64()) {
            return Range { start: a, stop: b, step: c, len: n, big: None };
        }
        Range { start: 0, stop: 0, step: 1, len: 0, big: Some(Box::new(BigRange { start, stop, step, len })) }
    }

    /// Whether the exact values live in big ints (the i64 fields unused).
    pub fn is_big(&self) -> bool {
        self.big.is_some()
    }

    /// The length, when it fits in an `i64` (`len()` raises OverflowError otherwise).
    pub fn len(&self) -> Option<i64> {
        match &self.big {
            None => Some(self.len),
            Some(b) => b.len.to_i64(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match &self.big {
            None => self.len == 0,
            Some(b) => b.len.is_zero(),
        }
    }

    /// Item `i` of a small range (0 ≤ i < len).
    pub fn get(&self, i: i64) -> i64 {
        self.start + i * self.step
    }

    /// (start, stop, step, len) as big ints.
    pub fn parts(&self) -> (BigInt, BigInt, BigInt, BigInt) {
        match &self.big {
            None => (self.start.into(), self.stop.into(), self.step.into(), self.len.into()),
            Some(b) => (b.start.clone(), b.stop.clone(), b.step.clone(), b.len.clone()),
        }
    }

    /// `r.start`, `r.stop`, `r.step` as Python ints.
    pub fn attr(&self, name: &str) -> Option<Value> {
        let (start, stop, step, _) = self.parts();
        Some(Value::from_bigint(match name {
            "start" => start,
            "stop" => stop,
            "step" => step,
            _ => return None,
        }))
    }

    /// `r[i]` for any int `i` (negative counts from the end); None when out of range.
    pub fn item(&self, i: &BigInt) -> Option<BigInt> {
        let (start, _, step, len) = self.parts();
        let j = if i.is_negative() { i + &len } else { i.clone() };
        (!j.is_negative() && j < len).then(|| start + j * step)
    }

    /// The position of int `x` in the range, if it is there (`in`, `index`, `count`).
    pub fn position(&self, x: &BigInt) -> Option<BigInt> {
        if self.big.is_none()
            && let Some(x) = x.to_i64()
        {
            let (s, st) = (self.start as i128, self.step as i128);
            let d = x as i128 - s;
            let k = d / st;
            return (d % st == 0 && k >= 0 && k < self.len as i128).then(|| BigInt::from(k));
        }
        let (start, _, step, len) = self.parts();
        let (k, rem) = (x - start).div_rem(&step);
        (rem.is_zero() && !k.is_negative() && k < len).then_some(k)
    }

    /// The same items in reverse order.
    pub fn reversed(&self) -> Range {
        let (start, _, step, len) = self.parts();
        if len.is_zero() {
            return Range::from_big(start.clone(), start, BigInt::one());
        }
        let last = &start + (&len - 1u32) * &step;
        Range::from_big(last, start - &step, -step)
    }

    /// `r[i:j:k]` once the slice is resolved against the length (big ints,
    /// as CPython's `compute_slice`): a range again.
    pub fn sliced(&self, i: &BigInt, j: &BigInt, k: &BigInt) -> Range {
        let (start, _, step, _) = self.parts();
        Range::from_big(&start + i * &step, &start + j * &step, step * k)
    }

    /// Equality as CPython defines it: the same sequence of items.
    pub fn same_items(&self, other: &Range) -> bool {
        let (a, _, sa, la) = self.parts();
        let (b, _, sb, lb) = other.parts();
        la == lb && (la.is_zero() || (a == b && (la.is_one() || sa == sb)))
    }

    /// `hash(r)`: equal ranges hash equal, as CPython's `hash((len, start,
    /// step))` with `start` and `step` replaced by None where they do not
    /// matter (empty or one-item ranges).
    pub fn hash(&self, none: super::eq::HashOutcome) -> i64 {
        use super::numfmt::{hash_bigint, hash_tuple};
        let none = if let super::eq::HashOutcome::Hash(h) = none { h } else { 0 };
        let (start, _, step, len) = self.parts();
        let h_start = if len.is_zero() { none } else { hash_bigint(&start) };
        let h_step = if len.is_zero() || len.is_one() { none } else { hash_bigint(&step) };
        hash_tuple(&[hash_bigint(&len), h_start, h_step])
    }

    /// `repr(r)`.
    pub fn repr(&self) -> String {
        let (start, stop, step, _) = self.parts();
        if step.is_one() { format!("range({start}, {stop})") } else { format!("range({start}, {stop}, {step})") }
    }
}

/// Resolves slice bounds against a length with big ints (CPython's
/// `_PySlice_GetLongIndices`): returns (start, stop, step, count).
pub fn big_slice(
    start: Option<BigInt>,
    stop: Option<BigInt>,
    step: BigInt,
    len: &BigInt,
) -> (BigInt, BigInt, BigInt, BigInt) {
    let neg = step.is_negative();
    let (lower, upper) = if neg { (BigInt::from(-1), len - 1u32) } else { (BigInt::zero(), len.clone()) };
    let adjust = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        match v {
            None => default.clone(),
            Some(v) => {
                let v = if v.is_negative() { v + len } else { v };
                if v < lower {
                    lower.clone()
                } else if v > upper {
                    upper.clone()
                } else {
                    v
                }
            }
        }
    };
    let (dstart, dstop) = if neg { (upper.clone(), lower.clone()) } else { (lower.clone(), upper.clone()) };
    let a = adjust(start, &dstart);
    let b = adjust(stop, &dstop);
    let count = big_len(&a, &b, &step);
    (a, b, step, count)
}
