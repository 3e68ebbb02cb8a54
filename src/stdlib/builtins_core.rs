//! The core built-ins: print, len, isinstance, the constructors of the
//! built-in types, object/type/BaseException dunders, super and the
//! descriptor types.

use std::sync::Arc;

use num_bigint::BigInt;

use super::{def, def_fast, method};
use crate::object::class::{Class, Instance, Layout, Payload};
use crate::object::dict::Dict;
use crate::object::function::FastCall;
use crate::object::list::List;
use crate::object::numfmt;
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Runtime, Vm};

pub fn register(rt: &Runtime) {
    let b = &rt.builtins;
    let t = &rt.types;
    for (name, cls) in [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool_),
        ("float", &t.float),
        ("complex", &t.complex),
        ("str", &t.str_),
        ("bytes", &t.bytes),
        ("bytearray", &t.bytearray),
        ("memoryview", &t.memoryview),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("staticmethod", &t.staticmethod),
        ("classmethod", &t.classmethod),
        ("super", &t.super_),
    ] {
        b.set_item_str(name, Value::Class(cls.clone()));
    }
    b.set_item_str("None", Value::None);
    b.set_item_str("NotImplemented", Value::NotImplemented);
    b.set_item_str("Ellipsis", Value::Ellipsis);
    b.set_item_str("__name__", Value::str("builtins"));

    def(b, "print", builtin_print);
    def_fast(b, "len", FastCall::Len, |vm, a| {
        a.no_kw(vm, "len")?;
        a.check(vm, "len", 1, 1)?;
        let n = vm.len_of(&a.pos[0])?;
        Ok(Value::Int(n as i64))
    });
    def(b, "repr", |vm, a| {
        a.no_kw(vm, "repr")?;
        a.check(vm, "repr", 1, 1)?;
        Ok(Value::string(vm.repr_of(&a.pos[0])?))
    });
    def_fast(b, "isinstance", FastCall::Isinstance, |vm, a| {
        a.no_kw(vm, "isinstance")?;
        a.check(vm, "isinstance", 2, 2)?;
        Ok(Value::Bool(vm.isinstance(&a.pos[0], &a.pos[1])?))
    });
    def(b, "issubclass", |vm, a| {
        a.no_kw(vm, "issubclass")?;
        a.check(vm, "issubclass", 2, 2)?;
        Ok(Value::Bool(vm.issubclass_value(&a.pos[0], &a.pos[1])?))
    });
    def(b, "iter", |vm, a| {
        a.no_kw(vm, "iter")?;
        a.check(vm, "iter", 1, 2)?;
        if a.pos.len() == 2 {
            if !super::builtins_attr::is_callable(vm, &a.pos[0]) {
                return Err(vm.type_error("iter(v, w): v must be callable"));
            }
            let it = crate::object::iter::NativeIter::Callable {
                func: a.pos[0].clone(),
                sentinel: a.pos[1].clone(),
                done: parking_lot::Mutex::new(false),
            };
            return Ok(Value::Iter(Arc::new(it)));
        }
        vm.get_iter(&a.pos[0])
    });
    def(b, "next", |vm, a| {
        a.no_kw(vm, "next")?;
        a.check(vm, "next", 1, 2)?;
        let it = a.pos[0].clone();
        if !matches!(it, Value::Iter(_) | Value::Generator(_)) && vm.class_of(&it).lookup("__next__").is_none() {
            let tn = vm.type_name(&it);
            return Err(vm.type_error(&format!("'{tn}' object is not an iterator")));
        }
        // A generator's return value travels in StopIteration.value.
        let (item, ret) = match &it {
            Value::Generator(g) => match vm.resume(g, Value::None)? {
                crate::vm::iter::SendResult::Yielded(v) => (Some(v), Value::None),
                crate::vm::iter::SendResult::Returned(r) => (None, r),
            },
            Value::Iter(_) => (vm.next_value(&it)?, Value::None),
            // `__next__` raising StopIteration(value) passes it on as it is
            // (a coroutine_wrapper's return value), unless a default is given.
            _ => {
                let m = vm.class_of(&it).lookup("__next__").unwrap_or(Value::None);
                return match vm.call_method_value(&m, it, vec![]) {
                    Err(e) if a.pos.len() > 1 && vm.is_exc(&e, "StopIteration") => Ok(a.pos[1].clone()),
                    r => r,
                };
            }
        };
        match item {
            Some(v) => Ok(v),
            None => match a.pos.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.stop_iteration(if ret.is_none() { None } else { Some(ret) })),
            },
        }
    });
    def(b, "__gilt_aexit__", |vm, a| {
        let (mgr, exc) = (a.pos[0].clone(), a.pos[1].clone());
        let typ = Value::Class(vm.class_of(&exc));
        let tb = vm.get_attr_str(&exc, "__traceback__")?.unwrap_or(Value::None);
        vm.call_method(&mgr, "__aexit__", vec![typ, exc, tb])
    });

    for cls in [&rt.types.int, &rt.types.float, &rt.types.bool_] {
        method(cls, "__format__", |vm, a| {
            let spec = match a.pos.get(1) {
                Some(Value::Str(s)) => s.as_str().to_string(),
                _ => String::new(),
            };
            let v = crate::vm::ops::payload_of(&a.pos[0]).unwrap_or_else(|| a.pos[0].clone());
            Ok(Value::string(vm.format_builtin(&a.pos[0], &v, &spec)?))
        });
    }

    super::iter_reduce::register(rt);
    super::isinstance::register(rt);
    for cls in rt.types.iterators.values() {
        method(cls, "__iter__", |_vm, a| Ok(a.pos[0].clone()));
        // `self` may be an instance of a subclass (`class E(enumerate)`)
        // with the native iterator as its payload.
        method(cls, "__next__", |vm, a| {
            match vm.next_value(&crate::vm::ops::payload_of(&a.pos[0]).unwrap_or_else(|| a.pos[0].clone()))? {
                Some(v) => Ok(v),
                None => Err(vm.stop_iteration(None)),
            }
        });
    }

    register_object(rt);
    register_type(rt);
    register_exceptions(rt);
    register_constructors(rt);
    super::builtins_descr::register_descriptors(rt);
}

