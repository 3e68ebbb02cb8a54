//! Float and int arithmetic with CPython 3.11 semantics: floor division and
//! modulo take the sign of the divisor, signed zeros come out as CPython's do,
//! and the error messages match `Objects/floatobject.c` / `longobject.c`.

use super::NumError;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::Zero;

fn zero_div(msg: &str) -> NumError {
    NumError::ZeroDivision(msg.to_owned())
}

/// `a / b` for floats (`ZeroDivisionError("float division by zero")`).
pub fn float_div(a: f64, b: f64) -> Result<f64, NumError> {
    if b == 0.0 {
        return Err(zero_div("float division by zero"));
    }
    Ok(a / b)
}

/// `_float_div_mod`: (floor quotient, modulo) for a non-zero divisor.
fn div_mod(vx: f64, wx: f64) -> (f64, f64) {
    // Rust's `%` on f64 is C fmod: exact, with the dividend's sign.
    let mut m = vx % wx;
    // fmod is exact, so vx - m is (mathematically) a multiple of wx.
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        // Signed zeros differ across platforms' fmod; use the divisor's sign.
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        // Snap the quotient to the nearest integral value.
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        // Zero with the sign of the true quotient.
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `a // b` for floats (`ZeroDivisionError("float floor division by zero")`).
pub fn float_floordiv(a: f64, b: f64) -> Result<f64, NumError> {
    if b == 0.0 {
        return Err(zero_div("float floor division by zero"));
    }
    Ok(div_mod(a, b).0)
}

/// `a % b` for floats: the result has the divisor's sign (`-7.5 % 2 == 0.5`,
/// `7.5 % -2 == -0.5`).  `ZeroDivisionError("float modulo")`.
pub fn float_mod(a: f64, b: f64) -> Result<f64, NumError> {
    if b == 0.0 {
        return Err(zero_div("float modulo"));
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Ok(m)
}

/// `divmod(a, b)` for floats.  `ZeroDivisionError("float divmod()")`.
pub fn float_divmod(a: f64, b: f64) -> Result<(f64, f64), NumError> {
    if b == 0.0 {
        return Err(zero_div("float divmod()"));
    }
    Ok(div_mod(a, b))
}

/// `fmod(|x|, 2) == 1`: `x` is an odd integer.
fn is_odd_integer(x: f64) -> bool {
    (x.abs() % 2.0) == 1.0
}

/// `a ** b` for floats (CPython's `float_pow`).  Errors:
/// `ZeroDivisionError("0.0 cannot be raised to a negative power")`,
/// `OverflowError("(34, 'Numerical result out of range')")` when the result
/// overflows, and [`NumError::ComplexResult`] for a negative base with a
/// non-integral exponent (CPython returns a complex there).
pub fn float_pow(iv: f64, iw: f64) -> Result<f64, NumError> {
    if iw == 0.0 {
        return Ok(1.0); // v**0 is 1, even 0**0 and nan**0
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return Ok(if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd { iv } else { iv.abs() }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(zero_div("0.0 cannot be raised to a negative power"));
        }
        return Ok(if is_odd_integer(iw) { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Err(NumError::ComplexResult);
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    // Finite base > 0, != 1, finite non-zero exponent: libm pow (glibc,
    // as CPython uses), whose only reported range error that CPython keeps
    // is overflow to infinity.
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(NumError::Overflow("(34, 'Numerical result out of range')".to_owned()));
    }
    Ok(if negate { -r } else { r })
}

/// `a // b` for ints that fit in `i64`.  `Ok(None)` when the result does not
/// fit (`i64::MIN // -1`), so the caller redoes it with big ints.
/// `ZeroDivisionError("integer division or modulo by zero")`.
pub fn i64_floordiv(a: i64, b: i64) -> Result<Option<i64>, NumError> {
    if b == 0 {
        return Err(zero_div("integer division or modulo by zero"));
    }
    if a == i64::MIN && b == -1 {
        return Ok(None);
    }
    Ok(Some(Integer::div_floor(&a, &b)))
}

/// `a % b` for `i64` ints: result has the divisor's sign; never overflows.
/// `ZeroDivisionError("integer modulo by zero")`.
pub fn i64_mod(a: i64, b: i64) -> Result<i64, NumError> {
    if b == 0 {
        return Err(zero_div("integer modulo by zero"));
    }
    if b == -1 {
        return Ok(0); // avoids the i64::MIN % -1 overflow
    }
    Ok(a.mod_floor(&b))
}

/// `divmod(a, b)` for `i64` ints; `Ok(None)` when the quotient overflows.
pub fn i64_divmod(a: i64, b: i64) -> Result<Option<(i64, i64)>, NumError> {
    if b == 0 {
        return Err(zero_div("integer division or modulo by zero"));
    }
    if a == i64::MIN && b == -1 {
        return Ok(None);
    }
    Ok(Some(a.div_mod_floor(&b)))
}

/// `a // b` for big ints (floor division).
pub fn bigint_floordiv(a: &BigInt, b: &BigInt) -> Result<BigInt, NumError> {
    if b.is_zero() {
        return Err(zero_div("integer division or modulo by zero"));
    }
    Ok(a.div_floor(b))
}

/// `a % b` for big ints (result has the divisor's sign).
pub fn bigint_mod(a: &BigInt, b: &BigInt) -> Result<BigInt, NumError> {
    if b.is_zero() {
        return Err(zero_div("integer modulo by zero"));
    }
    Ok(a.mod_floor(b))
}

/// `divmod(a, b)` for big ints.
pub fn bigint_divmod(a: &BigInt, b: &BigInt) -> Result<(BigInt, BigInt), NumError> {
    if b.is_zero() {
        return Err(zero_div("integer division or modulo by zero"));
    }
    Ok(a.div_mod_floor(b))
}
