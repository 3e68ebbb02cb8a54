//! The `math` module.

use std::sync::Arc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::def;
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::numfmt::libm;
use crate::object::value::Value;
use crate::parse::ast::BinOp;
use crate::vm::numeric::to_big;
use crate::vm::{Args, PyErr, PyResult, Vm};

fn domain(vm: &Vm) -> PyErr {
    vm.value_error("math domain error")
}

fn range_err(vm: &Vm) -> PyErr {
    vm.overflow_error("math range error")
}

/// A real-number argument as f64 (ints, floats, `__float__`/`__index__`).
fn real(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Flt(f) => Ok(f.get()),
        Value::Int(i) => Ok(*i as f64),
        Value::Boolean(b) => Ok(b.get() as i64 as f64),
        Value::BigInt(b) => {
            b.to_f64().filter(|f| f.is_finite()).ok_or_else(|| vm.overflow_error("int too large to convert to float"))
        }
        Value::Instance(_) => vm.to_float(v),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("must be real number, not {tn}")))
        }
    }
}

/// An integer argument (ints and `__index__`).
fn integer(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<BigInt> {
    if let Some(b) = to_big(v) {
        return Ok(b);
    }
    if let Value::Instance(inst) = v {
        if inst.class.lookup_user("__index__").is_some() {
            let r = vm.call_method(v, "__index__", vec![])?;
            if let Some(b) = to_big(&r) {
                return Ok(b);
            }
        }
        if let Some(p) = inst.builtin_value()
            && let Some(b) = to_big(p)
        {
            return Ok(b);
        }
    }
    let tn = vm.type_name(v);
    let _ = fname;
    Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")))
}

/// Exactly `n` positional arguments, in CPython's words: a one-argument function is
/// `METH_O` (`math.floor() takes exactly one argument (0 given)`), the others are
/// Argument Clinic's (`pow expected 2 arguments, got 0`).
fn arg(vm: &mut Vm, a: &Args, fname: &str, n: usize) -> PyResult<()> {
    let got = a.pos.len();
    if got == n {
        return Ok(());
    }
    let msg = if n == 1 {
        format!("math.{fname}() takes exactly one argument ({got} given)")
    } else {
        format!("{fname} expected {n} arguments, got {got}")
    };
    Err(vm.type_error(&msg))
}

fn checked(vm: &Vm, x: f64, r: f64) -> PyResult {
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(range_err(vm));
    }
    Ok(Value::Float(r))
}

fn f1(d: &Dict, name: &'static str, f: fn(f64) -> f64) {
    def(d, name, move |vm, a| {
        arg(vm, &a, name, 1)?;
        let x = real(vm, &a.pos[0])?;
        checked(vm, x, f(x))
    });
}

/// A function whose infinite result from a finite argument is a pole, not
/// an overflow (CPython's `math_1` with `can_overflow` 0: `atanh(1.0)`,
/// `log1p(-1.0)` raise ValueError).
fn f1_pole(d: &Dict, name: &'static str, f: fn(f64) -> f64) {
    def(d, name, move |vm, a| {
        arg(vm, &a, name, 1)?;
        let x = real(vm, &a.pos[0])?;
        let r = f(x);
        if r.is_infinite() && x.is_finite() {
            return Err(domain(vm));
        }
        checked(vm, x, r)
    });
}

/// A function with no error checks (`degrees`, `radians`: a product).
fn f1_plain(d: &Dict, name: &'static str, f: fn(f64) -> f64) {
    def(d, name, move |vm, a| {
        arg(vm, &a, name, 1)?;
        let x = real(vm, &a.pos[0])?;
        Ok(Value::Float(f(x)))
    });
}

/// `log2`/`log10` of an int or float: a big int beyond the float range
/// as CPython's `loghelper`, zero and negatives (of any size) a domain error.
fn log_of(vm: &mut Vm, v: &Value, func: fn(f64) -> f64) -> PyResult {
    if let Some(b) = to_big(v) {
        if !b.is_positive() {
            return Err(domain(vm));
        }
        if b.to_f64().is_none_or(|f| !f.is_finite()) {
            return Ok(Value::Float(big_log(&b, func)));
        }
    }
    let x = real(vm, v)?;
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(Value::Float(func(x)))
}

