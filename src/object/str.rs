//! `str`: an immutable Unicode string that remembers its hash and length.

use std::cmp::Ordering as CmpOrdering;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use super::str_surr::{self, CodePoints};
use super::value::Value;

/// A Python string. Indexing is by code point; ASCII strings (the common
/// case) index in O(1) because their byte and char positions coincide.
///
/// A string holding a lone surrogate (rare: `'\ud800'`, `surrogateescape`)
/// also carries its exact code points in `surr` (see [`super::str_surr`]);
/// `s` then shows each surrogate as U+FFFD, so `as_str()` is always valid
/// Rust text, and the operations that must see the surrogates (equality,
/// order, hash, slicing, concatenation, repr, encoding…) check `surr` once.
pub struct PyStr {
    s: Box<str>,
    char_len: usize,
    /// 0 means "not computed yet" (a string whose real hash is 0, such as
    /// the empty one, just recomputes it: cheap for '' and rare otherwise).
    hash: AtomicI64,
    /// `None` for every string without a lone surrogate.
    surr: Option<Box<Surrogates>>,
}

/// The exact code points of a string with lone surrogates, in generalized
/// UTF-8 (same length and boundaries as the shown text). Boxed behind one thin
/// pointer: `Option<Box<[u8]>>` would be two words in every `PyStr`.
struct Surrogates {
    wide: Box<[u8]>,
}

