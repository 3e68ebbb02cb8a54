//! `str`'s case changes as CPython 3.11 does them: full mappings (ß → Ss in
//! `title()`, ﬁ → fi in `casefold()`), titlecase letters, and the Final_Sigma
//! rule in every method that lowercases (`lower`, `capitalize`, `title`,
//! `swapcase`). Rust's `char` gives the full upper and lower mappings; the
//! titlecase mappings, the folding exceptions and the two properties the
//! sigma rule needs come from tables generated from python3
//! (`str_case_tables.rs`).

use super::str_case_tables::{CASE_IGNORABLE, CASED, DIGIT, FOLD, NUMERIC, TITLE};

const CAPITAL_SIGMA: char = '\u{3a3}';

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn special(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    table.binary_search_by_key(&(c as u32), |&(k, _)| k).ok().map(|i| table[i].1)
}

/// Unicode's Cased property: upper, lower or titlecase letters (and the
/// Other_* ones), what `istitle`/`title` and the sigma rule test.
pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(&CASED, c)
}

/// Unicode's Case_Ignorable property (apostrophes, combining marks, …).
fn is_case_ignorable(c: char) -> bool {
    in_ranges(&CASE_IGNORABLE, c)
}

/// A digit that is not a decimal (², ⒈, 🄇): `isdigit()` but not `isdecimal()`.
pub fn is_nondecimal_digit(c: char) -> bool {
    !c.is_ascii() && in_ranges(&DIGIT, c)
}

/// `str.isnumeric()` of one character: a digit, or a character with any
/// other numeric value (½, Ⅻ, the CJK numerals 一 and 萬).
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    super::numfmt::decimal_value(c).is_some() || in_ranges(&DIGIT, c) || in_ranges(&NUMERIC, c)
}

/// The full titlecase mapping of one character (ǆ → ǅ, ß → Ss, ﬁ → Fi).
pub fn push_title(out: &mut String, c: char) {
    match special(&TITLE, c) {
        Some(t) => out.push_str(t),
        None => out.push(c),
    }
}

/// The full case folding of one character (ß → ss, ﬁ → fi, ς → σ).
pub fn push_fold(out: &mut String, c: char) {
    match special(&FOLD, c) {
        Some(f) => out.push_str(f),
        None => out.extend(c.to_lowercase()),
    }
}

/// Σ's lowercase at `i` of `chars`: final ς when a cased letter precedes it
/// (case-ignorable ones skipped) and none follows it (CPython's
/// `handle_capital_sigma`).
fn sigma_lower(chars: &[char], i: usize) -> char {
    let before = chars[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    let mut final_sigma = before.is_some_and(|&c| is_cased(c));
    if final_sigma {
        let after = chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
        final_sigma = after.is_none_or(|&c| !is_cased(c));
    }
    if final_sigma { '\u{3c2}' } else { '\u{3c3}' }
}

/// The full lowercase of `chars[i]`, with the Final_Sigma rule.
fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == CAPITAL_SIGMA {
        out.push(sigma_lower(chars, i));
    } else {
        out.extend(c.to_lowercase());
    }
}

/// `str.casefold()`.
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_fold(&mut out, c);
    }
    out
}

/// `str.capitalize()`: the first character titlecased, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        let mut it = s.chars();
        if let Some(f) = it.next() {
            out.push(f.to_ascii_uppercase());
            out.push_str(&it.as_str().to_ascii_lowercase());
        }
        return out;
    }
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_title(&mut out, c);
        } else {
            push_lower_at(&mut out, &chars, i);
        }
    }
    out
}

/// `str.title()`: a character after a cased one is lowercased, any other
/// titlecased.
pub fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            push_lower_at(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// `str.swapcase()`: uppercase letters lowercased (with the sigma rule),
/// lowercase ones uppercased, titlecase letters and the rest kept.
pub fn swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            push_lower_at(&mut out, &chars, i);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}
