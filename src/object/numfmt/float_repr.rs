//! `repr(float)` and a port of CPython's `PyOS_double_to_string`
//! (`Python/pystrtod.c: format_float_short`).
//!
//! CPython gets its digits from David Gay's `dtoa`.  Rust's float formatting
//! produces the same digit strings: `{:e}` yields the shortest digits that
//! round-trip (ties broken towards the closest value, like dtoa mode 0), and
//! `{:.N}` / `{:.Ne}` are correctly rounded from the exact binary value with
//! round-half-even (dtoa modes 3 and 2).  Only the layout rules (where the
//! decimal point goes, when to switch to exponent notation, padding) are
//! ported here.

use std::fmt::{self, Write as _};

/// Options for [`double_to_string`], mirroring the arguments of CPython's
/// `PyOS_double_to_string(val, format_code, precision, flags, NULL)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FloatFmt {
    /// One of `e E f F g G r`.  Upper-case codes print `E`, `INF`, `NAN`.
    /// Any other character is treated as `r`.
    pub code: char,
    /// Digits after the point (`e`, `f`) or significant digits (`g`; 0 means
    /// 1).  Ignored for `r`.
    pub precision: usize,
    /// `Py_DTSF_SIGN`: always emit a sign (`+` for non-negative values).
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: make integral results look like floats (`1.0`)
    /// and, for `g`, switch to exponent notation one digit earlier.
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: the `#` flag: keep the decimal point and, for `g`,
    /// trailing zeros.
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: the `z` flag: print negative zero (after rounding)
    /// without its sign.
    pub no_neg_0: bool,
}

impl FloatFmt {
    /// Options for `repr(x)` / `str(x)`.
    pub const REPR: FloatFmt =
        FloatFmt { code: 'r', precision: 0, sign: false, add_dot_0: true, alt: false, no_neg_0: false };

    /// Options for code `code` with precision `precision` and no flags.
    pub fn new(code: char, precision: usize) -> FloatFmt {
        FloatFmt { code, precision, sign: false, add_dot_0: false, alt: false, no_neg_0: false }
    }
}

/// Digits beyond this are always zero in an exact double expansion (at most
/// 767 significant digits, 1074 after the point), so precisions are capped
/// here before calling Rust's formatter and the rest is zero padding.
const MAX_EXACT_DIGITS: usize = 1100;

/// A small fixed buffer so the hot `repr` path can run Rust's shortest-digit
/// formatter without a heap allocation.
struct StackBuf {
    buf: [u8; 40],
    len: usize,
}