fn builtin_print(vm: &mut Vm, mut a: Args) -> PyResult {
    let sep = match a.take_kw("sep") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(Value::None) | None => " ".to_string(),
        Some(v) => {
            let tn = vm.type_name(&v);
            return Err(vm.type_error(&format!("sep must be None or a string, not {tn}")));
        }
    };
    let end = match a.take_kw("end") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(Value::None) | None => "\n".to_string(),
        Some(v) => {
            let tn = vm.type_name(&v);
            return Err(vm.type_error(&format!("end must be None or a string, not {tn}")));
        }
    };
    let file = a.take_kw("file").filter(|f| !f.is_none());
    let flush = a.take_kw("flush");
    a.no_extra_kw(vm, "print")?;
    let target = match &file {
        Some(f) => Some(f.clone()),
        None => vm.sys_attr("stdout"),
    };
    let whole =
        |vm: &Vm, t: &Value| t.is_none() || super::sys::is_utf8_std_stream(vm, t) || super::file::is_native_text(t);
    if let Some(t) = target.filter(|t| !whole(vm, t)) {
        // As CPython: one write() per argument, separator and end, so a
        // Python-level stream sees each piece and an encoding error leaves
        // the pieces before it written.
        for (i, v) in a.pos.iter().enumerate() {
            if i > 0 {
                vm.call_method(&t, "write", vec![Value::str(&sep)])?;
            }
            let piece = match v {
                Value::Str(_) => v.clone(),
                _ => Value::string(vm.str_of(v)?),
            };
            vm.call_method(&t, "write", vec![piece])?;
        }
        vm.call_method(&t, "write", vec![Value::str(&end)])?;
        if let Some(fl) = flush
            && vm.truthy(&fl)?
        {
            vm.call_method(&t, "flush", vec![])?;
        }
        return Ok(Value::None);
    }
    let mut s = String::new();
    for (i, v) in a.pos.iter().enumerate() {
        if i > 0 {
            s.push_str(&sep);
        }
        match v {
            Value::Str(x) => s.push_str(x.as_str()),
            _ => s.push_str(&vm.str_of(v)?),
        }
    }
    s.push_str(&end);
    match file {
        Some(f) => {
            vm.call_method(&f, "write", vec![Value::string(s)])?;
            if let Some(fl) = flush
                && vm.truthy(&fl)?
            {
                vm.call_method(&f, "flush", vec![])?;
            }
        }
        None => vm.write_stdout(&s)?,
    }
    Ok(Value::None)
}

impl Vm {
    /// `len(v)`.
    pub fn len_of(&mut self, v: &Value) -> PyResult<usize> {
        if let Some(n) = crate::vm::fastcall::builtin_len(v) {
            return Ok(n);
        }
        if let Value::Range(_) = v {
            // builtin_len answers every range whose length fits.
            return Err(self.overflow_error("Python int too large to convert to C ssize_t"));
        }
        if let Value::Instance(inst) = v {
            if let Some(m) = inst.class.lookup_user("__len__") {
                let r = self.call_method_value(&m, v.clone(), vec![])?;
                // CPython's order: the sign first, then the size of the int.
                return match self.exact_index(&r)? {
                    Some(Value::Int(n)) if n >= 0 => Ok(n as usize),
                    Some(Value::BigInt(b)) if b.sign() != num_bigint::Sign::Minus => {
                        Err(self.overflow_error("cannot fit 'int' into an index-sized integer"))
                    }
                    Some(_) => Err(self.value_error("__len__() should return >= 0")),
                    None => {
                        let tn = self.type_name(&r);
                        Err(self.type_error(&format!("'{tn}' object cannot be interpreted as an integer")))
                    }
                };
            }
            if let Some(p) = inst.builtin_value().cloned() {
                return self.len_of(&p);
            }
        } else if let Some(m) = self.class_of(v).lookup("__len__") {
            let r = self.call_method_value(&m, v.clone(), vec![])?;
            return Ok(self.index_of(&r)?.max(0) as usize);
        }
        let tn = self.type_name(v);
        Err(self.type_error(&format!("object of type '{tn}' has no len()")))
    }

