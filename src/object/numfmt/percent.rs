//! `str % args` (printf-style formatting), a port of CPython 3.11's
//! `PyUnicode_Format`.  The VM supplies the arguments and the object
//! conversions through [`PercentArgs`]; parsing, the numeric conversions and
//! the padding rules live here.

use super::float_repr::{FloatFmt, double_to_string};
use super::format_num::int_to_char;
use super::int_str::int_to_decimal;
use super::{MAX_FORMAT_LEN, NumError, too_big};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// What a `*` width or precision argument turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StarArg {
    /// Not an int (`TypeError: * wants int`).
    NotInt,
    /// An int (bool included) that fits in `i64`.
    Int(i64),
    /// An int that does not fit in `i64` (an `OverflowError`).
    TooBig,
}

/// The VM side of `str % args`.
///
/// `args` is the right operand.  When it is a tuple its items are the
/// positional arguments; otherwise the operand itself is the single argument.
/// When it is a mapping (`PyMapping_Check(args) && !tuple && !str`: dicts,
/// but also lists and any object with `__getitem__`), `%(key)s` looks keys up
/// in it and unused arguments are not an error.
pub trait PercentArgs {
    /// A handle to a Python object.
    type Value: Clone;
    /// The caller's exception type; this module's own errors convert into it.
    type Error: From<NumError>;
    /// `Some(len)` when the right operand is a tuple, `None` otherwise.
    fn tuple_len(&self) -> Option<usize>;
    /// Item `i` of the tuple operand (`i < tuple_len`).
    fn tuple_item(&mut self, i: usize) -> Self::Value;
    /// The whole right operand (used when it is not a tuple).
    fn whole(&mut self) -> Self::Value;
    /// Whether the right operand counts as a mapping (see the trait docs).
    fn is_mapping(&self) -> bool;
    /// `args[key]` for `%(key)s`, with the exception it raises (e.g.
    /// `KeyError`, which the caller encodes in its own error type via `Err`).
    fn lookup(&mut self, key: &str) -> Result<Self::Value, Self::Error>;
    /// Classify a `*` width/precision argument.
    fn star(&mut self, v: &Self::Value) -> StarArg;
    /// The integer for `%d %i %u` (`int(v)`, e.g. truncating floats) or
    /// `%o %x %X` (`operator.index(v)`).  Errors: use [`int_required_error`]
    /// for objects that are not numbers.
    fn int_value(&mut self, v: &Self::Value, conv: char) -> Result<BigInt, Self::Error>;
    /// The float for `%e %f %g` and upper-case variants (`float(v)` via
    /// `__float__`/`__index__`); see [`float_required_error`].
    fn float_value(&mut self, v: &Self::Value) -> Result<f64, Self::Error>;
    /// The character for `%c`: a one-character str, or an int converted
    /// with [`char_from_int`]; otherwise [`char_required_error`].
    fn char_value(&mut self, v: &Self::Value) -> Result<char, Self::Error>;
    /// `str(v)`.
    fn str(&mut self, v: &Self::Value) -> Result<String, Self::Error>;
    /// `repr(v)`.
    fn repr(&mut self, v: &Self::Value) -> Result<String, Self::Error>;
    /// `ascii(v)`.
    fn ascii(&mut self, v: &Self::Value) -> Result<String, Self::Error>;
    /// True for `bytes % args`: the format and the result are bytes seen as
    /// Latin-1 text, `%b` is `%s`, `%r` is `%a`, and errors say "bytes".
    fn bytes_mode(&self) -> bool {
        false
    }
}

/// `TypeError` for `%d`/`%x`... given a non-number of type `type_name`.
pub fn int_required_error(conv: char, type_name: &str) -> NumError {
    let tn = super::format_spec::truncate200(type_name);
    NumError::Type(if matches!(conv, 'o' | 'x' | 'X') {
        format!("%{conv} format: an integer is required, not {tn}")
    } else {
        format!("%{conv} format: a real number is required, not {tn}")
    })
}

/// `TypeError` for `%f`... given a non-number of type `type_name`.
pub fn float_required_error(type_name: &str) -> NumError {
    NumError::Type(format!("must be real number, not {}", truncate50(type_name)))
}

