//! Integer to string conversions: `str(int)` with CPython 3.11's
//! integer-string-conversion length limit, and `bin()/oct()/hex()`.

use super::NumError;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use std::sync::atomic::{AtomicUsize, Ordering};

/// CPython's default for `sys.get_int_max_str_digits()`.
pub const DEFAULT_INT_MAX_STR_DIGITS: usize = 4300;

/// Smallest non-zero value `sys.set_int_max_str_digits()` accepts
/// (`sys.int_info.str_digits_check_threshold`).
pub const INT_MAX_STR_DIGITS_THRESHOLD: usize = 640;

/// The interpreter-wide limit (0 = unlimited).  Global rather than
/// per-interpreter because gilt runs one interpreter per process.
static INT_MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(DEFAULT_INT_MAX_STR_DIGITS);

/// `sys.get_int_max_str_digits()`.
pub fn get_int_max_str_digits() -> usize {
    INT_MAX_STR_DIGITS.load(Ordering::Relaxed)
}

/// `sys.set_int_max_str_digits(n)`; the error is the `ValueError` text.
pub fn set_int_max_str_digits(n: i64) -> Result<(), String> {
    if n != 0 && n < INT_MAX_STR_DIGITS_THRESHOLD as i64 {
        return Err(format!("maxdigits must be 0 or larger than {INT_MAX_STR_DIGITS_THRESHOLD}"));
    }
    INT_MAX_STR_DIGITS.store(n as usize, Ordering::Relaxed);
    Ok(())
}

/// Fail like CPython when a decimal string of `ndigits` digits (sign
/// excluded) exceeds the limit while converting an int to a string.
pub(crate) fn check_decimal_len(ndigits: usize) -> Result<(), NumError> {
    let limit = get_int_max_str_digits();
    if limit > 0 && ndigits > limit {
        return Err(to_str_limit_error(limit));
    }
    Ok(())
}

fn to_str_limit_error(limit: usize) -> NumError {
    NumError::value(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `str(v)` / `repr(v)` for an int, including the 3.11 length limit
/// (`ValueError: Exceeds the limit (4300 digits) ...`).
pub fn int_to_decimal(v: &BigInt) -> Result<String, NumError> {
    if let Some(small) = v.to_i64() {
        return Ok(small.to_string());
    }
    let limit = get_int_max_str_digits();
    if limit > 0 {
        // Refuse hopeless cases before the quadratic conversion: a value with
        // `bits` bits is >= 2**(bits-1), which has more than `limit` digits
        // once bits-1 >= limit*log2(10).
        let needed = (limit as f64 * std::f64::consts::LOG2_10).ceil() as u64 + 1;
        if v.bits() > needed + 1 {
            return Err(to_str_limit_error(limit));
        }
    }
    let s = v.to_str_radix(10);
    check_decimal_len(s.len() - usize::from(v.is_negative()))?;
    Ok(s)
}

/// `bin()`, `oct()`, `hex()` (base 2, 8, 16: `-0x1f`, `0b101`, `0o17`) and,
/// for any other base in 2..=36, the bare digits (`int_to_base(v, 10)` is
/// `str(v)` without the length limit).  Lower-case digits.
pub fn int_to_base(v: &BigInt, base: u32) -> String {
    if let Some(small) = v.to_i64() {
        return i64_to_base(small, base);
    }
    let base = base.clamp(2, 36);
    let digits = v.magnitude().to_str_radix(base);
    let mut out = String::with_capacity(digits.len() + 3);
    if v.is_negative() {
        out.push('-');
    }
    out.push_str(prefix(base));
    out.push_str(&digits);
    out
}

fn prefix(base: u32) -> &'static str {
    match base {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    }
}

/// [`int_to_base`] for an `i64` without touching `BigInt`.
pub fn i64_to_base(v: i64, base: u32) -> String {
    let base = base.clamp(2, 36);
    let mut buf = [0u8; 72];
    let mut i = buf.len();
    let mut m = v.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b"0123456789abcdefghijklmnopqrstuvwxyz"[(m % u64::from(base)) as usize];
        m /= u64::from(base);
        if m == 0 {
            break;
        }
    }
    for &b in prefix(base).as_bytes().iter().rev() {
        i -= 1;
        buf[i] = b;
    }
    if v < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    // Only ASCII bytes were written.
    String::from_utf8_lossy(&buf[i..]).into_owned()
}
