//! Arithmetic on ints (inline i64, promoting to big ints) and floats, with
//! Python's floor-division and modulo sign rules and error messages.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{PyResult, Vm};
use crate::object::complex::{Complex, CplxErr};
use crate::object::value::Value;
use crate::parse::ast::BinOp;

/// An int operand, borrowed as a big int when needed.
pub fn to_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Boolean(b) => Some(BigInt::from(b.get() as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

pub fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Boolean(_) | Value::BigInt(_))
}

impl Vm {
    /// Int ∘ int, both inline: the hot path.
    #[inline]
    pub fn int_op(&mut self, x: i64, y: i64, op: BinOp) -> PyResult {
        let r = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mult => x.checked_mul(y),
            BinOp::FloorDiv => {
                if y == 0 {
                    return Err(self.zero_division("integer division or modulo by zero"));
                }
                x.checked_div_euclid(y).map(|_| {
                    let q = x / y;
                    if (x % y != 0) && ((x < 0) != (y < 0)) { q - 1 } else { q }
                })
            }
            BinOp::Mod => {
                if y == 0 {
                    return Err(self.zero_division("integer modulo by zero"));
                }
                x.checked_rem(y).map(|m| if m != 0 && ((m < 0) != (y < 0)) { m + y } else { m })
            }
            BinOp::Div => {
                if y == 0 {
                    return Err(self.zero_division("division by zero"));
                }
                if let Some(q) = int_true_div(x, y) {
                    return Ok(Value::Float(q));
                }
                return self.big_op(&BigInt::from(x), &BigInt::from(y), op);
            }
            BinOp::Pow => {
                if y < 0 {
                    if x == 0 {
                        return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                    }
                    return Ok(Value::Float((x as f64).powf(y as f64)));
                }
                if y > u32::MAX as i64 { None } else { x.checked_pow(y as u32) }
            }
            BinOp::LShift => {
                if y < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                if y < 63 && x.unsigned_abs().leading_zeros() as i64 > y + 1 { Some(x << y) } else { None }
            }
            BinOp::RShift => {
                if y < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                Some(if y >= 64 { if x < 0 { -1 } else { 0 } } else { x >> y })
            }
            BinOp::BitAnd => Some(x & y),
            BinOp::BitOr => Some(x | y),
            BinOp::BitXor => Some(x ^ y),
            BinOp::MatMult => return Err(self.unsupported(&Value::Int(x), &Value::Int(y), op, false)),
        };
        match r {
            Some(v) => Ok(Value::Int(v)),
            None => self.big_op(&BigInt::from(x), &BigInt::from(y), op),
        }
    }

    /// Int ∘ int with at least one big operand.
    pub fn big_op(&mut self, x: &BigInt, y: &BigInt, op: BinOp) -> PyResult {
        Ok(match op {
            BinOp::Add => Value::from_bigint(x + y),
            BinOp::Sub => Value::from_bigint(x - y),
            BinOp::Mult => {
                self.check_alloc((x.bits() as u128 + y.bits() as u128) / 8)?;
                Value::from_bigint(x * y)
            }
            BinOp::FloorDiv => {
                if y.is_zero() {
                    return Err(self.zero_division("integer division or modulo by zero"));
                }
                Value::from_bigint(x.div_floor(y))
            }
            BinOp::Mod => {
                if y.is_zero() {
                    return Err(self.zero_division("integer modulo by zero"));
                }
                Value::from_bigint(x.mod_floor(y))
            }
            BinOp::Div => {
                if y.is_zero() {
                    return Err(self.zero_division("division by zero"));
                }
                Value::Float(self.big_true_div(x, y)?)
            }
            BinOp::Pow => {
                if y.is_negative() {
                    if x.is_zero() {
                        return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                    }
                    let xf = self.big_to_f64(x)?;
                    let yf = self.big_to_f64(y)?;
                    return Ok(Value::Float(xf.powf(yf)));
                }
                // 0, 1 and -1 stay small whatever the exponent (`0 ** 2**63`, `(-1) ** 2**70`).
                if y.is_zero() || x.is_one() {
                    return Ok(Value::Int(1));
                }
                if x.is_zero() {
                    return Ok(Value::Int(0));
                }
                if x == &BigInt::from(-1) {
                    return Ok(Value::Int(if y.is_odd() { -1 } else { 1 }));
                }
                // Otherwise the result has at least (bits(x) - 1) * y bits: check that it fits before computing.
                let e = y.to_u64().ok_or_else(|| self.memory_error())?;
                self.check_alloc((x.bits() as u128 - 1) * e as u128 / 8)?;
                Value::from_bigint(num_traits::pow::Pow::pow(x, e))
            }
            BinOp::LShift => {
                if y.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                if x.is_zero() {
                    return Ok(Value::Int(0));
                }
                // CPython 3.11 answers MemoryError for any shift too large to allocate.
                let s = y.to_u64().ok_or_else(|| self.memory_error())?;
                self.check_alloc((x.bits() as u128 + s as u128) / 8)?;
                Value::from_bigint(x << s as usize)
            }
            BinOp::RShift => {
                if y.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let s = y.to_usize().unwrap_or(usize::MAX / 2);
                if s > x.bits() as usize + 1 {
                    Value::Int(if x.is_negative() { -1 } else { 0 })
                } else {
                    Value::from_bigint(x >> s)
                }
            }
            BinOp::BitAnd => Value::from_bigint(x & y),
            BinOp::BitOr => Value::from_bigint(x | y),
            BinOp::BitXor => Value::from_bigint(x ^ y),
            BinOp::MatMult => return Err(self.type_error("unsupported operand type(s) for @: 'int' and 'int'")),
        })
    }

    /// Float ∘ float.
    pub fn float_op(&mut self, x: f64, y: f64, op: BinOp) -> PyResult {
        Ok(Value::Float(match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mult => x * y,
            BinOp::Div => {
                if y == 0.0 {
                    return Err(self.zero_division("float division by zero"));
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(self.zero_division("float floor division by zero"));
                }
                crate::object::numfmt::float_floordiv(x, y).map_err(|e| self.num_err(e))?
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(self.zero_division("float modulo"));
                }
                crate::object::numfmt::float_mod(x, y).map_err(|e| self.num_err(e))?
            }
            BinOp::Pow => return self.float_pow(x, y),
            _ => return Err(self.unsupported(&Value::Float(x), &Value::Float(y), op, false)),
        }))
    }

    /// `x ** y` for floats: CPython's `float_pow` (numfmt), whose order of
    /// cases matters (`0.0 ** -inf` is inf: an infinite exponent is decided
    /// before a zero base); a negative base to a fractional power is complex.
    pub fn float_pow(&mut self, x: f64, y: f64) -> PyResult {
        match crate::object::numfmt::float_pow(x, y) {
            Ok(r) => Ok(Value::Float(r)),
            Err(crate::object::numfmt::NumError::ComplexResult) => self
                .complex_op(Complex::new(x, 0.0), Complex::new(y, 0.0), BinOp::Pow)?
                .ok_or_else(|| self.internal_error("complex power")),
            Err(e) => Err(self.num_err(e)),
        }
    }

    /// int → float, correctly rounded (OverflowError when too large).
    pub fn big_to_f64(&self, b: &BigInt) -> PyResult<f64> {
        crate::object::numfmt::bigint_to_f64(b).map_err(|e| self.num_err(e))
    }

    /// int / int → float, correctly rounded as CPython's.
    fn big_true_div(&self, x: &BigInt, y: &BigInt) -> PyResult<f64> {
        crate::object::numfmt::int_true_div(x, y).map_err(|e| self.num_err(e))
    }

    /// A number as f64 (ints convert; None when not a number).
    pub fn as_f64(&self, v: &Value) -> PyResult<Option<f64>> {
        Ok(match v {
            Value::Flt(f) => Some(f.get()),
            Value::Int(i) => Some(*i as f64),
            Value::Boolean(b) => Some(b.get() as i64 as f64),
            Value::BigInt(b) => Some(self.big_to_f64(b)?),
            _ => None,
        })
    }

    /// A number as a complex (ints and floats convert; None when not a number).
    pub fn as_complex(&self, v: &Value) -> PyResult<Option<Complex>> {
        Ok(match v {
            Value::Cplx(c) => Some(**c),
            _ => self.as_f64(v)?.map(|x| Complex::new(x, 0.0)),
        })
    }

    /// Complex ∘ complex; None for the operators complex lacks (`//`, `%`,
    /// shifts, bitwise), so the caller raises its TypeError.
    pub fn complex_op(&mut self, x: Complex, y: Complex, op: BinOp) -> PyResult<Option<Value>> {
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mult => x * y,
            BinOp::Div => x.quot(y).map_err(|_| self.zero_division("complex division by zero"))?,
            BinOp::Pow => x.pow(y).map_err(|e| match e {
                CplxErr::Domain => self.zero_division("0.0 to a negative or complex power"),
                CplxErr::Range => self.overflow_error("complex exponentiation"),
            })?,
            _ => return Ok(None),
        };
        Ok(Some(Value::Cplx(std::sync::Arc::new(r))))
    }

    /// Arithmetic between numbers (int, bool, float, big int); None if not numbers.
    pub fn numeric_op(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
        // `@` is no number operation: the caller's TypeError then names the
        // operands' own types (`'bool' and 'int'`, `'float' and 'int'`).
        if matches!(op, BinOp::MatMult) {
            return Ok(None);
        }
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => self.int_op(*x, *y, op).map(Some),
            (Value::Flt(x), Value::Flt(y)) => self.float_op(x.get(), y.get(), op).map(Some),
            (Value::Cplx(_), _) | (_, Value::Cplx(_)) => {
                let (Some(x), Some(y)) = (self.as_complex(a)?, self.as_complex(b)?) else { return Ok(None) };
                self.complex_op(x, y, op)
            }
            (Value::Flt(_), _) | (_, Value::Flt(_)) => {
                let (Some(x), Some(y)) = (self.as_f64(a)?, self.as_f64(b)?) else { return Ok(None) };
                if matches!(op, BinOp::LShift | BinOp::RShift | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor) {
                    return Ok(None);
                }
                self.float_op(x, y, op).map(Some)
            }
            _ if is_int(a) && is_int(b) => {
                if let (Value::Boolean(x), Value::Boolean(y)) = (a, b) {
                    match op {
                        BinOp::BitAnd => return Ok(Some(Value::Bool(x.get() & y.get()))),
                        BinOp::BitOr => return Ok(Some(Value::Bool(x.get() | y.get()))),
                        BinOp::BitXor => return Ok(Some(Value::Bool(x.get() ^ y.get()))),
                        _ => {}
                    }
                }
                match (small(a), small(b)) {
                    (Some(x), Some(y)) => self.int_op(x, y, op).map(Some),
                    _ => {
                        let (x, y) = (to_big(a).expect("int"), to_big(b).expect("int"));
                        self.big_op(&x, &y, op).map(Some)
                    }
                }
            }
            _ => Ok(None),
        }
    }

    pub fn to_int_value(&self, v: &Value) -> PyResult {
        Ok(match v {
            Value::Boolean(b) => Value::Int(b.get() as i64),
            Value::Int(_) | Value::BigInt(_) => v.clone(),
            _ => return Err(self.type_error("an integer is required")),
        })
    }
}

fn small(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Boolean(b) => Some(b.get() as i64),
        _ => None,
    }
}

/// int / int → float: exact operands (below 2**53) give a correctly
/// rounded quotient; larger ones go through the big-int path.
fn int_true_div(x: i64, y: i64) -> Option<f64> {
    if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) { Some(x as f64 / y as f64) } else { None }
}
