//! Methods of `range` and `slice`: the constructors (any int is a valid
//! bound), `count`/`index` by arithmetic, and `slice.indices`.

use std::sync::Arc;

use num_bigint::BigInt;

use super::method;
use crate::object::value::{Range, Value};
use crate::vm::{PyResult, Runtime};

pub fn register(rt: &Runtime) {
    let t = &rt.types;
    method(&t.range, "__new__", |vm, a| {
        let n = a.pos.len() - 1;
        if n == 0 {
            return Err(vm.type_error("range expected at least 1 argument, got 0"));
        }
        if n > 3 {
            return Err(vm.type_error(&format!("range expected at most 3 arguments, got {n}")));
        }
        // Machine-word arguments (the common case) build a small range without big ints.
        if let Some(w) =
            a.pos[1..].iter().map(|v| if let Value::Int(i) = v { Some(*i) } else { None }).collect::<Option<Vec<i64>>>()
        {
            let (start, stop, step) = match w[..] {
                [stop] => (0, stop, 1),
                [start, stop] => (start, stop, 1),
                [start, stop, step] => (start, stop, step),
                _ => (0, 0, 1),
            };
            if step == 0 {
                return Err(vm.value_error("range() arg 3 must not be zero"));
            }
            return Ok(Value::Range(Arc::new(Range::new(start, stop, step))));
        }
        let args: Vec<BigInt> = a.pos[1..].iter().map(|v| vm.index_bigint(v)).collect::<PyResult<_>>()?;
        let one = BigInt::from(1);
        let (start, stop, step) = match &args[..] {
            [stop] => (BigInt::from(0), stop.clone(), one),
            [start, stop] => (start.clone(), stop.clone(), one),
            [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
            _ => (BigInt::from(0), BigInt::from(0), one),
        };
        if step == BigInt::from(0) {
            return Err(vm.value_error("range() arg 3 must not be zero"));
        }
        Ok(Value::Range(Arc::new(Range::from_big(start, stop, step))))
    });
    // The sequence protocol as methods (`range.__getitem__(r, i)`), for code
    // that calls them directly; each is the operation the interpreter runs.
    method(&t.range, "__getitem__", |vm, a| {
        a.check_method(vm, "__getitem__", 1, 1)?;
        let r = range_arg(vm, &a, "__getitem__")?;
        vm.get_item(&r, &a.pos[1])
    });
    method(&t.range, "__contains__", |vm, a| {
        a.check_method(vm, "__contains__", 1, 1)?;
        let r = range_arg(vm, &a, "__contains__")?;
        Ok(Value::Bool(vm.contains(&r, &a.pos[1])?))
    });
    method(&t.range, "__iter__", |vm, a| {
        a.check_method(vm, "__iter__", 0, 0)?;
        let r = range_arg(vm, &a, "__iter__")?;
        vm.get_iter(&r)
    });
    method(&t.range, "__reversed__", |vm, a| {
        a.check_method(vm, "__reversed__", 0, 0)?;
        let r = range_arg(vm, &a, "__reversed__")?;
        vm.call_builtin("reversed", vec![r])
    });
    method(&t.range, "__bool__", |vm, a| {
        a.check_method(vm, "__bool__", 0, 0)?;
        let r = range_arg(vm, &a, "__bool__")?;
        Ok(Value::Bool(vm.len_of(&r)? != 0))
    });
    method(&t.range, "__len__", |vm, a| {
        let n = vm.len_of(&a.pos[0])?;
        Ok(Value::Int(n as i64))
    });
    method(&t.range, "count", |vm, a| {
        a.check(vm, "count", 2, 2)?;
        let Value::Range(r) = &a.pos[0] else {
            return Err(vm.type_error("descriptor 'count' requires a 'range' object"));
        };
        if matches!(a.pos[1], Value::Int(_) | Value::BigInt(_) | Value::Boolean(_)) {
            return Ok(Value::Int(vm.range_position(r, &a.pos[1]).is_some() as i64));
        }
        // Other values count by equality, item by item, as in CPython.
        let it = vm.get_iter(&a.pos[0])?;
        let mut n = 0;
        while let Some(x) = vm.next_value(&it)? {
            n += vm.eq(&x, &a.pos[1])? as i64;
        }
        Ok(Value::Int(n))
    });
    method(&t.range, "index", |vm, a| {
        a.check(vm, "index", 2, 2)?;
        let Value::Range(r) = &a.pos[0] else {
            return Err(vm.type_error("descriptor 'index' requires a 'range' object"));
        };
        if matches!(a.pos[1], Value::Int(_) | Value::BigInt(_) | Value::Boolean(_)) {
            if let Some(k) = vm.range_position(r, &a.pos[1]) {
                return Ok(Value::from_bigint(k));
            }
            let s = vm.repr_of(&a.pos[1])?;
            return Err(vm.value_error(&format!("{s} is not in range")));
        }
        let it = vm.get_iter(&a.pos[0])?;
        let mut k = 0;
        while let Some(x) = vm.next_value(&it)? {
            if vm.eq(&x, &a.pos[1])? {
                return Ok(Value::Int(k));
            }
            k += 1;
        }
        Err(vm.value_error("sequence.index(x): x not in sequence"))
    });
    method(&t.slice, "indices", |vm, a| {
        a.check(vm, "indices", 2, 2)?;
        let Value::Slice(sl) = &a.pos[0] else { return Err(vm.type_error("descriptor 'indices' requires a slice")) };
        let sl = sl.clone();
        let len = vm.index_bigint(&a.pos[1])?;
        if len < BigInt::from(0) {
            return Err(vm.value_error("length should not be negative"));
        }
        let (start, stop, step) = vm.slice_big_parts(&sl)?;
        let (start, stop, step, _) = crate::object::range::big_slice(start, stop, step, &len);
        Ok(Value::tuple(vec![Value::from_bigint(start), Value::from_bigint(stop), Value::from_bigint(step)]))
    });
    method(&t.slice, "__new__", |vm, a| {
        a.check_method(vm, "slice", 1, 3)?;
        let p = &a.pos[1..];
        let (start, stop, step) = match p.len() {
            1 => (Value::None, p[0].clone(), Value::None),
            2 => (p[0].clone(), p[1].clone(), Value::None),
            _ => (p[0].clone(), p[1].clone(), p.get(2).cloned().unwrap_or(Value::None)),
        };
        Ok(Value::Slice(Arc::new(crate::object::value::Slice { start, stop, step })))
    });
}

/// The `range` a method was called on (TypeError for anything else).
fn range_arg(vm: &mut crate::vm::Vm, a: &crate::vm::Args, name: &str) -> PyResult<Value> {
    match a.pos.first() {
        Some(r @ Value::Range(_)) => Ok(r.clone()),
        Some(other) => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!("descriptor '{name}' requires a 'range' object but received a '{tn}'")))
        }
        None => Err(vm.type_error(&format!("descriptor '{name}' of 'range' object needs an argument"))),
    }
}
