//! `complex`: a pair of floats, with CPython 3.11's arithmetic (the same
//! operation order, so infinities and NaNs come out as CPython's do), its
//! `repr` and its string parser.

use super::numfmt::{FloatFmt, decimal_value, double_to_string, is_py_space};

/// A complex number (immutable; shared behind an `Arc` by `Value::Cplx`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

/// Why a complex operation has no result (C's `errno` in CPython).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CplxErr {
    /// Division by zero, or zero to a negative or complex power (`EDOM`).
    Domain,
    /// A finite operation overflowed (`ERANGE`).
    Range,
}

impl Complex {
    pub const fn new(re: f64, im: f64) -> Complex {
        Complex { re, im }
    }

    /// `self / b` by Smith's method, scaled on the larger part of `b` so
    /// that it neither overflows nor underflows early.
    pub fn quot(self, b: Complex) -> Result<Complex, CplxErr> {
        let (a, abs_re, abs_im) = (self, b.re.abs(), b.im.abs());
        if abs_re >= abs_im {
            if abs_re == 0.0 {
                return Err(CplxErr::Domain);
            }
            let ratio = b.im / b.re;
            let denom = b.re + b.im * ratio;
            Ok(Complex::new((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom))
        } else if abs_im >= abs_re {
            let ratio = b.re / b.im;
            let denom = b.re * ratio + b.im;
            Ok(Complex::new((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom))
        } else {
            // At least one part of b is a NaN.
            Ok(Complex::new(f64::NAN, f64::NAN))
        }
    }

    /// `self ** b` through polar form.
    fn pow_general(self, b: Complex) -> Result<Complex, CplxErr> {
        let a = self;
        if b.re == 0.0 && b.im == 0.0 {
            return Ok(Complex::new(1.0, 0.0));
        }
        if a.re == 0.0 && a.im == 0.0 {
            if b.im != 0.0 || b.re < 0.0 {
                return Err(CplxErr::Domain);
            }
            return Ok(Complex::new(0.0, 0.0));
        }
        let vabs = a.re.hypot(a.im);
        let mut len = vabs.powf(b.re);
        let at = a.im.atan2(a.re);
        let mut phase = at * b.re;
        if b.im != 0.0 {
            len /= (at * b.im).exp();
            phase += b.im * vabs.ln();
        }
        // C's cos/sin of an infinite angle is a domain error (EDOM), which
        // CPython reports as division by zero.
        if phase.is_infinite() {
            return Err(CplxErr::Domain);
        }
        Ok(Complex::new(len * phase.cos(), len * phase.sin()))
    }

    /// `self ** n` for a non-negative integer by repeated squaring.
    fn pow_unsigned(self, n: i64) -> Complex {
        let (mut r, mut p, mut mask) = (Complex::new(1.0, 0.0), self, 1i64);
        while mask > 0 && n >= mask {
            if n & mask != 0 {
                r = r * p;
            }
            mask <<= 1;
            p = p * p;
        }
        r
    }

    /// `self ** b` as the `**` operator computes it: small integral
    /// exponents by multiplication (exact for Gaussian integers), others in
    /// polar form; an infinite part of the result is an overflow.
    pub fn pow(self, b: Complex) -> Result<Complex, CplxErr> {
        let r = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
            let n = b.re as i64;
            if n > 0 { Ok(self.pow_unsigned(n)) } else { Complex::new(1.0, 0.0).quot(self.pow_unsigned(-n)) }
        } else {
            self.pow_general(b)
        }?;
        if r.re.is_infinite() || r.im.is_infinite() {
            return Err(CplxErr::Range);
        }
        Ok(r)
    }

    /// `abs(self)`: infinite when a part is infinite (even with a NaN),
    /// an overflow when finite parts give an infinite modulus.
    pub fn abs(self) -> Result<f64, CplxErr> {
        if !self.re.is_finite() || !self.im.is_finite() {
            if self.re.is_infinite() || self.im.is_infinite() {
                return Ok(f64::INFINITY);
            }
            return Ok(f64::NAN);
        }
        let r = self.re.hypot(self.im);
        if r.is_infinite() { Err(CplxErr::Range) } else { Ok(r) }
    }

    /// `repr(self)` (also `str`): `1j`, `(1+2j)`, `(-0-0j)`, `(nan+infj)`.
    pub fn repr(self) -> String {
        let plain = FloatFmt::new('r', 0);
        if self.re == 0.0 && self.re.is_sign_positive() {
            let mut s = double_to_string(self.im, &plain);
            s.push('j');
            return s;
        }
        let signed = FloatFmt { sign: true, ..plain };
        format!("({}{}j)", double_to_string(self.re, &plain), double_to_string(self.im, &signed))
    }
}

impl std::ops::Add for Complex {
    type Output = Complex;
    fn add(self, b: Complex) -> Complex {
        Complex::new(self.re + b.re, self.im + b.im)
    }
}

impl std::ops::Sub for Complex {
    type Output = Complex;
    fn sub(self, b: Complex) -> Complex {
        Complex::new(self.re - b.re, self.im - b.im)
    }
}

impl std::ops::Mul for Complex {
    type Output = Complex;
    /// The schoolbook product, in CPython's operation order.
    fn mul(self, b: Complex) -> Complex {
        Complex::new(self.re * b.re - self.im * b.im, self.re * b.im + self.im * b.re)
    }
}

impl std::ops::Neg for Complex {
    type Output = Complex;
    fn neg(self) -> Complex {
        Complex::new(-self.re, -self.im)
    }
}

/// `complex(s)` for a str: `'1+2j'`, `' (3-4J) '`, `'-j'`, `'inf+nanj'`,
/// with underscores between digits. The error is the ValueError message.
pub fn parse_complex(s: &str) -> Result<Complex, String> {
    // Unicode digits and spaces count as their ASCII equivalents.
    let ascii: String = s
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if is_py_space(c) {
                ' '
            } else if let Some(d) = decimal_value(c) {
                char::from_digit(d, 10).unwrap_or('?')
            } else {
                '?'
            }
        })
        .collect();
    let b = ascii.as_bytes();
    if b.contains(&b'_') {
        // An underscore must sit between two digits.
        let ok = b.iter().enumerate().all(|(i, &c)| {
            c != b'_' || (i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(|n| n.is_ascii_digit()))
        });
        if !ok {
            return Err(format!("could not convert string to complex: {}", super::numfmt::py_str_repr(s)));
        }
        let stripped: Vec<u8> = b.iter().copied().filter(|&c| c != b'_').collect();
        return parse_ascii(&stripped);
    }
    parse_ascii(b)
}