fn truncate50(s: &str) -> &str {
    match s.char_indices().nth(50) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// `TypeError` for `%c` given something other than an int or a 1-char str.
pub fn char_required_error() -> NumError {
    NumError::Type("%c requires int or char".to_owned())
}

/// `%c` of an int: `OverflowError("%c arg not in range(0x110000)")` outside
/// the Unicode range.
pub fn char_from_int(v: &BigInt) -> Result<char, NumError> {
    // Out-of-`long` values also report "not in range" for %c.
    int_to_char(Some(v.to_i64().unwrap_or(-1)))
}

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

struct Ctx<'a, A: PercentArgs> {
    args: &'a mut A,
    fmt: &'a str,
    /// Byte position of the next unread character.
    pos: usize,
    /// Set once a read ran past the end (CPython's `fmtcnt < 0`).
    exhausted: bool,
    arglen: isize,
    argidx: isize,
    dict: bool,
    /// The value looked up by the last `%(key)`; it replaces the operand.
    current: Option<A::Value>,
}

impl<A: PercentArgs> Ctx<'_, A> {
    fn next_char(&mut self) -> Option<char> {
        let c = self.fmt[self.pos..].chars().next();
        match c {
            Some(c) => self.pos += c.len_utf8(),
            None => self.exhausted = true,
        }
        c
    }

    fn next_arg(&mut self) -> Result<A::Value, NumError> {
        if self.argidx < self.arglen {
            let idx = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(match &self.current {
                    Some(v) => v.clone(),
                    None => self.args.whole(),
                });
            }
            return Ok(self.args.tuple_item(idx as usize));
        }
        Err(NumError::Type("not enough arguments for format string".to_owned()))
    }

    fn star(&mut self, what_overflow: &str) -> Result<i64, NumError> {
        let v = self.next_arg()?;
        match self.args.star(&v) {
            StarArg::NotInt => Err(NumError::Type("* wants int".to_owned())),
            StarArg::TooBig => Err(NumError::Overflow(format!("Python int too large to convert to C {what_overflow}"))),
            StarArg::Int(i) => Ok(i),
        }
    }
}

/// Format `fmt % args` like CPython 3.11.  Errors include "not enough
/// arguments for format string", "not all arguments converted during string
/// formatting", "format requires a mapping", "incomplete format",
/// "unsupported format character 'y' (0x79) at index 3", and whatever the
/// [`PercentArgs`] callbacks return.
pub fn percent_format<A: PercentArgs>(fmt: &str, args: &mut A) -> Result<String, A::Error> {
    let (arglen, argidx) = match args.tuple_len() {
        Some(n) => (n as isize, 0),
        None => (-1, -2),
    };
    let dict = args.tuple_len().is_none() && args.is_mapping();
    let mut ctx = Ctx { args, fmt, pos: 0, exhausted: false, arglen, argidx, dict, current: None };
    let mut out = String::with_capacity(fmt.len() + 16);
    while ctx.pos < fmt.len() {
        match fmt[ctx.pos..].find('%') {
            None => {
                out.push_str(&fmt[ctx.pos..]);
                break;
            }
            Some(off) => {
                out.push_str(&fmt[ctx.pos..ctx.pos + off]);
                ctx.pos += off + 1;
                format_one(&mut ctx, &mut out)?;
            }
        }
    }
    if ctx.argidx < ctx.arglen && !ctx.dict {
        return Err(not_all_converted(ctx.args.bytes_mode()).into());
    }
    Ok(out)
}

