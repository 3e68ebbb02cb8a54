//! Character names: the table from `ucd.z`, the names Unicode builds by rule
//! (Hangul syllables, CJK unified ideographs), name aliases and named
//! sequences, looked up case-insensitively as CPython does.

use std::collections::HashMap;

use super::{Version, ucd};

/// Name ↔ code point tables.
pub struct Names {
    by_cp: HashMap<u32, String>,
    by_name: HashMap<String, u32>,
    aliases: HashMap<String, u32>,
    sequences: HashMap<String, String>,
}

/// What a name stands for.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    /// One character (by its name or an alias).
    Char(char),
    /// A named sequence (only `unicodedata.lookup` accepts these).
    Sequence(String),
}

/// The unified ideograph blocks of Unicode 14.0, named `CJK UNIFIED IDEOGRAPH-XXXX`.
const CJK_BLOCKS: [(u32, u32); 8] = [
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B738),
    (0x2B740, 0x2B81D),
    (0x2B820, 0x2CEA1),
    (0x2CEB0, 0x2EBE0),
    (0x30000, 0x3134A),
];
/// The CJK blocks of Unicode 3.2.0.
const CJK_BLOCKS_32: [(u32, u32); 3] = [(0x3400, 0x4DB5), (0x4E00, 0x9FA5), (0x20000, 0x2A6D6)];

const HANGUL_BASE: u32 = 0xAC00;
const HANGUL_COUNT: u32 = 11172;
/// The short names of the leading consonants, vowels and trailing consonants
/// that make up a Hangul syllable's name (Unicode's Jamo.txt).
const JAMO_L: [&str; 19] =
    ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const JAMO_V: [&str; 21] = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU",
    "YI", "I",
];
const JAMO_T: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S",
    "SS", "NG", "J", "C", "K", "T", "P", "H",
];

impl Names {
    pub(super) fn parse(names: &[&str], aliases: &[&str], sequences: &[&str]) -> Names {
        let hex = |s: &str| u32::from_str_radix(s, 16).unwrap_or(0);
        let mut by_cp = HashMap::with_capacity(names.len());
        let mut by_name = HashMap::with_capacity(names.len());
        for l in names {
            let Some((h, n)) = l.split_once(' ') else { continue };
            let cp = hex(h);
            let name = match n.strip_suffix('*') {
                Some(prefix) => format!("{prefix}{cp:04X}"),
                None => n.to_string(),
            };
            by_name.insert(name.clone(), cp);
            by_cp.insert(cp, name);
        }
        let aliases = aliases.iter().filter_map(|l| l.split_once(' ')).map(|(h, n)| (n.to_string(), hex(h))).collect();
        let sequences = sequences
            .iter()
            .filter_map(|l| l.split_once(';'))
            .map(|(cps, n)| (n.to_string(), cps.split(' ').filter_map(|h| char::from_u32(hex(h))).collect()))
            .collect();
        Names { by_cp, by_name, aliases, sequences }
    }
}

fn in_cjk(cp: u32, v: Version) -> bool {
    match v {
        Version::V14 => CJK_BLOCKS.iter().any(|&(lo, hi)| (lo..=hi).contains(&cp)),
        Version::V32 => CJK_BLOCKS_32.iter().any(|&(lo, hi)| (lo..=hi).contains(&cp)),
    }
}

/// The name of `cp` in `v`, as `unicodedata.name` gives it.
pub fn name(cp: u32, v: Version) -> Option<String> {
    let db = ucd();
    if v == Version::V32 && !db.assigned(cp, v) {
        return None;
    }
    if (HANGUL_BASE..HANGUL_BASE + HANGUL_COUNT).contains(&cp) {
        let s = cp - HANGUL_BASE;
        let (l, v, t) = (s / (21 * 28), (s % (21 * 28)) / 28, s % 28);
        return Some(format!("HANGUL SYLLABLE {}{}{}", JAMO_L[l as usize], JAMO_V[v as usize], JAMO_T[t as usize]));
    }
    if in_cjk(cp, v) {
        return Some(format!("CJK UNIFIED IDEOGRAPH-{cp:X}"));
    }
    db.names.by_cp.get(&cp).cloned()
}

/// A Hangul syllable's code point from the part of its name after
/// `HANGUL SYLLABLE ` (longest jamo first, as the names are built).
fn hangul(rest: &str) -> Option<u32> {
    let longest = |table: &[&str], s: &str| -> Option<(usize, usize)> {
        table
            .iter()
            .enumerate()
            .filter(|(_, j)| s.starts_with(**j))
            .max_by_key(|(_, j)| j.len())
            .map(|(i, j)| (i, j.len()))
    };
    let (l, n) = longest(&JAMO_L, rest)?;
    let rest = &rest[n..];
    let (v, n) = longest(&JAMO_V, rest)?;
    let rest = &rest[n..];
    let (t, n) = longest(&JAMO_T, rest)?;
    (n == rest.len()).then_some(HANGUL_BASE + (l as u32 * 21 + v as u32) * 28 + t as u32)
}

/// Looks `name` up (case-insensitively) in `v`: a character's name or, in
/// Unicode 14.0, an alias or (when `sequences`) a named sequence.
pub fn lookup(name: &str, v: Version, sequences: bool) -> Option<Found> {
    let db = ucd();
    let upper = name.to_ascii_uppercase();
    let ch = |cp: u32| char::from_u32(cp).map(Found::Char);
    // CPython matches the rule-built names case-sensitively, unlike the table.
    if let Some(rest) = name.strip_prefix("HANGUL SYLLABLE ") {
        return hangul(rest).and_then(ch);
    }
    if let Some(hex) = name.strip_prefix("CJK UNIFIED IDEOGRAPH-") {
        if !(4..=5).contains(&hex.len()) || !hex.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)) {
            return None;
        }
        let cp = u32::from_str_radix(hex, 16).ok()?;
        return if in_cjk(cp, v) { ch(cp) } else { None };
    }
    if let Some(&cp) = db.names.by_name.get(&upper) {
        if v == Version::V32 && !db.assigned(cp, v) {
            return None;
        }
        return ch(cp);
    }
    if v == Version::V32 {
        return None;
    }
    if let Some(&cp) = db.names.aliases.get(&upper) {
        return ch(cp);
    }
    if sequences && let Some(s) = db.names.sequences.get(&upper) {
        return Some(Found::Sequence(s.clone()));
    }
    None
}

/// A character by name or alias, for `\N{...}` escapes.
pub fn lookup_char(name: &str) -> Option<char> {
    match lookup(name, Version::V14, false) {
        Some(Found::Char(c)) => Some(c),
        _ => None,
    }
}