    /// `int(v)` for a single argument.
    pub fn to_int(&mut self, v: &Value) -> PyResult {
        match v {
            Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
            Value::Boolean(b) => Ok(Value::Int(b.get() as i64)),
            Value::Flt(f) => {
                let b = numfmt::float_to_int_checked(f.get()).map_err(|e| self.num_err(e))?;
                Ok(Value::from_bigint(b))
            }
            Value::Str(s) => {
                let b = numfmt::parse_int(s.as_str(), 10).map_err(|m| self.value_error(&m))?;
                Ok(Value::from_bigint(b))
            }
            Value::Bytes(b) => {
                let r = numfmt::parse_int_bytes(b, 10).map_err(|m| self.value_error(&m))?;
                Ok(Value::from_bigint(r))
            }
            Value::Native2(_) if let Some(b) = crate::stdlib::buffer::bytes_like(v) => {
                let r = numfmt::parse_int_bytes(&b, 10).map_err(|m| self.value_error(&m))?;
                Ok(Value::from_bigint(r))
            }
            _ => {
                let cls = self.class_of(v);
                for name in ["__int__", "__index__"] {
                    if let Some(m) = cls.lookup_user(name) {
                        let r = self.call_method_value(&m, v.clone(), vec![])?;
                        return self.exact_number_result(r, v, name, false);
                    }
                    // An int subclass without its own `__int__` converts by
                    // int's (CPython's inherited nb_int), never by `__index__`.
                    if let Some(p @ (Value::Int(_) | Value::BigInt(_) | Value::Boolean(_))) =
                        crate::vm::ops::payload_of(v)
                    {
                        return self.to_int(&p);
                    }
                }
                if let Some(m) = cls.lookup_user("__trunc__") {
                    self.warn("DeprecationWarning", "The delegation of int() to __trunc__ is deprecated.", 1)?;
                    let r = self.call_method_value(&m, v.clone(), vec![])?;
                    if matches!(r, Value::Int(_) | Value::BigInt(_) | Value::Boolean(_)) {
                        return Ok(r);
                    }
                    if let Some(p) = crate::vm::ops::payload_of(&r)
                        && matches!(p, Value::Int(_) | Value::BigInt(_) | Value::Boolean(_))
                    {
                        return Ok(p);
                    }
                    // CPython: the result must support __index__.
                    let rc = self.class_of(&r);
                    if let Some(ix) = rc.lookup_user("__index__") {
                        let i = self.call_method_value(&ix, r.clone(), vec![])?;
                        return self.exact_number_result(i, &r, "__index__", false);
                    }
                    let tn = self.type_name(&r);
                    return Err(self.type_error(&format!("__trunc__ returned non-Integral (type {tn})")));
                }
                if let Some(p) = crate::vm::ops::payload_of(v) {
                    return self.to_int(&p);
                }
                let tn = self.type_name(v);
                Err(self.type_error(&format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{tn}'"
                )))
            }
        }
    }

    /// `float(v)`.
    pub fn to_float(&mut self, v: &Value) -> PyResult<f64> {
        match v {
            Value::Flt(f) => Ok(f.get()),
            Value::Int(_) | Value::Boolean(_) | Value::BigInt(_) => Ok(self.as_f64(v)?.unwrap_or(0.0)),
            Value::Str(s) => numfmt::parse_float(s.as_str()).map_err(|m| self.value_error(&m)),
            Value::Bytes(b) => numfmt::parse_float_bytes(b).map_err(|m| self.value_error(&m)),
            Value::Native2(_) if let Some(b) = crate::stdlib::buffer::bytes_like(v) => {
                numfmt::parse_float_bytes(&b).map_err(|m| self.value_error(&m))
            }
            _ => {
                let cls = self.class_of(v);
                if let Some(m) = cls.lookup_user("__float__") {
                    let r = self.call_method_value(&m, v.clone(), vec![])?;
                    let r = self.exact_number_result(r, v, "__float__", true)?;
                    return self.to_float(&r);
                }
                if let Some(p @ (Value::Int(_) | Value::BigInt(_) | Value::Boolean(_))) = crate::vm::ops::payload_of(v)
                {
                    return self.to_float(&p);
                }
                if let Some(m) = cls.lookup_user("__index__") {
                    let r = self.call_method_value(&m, v.clone(), vec![])?;
                    let r = self.exact_number_result(r, v, "__index__", false)?;
                    return self.to_float(&r);
                }
                if let Some(p) = crate::vm::ops::payload_of(v) {
                    return self.to_float(&p);
                }
                let tn = self.type_name(v);
                Err(self.type_error(&format!("float() argument must be a string or a real number, not '{tn}'")))
            }
        }
    }

    /// The result of a `__float__` (`float`) or `__int__`/`__index__` (`int`)
    /// hook as the exact built-in number: a strict subclass instance is
    /// unwrapped with CPython's DeprecationWarning, anything else is a
    /// TypeError. Checking here, not by converting again, is what stops a
    /// hook that returns `self` from recursing.
    pub fn exact_number_result(&mut self, r: Value, of: &Value, hook: &str, float: bool) -> PyResult {
        let exact = |x: &Value| {
            if float { matches!(x, Value::Flt(_)) } else { matches!(x, Value::Int(_) | Value::BigInt(_)) }
        };
        if exact(&r) {
            return Ok(r);
        }
        let rn = self.type_name(&r);

        // CPython names the receiver's type for __float__ only.
        let head = if float { format!("{}.{hook}", self.type_name(of)) } else { hook.to_string() };
        let what = if float { "float" } else { "int" };
        // bool is int's one built-in strict subclass.
        let unwrapped = match &r {
            Value::Boolean(b) if !float => Some(Value::Int(b.get() as i64)),
            _ => crate::vm::ops::payload_of(&r).filter(exact),
        };
        if let Some(p) = unwrapped {
            self.warn(
                "DeprecationWarning",
                &format!(
                    "{head} returned non-{what} (type {rn}).  The ability to return an instance of a strict \
                     subclass of {what} is deprecated, and may be removed in a future version of Python."
                ),
                1,
            )?;
            return Ok(p);
        }
        Err(self.type_error(&format!("{head} returned non-{what} (type {rn})")))
    }

    /// Wraps a built-in value for a subclass instance (`class C(list)`), or
    /// returns it as is for the exact built-in class.
    pub fn wrap_builtin(&mut self, cls: &Value, v: Value) -> Value {
        match cls {
            Value::Class(c) if !c.builtin || c.extra.native_overrides => {
                Value::Instance(crate::object::gc::instance(Arc::new(Instance::new(c.clone(), Payload::Builtin(v)))))
            }
            _ => v,
        }
    }
}

/// Whether a subclass defines its own `__init__` (which may take keywords
/// the built-in constructor would refuse).
fn own_init(cls: &Value) -> bool {
    matches!(cls, Value::Class(c) if c.lookup_user("__init__").is_some())
}