/// One `%...` directive; `ctx.pos` is just past the '%'.
fn format_one<A: PercentArgs>(ctx: &mut Ctx<'_, A>, out: &mut String) -> Result<(), A::Error> {
    ctx.exhausted = false;
    let first = ctx.fmt[ctx.pos..].chars().next();
    if first == Some('%') {
        ctx.pos += 1;
        out.push('%');
        return Ok(());
    }
    // CPython reads the NUL terminator when '%' ends the string.
    let mut ch = first.unwrap_or('\0');
    if ch == '(' {
        if !ctx.dict {
            return Err(NumError::Type("format requires a mapping".to_owned()).into());
        }
        ctx.pos += 1;
        let keystart = ctx.pos;
        let mut depth = 1;
        while depth > 0 {
            match ctx.next_char() {
                Some(')') => depth -= 1,
                Some('(') => depth += 1,
                Some(_) => {}
                None => return Err(NumError::value("incomplete format key").into()),
            }
        }
        let key = &ctx.fmt[keystart..ctx.pos - 1];
        let v = ctx.args.lookup(key)?;
        ctx.current = Some(v);
        ctx.arglen = -1;
        ctx.argidx = -2;
    }
    let mut flags = 0u8;
    while let Some(c) = ctx.next_char() {
        ch = c;
        flags |= match c {
            '-' => F_LJUST,
            '+' => F_SIGN,
            ' ' => F_BLANK,
            '#' => F_ALT,
            '0' => F_ZERO,
            _ => break,
        };
    }
    let mut width: i64 = -1;
    let mut prec: i64 = -1;
    if ch == '*' {
        width = ctx.star("ssize_t")?;
        if width < 0 {
            flags |= F_LJUST;
            width = width.checked_neg().ok_or_else(too_big)?;
        }
        if let Some(c) = ctx.next_char() {
            ch = c;
        }
    } else if ch.is_ascii_digit() {
        width = i64::from(ch as u8 - b'0');
        while let Some(c) = ctx.next_char() {
            ch = c;
            if !c.is_ascii_digit() {
                break;
            }
            let d = i64::from(c as u8 - b'0');
            if width > (i64::MAX - d) / 10 {
                return Err(NumError::value("width too big").into());
            }
            width = width * 10 + d;
        }
    }
    if ch == '.' {
        prec = 0;
        if let Some(c) = ctx.next_char() {
            ch = c;
        }
        if ch == '*' {
            prec = ctx.star("int")?;
            if prec > i64::from(i32::MAX) || prec < i64::from(i32::MIN) {
                return Err(NumError::Overflow("Python int too large to convert to C int".to_owned()).into());
            }
            prec = prec.max(0);
            if let Some(c) = ctx.next_char() {
                ch = c;
            }
        } else if ch.is_ascii_digit() {
            prec = i64::from(ch as u8 - b'0');
            while let Some(c) = ctx.next_char() {
                ch = c;
                if !c.is_ascii_digit() {
                    break;
                }
                let d = i64::from(c as u8 - b'0');
                if prec > (i64::from(i32::MAX) - d) / 10 {
                    return Err(NumError::value("precision too big").into());
                }
                prec = prec * 10 + d;
            }
        }
    }
    // "%hd", "%ld", "%Ld": length modifiers are ignored.
    if !ctx.exhausted
        && matches!(ch, 'h' | 'l' | 'L')
        && let Some(c) = ctx.next_char()
    {
        ch = c;
    }
    if ctx.exhausted {
        return Err(NumError::value("incomplete format").into());
    }
    let v = ctx.next_arg()?;
    let mut sign = false;
    if ctx.args.bytes_mode() {
        ch = match ch {
            'b' => 's',
            'r' => 'a',
            c => c,
        };
    }
    let text = match ch {
        's' => ctx.args.str(&v)?,
        'r' => ctx.args.repr(&v)?,
        'a' => ctx.args.ascii(&v)?,
        'i' | 'd' | 'u' | 'o' | 'x' | 'X' => {
            let n = ctx.args.int_value(&v, ch)?;
            sign = true;
            format_long(&n, flags & F_ALT != 0, prec, ch)?
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = ctx.args.float_value(&v)?;
            if prec > MAX_FORMAT_LEN as i64 {
                return Err(too_big().into());
            }
            let mut f = FloatFmt::new(ch, if prec < 0 { 6 } else { prec as usize });
            f.alt = flags & F_ALT != 0;
            sign = true;
            double_to_string(x, &f)
        }
        'c' => ctx.args.char_value(&v)?.to_string(),
        _ => {
            let index = ctx.fmt[..ctx.pos].chars().count() - 1;
            let shown = if (31..=126).contains(&(ch as u32)) { ch } else { '?' };
            return Err(NumError::value(format!(
                "unsupported format character '{shown}' (0x{:x}) at index {index}",
                ch as u32
            ))
            .into());
        }
    };
    output(out, &text, ch, flags, width, prec, sign)?;
    if ctx.dict && ctx.argidx < ctx.arglen {
        return Err(not_all_converted(ctx.args.bytes_mode()).into());
    }
    Ok(())
}