/// C99's `pow` with CPython's own handling of the IEEE specials
/// (`math_pow`): `0.0 ** -inf` is inf, `(-8) ** 0.5` a domain error.
fn pow_f(vm: &Vm, x: f64, y: f64) -> PyResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && y.abs() % 2.0 == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(r);
    }
    let r = x.powf(y);
    if r.is_nan() || (r.is_infinite() && x == 0.0) {
        return Err(domain(vm));
    }
    if r.is_infinite() {
        return Err(range_err(vm));
    }
    Ok(r)
}

/// IEEE 754 remainder, as CPython's `m_remainder` (exact, sign kept).
fn remainder_f(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (absx, absy) = (x.abs(), y.abs());
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

/// `math.log` of any int or float (big ints beyond f64 range work too).
/// `func(b)` for a positive int too large for a float, as CPython's
/// `loghelper`: b = x * 2**e with 0.5 <= x < 1, so func(x) + func(2) * e.
fn big_log(b: &BigInt, func: fn(f64) -> f64) -> f64 {
    let shift = b.bits().saturating_sub(53);
    let x = (b >> shift).to_f64().unwrap_or(1.0) / 2f64.powi(53);
    func(x) + func(2.0) * (shift + 53) as f64
}

fn ln(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(b) = to_big(v) {
        if !b.is_positive() {
            return Err(domain(vm));
        }
        if let Some(f) = b.to_f64().filter(|f| f.is_finite()) {
            return Ok(f.ln());
        }
        return Ok(big_log(&b, f64::ln));
    }
    let x = real(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(x.ln())
}

/// Exact sum of floats (Shewchuk's algorithm, as in CPython's fsum).
fn fsum(vm: &mut Vm, items: Vec<Value>) -> PyResult<f64> {
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    for v in items {
        let mut x = real(vm, &v)?;
        if !x.is_finite() {
            if x.is_infinite() {
                inf_sum += x;
            }
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x.is_infinite() {
            return Err(vm.overflow_error("intermediate overflow in fsum"));
        }
        // CPython keeps no zero partial, so a sum of -0.0s is 0.0.
        if x != 0.0 {
            partials.push(x);
        }
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(special);
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(0).filter(|n| *n > 0) {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

fn float_to_int(vm: &mut Vm, f: f64) -> PyResult {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    vm.to_int(&Value::Float(f))
}

fn rounding(vm: &mut Vm, a: &Args, name: &'static str, dunder: &str, f: fn(f64) -> f64) -> PyResult {
    arg(vm, a, name, 1)?;
    let v = &a.pos[0];
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Boolean(b) => Ok(Value::Int(b.get() as i64)),
        Value::Flt(x) => float_to_int(vm, f(x.get())),
        _ => {
            if vm.class_of(v).lookup(dunder).is_some() {
                return vm.call_method(v, dunder, vec![]);
            }
            // trunc has no `__float__` fallback (floor and ceil do).
            if name == "trunc" {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("type {tn} doesn't define __trunc__ method")));
            }
            let x = real(vm, v)?;
            float_to_int(vm, f(x))
        }
    }
}

/// `lo * (lo+1) * … * (lo+count-1)`, multiplied as a balanced tree so
/// the big multiplications pair numbers of similar size (a left-to-right
/// loop is quadratic: `factorial(10**6)` would take minutes).
fn product_run(lo: &BigInt, count: u64) -> BigInt {
    match count {
        0 => BigInt::one(),
        1 => lo.clone(),
        2 => lo * (lo + 1u32),
        _ => {
            let half = count / 2;
            product_run(lo, half) * product_run(&(lo + half), count - half)
        }
    }
}

fn factorial(n: u64) -> BigInt {
    product_run(&BigInt::one(), n)
}

/// `perm(n, k)`: the product of the `k` numbers up to `n`.
fn perm_big(n: &BigInt, k: u64) -> BigInt {
    product_run(&(n - k + 1u32), k)
}

/// A result of about `bits` bits must fit in memory before the work starts.
fn check_result_bits(vm: &Vm, bits: f64) -> PyResult<()> {
    vm.check_alloc(if bits.is_finite() { (bits / 8.0) as u128 } else { u128::MAX })
}

/// Creates the `math` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("math"));
    d.set_item_str("pi", Value::Float(std::f64::consts::PI));
    d.set_item_str("e", Value::Float(std::f64::consts::E));
    d.set_item_str("tau", Value::Float(std::f64::consts::TAU));
    d.set_item_str("inf", Value::Float(f64::INFINITY));
    d.set_item_str("nan", Value::Float(f64::NAN));
    f1_pole(&d, "sqrt", f64::sqrt);
    f1(&d, "exp", f64::exp);
    f1(&d, "expm1", f64::exp_m1);
    f1_pole(&d, "fabs", f64::abs);
    f1_pole(&d, "sin", f64::sin);
    f1_pole(&d, "cos", f64::cos);
    f1_pole(&d, "tan", f64::tan);
    f1_pole(&d, "asin", f64::asin);
    f1_pole(&d, "acos", f64::acos);
    f1_pole(&d, "atan", f64::atan);
    f1(&d, "sinh", f64::sinh);
    f1(&d, "cosh", f64::cosh);
    f1_pole(&d, "tanh", f64::tanh);
    f1_pole(&d, "asinh", libm::asinh);
    f1_pole(&d, "acosh", libm::acosh);
    f1_pole(&d, "atanh", libm::atanh);
    f1_plain(&d, "degrees", f64::to_degrees);
    f1_plain(&d, "radians", f64::to_radians);
    f1_pole(&d, "log1p", f64::ln_1p);
    f1_pole(&d, "erf", libm::erf);
    f1_pole(&d, "erfc", libm::erfc);
    f1_pole(&d, "cbrt", libm::cbrt);
    f1(&d, "exp2", f64::exp2);
    // gamma and lgamma: poles at zero and the negative integers are domain
    // errors, as CPython. The values come from C's tgamma/lgamma, where
    // CPython has its own Lanczos sum: they can differ in the last bit.
    def(&d, "gamma", |vm, a| {
        arg(vm, &a, "gamma", 1)?;
        let x = real(vm, &a.pos[0])?;
        if x.is_finite() && x <= 0.0 && x == x.floor() || x == f64::NEG_INFINITY {
            return Err(domain(vm));
        }
        checked(vm, x, libm::tgamma(x))
    });
    def(&d, "lgamma", |vm, a| {
        arg(vm, &a, "lgamma", 1)?;
        let x = real(vm, &a.pos[0])?;
        if x.is_finite() && x <= 0.0 && x == x.floor() {
            return Err(domain(vm));
        }
        checked(vm, x, libm::lgamma(x))
    });
    def(&d, "nextafter", |vm, a| {
        arg(vm, &a, "nextafter", 2)?;
        let (x, y) = (real(vm, &a.pos[0])?, real(vm, &a.pos[1])?);
        Ok(Value::Float(libm::nextafter(x, y)))
    });
    def(&d, "ulp", |vm, a| {
        arg(vm, &a, "ulp", 1)?;
        let x = real(vm, &a.pos[0])?.abs();
        if x.is_nan() || x.is_infinite() {
            return Ok(Value::Float(x));
        }
        let up = libm::nextafter(x, f64::INFINITY);
        // The largest float has no next one: its ulp is the step below it.
        Ok(Value::Float(if up.is_infinite() { x - libm::nextafter(x, 0.0) } else { up - x }))
    });
    def(&d, "floor", |vm, a| rounding(vm, &a, "floor", "__floor__", f64::floor));
    def(&d, "ceil", |vm, a| rounding(vm, &a, "ceil", "__ceil__", f64::ceil));
    def(&d, "trunc", |vm, a| rounding(vm, &a, "trunc", "__trunc__", f64::trunc));
    def(&d, "log", |vm, a| {
        if !(1..=2).contains(&a.pos.len()) {
            return Err(vm.type_error("math.log requires 1 to 2 arguments"));
        }
        let x = ln(vm, &a.pos[0])?;
        match a.pos.get(1) {
            Some(b) => {
                let lb = ln(vm, b)?;
                if lb == 0.0 {
                    return Err(vm.zero_division("float division by zero"));
                }
                Ok(Value::Float(x / lb))
            }
            None => Ok(Value::Float(x)),
        }
    });
    def(&d, "log2", |vm, a| {
        arg(vm, &a, "log2", 1)?;
        log_of(vm, &a.pos[0], f64::log2)
    });
    def(&d, "log10", |vm, a| {
        arg(vm, &a, "log10", 1)?;
        log_of(vm, &a.pos[0], f64::log10)
    });
    def(&d, "pow", |vm, a| {
        arg(vm, &a, "pow", 2)?;
        let (x, y) = (real(vm, &a.pos[0])?, real(vm, &a.pos[1])?);
        Ok(Value::Float(pow_f(vm, x, y)?))
    });
    def(&d, "atan2", |vm, a| {
        arg(vm, &a, "atan2", 2)?;
        let (y, x) = (real(vm, &a.pos[0])?, real(vm, &a.pos[1])?);
        Ok(Value::Float(y.atan2(x)))
    });
    def(&d, "copysign", |vm, a| {
        arg(vm, &a, "copysign", 2)?;
        let (x, y) = (real(vm, &a.pos[0])?, real(vm, &a.pos[1])?);
        Ok(Value::Float(x.copysign(y)))
    });
    def(&d, "fmod", |vm, a| {
        arg(vm, &a, "fmod", 2)?;
        let (x, y) = (real(vm, &a.pos[0])?, real(vm, &a.pos[1])?);
        if y == 0.0 || x.is_infinite() {
            if x.is_nan() || y.is_nan() {
                return Ok(Value::Float(f64::NAN));
            }
            return Err(domain(vm));
        }
        Ok(Value::Float(x % y))
    });
    def(&d, "remainder", |vm, a| {
        arg(vm, &a, "remainder", 2)?;
        let (x, y) = (real(vm, &a.pos[0])?, real(vm, &a.pos[1])?);
        let r = remainder_f(x, y);
        if r.is_nan() && !x.is_nan() && !y.is_nan() {
            return Err(domain(vm));
        }
        Ok(Value::Float(r))
    });
    def(&d, "modf", |vm, a| {
        arg(vm, &a, "modf", 1)?;
        let x = real(vm, &a.pos[0])?;
        if x.is_infinite() {
            return Ok(Value::tuple(vec![Value::Float(0.0f64.copysign(x)), Value::Float(x)]));
        }
        let i = x.trunc();
        Ok(Value::tuple(vec![Value::Float((x - i).copysign(x)), Value::Float(i)]))
    });
    def(&d, "frexp", |vm, a| {
        arg(vm, &a, "frexp", 1)?;
        let x = real(vm, &a.pos[0])?;
        if x == 0.0 || !x.is_finite() {
            return Ok(Value::tuple(vec![Value::Float(x), Value::Int(0)]));
        }
        let mut e = x.abs().log2().floor() as i64 + 1;
        let mut m = x / 2f64.powi(e as i32);
        if m.abs() >= 1.0 {
            m /= 2.0;
            e += 1;
        } else if m.abs() < 0.5 {
            m *= 2.0;
            e -= 1;
        }
        if !m.is_finite() || m == 0.0 {
            // Subnormals: scale up first.
            let y = x * 2f64.powi(64);
            let e2 = y.abs().log2().floor() as i64 + 1;
            return Ok(Value::tuple(vec![Value::Float(y / 2f64.powi(e2 as i32)), Value::Int(e2 - 64)]));
        }
        Ok(Value::tuple(vec![Value::Float(m), Value::Int(e)]))
    });
    def(&d, "ldexp", |vm, a| {
        arg(vm, &a, "ldexp", 2)?;
        let x = real(vm, &a.pos[0])?;
        let e = integer(vm, &a.pos[1], "ldexp")?;
        let e = e.to_i64().unwrap_or(if e.is_negative() { i64::MIN } else { i64::MAX }).clamp(-20000, 20000);
        let mut r = x;
        let mut e = e as i32;
        while e > 1000 {
            r *= 2f64.powi(1000);
            e -= 1000;
        }
        while e < -1000 {
            r *= 2f64.powi(-1000);
            e += 1000;
        }
        r *= 2f64.powi(e);
        if r.is_infinite() && x.is_finite() {
            return Err(range_err(vm));
        }
        Ok(Value::Float(r))
    });
    def(&d, "isfinite", |vm, a| {
        arg(vm, &a, "isfinite", 1)?;
        Ok(Value::Bool(real(vm, &a.pos[0])?.is_finite()))
    });
    def(&d, "isinf", |vm, a| {
        arg(vm, &a, "isinf", 1)?;
        Ok(Value::Bool(real(vm, &a.pos[0])?.is_infinite()))
    });
    def(&d, "isnan", |vm, a| {
        arg(vm, &a, "isnan", 1)?;
        Ok(Value::Bool(real(vm, &a.pos[0])?.is_nan()))
    });
    def(&d, "isclose", |vm, mut a| {
        let rel = match a.take_kw("rel_tol") {
            Some(v) => real(vm, &v)?,
            None => 1e-9,
        };
        let abs = match a.take_kw("abs_tol") {
            Some(v) => real(vm, &v)?,
            None => 0.0,
        };
        a.no_extra_kw(vm, "isclose")?;
        a.check(vm, "isclose", 2, 2)?;
        if rel < 0.0 || abs < 0.0 {
            return Err(vm.value_error("tolerances must be non-negative"));
        }
        let (x, y) = (real(vm, &a.pos[0])?, real(vm, &a.pos[1])?);
        if x == y {
            return Ok(Value::Bool(true));
        }
        if x.is_infinite() || y.is_infinite() {
            return Ok(Value::Bool(false));
        }
        let diff = (y - x).abs();
        Ok(Value::Bool(diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs))
    });
    def(&d, "factorial", |vm, a| {
        arg(vm, &a, "factorial", 1)?;
        if let Value::Flt(_) = a.pos[0] {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
        }
        let n = integer(vm, &a.pos[0], "factorial")?;
        if n.is_negative() {
            return Err(vm.value_error("factorial() not defined for negative values"));
        }
        let n = n
            .to_i64()
            .ok_or_else(|| vm.overflow_error("factorial() argument should not exceed 9223372036854775807"))?;
        // log2(n!) < n * log2(n): refuse what cannot fit instead of computing for hours.
        check_result_bits(vm, n as f64 * (n.max(2) as f64).log2())?;
        Ok(Value::from_bigint(factorial(n as u64)))
    });
    def(&d, "gcd", |vm, a| {
        let mut g = BigInt::zero();
        for v in &a.pos {
            let x = integer(vm, v, "gcd")?;
            g = g.gcd(&x);
        }
        Ok(Value::from_bigint(g))
    });
    def(&d, "lcm", |vm, a| {
        let mut l = BigInt::one();
        for v in &a.pos {
            let x = integer(vm, v, "lcm")?;
            if x.is_zero() || l.is_zero() {
                l = BigInt::zero();
            } else {
                l = l.lcm(&x);
            }
        }
        Ok(Value::from_bigint(l.abs()))
    });
    def(&d, "isqrt", |vm, a| {
        arg(vm, &a, "isqrt", 1)?;
        let n = integer(vm, &a.pos[0], "isqrt")?;
        if n.is_negative() {
            return Err(vm.value_error("isqrt() argument must be nonnegative"));
        }
        Ok(Value::from_bigint(n.sqrt()))
    });
    def(&d, "comb", |vm, a| {
        arg(vm, &a, "comb", 2)?;
        let n = integer(vm, &a.pos[0], "comb")?;
        let k = integer(vm, &a.pos[1], "comb")?;
        if n.is_negative() {
            return Err(vm.value_error("n must be a non-negative integer"));
        }
        if k.is_negative() {
            return Err(vm.value_error("k must be a non-negative integer"));
        }
        if k > n {
            return Ok(Value::Int(0));
        }
        let k = if &n - &k < k { &n - &k } else { k };
        let k =
            k.to_i64().ok_or_else(|| vm.overflow_error("min(n - k, k) must not exceed 9223372036854775807"))? as u64;
        check_result_bits(vm, k as f64 * n.bits() as f64)?;
        Ok(Value::from_bigint(perm_big(&n, k) / factorial(k)))
    });
    def(&d, "perm", |vm, a| {
        a.check(vm, "perm", 1, 2)?;
        let n = integer(vm, &a.pos[0], "perm")?;
        let k = match a.pos.get(1) {
            Some(v) if !v.is_none() => integer(vm, v, "perm")?,
            _ => n.clone(),
        };
        if n.is_negative() {
            return Err(vm.value_error("n must be a non-negative integer"));
        }
        if k.is_negative() {
            return Err(vm.value_error("k must be a non-negative integer"));
        }
        if k > n {
            return Ok(Value::Int(0));
        }
        let k = k.to_i64().ok_or_else(|| vm.overflow_error("k must not exceed 9223372036854775807"))? as u64;
        check_result_bits(vm, k as f64 * n.bits() as f64)?;
        Ok(Value::from_bigint(perm_big(&n, k)))
    });
    def(&d, "prod", |vm, mut a| {
        let start = a.take_kw("start").unwrap_or(Value::Int(1));
        a.no_extra_kw(vm, "prod")?;
        a.check(vm, "prod", 1, 1)?;
        let items = vm.collect(&a.pos[0])?;
        let mut r = start;
        for x in items {
            r = vm.binary_op(&r, &x, BinOp::Mult)?;
        }
        Ok(r)
    });
    def(&d, "fsum", |vm, a| {
        arg(vm, &a, "fsum", 1)?;
        let items = vm.collect(&a.pos[0])?;
        Ok(Value::Float(fsum(vm, items)?))
    });
    def(&d, "hypot", |vm, a| {
        if !a.kw.is_empty() {
            return Err(vm.type_error("math.hypot() takes no keyword arguments"));
        }
        let mut xs = Vec::with_capacity(a.pos.len());
        for v in &a.pos {
            xs.push(real(vm, v)?.abs());
        }
        Ok(Value::Float(hypot(&xs)))
    });
    def(&d, "dist", |vm, a| {
        arg(vm, &a, "dist", 2)?;
        let p = vm.collect(&a.pos[0])?;
        let q = vm.collect(&a.pos[1])?;
        if p.len() != q.len() {
            return Err(vm.value_error("both points must have the same number of dimensions"));
        }
        let mut xs = Vec::with_capacity(p.len());
        for (x, y) in p.iter().zip(q.iter()) {
            xs.push((real(vm, x)? - real(vm, y)?).abs());
        }
        Ok(Value::Float(hypot(&xs)))
    });
    let _ = vm;
    Ok(Value::Module(Arc::new(Module::new(Arc::from("math"), d))))
}

/// Euclidean norm of non-negative values, as CPython 3.11's `vector_norm`:
/// scaled by a power of two (exact), squares split into high and low parts
/// (exact, with a fused multiply-add), summed around 1.0 so the high sum
/// stays exact, then one Newton correction of the square root. The result
/// is correctly rounded in nearly every case, and the same as CPython's.
fn hypot(xs: &[f64]) -> f64 {
    let max = xs.iter().cloned().fold(0.0, f64::max);
    if max.is_infinite() {
        return max;
    }
    if xs.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    if max == 0.0 || xs.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    if max_e < -1023 {
        // Subnormals: made normal first (2**-max_e would overflow).
        let scaled: Vec<f64> = xs.iter().map(|x| x / f64::MIN_POSITIVE).collect();
        return f64::MIN_POSITIVE * hypot(&scaled);
    }
    let scale = 2f64.powi(-max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &x in xs {
        let x = x * scale;
        let hi = x * x;
        let lo = x.mul_add(x, -hi);
        let s = csum + hi;
        frac2 += (csum - s) + hi;
        csum = s;
        frac1 += lo;
    }
    let h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let hi = -h * h;
    let lo = (-h).mul_add(h, -hi);
    let s = csum + hi;
    frac2 += (csum - s) + hi;
    csum = s;
    frac1 += lo;
    let x = csum - 1.0 + (frac1 + frac2);
    (h + x / (2.0 * h)) / scale
}

/// C's `frexp`: `x = m * 2**e` with 0.5 <= |m| < 1 (x finite, non-zero).
fn frexp(x: f64) -> (f64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}
