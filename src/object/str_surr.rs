//! Lone surrogates in `str` (U+D800..U+DFFF), which Rust text cannot hold.
//!
//! A string with one keeps, beside its valid UTF-8 text (each surrogate
//! shown there as U+FFFD), its exact code points in *generalized UTF-8*:
//! UTF-8 in which a surrogate is encoded like any other BMP code point
//! (3 bytes, `ED A0..BF 80..BF`) and two surrogates are never joined into
//! one supplementary character (`'\ud83d\ude00'` stays two code points, as
//! in CPython). U+FFFD is 3 bytes too, so both forms have the same length,
//! the same character boundaries and the same byte offsets; byte-wise order
//! of generalized UTF-8 is code-point order. This file has no `unsafe`:
//! generalized UTF-8 is only ever handled as `[u8]`.

use std::sync::Arc;

use super::str::PyStr;
use super::value::Value;

/// Whether `cp` is a surrogate code point.
#[inline]
pub fn is_surrogate(cp: u32) -> bool {
    (0xd800..0xe000).contains(&cp)
}

/// Appends code point `cp` (at most U+10FFFF; a surrogate allowed) to
/// generalized UTF-8 `buf`.
pub fn push_cp(buf: &mut Vec<u8>, cp: u32) {
    match char::from_u32(cp) {
        Some(c) => buf.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        None => buf.extend_from_slice(&[
            0xe0 | (cp >> 12) as u8 & 0x0f,
            0x80 | ((cp >> 6) & 0x3f) as u8,
            0x80 | (cp & 0x3f) as u8,
        ]),
    }
}

/// The code point that starts `b` (generalized UTF-8) and its length in
/// bytes; never panics, whatever `b` holds.
#[inline]
pub fn decode_at(b: &[u8]) -> (u32, usize) {
    let at = |i: usize| b.get(i).map_or(0, |&x| (x & 0x3f) as u32);
    let Some(&b0) = b.first() else { return (0, 0) };
    let b0 = b0 as u32;
    if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xe0 {
        (((b0 & 0x1f) << 6) | at(1), 2)
    } else if b0 < 0xf0 {
        (((b0 & 0x0f) << 12) | (at(1) << 6) | at(2), 3)
    } else {
        (((b0 & 0x07) << 18) | (at(1) << 12) | (at(2) << 6) | at(3), 4)
    }
}

/// The code points of generalized UTF-8 bytes.
#[derive(Clone)]
pub struct CodePoints<'a> {
    b: &'a [u8],
}

impl<'a> CodePoints<'a> {
    pub fn new(b: &'a [u8]) -> CodePoints<'a> {
        CodePoints { b }
    }
}

impl Iterator for CodePoints<'_> {
    type Item = u32;
    #[inline]
    fn next(&mut self) -> Option<u32> {
        if self.b.is_empty() {
            return None;
        }
        let (cp, n) = decode_at(self.b);
        self.b = self.b.get(n..).unwrap_or(&[]);
        Some(cp)
    }
}

/// The valid UTF-8 text shown for generalized UTF-8 `wide`: every code
/// point that is not a character (a surrogate) becomes U+FFFD.
pub fn lossy_text(wide: &[u8]) -> String {
    CodePoints::new(wide).map(|cp| char::from_u32(cp).unwrap_or('\u{fffd}')).collect()
}

/// Generalized UTF-8 of a sequence of code points.
pub fn from_code_points(cps: impl IntoIterator<Item = u32>) -> Vec<u8> {
    let mut out = Vec::new();
    for cp in cps {
        push_cp(&mut out, cp);
    }
    out
}

/// Byte offset of the first (last when `rev`) occurrence of `needle` in
/// `hay`. Both are generalized UTF-8, whose encodings are self-synchronizing,
/// so a byte match is a code point match.
pub fn find_bytes(hay: &[u8], needle: &[u8], rev: bool) -> Option<usize> {
    if needle.is_empty() {
        return Some(if rev { hay.len() } else { 0 });
    }
    if needle.len() > hay.len() {
        return None;
    }
    let mut w = hay.windows(needle.len());
    if rev { w.rposition(|x| x == needle) } else { w.position(|x| x == needle) }
}

/// Builds a `str` that may hold lone surrogates with `String`'s API: the
/// text grows as usual (a surrogate as U+FFFD) and each surrogate's place
/// is noted, so code written for Rust text needs only `push_cp` where a
/// surrogate can arise.
#[derive(Default)]
pub struct WideString {
    text: String,
    marks: Vec<(usize, u32)>,
}

impl WideString {
    pub fn with_capacity(n: usize) -> WideString {
        WideString { text: String::with_capacity(n), marks: Vec::new() }
    }

    #[inline]
    pub fn push(&mut self, c: char) {
        self.text.push(c);
    }

    pub fn push_str(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// Appends code point `cp` (at most U+10FFFF), a surrogate included.
    pub fn push_cp(&mut self, cp: u32) {
        match char::from_u32(cp) {
            Some(c) => self.text.push(c),
            None => {
                self.marks.push((self.text.len(), cp));
                self.text.push('\u{fffd}');
            }
        }
    }

    /// Length of the text so far, in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Cuts the text back to `n` bytes (a character boundary).
    pub fn truncate(&mut self, n: usize) {
        self.text.truncate(n);
        self.marks.retain(|&(at, _)| at < n);
    }

    /// Appends a whole `str`, its surrogates included.
    pub fn push_pystr(&mut self, s: &PyStr) {
        if s.has_surrogates() {
            s.code_points().for_each(|cp| self.push_cp(cp));
        } else {
            self.text.push_str(s.as_str());
        }
    }

    pub fn into_pystr(self) -> PyStr {
        if self.marks.is_empty() {
            return PyStr::from_string(self.text);
        }
        // U+FFFD and a surrogate are both 3 bytes: overwrite in place.
        let mut wide = self.text.into_bytes();
        for (at, cp) in self.marks {
            let mut enc = Vec::with_capacity(3);
            push_cp(&mut enc, cp);
            if let Some(dst) = wide.get_mut(at..at + 3) {
                dst.copy_from_slice(&enc);
            }
        }
        PyStr::from_wide_utf8(wide)
    }

    pub fn into_value(self) -> Value {
        Value::Str(Arc::new(self.into_pystr()))
    }
}
