//! The C library's inverse hyperbolic functions, which CPython's `math`
//! and `cmath` call: Rust's `f64::asinh`/`acosh`/`atanh` are computed
//! differently and can differ from them in the last bit.

mod sys {
    unsafe extern "C" {
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
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
