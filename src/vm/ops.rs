//! Operators: binary and in-place arithmetic, comparisons, membership,
//! unary operators and truth testing, for built-in and user types.

use std::sync::Arc;

use super::{PyErr, PyResult, Vm};
use crate::object::class::Instance;
use crate::object::eq::native_eq;
use crate::object::value::Value;
use crate::parse::ast::{BinOp, CmpOp};

/// The dunder names of a binary operator: (normal, reflected, in-place, symbol).
pub fn binop_names(op: BinOp) -> (&'static str, &'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__", "+"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__", "-"),
        BinOp::Mult => ("__mul__", "__rmul__", "__imul__", "*"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__", "__imatmul__", "@"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__", "/"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__", "//"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__", "%"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__", "**"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__", "<<"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__", ">>"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__", "|"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__", "^"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__", "&"),
    }
}

fn cmp_names(op: CmpOp) -> (&'static str, &'static str, &'static str) {
    match op {
        CmpOp::Lt => ("__lt__", "__gt__", "<"),
        CmpOp::LtE => ("__le__", "__ge__", "<="),
        CmpOp::Gt => ("__gt__", "__lt__", ">"),
        CmpOp::GtE => ("__ge__", "__le__", ">="),
        CmpOp::Eq => ("__eq__", "__eq__", "=="),
        CmpOp::NotEq => ("__ne__", "__ne__", "!="),
        _ => ("", "", "?"),
    }
}

/// Tuple comparison decided without running Python: items are scanned
/// in place while both sides of a pair are ints or strs (equal ones are
/// skipped, the first unequal pair decides, as CPython's tuple compare).
/// `None` when some pair before the decision is of another kind: the caller
/// then takes the general path (which may run `__eq__`/`__lt__`).
#[inline]
fn tuple_cmp_native(xs: &[Value], ys: &[Value], op: CmpOp) -> Option<bool> {
    if xs.len() != ys.len() && matches!(op, CmpOp::Eq | CmpOp::NotEq) {
        return Some(op == CmpOp::NotEq);
    }
    for (x, y) in xs.iter().zip(ys.iter()) {
        let ord = match (x, y) {
            (Value::Int(a), Value::Int(b)) => a.cmp(b),
            (Value::Str(a), Value::Str(b)) => {
                if Arc::ptr_eq(a, b) {
                    continue;
                }
                a.cmp_str(b)
            }
            _ => return None,
        };
        if ord != std::cmp::Ordering::Equal {
            return Some(cmp_result(ord, op));
        }
    }
    Some(cmp_result(xs.len().cmp(&ys.len()), op))
}

