//! Unicode normalization (UAX #15): NFD/NFKD by full decomposition and
//! canonical reordering, NFC/NFKC by canonical composition on top; Hangul
//! syllables are decomposed and composed arithmetically.

use super::{Ucd, Version, ucd};

/// The four normalization forms.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Form {
    Nfc,
    Nfd,
    Nfkc,
    Nfkd,
}

impl Form {
    /// The form named `s` (`"NFC"`, …), as `unicodedata.normalize` takes it.
    pub fn parse(s: &str) -> Option<Form> {
        Some(match s {
            "NFC" => Form::Nfc,
            "NFD" => Form::Nfd,
            "NFKC" => Form::Nfkc,
            "NFKD" => Form::Nfkd,
            _ => return None,
        })
    }
    fn compat(self) -> bool {
        matches!(self, Form::Nfkc | Form::Nfkd)
    }
    fn composes(self) -> bool {
        matches!(self, Form::Nfc | Form::Nfkc)
    }
}

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

fn decompose_into(db: &Ucd, cp: u32, compat: bool, v: Version, out: &mut Vec<u32>) {
    if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
        let s = cp - S_BASE;
        out.push(L_BASE + s / N_COUNT);
        out.push(V_BASE + (s % N_COUNT) / T_COUNT);
        if !s.is_multiple_of(T_COUNT) {
            out.push(T_BASE + s % T_COUNT);
        }
        return;
    }
    // Code points that Unicode 3.2 did not assign pass through unchanged there.
    if v == Version::V32 && !db.assigned(cp, v) {
        out.push(cp);
        return;
    }
    if let Some(full) = db.normalization_fix(cp, v) {
        out.extend_from_slice(full);
        return;
    }
    let d = db.decomposition(cp, v);
    if d.is_empty() || (!compat && d.starts_with('<')) {
        out.push(cp);
        return;
    }
    for part in d.split(' ').filter(|p| !p.starts_with('<')) {
        if let Ok(c) = u32::from_str_radix(part, 16) {
            decompose_into(db, c, compat, v, out);
        }
    }
}

/// Sorts each run of non-starters by combining class, stably.
fn reorder(db: &Ucd, cps: &mut [u32], v: Version) {
    let ccc = |c: u32| db.record(c, v).combining;
    let mut i = 0;
    while i < cps.len() {
        if ccc(cps[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < cps.len() && ccc(cps[i]) != 0 {
            i += 1;
        }
        cps[start..i].sort_by_key(|&c| ccc(c));
    }
}

fn compose(db: &Ucd, cps: &[u32], v: Version) -> Vec<u32> {
    let ccc = |c: u32| u16::from(db.record(c, v).combining);
    let mut out: Vec<u32> = Vec::with_capacity(cps.len());
    let mut starter: Option<usize> = None;
    // The class of the last character appended: 0 when it is the starter
    // itself, so a character is blocked from the starter when this is
    // neither 0 nor below its own class.
    let mut last_class: u16 = 0;
    for &c in cps {
        let cc = ccc(c);
        if let Some(si) = starter
            && (last_class == 0 || last_class < cc)
            && let Some(p) = pair(db, out[si], c, v)
        {
            out[si] = p;
            continue;
        }
        if cc == 0 {
            starter = Some(out.len());
        }
        last_class = cc;
        out.push(c);
    }
    out
}

/// The composite of a starter and the next character, Hangul included.
fn pair(db: &Ucd, a: u32, b: u32, v: Version) -> Option<u32> {
    if (L_BASE..L_BASE + L_COUNT).contains(&a) && (V_BASE..V_BASE + V_COUNT).contains(&b) {
        return Some(S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT);
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&a)
        && (a - S_BASE).is_multiple_of(T_COUNT)
        && (T_BASE + 1..T_BASE + T_COUNT).contains(&b)
    {
        return Some(a + (b - T_BASE));
    }
    let p = db.compose(a, b)?;
    (v == Version::V14 || db.assigned(p, v)).then_some(p)
}

/// `s` in normalization form `form` of database version `v`.
pub fn normalize(s: &str, form: Form, v: Version) -> String {
    // Plain ASCII is already in every form.
    if s.is_ascii() {
        return s.to_string();
    }
    let db = ucd();
    let mut cps = Vec::with_capacity(s.len());
    for c in s.chars() {
        decompose_into(db, c as u32, form.compat(), v, &mut cps);
    }
    reorder(db, &mut cps, v);
    if form.composes() {
        cps = compose(db, &cps, v);
    }
    cps.into_iter().filter_map(char::from_u32).collect()
}
