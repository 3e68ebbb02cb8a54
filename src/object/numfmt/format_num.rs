//! `int.__format__`, `float.__format__` and `str.__format__` (CPython 3.11
//! `format_long_internal`, `format_float_internal`, `format_string_internal`).
//!
//! The `*_format(value, spec_str, ...)` functions are complete `__format__`
//! implementations; the `format_*(value, &FormatSpec, ...)` functions take an
//! already parsed spec (so `str.format` can parse once).  `type_name` is the
//! Python type name used in error messages (`"int"`, `"bool"`, a subclass...).

use super::float_repr::{FloatFmt, write_double, write_float_repr};
use super::format_spec::{
    Align, FormatSpec, NumberParts, calc_padding, fill_number, is_plain, parse_format_spec, push_fill,
};
use super::int_str::{check_decimal_len, int_to_decimal};
use super::{MAX_FORMAT_LEN, NumError, convert::bigint_to_f64, too_big};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// `int.__format__(v, spec)`: an empty spec gives `str(v)`; otherwise the
/// spec is parsed and applied with [`format_int`].
pub fn int_format(v: &BigInt, spec: &str, type_name: &str) -> Result<String, NumError> {
    if spec.is_empty() {
        return int_to_decimal(v);
    }
    let f = parse_format_spec(spec, type_name).map_err(NumError::Value)?;
    format_int(v, &f, type_name)
}

/// `float.__format__(x, spec)`: an empty spec gives `repr(x)`.
pub fn float_format(x: f64, spec: &str) -> Result<String, NumError> {
    float_format_named(x, spec, "float")
}

/// [`float_format`] for a float subclass named `type_name`.
pub fn float_format_named(x: f64, spec: &str, type_name: &str) -> Result<String, NumError> {
    if spec.is_empty() {
        let mut out = String::with_capacity(24);
        write_float_repr(&mut out, x);
        return Ok(out);
    }
    let f = parse_format_spec(spec, type_name).map_err(NumError::Value)?;
    format_float(x, &f, type_name)
}

/// `str.__format__(s, spec)`: an empty spec gives `s` itself.
pub fn str_format(s: &str, spec: &str) -> Result<String, NumError> {
    if spec.is_empty() {
        return Ok(s.to_owned());
    }
    let f = parse_format_spec(spec, "str").map_err(NumError::Value)?;
    format_str(s, &f, "str")
}

/// Magnitude digits of an integer in some base: a stack buffer for values
/// that fit in `u64` (the common case in print loops), a `String` otherwise.
enum Digits {
    Small([u8; 64], usize),
    Big(String),
}

/// An int argument: machine-sized or big, so `format_i64` avoids `BigInt`.
#[derive(Clone, Copy)]
enum IntVal<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntVal<'_> {
    fn is_negative(self) -> bool {
        match self {
            IntVal::Small(v) => v < 0,
            IntVal::Big(v) => v.is_negative(),
        }
    }
    fn to_f64(self) -> Result<f64, NumError> {
        match self {
            // Exact for |v| <= 2**53, correctly rounded (half-even) above.
            IntVal::Small(v) => Ok(v as f64),
            IntVal::Big(v) => bigint_to_f64(v),
        }
    }
    fn to_i64(self) -> Option<i64> {
        match self {
            IntVal::Small(v) => Some(v),
            IntVal::Big(v) => v.to_i64(),
        }
    }
}

impl Digits {
    fn new(v: IntVal<'_>, base: u32) -> Digits {
        let mag = match v {
            IntVal::Small(v) => Some(v.unsigned_abs()),
            IntVal::Big(v) => v.magnitude().to_u64(),
        };
        match mag {
            Some(m) => {
                let mut buf = [0u8; 64];
                let mut i = buf.len();
                let mut m = m;
                loop {
                    i -= 1;
                    buf[i] = b"0123456789abcdef"[(m % u64::from(base)) as usize];
                    m /= u64::from(base);
                    if m == 0 {
                        break;
                    }
                }
                buf.copy_within(i.., 0);
                Digits::Small(buf, 64 - i)
            }
            None => match v {
                IntVal::Big(v) => Digits::Big(v.magnitude().to_str_radix(base)),
                // Unreachable: every i64 magnitude fits in u64.
                IntVal::Small(_) => Digits::Big(String::new()),
            },
        }
    }
    fn as_bytes(&self) -> &[u8] {
        match self {
            Digits::Small(b, n) => &b[..*n],
            Digits::Big(s) => s.as_bytes(),
        }
    }
}

