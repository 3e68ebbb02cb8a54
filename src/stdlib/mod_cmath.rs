//! The `cmath` module: complex versions of the math functions, computed
//! with CPython 3.11's formulas (scaled where a naive one would overflow,
//! the branch cuts of Kahan's paper), and its ValueError / OverflowError
//! for a domain error (`log(0)`, `atanh(1)`) or a result out of range.

use std::f64::consts::{E, LN_2, PI};
use std::sync::Arc;

use super::def;
use super::types_containers::builtin_of;
use crate::object::complex::Complex;
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::numfmt::libm::asinh as asinh_;
use crate::object::value::Value;
use crate::vm::{Args, PyErr, PyResult, Vm};

/// Why a function has no result (C's errno in CPython's cmath).
enum Fail {
    Domain,
    Range,
}

type R = Result<Complex, Fail>;
/// A cmath function of one complex argument.
type CFn = fn(Complex) -> R;

const LARGE: f64 = f64::MAX / 4.0;
/// ln(LARGE): past it, exp/cosh/sinh are computed from x - 1 to avoid an
/// early overflow.
fn log_large() -> f64 {
    LARGE.ln()
}
fn sqrt_large() -> f64 {
    LARGE.sqrt()
}
const SCALE_UP: i32 = 53;
const SCALE_DOWN: i32 = -27;

fn c(re: f64, im: f64) -> Complex {
    Complex::new(re, im)
}

fn ldexp(x: f64, e: i32) -> f64 {
    x * 2f64.powi(e)
}

fn finite(z: Complex) -> bool {
    z.re.is_finite() && z.im.is_finite()
}

/// An overflow when finite input gave an infinite part.
fn range_check(z: Complex) -> R {
    if z.re.is_infinite() || z.im.is_infinite() { Err(Fail::Range) } else { Ok(z) }
}