/// `int(x=1)`: the first keyword left after the known ones, as CPython's
/// clinic reports it.
fn no_other_keywords(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<()> {
    match a.kw.first() {
        Some((k, _)) => Err(vm.type_error(&format!("'{}' is an invalid keyword argument for {fname}()", k.as_str()))),
        None => Ok(()),
    }
}

/// The arguments of `list(it)`, `tuple(it)`, `set(it)`, `bool(x)`: at most
/// one positional, and no keywords when `check_kw`.
/// `counted` names the type in the count message (`set` and `frozenset`
/// name the class being made, a subclass's own name).
fn sequence_ctor_args(vm: &mut Vm, a: &Args, name: &str, counted: &str, check_kw: bool) -> PyResult<()> {
    if check_kw && !a.kw.is_empty() {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    if a.pos.len() > 2 {
        return Err(vm.type_error(&format!("{counted} expected at most 1 argument, got {}", a.pos.len() - 1)));
    }
    Ok(())
}

fn cls_arg(a: &Args) -> Value {
    a.pos.first().cloned().unwrap_or(Value::None)
}

/// The name a constructor's argument-count message uses: `set` and
/// `frozenset` name the class being made (`S expected at most 1 argument`).
fn type_name_of(cls: &Value, base: &str) -> String {
    match cls {
        Value::Class(c) => c.name().as_str().to_string(),
        _ => base.to_string(),
    }
}

fn register_constructors(rt: &Runtime) {
    let t = &rt.types;
    method(&t.int, "__new__", |vm, mut a| {
        let cls = cls_arg(&a);
        let base = a.take_kw("base");
        no_other_keywords(vm, &a, "int")?;
        if a.pos.len() > 3 || (base.is_some() && a.pos.len() > 2) {
            let n = a.pos.len() - 1 + usize::from(base.is_some());
            return Err(vm.type_error(&format!("int() takes at most 2 arguments ({n} given)")));
        }
        let r = match (a.pos.get(1), base.or_else(|| a.pos.get(2).cloned())) {
            (None, _) => Value::Int(0),
            (Some(v), None) => vm.to_int(v)?,
            (Some(v), Some(b)) => {
                let base = vm.index_of(&b)?;
                if base != 0 && !(2..=36).contains(&base) {
                    return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
                }
                match v {
                    Value::Str(s) => {
                        Value::from_bigint(numfmt::parse_int(s.as_str(), base as u32).map_err(|m| vm.value_error(&m))?)
                    }
                    // With a base: str, bytes and bytearray only (not memoryview), as CPython.
                    Value::Bytes(_) | Value::Native2(_)
                        if let Value::Native2(o) = v
                            && !o.as_any().is::<crate::stdlib::types_bytearray::ByteArray>() =>
                    {
                        return Err(vm.type_error("int() can't convert non-string with explicit base"));
                    }
                    Value::Bytes(_) | Value::Native2(_) if let Some(s) = crate::stdlib::buffer::bytes_like(v) => {
                        Value::from_bigint(numfmt::parse_int_bytes(&s, base as u32).map_err(|m| vm.value_error(&m))?)
                    }
                    _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
                }
            }
        };
        Ok(vm.wrap_builtin(&cls, r))
    });
    // The singletons' types return the singleton (CPython's none_new & co.).
    for (cls, name, v) in [
        (&t.none, "NoneType", Value::None),
        (&t.notimpl, "NotImplementedType", Value::NotImplemented),
        (&t.ellipsis, "EllipsisType", Value::Ellipsis),
    ] {
        method(cls, "__new__", move |vm, a| {
            if a.pos.len() > 1 || !a.kw.is_empty() {
                return Err(vm.type_error(&format!("{name} takes no arguments")));
            }
            Ok(v.clone())
        });
    }
    method(&t.bool_, "__new__", |vm, a| {
        sequence_ctor_args(vm, &a, "bool", "bool", true)?;
        let r = match a.pos.get(1) {
            Some(v) => vm.truthy(v)?,
            None => false,
        };
        Ok(Value::Bool(r))
    });
    method(&t.float, "__new__", |vm, a| {
        let cls = cls_arg(&a);
        // As CPython: keywords are refused unless a subclass's own __init__ takes them.
        let own_init = matches!(&cls, Value::Class(c) if c.lookup_user("__init__").is_some());
        if !a.kw.is_empty() && !own_init {
            return Err(vm.type_error("float() takes no keyword arguments"));
        }
        if a.pos.len() > 2 {
            return Err(vm.type_error(&format!("float expected at most 1 argument, got {}", a.pos.len() - 1)));
        }
        let r = match a.pos.get(1) {
            Some(v) => vm.to_float(v)?,
            None => 0.0,
        };
        Ok(vm.wrap_builtin(&cls, Value::Float(r)))
    });
    method(&t.str_, "__new__", |vm, mut a| {
        let cls = cls_arg(&a);
        let object = a.take_kw("object");
        let encoding = a.take_kw("encoding");
        let errors = a.take_kw("errors");
        no_other_keywords(vm, &a, "str")?;
        let given = a.pos.len() - 1 + [&object, &encoding, &errors].iter().filter(|o| o.is_some()).count();
        if given > 3 {
            return Err(vm.type_error(&format!("str() takes at most 3 arguments ({given} given)")));
        }
        // Positional and keyword forms of the same parameter: CPython's clinic error.
        for (i, (kw, name)) in [(&object, "object"), (&encoding, "encoding"), (&errors, "errors")].iter().enumerate() {
            if kw.is_some() && a.pos.len() > i + 1 {
                return Err(
                    vm.type_error(&format!("argument for str() given by name ('{name}') and position ({})", i + 1))
                );
            }
        }
        let encoding = encoding.or_else(|| a.pos.get(2).cloned());
        let errors = errors.or_else(|| a.pos.get(3).cloned());
        let object = object.or_else(|| a.pos.get(1).cloned());
        let r = match object.as_ref() {
            None => Value::str(""),
            Some(v) if encoding.is_some() || errors.is_some() => {
                let text = |vm: &mut Vm, o: Option<Value>, what: &str, default: &str| match o {
                    None => Ok(default.to_string()),
                    Some(Value::Str(s)) => Ok(s.as_str().to_string()),
                    Some(o) => {
                        let tn = vm.type_name(&o);
                        Err(vm.type_error(&format!("str() argument '{what}' must be str, not {tn}")))
                    }
                };
                let enc = text(vm, encoding, "encoding", "utf-8")?;
                let errs = text(vm, errors, "errors", "strict")?;
                match crate::stdlib::buffer::bytes_like(v) {
                    Some(b) => Value::Str(std::sync::Arc::new(super::mod_codecs::decode_bytes(vm, &b, &enc, &errs)?)),
                    None if v.as_str().is_some() => return Err(vm.type_error("decoding str is not supported")),
                    None => {
                        let tn = vm.type_name(v);
                        return Err(vm.type_error(&format!("decoding to str: need a bytes-like object, {tn} found")));
                    }
                }
            }
            Some(Value::Str(s)) => Value::Str(s.clone()),
            Some(v) => Value::string(vm.str_of(v)?),
        };
        Ok(vm.wrap_builtin(&cls, r))
    });
    method(&t.tuple, "__new__", |vm, a| {
        let cls = cls_arg(&a);
        sequence_ctor_args(vm, &a, "tuple", "tuple", !own_init(&cls))?;
        let r = match a.pos.get(1) {
            None => Value::tuple(vec![]),
            Some(Value::Tuple(t)) => Value::Tuple(t.clone()),
            Some(v) => Value::tuple(vm.collect(v)?),
        };
        Ok(vm.wrap_builtin(&cls, r))
    });
    method(&t.frozenset, "__new__", |vm, a| {
        let cls = cls_arg(&a);
        sequence_ctor_args(vm, &a, "frozenset", &type_name_of(&cls, "frozenset"), !own_init(&cls))?;
        // `frozenset(f)` of an exact frozenset is `f` itself (immutable).
        if let (Value::Class(c), Some(v @ Value::Set(src))) = (&cls, a.pos.get(1))
            && src.frozen
            && Arc::ptr_eq(c, &vm.rt.types.frozenset)
        {
            return Ok(v.clone());
        }
        // CPython's make_new_set: a set's table copied when it can be, a dict's
        // keys after one resize, other items one by one.
        let s = crate::object::gc::set(Arc::new(crate::object::set::Set::new(true)));
        if let Some(v) = a.pos.get(1) {
            vm.set_update_from(&s, v)?;
        }
        Ok(vm.wrap_builtin(&cls, Value::Set(s)))
    });
    method(&t.bytes, "__new__", super::types_bytes::bytes_new);
    // Mutable containers: __new__ makes an empty one, __init__ fills it.
    method(&t.list, "__new__", |vm, a| {
        let cls = cls_arg(&a);
        Ok(vm.wrap_builtin(&cls, Value::list(vec![])))
    });
    method(&t.list, "__init__", |vm, a| {
        sequence_ctor_args(vm, &a, "list", "list", true)?;
        let target = crate::vm::ops::payload_of(&a.pos[0]).unwrap_or_else(|| a.pos[0].clone());
        if let Value::List(l) = target {
            let items = match a.pos.get(1) {
                Some(v) => vm.collect(v)?,
                None => vec![],
            };
            *l.lock() = items;
        }
        Ok(Value::None)
    });
    method(&t.set, "__new__", |vm, a| {
        let cls = cls_arg(&a);
        // Keywords only for a subclass with its own `__init__` (which takes them).
        if !a.kw.is_empty() && !own_init(&cls) {
            return Err(vm.type_error("set() takes no keyword arguments"));
        }
        let s = Value::Set(crate::object::gc::set(Arc::new(crate::object::set::Set::new(false))));
        Ok(vm.wrap_builtin(&cls, s))
    });
    method(&t.set, "__init__", |vm, a| {
        let cls = Value::Class(vm.class_of(&a.pos[0]));
        sequence_ctor_args(vm, &a, "set", &type_name_of(&cls, "set"), true)?;
        let target = crate::vm::ops::payload_of(&a.pos[0]).unwrap_or_else(|| a.pos[0].clone());
        if let Value::Set(s) = target {
            s.lock().clear();
            if let Some(v) = a.pos.get(1) {
                if let Value::Set(src) = v {
                    let copy = vm.set_copy(src, false);
                    if let Value::Set(c) = copy {
                        *s.lock() = c.lock().clone();
                    }
                } else {
                    vm.set_update_from(&s, v)?;
                }
            }
        }
        Ok(Value::None)
    });
    method(&t.dict, "__new__", |vm, a| {
        let cls = cls_arg(&a);
        Ok(vm.wrap_builtin(&cls, Value::Dict(Arc::new(Dict::new()))))
    });
    method(&t.dict, "__init__", |vm, a| {
        if a.pos.len() > 2 {
            return Err(vm.type_error(&format!("dict expected at most 1 argument, got {}", a.pos.len() - 1)));
        }
        let target = vm.as_dict(&a.pos[0]);
        if let Some(d) = target {
            vm.dict_update_from(&d, &a.pos[1..], &a.kw)?;
        }
        Ok(Value::None)
    });
}

impl Vm {
    /// `dict.update(*args, **kw)` semantics.
    pub fn dict_update_from(
        &mut self,
        d: &Arc<Dict>,
        pos: &[Value],
        kw: &[(Arc<crate::object::str::PyStr>, Value)],
    ) -> PyResult<()> {
        if let Some(src) = pos.first() {
            let is_mapping = self.as_dict(src).is_some() || self.get_attr_str(src, "keys")?.is_some();
            if is_mapping {
                for (k, v) in self.mapping_items(src)? {
                    self.dict_set(d, k, v)?;
                }
            } else {
                let items = self.collect(src)?;
                for (i, item) in items.into_iter().enumerate() {
                    let pair = self.collect(&item).map_err(|_| {
                        self.type_error(&format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        ))
                    })?;
                    if pair.len() != 2 {
                        return Err(self.value_error(&format!(
                            "dictionary update sequence element #{i} has length {}; 2 is required",
                            pair.len()
                        )));
                    }
                    let mut it = pair.into_iter();
                    let (k, v) = (it.next().expect("k"), it.next().expect("v"));
                    self.dict_set(d, k, v)?;
                }
            }
        }
        for (k, v) in kw {
            d.set_str(k, v.clone());
        }
        Ok(())
    }
}

/// Whether `cls`'s `name` (`__new__`/`__init__`) is inherited from
/// `object` itself. As CPython's slot comparison, a subclass that stores
/// the same function (`__new__ = object.__new__`) has its own.
fn is_objects(cls: &Arc<Class>, object: &Arc<Class>, name: &str) -> bool {
    match cls.mro_with_self().find(|c| c.dict.get_item_str(name).is_some()) {
        Some(owner) => Arc::ptr_eq(owner, object),
        None => true,
    }
}

fn register_object(rt: &Runtime) {
    let o = &rt.types.object;
    // Extra arguments are an error unless the other half of the pair is
    // overridden to take them (CPython's object_init / object_new).
    method(o, "__init__", |vm, a| {
        if a.pos.len() > 1 || !a.kw.is_empty() {
            let Some(this) = a.pos.first() else { return Ok(Value::None) };
            let cls = vm.class_of(this);
            let object = vm.rt.types.object.clone();
            if !is_objects(&cls, &object, "__init__") {
                return Err(vm.type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
            }
            if is_objects(&cls, &object, "__new__") {
                return Err(vm.type_error(&format!(
                    "{}.__init__() takes exactly one argument (the instance to initialize)",
                    cls.name().as_str()
                )));
            }
        }
        Ok(Value::None)
    });
    method(o, "__new__", |vm, a| {
        let Some(Value::Class(c)) = a.pos.first() else {
            return Err(vm.type_error("object.__new__(X): X is not a type object"));
        };
        if (a.pos.len() > 1 || !a.kw.is_empty()) && c.layout != Layout::Exception {
            let object = vm.rt.types.object.clone();
            if !is_objects(c, &object, "__new__") {
                return Err(vm.type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
            }
            if is_objects(c, &object, "__init__") {
                return Err(vm.type_error(&format!("{}() takes no arguments", c.name().as_str())));
            }
        }
        vm.check_abstract(c)?;
        let payload = match c.layout {
            Layout::Exception => {
                Payload::Exception(Box::new(parking_lot::Mutex::new(crate::object::class::ExcState {
                    args: a.pos[1..].to_vec(),
                    ..Default::default()
                })))
            }
            _ => Payload::None,
        };
        Ok(Value::Instance(crate::object::gc::instance(Arc::new(Instance::new(c.clone(), payload)))))
    });
    method(o, "__setattr__", |vm, a| {
        a.expect_after_self(vm, 2)?;
        if let (Value::Module(m), Value::Str(name)) = (&a.pos[0], &a.pos[1]) {
            let (m, name) = (m.clone(), name.clone());
            vm.module_generic_setattr(&m, &a.pos[0], &name, Some(a.pos[2].clone()))?;
            return Ok(Value::None);
        }
        let Value::Instance(inst) = &a.pos[0] else { return Err(vm.type_error("can't apply this __setattr__")) };
        let Value::Str(name) = &a.pos[1] else {
            let tn = vm.type_name(&a.pos[1]);
            return Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")));
        };
        let (inst, name) = (inst.clone(), name.clone());
        vm.generic_setattr(&inst, &a.pos[0], &name, a.pos[2].clone())?;
        Ok(Value::None)
    });
    method(o, "__delattr__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        if let (Value::Module(m), Value::Str(name)) = (&a.pos[0], &a.pos[1]) {
            let (m, name) = (m.clone(), name.clone());
            vm.module_generic_setattr(&m, &a.pos[0], &name, None)?;
            return Ok(Value::None);
        }
        let Value::Instance(inst) = &a.pos[0] else { return Err(vm.type_error("can't apply this __delattr__")) };
        let Value::Str(name) = &a.pos[1] else {
            let tn = vm.type_name(&a.pos[1]);
            return Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")));
        };
        let (inst, name) = (inst.clone(), name.clone());
        if vm.instance_dict(&inst)?.remove_item_str(name.as_str()).is_none() {
            return Err(vm.attribute_error(&a.pos[0], name.as_str()));
        }
        Ok(Value::None)
    });
    method(o, "__getattribute__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let Value::Str(name) = &a.pos[1] else {
            let tn = vm.type_name(&a.pos[1]);
            return Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")));
        };
        let name = name.clone();
        match vm.generic_getattr(&a.pos[0], &name)? {
            Some(v) => Ok(v),
            None => {
                // As `getattr`'s: the error knows what was looked up where.
                let e = vm.attribute_error(&a.pos[0], name.as_str());
                e.exc.dict.set_item_str("name", Value::Str(name.clone()));
                e.exc.dict.set_item_str("obj", a.pos[0].clone());
                Err(e)
            }
        }
    });
    method(o, "__repr__", |vm, a| {
        let v = &a.pos[0];
        let cls = vm.class_of(v);
        let module = match cls.dict.get_item_str("__module__") {
            Some(Value::Str(s)) => format!("{}.", s.as_str()),
            _ => String::new(),
        };
        Ok(Value::string(format!("<{}{} object at {:#x}>", module, cls.qualname.lock().as_str(), v.id())))
    });
    method(o, "__str__", |vm, a| Ok(Value::string(vm.repr_of(&a.pos[0])?)));
    method(o, "__eq__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        Ok(if a.pos[0].is(&a.pos[1]) { Value::Bool(true) } else { Value::NotImplemented })
    });
    method(o, "__ne__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        // CPython's object_richcompare: only the receiver's own `__eq__`, no
        // reflected call; its NotImplemented stays NotImplemented.
        let r = match vm.class_of(&a.pos[0]).lookup("__eq__") {
            Some(eq) => vm.call_method_value(&eq, a.pos[0].clone(), vec![a.pos[1].clone()])?,
            None => Value::NotImplemented,
        };
        if matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
        Ok(Value::Bool(!vm.truthy(&r)?))
    });
    method(o, "__hash__", |_vm, a| Ok(Value::Int(a.pos[0].id() >> 4)));
    method(o, "__format__", |vm, a| {
        a.check_method(vm, "__format__", 1, 1)?;
        let spec = match &a.pos[1] {
            Value::Str(s) => s.as_str().to_string(),
            other => match super::types_str::as_pystr(other) {
                Some(s) => s.as_str().to_string(),
                None => {
                    let tn = vm.type_name(other);
                    return Err(vm.type_error(&format!("__format__() argument must be str, not {tn}")));
                }
            },
        };
        if !spec.is_empty() {
            let tn = vm.type_name(&a.pos[0]);
            return Err(vm.type_error(&format!("unsupported format string passed to {tn}.__format__")));
        }
        Ok(Value::string(vm.str_of(&a.pos[0])?))
    });
    // An implicit classmethod: `super().__init_subclass__(**kw)` binds it to
    // the new class (see `super_getattr`); it takes no keyword arguments.
    super::def(&o.dict, "__init_subclass__", |vm, a| {
        if !a.kw.is_empty() {
            let name = match a.pos.first() {
                Some(Value::Class(c)) => c.name().as_str().to_string(),
                _ => "object".to_string(),
            };
            return Err(vm.type_error(&format!("{name}.__init_subclass__() takes no keyword arguments")));
        }
        Ok(Value::None)
    });
    method(o, "__dir__", |vm, a| {
        let names = vm.dir_of(&a.pos[0])?;
        Ok(Value::list(names))
    });
}

