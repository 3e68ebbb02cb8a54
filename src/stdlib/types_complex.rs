//! The `complex` type: its constructor (numbers, strings, `__complex__`)
//! and methods, the arithmetic dunders as thin wrappers over the VM's
//! operators (so `complex.__add__(a, b)` and subclasses work).

use std::sync::Arc;

use super::method;
use super::types_containers::builtin_of;
use crate::object::complex::{Complex, parse_complex};
use crate::object::value::Value;
use crate::parse::ast::{BinOp, CmpOp};
use crate::vm::{Args, PyResult, Runtime, Vm};

/// Registers the complex type's methods.
pub fn register(rt: &Runtime) {
    let c = &rt.types.complex;
    method(c, "__new__", complex_new);
    method(c, "conjugate", |vm, a| {
        let z = recv(vm, &a, "conjugate")?;
        Ok(Value::complex(z.re, -z.im))
    });
    method(c, "__complex__", |vm, a| {
        let z = recv(vm, &a, "__complex__")?;
        Ok(Value::complex(z.re, z.im))
    });
    method(c, "__getnewargs__", |vm, a| {
        let z = recv(vm, &a, "__getnewargs__")?;
        Ok(Value::tuple(vec![Value::Float(z.re), Value::Float(z.im)]))
    });
    method(c, "__abs__", |vm, a| {
        let z = recv(vm, &a, "__abs__")?;
        z.abs().map(Value::Float).map_err(|_| vm.overflow_error("absolute value too large"))
    });
    method(c, "__bool__", |vm, a| {
        let z = recv(vm, &a, "__bool__")?;
        Ok(Value::Bool(z.re != 0.0 || z.im != 0.0))
    });
    method(c, "__neg__", |vm, a| Ok(Value::Cplx(Arc::new(-recv(vm, &a, "__neg__")?))));
    method(c, "__pos__", |vm, a| {
        let z = recv(vm, &a, "__pos__")?;
        Ok(Value::complex(z.re, z.im))
    });
    method(c, "__hash__", |vm, a| {
        let z = recv(vm, &a, "__hash__")?;
        Ok(Value::Int(vm.hash_value(&Value::complex(z.re, z.im))?))
    });
    method(c, "__repr__", |vm, a| Ok(Value::string(recv(vm, &a, "__repr__")?.repr())));
    method(c, "__format__", |vm, a| {
        let z = recv(vm, &a, "__format__")?;
        let spec = match a.pos.get(1) {
            Some(Value::Str(s)) => s.clone(),
            Some(other) => {
                let tn = vm.type_name(other);
                return Err(vm.type_error(&format!("__format__() argument must be str, not {tn}")));
            }
            None => return Err(vm.type_error("__format__() takes exactly one argument (0 given)")),
        };
        Ok(Value::string(vm.format_builtin(&a.pos[0], &Value::complex(z.re, z.im), spec.as_str())?))
    });
    let binops = [
        ("__add__", "__radd__", BinOp::Add),
        ("__sub__", "__rsub__", BinOp::Sub),
        ("__mul__", "__rmul__", BinOp::Mult),
        ("__truediv__", "__rtruediv__", BinOp::Div),
        ("__pow__", "__rpow__", BinOp::Pow),
    ];
    for (name, rname, op) in binops {
        method(c, name, move |vm, a| {
            let z = recv(vm, &a, name)?;
            if op == BinOp::Pow && a.pos.len() > 2 && !a.pos[2].is_none() {
                return Err(vm.value_error("complex modulo"));
            }
            let Some(o) = operand(vm, a.pos.get(1))? else { return Ok(Value::NotImplemented) };
            Ok(vm.complex_op(z, o, op)?.unwrap_or(Value::NotImplemented))
        });
        method(c, rname, move |vm, a| {
            let z = recv(vm, &a, rname)?;
            let Some(o) = operand(vm, a.pos.get(1))? else { return Ok(Value::NotImplemented) };
            Ok(vm.complex_op(o, z, op)?.unwrap_or(Value::NotImplemented))
        });
    }
    for (name, op) in super::RICH_COMPARISONS {
        method(c, name, move |vm, a| {
            let z = recv(vm, &a, name)?;
            let o = builtin_of(a.pos.get(1).unwrap_or(&Value::None));
            let numeric =
                matches!(o, Value::Int(_) | Value::Boolean(_) | Value::BigInt(_) | Value::Flt(_) | Value::Cplx(_));
            if !numeric || !matches!(op, CmpOp::Eq | CmpOp::NotEq) {
                return Ok(Value::NotImplemented);
            }
            vm.compare(&Value::complex(z.re, z.im), &o, op)
        });
    }
}

