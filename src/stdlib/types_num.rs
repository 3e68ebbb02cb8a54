//! Methods of `int` and `float`: the named ones (`bit_length`, `to_bytes`,
//! `as_integer_ratio`, …) and the arithmetic dunders as thin wrappers over
//! the VM's operators, so `int.__add__(a, b)` and `super().__add__(x)` in
//! a subclass work.

use std::sync::Arc;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, Zero};

use super::method;
use super::types_containers::builtin_of;
use crate::object::class::Class;
use crate::object::descr::{ClassMethod, Property};
use crate::object::numfmt;
use crate::object::value::Value;
use crate::parse::ast::{BinOp, CmpOp};
use crate::vm::numeric::to_big;
use crate::vm::{Args, PyResult, Runtime, Vm};

/// Registers the int and float methods.
pub fn register(rt: &Runtime) {
    register_int(rt);
    register_bool(rt);
    register_float(rt);
}

fn is_intlike(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Boolean(_) | Value::BigInt(_))
}

fn recv_int(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    match a.pos.first().map(builtin_of) {
        Some(v) if is_intlike(&v) => Ok(match v {
            Value::Boolean(b) => Value::Int(b.get() as i64),
            other => other,
        }),
        _ => {
            let tn = a.pos.first().map(|v| vm.type_name(v)).unwrap_or_default();
            Err(vm.type_error(&super::types_str::descriptor_mismatch(name, "int", &tn)))
        }
    }
}

fn recv_float(vm: &mut Vm, a: &Args, name: &str) -> PyResult<f64> {
    match a.pos.first().map(builtin_of) {
        Some(Value::Flt(f)) => Ok(f.get()),
        _ => {
            let tn = a.pos.first().map(|v| vm.type_name(v)).unwrap_or_default();
            Err(vm.type_error(&format!("descriptor '{name}' requires a 'float' object but received a '{tn}'")))
        }
    }
}

const BINOPS: [(&str, &str, BinOp); 12] = [
    ("__add__", "__radd__", BinOp::Add),
    ("__sub__", "__rsub__", BinOp::Sub),
    ("__mul__", "__rmul__", BinOp::Mult),
    ("__truediv__", "__rtruediv__", BinOp::Div),
    ("__floordiv__", "__rfloordiv__", BinOp::FloorDiv),
    ("__mod__", "__rmod__", BinOp::Mod),
    ("__pow__", "__rpow__", BinOp::Pow),
    ("__lshift__", "__rlshift__", BinOp::LShift),
    ("__rshift__", "__rrshift__", BinOp::RShift),
    ("__and__", "__rand__", BinOp::BitAnd),
    ("__or__", "__ror__", BinOp::BitOr),
    ("__xor__", "__rxor__", BinOp::BitXor),
];

const CMPS: [(&str, CmpOp); 6] = super::RICH_COMPARISONS;

fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match builtin_of(v) {
        Value::Bytes(b) => Ok((*b).clone()),
        other @ Value::Native2(_) if let Some(b) = super::buffer::bytes_like(&other) => Ok(b.to_vec()),
        // Unlike bytes(n), an int is not a count here (CPython's PyObject_Bytes).
        Value::Str(_) | Value::Int(_) | Value::BigInt(_) | Value::Boolean(_) => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("cannot convert '{tn}' object to bytes")))
        }
        // What bytes(x) accepts: __bytes__, an iterable of ints in range(256).
        _ => {
            let args = Args::new(vec![Value::Class(vm.rt.types.bytes.clone()), v.clone()]);
            super::types_bytes::bytes_source(vm, args, "bytes")
        }
    }
}

fn byteorder(vm: &mut Vm, v: Option<Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        // A str subclass counts as str.
        Some(v) if let Some(s) = super::types_str::as_pystr(&v) => match s.as_str() {
            "big" => Ok(false),
            "little" => Ok(true),
            _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        },
        Some(other) => {
            let tn = vm.type_name(&other);
            Err(vm.type_error(&format!("to_bytes() argument 'byteorder' must be str, not {tn}")))
        }
    }
}

