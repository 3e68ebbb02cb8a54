//! The functions of `_operator` (`add`, `getitem`, `index`, `iadd`, …).
//!
//! CPython's operator.py defines each in Python and then replaces them with
//! the C module's (`from _operator import *`); without these, every
//! `operator.add` passed to `reduce` or `map` ran a Python frame, and
//! `operator.index` had the pure version's AttributeError instead of the
//! TypeError `datetime` and others rely on.

use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::parse::ast::{BinOp, CmpOp};
use crate::vm::{Args, PyResult, Vm};

use super::def;

/// Binary operators: (name, operator, in-place name).
const BINARY: [(&str, BinOp, &str); 13] = [
    ("add", BinOp::Add, "iadd"),
    ("sub", BinOp::Sub, "isub"),
    ("mul", BinOp::Mult, "imul"),
    ("matmul", BinOp::MatMult, "imatmul"),
    ("truediv", BinOp::Div, "itruediv"),
    ("floordiv", BinOp::FloorDiv, "ifloordiv"),
    ("mod", BinOp::Mod, "imod"),
    ("pow", BinOp::Pow, "ipow"),
    ("lshift", BinOp::LShift, "ilshift"),
    ("rshift", BinOp::RShift, "irshift"),
    ("or_", BinOp::BitOr, "ior"),
    ("xor", BinOp::BitXor, "ixor"),
    ("and_", BinOp::BitAnd, "iand"),
];

const COMPARISONS: [(&str, CmpOp); 6] = [
    ("lt", CmpOp::Lt),
    ("le", CmpOp::LtE),
    ("eq", CmpOp::Eq),
    ("ne", CmpOp::NotEq),
    ("ge", CmpOp::GtE),
    ("gt", CmpOp::Gt),
];

/// The two operands of a positional-only binary function, with the C module's messages.
fn two(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Value, Value)> {
    a.no_kw(vm, &format!("_operator.{name}"))?;
    a.posonly(vm, name, 2, 2)?;
    Ok((a.pos[0].clone(), a.pos[1].clone()))
}

/// The operand of a one-argument function (`METH_O` in C: "takes exactly one argument").
fn one(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let qualified = format!("_operator.{name}");
    a.no_kw(vm, &qualified)?;
    a.check(vm, &qualified, 1, 1)?;
    Ok(a.pos[0].clone())
}

/// `concat`/`iconcat` accept only sequences (something with `__getitem__` that is not a dict).
fn check_sequence(vm: &mut Vm, v: &Value) -> PyResult<()> {
    let is_dict = matches!(super::types_containers::builtin_of(v), Value::Dict(_));
    if !is_dict && vm.class_of(v).lookup("__getitem__").is_some() {
        return Ok(());
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!("'{tn}' object can't be concatenated")))
}

/// Registers every operator function into `_operator`'s namespace.
pub fn register(d: &Dict) {
    for (name, op, iname) in BINARY {
        def(d, name, move |vm, a| {
            let (x, y) = two(vm, &a, name)?;
            vm.binary_op(&x, &y, op)
        });
        def(d, iname, move |vm, a| {
            let (x, y) = two(vm, &a, iname)?;
            vm.inplace_op(&x, &y, op)
        });
    }
    for (name, op) in COMPARISONS {
        def(d, name, move |vm, a| {
            let (x, y) = two(vm, &a, name)?;
            vm.compare(&x, &y, op)
        });
    }
    def(d, "is_", |vm, a| {
        let (x, y) = two(vm, &a, "is_")?;
        Ok(Value::Bool(x.is(&y)))
    });
    def(d, "is_not", |vm, a| {
        let (x, y) = two(vm, &a, "is_not")?;
        Ok(Value::Bool(!x.is(&y)))
    });
    def(d, "contains", |vm, a| {
        let (x, y) = two(vm, &a, "contains")?;
        Ok(Value::Bool(vm.contains(&x, &y)?))
    });
    def(d, "getitem", |vm, a| {
        let (x, y) = two(vm, &a, "getitem")?;
        vm.get_item(&x, &y)
    });
    def(d, "delitem", |vm, a| {
        let (x, y) = two(vm, &a, "delitem")?;
        vm.del_item(&x, &y)?;
        Ok(Value::None)
    });
    def(d, "setitem", |vm, a| {
        a.no_kw(vm, "_operator.setitem")?;
        a.posonly(vm, "setitem", 3, 3)?;
        vm.set_item(&a.pos[0], a.pos[1].clone(), a.pos[2].clone())?;
        Ok(Value::None)
    });
    for (name, in_place) in [("concat", false), ("iconcat", true)] {
        def(d, name, move |vm, a| {
            let (x, y) = two(vm, &a, name)?;
            check_sequence(vm, &x)?;
            if in_place { vm.inplace_op(&x, &y, BinOp::Add) } else { vm.binary_op(&x, &y, BinOp::Add) }
        });
    }
    def(d, "neg", |vm, a| {
        let x = one(vm, &a, "neg")?;
        vm.unary_neg(&x)
    });
    def(d, "pos", |vm, a| {
        let x = one(vm, &a, "pos")?;
        vm.unary_pos(&x)
    });
    for name in ["inv", "invert"] {
        def(d, name, move |vm, a| {
            let x = one(vm, &a, name)?;
            vm.unary_invert(&x)
        });
    }
    def(d, "truth", |vm, a| {
        let x = one(vm, &a, "truth")?;
        Ok(Value::Bool(vm.truthy(&x)?))
    });
    def(d, "not_", |vm, a| {
        let x = one(vm, &a, "not_")?;
        Ok(Value::Bool(!vm.truthy(&x)?))
    });
    def(d, "index", |vm, a| {
        let x = one(vm, &a, "index")?;
        match vm.exact_index(&x)? {
            Some(i) => Ok(i),
            None => {
                let tn = vm.type_name(&x);
                Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")))
            }
        }
    });
}
