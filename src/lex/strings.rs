//! String literals: finding where one ends (a logos callback), and decoding
//! the escapes of a plain or bytes literal's body.

use logos::Lexer;

use super::token::{RawError, StrLit, Tok};

/// Logos callback after a prefix and an opening quote: consume the rest of
/// the literal. A backslash always protects the next character from ending
/// the literal, even in raw strings (`r"\""` is valid).
pub(crate) fn lex_string(lex: &mut Lexer<'_, Tok>) -> Result<StrLit, RawError> {
    let head = lex.slice();
    let start = lex.span().start;
    let quote = head.as_bytes()[head.len() - 1];
    let prefix = head[..head.len() - 1].to_ascii_lowercase();
    let rest = lex.remainder();
    let bytes = rest.as_bytes();
    let triple = bytes.len() >= 2 && bytes[0] == quote && bytes[1] == quote;
    let body_start = if triple { 2 } else { 0 };
    let mut i = body_start;
    let end;
    loop {
        let Some(&c) = bytes.get(i) else {
            let (msg, incomplete) = if triple {
                ("unterminated triple-quoted string literal", true)
            } else {
                ("unterminated string literal", false)
            };
            return Err(RawError { msg: msg.into(), at: start, detected_at: Some(start + head.len() + i), incomplete });
        };
        match c {
            b'\\' => {
                i += 1;
                if bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                // Skipping one byte suffices: a multi-byte character's tail
                // never equals a quote, backslash or newline byte.
                if i < bytes.len() {
                    i += 1;
                }
            }
            b'\n' | b'\r' if !triple => {
                return Err(RawError {
                    msg: "unterminated string literal".into(),
                    at: start,
                    detected_at: Some(start),
                    incomplete: false,
                });
            }
            c if c == quote => {
                if !triple {
                    end = i;
                    i += 1;
                    break;
                } else if bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote) {
                    end = i;
                    i += 3;
                    break;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    let body = rest[body_start..end].to_string();
    lex.bump(i);
    Ok(StrLit {
        bytes: prefix.contains('b'),
        raw: prefix.contains('r'),
        fstring: prefix.contains('f'),
        body,
        head_len: (prefix.len() + 1 + body_start) as u32,
        ..StrLit::default()
    })
}

/// Why a literal's body could not be decoded.
#[derive(Debug)]
pub struct DecodeError(pub String);

/// Normalises `\r\n` and lone `\r` to `\n`, as reading a file in text mode does.
fn push_newline_normalised(out: &mut String, s: &str) {
    if !s.contains('\r') {
        out.push_str(s);
        return;
    }
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
}

/// Decodes a `str` literal body (or one literal chunk of an f-string); a
/// lone surrogate escape (`\ud800`) shows as U+FFFD (see [`decode_str_wide`]).
pub fn decode_str(body: &str, raw: bool) -> Result<String, DecodeError> {
    decode_str_marking(body, raw, &mut Vec::new())
}

/// Decodes a `str` literal body to generalized UTF-8 (see
/// `object/str_surr.rs`): `Ok(Err(text))` when it holds no lone surrogate.
pub fn decode_str_wide(body: &str, raw: bool) -> Result<Result<Vec<u8>, String>, DecodeError> {
    let mut marks = Vec::new();
    let text = decode_str_marking(body, raw, &mut marks)?;
    if marks.is_empty() {
        return Ok(Err(text));
    }
    // U+FFFD and a surrogate are both 3 bytes: overwrite in place.
    let mut wide = text.into_bytes();
    for (at, cp) in marks {
        let mut enc = Vec::with_capacity(3);
        crate::object::str_surr::push_cp(&mut enc, cp);
        wide[at..at + 3].copy_from_slice(&enc);
    }
    Ok(Ok(wide))
}

/// [`decode_str`], noting in `marks` where (byte offset of its U+FFFD)
/// each lone surrogate escape went and which one it was.
fn decode_str_marking(body: &str, raw: bool, marks: &mut Vec<(usize, u32)>) -> Result<String, DecodeError> {
    let mut out = String::with_capacity(body.len());
    if raw || !body.contains('\\') {
        push_newline_normalised(&mut out, body);
        return Ok(out);
    }
    let mut it = body.char_indices().peekable();
    while let Some((pos, c)) = it.next() {
        if c != '\\' {
            if c == '\r' {
                if it.peek().map(|p| p.1) == Some('\n') {
                    it.next();
                }
                out.push('\n');
            } else {
                out.push(c);
            }
            continue;
        }
        let Some((_, e)) = it.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\r' => {
                if it.peek().map(|p| p.1) == Some('\n') {
                    it.next();
                }
            }
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e as u32 - '0' as u32;
                for _ in 0..2 {
                    match it.peek() {
                        Some(&(_, d @ '0'..='7')) => {
                            v = v * 8 + (d as u32 - '0' as u32);
                            it.next();
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{FFFD}'));
            }
            'x' | 'u' | 'U' => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let v = take_hex(&mut it, n).ok_or_else(|| {
                    let what = match e {
                        'x' => "truncated \\xXX escape",
                        'u' => "truncated \\uXXXX escape",
                        _ => "truncated \\UXXXXXXXX escape",
                    };
                    let end = it.peek().map_or(body.len(), |p| p.0) - 1;
                    unicode_error(pos, end, what)
                })?;
                if v > 0x10FFFF {
                    let end = it.peek().map_or(body.len(), |p| p.0) - 1;
                    return Err(unicode_error(pos, end, "illegal Unicode character"));
                }
                // A lone surrogate cannot live in a Rust String: marked.
                if crate::object::str_surr::is_surrogate(v) {
                    marks.push((out.len(), v));
                }
                out.push(char::from_u32(v).unwrap_or('\u{FFFD}'));
            }
            'N' => {
                let rest = &body[pos + 2..];
                let c = rest
                    .strip_prefix('{')
                    .and_then(|r| r.find('}').map(|end| &r[..end]))
                    .filter(|name| !name.is_empty())
                    .and_then(|name| crate::ucd::names::lookup_char(name).map(|c| (c, name.len())));
                match c {
                    Some((c, len)) => {
                        out.push(c);
                        for _ in 0..len + 2 {
                            it.next();
                        }
                    }
                    None if rest.starts_with('{') && rest.contains('}') => {
                        let end = pos + 2 + rest.find('}').unwrap_or(0);
                        return Err(unicode_error(pos, end, "unknown Unicode character name"));
                    }
                    None => {
                        return Err(unicode_error(pos, pos + 1, "malformed \\N character escape"));
                    }
                }
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

fn take_hex(it: &mut std::iter::Peekable<std::str::CharIndices<'_>>, n: usize) -> Option<u32> {
    let mut v: u32 = 0;
    for _ in 0..n {
        let d = it.peek()?.1.to_digit(16)?;
        it.next();
        v = v.wrapping_mul(16).wrapping_add(d);
    }
    Some(v)
}

/// `pos` and `end` are byte indices (inclusive) of the bad escape in the body.
fn unicode_error(pos: usize, end: usize, what: &str) -> DecodeError {
    DecodeError(format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {pos}-{end}: {what}"))
}

/// Decodes a `bytes` literal body; only ASCII may appear literally.
pub fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, DecodeError> {
    if !body.is_ascii() {
        return Err(DecodeError("bytes can only contain ASCII literal characters".into()));
    }
    let mut norm = String::with_capacity(body.len());
    push_newline_normalised(&mut norm, body);
    if raw {
        return Ok(norm.into_bytes());
    }
    let b = body.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c == b'\r' {
            if b.get(i) == Some(&b'\n') {
                i += 1;
            }
            out.push(b'\n');
            continue;
        }
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let Some(&e) = b.get(i) else {
            out.push(b'\\');
            break;
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' | b'\'' | b'"' => out.push(e),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(v as u8);
            }
            b'x' => {
                let hex = b.get(i..i + 2).filter(|h| h.iter().all(u8::is_ascii_hexdigit));
                let Some(h) = hex else {
                    return Err(DecodeError(format!("(value error) invalid \\x escape at position {}", i - 2)));
                };
                let s = std::str::from_utf8(h).unwrap_or("0");
                out.push(u8::from_str_radix(s, 16).unwrap_or(0));
                i += 2;
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// The DeprecationWarning message for the first invalid escape of a literal
/// body (`\d`; an octal escape above `\377`), or None: what CPython 3.11's
/// string parser warns about (`warn_invalid_escape_sequence`), one per literal.
/// `\N`, `\u` and `\U` are escapes in a str, invalid in bytes.
pub fn first_invalid_escape(body: &str, bytes: bool) -> Option<String> {
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let &e = b.get(i + 1)?;
        match e {
            b'\n' | b'\r' | b'\\' | b'\'' | b'"' | b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'x' => i += 2,
            b'N' | b'u' | b'U' if !bytes => i += 2,
            b'0'..=b'7' => {
                let digits = b[i + 1..].iter().take(3).take_while(|d| matches!(d, b'0'..=b'7')).count();
                let value = b[i + 1..i + 1 + digits].iter().fold(0u32, |v, d| v * 8 + u32::from(d - b'0'));
                if value > 0o377 {
                    return Some(format!("invalid octal escape sequence '\\{}'", &body[i + 1..i + 1 + digits]));
                }
                i += 1 + digits;
            }
            // CPython formats the first byte after the backslash with `%c`.
            other => return Some(format!("invalid escape sequence '\\{}'", char::from(other))),
        }
    }
    None
}
