//! The Unicode character database (Unicode 14.0.0, as CPython 3.11's
//! `unicodedata`, plus the 3.2.0 view that `ucd_3_2_0` and idna use).
//!
//! The data is `ucd.z`, a deflate stream of text sections written by
//! `scripts/gen_unicodedata.py` from python3's own `unicodedata`; it is
//! inflated and parsed once, on the first question, into the immutable
//! [`Ucd`]. Properties come from a run-length table of code point ranges,
//! each pointing at one of a few hundred distinct property records.

pub mod names;
pub mod normalize;

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

/// Which version of the database a question is about.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Version {
    /// Unicode 14.0.0, the module-level functions.
    V14,
    /// Unicode 3.2.0, `unicodedata.ucd_3_2_0` (used by idna and stringprep).
    V32,
}

/// The properties of one code point that share a record.
#[derive(Debug)]
pub struct Record {
    /// General category (`Lu`, `Cn`, …).
    pub category: String,
    /// Bidirectional class; empty for unassigned code points.
    pub bidi: String,
    /// Canonical combining class.
    pub combining: u8,
    /// East Asian width (`W`, `Na`, `N`, …).
    pub east_asian_width: String,
    /// Bidi mirrored.
    pub mirrored: bool,
    /// Decimal digit value.
    pub decimal: Option<u8>,
    /// Digit value.
    pub digit: Option<u8>,
    /// Numeric value.
    pub numeric: Option<f64>,
}

/// The parsed database.
pub struct Ucd {
    records: Vec<Record>,
    ranges: Vec<(u32, u16)>,
    ranges32: Vec<(u32, u16)>,
    decomp: HashMap<u32, String>,
    decomp32: HashMap<u32, String>,
    /// Unicode 3.2.0 code points whose normalization CPython corrects: their
    /// full canonical decomposition.
    normfix32: HashMap<u32, Vec<u32>>,
    /// Canonical pairs → their primary composite (NFC's composition table).
    compose: HashMap<(u32, u32), u32>,
    names: names::Names,
}

const DATA: &[u8] = include_bytes!("ucd.z");

/// The database, parsed on first use.
pub fn ucd() -> &'static Ucd {
    static UCD: OnceLock<Ucd> = OnceLock::new();
    UCD.get_or_init(|| {
        let mut text = String::new();
        flate2::read::ZlibDecoder::new(DATA)
            .read_to_string(&mut text)
            .expect("src/ucd/ucd.z is a valid zlib stream of UTF-8 (written by scripts/gen_unicodedata.py)");
        parse(&text)
    })
}

fn parse(text: &str) -> Ucd {
    let mut sections: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut current = "";
    for line in text.lines() {
        if let Some(name) = line.strip_prefix('@') {
            current = name;
            sections.entry(name).or_default();
        } else {
            sections.entry(current).or_default().push(line);
        }
    }
    let section = |n: &str| sections.get(n).map(Vec::as_slice).unwrap_or(&[]);
    let hex = |s: &str| u32::from_str_radix(s, 16).unwrap_or(0);
    let records = section("records")
        .iter()
        .map(|l| {
            let f: Vec<&str> = l.split(' ').collect();
            let small = |s: &str| s.parse::<i16>().ok().and_then(|v| u8::try_from(v).ok());
            Record {
                category: f[0].to_string(),
                bidi: if f[1] == "-" { String::new() } else { f[1].to_string() },
                combining: f[2].parse().unwrap_or(0),
                east_asian_width: f[3].to_string(),
                mirrored: f[4] == "1",
                decimal: small(f[5]),
                digit: small(f[6]),
                numeric: f[7].parse().ok(),
            }
        })
        .collect();
    let ranges = |n: &str| -> Vec<(u32, u16)> {
        section(n).iter().filter_map(|l| l.split_once(' ')).map(|(a, b)| (hex(a), b.parse().unwrap_or(0))).collect()
    };
    let decomps = |n: &str| -> HashMap<u32, String> {
        section(n)
            .iter()
            .map(|l| {
                let (a, b) = l.split_once(' ').unwrap_or((l, ""));
                (hex(a), b.to_string())
            })
            .collect()
    };
    let decomp = decomps("decomp");
    let excluded: std::collections::HashSet<u32> = section("compexcl").iter().map(|l| hex(l)).collect();
    let mut compose = HashMap::new();
    for (&cp, d) in &decomp {
        let parts: Vec<&str> = d.split(' ').collect();
        if parts.len() == 2 && !parts[0].starts_with('<') && !excluded.contains(&cp) {
            compose.insert((hex(parts[0]), hex(parts[1])), cp);
        }
    }
    Ucd {
        records,
        ranges: ranges("ranges"),
        ranges32: ranges("ranges32"),
        decomp32: decomps("decomp32"),
        normfix32: section("normfix32")
            .iter()
            .filter_map(|l| l.split_once(' '))
            .map(|(a, b)| (hex(a), b.split(' ').map(hex).collect()))
            .collect(),
        decomp,
        compose,
        names: names::Names::parse(section("names"), section("aliases"), section("sequences")),
    }
}

impl Ucd {
    /// The properties of `cp` in `v`.
    pub fn record(&self, cp: u32, v: Version) -> &Record {
        let ranges = match v {
            Version::V14 => &self.ranges,
            Version::V32 => &self.ranges32,
        };
        let i = ranges.partition_point(|&(start, _)| start <= cp).saturating_sub(1);
        &self.records[ranges[i].1 as usize]
    }

    /// The decomposition mapping as `unicodedata.decomposition` spells it
    /// (`"<compat> 0020 0301"`), empty when there is none.
    pub fn decomposition(&self, cp: u32, v: Version) -> &str {
        if v == Version::V32
            && let Some(d) = self.decomp32.get(&cp)
        {
            return d;
        }
        self.decomp.get(&cp).map(String::as_str).unwrap_or("")
    }

    /// The full decomposition that Unicode 3.2.0 normalization uses for `cp`
    /// when it differs from the one its decomposition mapping gives.
    pub fn normalization_fix(&self, cp: u32, v: Version) -> Option<&[u32]> {
        if v == Version::V32 { self.normfix32.get(&cp).map(Vec::as_slice) } else { None }
    }

    /// The primary composite of a canonical pair, if NFC composes it.
    pub fn compose(&self, a: u32, b: u32) -> Option<u32> {
        self.compose.get(&(a, b)).copied()
    }

    /// True when `cp` is assigned in `v` (its category is not `Cn`).
    pub fn assigned(&self, cp: u32, v: Version) -> bool {
        self.record(cp, v).category != "Cn"
    }

    /// The name tables.
    pub fn names(&self) -> &names::Names {
        &self.names
    }
}