fn sqrt(z: Complex) -> R {
    if !finite(z) {
        // C99 Annex G.
        return Ok(if z.im.is_infinite() {
            c(f64::INFINITY, z.im)
        } else if z.re == f64::NEG_INFINITY {
            if z.im.is_nan() { c(f64::NAN, f64::INFINITY) } else { c(0.0, f64::INFINITY.copysign(z.im)) }
        } else if z.re == f64::INFINITY {
            if z.im.is_nan() { c(f64::INFINITY, f64::NAN) } else { c(f64::INFINITY, 0f64.copysign(z.im)) }
        } else {
            c(f64::NAN, f64::NAN)
        });
    }
    if z.re == 0.0 && z.im == 0.0 {
        return Ok(c(0.0, z.im));
    }
    let (mut ax, ay) = (z.re.abs(), z.im.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        ax = ldexp(ax, SCALE_UP);
        ldexp((ax + ax.hypot(ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    Ok(if z.re >= 0.0 { c(s, d.copysign(z.im)) } else { c(d, s.copysign(z.im)) })
}

fn exp(z: Complex) -> R {
    if !finite(z) {
        if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            return Ok(if z.re > 0.0 {
                c(f64::INFINITY.copysign(z.im.cos()), f64::INFINITY.copysign(z.im.sin()))
            } else {
                c(0f64.copysign(z.im.cos()), 0f64.copysign(z.im.sin()))
            });
        }
        if z.re.is_infinite() && z.im == 0.0 {
            return Ok(c(z.re.exp(), z.im));
        }
        if z.re == f64::NEG_INFINITY {
            return Ok(c(0.0, 0.0));
        }
        if z.im.is_infinite() && (z.re.is_finite() || z.re == f64::INFINITY) {
            return Err(Fail::Domain);
        }
        if z.re == f64::INFINITY {
            return Ok(c(f64::INFINITY, f64::NAN));
        }
        if z.re.is_nan() && z.im == 0.0 {
            return Ok(c(f64::NAN, z.im));
        }
        return Ok(c(f64::NAN, f64::NAN));
    }
    let r = if z.re > log_large() {
        let l = (z.re - 1.0).exp();
        c(l * z.im.cos() * E, l * z.im.sin() * E)
    } else {
        let l = z.re.exp();
        c(l * z.im.cos(), l * z.im.sin())
    };
    range_check(r)
}

fn log(z: Complex) -> R {
    if !finite(z) {
        return Ok(if z.re.is_infinite() || z.im.is_infinite() {
            c(f64::INFINITY, z.im.atan2(z.re))
        } else {
            c(f64::NAN, f64::NAN)
        });
    }
    let (ax, ay) = (z.re.abs(), z.im.abs());
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            ldexp(ax, 53).hypot(ldexp(ay, 53)).ln() - 53.0 * LN_2
        } else {
            return Err(Fail::Domain);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    Ok(c(re, z.im.atan2(z.re)))
}

/// `cosh` or `sinh` of an infinite or NaN argument (C99 Annex G, as
/// CPython answers): an infinite imaginary part is a domain error unless
/// the real part is a NaN.
fn hyperbolic_special(z: Complex, is_sinh: bool) -> R {
    let (x, y) = (z.re, z.im);
    if y.is_infinite() && !x.is_nan() {
        return Err(Fail::Domain);
    }
    if x.is_infinite() {
        let sx = 1f64.copysign(x);
        return Ok(if y.is_nan() {
            c(f64::INFINITY, f64::NAN)
        } else if y == 0.0 {
            if is_sinh { c(x, y) } else { c(f64::INFINITY, y * sx) }
        } else if is_sinh {
            c(f64::INFINITY.copysign(y.cos()) * sx, f64::INFINITY.copysign(y.sin()))
        } else {
            c(f64::INFINITY.copysign(y.cos()), f64::INFINITY.copysign(y.sin()) * sx)
        });
    }
    if x.is_nan() {
        return Ok(if y == 0.0 { c(f64::NAN, if is_sinh { y } else { 0.0 }) } else { c(f64::NAN, f64::NAN) });
    }
    // x finite, y NaN.
    Ok(if x == 0.0 { if is_sinh { c(0.0, f64::NAN) } else { c(f64::NAN, 0.0) } } else { c(f64::NAN, f64::NAN) })
}

fn cosh(z: Complex) -> R {
    if !finite(z) {
        return hyperbolic_special(z, false);
    }
    let r = if z.re.abs() > log_large() {
        let x1 = z.re - 1f64.copysign(z.re);
        c(z.im.cos() * x1.cosh() * E, z.im.sin() * x1.sinh() * E)
    } else {
        c(z.im.cos() * z.re.cosh(), z.im.sin() * z.re.sinh())
    };
    if finite(z) { range_check(r) } else { Ok(r) }
}

fn sinh(z: Complex) -> R {
    if !finite(z) {
        return hyperbolic_special(z, true);
    }
    let r = if z.re.abs() > log_large() {
        let x1 = z.re - 1f64.copysign(z.re);
        c(z.im.cos() * x1.sinh() * E, z.im.sin() * x1.cosh() * E)
    } else {
        c(z.im.cos() * z.re.sinh(), z.im.sin() * z.re.cosh())
    };
    if finite(z) { range_check(r) } else { Ok(r) }
}

fn tanh(z: Complex) -> R {
    if !finite(z) {
        let (x, y) = (z.re, z.im);
        if x.is_infinite() {
            let im = if y.is_finite() { 0f64.copysign(2.0 * y.sin() * y.cos()) } else { 0.0 };
            return Ok(c(1f64.copysign(x), im));
        }
        if y.is_infinite() && x.is_finite() {
            return Err(Fail::Domain);
        }
        return Ok(if x.is_nan() && y == 0.0 { c(f64::NAN, y) } else { c(f64::NAN, f64::NAN) });
    }
    if z.re.abs() > log_large() {
        return Ok(c(1f64.copysign(z.re), 4.0 * z.im.sin() * z.im.cos() * (-2.0 * z.re.abs()).exp()));
    }
    let (tx, ty) = (z.re.tanh(), z.im.tan());
    let cx = 1.0 / z.re.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    Ok(c(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx))
}

fn asinh(z: Complex) -> R {
    if !finite(z) {
        let (x, y) = (z.re, z.im);
        return Ok(if x.is_infinite() {
            if y.is_nan() {
                c(x, f64::NAN)
            } else if y.is_infinite() {
                c(x, (PI / 4.0).copysign(y))
            } else {
                c(x, 0f64.copysign(y))
            }
        } else if y.is_infinite() {
            if x.is_nan() { c(f64::INFINITY, f64::NAN) } else { c(f64::INFINITY.copysign(x), (PI / 2.0).copysign(y)) }
        } else if x.is_nan() && y == 0.0 {
            c(f64::NAN, y)
        } else {
            c(f64::NAN, f64::NAN)
        });
    }
    if z.re.abs() > LARGE || z.im.abs() > LARGE {
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0;
        let re = if z.im >= 0.0 { l.copysign(z.re) } else { -l.copysign(-z.re) };
        return Ok(c(re, z.im.atan2(z.re.abs())));
    }
    let s1 = sqrt(c(1.0 + z.im, -z.re))?;
    let s2 = sqrt(c(1.0 - z.im, z.re))?;
    Ok(c(asinh_(s1.re * s2.im - s2.re * s1.im), z.im.atan2(s1.re * s2.re - s1.im * s2.im)))
}

fn acos(z: Complex) -> R {
    if !finite(z) {
        let (x, y) = (z.re, z.im);
        let neg_inf_y = -f64::INFINITY.copysign(y);
        return Ok(if x.is_infinite() {
            if y.is_nan() {
                c(f64::NAN, f64::INFINITY)
            } else if y.is_infinite() {
                c(if x < 0.0 { 3.0 * PI / 4.0 } else { PI / 4.0 }, neg_inf_y)
            } else {
                c(if x < 0.0 { PI } else { 0.0 }, neg_inf_y)
            }
        } else if y.is_infinite() {
            c(if x.is_nan() { f64::NAN } else { PI / 2.0 }, neg_inf_y)
        } else if x == 0.0 {
            c(PI / 2.0, f64::NAN)
        } else {
            c(f64::NAN, f64::NAN)
        });
    }
    if z.re.abs() > LARGE || z.im.abs() > LARGE {
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0;
        let im = if z.re < 0.0 { -l.copysign(z.im) } else { l.copysign(-z.im) };
        return Ok(c(z.im.abs().atan2(z.re), im));
    }
    let s1 = sqrt(c(1.0 - z.re, -z.im))?;
    let s2 = sqrt(c(1.0 + z.re, z.im))?;
    Ok(c(2.0 * s1.re.atan2(s2.re), asinh_(s2.re * s1.im - s2.im * s1.re)))
}

fn acosh(z: Complex) -> R {
    if !finite(z) {
        let (x, y) = (z.re, z.im);
        return Ok(if x.is_infinite() {
            if y.is_nan() {
                c(f64::INFINITY, f64::NAN)
            } else if y.is_infinite() {
                c(f64::INFINITY, (if x < 0.0 { 3.0 * PI / 4.0 } else { PI / 4.0 }).copysign(y))
            } else {
                c(f64::INFINITY, (if x < 0.0 { PI } else { 0.0 }).copysign(y))
            }
        } else if y.is_infinite() {
            if x.is_nan() { c(f64::INFINITY, f64::NAN) } else { c(f64::INFINITY, (PI / 2.0).copysign(y)) }
        } else {
            c(f64::NAN, f64::NAN)
        });
    }
    if z.re.abs() > LARGE || z.im.abs() > LARGE {
        return Ok(c((z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0, z.im.atan2(z.re)));
    }
    let s1 = sqrt(c(z.re - 1.0, z.im))?;
    let s2 = sqrt(c(z.re + 1.0, z.im))?;
    Ok(c(asinh_(s1.re * s2.re + s1.im * s2.im), 2.0 * s1.im.atan2(s2.re)))
}

fn atanh(z: Complex) -> R {
    if !finite(z) {
        let (x, y) = (z.re, z.im);
        return Ok(if y.is_infinite() {
            // A NaN real part gives +0 whatever its sign bit.
            c(if x.is_nan() { 0.0 } else { 0f64.copysign(x) }, (PI / 2.0).copysign(y))
        } else if x.is_infinite() {
            c(0f64.copysign(x), if y.is_nan() { f64::NAN } else { (PI / 2.0).copysign(y) })
        } else if x == 0.0 {
            c(x, f64::NAN)
        } else {
            c(f64::NAN, f64::NAN)
        });
    }
    if z.re < 0.0 {
        return atanh(-z).map(|r| -r);
    }
    let ay = z.im.abs();
    if z.re > sqrt_large() || ay > sqrt_large() {
        let h = (z.re / 2.0).hypot(z.im / 2.0);
        return Ok(c(z.re / 4.0 / h / h, -(PI / 2.0).copysign(-z.im)));
    }
    if z.re == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            return Err(Fail::Domain);
        }
        return Ok(c(-(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(), (2f64.atan2(-ay) / 2.0).copysign(z.im)));
    }
    Ok(c(
        (4.0 * z.re / ((1.0 - z.re) * (1.0 - z.re) + ay * ay)).ln_1p() / 4.0,
        -(-2.0 * z.im).atan2((1.0 - z.re) * (1.0 + z.re) - ay * ay) / 2.0,
    ))
}

/// `f(i z)` rotated back: sin, tan, asin and atan from their hyperbolic twins.
fn rotated(f: CFn, z: Complex) -> R {
    let s = f(c(-z.im, z.re))?;
    Ok(c(s.im, -s.re))
}

fn sin(z: Complex) -> R {
    rotated(sinh, z)
}
fn tan(z: Complex) -> R {
    rotated(tanh, z)
}
fn asin(z: Complex) -> R {
    rotated(asinh, z)
}
fn atan(z: Complex) -> R {
    rotated(atanh, z)
}
fn cos(z: Complex) -> R {
    cosh(c(-z.im, z.re))
}

fn fail(vm: &Vm, f: Fail) -> PyErr {
    match f {
        Fail::Domain => vm.value_error("math domain error"),
        Fail::Range => vm.overflow_error("math range error"),
    }
}

/// A cmath argument: a complex, a real number, or an object with
/// `__complex__`, `__float__` or `__index__`.
fn arg(vm: &mut Vm, v: &Value) -> PyResult<Complex> {
    match builtin_of(v) {
        Value::Cplx(z) => return Ok(*z),
        Value::Int(_) | Value::Boolean(_) | Value::BigInt(_) | Value::Flt(_) => {
            if let Some(z) = vm.as_complex(&builtin_of(v))? {
                return Ok(z);
            }
        }
        _ => {}
    }
    let cls = vm.class_of(v);
    if let Some(m) = cls.lookup_user("__complex__") {
        let r = vm.call_method_value(&m, v.clone(), vec![])?;
        if let Value::Cplx(z) = builtin_of(&r) {
            return Ok(*z);
        }
        let tn = vm.type_name(&r);
        return Err(vm.type_error(&format!("__complex__ returned non-complex (type {tn})")));
    }
    if cls.lookup_user("__float__").is_some() || cls.lookup_user("__index__").is_some() {
        return Ok(c(vm.to_float(v)?, 0.0));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!("must be real number, not {tn}")))
}

fn one_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Complex> {
    a.no_kw(vm, &format!("cmath.{name}"))?;
    if a.pos.len() != 1 {
        return Err(vm.type_error(&format!("cmath.{name}() takes exactly one argument ({} given)", a.pos.len())));
    }
    arg(vm, &a.pos[0])
}

fn cfunc(d: &Dict, name: &'static str, f: CFn) {
    def(d, name, move |vm, a| {
        let z = one_arg(vm, &a, name)?;
        let r = f(z).map_err(|e| fail(vm, e))?;
        Ok(Value::Cplx(Arc::new(r)))
    });
}

fn log_fn(vm: &mut Vm, a: Args) -> PyResult {
    a.no_kw(vm, "log")?;
    if a.pos.is_empty() || a.pos.len() > 2 {
        let n = a.pos.len();
        return Err(vm.type_error(&if n == 0 {
            "log expected at least 1 argument, got 0".to_string()
        } else {
            format!("log expected at most 2 arguments, got {n}")
        }));
    }
    let z = arg(vm, &a.pos[0])?;
    let mut r = log(z).map_err(|e| fail(vm, e))?;
    if let Some(b) = a.pos.get(1) {
        let b = arg(vm, b)?;
        let lb = log(b).map_err(|e| fail(vm, e))?;
        r = r.quot(lb).map_err(|_| vm.zero_division("complex division by zero"))?;
    }
    Ok(Value::Cplx(Arc::new(r)))
}

fn isclose(vm: &mut Vm, mut a: Args) -> PyResult {
    let rel = match a.take_kw("rel_tol") {
        Some(v) => vm.to_float(&v)?,
        None => 1e-9,
    };
    let abs_tol = match a.take_kw("abs_tol") {
        Some(v) => vm.to_float(&v)?,
        None => 0.0,
    };
    a.no_extra_kw(vm, "isclose")?;
    if a.pos.len() != 2 {
        return Err(vm.type_error(&format!("isclose() takes exactly 2 positional arguments ({} given)", a.pos.len())));
    }
    let (x, y) = (arg(vm, &a.pos[0])?, arg(vm, &a.pos[1])?);
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.re.is_infinite() || x.im.is_infinite() || y.re.is_infinite() || y.im.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let modulus = |z: Complex| z.re.hypot(z.im);
    let diff = modulus(x - y);
    Ok(Value::Bool(diff <= rel * modulus(y) || diff <= rel * modulus(x) || diff <= abs_tol))
}

/// Creates the `cmath` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("cmath"));
    d.set_item_str("pi", Value::Float(PI));
    d.set_item_str("e", Value::Float(E));
    d.set_item_str("tau", Value::Float(std::f64::consts::TAU));
    d.set_item_str("inf", Value::Float(f64::INFINITY));
    d.set_item_str("nan", Value::Float(f64::NAN));
    d.set_item_str("infj", Value::complex(0.0, f64::INFINITY));
    d.set_item_str("nanj", Value::complex(0.0, f64::NAN));
    let table: [(&'static str, CFn); 15] = [
        ("sqrt", sqrt),
        ("exp", exp),
        ("log10", |z| log(z).map(|l| c(l.re / std::f64::consts::LN_10, l.im / std::f64::consts::LN_10))),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("asinh", asinh),
        ("acosh", acosh),
        ("atanh", atanh),
    ];
    for (name, f) in table {
        cfunc(&d, name, f);
    }
    def(&d, "log", log_fn);
    def(&d, "phase", |vm, a| {
        let z = one_arg(vm, &a, "phase")?;
        let r = z.im.atan2(z.re);
        // C's atan2 reports an angle that underflows to zero (ERANGE).
        if r == 0.0 && z.im != 0.0 && finite(z) {
            return Err(vm.overflow_error("math range error"));
        }
        Ok(Value::Float(r))
    });
    def(&d, "polar", |vm, a| {
        let z = one_arg(vm, &a, "polar")?;
        let r = z.abs().map_err(|_| vm.overflow_error("math range error"))?;
        Ok(Value::tuple(vec![Value::Float(r), Value::Float(z.im.atan2(z.re))]))
    });
    def(&d, "rect", |vm, a| {
        a.no_kw(vm, "rect")?;
        if a.pos.len() != 2 {
            return Err(vm.type_error(&format!("rect expected 2 arguments, got {}", a.pos.len())));
        }
        let (r, phi) = (real(vm, &a.pos[0])?, real(vm, &a.pos[1])?);
        if r.is_finite() && phi.is_finite() {
            // A zero radius keeps the sign of the angle's parts.
            return Ok(Value::complex(r * phi.cos(), r * phi.sin()));
        }
        if r.is_infinite() && phi.is_infinite() {
            return Err(vm.value_error("math domain error"));
        }
        if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let (re, im) = (r * phi.cos(), r * phi.sin());
            return Ok(Value::complex(re, im));
        }
        if r.is_infinite() && phi == 0.0 {
            return Ok(Value::complex(r, phi * r.signum()));
        }
        if r == 0.0 {
            return Ok(Value::complex(0.0, 0.0));
        }
        Ok(Value::complex(f64::NAN, f64::NAN))
    });
    def(&d, "isfinite", |vm, a| {
        let z = one_arg(vm, &a, "isfinite")?;
        Ok(Value::Bool(finite(z)))
    });
    def(&d, "isinf", |vm, a| {
        let z = one_arg(vm, &a, "isinf")?;
        Ok(Value::Bool(z.re.is_infinite() || z.im.is_infinite()))
    });
    def(&d, "isnan", |vm, a| {
        let z = one_arg(vm, &a, "isnan")?;
        Ok(Value::Bool(z.re.is_nan() || z.im.is_nan()))
    });
    def(&d, "isclose", isclose);
    let _ = vm;
    Ok(Value::Module(Arc::new(Module::new(Arc::from("cmath"), d))))
}

/// A real argument (rect's radius and angle).
fn real(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match builtin_of(v) {
        Value::Cplx(_) => Err(vm.type_error("must be real number, not complex")),
        Value::Int(_) | Value::Boolean(_) | Value::BigInt(_) | Value::Flt(_) => vm.to_float(v),
        _ => {
            let cls = vm.class_of(v);
            if cls.lookup_user("__float__").is_some() || cls.lookup_user("__index__").is_some() {
                return vm.to_float(v);
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("must be real number, not {tn}")))
        }
    }
}
