//! One item of packed binary data, as `struct`, `array` and `memoryview`
//! lay it out: the sizes of the format characters in native (`@`) and
//! standard (`<`, `>`, `!`, `=`) modes, and the conversions between a
//! Python value and its bytes. The callers keep their own error messages
//! (struct.error, array's OverflowError, memoryview's ValueError), so the
//! conversions here report *what* went wrong as an [`ItemErr`].

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::object::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// The size of a format character in native mode (this machine: x86-64 or
/// aarch64 Linux, LP64).
pub fn native_size(code: u8) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'P' | b'd' => 8,
        _ => return None,
    })
}

/// The size in standard mode (`n`, `N` and `P` are native only).
pub fn std_size(code: u8) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'l' | b'L' | b'f' => 4,
        b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

/// Is the integer format signed?
pub fn is_signed(code: u8) -> bool {
    matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n')
}

/// Why a value could not be packed.
pub enum ItemErr {
    /// An integer format got a value outside its range; `huge` when it does
    /// not even fit the C type CPython converts through first.
    Range { huge: bool },
    /// An integer format got a non-integer.
    NotInt,
    /// A float format got a non-number.
    NotFloat,
    /// A float too large for `f` or `e`.
    FloatOverflow,
    /// `c` got something else than one byte.
    NotChar,
    /// A Python error raised while converting (from `__index__`, …).
    Py(PyErr),
}

/// The integer a value packs as, through `__index__`.
pub fn int_of(vm: &mut Vm, v: &Value) -> Result<BigInt, ItemErr> {
    if matches!(v, Value::Flt(_)) {
        return Err(ItemErr::NotInt);
    }
    match vm.exact_index(v) {
        Ok(Some(i)) => crate::vm::numeric::to_big(&i).ok_or(ItemErr::NotInt),
        Ok(None) => Err(ItemErr::NotInt),
        Err(e) if vm.is_exc(&e, "TypeError") => Err(ItemErr::NotInt),
        Err(e) => Err(ItemErr::Py(e)),
    }
}

/// The float a value packs as (`__float__`, `__index__`).
pub fn float_of(vm: &mut Vm, v: &Value) -> Result<f64, ItemErr> {
    match v {
        Value::Flt(f) => Ok(f.get()),
        Value::Int(_) | Value::BigInt(_) | Value::Boolean(_) | Value::Instance(_) | Value::Native2(_) => {
            match vm.to_float(v) {
                Ok(f) => Ok(f),
                Err(e) if vm.is_exc(&e, "TypeError") => Err(ItemErr::NotFloat),
                Err(e) => Err(ItemErr::Py(e)),
            }
        }
        _ => Err(ItemErr::NotFloat),
    }
}

/// Writes `x` as a `size`-byte two's-complement integer.
pub fn put_int(out: &mut [u8], x: i128, little: bool) {
    let size = out.len();
    let le = x.to_le_bytes();
    for i in 0..size {
        let b = le[i];
        if little {
            out[i] = b;
        } else {
            out[size - 1 - i] = b;
        }
    }
}

/// Reads a `size`-byte integer.
pub fn get_int(b: &[u8], signed: bool, little: bool) -> i128 {
    let mut x: u128 = 0;
    for i in 0..b.len() {
        let byte = if little { b[b.len() - 1 - i] } else { b[i] };
        x = (x << 8) | byte as u128;
    }
    let bits = b.len() * 8;
    if signed && bits < 128 && x & (1u128 << (bits - 1)) != 0 { (x as i128) - (1i128 << bits) } else { x as i128 }
}

/// The range of an integer format of `size` bytes.
pub fn int_range(size: usize, signed: bool) -> (i128, i128) {
    let bits = size as u32 * 8;
    if signed { (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1) } else { (0, (1i128 << bits) - 1) }
}