fn not_all_converted(bytes: bool) -> NumError {
    let what = if bytes { "bytes" } else { "string" };
    NumError::Type(format!("not all arguments converted during {what} formatting"))
}

/// `_PyUnicode_FormatLong`: digits of `n` for `d i u o x X`, with the `0x`/
/// `0o` prefix when `alt`, zero-filled to at least `prec` digits.
fn format_long(n: &BigInt, alt: bool, prec: i64, ch: char) -> Result<String, NumError> {
    if prec > i64::from(i32::MAX) - 3 {
        return Err(NumError::Overflow("precision too large".to_owned()));
    }
    if prec > MAX_FORMAT_LEN as i64 {
        return Err(too_big());
    }
    let (digits, prefix) = match ch {
        'o' => (n.magnitude().to_str_radix(8), "0o"),
        'x' => (n.magnitude().to_str_radix(16), "0x"),
        'X' => (n.magnitude().to_str_radix(16).to_ascii_uppercase(), "0X"),
        _ => {
            let s = int_to_decimal(n)?;
            let d = s.strip_prefix('-').unwrap_or(&s).to_owned();
            (d, "")
        }
    };
    let zeros = (prec.max(0) as usize).saturating_sub(digits.len());
    let mut s = String::with_capacity(digits.len() + zeros + 3);
    if n.is_negative() {
        s.push('-');
    }
    if alt {
        s.push_str(prefix);
    }
    s.extend(std::iter::repeat_n('0', zeros));
    s.push_str(&digits);
    Ok(s)
}

/// `unicode_format_arg_output`: apply width, precision (truncation for
/// `s r a`), sign flags, zero padding and the alternate-form prefix.
fn output(
    out: &mut String,
    text: &str,
    ch: char,
    flags: u8,
    width: i64,
    prec: i64,
    mut sign: bool,
) -> Result<(), NumError> {
    let fill = if sign && flags & F_ZERO != 0 { '0' } else { ' ' };
    let mut len = text.chars().count() as i64;
    if (width == -1 || width <= len) && (prec == -1 || prec >= len) && flags & (F_SIGN | F_BLANK) == 0 {
        out.push_str(text);
        return Ok(());
    }
    if width > MAX_FORMAT_LEN as i64 {
        return Err(too_big());
    }
    let mut width = width;
    if matches!(ch, 's' | 'r' | 'a') && prec >= 0 && len > prec {
        len = prec;
    }
    // Character index into `text` of the next character to copy.
    let mut pindex = 0usize;
    let mut signchar = ' ';
    if sign {
        let c0 = text.chars().next();
        if c0 == Some('-') || c0 == Some('+') {
            signchar = c0.unwrap_or('-');
            len -= 1;
            pindex += 1;
        } else if flags & F_SIGN != 0 {
            signchar = '+';
        } else if flags & F_BLANK != 0 {
            signchar = ' ';
        } else {
            sign = false;
        }
    }
    width = width.max(len);
    let alt_prefix = flags & F_ALT != 0 && matches!(ch, 'x' | 'X' | 'o');
    if sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    if alt_prefix {
        if fill != ' ' {
            out.push('0');
            out.push(ch);
            pindex += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && flags & F_LJUST == 0 {
        out.extend(std::iter::repeat_n(fill, (width - len) as usize));
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(signchar);
        }
        if alt_prefix {
            out.push('0');
            out.push(ch);
            pindex += 2;
        }
    }
    if len > 0 {
        out.extend(text.chars().skip(pindex).take(len as usize));
    }
    if width > len {
        out.extend(std::iter::repeat_n(' ', (width - len) as usize));
    }
    Ok(())
}
