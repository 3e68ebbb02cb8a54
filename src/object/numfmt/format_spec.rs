//! The format-spec mini-language (`format(x, spec)`, `f"{x:spec}"`,
//! `str.format`), ported from CPython 3.11 `Python/formatter_unicode.c`:
//! the parser plus the padding/grouping engine shared by the int, float and
//! str formatters in `format_num`.

use super::str_repr::decimal_value;
use super::{MAX_FORMAT_LEN, NumError, too_big};

/// Alignment requested in a format spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: padding goes between the sign/prefix and the digits.
    AfterSign,
}

impl Align {
    fn from_char(c: char) -> Option<Align> {
        match c {
            '<' => Some(Align::Left),
            '>' => Some(Align::Right),
            '^' => Some(Align::Center),
            '=' => Some(Align::AfterSign),
            _ => None,
        }
    }
}

/// Thousands separator requested in a format spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// No separator.
    None,
    /// `,`: every three digits (decimal types only).
    Comma,
    /// `_`: every three digits, or every four for `b`, `o`, `x`, `X`.
    Underscore,
}

/// A parsed format spec: `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`.
///
/// Defaults that depend on the formatted type (alignment, type code, the
/// effect of the `0` flag) are resolved by the `format_*` functions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    /// Fill character (meaningful when `fill_specified`; otherwise `' '`).
    pub fill: char,
    /// Whether a fill character was written explicitly (`x<5`).
    pub fill_specified: bool,
    /// Explicit alignment, or `None` for the type's default.
    pub align: Option<Align>,
    /// `'+'`, `'-'` or `' '` if given.
    pub sign: Option<char>,
    /// The `z` flag (coerce negative zero; floats only).
    pub no_neg_0: bool,
    /// The `#` flag.
    pub alternate: bool,
    /// The `0` flag before the width (only when no explicit fill was given):
    /// zero fill, and `=` alignment for numbers unless an alignment was given.
    pub zero_pad: bool,
    /// Minimum field width.
    pub width: Option<usize>,
    /// Thousands separator.
    pub grouping: Grouping,
    /// Precision after `.`.
    pub precision: Option<usize>,
    /// Presentation type character.
    pub ty: Option<char>,
}

/// Byte cursor over the spec that reads whole characters.
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.s[self.pos..].chars().next()
    }
    fn peek2(&self) -> Option<char> {
        let mut it = self.s[self.pos..].chars();
        it.next();
        it.next()
    }
    fn bump(&mut self) {
        if let Some(c) = self.peek() {
            self.pos += c.len_utf8();
        }
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.bump();
            true
        } else {
            false
        }
    }
    /// `get_integer`: Unicode decimal digits; `None` if there were none.
    fn integer(&mut self) -> Result<Option<usize>, String> {
        let mut acc: usize = 0;
        let mut any = false;
        while let Some(d) = self.peek().and_then(decimal_value) {
            // CPython checks against PY_SSIZE_T_MAX.
            acc = acc
                .checked_mul(10)
                .and_then(|a| a.checked_add(d as usize))
                .filter(|&a| a <= isize::MAX as usize)
                .ok_or_else(|| "Too many decimal digits in format string".to_owned())?;
            any = true;
            self.bump();
        }
        Ok(any.then_some(acc))
    }
}