/// The hash a `PyStr` of this text has (CPython's SipHash-1-3 over its
/// canonical form, see [`super::strhash`]), computed without building one:
/// lookups by a Rust name (`"__eq__"`) need no allocation.
#[inline]
pub fn str_hash(s: &str) -> i64 {
    super::strhash::hash_str(s)
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr::from_string(s.to_owned())
    }

    pub fn from_string(s: String) -> PyStr {
        let char_len = if s.is_ascii() { s.len() } else { s.chars().count() };
        PyStr { s: s.into_boxed_str(), char_len, hash: AtomicI64::new(0), surr: None }
    }

    /// A string from generalized UTF-8 (see [`super::str_surr`]): plain
    /// valid UTF-8 takes the ordinary form, lone surrogates the rare one.
    pub fn from_wide_utf8(wide: Vec<u8>) -> PyStr {
        match String::from_utf8(wide) {
            Ok(s) => PyStr::from_string(s),
            Err(e) => {
                // Re-encoded from its code points, so that the two forms
                // agree byte for byte whatever the input held.
                let cps: Vec<u32> =
                    CodePoints::new(&e.into_bytes()).map(|c| if c > 0x10_ffff { 0xfffd } else { c }).collect();
                let wide = str_surr::from_code_points(cps.iter().copied());
                let mut p = PyStr::from_string(str_surr::lossy_text(&wide));
                if cps.iter().any(|&c| str_surr::is_surrogate(c)) {
                    p.surr = Some(Box::new(Surrogates { wide: wide.into_boxed_slice() }));
                }
                p
            }
        }
    }

    /// A string of the given code points (each at most U+10FFFF).
    pub fn from_code_points(cps: impl IntoIterator<Item = u32>) -> PyStr {
        PyStr::from_wide_utf8(str_surr::from_code_points(cps))
    }

    /// Whether the string holds a lone surrogate (so `as_str()` shows
    /// U+FFFD where it has one).
    #[inline]
    pub fn has_surrogates(&self) -> bool {
        self.surr.is_some()
    }

    /// The exact code points as generalized UTF-8: the text's own bytes
    /// unless the string holds surrogates.
    #[inline]
    pub fn wide_utf8(&self) -> &[u8] {
        match &self.surr {
            None => self.s.as_bytes(),
            Some(x) => &x.wide,
        }
    }

    /// The code points, surrogates included.
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints::new(self.wide_utf8())
    }

    /// The code point at code point index `i` (0 ≤ i < char_len).
    pub fn code_point_at(&self, i: usize) -> u32 {
        match &self.surr {
            None => self.char_at(i) as u32,
            Some(x) => str_surr::decode_at(x.wide.get(self.byte_offset(i)..).unwrap_or(&[])).0,
        }
    }

    /// The code point starting at byte offset `b` of the text.
    pub fn code_point_at_byte(&self, b: usize) -> u32 {
        str_surr::decode_at(self.wide_utf8().get(b..).unwrap_or(&[])).0
    }

    /// The code points `start..end` as a new string.
    pub fn slice(&self, start: usize, end: usize) -> PyStr {
        match &self.surr {
            None => PyStr::new(self.substring(start, end)),
            Some(x) => {
                let (b0, b1) = (self.byte_offset(start), self.byte_offset(end));
                PyStr::from_wide_utf8(x.wide.get(b0..b1).unwrap_or(&[]).to_vec())
            }
        }
    }

    /// `self + other`.
    pub fn concat(&self, other: &PyStr) -> PyStr {
        if self.surr.is_none() && other.surr.is_none() {
            let mut s = String::with_capacity(self.s.len() + other.s.len());
            s.push_str(&self.s);
            s.push_str(&other.s);
            return PyStr::from_string(s);
        }
        let mut g = Vec::with_capacity(self.s.len() + other.s.len());
        g.extend_from_slice(self.wide_utf8());
        g.extend_from_slice(other.wide_utf8());
        PyStr::from_wide_utf8(g)
    }

    /// `sub in self`.
    #[inline]
    pub fn contains(&self, sub: &PyStr) -> bool {
        if self.surr.is_none() && sub.surr.is_none() {
            self.s.contains(&*sub.s)
        } else {
            str_surr::find_bytes(self.wide_utf8(), sub.wide_utf8(), false).is_some()
        }
    }

    /// `self.find(sub, start, end)` (`rfind` when `rev`) with the code point
    /// range already resolved (start ≤ end ≤ char_len): a code point index.
    pub fn find_in(&self, sub: &PyStr, start: usize, end: usize, rev: bool) -> Option<usize> {
        let (b0, b1) = (self.byte_offset(start), self.byte_offset(end));
        let bi = if self.surr.is_none() && sub.surr.is_none() {
            let hay = &self.s[b0..b1];
            if rev { hay.rfind(&*sub.s) } else { hay.find(&*sub.s) }
        } else {
            str_surr::find_bytes(self.wide_utf8().get(b0..b1).unwrap_or(&[]), sub.wide_utf8(), rev)
        }?;
        // The text and its generalized UTF-8 share their byte offsets.
        Some(if self.is_ascii() { start + bi } else { start + self.s[b0..b0 + bi].chars().count() })
    }

    /// Code-point order (generalized UTF-8 orders as its code points do).
    #[inline]
    pub fn cmp_str(&self, other: &PyStr) -> CmpOrdering {
        if self.surr.is_none() && other.surr.is_none() {
            self.s.cmp(&other.s)
        } else {
            self.wide_utf8().cmp(other.wide_utf8())
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    /// Length in code points, as `len()` reports it.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }

    /// The string's hash, as CPython's for the same `PYTHONHASHSEED` (cached).
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != 0 {
            return h;
        }
        let h = match &self.surr {
            None => str_hash(&self.s),
            Some(x) => super::strhash::hash_code_points(CodePoints::new(&x.wide)),
        };
        self.hash.store(h, Ordering::Relaxed);
        h
    }

    /// The code point at `i` (0 ≤ i < char_len).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() { self.s.as_bytes()[i] as char } else { self.s.chars().nth(i).unwrap_or('\0') }
    }

    /// The substring of code points `start..end`.
    pub fn substring(&self, start: usize, end: usize) -> &str {
        if self.is_ascii() {
            &self.s[start..end]
        } else {
            let b0 = self.byte_offset(start);
            let b1 = self.byte_offset(end);
            &self.s[b0..b1]
        }
    }

    /// Byte offset of code point `i` (i may equal char_len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() { i } else { self.s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.s.len()) }
    }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        std::ptr::eq(self, other)
            || (self.s == other.s
                && ((self.surr.is_none() && other.surr.is_none()) || self.wide_utf8() == other.wide_utf8()))
    }
}

/// A `str` value from generalized UTF-8 (lone surrogates kept).
pub fn wide_value(wide: Vec<u8>) -> Value {
    Value::Str(Arc::new(PyStr::from_wide_utf8(wide)))
}

/// A one-code-point `str` value (a surrogate allowed).
pub fn cp_value(cp: u32) -> Value {
    match char::from_u32(cp) {
        Some(c) => Value::string(c.to_string()),
        None => Value::Str(Arc::new(PyStr::from_code_points([cp]))),
    }
}