fn register_type(rt: &Runtime) {
    let t = &rt.types.type_;
    method(t, "__new__", |vm, a| {
        // type.__new__(meta, name, bases, ns, **kw)
        // The one-argument form is `type(x)`'s alone (see default_type_call);
        // `type.__new__(M, x)` and a metaclass's `M(x)` are errors (bpo-27157).
        if a.pos.len() != 4 {
            let n = a.pos.len().saturating_sub(1);
            return Err(vm.type_error(&format!("type.__new__() takes exactly 3 arguments ({n} given)")));
        }
        let meta = match &a.pos[0] {
            Value::Class(m) => Some(m.clone()),
            _ => None,
        };
        let Value::Str(name) = &a.pos[1] else { return Err(vm.type_error("type.__new__() argument 1 must be str")) };
        let bases: Vec<Arc<Class>> = vm
            .collect(&a.pos[2])?
            .into_iter()
            .filter_map(|b| if let Value::Class(c) = b { Some(c) } else { None })
            .collect();
        // A dict, or an instance of a dict subclass (enum's `_EnumDict`).
        let ns = match &a.pos[3] {
            Value::Dict(ns) => ns.clone(),
            Value::Instance(i) if matches!(i.builtin_value(), Some(Value::Dict(_))) => {
                let Some(Value::Dict(d)) = i.builtin_value() else { unreachable!() };
                d.clone()
            }
            other => {
                let tn = vm.type_name(other);
                return Err(vm.type_error(&format!("type.__new__() argument 3 must be dict, not {tn}")));
            }
        };
        let cls = vm.type_new(meta, name.clone(), bases, &ns, a.kw)?;
        Ok(Value::Class(cls))
    });
    method(t, "__init__", |_vm, _a| Ok(Value::None));
    method(t, "__call__", |vm, a| {
        let Some(Value::Class(c)) = a.pos.first() else {
            return Err(vm.type_error("descriptor '__call__' requires a type"));
        };
        let c = c.clone();
        let rest = Args::with_kw(a.pos[1..].to_vec(), a.kw);
        vm.default_type_call(&c, rest)
    });
    method(t, "mro", |vm, a| {
        let Some(Value::Class(c)) = a.pos.first() else { return Ok(Value::list(vec![])) };
        // C3 of the bases as they are now (what a metaclass's `mro()` builds
        // on while `__bases__` is being assigned), not the stored MRO.
        let mro = crate::vm::class_build::c3_mro_of_bases(&c.bases).map_err(|m| vm.type_error(&m))?;
        let items = std::iter::once(c.clone()).chain(mro).map(Value::Class).collect();
        Ok(Value::list(items))
    });
    method(t, "__repr__", |vm, a| {
        let v = a.pos[0].clone();
        if let Value::Class(c) = &v {
            let module = match c.dict.get_item_str("__module__") {
                Some(Value::Str(s)) if !c.builtin && s.as_str() != "builtins" => format!("{}.", s.as_str()),
                _ => String::new(),
            };
            return Ok(Value::string(format!("<class '{}{}'>", module, c.qualname.lock().as_str())));
        }
        Ok(Value::string(vm.repr_of(&v)?))
    });
}

