//! CPython 3.11's numeric hashes (`Python/pyhash.c`, `longobject.c`) and the
//! xxHash-based tuple hash (`tupleobject.c`), for a 64-bit build.
//!
//! Numbers hash by their value modulo the Mersenne prime 2**61 - 1, so equal
//! numbers of different types hash alike (`hash(1.0) == hash(1) == 1`).  The
//! value -1 is reserved for errors in C and is replaced by -2.

use num_bigint::BigInt;
use num_traits::Signed;

/// Number of bits in the hash modulus.
pub const HASH_BITS: u32 = 61;
/// The modulus `2**61 - 1`.
pub const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;
/// `hash(float('inf'))`; `-inf` hashes to its negation.
pub const HASH_INF: i64 = 314159;

fn fix_minus_one(h: i64) -> i64 {
    if h == -1 { -2 } else { h }
}

/// `hash(v)` for an int that fits in `i64`.
pub fn hash_i64(v: i64) -> i64 {
    let m = (v.unsigned_abs() % HASH_MODULUS) as i64;
    fix_minus_one(if v < 0 { -m } else { m })
}

/// `hash(v)` for any int.
pub fn hash_bigint(v: &BigInt) -> i64 {
    // Horner's rule over 64-bit limbs, most significant first, mod 2**61-1.
    let mut acc: u128 = 0;
    for limb in v.magnitude().iter_u64_digits().rev() {
        acc = ((acc << 64) | u128::from(limb)) % u128::from(HASH_MODULUS);
    }
    let m = acc as i64;
    fix_minus_one(if v.is_negative() { -m } else { m })
}

/// C `frexp` for finite non-zero `v`: `v = m * 2**e` with `0.5 <= |m| < 1`.
fn frexp(v: f64) -> (f64, i32) {
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    if biased == 0 {
        // Subnormal: scale into the normal range first (exact).
        let (m, e) = frexp(v * f64::from_bits(((54 + 1023) as u64) << 52));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, biased - 1022)
}

/// `hash(v)` for a float.  NaN hashes by identity in CPython 3.10+
/// (`_Py_HashPointer(obj)`), so the caller passes the float object's
/// identity (`id(obj)`) in `id`; it is ignored for every other value.
pub fn hash_f64(v: f64, id: usize) -> i64 {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { HASH_INF } else { -HASH_INF };
        }
        return hash_pointer(id);
    }
    if v == 0.0 {
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    // Process 28 bits at a time, like CPython (works for any radix-2 float).
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268435456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    // Multiply by 2**e modulo 2**61-1, i.e. rotate by e mod 61.
    let bits = HASH_BITS as i32;
    let e = if e >= 0 { e % bits } else { bits - 1 - ((-1 - e) % bits) } as u32;
    x = ((x << e) & HASH_MODULUS) | (x >> (HASH_BITS - e));
    fix_minus_one((x as i64).wrapping_mul(sign))
}

/// `_Py_HashPointer`: the identity hash used by `object.__hash__` and NaN
/// floats (pointer rotated right by 4 bits).
pub fn hash_pointer(id: usize) -> i64 {
    fix_minus_one(id.rotate_right(4) as i64)
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// `hash(t)` for a tuple whose items hash to `items` (CPython 3.8+ xxHash
/// variant): `hash((1, 2))` equals CPython's value.
pub fn hash_tuple(items: &[i64]) -> i64 {
    let mut acc = XXPRIME_5;
    for &h in items {
        acc = acc.wrapping_add((h as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    // Mix in the length, mangled to keep the historical hash(()).
    acc = acc.wrapping_add((items.len() as u64) ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// `hash(complex(re, im))`: `hash(re) + 1000003 * hash(im)` with C wrapping
/// arithmetic; `id` (the complex object's identity) is only used for NaN parts.
pub fn hash_complex(re: f64, im: f64, id: usize) -> i64 {
    let hr = hash_f64(re, id) as u64;
    let hi = hash_f64(im, id) as u64;
    fix_minus_one(hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64)
}