/// Parse a format spec exactly like CPython's
/// `parse_internal_render_format_spec`.  `type_name` is the type of the value
/// being formatted; it only appears in the "Invalid format specifier" message.
/// Errors are `ValueError` messages.
///
/// The check of `,`/`_` against the presentation type happens in the
/// `format_*` functions (it needs the type's default code), which CPython
/// also does before any other type-specific check.
pub fn parse_format_spec(spec: &str, type_name: &str) -> Result<FormatSpec, String> {
    let mut f = FormatSpec {
        fill: ' ',
        fill_specified: false,
        align: None,
        sign: None,
        no_neg_0: false,
        alternate: false,
        zero_pad: false,
        width: None,
        grouping: Grouping::None,
        precision: None,
        ty: None,
    };
    let mut c = Cursor { s: spec, pos: 0 };
    // A fill character is only recognised when followed by an alignment.
    if let (Some(fill), Some(al)) = (c.peek(), c.peek2().and_then(Align::from_char)) {
        f.fill = fill;
        f.fill_specified = true;
        f.align = Some(al);
        c.bump();
        c.bump();
    } else if let Some(al) = c.peek().and_then(Align::from_char) {
        f.align = Some(al);
        c.bump();
    }
    if let Some(s @ ('+' | '-' | ' ')) = c.peek() {
        f.sign = Some(s);
        c.bump();
    }
    f.no_neg_0 = c.eat('z');
    f.alternate = c.eat('#');
    if !f.fill_specified && c.eat('0') {
        f.zero_pad = true;
    }
    f.width = c.integer()?;
    if c.eat(',') {
        f.grouping = Grouping::Comma;
    }
    if c.eat('_') {
        if f.grouping != Grouping::None {
            return Err("Cannot specify both ',' and '_'.".to_owned());
        }
        f.grouping = Grouping::Underscore;
    }
    if c.peek() == Some(',') && f.grouping == Grouping::Underscore {
        return Err("Cannot specify both ',' and '_'.".to_owned());
    }
    if c.eat('.') {
        match c.integer()? {
            Some(p) => f.precision = Some(p),
            None => return Err("Format specifier missing precision".to_owned()),
        }
    }
    let rest = &spec[c.pos..];
    let mut it = rest.chars();
    f.ty = it.next();
    if it.next().is_some() {
        return Err(format!("Invalid format specifier '{spec}' for object of type '{}'", truncate200(type_name)));
    }
    Ok(f)
}

/// CPython formats type names with `%.200s`.
pub(crate) fn truncate200(s: &str) -> &str {
    match s.char_indices().nth(200) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

impl FormatSpec {
    /// Validate the grouping option against the effective presentation type
    /// (the PEP 378 / PEP 515 rules).  Returns the separator and group size.
    pub(crate) fn separator(&self, ty: char) -> Result<Option<(char, usize)>, NumError> {
        let sep = match self.grouping {
            Grouping::None => return Ok(None),
            Grouping::Comma => ',',
            Grouping::Underscore => '_',
        };
        match ty {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => Ok(Some((sep, 3))),
            'b' | 'o' | 'x' | 'X' if sep == '_' => Ok(Some((sep, 4))),
            _ => Err(NumError::value(if (ty as u32) > 32 && (ty as u32) < 128 {
                format!("Cannot specify '{sep}' with '{ty}'.")
            } else {
                format!("Cannot specify '{sep}' with '\\x{:x}'.", ty as u32)
            })),
        }
    }

    /// Fill character and alignment after applying the type's default
    /// alignment and the `0` flag.
    pub(crate) fn fill_align(&self, default: Align) -> (char, Align) {
        let fill = if self.fill_specified {
            self.fill
        } else if self.zero_pad {
            '0'
        } else {
            ' '
        };
        let align =
            self.align.unwrap_or(if self.zero_pad && default == Align::Right { Align::AfterSign } else { default });
        (fill, align)
    }

    /// The width as a signed count (`-1` when absent), refusing absurd sizes.
    pub(crate) fn width_isize(&self) -> Result<isize, NumError> {
        match self.width {
            None => Ok(-1),
            Some(w) if w > MAX_FORMAT_LEN => Err(too_big()),
            Some(w) => Ok(w as isize),
        }
    }
}

/// The pieces of a formatted number, as laid out by `calc_number_widths`:
/// `[sign][prefix][digits][.][remainder]`.
pub(crate) struct NumberParts<'a> {
    /// The number itself is negative (a '-' must be printed).
    pub neg: bool,
    /// `0x`-style prefix (already in the right case), or "".
    pub prefix: &'a str,
    /// Integer-part digits (ASCII), which receive grouping and zero padding.
    pub digits: &'a [u8],
    /// Whether a '.' follows the digits.
    pub has_decimal: bool,
    /// Everything after the point (or after the digits when there is none).
    pub remainder: &'a str,
}

