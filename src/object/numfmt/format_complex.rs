//! `complex.__format__` (CPython 3.11 `format_complex_internal`): each part
//! formatted as a float, the imaginary one always signed unless the real
//! part is left out, then the whole padded as one field.

use super::float_repr::{FloatFmt, double_to_string};
use super::format_spec::{Align, FormatSpec, Grouping, calc_padding, parse_format_spec, push_fill};
use super::{NumError, too_big};

/// `format(complex(re, im), spec)`.
pub fn complex_format(re: f64, im: f64, spec: &str) -> Result<String, NumError> {
    let spec = parse_format_spec(spec, "complex").map_err(NumError::Value)?;
    let ty = spec.ty.unwrap_or('\0');
    // CPython checks the separator while parsing the spec, before the type.
    if spec.grouping != Grouping::None {
        spec.separator(ty)?;
    }
    if !matches!(ty, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') {
        return Err(NumError::value(if (ty as u32) > 32 && (ty as u32) < 128 {
            format!("Unknown format code '{ty}' for object of type 'complex'")
        } else {
            format!("Unknown format code '\\x{:x}' for object of type 'complex'", ty as u32)
        }));
    }
    let fill_is_zero = if spec.fill_specified { spec.fill == '0' } else { spec.zero_pad };
    if fill_is_zero {
        return Err(NumError::value("Zero padding is not allowed in complex format specifier"));
    }
    if spec.align == Some(Align::AfterSign) {
        return Err(NumError::value("'=' alignment flag is not allowed in complex format specifier"));
    }
    if let Some(p) = spec.precision
        && p > super::MAX_FORMAT_LEN
    {
        return Err(too_big());
    }
    // No type: like repr() (no ".0"), the real part left out when it is
    // +0, parentheses otherwise; with a precision, 'g'.
    let mut code = match ty {
        '\0' => 'r',
        'n' => 'g',
        c => c,
    };
    let (mut skip_re, mut parens) = (false, false);
    if ty == '\0' {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None if code == 'r' => 0,
        None => 6,
    };
    let fmt = FloatFmt { code, precision, sign: false, add_dot_0: false, alt: spec.alternate, no_neg_0: spec.no_neg_0 };
    let sep = match spec.grouping {
        Grouping::None => None,
        Grouping::Comma => Some(','),
        Grouping::Underscore => Some('_'),
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(re, &fmt, spec.sign, sep));
    }
    body.push_str(&part(im, &fmt, if skip_re { spec.sign } else { Some('+') }, sep));
    body.push('j');
    if parens {
        body.push(')');
    }
    let (fill, align) = spec_fill_align(&spec);
    let width = spec.width_isize()?;
    let (l, r) = calc_padding(body.chars().count(), width, align);
    let mut out = String::with_capacity(body.len() + (l + r).max(0) as usize);
    push_fill(&mut out, fill, l);
    out.push_str(&body);
    push_fill(&mut out, fill, r);
    Ok(out)
}

fn spec_fill_align(spec: &FormatSpec) -> (char, Align) {
    (if spec.fill_specified { spec.fill } else { ' ' }, spec.align.unwrap_or(Align::Right))
}

/// One part: sign as the spec (or the forced `+`) asks, digits grouped.
fn part(x: f64, fmt: &FloatFmt, sign: Option<char>, sep: Option<char>) -> String {
    let text = double_to_string(x, fmt);
    let (neg, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest.to_string()),
        None => (false, text),
    };
    let mut out = String::new();
    if neg {
        out.push('-');
    } else if let Some(s @ ('+' | ' ')) = sign {
        out.push(s);
    }
    let ndig = body.bytes().take_while(u8::is_ascii_digit).count();
    match sep {
        Some(c) if ndig > 3 => {
            let digits = &body[..ndig];
            for (k, ch) in digits.chars().enumerate() {
                if k > 0 && (ndig - k) % 3 == 0 {
                    out.push(c);
                }
                out.push(ch);
            }
            out.push_str(&body[ndig..]);
        }
        _ => out.push_str(&body),
    }
    out
}
