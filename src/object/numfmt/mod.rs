//! Number formatting, parsing and arithmetic helpers that reproduce CPython 3.11
//! bit for bit.
//!
//! Everything here is independent of the VM and the object model: plain Rust
//! values go in, `String`s and numbers come out.  Errors carry the exact text
//! CPython puts in the exception (without the `ValueError: ` prefix); where a
//! caller must know the exception class the error is a [`NumError`].
//!
//! Layout (one concept per file):
//! - [`float_repr`]: `repr(float)` and the `PyOS_double_to_string` core.
//! - [`format_spec`]: the format-spec mini-language parser and padding engine.
//! - [`format_num`]: `int.__format__`, `float.__format__`, `str.__format__`.
//! - [`percent`]: `str % args`.
//! - [`parse_num`]: `int(str, base)`, `float(str)`.
//! - [`int_str`]: `hex()/oct()/bin()/str()` of ints, the int-max-str-digits limit.
//! - [`str_repr`]: `repr(str)`, `ascii(str)`, `str.isprintable`, Unicode digits.
//! - [`arith`]: float `//`, `%`, `divmod`, `**` and int floor division.
//! - [`round`]: `round()` for floats and ints.
//! - [`convert`]: exact int/float conversions, true division, `float.hex`.
//! - [`hash`]: the numeric and tuple hashes.

pub mod arith;
pub mod convert;
pub mod float_repr;
pub mod format_complex;
pub mod format_num;
pub mod format_spec;
pub mod hash;
pub mod int_str;
pub mod libm;
pub mod parse_num;
pub mod percent;
pub mod round;
pub mod str_repr;
mod unicode_tables;

#[cfg(test)]
mod tests;

pub use arith::{
    bigint_divmod, bigint_floordiv, bigint_mod, float_div, float_divmod, float_floordiv, float_mod, float_pow,
    i64_divmod, i64_floordiv, i64_mod,
};
pub use convert::{
    bigint_to_f64, float_as_integer_ratio, float_fromhex, float_hex, float_is_integer, float_to_int_checked,
    int_true_div,
};
pub use float_repr::{FloatFmt, double_to_string, float_repr, write_double, write_float_repr};
pub use format_complex::complex_format;
pub use format_num::{
    float_format, float_format_named, format_float, format_i64, format_int, format_str, int_format, str_format,
};
pub use format_spec::{Align, FormatSpec, Grouping, parse_format_spec};
pub use hash::{hash_bigint, hash_complex, hash_f64, hash_i64, hash_pointer, hash_tuple};
pub use int_str::{get_int_max_str_digits, i64_to_base, int_to_base, int_to_decimal, set_int_max_str_digits};
pub use parse_num::{parse_float, parse_float_bytes, parse_int, parse_int_bytes};
pub use percent::{
    PercentArgs, StarArg, char_from_int, char_required_error, float_required_error, int_required_error, percent_format,
};
pub use round::{round_float, round_float_to_int, round_int};
pub use str_repr::{
    cps_repr, decimal_value, is_printable, is_py_space, py_ascii_escape, py_bytes_repr, py_str_ascii, py_str_repr,
    write_str_repr,
};

use std::fmt;

/// An error raised by one of the numeric helpers: the Python exception class
/// plus CPython's exact message text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumError {
    /// `ValueError(msg)`.
    Value(String),
    /// `TypeError(msg)`.
    Type(String),
    /// `OverflowError(msg)`.
    Overflow(String),
    /// `ZeroDivisionError(msg)`.
    ZeroDivision(String),
    /// `MemoryError(msg)`: a width/precision so large that the result would
    /// not fit in memory (CPython would fail its allocation the same way).
    Memory(String),
    /// The operation's result is a complex number (e.g. `(-8.0) ** 0.5`),
    /// which CPython 3.11 returns but this core cannot produce.  Callers with
    /// complex support compute it themselves; others raise
    /// `ValueError("complex numbers not supported")` ([`NumError::message`]).
    ComplexResult,
}

impl NumError {
    /// The Python exception class name (`"ValueError"`, ...).
    pub fn type_name(&self) -> &'static str {
        match self {
            NumError::Value(_) | NumError::ComplexResult => "ValueError",
            NumError::Type(_) => "TypeError",
            NumError::Overflow(_) => "OverflowError",
            NumError::ZeroDivision(_) => "ZeroDivisionError",
            NumError::Memory(_) => "MemoryError",
        }
    }

    /// The exception message, exactly as CPython words it.
    pub fn message(&self) -> &str {
        match self {
            NumError::Value(m)
            | NumError::Type(m)
            | NumError::Overflow(m)
            | NumError::ZeroDivision(m)
            | NumError::Memory(m) => m,
            NumError::ComplexResult => "complex numbers not supported",
        }
    }

    pub(crate) fn value(msg: impl Into<String>) -> Self {
        NumError::Value(msg.into())
    }
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.type_name(), self.message())
    }
}

impl std::error::Error for NumError {}

/// Largest string (in characters) the formatters will build.  CPython would
/// raise `MemoryError` somewhere past this too; refusing early keeps a typo like
/// `'%999999999999d'` from aborting the process on allocation failure.
pub const MAX_FORMAT_LEN: usize = 1 << 28;

/// The `MemoryError` returned when a requested width/precision is beyond
/// [`MAX_FORMAT_LEN`].
pub(crate) fn too_big() -> NumError {
    NumError::Memory(String::new())
}