fn register_int(rt: &Runtime) {
    let c = &rt.types.int;
    method(c, "bit_length", |vm, a| {
        let v = to_big(&recv_int(vm, &a, "bit_length")?).unwrap_or_default();
        Ok(Value::Int(v.magnitude().bits() as i64))
    });
    method(c, "bit_count", |vm, a| {
        let v = to_big(&recv_int(vm, &a, "bit_count")?).unwrap_or_default();
        let n: u64 = v.magnitude().to_u64_digits().iter().map(|d| d.count_ones() as u64).sum();
        Ok(Value::Int(n as i64))
    });
    method(c, "to_bytes", |vm, mut a| {
        let v = to_big(&recv_int(vm, &a, "to_bytes")?).unwrap_or_default();
        let length = match a.arg(1, "length") {
            Some(l) => vm.index_of(&l)?,
            None => 1,
        };
        let little = byteorder(vm, a.arg(2, "byteorder"))?;
        let signed = match a.take_kw("signed") {
            Some(s) => vm.truthy(&s)?,
            None => false,
        };
        if length < 0 {
            return Err(vm.value_error("length argument must be non-negative"));
        }
        if v.is_negative() && !signed {
            return Err(vm.overflow_error("can't convert negative int to unsigned"));
        }
        let mut bytes = if signed { v.to_signed_bytes_le() } else { v.to_bytes_le().1 };
        if v.is_zero() {
            bytes.clear();
        }
        // Trim redundant sign bytes, then check the fit.
        let fill = if v.is_negative() { 0xff } else { 0 };
        while bytes.len() > length as usize && bytes.last() == Some(&fill) {
            let l = bytes.len();
            if signed && l >= 2 && (bytes[l - 2] & 0x80 != 0) != (fill == 0xff) {
                break;
            }
            bytes.pop();
        }
        if bytes.len() > length as usize {
            return Err(vm.overflow_error("int too big to convert"));
        }
        bytes.resize(length as usize, fill);
        if !little {
            bytes.reverse();
        }
        Ok(Value::Bytes(Arc::new(bytes)))
    });
    classmethod(rt, c, "from_bytes", |vm, mut a| {
        let cls = match a.pos.first() {
            Some(Value::Class(_)) => Some(a.pos.remove(0)),
            _ => None,
        };
        let data =
            a.arg(0, "bytes").ok_or_else(|| vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"))?;
        let bytes = bytes_arg(vm, &data)?;
        let little = byteorder(vm, a.arg(1, "byteorder"))?;
        let signed = match a.take_kw("signed") {
            Some(s) => vm.truthy(&s)?,
            None => false,
        };
        let v = match (signed, little) {
            (true, true) => BigInt::from_signed_bytes_le(&bytes),
            (true, false) => BigInt::from_signed_bytes_be(&bytes),
            (false, true) => BigInt::from_bytes_le(Sign::Plus, &bytes),
            (false, false) => BigInt::from_bytes_be(Sign::Plus, &bytes),
        };
        let r = Value::from_bigint(v);
        // Any class other than int itself (a subclass, bool) is called with
        // the value, as CPython's int_from_bytes does.
        match cls {
            Some(Value::Class(c)) if !Arc::ptr_eq(&c, &vm.rt.types.int) => vm.call(&Value::Class(c), vec![r]),
            _ => Ok(r),
        }
    });
    for name in ["conjugate", "__index__", "__int__", "__pos__", "__trunc__", "__floor__", "__ceil__"] {
        method(c, name, move |vm, a| recv_int(vm, &a, name));
    }
    method(c, "__round__", |vm, a| {
        let v = recv_int(vm, &a, "__round__")?;
        // Only a missing ndigits returns the int itself: None is not an index
        // here (CPython's int___round___impl), unlike float's.
        match a.pos.get(1) {
            Some(n) if n.is_none() => Err(vm.type_error("'NoneType' object cannot be interpreted as an integer")),
            // round(int, n): any index, however large.
            Some(n) => vm.call_builtin("round", vec![v, n.clone()]),
            None => Ok(v),
        }
    });
    prop(rt, c, "numerator", |vm, a| recv_int(vm, &a, "numerator"));
    prop(rt, c, "real", |vm, a| recv_int(vm, &a, "real"));
    prop(rt, c, "denominator", |_vm, _a| Ok(Value::Int(1)));
    prop(rt, c, "imag", |_vm, _a| Ok(Value::Int(0)));
    method(c, "as_integer_ratio", |vm, a| {
        let v = recv_int(vm, &a, "as_integer_ratio")?;
        Ok(Value::tuple(vec![v, Value::Int(1)]))
    });
    method(c, "__float__", |vm, a| {
        let v = recv_int(vm, &a, "__float__")?;
        Ok(Value::Float(vm.to_float(&v)?))
    });
    method(c, "__abs__", |vm, a| {
        let v = to_big(&recv_int(vm, &a, "__abs__")?).unwrap_or_default();
        Ok(Value::from_bigint(v.abs()))
    });
    method(c, "__neg__", |vm, a| {
        let v = recv_int(vm, &a, "__neg__")?;
        vm.unary_neg(&v)
    });
    method(c, "__invert__", |vm, a| {
        let v = recv_int(vm, &a, "__invert__")?;
        vm.unary_invert(&v)
    });
    method(c, "__bool__", |vm, a| {
        let v = recv_int(vm, &a, "__bool__")?;
        Ok(Value::Bool(vm.truthy(&v)?))
    });
    method(c, "__hash__", |vm, a| {
        let v = recv_int(vm, &a, "__hash__")?;
        Ok(Value::Int(vm.hash_value(&v)?))
    });
    method(c, "__repr__", |vm, a| {
        let v = recv_int(vm, &a, "__repr__")?;
        Ok(Value::string(vm.repr_of(&v)?))
    });
    method(c, "__divmod__", |vm, a| {
        let v = recv_int(vm, &a, "__divmod__")?;
        let o = builtin_of(a.pos.get(1).unwrap_or(&Value::None));
        if !is_intlike(&o) {
            return Ok(Value::NotImplemented);
        }
        let q = vm.binary_op(&v, &o, BinOp::FloorDiv)?;
        let r = vm.binary_op(&v, &o, BinOp::Mod)?;
        Ok(Value::tuple(vec![q, r]))
    });
    method(c, "__rdivmod__", |vm, a| {
        let v = recv_int(vm, &a, "__rdivmod__")?;
        let o = builtin_of(a.pos.get(1).unwrap_or(&Value::None));
        if !is_intlike(&o) {
            return Ok(Value::NotImplemented);
        }
        let q = vm.binary_op(&o, &v, BinOp::FloorDiv)?;
        let r = vm.binary_op(&o, &v, BinOp::Mod)?;
        Ok(Value::tuple(vec![q, r]))
    });
    for (name, rname, op) in BINOPS {
        method(c, name, move |vm, a| {
            let v = recv_int(vm, &a, name)?;
            let o = builtin_of(a.pos.get(1).unwrap_or(&Value::None));
            if !is_intlike(&o) {
                return Ok(Value::NotImplemented);
            }
            if op == BinOp::Pow && a.pos.len() > 2 && !a.pos[2].is_none() {
                return vm.call_builtin("pow", vec![v, o, a.pos[2].clone()]);
            }
            vm.binary_op(&v, &o, op)
        });
        method(c, rname, move |vm, a| {
            let v = recv_int(vm, &a, rname)?;
            let o = builtin_of(a.pos.get(1).unwrap_or(&Value::None));
            if !is_intlike(&o) {
                return Ok(Value::NotImplemented);
            }
            // `(2).__rpow__(3, 5)` is `pow(3, 2, 5)`, as CPython's slot wrapper.
            if op == BinOp::Pow && a.pos.len() > 2 && !a.pos[2].is_none() {
                return vm.call_builtin("pow", vec![o, v, a.pos[2].clone()]);
            }
            vm.binary_op(&o, &v, op)
        });
    }
    for (name, op) in CMPS {
        method(c, name, move |vm, a| {
            let v = recv_int(vm, &a, name)?;
            let o = builtin_of(a.pos.get(1).unwrap_or(&Value::None));
            // `(3).__eq__(3.0)` is NotImplemented in CPython: int's slot compares ints only.
            if !is_intlike(&o) {
                return Ok(Value::NotImplemented);
            }
            vm.compare(&v, &o, op)
        });
    }
}

/// `bool`'s own `&`, `|`, `^` (CPython's `bool_and`…): a bool when both
/// operands are bools, else int's method (`bool.__and__(True, 1)` is 1).
fn register_bool(rt: &Runtime) {
    let c = &rt.types.bool_;
    for (name, rname, op) in BINOPS.into_iter().skip(9) {
        for (n, reflected) in [(name, false), (rname, true)] {
            method(c, n, move |vm, a| {
                a.expect_after_self(vm, 1)?;
                let Value::Boolean(me) = &a.pos[0] else {
                    let tn = vm.type_name(&a.pos[0]);
                    return Err(vm.type_error(&super::types_str::descriptor_mismatch(n, "bool", &tn)));
                };
                let o = &a.pos[1];
                if let Value::Boolean(other) = o {
                    let (x, y) = (me.get(), other.get());
                    return Ok(Value::Bool(match op {
                        BinOp::BitAnd => x & y,
                        BinOp::BitOr => x | y,
                        _ => x ^ y,
                    }));
                }
                if !is_intlike(&builtin_of(o)) {
                    return Ok(Value::NotImplemented);
                }
                let (me, o) = (Value::Int(me.get() as i64), builtin_of(o));
                if reflected { vm.binary_op(&o, &me, op) } else { vm.binary_op(&me, &o, op) }
            });
        }
    }
}

fn float_operand(v: &Value) -> Option<Value> {
    match builtin_of(v) {
        o @ (Value::Flt(_) | Value::Int(_) | Value::Boolean(_) | Value::BigInt(_)) => Some(o),
        _ => None,
    }
}

fn register_float(rt: &Runtime) {
    let c = &rt.types.float;
    method(c, "is_integer", |vm, a| Ok(Value::Bool(numfmt::float_is_integer(recv_float(vm, &a, "is_integer")?))));
    method(c, "as_integer_ratio", |vm, a| {
        let f = recv_float(vm, &a, "as_integer_ratio")?;
        let (n, d) = numfmt::float_as_integer_ratio(f).map_err(|e| vm.num_err(e))?;
        Ok(Value::tuple(vec![Value::from_bigint(n), Value::from_bigint(d)]))
    });
    method(c, "hex", |vm, a| Ok(Value::string(numfmt::float_hex(recv_float(vm, &a, "hex")?))));
    // Which float layout this machine uses (test.support asks for IEEE).
    classmethod(rt, c, "__getformat__", |vm, a| match a.pos.get(1) {
        Some(Value::Str(s)) if a.pos.len() == 2 => match s.as_str() {
            "double" | "float" => {
                Ok(Value::str(if cfg!(target_endian = "little") { "IEEE, little-endian" } else { "IEEE, big-endian" }))
            }
            _ => Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'")),
        },
        Some(v) if a.pos.len() == 2 => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("__getformat__() argument must be str, not {tn}")))
        }
        _ => Err(vm.type_error(&format!(
            "float.__getformat__() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1)
        ))),
    });
    classmethod(rt, c, "fromhex", |vm, a| {
        let s = match a.pos.last() {
            Some(Value::Str(s)) if a.pos.len() <= 2 => s.clone(),
            _ => return Err(vm.type_error("fromhex() argument must be str")),
        };
        let f = numfmt::float_fromhex(s.as_str()).map_err(|e| vm.num_err(e))?;
        match a.pos.first() {
            Some(Value::Class(c)) if !c.builtin => vm.call(&Value::Class(c.clone()), vec![Value::Float(f)]),
            _ => Ok(Value::Float(f)),
        }
    });
    method(c, "conjugate", |vm, a| Ok(Value::Float(recv_float(vm, &a, "conjugate")?)));
    method(c, "__float__", |vm, a| Ok(Value::Float(recv_float(vm, &a, "__float__")?)));
    method(c, "__pos__", |vm, a| Ok(Value::Float(recv_float(vm, &a, "__pos__")?)));
    method(c, "__neg__", |vm, a| Ok(Value::Float(-recv_float(vm, &a, "__neg__")?)));
    method(c, "__abs__", |vm, a| Ok(Value::Float(recv_float(vm, &a, "__abs__")?.abs())));
    method(c, "__bool__", |vm, a| Ok(Value::Bool(recv_float(vm, &a, "__bool__")? != 0.0)));
    method(c, "__hash__", |vm, a| {
        let f = recv_float(vm, &a, "__hash__")?;
        Ok(Value::Int(vm.hash_value(&Value::Float(f))?))
    });
    method(c, "__repr__", |vm, a| Ok(Value::string(numfmt::float_repr(recv_float(vm, &a, "__repr__")?))));
    for name in ["__int__", "__trunc__"] {
        method(c, name, move |vm, a| {
            let f = recv_float(vm, &a, name)?;
            vm.to_int(&Value::Float(f))
        });
    }
    method(c, "__floor__", |vm, a| {
        let f = recv_float(vm, &a, "__floor__")?;
        vm.to_int(&Value::Float(f.floor()))
    });
    method(c, "__ceil__", |vm, a| {
        let f = recv_float(vm, &a, "__ceil__")?;
        vm.to_int(&Value::Float(f.ceil()))
    });
    method(c, "__round__", |vm, a| {
        let f = recv_float(vm, &a, "__round__")?;
        match a.pos.get(1) {
            Some(n) if !n.is_none() => {
                let nd = vm.index_of(n)?;
                Ok(Value::Float(numfmt::round_float(f, nd).map_err(|e| vm.num_err(e))?))
            }
            _ => Ok(Value::from_bigint(numfmt::round_float_to_int(f).map_err(|e| vm.num_err(e))?)),
        }
    });
    method(c, "__divmod__", |vm, a| {
        let f = recv_float(vm, &a, "__divmod__")?;
        let Some(o) = float_operand(a.pos.get(1).unwrap_or(&Value::None)) else { return Ok(Value::NotImplemented) };
        if vm.as_f64(&o)? == Some(0.0) {
            return Err(vm.zero_division("float divmod()"));
        }
        let q = vm.binary_op(&Value::Float(f), &o, BinOp::FloorDiv)?;
        let r = vm.binary_op(&Value::Float(f), &o, BinOp::Mod)?;
        Ok(Value::tuple(vec![q, r]))
    });
    method(c, "__rdivmod__", |vm, a| {
        let f = recv_float(vm, &a, "__rdivmod__")?;
        let Some(o) = float_operand(a.pos.get(1).unwrap_or(&Value::None)) else { return Ok(Value::NotImplemented) };
        if f == 0.0 {
            return Err(vm.zero_division("float divmod()"));
        }
        let q = vm.binary_op(&o, &Value::Float(f), BinOp::FloorDiv)?;
        let r = vm.binary_op(&o, &Value::Float(f), BinOp::Mod)?;
        Ok(Value::tuple(vec![q, r]))
    });
    for (name, rname, op) in BINOPS.into_iter().take(7) {
        method(c, name, move |vm, a| {
            let f = recv_float(vm, &a, name)?;
            let Some(o) = float_operand(a.pos.get(1).unwrap_or(&Value::None)) else { return Ok(Value::NotImplemented) };
            vm.binary_op(&Value::Float(f), &o, op)
        });
        method(c, rname, move |vm, a| {
            let f = recv_float(vm, &a, rname)?;
            let Some(o) = float_operand(a.pos.get(1).unwrap_or(&Value::None)) else { return Ok(Value::NotImplemented) };
            vm.binary_op(&o, &Value::Float(f), op)
        });
    }
    for (name, op) in CMPS {
        method(c, name, move |vm, a| {
            let f = recv_float(vm, &a, name)?;
            let Some(o) = float_operand(a.pos.get(1).unwrap_or(&Value::None)) else { return Ok(Value::NotImplemented) };
            vm.compare(&Value::Float(f), &o, op)
        });
    }
    prop(rt, c, "real", |vm, a| Ok(Value::Float(recv_float(vm, &a, "real")?)));
    prop(rt, c, "imag", |_vm, _a| Ok(Value::Float(0.0)));
}

