//! Exact conversions between Python ints and floats (CPython 3.11
//! `PyLong_AsDouble`, `long_true_divide`, `PyLong_FromDouble`) and the float
//! methods `hex`, `fromhex`, `as_integer_ratio`, `is_integer`.

use super::NumError;
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

/// Exact power of two for exponents in the normal range.
fn pow2(e: i64) -> f64 {
    f64::from_bits(((e + 1023) as u64) << 52)
}

/// `m * 2**e` for `m <= 2**53`; exact whenever the result is representable
/// (intermediate steps stay in the normal range so nothing rounds early).
fn ldexp(m: f64, mut e: i64) -> f64 {
    let mut x = m;
    while e > 1000 {
        x *= pow2(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= pow2(-1000);
        e += 1000;
    }
    x * pow2(e)
}

/// Round `q * 2**-shift` (plus a positive amount below its last bit when
/// `sticky`) to the nearest double, ties to even.  `None` on overflow.
fn round_scaled(q: &BigUint, shift: i64, sticky: bool) -> Option<f64> {
    let qb = q.bits() as i64;
    if qb == 0 {
        return Some(0.0);
    }
    let e_top = qb - 1 - shift;
    if e_top > 1023 {
        return None;
    }
    // Bits of precision available at this magnitude (fewer when subnormal).
    let keep = if e_top >= -1022 { 53 } else { 53 - (-1022 - e_top) };
    let drop = qb - keep;
    let m: u64 = if drop <= 0 {
        // Fits exactly; at most 53 bits.
        (q << (-drop) as u64).to_u64().unwrap_or(0)
    } else {
        let d = drop as u64;
        let mut m = (q >> d).to_u64().unwrap_or(0);
        let round_bit = q.bit(d - 1);
        let below = sticky || q.trailing_zeros().is_some_and(|tz| tz < d - 1);
        if round_bit && (below || m & 1 == 1) {
            m += 1;
        }
        m
    };
    if m == 0 {
        return Some(0.0);
    }
    let r = ldexp(m as f64, drop - shift);
    r.is_finite().then_some(r)
}

/// `float(v)` for an int: correctly rounded (half-even); `OverflowError("int
/// too large to convert to float")` when the rounded value is >= 2**1024.
pub fn bigint_to_f64(v: &BigInt) -> Result<f64, NumError> {
    if let Some(i) = v.to_i64() {
        // Rust's i64 -> f64 cast rounds to nearest, ties to even.
        return Ok(i as f64);
    }
    let r = round_scaled(v.magnitude(), 0, false)
        .ok_or_else(|| NumError::Overflow("int too large to convert to float".to_owned()))?;
    Ok(if v.is_negative() { -r } else { r })
}

/// `a / b` for ints, correctly rounded like CPython's `long_true_divide`
/// (`10**400 / 10**399 == 10.0`).  Errors: `ZeroDivisionError("division by
/// zero")`, `OverflowError("integer division result too large for a float")`.
pub fn int_true_div(a: &BigInt, b: &BigInt) -> Result<f64, NumError> {
    if b.is_zero() {
        return Err(NumError::ZeroDivision("division by zero".to_owned()));
    }
    let negate = a.is_negative() != b.is_negative();
    let signed = |r: f64| if negate { -r } else { r };
    // Both exactly representable: one IEEE division is correctly rounded.
    const EXACT: u64 = 1 << 53;
    if let (Some(x), Some(y)) = (a.magnitude().to_u64(), b.magnitude().to_u64())
        && x <= EXACT
        && y <= EXACT
    {
        return Ok(signed(x as f64 / y as f64));
    }
    if a.is_zero() {
        return Ok(signed(0.0));
    }
    let overflow = || NumError::Overflow("integer division result too large for a float".to_owned());
    let na = a.bits() as i64;
    let nb = b.bits() as i64;
    if na - nb > 1025 {
        return Err(overflow());
    }
    if nb - na > 1080 {
        // Below half the smallest subnormal: rounds to zero.
        return Ok(signed(0.0));
    }
    // Scale so the integer quotient has at least 55 significant bits; the
    // remainder becomes the sticky bit for rounding.
    let s = 55 - (na - nb) + 1;
    let (num, den) = if s >= 0 {
        (a.magnitude() << s as u64, b.magnitude().clone())
    } else {
        (a.magnitude().clone(), b.magnitude() << (-s) as u64)
    };
    let (q, r) = num_integer::Integer::div_rem(&num, &den);
    let v = round_scaled(&q, s, !r.is_zero()).ok_or_else(overflow)?;
    Ok(signed(v))
}

/// `int(x)` for a float, exact (`int(1e300)` has all 301 digits).  Errors:
/// `ValueError("cannot convert float NaN to integer")`,
/// `OverflowError("cannot convert float infinity to integer")`.
pub fn float_to_int_checked(x: f64) -> Result<BigInt, NumError> {
    if x.is_nan() {
        return Err(NumError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(NumError::Overflow("cannot convert float infinity to integer".to_owned()));
    }
    let t = x.trunc();
    if t.abs() < 9.2e18 {
        return Ok(BigInt::from(t as i64));
    }
    // |t| >= 2**63 is an integer: mantissa * 2**exp with exp > 0.
    let (mant, exp) = decompose(t);
    let mag = BigUint::from(mant) << exp as u64;
    Ok(BigInt::from_biguint(if t < 0.0 { Sign::Minus } else { Sign::Plus }, mag))
}

/// |x| = mant * 2**exp with integer mant (finite x).
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    if biased == 0 { (frac, -1074) } else { (frac | (1 << 52), biased - 1075) }
}

/// `float.is_integer()`.
pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x.trunc() == x
}

