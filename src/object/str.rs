//! `str`: an immutable Unicode string that remembers its hash and length.

use std::sync::atomic::{AtomicI64, Ordering};

/// A Python string. Indexing is by code point; ASCII strings (the common
/// case) index in O(1) because their byte and char positions coincide.
pub struct PyStr {
    s: Box<str>,
    char_len: usize,
    /// 0 means "not computed yet" (a string whose real hash is 0, such as
    /// the empty one, just recomputes it: cheap for '' and rare otherwise).
    hash: AtomicI64,
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
        PyStr { s: s.into_boxed_str(), char_len, hash: AtomicI64::new(0) }
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
        let h = str_hash(&self.s);
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
        std::ptr::eq(self, other) || self.s == other.s
    }
}