/// Adds a native class method (its first argument is the class): a
/// `classmethod_descriptor` (`dict.__dict__['fromkeys']`) that knows its type
/// (`__objclass__`, for its repr and the checks of its `__get__` and `__call__`).
pub fn classmethod(
    rt: &Runtime,
    cls: &Arc<Class>,
    name: &str,
    f: impl Fn(&mut Vm, Args) -> PyResult + Send + Sync + 'static,
) {
    let cm = ClassMethod::new(Vm::native(name, f), rt.types.classmethod_descriptor.clone());
    cm.dict.set_item_str("__objclass__", Value::Class(cls.clone()));
    cm.dict.set_item_str("__name__", Value::str(name));
    cm.dict.set_item_str("__qualname__", Value::string(format!("{}.{name}", cls.name().as_str())));
    cls.dict.set_item_str(name, Value::from_native(Arc::new(cm)));
}

/// Adds a read-only property computed by a native getter.
pub fn prop(rt: &Runtime, cls: &Arc<Class>, name: &str, f: impl Fn(&mut Vm, Args) -> PyResult + Send + Sync + 'static) {
    let p = Property::new(Vm::native(name, f), Value::None, name, rt.types.property.clone());
    cls.dict.set_item_str(name, Value::from_native(Arc::new(p)));
}