impl StackBuf {
    fn new() -> Self {
        StackBuf { buf: [0; 40], len: 0 }
    }
    fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

impl fmt::Write for StackBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        if end > self.buf.len() {
            return Err(fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// `repr(x)` (also `str(x)`) for a Python float: the shortest string that
/// round-trips, e.g. `0.1`, `1e+16`, `1e-05`, `123.0`, `-0.0`, `inf`, `nan`.
pub fn float_repr(x: f64) -> String {
    let mut out = String::with_capacity(24);
    write_float_repr(&mut out, x);
    out
}

/// Append `repr(x)` to `out` (see [`float_repr`]).
pub fn write_float_repr(out: &mut String, x: f64) {
    write_double(out, x, &FloatFmt::REPR);
}

/// `PyOS_double_to_string(x, fmt.code, fmt.precision, flags)` as a new string.
pub fn double_to_string(x: f64, fmt: &FloatFmt) -> String {
    let mut out = String::with_capacity(24);
    write_double(&mut out, x, fmt);
    out
}

/// Append `PyOS_double_to_string(x, ...)` to `out` (see [`double_to_string`]).
pub fn write_double(out: &mut String, x: f64, fmt: &FloatFmt) {
    let upper = matches!(fmt.code, 'E' | 'F' | 'G');
    let mut neg = x.is_sign_negative();
    if !x.is_finite() {
        // dtoa ignores the sign of a NaN.
        if x.is_nan() {
            neg = false;
        }
        push_sign(out, neg, fmt.sign);
        out.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return;
    }
    let ax = x.abs();
    match fmt.code.to_ascii_lowercase() {
        'f' => write_fixed(out, neg, ax, fmt),
        'e' => {
            // dtoa mode 2 with precision + 1 significant digits.
            let ndigits = fmt.precision.saturating_add(1);
            let (digits, decpt) = exact_digits(ax, ndigits);
            let neg = neg && !(fmt.no_neg_0 && is_zero_digits(&digits));
            let p = to_i64(ndigits);
            emit(out, neg, &digits, decpt, b'e', p, fmt, upper);
        }
        'g' => {
            // Precision 0 makes no sense for 'g'; CPython treats it as 1.
            let ndigits = fmt.precision.max(1);
            let (digits, decpt) = exact_digits(ax, ndigits);
            let neg = neg && !(fmt.no_neg_0 && is_zero_digits(&digits));
            emit(out, neg, &digits, decpt, b'g', to_i64(ndigits), fmt, upper);
        }
        _ => {
            let (mut digits, n, decpt) = shortest_digits(ax);
            fix_tie(&mut digits[..n], decpt, ax);
            let neg = neg && !(fmt.no_neg_0 && is_zero_digits(&digits[..n]));
            emit(out, neg, &digits[..n], decpt, b'r', 0, fmt, upper);
        }
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn push_sign(out: &mut String, neg: bool, always: bool) {
    if neg {
        out.push('-');
    } else if always {
        out.push('+');
    }
}

fn is_zero_digits(d: &[u8]) -> bool {
    d.iter().all(|&c| c == b'0')
}

/// Shortest round-trip digits of `ax >= 0` (finite): returns the digits (at
/// most 17), their count, and the decimal point position `decpt` such that the
/// value is `0.DIGITS * 10**decpt` (dtoa's convention; zero gives `"0"` with
/// `decpt == 1`).
fn shortest_digits(ax: f64) -> ([u8; 24], usize, i64) {
    let mut buf = StackBuf::new();
    // `{:e}` of a finite f64 is at most ~24 bytes and always fits.
    let _ = write!(buf, "{ax:e}");
    let s = buf.as_bytes();
    let epos = s.iter().position(|&c| c == b'e').unwrap_or(s.len());
    let exp = parse_exp(&s[epos..]);
    let mut digits = [0u8; 24];
    let mut n = 0;
    for &c in &s[..epos] {
        if c.is_ascii_digit() && n < digits.len() {
            digits[n] = c;
            n += 1;
        }
    }
    (digits, n, exp + 1)
}

/// Rust's shortest-digit search breaks an exact tie between two equally
/// short candidates upwards, while dtoa picks the one whose last digit is
/// even (e.g. 1e16/7.5 == 1333333333333333.25 prints as ...3333.2).  Ties
/// need ~16+ digits, so short outputs skip the exact check entirely.
fn fix_tie(digits: &mut [u8], decpt: i64, ax: f64) {
    let n = digits.len();
    let last = digits[n - 1];
    if n < 15 || (last - b'0').is_multiple_of(2) {
        return;
    }
    // Midpoint between D and D - 1 unit in the last place: D' followed by 5.
    let mut mid: u64 = 0;
    for &d in &digits[..n - 1] {
        mid = mid * 10 + u64::from(d - b'0');
    }
    mid = (mid * 10 + u64::from(last - b'0' - 1)) * 10 + 5;
    let q = decpt - (n as i64 + 1); // mid * 10**q is the midpoint
    if !equals_exactly(ax, mid, q) {
        return;
    }
    // The lower candidate must itself round-trip.
    digits[n - 1] = last - 1;
    let mut s = String::with_capacity(32);
    for &d in digits.iter() {
        s.push(d as char);
    }
    let _ = write!(s, "e{}", decpt - n as i64);
    if s.parse::<f64>() != Ok(ax) {
        digits[n - 1] = last;
    }
}

/// Whether the finite double `x > 0` equals `mant * 10**q` exactly, where
/// `mant` ends in the digit 5 (so it is odd and not a multiple of 10).
/// Pure u128 arithmetic: every case that could match fits (see below).
fn equals_exactly(x: f64, mant: u64, q: i64) -> bool {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if biased == 0 { (frac, -1074) } else { (frac | (1 << 52), biased - 1075) };
    if m == 0 {
        return false;
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += i64::from(tz);
    let pow10 = |k: i64| -> Option<u128> { u32::try_from(k).ok().and_then(|k| 10u128.checked_pow(k)) };
    let scaled = |k: i64| pow10(k).and_then(|p| u128::from(mant).checked_mul(p));
    if e >= 0 {
        // x = m * 2**e is an integer; mant * 10**q is one only for q >= 0,
        // and 2**e | mant * 10**q with mant odd forces q >= e, impossible
        // for large e since m < 2**53 cannot absorb 5**q.
        if e > 74 || q < 0 {
            return false;
        }
        scaled(q) == Some(u128::from(m) << e)
    } else {
        // x = m * 5**k / 10**k with k = -e; m * 5**k is not a multiple of 10
        // and has > 18 digits once k > 26, more than any tie candidate.
        let k = -e;
        if k > 26 || q + k < 0 {
            return false;
        }
        let r = u128::from(m) * 5u128.pow(k as u32);
        scaled(q + k) == Some(r)
    }
}

fn parse_exp(e: &[u8]) -> i64 {
    let mut it = e.iter().skip(1).peekable();
    let neg = it.peek() == Some(&&b'-');
    let mut v: i64 = 0;
    for &c in it {
        if c.is_ascii_digit() {
            v = v * 10 + i64::from(c - b'0');
        }
    }
    if neg { -v } else { v }
}

/// `dtoa` mode 2: `ndigits` correctly rounded significant digits of `ax`,
/// trailing zeros removed.  Returns (digits, decpt).
fn exact_digits(ax: f64, ndigits: usize) -> (Vec<u8>, i64) {
    if ax == 0.0 {
        return (vec![b'0'], 1);
    }
    // A double has at most 767 significant decimal digits, so asking for
    // more only appends zeros (stripped below); capping also keeps us within
    // Rust's formatting limit (precision must fit in u16).
    let ndigits = ndigits.min(MAX_EXACT_DIGITS);
    let mut s = String::with_capacity(ndigits + 8);
    let _ = write!(s, "{:.*e}", ndigits - 1, ax);
    let b = s.as_bytes();
    let epos = b.iter().position(|&c| c == b'e').unwrap_or(b.len());
    let exp = parse_exp(&b[epos..]);
    let mut digits: Vec<u8> = b[..epos].iter().copied().filter(u8::is_ascii_digit).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, exp + 1)
}

/// 'f' formatting: Rust's fixed-point output already has exactly the digits
/// and zero padding CPython produces; only the flags need handling.
fn write_fixed(out: &mut String, neg: bool, ax: f64, fmt: &FloatFmt) {
    let start = out.len();
    push_sign(out, neg, fmt.sign);
    let body = out.len();
    // At most 1074 fractional digits are non-zero; beyond that pad by hand
    // (Rust's formatter also rejects precisions above u16::MAX).
    let p = fmt.precision.min(MAX_EXACT_DIGITS);
    let _ = write!(out, "{:.*}", p, ax);
    out.extend(std::iter::repeat_n('0', fmt.precision - p));
    if fmt.no_neg_0 && neg && out[body..].bytes().all(|c| c == b'0' || c == b'.') {
        // Negative zero after rounding: drop the '-' (keep '+' if requested).
        out.replace_range(start..body, if fmt.sign { "+" } else { "" });
    }
    if fmt.alt && fmt.precision == 0 {
        out.push('.');
    }
}

/// Lay out `digits`/`decpt` exactly like `format_float_short` for the codes
/// `e`, `g` and `r`.  `precision` is the dtoa digit count (already +1 for 'e').
#[allow(clippy::too_many_arguments)]
fn emit(out: &mut String, neg: bool, digits: &[u8], decpt: i64, code: u8, precision: i64, fmt: &FloatFmt, upper: bool) {
    let digits_len = digits.len() as i64;
    let mut decpt = decpt;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        b'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        b'g' => {
            let limit = if fmt.add_dot_0 { precision - 1 } else { precision };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if fmt.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            // repr switches to exponent notation at 1e16 and below 1e-4.
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    // Ensure vdigits_start < decpt <= vdigits_end (strictly less than the end
    // when add_dot_0 asks for at least one digit after the point).
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && fmt.add_dot_0 { vdigits_end.max(decpt + 1) } else { vdigits_end.max(decpt) };

    let total = (vdigits_end - vdigits_start) as usize + 8;
    out.reserve(total);
    push_sign(out, neg, fmt.sign);
    if decpt <= 0 {
        push_zeros(out, decpt - vdigits_start);
        out.push('.');
        push_zeros(out, -decpt);
    } else {
        push_zeros(out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        let d = decpt as usize;
        push_ascii(out, &digits[..d]);
        out.push('.');
        push_ascii(out, &digits[d..]);
    } else {
        push_ascii(out, digits);
    }
    if digits_len < decpt {
        push_zeros(out, decpt - digits_len);
        out.push('.');
        push_zeros(out, vdigits_end - decpt);
    } else {
        push_zeros(out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !fmt.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        // C's "%+.02d": explicit sign, at least two digits.
        out.push(if exp < 0 { '-' } else { '+' });
        let a = exp.unsigned_abs();
        if a < 10 {
            out.push('0');
        }
        let _ = write!(out, "{a}");
    }
}

fn push_zeros(out: &mut String, n: i64) {
    for _ in 0..n.max(0) {
        out.push('0');
    }
}

fn push_ascii(out: &mut String, b: &[u8]) {
    for &c in b {
        out.push(c as char);
    }
}