fn register_exceptions(rt: &Runtime) {
    let be = rt.types.exceptions["BaseException"].clone();
    method(&be, "__init__", |vm, a| {
        if !a.kw.is_empty() {
            let tn = vm.type_name(&a.pos[0]);
            return Err(vm.type_error(&format!("{tn}() takes no keyword arguments")));
        }
        if let Value::Instance(i) = &a.pos[0]
            && let Some(st) = i.exc()
        {
            st.lock().args = a.pos[1..].to_vec();
        }
        Ok(Value::None)
    });
    method(&be, "__new__", |vm, a| {
        let Some(Value::Class(c)) = a.pos.first() else {
            return Err(vm.type_error("BaseException.__new__ needs a class"));
        };
        let st = crate::object::class::ExcState { args: a.pos[1..].to_vec(), ..Default::default() };
        Ok(Value::Instance(crate::object::gc::instance(Arc::new(Instance::new(
            c.clone(),
            Payload::Exception(Box::new(parking_lot::Mutex::new(st))),
        )))))
    });
    let os_error = rt.types.exceptions["OSError"].clone();
    method(&os_error, "__new__", |vm, a| {
        let Some(Value::Class(c)) = a.pos.first() else { return Err(vm.type_error("OSError.__new__ needs a class")) };
        // OSError(errno, strerror) picks the subclass for errno, as CPython does.
        let mut cls = c.clone();
        if Arc::ptr_eq(c, &vm.rt.types.exceptions["OSError"])
            && (3..=6).contains(&a.pos.len())
            && let Value::Int(errno) = a.pos[1]
            && let Some(name) = super::posix_args::os_error_subclass(errno)
        {
            cls = vm.rt.types.exceptions[name].clone();
        }
        let st = crate::object::class::ExcState { args: a.pos[1..].to_vec(), ..Default::default() };
        let inst = Instance::new(cls, Payload::Exception(Box::new(parking_lot::Mutex::new(st))));
        os_error_fields(&inst, &a.pos[1..]);
        Ok(Value::Instance(Arc::new(inst)))
    });
    method(&os_error, "__init__", |_vm, a| {
        if let Value::Instance(i) = &a.pos[0] {
            os_error_fields(i, &a.pos[1..]);
        }
        Ok(Value::None)
    });
    // BaseException's own `__str__` (its args, or a subclass's message such as
    // UnicodeDecodeError's), so `super().__str__()` in a subclass gets it, not `repr`.
    method(&be, "__str__", |vm, a| match &a.pos[0] {
        Value::Instance(i) if i.exc().is_some() => Ok(Value::string(vm.exc_str(i)?)),
        other => Ok(Value::string(vm.repr_of(other)?)),
    });
    method(&be, "with_traceback", |vm, a| {
        a.check_method(vm, "BaseException.with_traceback", 1, 1)?;
        let entries = vm.traceback_entries(&a.pos[1])?;
        if let Value::Instance(i) = &a.pos[0]
            && let Some(st) = i.exc()
        {
            st.lock().set_traceback(entries, Some(a.pos[1].clone()));
        }
        Ok(a.pos[0].clone())
    });
    method(&be, "add_note", |vm, a| {
        a.check_method(vm, "BaseException.add_note", 1, 1)?;
        // As CPython's BaseException_add_note: a str note, appended to a
        // `__notes__` list made on first use; any other `__notes__` refuses.
        if !matches!(a.pos[1], Value::Str(_)) && !matches!(crate::vm::ops::payload_of(&a.pos[1]), Some(Value::Str(_))) {
            let tn = vm.type_name(&a.pos[1]);
            return Err(vm.type_error(&format!("note must be a str, not '{tn}'")));
        }
        match vm.get_attr_str(&a.pos[0], "__notes__")? {
            Some(Value::List(l)) => l.push(a.pos[1].clone()),
            Some(_) => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
            None => {
                let (notes, key) = (Value::list(vec![a.pos[1].clone()]), vm.rt.intern("__notes__"));
                vm.set_attr(&a.pos[0], &key, notes)?;
            }
        }
        Ok(Value::None)
    });
    // The keyword-only fields CPython's NameError, AttributeError and
    // ImportError take (`name`, `obj`, `path`); unset ones read as None.
    for (cls, fields) in
        [("NameError", &["name"][..]), ("AttributeError", &["name", "obj"]), ("ImportError", &["name", "path"])]
    {
        let c = rt.types.exceptions[cls].clone();
        for f in fields {
            c.dict.set_item_str(f, Value::None);
        }
        if cls == "ImportError" {
            c.dict.set_item_str("msg", Value::None);
        }
        method(&c, "__init__", move |vm, a| exc_fields_init(vm, a, cls, fields));
    }
    method(&rt.types.exceptions["SyntaxError"].clone(), "__init__", syntax_error_init);
}