/// Unicode `'0'`-padding and thousands grouping of `digits`, mirroring
/// `_PyUnicode_InsertThousandsGrouping` (with its `min_width` zero fill).
fn group_digits(digits: &[u8], min_width: isize, sep: Option<(char, usize)>, out: &mut Vec<u8>) {
    let mut rev: Vec<u8> = Vec::with_capacity(digits.len() + digits.len() / 3 + 4);
    let mut remaining = digits.len() as isize;
    let mut min_width = min_width.max(0);
    let mut pos = digits.len();
    let mut put = |rev: &mut Vec<u8>, n_chars: isize, n_zeros: isize, sep: Option<u8>| {
        if let Some(s) = sep {
            rev.push(s);
        }
        for _ in 0..n_chars {
            pos -= 1;
            rev.push(digits[pos]);
        }
        rev.extend(std::iter::repeat_n(b'0', n_zeros.max(0) as usize));
    };
    match sep {
        Some((sepch, group)) => {
            // Separators are ASCII (',' or '_').
            let sepb = sepch as u8;
            let group = group as isize;
            let mut use_sep = false;
            loop {
                let len = group.min(remaining.max(min_width).max(1));
                let n_zeros = (len - remaining).max(0);
                let n_chars = remaining.min(len).max(0);
                put(&mut rev, n_chars, n_zeros, use_sep.then_some(sepb));
                use_sep = true;
                remaining -= n_chars;
                min_width -= len;
                if remaining <= 0 && min_width <= 0 {
                    break;
                }
                min_width -= 1;
            }
        }
        None => {
            let len = remaining.max(min_width).max(1);
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            put(&mut rev, n_chars, n_zeros, None);
        }
    }
    out.extend(rev.iter().rev());
}

/// True when a spec needs no padding, sign or grouping work, so the bare
/// number text can be returned as is (CPython's fast paths).
pub(crate) fn is_plain(spec: &FormatSpec) -> bool {
    spec.width.is_none() && !matches!(spec.sign, Some('+' | ' ')) && spec.grouping == Grouping::None
}

/// `calc_number_widths` + `fill_number`: append the padded number to `out`.
pub(crate) fn fill_number(
    out: &mut String,
    p: &NumberParts<'_>,
    spec: &FormatSpec,
    fill: char,
    align: Align,
    sep: Option<(char, usize)>,
) -> Result<(), NumError> {
    let width = spec.width_isize()?;
    let sign = match spec.sign {
        Some('+') => Some(if p.neg { '-' } else { '+' }),
        Some(' ') => Some(if p.neg { '-' } else { ' ' }),
        _ => p.neg.then_some('-'),
    };
    let n_remainder = if p.remainder.is_ascii() { p.remainder.len() } else { p.remainder.chars().count() } as isize;
    let n_non_digit = sign.is_some() as isize + p.prefix.len() as isize + p.has_decimal as isize + n_remainder;
    let min_width = if fill == '0' && align == Align::AfterSign { width - n_non_digit } else { 0 };
    // Without a separator the "grouped" digits are just the digits with
    // leading zeros up to `min_width`; only real grouping needs a buffer.
    let mut grouped = Vec::new();
    let (n_zeros, n_grouped) = if p.digits.is_empty() {
        (0, 0)
    } else if sep.is_none() {
        let nd = p.digits.len() as isize;
        let z = (min_width - nd).max(0);
        (z, nd + z)
    } else {
        group_digits(p.digits, min_width, sep, &mut grouped);
        (0, grouped.len() as isize)
    };
    let n_padding = width - (n_non_digit + n_grouped);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if n_padding > 0 {
        match align {
            Align::Left => rpad = n_padding,
            Align::Center => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            Align::AfterSign => spad = n_padding,
            Align::Right => lpad = n_padding,
        }
    }
    out.reserve((n_non_digit + n_grouped + n_padding.max(0)) as usize);
    push_fill(out, fill, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(p.prefix);
    push_fill(out, fill, spad);
    if sep.is_none() {
        push_fill(out, '0', n_zeros);
        out.extend(p.digits.iter().map(|&b| b as char));
    } else {
        // Only ASCII digits, '0' padding and ASCII separators.
        out.extend(grouped.iter().map(|&b| b as char));
    }
    if p.has_decimal {
        out.push('.');
    }
    out.push_str(p.remainder);
    push_fill(out, fill, rpad);
    Ok(())
}

/// Append `n` copies of `fill` (nothing when `n <= 0`).
pub(crate) fn push_fill(out: &mut String, fill: char, n: isize) {
    if n > 0 {
        out.extend(std::iter::repeat_n(fill, n as usize));
    }
}

/// `calc_padding`: left and right padding for a field of `nchars` characters.
pub(crate) fn calc_padding(nchars: usize, width: isize, align: Align) -> (isize, isize) {
    let nchars = nchars as isize;
    let total = if width >= 0 { width.max(nchars) } else { nchars };
    let lpad = match align {
        Align::Right => total - nchars,
        Align::Center => (total - nchars) / 2,
        Align::Left | Align::AfterSign => 0,
    };
    (lpad, total - nchars - lpad)
}