impl Vm {
    /// CPython's TypeError for `a op b` (or `a op= b` when `inplace`) that no type supports.
    pub fn unsupported(&self, a: &Value, b: &Value, op: BinOp, inplace: bool) -> PyErr {
        let sym = binop_names(op).3;
        let (ta, tb) = (self.tp_name(a), self.tp_name(b));
        if op == BinOp::Add && ta == "str" {
            return self.type_error(&format!("can only concatenate str (not \"{tb}\") to str"));
        }
        if op == BinOp::Add && ta == "list" {
            return self.type_error(&format!("can only concatenate list (not \"{tb}\") to list"));
        }
        if op == BinOp::Add && ta == "tuple" {
            return self.type_error(&format!("can only concatenate tuple (not \"{tb}\") to tuple"));
        }
        if op == BinOp::Mult {
            let is_seq = |v: &Value| match v {
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_) => true,
                // bytearray, array.array and deque repeat like the built-in sequences.
                Value::Native2(_) => self.is_repeat_native(v),
                _ => false,
            };
            // In place, a left operand with any sequence protocol (a set, a
            // dict: `in` support) is the only one asked to repeat, as in
            // CPython's PyNumber_InPlaceMultiply.
            // Every class written in Python has one; among the built-in types,
            // those with a length or `in` (memoryview, the dict views…).
            let a_has_seq = match a {
                Value::Set(_) | Value::Dict(_) | Value::Range(_) => true,
                Value::Instance(i) => !i.class.builtin,
                Value::Native2(_) => {
                    let c = self.class_of(a);
                    c.lookup("__len__").is_some() || c.lookup("__contains__").is_some()
                }
                _ => false,
            };
            if is_seq(a) || (!(inplace && a_has_seq) && is_seq(b)) {
                let other = if is_seq(a) { tb } else { ta };
                return self.type_error(&format!("can't multiply sequence by non-int of type '{other}'"));
            }
        }
        if op == BinOp::Add && ta == "bytes" {
            return self.type_error(&format!("can't concat {tb} to bytes"));
        }
        if inplace {
            return self.type_error(&format!("unsupported operand type(s) for {sym}=: '{ta}' and '{tb}'"));
        }
        if op == BinOp::Pow {
            return self.type_error(&format!("unsupported operand type(s) for ** or pow(): '{ta}' and '{tb}'"));
        }
        self.type_error(&format!("unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"))
    }

    /// `a op b`.
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult {
        self.binary_op_for(a, b, op, false)
    }

    /// `a op b`, or the fallback of `a op= b` when `inplace` (which only
    /// changes the error message: `+=` instead of `+`).
    fn binary_op_for(&mut self, a: &Value, b: &Value, op: BinOp, inplace: bool) -> PyResult {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return self.int_op(*x, *y, op);
        }
        if let (Value::Flt(x), Value::Flt(y)) = (a, b) {
            if matches!(
                op,
                BinOp::BitOr | BinOp::BitAnd | BinOp::BitXor | BinOp::LShift | BinOp::RShift | BinOp::MatMult
            ) {
                // Not float operations: the error names `|=` for `a |= b`.
                return Err(self.unsupported(a, b, op, inplace));
            }
            return self.float_op(x.get(), y.get(), op);
        }
        if let Some(v) = self.numeric_op(a, b, op)? {
            return Ok(v);
        }
        let a_user = matches!(a, Value::Instance(_) | Value::Native2(_))
            || matches!(a, Value::Class(c) if c.metaclass.is_some());
        let b_user = matches!(b, Value::Instance(_) | Value::Native2(_))
            || matches!(b, Value::Class(c) if c.metaclass.is_some());
        if !a_user && !b_user {
            if let Some(v) = self.builtin_binop(a, b, op)? {
                return Ok(v);
            }
            if op == BinOp::BitOr
                && let Some(u) = crate::stdlib::types_union::union_or(self, a, b)?
            {
                return Ok(u);
            }
            return Err(self.unsupported(a, b, op, inplace));
        }
        let (name, rname, _, _) = binop_names(op);
        let ca = self.class_of(a);
        let cb = self.class_of(b);
        // A subclass's reflected method gets the first chance.
        let b_first = !Arc::ptr_eq(&ca, &cb) && cb.is_subclass(&ca) && cb.lookup_user(rname).is_some();
        // A native sequence's `*` is its repeat (CPython's sq_repeat, not a
        // number method): asked after both operands' number methods, and only
        // for a count with `__index__` (`sequence_repeat`); its method itself
        // raises for other counts, while the operator says "can't multiply…".
        let (rep_a, rep_b) =
            if op == BinOp::Mult { (self.is_repeat_native(a), self.is_repeat_native(b)) } else { (false, false) };
        if b_first
            && !rep_b
            && let Some(r) = self.try_dunder(b, rname, a)?
        {
            return Ok(r);
        }
        if !rep_a && let Some(r) = self.try_dunder(a, name, b)? {
            return Ok(r);
        }
        if !b_first
            && !rep_b
            && !Arc::ptr_eq(&ca, &cb)
            && let Some(r) = self.try_dunder(b, rname, a)?
        {
            return Ok(r);
        }
        if rep_a
            && self.has_index(b)
            && let Some(r) = self.try_dunder(a, name, b)?
        {
            return Ok(r);
        }
        if rep_b
            && self.has_index(a)
            && let Some(r) = self.try_dunder(b, rname, a)?
        {
            return Ok(r);
        }
        // `"%r" % obj`: str's own `%` accepts any right operand.
        if let (Value::Str(fmt), BinOp::Mod) = (a, op) {
            return Ok(Value::string(self.percent_format(fmt.as_str(), b)?));
        }
        // bytes + any bytes-like object (bytearray, memoryview, array) is bytes.
        if let (Value::Bytes(x), BinOp::Add) = (a, op)
            && let Some(y) = crate::stdlib::buffer::bytes_like(b)
        {
            let mut out = self.try_vec(x.len() + y.len())?;
            out.extend_from_slice(x);
            out.extend_from_slice(&y);
            return Ok(Value::Bytes(Arc::new(out)));
        }
        if let (Value::Bytes(fmt), BinOp::Mod) = (a, op) {
            return Ok(Value::Bytes(Arc::new(self.bytes_percent_format(fmt, b)?)));
        }
        // `seq * obj` / `obj * seq` with an `__index__` object as the count.
        if op == BinOp::Mult
            && let Some(v) = self.repeat_by_index(a, b)?
        {
            return Ok(v);
        }
        // Subclasses of built-in types without their own method: use the payload.
        let pa = payload_of(a);
        let pb = payload_of(b);
        if pa.is_some() || pb.is_some() {
            let a2 = pa.unwrap_or_else(|| a.clone());
            let b2 = pb.unwrap_or_else(|| b.clone());
            if !matches!(a2, Value::Instance(_)) && !matches!(b2, Value::Instance(_)) {
                return self.binary_op_for(&a2, &b2, op, inplace);
            }
        }
        // `type.__or__` for classes with a metaclass (`MyEnum | None`).
        if op == BinOp::BitOr
            && let Some(u) = crate::stdlib::types_union::union_or(self, a, b)?
        {
            return Ok(u);
        }
        Err(self.unsupported(a, b, op, inplace))
    }

    /// True for a native sequence whose `*` is a repeat with no number
    /// method behind it (CPython's sq_repeat): bytearray, array.array, deque.
    /// A subclass counts too, unless it defines its own `__mul__` (a number
    /// method, asked in the usual order).
    fn is_repeat_native(&self, v: &Value) -> bool {
        if !matches!(v, Value::Native2(_) | Value::Instance(_)) {
            return false;
        }
        let cls = self.class_of(v);
        let owner = cls.mro_with_self().find(|c| c.dict.get_item_str("__mul__").is_some());
        owner.is_some_and(|c| c.builtin && matches!(c.name().as_str(), "bytearray" | "array" | "deque"))
    }

    /// CPython's `PyIndex_Check`: the type has `__index__` (nothing is called).
    fn has_index(&self, v: &Value) -> bool {
        match v {
            Value::Int(_) | Value::BigInt(_) | Value::Boolean(_) => true,
            Value::Instance(_) | Value::Native2(_) => self.class_of(v).lookup("__index__").is_some(),
            _ => false,
        }
    }

    /// CPython's `tp_name` of `type(v)`, as operator errors show it: a
    /// built-in type of a module other than builtins is named with it
    /// (`array.array`, `collections.deque`).
    pub fn tp_name(&self, v: &Value) -> String {
        let c = self.class_of(v);
        let name = c.name().as_str().to_string();
        if c.builtin
            && let Some(Value::Str(m)) = c.dict.get_item_str("__module__")
            && m.as_str() != "builtins"
        {
            return format!("{}.{name}", m.as_str());
        }
        name
    }

    /// Calls `obj.name(arg)` if the class defines it (user code or a
    /// built-in dunder); None when absent or NotImplemented.
    fn try_dunder(&mut self, obj: &Value, name: &str, arg: &Value) -> PyResult<Option<Value>> {
        let cls = self.class_of(obj);
        // Rust-implemented objects (dict views, …) define their dunders natively.
        let found = if matches!(obj, Value::Native2(_)) { cls.lookup(name) } else { cls.lookup_user(name) };
        let Some(m) = found else { return Ok(None) };
        let r = self.call_method_value1(&m, obj.clone(), arg.clone())?;
        Ok(if matches!(r, Value::NotImplemented) { None } else { Some(r) })
    }

    /// `a op= b`.
    pub fn inplace_op(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult {
        match (a, op) {
            (Value::Int(x), _) if let Value::Int(y) = b => return self.int_op(*x, *y, op),
            (Value::List(l), BinOp::Add) => {
                let items = self.collect(b)?;
                l.lock().extend(items);
                return Ok(a.clone());
            }
            (Value::List(l), BinOp::Mult) => {
                // `seq * n`'s checks (an int count, MemoryError), then in place.
                if let Value::List(r) = self.binary_op_for(a, b, op, true)? {
                    let items = std::mem::take(&mut *r.lock());
                    *l.lock() = items;
                }
                return Ok(a.clone());
            }
            (Value::Set(s), BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor) if !s.frozen => {
                if let Value::Set(o) = b {
                    // In place, as CPython: `|=`, `-=` and `^=` keep `s`'s table (its
                    // order); `&=` builds the intersection and takes its table.
                    match op {
                        BinOp::BitOr => self.set_merge(s, o)?,
                        BinOp::Sub => self.set_difference_update(s, o)?,
                        BinOp::BitXor => self.set_symmetric_update(s, o)?,
                        _ => {
                            if let Value::Set(rs) = self.binary_op(a, b, op)? {
                                let t = rs.lock().clone();
                                *s.lock() = t;
                            }
                        }
                    }
                    return Ok(a.clone());
                }
            }
            (Value::Dict(d), BinOp::BitOr) => {
                // `d |= x` accepts what dict.update accepts (a mapping or pairs).
                self.dict_update_from(d, std::slice::from_ref(b), &[])?;
                return Ok(a.clone());
            }
            (Value::Native2(_) | Value::Instance(_), BinOp::Mult) if self.is_repeat_native(a) => {
                // The count's own number method first, then the in-place repeat
                // (CPython's PyNumber_InPlaceMultiply); a count without
                // `__index__` goes on to the operator's error.
                let count_ok = self.has_index(b);
                if count_ok
                    && matches!(b, Value::Instance(_) | Value::Native2(_))
                    && let Some(r) = self.try_dunder(b, "__rmul__", a)?
                {
                    return Ok(r);
                }
                if count_ok && let Some(r) = self.try_dunder(a, "__imul__", b)? {
                    return Ok(r);
                }
            }
            (Value::Instance(_) | Value::Native2(_), _) => {
                let iname = binop_names(op).2;
                if let Some(r) = self.try_dunder(a, iname, b)? {
                    return Ok(r);
                }
            }
            _ => {}
        }
        self.binary_op_for(a, b, op, true)
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = native_eq(a, b) {
            if self.rt.config.bytes_warning != 0 {
                self.bytes_compare_warning(a, b)?;
            }
            return Ok(r);
        }
        let r = self.compare(a, b, CmpOp::Eq)?;
        self.truthy(&r)
    }

    /// Rich comparison `a op b`.
    pub fn compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult {
        // Fast paths for the common built-in cases.
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => return Ok(Value::Bool(cmp_result(x.cmp(y), op))),
            (Value::Flt(x), Value::Flt(y)) => return Ok(Value::Bool(float_cmp(x.get(), y.get(), op))),
            (Value::Str(x), Value::Str(y)) => return Ok(Value::Bool(cmp_result(x.cmp_str(y), op))),
            (Value::Tuple(x), Value::Tuple(y)) => {
                if let Some(r) = tuple_cmp_native(&x.items, &y.items, op) {
                    return Ok(Value::Bool(r));
                }
            }
            _ => {}
        }
        // Comparing may recurse into the operands' items (or their
        // `__eq__`): one level of the recursion limit, as in CPython.
        self.recursing(" in comparison", |vm| vm.compare_slow(a, b, op))
    }

    /// `compare` past its fast paths, one recursion level deep.
    fn compare_slow(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult {
        // Instances, and classes whose metaclass has rich comparisons of
        // its own, compare through their dunders.
        let meta = |v: &Value| match v {
            Value::Class(c) => c.metaclass.as_ref().is_some_and(|m| {
                ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"].iter().any(|n| m.lookup_user(n).is_some())
            }),
            _ => false,
        };
        let user = matches!(a, Value::Instance(_) | Value::Native2(_))
            || matches!(b, Value::Instance(_) | Value::Native2(_))
            || meta(a)
            || meta(b);
        if user {
            let (name, rname, _) = cmp_names(op);
            let ca = self.class_of(a);
            let cb = self.class_of(b);
            // A subclass on the right answers first; for `!=` its (inherited) `object.__ne__`
            // asks its own `__eq__`, so a subclass overriding only `__eq__` is asked too.
            let b_eq_for_ne = op == CmpOp::NotEq && cb.lookup_user("__eq__").is_some();
            let b_first =
                !Arc::ptr_eq(&ca, &cb) && cb.is_subclass(&ca) && (cb.lookup_user(rname).is_some() || b_eq_for_ne);
            if b_first && let Some(r) = self.try_dunder(b, rname, a)? {
                return Ok(r);
            }
            if b_first
                && b_eq_for_ne
                && cb.lookup_user(rname).is_none()
                && let Some(r) = self.try_dunder(b, "__eq__", a)?
            {
                let t = self.truthy(&r)?;
                return Ok(Value::Bool(!t));
            }
            if let Some(r) = self.try_dunder(a, name, b)? {
                return Ok(r);
            }
            // `object.__ne__` (inherited when a class defines no `__ne__`)
            // inverts the object's own `__eq__`, never the other's.
            if op == CmpOp::NotEq
                && ca.lookup_user("__ne__").is_none()
                && ca.lookup_user("__eq__").is_some()
                && let Some(r) = self.try_dunder(a, "__eq__", b)?
            {
                let t = self.truthy(&r)?;
                return Ok(Value::Bool(!t));
            }
            if !b_first && let Some(r) = self.try_dunder(b, rname, a)? {
                return Ok(r);
            }
            if op == CmpOp::NotEq
                && cb.lookup_user("__ne__").is_none()
                && cb.lookup_user("__eq__").is_some()
                && let Some(r) = self.try_dunder(b, "__eq__", a)?
            {
                let t = self.truthy(&r)?;
                return Ok(Value::Bool(!t));
            }
            let pa = payload_of(a);
            let pb = payload_of(b);
            if pa.is_some() || pb.is_some() {
                let a2 = pa.unwrap_or_else(|| a.clone());
                let b2 = pb.unwrap_or_else(|| b.clone());
                if !matches!(a2, Value::Instance(_)) && !matches!(b2, Value::Instance(_)) {
                    return self.compare(&a2, &b2, op);
                }
            }
            return match op {
                CmpOp::Eq => Ok(Value::Bool(a.is(b))),
                CmpOp::NotEq => Ok(Value::Bool(!a.is(b))),
                _ => Err(self.cmp_unsupported(a, b, op)),
            };
        }
        // Past the objects' own methods: a str subclass met its bytes through
        // the payload path above, which comes back here once.
        if self.rt.config.bytes_warning != 0 && matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            self.bytes_compare_warning(a, b)?;
        }
        if let (Value::List(_), Value::List(_)) | (Value::Tuple(_), Value::Tuple(_)) = (a, b) {
            return self.seq_compare(a, b, op);
        }
        if let (Value::Slice(x), Value::Slice(y)) = (a, b) {
            // Slices compare as their (start, stop, step) tuples.
            return self.compare(&x.as_tuple(), &y.as_tuple(), op);
        }
        if let Some(ord) = self.builtin_order(a, b)? {
            return Ok(Value::Bool(match ord {
                Some(o) => cmp_result(o, op),
                None => op == CmpOp::NotEq,
            }));
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(self.builtin_eq(a, b)?)),
            CmpOp::NotEq => Ok(Value::Bool(!self.builtin_eq(a, b)?)),
            _ => {
                if let (Value::Set(_), Value::Set(_)) = (a, b) {
                    return self.set_compare(a, b, op);
                }
                Err(self.cmp_unsupported(a, b, op))
            }
        }
    }

    fn cmp_unsupported(&self, a: &Value, b: &Value, op: CmpOp) -> PyErr {
        let sym = cmp_names(op).2;
        self.type_error(&format!(
            "'{sym}' not supported between instances of '{}' and '{}'",
            self.tp_name(a),
            self.tp_name(b)
        ))
    }

    /// Ordering of two built-in values when they are orderable: numbers,
    /// strings, bytes, and lists/tuples (lexicographic). `Some(None)` means
    /// "unordered" (a NaN).
    pub fn builtin_order(&mut self, a: &Value, b: &Value) -> PyResult<Option<Option<std::cmp::Ordering>>> {
        use Value::*;
        Ok(Some(match (a, b) {
            (Int(_) | Boolean(_) | BigInt(_), Int(_) | Boolean(_) | BigInt(_)) => {
                let x = super::numeric::to_big(a).expect("int");
                let y = super::numeric::to_big(b).expect("int");
                Some(x.cmp(&y))
            }
            (Flt(x), Flt(y)) => x.get().partial_cmp(&y.get()),
            (Flt(x), Int(_) | Boolean(_) | BigInt(_)) => {
                int_float_cmp(&super::numeric::to_big(b).expect("int"), x.get()).map(|o| o.reverse())
            }
            (Int(_) | Boolean(_) | BigInt(_), Flt(y)) => {
                int_float_cmp(&super::numeric::to_big(a).expect("int"), y.get())
            }
            (Str(x), Str(y)) => Some(x.cmp_str(y)),
            (Bytes(x), Bytes(y)) => Some(x.cmp(y)),
            _ => return Ok(Option::None),
        }))
    }

    /// `a op b` for two lists or two tuples, as CPython: find the first
    /// index where the items differ (by `==`); equality is decided there,
    /// an ordering by comparing just those two items once. Equality never
    /// asks for an ordering, and each level recurses once, not three times.
    fn seq_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult {
        // Tuples cannot change: compare their items in place. Lists are
        // snapshotted (an item's `__eq__` may mutate them).
        if let (Value::Tuple(x), Value::Tuple(y)) = (a, b) {
            return self.items_compare(&x.items, &y.items, op);
        }
        let xs = self.seq_items(a);
        let ys = self.seq_items(b);
        self.items_compare(&xs, &ys, op)
    }

    /// [`Vm::seq_compare`] over two item slices.
    fn items_compare(&mut self, xs: &[Value], ys: &[Value], op: CmpOp) -> PyResult {
        if xs.len() != ys.len() && matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            return Ok(Value::Bool(op == CmpOp::NotEq));
        }
        for (x, y) in xs.iter().zip(ys.iter()) {
            if !self.eq(x, y)? {
                return match op {
                    CmpOp::Eq => Ok(Value::Bool(false)),
                    CmpOp::NotEq => Ok(Value::Bool(true)),
                    _ => self.compare(x, y, op),
                };
            }
        }
        Ok(Value::Bool(cmp_result(xs.len().cmp(&ys.len()), op)))
    }

    /// Equality of built-in containers (element-wise, may run Python `__eq__`).
    fn builtin_eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        use Value::*;
        match (a, b) {
            (Dict(x), Dict(y)) => {
                if x.len() != y.len() {
                    return Ok(false);
                }
                let items = x.lock().items();
                for (k, v) in items {
                    match self.dict_get(y, &k)? {
                        Some(v2) => {
                            if !self.eq(&v, &v2)? {
                                return Ok(false);
                            }
                        }
                        Option::None => return Ok(false),
                    }
                }
                Ok(true)
            }
            (Set(x), Set(y)) => {
                if x.len() != y.len() {
                    return Ok(false);
                }
                let keys = x.lock().keys();
                for k in keys {
                    if !self.set_contains(y, &k)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            (Range(x), Range(y)) => Ok(x.same_items(y)),
            // By value only: a complex with a NaN part is not equal to itself.
            (Cplx(_), _) | (_, Cplx(_)) => Ok(crate::object::eq::complex_eq(a, b)),
            (List(_), List(_)) | (Tuple(_), Tuple(_)) => {
                let r = self.seq_compare(a, b, CmpOp::Eq)?;
                self.truthy(&r)
            }
            _ => Ok(native_eq(a, b).unwrap_or(false)),
        }
    }

    /// Items of a list or tuple (a snapshot).
    pub fn seq_items(&self, v: &Value) -> Vec<Value> {
        match v {
            Value::List(l) => l.snapshot(),
            Value::Tuple(t) => t.items.to_vec(),
            _ => Vec::new(),
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(i) => Ok(s.contains(i)),
                _ => Err(self.type_error(&format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Value::List(_) | Value::Tuple(_) => {
                let items = self.seq_items(container);
                for x in &items {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) => Ok(self.dict_get(d, item)?.is_some()),
            Value::Set(s) => self.set_contains(s, item),
            Value::Range(r) => Ok(self.range_position(r, item).is_some()),
            Value::Bytes(b) => {
                let sub = crate::stdlib::types_bytes::sub_arg(self, item)
                    .map_err(|e| crate::stdlib::types_bytes::contains_error(self, item, e))?;
                Ok(crate::stdlib::types_bytes::find(b, &sub).is_some())
            }
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup_user("__contains__") {
                    let r = self.call_method_value(&m, container.clone(), vec![item.clone()])?;
                    return self.truthy(&r);
                }
                if let Some(p) = inst.builtin_value().cloned() {
                    return self.contains(&p, item);
                }
                self.contains_by_iter(container, item)
            }
            Value::Native2(_) => {
                let cls = self.class_of(container);
                if let Some(m) = cls.lookup("__contains__") {
                    let r = self.call_method_value(&m, container.clone(), vec![item.clone()])?;
                    return self.truthy(&r);
                }
                self.contains_by_iter(container, item)
            }
            _ => {
                // A class whose metaclass defines `__contains__` (enum's
                // `member in Color`), or any other value whose Python type does.
                if let Some(m) = self.class_of(container).lookup_user("__contains__") {
                    let r = self.call_method_value(&m, container.clone(), vec![item.clone()])?;
                    return self.truthy(&r);
                }
                self.contains_by_iter(container, item)
            }
        }
    }

    fn contains_by_iter(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let it = match self.get_iter(container) {
            Ok(it) => it,
            // Only a TypeError becomes "not iterable" (CPython's
            // _PySequence_IterSearch); an `__iter__` raising anything else
            // passes its error on.
            Err(e) if !self.is_exc(&e, "TypeError") => return Err(e),
            Err(_) => {
                let tn = self.type_name(container);
                return Err(self.type_error(&format!("argument of type '{tn}' is not iterable")));
            }
        };
        while let Some(x) = self.next_value(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    pub fn unary_neg(&mut self, a: &Value) -> PyResult {
        match a {
            Value::Int(i) => Ok(match i.checked_neg() {
                Some(v) => Value::Int(v),
                None => Value::from_bigint(-num_bigint::BigInt::from(*i)),
            }),
            Value::Boolean(b) => Ok(Value::Int(-(b.get() as i64))),
            Value::BigInt(b) => Ok(Value::from_bigint(-(**b).clone())),
            Value::Flt(f) => Ok(Value::Float(-f.get())),
            Value::Cplx(c) => Ok(Value::Cplx(Arc::new(-**c))),
            _ => self.unary_dunder(a, "__neg__", "-"),
        }
    }

    pub fn unary_pos(&mut self, a: &Value) -> PyResult {
        match a {
            Value::Int(_) | Value::BigInt(_) | Value::Flt(_) | Value::Cplx(_) => Ok(a.clone()),
            Value::Boolean(b) => Ok(Value::Int(b.get() as i64)),
            _ => self.unary_dunder(a, "__pos__", "+"),
        }
    }

    pub fn unary_invert(&mut self, a: &Value) -> PyResult {
        match a {
            Value::Int(i) => Ok(Value::Int(!i)),
            Value::Boolean(b) => Ok(Value::Int(!(b.get() as i64))),
            Value::BigInt(b) => Ok(Value::from_bigint(-(**b).clone() - 1)),
            _ => self.unary_dunder(a, "__invert__", "~"),
        }
    }

    fn unary_dunder(&mut self, a: &Value, name: &str, sym: &str) -> PyResult {
        let cls = self.class_of(a);
        if let Some(m) = cls.lookup_user(name) {
            return self.call_method_value(&m, a.clone(), vec![]);
        }
        if let Some(p) = payload_of(a) {
            return match sym {
                "-" => self.unary_neg(&p),
                "+" => self.unary_pos(&p),
                _ => self.unary_invert(&p),
            };
        }
        let tn = self.type_name(a);
        Err(self.type_error(&format!("bad operand type for unary {sym}: '{tn}'")))
    }

    /// `bool(v)`.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Boolean(b) => b.get(),
            Value::Int(i) => *i != 0,
            Value::Flt(f) => f.get() != 0.0,
            Value::Cplx(c) => c.re != 0.0 || c.im != 0.0,
            Value::BigInt(_) => true,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Set(s) => !s.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::NotImplemented => {
                self.warn("DeprecationWarning", "NotImplemented should not be used in a boolean context", 1)?;
                true
            }
            Value::Instance(inst) => return self.instance_truthy(inst, v),
            Value::Native2(_) => {
                let cls = self.class_of(v);
                if let Some(m) = cls.lookup("__bool__") {
                    let r = self.call_method_value(&m, v.clone(), vec![])?;
                    return self.truthy(&r);
                }
                if let Some(m) = cls.lookup("__len__") {
                    let r = self.call_method_value(&m, v.clone(), vec![])?;
                    return self.truthy(&r);
                }
                true
            }
            _ => true,
        })
    }

    fn instance_truthy(&mut self, inst: &Arc<Instance>, v: &Value) -> PyResult<bool> {
        if let Some(m) = inst.class.lookup_user("__bool__") {
            let r = self.call_method_value(&m, v.clone(), vec![])?;
            return match r {
                Value::Boolean(b) => Ok(b.get()),
                _ => {
                    let tn = self.type_name(&r);
                    Err(self.type_error(&format!("__bool__ should return bool, returned {tn}")))
                }
            };
        }
        if let Some(m) = inst.class.lookup_user("__len__") {
            let r = self.call_method_value(&m, v.clone(), vec![])?;
            let n = self.index_of(&r)?;
            if n < 0 {
                return Err(self.value_error("__len__() should return >= 0"));
            }
            return Ok(n != 0);
        }
        if let Some(p) = inst.builtin_value().cloned() {
            return self.truthy(&p);
        }
        Ok(true)
    }

    /// An int usable as an index (ints, bools, `__index__`).
    pub fn index_of(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Boolean(b) => Ok(b.get() as i64),
            Value::BigInt(_) => Err(self.err("IndexError", "cannot fit 'int' into an index-sized integer")),
            Value::Instance(_) => match self.exact_index(v)? {
                Some(Value::Int(i)) => Ok(i),
                Some(_) => Err(self.err("IndexError", "cannot fit 'int' into an index-sized integer")),
                None => {
                    let tn = self.type_name(v);
                    Err(self.type_error(&format!("'{tn}' object cannot be interpreted as an integer")))
                }
            },
            _ => {
                let tn = self.type_name(v);
                Err(self.type_error(&format!("'{tn}' object cannot be interpreted as an integer")))
            }
        }
    }

    fn set_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult {
        let (Value::Set(x), Value::Set(y)) = (a, b) else { unreachable!() };
        let sub = |vm: &mut Vm, p: &Arc<crate::object::set::Set>, q: &Arc<crate::object::set::Set>| -> PyResult<bool> {
            // Snapshot first: `q` may be `p` itself, and its lock is not reentrant.
            let keys = p.lock().keys();
            for k in keys {
                if !vm.set_contains(q, &k)? {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        let (lx, ly) = (x.len(), y.len());
        Ok(Value::Bool(match op {
            CmpOp::LtE => sub(self, x, y)?,
            CmpOp::Lt => lx < ly && sub(self, x, y)?,
            CmpOp::GtE => sub(self, y, x)?,
            CmpOp::Gt => lx > ly && sub(self, y, x)?,
            _ => false,
        }))
    }
}

/// The built-in value inside a subclass instance (e.g. the dict of a Counter).
pub fn payload_of(v: &Value) -> Option<Value> {
    match v {
        Value::Instance(i) => i.builtin_value().cloned(),
        _ => None,
    }
}

/// Exact ordering of an int and a float, as CPython's `float_richcompare`
/// (no rounding of the int): None when `y` is a NaN.
fn int_float_cmp(x: &num_bigint::BigInt, y: f64) -> Option<std::cmp::Ordering> {
    use num_traits::FromPrimitive;
    use std::cmp::Ordering;
    if y.is_nan() {
        return None;
    }
    if y.is_infinite() {
        return Some(if y > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let fl = y.floor();
    let big = num_bigint::BigInt::from_f64(fl).expect("finite");
    Some(match x.cmp(&big) {
        Ordering::Equal if fl < y => Ordering::Less,
        o => o,
    })
}

#[inline]
pub fn cmp_result(o: std::cmp::Ordering, op: CmpOp) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Lt => o == Less,
        CmpOp::LtE => o != Greater,
        CmpOp::Gt => o == Greater,
        CmpOp::GtE => o != Less,
        CmpOp::Eq => o == Equal,
        CmpOp::NotEq => o != Equal,
        _ => false,
    }
}

#[inline]
fn float_cmp(x: f64, y: f64, op: CmpOp) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::LtE => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::GtE => x >= y,
        CmpOp::Eq => x == y,
        CmpOp::NotEq => x != y,
        _ => false,
    }
}
