//! `repr(str)`, `ascii(str)`, `repr(bytes)` and the Unicode character
//! properties they (and the number parsers) need, following CPython 3.11
//! (Unicode 14.0.0).

use super::unicode_tables::{DECIMAL_ZEROS, NONPRINTABLE};
use std::fmt::Write as _;

/// `str.isprintable()` for one character: false for categories Cc, Cf, Cs, Co,
/// Cn, Zl, Zp and Zs, except that the ASCII space is printable.
pub fn is_printable(c: char) -> bool {
    let cp = c as u32;
    // ASCII fast path: the only non-printables below 0x7f are the controls.
    if cp < 0x7f {
        return cp >= 0x20;
    }
    // Binary search for the last range starting at or before `cp`.
    let idx = NONPRINTABLE.partition_point(|&(start, _)| start <= cp);
    if idx == 0 {
        return true;
    }
    let (_, end) = NONPRINTABLE[idx - 1];
    cp > end
}

/// The value of `c` as a Unicode decimal digit (`Py_UNICODE_TODECIMAL`), which
/// is what `int()`, `float()` and format-spec widths accept (e.g. `'٣'` is 3).
pub fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let idx = DECIMAL_ZEROS.partition_point(|&zero| zero <= cp);
    if idx == 0 {
        return None;
    }
    let d = cp - DECIMAL_ZEROS[idx - 1];
    (d < 10).then_some(d)
}

/// `str.isspace()` for one character (`Py_UNICODE_ISSPACE`): Unicode
/// White_Space plus the ASCII information separators U+001C..U+001F.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `repr()` of a Python `str`: single quotes unless the text contains `'` and
/// no `"`, backslash escapes for the quote, `\\`, `\t`, `\n`, `\r`, and
/// `\xNN`/`\uNNNN`/`\UNNNNNNNN` for non-printable characters.
pub fn py_str_repr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_str_repr(&mut out, s, false);
    out
}

/// `ascii()` of a Python `str`: like [`py_str_repr`] but every non-ASCII
/// character is escaped too.
pub fn py_str_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_str_repr(&mut out, s, true);
    out
}

/// Append `repr(s)` (or `ascii(s)` when `ascii_only`) to `out`.
pub fn write_str_repr(out: &mut String, s: &str, ascii_only: bool) {
    // CPython prefers single quotes and switches only when that avoids escapes.
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    out.push(quote);
    for c in s.chars() {
        push_repr_char(out, c, quote, ascii_only);
    }
    out.push(quote);
}

/// `repr()` (or `ascii()`) of a string given as its code points, which may
/// include lone surrogates (never printable: always `\udXXX`).
pub fn cps_repr(cps: impl Iterator<Item = u32> + Clone, ascii_only: bool) -> String {
    let has = |q: u32| cps.clone().any(|c| c == q);
    let quote = if has(0x27) && !has(0x22) { '"' } else { '\'' };
    let mut out = String::new();
    out.push(quote);
    for cp in cps {
        match char::from_u32(cp) {
            Some(c) => push_repr_char(&mut out, c, quote, ascii_only),
            None => {
                let _ = write!(out, "\\u{cp:04x}");
            }
        }
    }
    out.push(quote);
    out
}

/// One character of a str repr quoted with `quote`.
#[inline]
fn push_repr_char(out: &mut String, c: char, quote: char, ascii_only: bool) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        c if (' '..'\u{7f}').contains(&c) => out.push(c),
        c if !c.is_ascii() && !ascii_only && is_printable(c) => out.push(c),
        c => push_escape(out, c),
    }
}

/// Append the shortest `\x`/`\u`/`\U` escape CPython uses for `c`.
fn push_escape(out: &mut String, c: char) {
    let cp = c as u32;
    // Writing to a String cannot fail.
    let _ = if cp <= 0xff {
        write!(out, "\\x{cp:02x}")
    } else if cp <= 0xffff {
        write!(out, "\\u{cp:04x}")
    } else {
        write!(out, "\\U{cp:08x}")
    };
}

/// Escape every non-ASCII character of an already-built repr, as `ascii(obj)`
/// does to `repr(obj)` (the `backslashreplace` rule).
pub fn py_ascii_escape(repr: &str) -> String {
    if repr.is_ascii() {
        return repr.to_owned();
    }
    let mut out = String::with_capacity(repr.len() + 8);
    for c in repr.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_escape(&mut out, c);
        }
    }
    out
}

/// `repr()` of a Python `bytes` object (`b'...'`), used for error messages
/// such as `int(b'x')`.
pub fn py_bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

/// Truncate `s` to at most `n` characters, as CPython's `%.200R` does when it
/// embeds a repr in an error message.
pub(crate) fn truncate_chars(mut s: String, n: usize) -> String {
    if let Some((idx, _)) = s.char_indices().nth(n) {
        s.truncate(idx);
    }
    s
}

/// A JSON string literal (CPython's `json` escaping): `"`, `\\` and the
/// control characters escaped, and with `ascii_only` every character outside
/// printable ASCII too (as `\\uXXXX`, surrogate pairs above the BMP).
/// `_json`'s encoder and the `--trace` writer both write strings with it.
pub fn json_quote(out: &mut String, s: &str, ascii_only: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            c if (c as u32) < 0x20 || ascii_only => {
                let cp = c as u32;
                if cp >= 0x10000 {
                    let v = cp - 0x10000;
                    let _ = write!(out, "\\u{:04x}\\u{:04x}", 0xd800 | (v >> 10), 0xdc00 | (v & 0x3ff));
                } else {
                    let _ = write!(out, "\\u{cp:04x}");
                }
            }
            _ => out.push(c),
        }
    }
    out.push('"');
}