/// Packs one item of format `code` (size `size`) into `out`.
pub fn pack_item(vm: &mut Vm, code: u8, out: &mut [u8], little: bool, v: &Value) -> Result<(), ItemErr> {
    match code {
        b'?' => {
            let t = vm.truthy(v).map_err(ItemErr::Py)?;
            out[0] = t as u8;
        }
        b'c' => match v {
            Value::Bytes(b) if b.len() == 1 => out[0] = b[0],
            _ => match super::buffer::bytes_like(v) {
                Some(b) if b.len() == 1 && !matches!(v, Value::Native2(_)) => out[0] = b[0],
                _ => return Err(ItemErr::NotChar),
            },
        },
        b'e' | b'f' | b'd' => {
            let f = float_of(vm, v)?;
            match code {
                b'd' => put_bytes(out, &f.to_le_bytes(), little),
                b'f' => {
                    let g = f as f32;
                    if g.is_infinite() && f.is_finite() {
                        return Err(ItemErr::FloatOverflow);
                    }
                    put_bytes(out, &g.to_le_bytes(), little)
                }
                _ => {
                    let h = f64_to_half(f).ok_or(ItemErr::FloatOverflow)?;
                    put_bytes(out, &h.to_le_bytes(), little)
                }
            }
        }
        _ => {
            let n = int_of(vm, v)?;
            // CPython converts b, B, h and H through a C long too.
            let signed = is_signed(code) || matches!(code, b'P' | b'B' | b'H');
            let x = n.to_i128().ok_or(ItemErr::Range { huge: true })?;
            // CPython converts through a C long / unsigned long first.
            let fits_c = if signed { i64::try_from(x).is_ok() } else { u64::try_from(x).is_ok() };
            if !(fits_c || (code == b'P' && u64::try_from(x).is_ok())) {
                return Err(ItemErr::Range { huge: true });
            }
            let (lo, hi) = int_range(out.len(), is_signed(code));
            if code != b'P' && (x < lo || x > hi) {
                return Err(ItemErr::Range { huge: false });
            }
            put_int(out, x, little);
        }
    }
    Ok(())
}

fn put_bytes(out: &mut [u8], le: &[u8], little: bool) {
    for (i, b) in le.iter().enumerate() {
        if little {
            out[i] = *b;
        } else {
            out[le.len() - 1 - i] = *b;
        }
    }
}

fn le_bytes<const N: usize>(b: &[u8], little: bool) -> [u8; N] {
    let mut a = [0u8; N];
    for i in 0..N {
        a[i] = if little { b[i] } else { b[N - 1 - i] };
    }
    a
}

/// Unpacks one item of format `code` from `b` (exactly its size).
pub fn unpack_item(code: u8, b: &[u8], little: bool) -> Value {
    match code {
        b'?' => Value::Bool(b[0] != 0),
        b'c' => Value::Bytes(std::sync::Arc::new(vec![b[0]])),
        b'd' => Value::Float(f64::from_le_bytes(le_bytes::<8>(b, little))),
        b'f' => Value::Float(f32::from_le_bytes(le_bytes::<4>(b, little)) as f64),
        b'e' => Value::Float(half_to_f64(u16::from_le_bytes(le_bytes::<2>(b, little)))),
        _ => {
            let x = get_int(b, is_signed(code), little);
            match i64::try_from(x) {
                Ok(i) => Value::Int(i),
                Err(_) => Value::from_bigint(BigInt::from(x)),
            }
        }
    }
}

/// IEEE 754 half precision, rounding half to even; `None` on overflow.
fn f64_to_half(f: f64) -> Option<u16> {
    let sign: u16 = if f.is_sign_negative() { 0x8000 } else { 0 };
    if f.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = f.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a == 0.0 {
        return Some(sign);
    }
    // Work in units of the smallest subnormal (2**-24).
    let (e, m) = frexp(a); // a = m * 2**e, 0.5 <= m < 1
    if e < -13 {
        // Subnormal (or zero after rounding): a / 2**-24 rounded half-even.
        let q = round_half_even(a * 2f64.powi(24));
        return Some(sign | q as u16);
    }
    // Normal: 11 significant bits.
    let sig = round_half_even(m * 2048.0); // 1024..=2048
    let (sig, e) = if sig >= 2048.0 { (1024.0, e + 1) } else { (sig, e) };
    let exp = e - 1 + 15;
    if exp >= 31 {
        return None;
    }
    Some(sign | ((exp as u16) << 10) | ((sig as u16) & 0x3ff))
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 && r % 2.0 != 0.0 { r - x.signum() } else { r }
}

fn frexp(x: f64) -> (i32, f64) {
    let mut e = x.log2().floor() as i32 + 1;
    let mut m = x / 2f64.powi(e);
    while m >= 1.0 {
        m /= 2.0;
        e += 1;
    }
    while m < 0.5 {
        m *= 2.0;
        e -= 1;
    }
    (e, m)
}

fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let frac = (h & 0x3ff) as f64;
    let mag = match exp {
        0 => frac * 2f64.powi(-24),
        31 if frac == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + frac / 1024.0) * 2f64.powi(exp - 15),
    };
    sign * mag
}

/// A PyResult from a conversion whose errors the caller words.
pub fn or_py<T>(r: Result<T, ItemErr>, vm: &mut Vm, word: impl FnOnce(&mut Vm, ItemErr) -> PyErr) -> PyResult<T> {
    match r {
        Ok(v) => Ok(v),
        Err(ItemErr::Py(e)) => Err(e),
        Err(e) => Err(word(vm, e)),
    }
}
