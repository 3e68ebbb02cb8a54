//! CPython 3.11's hash of `str` and `bytes` (`Python/pyhash.c`, 64-bit build):
//! SipHash-1-3 keyed by the process's hash secret, which `PYTHONHASHSEED`
//! chooses as CPython's `_PyRandom_Init` does (`Python/bootstrap_hash.c`).
//!
//! Every str hash in gilt goes through [`hash_str`] (the cached `PyStr` hash,
//! Rust-side name lookups, dict/set probes), so a string hashes the same
//! wherever it is looked up.

use std::sync::OnceLock;

/// The SipHash key, `_Py_HashSecret.siphash.k0/k1`. Written once, before the
/// first hash (the command line sets it right after reading the environment;
/// anything that hashes earlier, or gilt embedded without its command line,
/// gets a random key, as CPython without `PYTHONHASHSEED`). It never changes
/// afterwards: every cached hash depends on it.
static SECRET: OnceLock<(u64, u64)> = OnceLock::new();

/// Size of CPython's `_Py_HashSecret_t` union: the LCG fills all of it, and
/// the SipHash key is its first 16 bytes.
const SECRET_SIZE: usize = 24;

/// CPython's `lcg_urandom`: the bytes a numeric `PYTHONHASHSEED` expands to.
fn lcg_fill(seed: u32, buf: &mut [u8]) {
    let mut x = seed;
    for b in buf.iter_mut() {
        x = x.wrapping_mul(214_013).wrapping_add(2_531_011);
        *b = ((x >> 16) & 0xff) as u8;
    }
}

/// Random secret bytes from the OS (`pyurandom`); falls back to the clock and
/// pid only if getrandom(2) is unavailable, so start-up never fails.
fn os_random(buf: &mut [u8]) {
    let mut got = 0;
    while got < buf.len() {
        // SAFETY: the pointer and length describe the unfilled tail of `buf`.
        let r = unsafe { libc::getrandom(buf[got..].as_mut_ptr() as *mut libc::c_void, buf.len() - got, 0) };
        if r <= 0 {
            if r < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            let t =
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
            lcg_fill((t as u32) ^ std::process::id(), &mut buf[got..]);
            return;
        }
        got += r as usize;
    }
}

/// The key `PYTHONHASHSEED` gives: `Some(0)` all zeros (randomization off),
/// `Some(n)` CPython's LCG fill, `None` (unset or `random`) OS random bytes.
fn derive_secret(seed: Option<u32>) -> (u64, u64) {
    let mut buf = [0u8; SECRET_SIZE];
    match seed {
        Some(0) => {}
        Some(n) => lcg_fill(n, &mut buf),
        None => os_random(&mut buf),
    }
    let word = |i: usize| u64::from_le_bytes(buf[i..i + 8].try_into().unwrap_or([0; 8]));
    (word(0), word(8))
}

/// Fixes the hash secret from `PYTHONHASHSEED` (already validated). Returns
/// false when something hashed a string first (the key was then random and
/// cannot change any more).
pub fn init_secret(seed: Option<u32>) -> bool {
    let mut fresh = false;
    SECRET.get_or_init(|| {
        fresh = true;
        derive_secret(seed)
    });
    fresh
}

#[inline]
fn secret() -> (u64, u64) {
    *SECRET.get_or_init(|| derive_secret(None))
}

/// One SipRound (CPython writes it as two `HALF_ROUND`s).
#[inline(always)]
fn sip_round(v: &mut [u64; 4]) {
    v[0] = v[0].wrapping_add(v[1]);
    v[2] = v[2].wrapping_add(v[3]);
    v[1] = v[1].rotate_left(13) ^ v[0];
    v[3] = v[3].rotate_left(16) ^ v[2];
    v[0] = v[0].rotate_left(32);
    v[2] = v[2].wrapping_add(v[1]);
    v[0] = v[0].wrapping_add(v[3]);
    v[1] = v[1].rotate_left(17) ^ v[2];
    v[3] = v[3].rotate_left(21) ^ v[0];
    v[2] = v[2].rotate_left(32);
}

/// SipHash-1-3 of `data` under the key (k0, k1), as `pyhash.c`'s `siphash13`.
fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v = [
        k0 ^ 0x736f_6d65_7073_6575,
        k1 ^ 0x646f_7261_6e64_6f6d,
        k0 ^ 0x6c79_6765_6e65_7261,
        k1 ^ 0x7465_6462_7974_6573,
    ];
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let m = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        v[3] ^= m;
        sip_round(&mut v);
        v[0] ^= m;
    }
    let mut last = [0u8; 8];
    let tail = chunks.remainder();
    last[..tail.len()].copy_from_slice(tail);
    let b = ((data.len() as u64) << 56) | u64::from_le_bytes(last);
    v[3] ^= b;
    sip_round(&mut v);
    v[0] ^= b;
    v[2] ^= 0xff;
    sip_round(&mut v);
    sip_round(&mut v);
    sip_round(&mut v);
    (v[0] ^ v[1]) ^ (v[2] ^ v[3])
}

/// CPython's `_Py_HashBytes`: 0 for no bytes, -1 (the error value) becomes -2.
/// `bytes`, `memoryview` and the `datetime` types hash with it.
#[inline]
pub fn hash_bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    let (k0, k1) = secret();
    let h = siphash13(k0, k1, data) as i64;
    if h == -1 { -2 } else { h }
}

/// The hash of a `str` holding `s`: `_Py_HashBytes` over CPython's canonical
/// representation (PEP 393): Latin-1 bytes when every code point is below 256,
/// else 2-byte little-endian units below 65536, else 4-byte units.
pub fn hash_str(s: &str) -> i64 {
    if s.is_ascii() {
        return hash_bytes(s.as_bytes());
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let mut buf = Vec::with_capacity(s.len() * 4);
    if max < 0x100 {
        buf.extend(s.chars().map(|c| c as u32 as u8));
    } else if max < 0x1_0000 {
        s.chars().for_each(|c| buf.extend_from_slice(&(c as u32 as u16).to_le_bytes()));
    } else {
        s.chars().for_each(|c| buf.extend_from_slice(&(c as u32).to_le_bytes()));
    }
    hash_bytes(&buf)
}

/// [`hash_str`] over code points that may include lone surrogates.
pub fn hash_code_points(cps: impl Iterator<Item = u32> + Clone) -> i64 {
    let max = cps.clone().max().unwrap_or(0);
    let mut buf = Vec::new();
    if max < 0x100 {
        buf.extend(cps.map(|c| c as u8));
    } else if max < 0x1_0000 {
        cps.for_each(|c| buf.extend_from_slice(&(c as u16).to_le_bytes()));
    } else {
        cps.for_each(|c| buf.extend_from_slice(&c.to_le_bytes()));
    }
    hash_bytes(&buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython() {
        // The values `PYTHONHASHSEED=0` and `=123` give in python3 3.11.
        let zero = |d: &[u8]| siphash13(0, 0, d) as i64;
        assert_eq!(zero(b"abc"), -4_594_863_902_769_663_758);
        assert_eq!(zero(b"abcdefghij"), -829_746_140_550_000_655);
        let (k0, k1) = derive_secret(Some(123));
        assert_eq!(siphash13(k0, k1, b"abc") as i64, -6_019_719_312_852_672_851);
    }

    #[test]
    fn lcg_first_bytes() {
        let mut b = [0u8; 4];
        lcg_fill(1, &mut b);
        // x1 = 214013 + 2531011 = 2745024 → (x >> 16) & 0xff = 41.
        assert_eq!(b[0], 41);
    }
}
