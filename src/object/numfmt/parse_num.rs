//! `int(s, base)` and `float(s)` for strings and bytes, following CPython
//! 3.11's `PyLong_FromUnicodeObject` / `PyLong_FromString` and
//! `PyFloat_FromString` (including the 4300-digit limit and the underscore
//! rules).

use super::int_str::{INT_MAX_STR_DIGITS_THRESHOLD, get_int_max_str_digits};
use super::str_repr::{decimal_value, is_py_space, py_bytes_repr, py_str_repr, truncate_chars};
use num_bigint::{BigInt, BigUint, Sign};

/// Why the ASCII-level integer parser failed.
enum IntParseError {
    /// Malformed literal: "invalid literal for int() ...".
    Invalid,
    /// Too many digits for `sys.get_int_max_str_digits()` (message ready).
    Limit(String),
}

/// `int(s, base)` for a Python `str`: surrounding whitespace, a sign, an
/// optional `0x`/`0o`/`0b` prefix matching the base, underscores between
/// digits, any Unicode decimal digits; base 0 infers the base from the prefix
/// and rejects leading zeros (`010`).  `base` must be 0 or 2..=36 (callers
/// pass negative bases as e.g. 1 to get the same error).  Errors are the
/// `ValueError` messages.
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, String> {
    check_base(base)?;
    let ascii = to_ascii_digits(s);
    parse_ascii_int(&ascii, base).map_err(|e| match e {
        IntParseError::Invalid => {
            format!("invalid literal for int() with base {base}: {}", truncate_chars(py_str_repr(s), 200))
        }
        IntParseError::Limit(m) => m,
    })
}

/// `int(b, base)` for `bytes`/`bytearray` (ASCII digits only; the error
/// shows the repr of the first 200 bytes).
pub fn parse_int_bytes(b: &[u8], base: u32) -> Result<BigInt, String> {
    check_base(base)?;
    parse_ascii_int(b, base).map_err(|e| match e {
        IntParseError::Invalid => {
            format!("invalid literal for int() with base {base}: {}", py_bytes_repr(&b[..b.len().min(200)]))
        }
        IntParseError::Limit(m) => m,
    })
}

fn check_base(base: u32) -> Result<(), String> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err("int() base must be >= 2 and <= 36, or 0".to_owned());
    }
    Ok(())
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode digits become ASCII
/// digits, Unicode whitespace becomes ' ', and the first other non-ASCII
/// character becomes '?' and ends the string (so parsing fails there).
fn to_ascii_digits(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            out.push(c as u8);
        } else if is_py_space(c) {
            out.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

/// C `isspace` in the "C" locale (`Py_ISSPACE`).
fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `_PyLong_DigitValue`: 0-9, a-z/A-Z as 10..35, everything else 37.
fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'a'..=b'z' => u32::from(b - b'a') + 10,
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => 37,
    }
}

