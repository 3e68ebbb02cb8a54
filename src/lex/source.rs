//! Source files as bytes → text (PEP 263 / PEP 3120): a UTF-8 BOM, or a
//! `# -*- coding: NAME -*-` cookie on line 1 or 2 (line 2 only when line 1
//! is blank or a comment), chooses the decoding; without either the file
//! must be UTF-8. Errors carry CPython 3.11's messages.

use std::borrow::Cow;

/// Why a source file could not be decoded: the `SyntaxError` message, which
/// CPython prints alone (no `File "…"` line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDecodeError(pub String);

/// The encodings a cookie may name that gilt can decode (CPython knows
/// more; any other name is reported as an encoding problem).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Codec {
    Utf8,
    Latin1,
    Latin9,
    Ascii,
    Cp1252,
}

/// The characters of cp1252 at 0x80..=0x9F (`None`: undefined in cp1252).
const CP1252_HIGH: [Option<char>; 32] = [
    Some('\u{20ac}'),
    None,
    Some('\u{201a}'),
    Some('\u{0192}'),
    Some('\u{201e}'),
    Some('\u{2026}'),
    Some('\u{2020}'),
    Some('\u{2021}'),
    Some('\u{02c6}'),
    Some('\u{2030}'),
    Some('\u{0160}'),
    Some('\u{2039}'),
    Some('\u{0152}'),
    None,
    Some('\u{017d}'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201c}'),
    Some('\u{201d}'),
    Some('\u{2022}'),
    Some('\u{2013}'),
    Some('\u{2014}'),
    Some('\u{02dc}'),
    Some('\u{2122}'),
    Some('\u{0161}'),
    Some('\u{203a}'),
    Some('\u{0153}'),
    None,
    Some('\u{017e}'),
    Some('\u{0178}'),
];

/// ISO-8859-15 differs from Latin-1 in eight places.
fn latin9(b: u8) -> char {
    match b {
        0xa4 => '\u{20ac}',
        0xa6 => '\u{0160}',
        0xa8 => '\u{0161}',
        0xb4 => '\u{017d}',
        0xb8 => '\u{017e}',
        0xbc => '\u{0152}',
        0xbd => '\u{0153}',
        0xbe => '\u{0178}',
        _ => b as char,
    }
}

fn lookup(name: &str) -> Option<Codec> {
    let n = name.to_ascii_lowercase().replace('_', "-");
    Some(match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "latin" | "l1" | "iso-latin-1" => {
            Codec::Latin1
        }
        "iso-8859-15" | "iso8859-15" | "latin-9" | "latin9" | "l9" => Codec::Latin9,
        "ascii" | "us-ascii" | "646" => Codec::Ascii,
        "cp1252" | "windows-1252" => Codec::Cp1252,
        _ => return None,
    })
}

/// CPython's `get_normal_name`: the spellings of UTF-8 and Latin-1 it
/// recognises become `utf-8` / `iso-8859-1` (as its messages show them).
fn normal_name(name: &str) -> String {
    let n: String = name.chars().take(12).map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() }).collect();
    let is = |prefix: &str| n == prefix || n.starts_with(&format!("{prefix}-"));
    if is("utf-8") {
        "utf-8".into()
    } else if is("latin-1") || is("iso-8859-1") || is("iso-latin-1") {
        "iso-8859-1".into()
    } else {
        name.to_string()
    }
}

