//! The C library's functions that CPython's `math` and `cmath` call: Rust's
//! `f64::asinh`/`acosh`/`atanh` are computed differently and can differ
//! from them in the last bit, and Rust's std has no erf, gamma or nextafter.

mod sys {
    unsafe extern "C" {
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn erf(x: f64) -> f64;
        pub fn cbrt(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn tgamma(x: f64) -> f64;
        pub fn lgamma(x: f64) -> f64;
        pub fn nextafter(x: f64, y: f64) -> f64;
    }
}

/// C's `asinh`.
pub fn asinh(x: f64) -> f64 {
    // SAFETY: a pure function of a double, from the libm Rust's std links.
    unsafe { sys::asinh(x) }
}

/// C's `acosh`.
pub fn acosh(x: f64) -> f64 {
    // SAFETY: as for `asinh`.
    unsafe { sys::acosh(x) }
}

/// C's `atanh`.
pub fn atanh(x: f64) -> f64 {
    // SAFETY: as for `asinh`.
    unsafe { sys::atanh(x) }
}

/// C's `erf`.
pub fn erf(x: f64) -> f64 {
    // SAFETY: as for `asinh`.
    unsafe { sys::erf(x) }
}

/// C's `erfc`.
pub fn erfc(x: f64) -> f64 {
    // SAFETY: as for `asinh`.
    unsafe { sys::erfc(x) }
}

/// C's `tgamma`.
pub fn tgamma(x: f64) -> f64 {
    // SAFETY: as for `asinh`.
    unsafe { sys::tgamma(x) }
}

/// C's `lgamma` (it sets the global `signgam`, which nothing here reads).
pub fn lgamma(x: f64) -> f64 {
    // SAFETY: as for `asinh`.
    unsafe { sys::lgamma(x) }
}

/// C's `nextafter`.
pub fn nextafter(x: f64, y: f64) -> f64 {
    // SAFETY: as for `asinh`.
    unsafe { sys::nextafter(x, y) }
}

/// C's `cbrt` (Rust's `f64::cbrt` rounds some results differently).
pub fn cbrt(x: f64) -> f64 {
    // SAFETY: as for `asinh`.
    unsafe { sys::cbrt(x) }
}
