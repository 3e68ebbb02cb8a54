//! `round()` for floats and ints (CPython 3.11 `float___round___impl`,
//! `double_round`, `int___round___impl`): round-half-even on the exact
//! binary value, using correctly rounded decimal conversions.

use super::NumError;
use super::convert::{bigint_to_f64, float_to_int_checked};
use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{Pow, Signed, Zero};
use std::fmt::Write as _;

/// `round(x)` (no `ndigits`): nearest int, ties to even (`round(2.5) == 2`).
/// Errors as `int(x)` for NaN and infinities.
pub fn round_float_to_int(x: f64) -> Result<BigInt, NumError> {
    // C round() goes half away from zero; fix up exact halves to even.
    let mut r = x.round();
    if (x - r).abs() == 0.5 {
        r = 2.0 * (x / 2.0).round();
    }
    float_to_int_checked(r)
}

/// Beyond this many digits every double rounds to itself.
const NDIGITS_MAX: i64 = 323;
/// Below this every double rounds to a signed zero.
const NDIGITS_MIN: i64 = -308;

/// `round(x, ndigits)` for a float: `round(2.675, 2) == 2.67`,
/// `round(1234.5, -1) == 1230.0`; NaN and infinities round to themselves.
/// `OverflowError("rounded value too large to represent")` when rounding up
/// leaves the float range (`round(1.7976931348623157e308, -308)`).
/// Callers clamp huge Python ints for `ndigits` to `i64` (CPython clips too).
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, NumError> {
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    if ndigits >= 0 {
        // Rust's fixed formatting is correctly rounded (half-even on the
        // exact value) and its parser is correctly rounded: the same two
        // steps as CPython's dtoa mode 3 + strtod.
        let mut s = String::with_capacity(32);
        let _ = write!(s, "{:.*}", ndigits as usize, x);
        return Ok(s.parse::<f64>().unwrap_or(x));
    }
    // Negative ndigits: round the exact value to a multiple of 10**k.
    let k = ndigits.unsigned_abs();
    let bits = x.abs().to_bits();
    let biased = (bits >> 52) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (mant, exp) = if biased == 0 { (frac, -1074) } else { (frac | (1 << 52), biased - 1075) };
    let p: BigUint = BigUint::from(10u32).pow(k);
    let (num, den) = if exp >= 0 {
        (BigUint::from(mant) << exp as u64, p.clone())
    } else {
        (BigUint::from(mant), &p << (-exp) as u64)
    };
    let (mut q, r) = num.div_rem(&den);
    let twice: BigUint = r << 1u32;
    if twice > den || (twice == den && q.is_odd()) {
        q += 1u32;
    }
    if q.is_zero() {
        return Ok(0.0f64.copysign(x));
    }
    let rounded = BigInt::from(q * p);
    let v =
        bigint_to_f64(&rounded).map_err(|_| NumError::Overflow("rounded value too large to represent".to_owned()))?;
    Ok(if x < 0.0 { -v } else { v })
}

/// `round(v, ndigits)` for an int: unchanged for `ndigits >= 0`, otherwise
/// the nearest multiple of `10**-ndigits`, ties to even
/// (`round(25, -1) == 20`, `round(35, -1) == 40`).
pub fn round_int(v: &BigInt, ndigits: i64) -> BigInt {
    if ndigits >= 0 || v.is_zero() {
        return v.clone();
    }
    let k = ndigits.unsigned_abs();
    // |v| < 2**bits <= 10**k / 2 means the result is 0: skip computing a
    // huge power of ten.
    // (The extra 0.5 keeps float error on the safe side of the shortcut.)
    if (v.bits() as f64) + 1.5 < (k as f64) * std::f64::consts::LOG2_10 {
        return BigInt::zero();
    }
    let p: BigInt = BigInt::from(10u32).pow(k);
    let (mut q, r) = v.div_mod_floor(&p);
    let twice: BigInt = r << 1u32;
    if twice > p || (twice == p && q.is_odd()) {
        q += 1;
    }
    if v.is_negative() && q.is_zero() {
        return BigInt::zero();
    }
    q * p
}