fn unknown_code(ty: char, type_name: &str) -> NumError {
    let tn = super::format_spec::truncate200(type_name);
    NumError::value(if (ty as u32) > 32 && (ty as u32) < 128 {
        format!("Unknown format code '{ty}' for object of type '{tn}'")
    } else {
        format!("Unknown format code '\\x{:x}' for object of type '{tn}'", ty as u32)
    })
}

/// Format an int with a parsed spec (types `b c d o x X n` and, via a
/// conversion to float, `e E f F g G %`; no type means `d`).
pub fn format_int(v: &BigInt, spec: &FormatSpec, type_name: &str) -> Result<String, NumError> {
    format_int_impl(IntVal::Big(v), spec, type_name)
}

/// [`format_int`] for a machine-sized int (no `BigInt` needed).
pub fn format_i64(v: i64, spec: &FormatSpec, type_name: &str) -> Result<String, NumError> {
    format_int_impl(IntVal::Small(v), spec, type_name)
}

fn format_int_impl(v: IntVal<'_>, spec: &FormatSpec, type_name: &str) -> Result<String, NumError> {
    let ty = spec.ty.unwrap_or('d');
    let sep = spec.separator(ty)?;
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return format_float(v.to_f64()?, spec, "float");
        }
        _ => return Err(unknown_code(ty, type_name)),
    }
    if spec.precision.is_some() {
        return Err(NumError::value("Precision not allowed in integer format specifier"));
    }
    if spec.no_neg_0 {
        return Err(NumError::value("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    let (fill, align) = spec.fill_align(Align::Right);
    let mut out = String::new();
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(NumError::value("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alternate {
            return Err(NumError::value("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let ch = int_to_char(v.to_i64())?;
        let mut buf = [0u8; 4];
        let parts = NumberParts {
            neg: false,
            prefix: "",
            digits: &[],
            has_decimal: false,
            remainder: ch.encode_utf8(&mut buf),
        };
        fill_number(&mut out, &parts, spec, fill, align, sep)?;
        return Ok(out);
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let digits = Digits::new(v, base);
    let mut bytes = digits.as_bytes();
    if base == 10 {
        check_decimal_len(bytes.len())?;
    }
    if is_plain(spec) && ty != 'X' {
        let mut s = String::with_capacity(bytes.len() + 3);
        if v.is_negative() {
            s.push('-');
        }
        if spec.alternate {
            s.push_str(prefix);
        }
        s.extend(bytes.iter().map(|&b| b as char));
        return Ok(s);
    }
    let upper;
    if ty == 'X' {
        upper = bytes.to_ascii_uppercase();
        bytes = &upper;
    }
    let parts = NumberParts {
        neg: v.is_negative(),
        prefix: if spec.alternate { prefix } else { "" },
        digits: bytes,
        has_decimal: false,
        remainder: "",
    };
    fill_number(&mut out, &parts, spec, fill, align, sep)?;
    Ok(out)
}

/// The character for `format(v, 'c')` / `'%c' % v`.
pub(crate) fn int_to_char(v: Option<i64>) -> Result<char, NumError> {
    // CPython first converts to a C long (`None`: it did not fit), then
    // range-checks.
    let x = v.ok_or_else(|| NumError::Overflow("Python int too large to convert to C long".to_owned()))?;
    if !(0..=0x10ffff).contains(&x) {
        return Err(NumError::Overflow("%c arg not in range(0x110000)".to_owned()));
    }
    // Rust strings cannot hold lone surrogates (U+D800..U+DFFF).
    char::from_u32(x as u32).ok_or_else(|| {
        NumError::value(format!("character U+{x:04x} is a surrogate, which this implementation cannot store in a str"))
    })
}

/// Format a float with a parsed spec (types `e E f F g G n %` and none).
pub fn format_float(x: f64, spec: &FormatSpec, type_name: &str) -> Result<String, NumError> {
    let ty = spec.ty.unwrap_or('\0');
    let sep = spec.separator(ty)?;
    if !matches!(ty, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
        return Err(unknown_code(ty, type_name));
    }
    if let Some(p) = spec.precision {
        if p > i32::MAX as usize {
            return Err(NumError::value("precision too big"));
        }
        if p > MAX_FORMAT_LEN {
            return Err(too_big());
        }
    }
    let mut fmt = FloatFmt::new(ty, 6);
    fmt.alt = spec.alternate;
    fmt.no_neg_0 = spec.no_neg_0;
    let mut default_precision = 6;
    let mut val = x;
    let mut add_pct = false;
    match ty {
        '\0' => {
            // No type: like repr() without a precision, else like 'g' but
            // always with a digit after the point.
            fmt.add_dot_0 = true;
            fmt.code = 'r';
            default_precision = 0;
        }
        'n' => fmt.code = 'g',
        '%' => {
            fmt.code = 'f';
            val *= 100.0;
            add_pct = true;
        }
        _ => {}
    }
    match spec.precision {
        None => fmt.precision = default_precision,
        Some(p) => {
            fmt.precision = p;
            if fmt.code == 'r' {
                fmt.code = 'g';
            }
        }
    }
    let mut buf = String::with_capacity(24);
    write_double(&mut buf, val, &fmt);
    if add_pct {
        buf.push('%');
    }
    if is_plain(spec) {
        return Ok(buf);
    }
    let (neg, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf.as_str()),
    };
    let ndig = body.bytes().take_while(u8::is_ascii_digit).count();
    let has_decimal = body.as_bytes().get(ndig) == Some(&b'.');
    let parts = NumberParts {
        neg,
        prefix: "",
        digits: &body.as_bytes()[..ndig],
        has_decimal,
        remainder: &body[ndig + has_decimal as usize..],
    };
    let (fill, align) = spec.fill_align(Align::Right);
    // 'n' uses the C locale here: no grouping, '.' as the decimal point.
    let mut out = String::with_capacity(buf.len() + 8);
    fill_number(&mut out, &parts, spec, fill, align, sep)?;
    Ok(out)
}

/// Format a str with a parsed spec (type `s` or none).
pub fn format_str(s: &str, spec: &FormatSpec, type_name: &str) -> Result<String, NumError> {
    let ty = spec.ty.unwrap_or('s');
    spec.separator(ty)?;
    if ty != 's' {
        return Err(unknown_code(ty, type_name));
    }
    match spec.sign {
        Some(' ') => {
            return Err(NumError::value("Space not allowed in string format specifier"));
        }
        Some(_) => {
            return Err(NumError::value("Sign not allowed in string format specifier"));
        }
        None => {}
    }
    if spec.no_neg_0 {
        return Err(NumError::value("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if spec.alternate {
        return Err(NumError::value("Alternate form (#) not allowed in string format specifier"));
    }
    let (fill, align) = spec.fill_align(Align::Left);
    if align == Align::AfterSign {
        return Err(NumError::value("'=' alignment not allowed in string format specifier"));
    }
    let width = spec.width_isize()?;
    // Truncate to `precision` characters.
    let text = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => &s[..i],
            None => s,
        },
        None => s,
    };
    let nchars = text.chars().count();
    let (lpad, rpad) = calc_padding(nchars, width, align);
    let mut out = String::with_capacity(text.len() + (lpad + rpad).max(0) as usize);
    push_fill(&mut out, fill, lpad);
    out.push_str(text);
    push_fill(&mut out, fill, rpad);
    Ok(out)
}