const MALFORMED: &str = "complex() arg is a malformed string";

fn parse_ascii(b: &[u8]) -> Result<Complex, String> {
    let bad = || MALFORMED.to_string();
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c');
    let mut i = 0;
    let n = b.len();
    while i < n && is_space(b[i]) {
        i += 1;
    }
    let bracket = i < n && b[i] == b'(';
    if bracket {
        i += 1;
        while i < n && is_space(b[i]) {
            i += 1;
        }
    }
    let (mut re, mut im) = (0.0, 0.0);
    match scan_float(b, i) {
        Some((x, end)) => {
            i = end;
            if i < n && (b[i] == b'+' || b[i] == b'-') {
                // x<sign>y j, or x<sign>j.
                re = x;
                match scan_float(b, i) {
                    Some((y, end)) => {
                        im = y;
                        i = end;
                    }
                    None => {
                        im = if b[i] == b'-' { -1.0 } else { 1.0 };
                        i += 1;
                    }
                }
                if i >= n || !(b[i] == b'j' || b[i] == b'J') {
                    return Err(bad());
                }
                i += 1;
            } else if i < n && (b[i] == b'j' || b[i] == b'J') {
                im = x;
                i += 1;
            } else {
                re = x;
            }
        }
        None => {
            // No number: `j`, `+j`, `-j`.
            if i < n && (b[i] == b'+' || b[i] == b'-') {
                im = if b[i] == b'-' { -1.0 } else { 1.0 };
                i += 1;
            } else {
                im = 1.0;
            }
            if i >= n || !(b[i] == b'j' || b[i] == b'J') {
                return Err(bad());
            }
            i += 1;
        }
    }
    while i < n && is_space(b[i]) {
        i += 1;
    }
    if bracket {
        if i >= n || b[i] != b')' {
            return Err(bad());
        }
        i += 1;
        while i < n && is_space(b[i]) {
            i += 1;
        }
    }
    if i != n {
        return Err(bad());
    }
    Ok(Complex::new(re, im))
}

/// The longest float literal at `b[start..]` (sign, digits with an
/// optional point and exponent, or `inf`/`infinity`/`nan`): its value and
/// where it ends; None when there is none.
fn scan_float(b: &[u8], start: usize) -> Option<(f64, usize)> {
    let n = b.len();
    let mut i = start;
    let neg = i < n && b[i] == b'-';
    if i < n && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let rest = &b[i..];
    let lower = |k: usize| rest.iter().take(k).map(|c| c.to_ascii_lowercase()).collect::<Vec<u8>>();
    let sign = if neg { -1.0 } else { 1.0 };
    if lower(8) == b"infinity" {
        return Some((sign * f64::INFINITY, i + 8));
    }
    if lower(3) == b"inf" {
        return Some((sign * f64::INFINITY, i + 3));
    }
    if lower(3) == b"nan" {
        return Some((f64::NAN, i + 3));
    }
    let digits_from = |mut k: usize| {
        while k < n && b[k].is_ascii_digit() {
            k += 1;
        }
        k
    };
    let int_end = digits_from(i);
    let mut end = int_end;
    let mut ndigits = int_end - i;
    if end < n && b[end] == b'.' {
        let frac_end = digits_from(end + 1);
        ndigits += frac_end - end - 1;
        end = frac_end;
    }
    if ndigits == 0 {
        return None;
    }
    if end < n && (b[end] == b'e' || b[end] == b'E') {
        let mut k = end + 1;
        if k < n && (b[k] == b'+' || b[k] == b'-') {
            k += 1;
        }
        let exp_end = digits_from(k);
        if exp_end > k {
            end = exp_end;
        }
    }
    let text = std::str::from_utf8(&b[start..end]).ok()?;
    text.parse::<f64>().ok().map(|v| (v, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_and_parse() {
        assert_eq!(Complex::new(1.0, 2.0).repr(), "(1+2j)");
        assert_eq!(Complex::new(-0.0, -0.0).repr(), "(-0-0j)");
        assert_eq!(Complex::new(0.0, 1e16).repr(), "1e+16j");
        assert_eq!(parse_complex(" (1-2J) "), Ok(Complex::new(1.0, -2.0)));
        assert_eq!(parse_complex("-j"), Ok(Complex::new(0.0, -1.0)));
        assert!(parse_complex("1+2").is_err());
    }
}
