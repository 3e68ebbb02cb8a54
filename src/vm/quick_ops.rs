//! Arithmetic and comparisons the dispatch loop finishes inline, without
//! the general operator protocol: float arithmetic (with an int on one
//! side), int true division, and comparisons of floats (with an int on
//! one side) and of strings. Each answers `None`
//! when the general path must decide (an error to raise, a big int, a
//! type with its own methods), so the results are CPython's by construction.

use crate::object::value::Value;
use crate::parse::ast::{BinOp, CmpOp};

/// Ints up to this magnitude convert to a float exactly.
const EXACT: i64 = 1 << 53;

#[inline]
fn as_float(v: &Value) -> Option<f64> {
    match v {
        Value::Flt(f) => Some(f.get()),
        Value::Int(i) if (-EXACT..=EXACT).contains(i) => Some(*i as f64),
        _ => None,
    }
}

/// `a op b` when one side is a float and the other a float or a small
/// int, for `+ - * /` (a zero divisor is left to the general path, which
/// raises ZeroDivisionError).
#[inline]
pub fn float_op(a: &Value, b: &Value, op: BinOp) -> Option<f64> {
    if !matches!(a, Value::Flt(_)) && !matches!(b, Value::Flt(_)) {
        // int / int is a float too: exact operands give CPython's
        // correctly rounded quotient (its own fast path does the same).
        return match (a, b, op) {
            (Value::Int(_), Value::Int(_), BinOp::Div) => {
                let (x, y) = (as_float(a)?, as_float(b)?);
                (y != 0.0).then(|| x / y)
            }
            _ => None,
        };
    }
    let (x, y) = (as_float(a)?, as_float(b)?);
    match op {
        BinOp::Add => Some(x + y),
        BinOp::Sub => Some(x - y),
        BinOp::Mult => Some(x * y),
        BinOp::Div if y != 0.0 => Some(x / y),
        _ => None,
    }
}

/// `a op b` for two floats (NaN compares unequal to everything) or two
/// strings (code point order, which UTF-8 byte order is).
#[inline]
pub fn quick_compare(a: &Value, b: &Value, op: CmpOp) -> Option<bool> {
    if !matches!(op, CmpOp::Eq | CmpOp::NotEq | CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE) {
        return None;
    }
    let o = match (a, b) {
        (Value::Flt(_), Value::Flt(_) | Value::Int(_)) | (Value::Int(_), Value::Flt(_)) => {
            // Small ints convert exactly, so this is CPython's exact
            // int/float comparison.
            match as_float(a)?.partial_cmp(&as_float(b)?) {
                Some(o) => o,
                None => return Some(op == CmpOp::NotEq),
            }
        }
        (Value::Str(x), Value::Str(y)) => {
            if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
                let same = std::sync::Arc::ptr_eq(x, y) || **x == **y;
                return Some(same == (op == CmpOp::Eq));
            }
            x.cmp_str(y)
        }
        _ => return None,
    };
    Some(super::ops::cmp_result(o, op))
}