/// The complex receiver of a method (a subclass instance's payload too).
fn recv(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Complex> {
    match a.pos.first().map(builtin_of) {
        Some(Value::Cplx(z)) => Ok(*z),
        _ => {
            let tn = a.pos.first().map(|v| vm.type_name(v)).unwrap_or_else(|| "NoneType".into());
            Err(vm.type_error(&format!("descriptor '{name}' for 'complex' objects doesn't apply to a '{tn}' object")))
        }
    }
}

/// The other operand of a binary dunder as a complex; None when it is not
/// a number (the dunder answers NotImplemented).
fn operand(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<Complex>> {
    match v.map(builtin_of) {
        Some(o) => vm.as_complex(&o),
        None => Err(vm.type_error("expected 1 argument, got 0")),
    }
}

/// True for what `complex()` accepts as a number: a built-in number or an
/// object with `__float__`, `__index__` or `__complex__`.
fn is_number(vm: &Vm, v: &Value) -> bool {
    if matches!(builtin_of(v), Value::Int(_) | Value::Boolean(_) | Value::BigInt(_) | Value::Flt(_) | Value::Cplx(_)) {
        return true;
    }
    let cls = vm.class_of(v);
    ["__float__", "__index__", "__complex__"].iter().any(|m| cls.lookup_user(m).is_some())
}

/// `v.__complex__()` when its class defines it (the result must be a complex).
fn complex_special(vm: &mut Vm, v: &Value) -> PyResult<Option<Complex>> {
    if matches!(v, Value::Cplx(_)) {
        return Ok(None);
    }
    let Some(m) = vm.class_of(v).lookup_user("__complex__") else { return Ok(None) };
    let r = vm.call_method_value(&m, v.clone(), vec![])?;
    match builtin_of(&r) {
        Value::Cplx(z) => Ok(Some(*z)),
        _ => {
            let tn = vm.type_name(&r);
            Err(vm.type_error(&format!("__complex__ returned non-complex (type {tn})")))
        }
    }
}

/// `complex.__new__(cls, real=0, imag=0)`.
fn complex_new(vm: &mut Vm, mut a: Args) -> PyResult {
    let cls = a.pos.first().cloned().unwrap_or(Value::None);
    let real_kw = a.take_kw("real");
    let imag_kw = a.take_kw("imag");
    if let Some((k, _)) = a.kw.first() {
        return Err(vm.type_error(&format!("'{}' is an invalid keyword argument for complex()", k.as_str())));
    }
    let mut pos: Vec<Value> = a.pos.iter().skip(1).cloned().collect();
    let given = pos.len() + real_kw.is_some() as usize + imag_kw.is_some() as usize;
    if given > 2 {
        return Err(vm.type_error(&format!("complex() takes at most 2 arguments ({given} given)")));
    }
    if let Some(r) = real_kw {
        pos.insert(0, r);
    }
    let (r, i) = match imag_kw {
        Some(i) => (pos.first().cloned(), Some(i)),
        None => (pos.first().cloned(), pos.get(1).cloned()),
    };
    let z = build(vm, r, i)?;
    let v = Value::Cplx(Arc::new(z));
    Ok(vm.wrap_builtin(&cls, v))
}

fn build(vm: &mut Vm, r: Option<Value>, i: Option<Value>) -> PyResult<Complex> {
    let r = r.unwrap_or(Value::Int(0));
    if let Value::Str(s) = builtin_of(&r) {
        if i.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        return parse_complex(s.as_str()).map_err(|m| vm.value_error(&m));
    }
    if let Some(iv) = &i
        && matches!(builtin_of(iv), Value::Str(_))
    {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    let (cr, cr_is_complex) = match complex_special(vm, &r)? {
        Some(z) => (z, true),
        None => {
            if !is_number(vm, &r) {
                let tn = vm.type_name(&r);
                return Err(
                    vm.type_error(&format!("complex() first argument must be a string or a number, not '{tn}'"))
                );
            }
            match builtin_of(&r) {
                Value::Cplx(z) => (*z, true),
                _ => (Complex::new(vm.to_float(&r)?, 0.0), false),
            }
        }
    };
    let Some(iv) = i else {
        return Ok(cr);
    };
    if !is_number(vm, &iv) {
        let tn = vm.type_name(&iv);
        return Err(vm.type_error(&format!("complex() second argument must be a number, not '{tn}'")));
    }
    let (re, mut im) = match builtin_of(&iv) {
        Value::Cplx(ci) => (cr.re - ci.im, ci.re),
        _ => (cr.re, vm.to_float(&iv)?),
    };
    if cr_is_complex {
        im += cr.im;
    }
    Ok(Complex::new(re, im))
}