/// CPython's `SyntaxError_init`: `msg` from the first argument and, with two,
/// `(filename, lineno, offset, text[, end_lineno, end_offset])` from the
/// second (any sequence of four to six items).
fn syntax_error_init(vm: &mut Vm, a: Args) -> PyResult {
    let Some(Value::Instance(i)) = a.pos.first().cloned() else { return Ok(Value::None) };
    if !a.kw.is_empty() {
        let name = vm.type_name(&a.pos[0]);
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    let args = &a.pos[1..];
    if let Some(st) = i.exc() {
        st.lock().args = args.to_vec();
    }
    if let Some(msg) = args.first() {
        i.dict.set_item_str("msg", msg.clone());
    }
    if args.len() == 2 {
        let info = vm.collect(&args[1])?;
        if info.len() < 4 {
            return Err(vm.type_error(&format!("function takes at least 4 arguments ({} given)", info.len())));
        }
        if info.len() > 6 {
            return Err(vm.type_error(&format!("function takes at most 6 arguments ({} given)", info.len())));
        }
        if info.len() == 5 {
            return Err(vm.type_error("end_offset must be provided when end_lineno is provided"));
        }
        let names = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
        for (k, name) in names.iter().enumerate() {
            i.dict.set_item_str(name, info.get(k).cloned().unwrap_or(Value::None));
        }
    }
    Ok(Value::None)
}

/// `__init__` of an exception with keyword-only fields: `args` from the
/// positional arguments, each keyword stored as an attribute, any other
/// keyword a TypeError worded as CPython's argument parser does.
fn exc_fields_init(vm: &mut Vm, a: Args, cls: &str, fields: &[&str]) -> PyResult {
    for (k, _) in &a.kw {
        if !fields.contains(&k.as_str()) {
            return Err(vm.type_error(&format!("'{}' is an invalid keyword argument for {cls}()", k.as_str())));
        }
    }
    let Value::Instance(i) = &a.pos[0] else { return Ok(Value::None) };
    if let Some(st) = i.exc() {
        st.lock().args = a.pos[1..].to_vec();
    }
    for (k, v) in &a.kw {
        i.dict.set_item_str(k.as_str(), v.clone());
    }
    if cls == "ImportError" {
        i.dict.set_item_str("msg", if a.pos.len() == 2 { a.pos[1].clone() } else { Value::None });
    }
    Ok(Value::None)
}

/// CPython's `oserror_init`: with 2 to 5 arguments, `errno`, `strerror`,
/// `filename` (3rd) and `filename2` (5th) are set, and `args` keeps only
/// the first two when a filename was given.
fn os_error_fields(inst: &Instance, args: &[Value]) {
    let Some(st) = inst.exc() else { return };
    let mut st = st.lock();
    st.args = args.to_vec();
    if !(2..=5).contains(&args.len()) {
        return;
    }
    inst.dict.set_item_str("errno", args[0].clone());
    inst.dict.set_item_str("strerror", args[1].clone());
    inst.dict.set_item_str("filename", args.get(2).cloned().unwrap_or(Value::None));
    inst.dict.set_item_str("filename2", args.get(4).cloned().unwrap_or(Value::None));
    if args.len() >= 3 && !args[2].is_none() {
        st.args.truncate(2);
    }
}

/// Keeps imports used when the list type grows helpers.
#[allow(dead_code)]
fn _unused(_: &List, _: BigInt) {}