/// `PyLong_FromString` on ASCII bytes, requiring the whole input to be used.
fn parse_ascii_int(s: &[u8], base: u32) -> Result<BigInt, IntParseError> {
    // Reading past the end yields NUL, like the C string terminator.
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_c_space(at(i)) {
        i += 1;
    }
    let mut neg = false;
    if at(i) == b'+' {
        i += 1;
    } else if at(i) == b'-' {
        i += 1;
        neg = true;
    }
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if at(i) != b'0' {
            10
        } else {
            match at(i + 1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    // Old C-style octal ("010") is invalid unless it is zero.
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0' && matches!((base, at(i + 1)), (16, b'x' | b'X') | (8, b'o' | b'O') | (2, b'b' | b'B')) {
        i += 2;
        // One underscore is allowed right after the prefix.
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(IntParseError::Invalid);
    }
    let start = i;
    let mut prev = 0u8;
    let mut ndigits = 0usize;
    while digit_value(at(i)) < base || at(i) == b'_' {
        if at(i) == b'_' {
            if prev == b'_' {
                return Err(IntParseError::Invalid);
            }
        } else {
            ndigits += 1;
        }
        prev = at(i);
        i += 1;
    }
    if prev == b'_' {
        return Err(IntParseError::Invalid);
    }
    let end = i;
    if !base.is_power_of_two() && ndigits > INT_MAX_STR_DIGITS_THRESHOLD {
        let limit = get_int_max_str_digits();
        if limit > 0 && ndigits > limit {
            return Err(IntParseError::Limit(format!(
                "Exceeds the limit ({limit} digits) for integer string conversion: \
                 value has {ndigits} digits; use sys.set_int_max_str_digits() \
                 to increase the limit"
            )));
        }
    }
    let magnitude = digits_to_biguint(&s[start..end], base);
    if error_if_nonzero && magnitude != BigUint::default() {
        return Err(IntParseError::Invalid);
    }
    if end == start {
        return Err(IntParseError::Invalid);
    }
    while is_c_space(at(i)) {
        i += 1;
    }
    if i != s.len() {
        return Err(IntParseError::Invalid);
    }
    Ok(BigInt::from_biguint(if neg { Sign::Minus } else { Sign::Plus }, magnitude))
}

/// Value of validated digits (with underscores) in `base`.
fn digits_to_biguint(d: &[u8], base: u32) -> BigUint {
    // Fast path: up to 12 digits always fit in u64 for base <= 36.
    if d.len() <= 12 {
        let mut v: u64 = 0;
        for &c in d {
            if c != b'_' {
                v = v * u64::from(base) + u64::from(digit_value(c));
            }
        }
        return BigUint::from(v);
    }
    let vals: Vec<u8> = d.iter().filter(|&&c| c != b'_').map(|&c| digit_value(c) as u8).collect();
    BigUint::from_radix_be(&vals, base).unwrap_or_default()
}

/// `float(s)` for a Python `str`: surrounding whitespace, underscores between
/// digits, Unicode digits, `inf`/`infinity`/`nan` in any case with a sign,
/// forms like `1e5`, `.5`, `5.`; out-of-range values become `inf` or 0.
/// The error is the `ValueError` message.
pub fn parse_float(s: &str) -> Result<f64, String> {
    let ascii = to_ascii_digits(s);
    parse_ascii_float(&ascii).ok_or_else(|| format!("could not convert string to float: {}", py_str_repr(s)))
}

/// `float(b)` for `bytes`.
pub fn parse_float_bytes(b: &[u8]) -> Result<f64, String> {
    parse_ascii_float(b).ok_or_else(|| format!("could not convert string to float: {}", py_bytes_repr(b)))
}

fn parse_ascii_float(s: &[u8]) -> Option<f64> {
    let owned;
    let mut s = s;
    if s.contains(&b'_') {
        owned = remove_underscores(s)?;
        s = &owned;
    }
    // Embedded NULs never parse (CPython stops at the terminator).
    let first = s.iter().position(|&c| !is_c_space(c))?;
    let last = s.iter().rposition(|&c| !is_c_space(c))?;
    let t = &s[first..=last];
    if is_decimal_literal(t) {
        // Rust's parser accepts this grammar and rounds correctly, like dtoa.
        return std::str::from_utf8(t).ok()?.parse::<f64>().ok();
    }
    parse_inf_nan(t)
}

/// `_Py_string_to_number_with_underscores`: '_' only between two digits.
fn remove_underscores(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let mut prev = 0u8;
    for &c in s {
        if c == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    if prev == b'_' {
        return None;
    }
    Some(out)
}

/// `[sign] (digits [. [digits]] | . digits) [(e|E) [sign] digits]`, whole input.
fn is_decimal_literal(t: &[u8]) -> bool {
    let mut i = 0;
    if matches!(t.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let int_start = i;
    while i < t.len() && t[i].is_ascii_digit() {
        i += 1;
    }
    let mut mantissa_digits = i - int_start;
    if i < t.len() && t[i] == b'.' {
        i += 1;
        let frac_start = i;
        while i < t.len() && t[i].is_ascii_digit() {
            i += 1;
        }
        mantissa_digits += i - frac_start;
    }
    if mantissa_digits == 0 {
        return false;
    }
    if i < t.len() && (t[i] == b'e' || t[i] == b'E') {
        i += 1;
        if i < t.len() && (t[i] == b'+' || t[i] == b'-') {
            i += 1;
        }
        let exp_start = i;
        while i < t.len() && t[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return false;
        }
    }
    i == t.len()
}

/// `_Py_parse_inf_or_nan` requiring the whole input to be consumed.
fn parse_inf_nan(t: &[u8]) -> Option<f64> {
    let (neg, rest) = match t.first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let v = if rest.eq_ignore_ascii_case(b"inf") || rest.eq_ignore_ascii_case(b"infinity") {
        f64::INFINITY
    } else if rest.eq_ignore_ascii_case(b"nan") {
        f64::NAN
    } else {
        return None;
    };
    Some(if neg { -v } else { v })
}
