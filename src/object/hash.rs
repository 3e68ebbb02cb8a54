//! CPython's numeric hash, so that `hash(1) == hash(1.0) == hash(True)` and
//! sets of small ints iterate in the same order as CPython's.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::ToPrimitive;

const MODULUS_BITS: u32 = 61;
const MODULUS: u64 = (1u64 << MODULUS_BITS) - 1;
const HASH_INF: i64 = 314159;

/// Fixes up the one value CPython reserves for "error".
#[inline]
fn fix(h: i64) -> i64 {
    if h == -1 { -2 } else { h }
}

/// hash(int) for a machine-size int.
#[inline]
pub fn hash_i64(i: i64) -> i64 {
    let m = MODULUS as i128;
    let r = (i as i128) % m;
    fix(r as i64)
}

/// hash(int) for a big int.
pub fn hash_bigint(b: &BigInt) -> i64 {
    if let Some(i) = b.to_i64() {
        return hash_i64(i);
    }
    let m = BigInt::from(MODULUS);
    let (sign, mag) = (b.sign(), b.magnitude());
    let r = BigInt::from(mag.clone()).mod_floor(&m).to_i64().unwrap_or(0);
    fix(if sign == Sign::Minus { -r } else { r })
}

/// hash(float): CPython's `_Py_HashDouble`. NaN hashes by identity in 3.10+,
/// so the caller passes an identity to use for it.
pub fn hash_f64(v: f64, nan_identity: i64) -> i64 {
    if v.is_nan() {
        return fix(nan_identity >> 4);
    }
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if v == v.trunc() && v.abs() < 9.2e18 {
        return hash_i64(v as i64);
    }
    let (mut m, mut e) = frexp(v);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (MODULUS_BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { e % MODULUS_BITS as i32 } else { MODULUS_BITS as i32 - 1 - ((-1 - e) % MODULUS_BITS as i32) };
    x = ((x << e) & MODULUS) | (x >> (MODULUS_BITS as i32 - e));
    fix(x as i64 * sign)
}

fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// hash(tuple) from the hashes of its items (CPython 3.8+'s xxHash variant).
pub fn hash_tuple(items: &[i64]) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for &h in items {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn matches_cpython() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(5), 5);
        assert_eq!(hash_f64(1.0, 0), 1);
        assert_eq!(hash_f64(0.5, 0), 1152921504606846976);
        assert_eq!(hash_f64(-1.5, 0), -1152921504606846977);
        assert_eq!(hash_tuple(&[1, 2]), -3550055125485641917);
        assert_eq!(hash_bigint(&(BigInt::from(1) << 70)), 512);
    }
}