/// The encoding named by a coding cookie in `line`, if it has one
/// (`^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`).
fn cookie(line: &[u8]) -> Option<String> {
    let start = line.iter().position(|c| !matches!(c, b' ' | b'\t' | b'\x0c'))?;
    let line = &line[start..];
    if line.first() != Some(&b'#') {
        return None;
    }
    let name_char = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.');
    let mut from = 0;
    while let Some(off) = line[from..].windows(6).position(|w| w == b"coding") {
        let mut i = from + off + 6;
        from = from + off + 1;
        if !matches!(line.get(i), Some(b':' | b'=')) {
            continue;
        }
        i += 1;
        while matches!(line.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        let end = line[i..].iter().position(|&c| !name_char(c)).map_or(line.len(), |p| i + p);
        if end > i {
            return Some(String::from_utf8_lossy(&line[i..end]).into_owned());
        }
    }
    None
}

/// Whether a line is blank or only a comment (then line 2 may hold the cookie).
fn blank_or_comment(line: &[u8]) -> bool {
    match line.iter().find(|c| !matches!(c, b' ' | b'\t' | b'\x0c')) {
        None => true,
        Some(c) => matches!(c, b'#' | b'\r' | b'\n'),
    }
}

/// Decodes a source file. `path` is only used in the message for a file
/// that is not UTF-8 and declares no encoding.
pub fn decode_source<'a>(bytes: &'a [u8], path: &str) -> Result<Cow<'a, str>, SourceDecodeError> {
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let mut lines = body.split_inclusive(|&c| c == b'\n');
    let first = lines.next().unwrap_or(b"");
    let declared = cookie(first).or_else(|| if blank_or_comment(first) { lines.next().and_then(cookie) } else { None });
    let codec = match &declared {
        None => Codec::Utf8,
        Some(name) => {
            let normal = normal_name(name);
            let codec = lookup(&normal);
            if bom && codec != Some(Codec::Utf8) {
                return Err(SourceDecodeError(format!("encoding problem: {normal} with BOM")));
            }
            codec.ok_or_else(|| SourceDecodeError(format!("encoding problem: {normal}")))?
        }
    };
    let problem = || SourceDecodeError(format!("encoding problem: {}", normal_name(declared.as_deref().unwrap_or(""))));
    match codec {
        // UTF-8 text is borrowed, not copied: an embedded module's source stays
        // in the binary's read-only data instead of being duplicated on the heap.
        Codec::Utf8 => match std::str::from_utf8(body) {
            Ok(s) => Ok(Cow::Borrowed(s)),
            Err(e) if declared.is_some() => Err(SourceDecodeError(format!(
                "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                body[e.valid_up_to()],
                e.valid_up_to()
            ))),
            Err(e) => {
                let pos = e.valid_up_to();
                let line = body[..pos].iter().filter(|&&c| c == b'\n').count() + 1;
                Err(SourceDecodeError(format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' in file {path} on line {line}, but no encoding \
                     declared; see https://peps.python.org/pep-0263/ for details",
                    body[pos]
                )))
            }
        },
        Codec::Latin1 => Ok(Cow::Owned(body.iter().map(|&b| b as char).collect())),
        Codec::Latin9 => Ok(Cow::Owned(body.iter().map(|&b| latin9(b)).collect())),
        Codec::Ascii => {
            if body.is_ascii() {
                Ok(Cow::Owned(body.iter().map(|&b| b as char).collect()))
            } else {
                Err(problem())
            }
        }
        Codec::Cp1252 => body
            .iter()
            .map(|&b| if (0x80..0xa0).contains(&b) { CP1252_HIGH[(b - 0x80) as usize] } else { Some(b as char) })
            .collect::<Option<String>>()
            .map(Cow::Owned)
            .ok_or_else(problem),
    }
}

#[cfg(test)]
mod tests {
    use super::decode_source;

    #[test]
    fn cookies_choose_the_decoding() {
        assert_eq!(
            decode_source(b"# -*- coding: latin-1 -*-\nx='\xe9'\n", "f").unwrap(),
            "# -*- coding: latin-1 -*-\nx='\u{e9}'\n"
        );
        assert_eq!(
            decode_source(b"#!/bin/sh\n# vim: set fileencoding=cp1252 :\n\x80", "f").unwrap().chars().last(),
            Some('\u{20ac}')
        );
        assert!(decode_source(b"x = 1\n# coding: latin-1\n\xe9", "f").is_err());
        assert_eq!(decode_source(b"# coding: xyz\n", "f").unwrap_err().0, "encoding problem: xyz");
        assert_eq!(
            decode_source(b"\xef\xbb\xbf# coding: latin-1\n", "f").unwrap_err().0,
            "encoding problem: iso-8859-1 with BOM"
        );
        assert_eq!(decode_source(b"\xef\xbb\xbfx = 1\n", "f").unwrap(), "x = 1\n");
    }
}