/// `float.as_integer_ratio()`: the lowest-terms fraction equal to `x`.
/// Errors: `OverflowError("cannot convert Infinity to integer ratio")`,
/// `ValueError("cannot convert NaN to integer ratio")`.
pub fn float_as_integer_ratio(x: f64) -> Result<(BigInt, BigInt), NumError> {
    if x.is_nan() {
        return Err(NumError::value("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(NumError::Overflow("cannot convert Infinity to integer ratio".to_owned()));
    }
    let (mut mant, mut exp) = decompose(x);
    if mant == 0 {
        return Ok((BigInt::zero(), BigInt::from(1)));
    }
    // Remove common factors of two.
    let tz = mant.trailing_zeros() as i64;
    let shift = if exp < 0 { tz.min(-exp) } else { 0 };
    mant >>= shift;
    exp += shift;
    let mut num = BigInt::from(mant);
    if x < 0.0 {
        num = -num;
    }
    if exp >= 0 { Ok((num << exp as u64, BigInt::from(1))) } else { Ok((num, BigInt::from(1) << (-exp) as u64)) }
}

/// `float.hex()`: `0x1.8000000000000p+1`, `-0x0.0p+0`, `inf`, `nan`.
pub fn float_hex(x: f64) -> String {
    if !x.is_finite() {
        return super::float_repr::float_repr(x);
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0x0.0p+0" } else { "0x0.0p+0" }.to_owned();
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (lead, exp) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    format!("{}0x{lead}.{frac:013x}p{}{}", if x < 0.0 { "-" } else { "" }, if exp < 0 { '-' } else { '+' }, exp.abs())
}

/// `float.fromhex(s)`, correctly rounded.  Errors: `ValueError("invalid
/// hexadecimal floating-point string")`, `OverflowError("hexadecimal value
/// too large to represent as a float")`.
pub fn float_fromhex(s: &str) -> Result<f64, NumError> {
    let invalid = || NumError::value("invalid hexadecimal floating-point string");
    let t = s.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r'));
    let b = t.as_bytes();
    // inf / infinity / nan with an optional sign.
    let (neg, rest) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let sgn = |v: f64| if neg { -v } else { v };
    if rest.eq_ignore_ascii_case(b"inf") || rest.eq_ignore_ascii_case(b"infinity") {
        return Ok(sgn(f64::INFINITY));
    }
    if rest.eq_ignore_ascii_case(b"nan") {
        return Ok(sgn(f64::NAN));
    }
    let mut i = 0;
    if rest.len() >= 2 && rest[0] == b'0' && (rest[1] | 0x20) == b'x' {
        i = 2;
    }
    let mut digits: Vec<u8> = Vec::new();
    let mut frac_digits: i64 = 0;
    let mut seen_dot = false;
    while i < rest.len() {
        let c = rest[i];
        if let Some(d) = (c as char).to_digit(16) {
            digits.push(d as u8);
            if seen_dot {
                frac_digits += 1;
            }
        } else if c == b'.' && !seen_dot {
            seen_dot = true;
        } else {
            break;
        }
        i += 1;
    }
    if digits.is_empty() {
        return Err(invalid());
    }
    let mut exp: i64 = 0;
    if i < rest.len() && (rest[i] | 0x20) == b'p' {
        i += 1;
        let eneg = match rest.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        while i < rest.len() && rest[i].is_ascii_digit() {
            // Saturate like strtol; anything this large over/underflows anyway.
            exp = (exp * 10 + i64::from(rest[i] - b'0')).min(1 << 40);
            i += 1;
        }
        if i == start {
            return Err(invalid());
        }
        if eneg {
            exp = -exp;
        }
    }
    if i != rest.len() {
        return Err(invalid());
    }
    let mant = BigUint::from_radix_be(&digits, 16).unwrap_or_default();
    if mant.is_zero() {
        return Ok(sgn(0.0));
    }
    let shift = 4 * frac_digits - exp;
    let v = round_scaled(&mant, shift, false)
        .ok_or_else(|| NumError::Overflow("hexadecimal value too large to represent as a float".to_owned()))?;
    Ok(sgn(v))
}
