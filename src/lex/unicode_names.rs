//! A subset of the Unicode 14.0 name table for `\N{...}` escapes.
//!
//! The table (`unicode_names.txt`, one `NAME=HEX` per line, sorted) covers
//! ASCII, Latin-1, Latin Extended-A/B and Additional, IPA and modifier
//! letters, combining marks, Greek (and Extended), Cyrillic, Armenian, Hebrew,
//! Arabic, Thai, everything from general punctuation to the miscellaneous
//! symbols and arrows (U+2000–U+2BFF: currency, letterlike, arrows, math,
//! box drawing, shapes, dingbats), CJK symbols, kana, full-width forms, and
//! the emoji and pictograph blocks (U+1F000–U+1FAFF), plus the common
//! control-character aliases. CJK unified ideographs are named by rule
//! (`CJK UNIFIED IDEOGRAPH-4E00`). Other names are a SyntaxError ("unknown
//! Unicode character name"). Generated from Python's `unicodedata` by listing
//! those ranges.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Looks a character up by name, case-insensitively as CPython does.
pub fn lookup(name: &str) -> Option<char> {
    static TABLE: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        NAMES
            .lines()
            .filter_map(|e| e.split_once('='))
            .filter_map(|(n, h)| Some((n, u32::from_str_radix(h, 16).ok()?)))
            .collect()
    });
    // CPython matches the rule-named ideographs case-sensitively, unlike the table.
    if let Some(hex) = name.strip_prefix("CJK UNIFIED IDEOGRAPH-") {
        return cjk_ideograph(hex);
    }
    let upper = name.to_ascii_uppercase();
    table.get(upper.as_str()).and_then(|&c| char::from_u32(c))
}

/// `CJK UNIFIED IDEOGRAPH-XXXX`: the code point in hex (4 or 5 upper-case
/// digits), if it lies in one of Unicode 14.0's unified ideograph blocks.
fn cjk_ideograph(hex: &str) -> Option<char> {
    const BLOCKS: [(u32, u32); 8] = [
        (0x3400, 0x4DBF),
        (0x4E00, 0x9FFF),
        (0x20000, 0x2A6DF),
        (0x2A700, 0x2B738),
        (0x2B740, 0x2B81D),
        (0x2B820, 0x2CEA1),
        (0x2CEB0, 0x2EBE0),
        (0x30000, 0x3134A),
    ];
    if !(4..=5).contains(&hex.len()) || !hex.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)) {
        return None;
    }
    let cp = u32::from_str_radix(hex, 16).ok()?;
    BLOCKS.iter().any(|&(lo, hi)| (lo..=hi).contains(&cp)).then(|| char::from_u32(cp)).flatten()
}

const NAMES: &str = include_str!("unicode_names.txt");
