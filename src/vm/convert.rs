//! `str()`, `repr()`, `ascii()`, `format()` and `%`-formatting of values.

use num_bigint::BigInt;

use super::{PyErr, PyResult, Vm};
use crate::object::numfmt::{self, NumError, PercentArgs, StarArg};
use crate::object::value::Value;

impl Vm {
    /// Converts a numeric-helper error into the matching Python exception.
    pub fn num_err(&self, e: NumError) -> PyErr {
        let name = e.type_name();
        self.err(name, e.message())
    }

    /// `str(v)`.
    pub fn str_of(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup_user("__str__") {
                    // Counted: `__str__` may be a built-in that calls back here.
                    let r = self.recursing(" while getting the str of an object", |vm| {
                        vm.call_method_value(&m, v.clone(), vec![])
                    })?;
                    return match r {
                        Value::Str(s) => Ok(s.as_str().to_string()),
                        // A str subclass is a string too (CPython's PyUnicode_Check).
                        Value::Instance(ref ri) if let Some(Value::Str(s)) = ri.builtin_value() => {
                            Ok(s.as_str().to_string())
                        }
                        other => {
                            let tn = self.type_name(&other);
                            Err(self.type_error(&format!("__str__ returned non-string (type {tn})")))
                        }
                    };
                }
                // A user `__repr__` is `str()` only where the built-in base
                // has no `__str__` of its own: `str` and `BaseException`
                // have one (email's header tokens, str subclasses with a
                // `__repr__`, print as their text).
                let own_str = inst.exc().is_some() || matches!(inst.builtin_value(), Some(Value::Str(_)));
                if !own_str && inst.class.lookup_user("__repr__").is_some() {
                    return self.repr_of(v);
                }
                if inst.exc().is_some() {
                    return self.recursing(" while getting the str of an object", |vm| vm.exc_str(inst));
                }
                if let Some(p) = inst.builtin_value().cloned() {
                    // A set's str is its repr, which names the subclass.
                    if matches!(p, Value::Set(_)) {
                        return self.repr_of(v);
                    }
                    return self.str_of(&p);
                }
                self.repr_of(v)
            }
            Value::Bytes(_) | Value::Native2(_) => {
                self.bytes_str_warning(v)?;
                self.repr_of(v)
            }
            _ => self.repr_of(v),
        }
    }

    /// `str()` of an exception: its one argument, the tuple of several, or
    /// `[Errno n] message` for an OSError.
    pub(crate) fn exc_str(&mut self, inst: &crate::object::class::Instance) -> PyResult<String> {
        let group = inst.exc().and_then(|st| st.lock().group.as_ref().map(|g| (g.0.clone(), g.1.clone())));
        if let Some((msg, Value::Tuple(t))) = group {
            // `message (N sub-exceptions)`
            let n = t.items.len();
            let msg = self.str_of(&msg)?;
            return Ok(format!("{msg} ({n} sub-exception{})", if n == 1 { "" } else { "s" }));
        }
        let args = inst.exc().map(|st| st.lock().args.clone()).unwrap_or_default();
        let is_key = inst.class.is_subclass(&self.rt.types.exc("KeyError"));
        if inst.class.is_subclass(&self.rt.types.exc("OSError")) {
            // CPython's OSError_str: the filenames when set, else errno and strerror.
            let get = |k: &str| inst.dict.get_item_str(k).filter(|v| !v.is_none());
            let (errno, strerror) = (get("errno"), get("strerror"));
            let (en, se) = (errno.clone().unwrap_or(Value::None), strerror.clone().unwrap_or(Value::None));
            if let Some(f) = get("filename") {
                let mut s = format!("[Errno {}] {}: {}", self.str_of(&en)?, self.str_of(&se)?, self.repr_of(&f)?);
                if let Some(f2) = get("filename2") {
                    s.push_str(&format!(" -> {}", self.repr_of(&f2)?));
                }
                return Ok(s);
            }
            if errno.is_some() && strerror.is_some() {
                return Ok(format!("[Errno {}] {}", self.str_of(&en)?, self.str_of(&se)?));
            }
            // Raised from Rust with just (errno, strerror) as args.
            if errno.is_none() && args.len() == 2 && matches!(args[0], Value::Int(_)) {
                return Ok(format!("[Errno {}] {}", self.str_of(&args[0])?, self.str_of(&args[1])?));
            }
        }
        if inst.class.is_subclass(&self.rt.types.exc("UnicodeError")) && inst.dict.get_item_str("object").is_some() {
            return crate::stdlib::unicode_errors::message(self, inst);
        }
        if inst.class.is_subclass(&self.rt.types.exc("SyntaxError")) {
            // CPython's SyntaxError_str: `msg (file.py, line N)`.
            use super::attr::syntax_error_attr;
            let file = match syntax_error_attr(inst, "filename") {
                Value::Str(f) => Some(f.as_str().rsplit('/').next().unwrap_or("").to_string()),
                _ => None,
            };
            let line = match syntax_error_attr(inst, "lineno") {
                Value::Int(n) => Some(n),
                _ => None,
            };
            let msg = self.str_of(&syntax_error_attr(inst, "msg"))?;
            return Ok(match (file, line) {
                (Some(f), Some(n)) => format!("{msg} ({f}, line {n})"),
                (Some(f), None) => format!("{msg} ({f})"),
                (None, Some(n)) => format!("{msg} (line {n})"),
                (None, None) => msg,
            });
        }
        match args.len() {
            0 => Ok(String::new()),
            1 if is_key => self.repr_of(&args[0]),
            1 => self.str_of(&args[0]),
            _ => self.repr_of(&Value::tuple(args)),
        }
    }

    /// `repr(v)`.
    pub fn repr_of(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::Boolean(b) => if b.get() { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => numfmt::int_to_decimal(b).map_err(|e| self.num_err(e))?,
            Value::Flt(f) => numfmt::float_repr(f.get()),
            Value::Cplx(c) => c.repr(),
            Value::Str(s) if s.has_surrogates() => numfmt::cps_repr(s.code_points(), false),
            Value::Str(s) => numfmt::py_str_repr(s.as_str()),
            Value::Bytes(b) => numfmt::py_bytes_repr(b),
            Value::Ellipsis => "Ellipsis".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_) => return self.container_repr(v),
            Value::Range(r) => r.repr(),
            Value::Slice(s) => {
                let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
                self.recursing(" while getting the repr of an object", |vm| {
                    Ok(format!("slice({}, {}, {})", vm.repr_of(&a)?, vm.repr_of(&b)?, vm.repr_of(&c)?))
                })?
            }
            Value::Function(f) => format!("<function {} at {:#x}>", f.qualname.lock().as_str(), v.id()),
            Value::Native(n) => match &n.owner {
                // A method of a built-in type, looked up on the type.
                Some(owner) => {
                    let kind = if crate::stdlib::method_sigs::is_slot_wrapper(owner, &n.name) {
                        "slot wrapper"
                    } else {
                        "method"
                    };
                    format!("<{kind} '{}' of '{owner}' objects>", n.name)
                }
                None => format!("<built-in function {}>", n.name),
            },
            Value::Method(m) => {
                let recv = m.receiver.clone();
                let fname = match &m.func {
                    Value::Function(f) => f.qualname.lock().as_str().to_string(),
                    Value::Native(n) => n.name.to_string(),
                    // Any callable: its __qualname__, else __name__, if a str.
                    other => {
                        let mut name = self.get_attr_str(other, "__qualname__")?;
                        if name.is_none() {
                            name = self.get_attr_str(other, "__name__")?;
                        }
                        match name {
                            Some(Value::Str(s)) => s.as_str().to_string(),
                            _ => "?".into(),
                        }
                    }
                };
                if let Value::Native(n) = &m.func {
                    let tn = self.type_name(&recv);
                    let kind = match &n.owner {
                        Some(o) if crate::stdlib::method_sigs::is_slot_wrapper(o, &n.name) => {
                            return Ok(format!("<method-wrapper '{}' of {tn} object at {:#x}>", n.name, recv.id()));
                        }
                        _ => "built-in method",
                    };
                    return Ok(format!("<{kind} {} of {} object at {:#x}>", n.name, tn, recv.id()));
                }
                format!("<bound method {} of {}>", fname, self.repr_of(&recv)?)
            }
            Value::Class(c) => {
                if let Some(meta) = &c.metaclass
                    && let Some(m) = meta.lookup_user("__repr__")
                {
                    return self.call_str_method(&m, v);
                }
                let module = match c.dict.get_item_str("__module__") {
                    Some(Value::Str(s)) if s.as_str() != "builtins" => format!("{}.", s.as_str()),
                    _ => String::new(),
                };
                format!("<class '{}{}'>", module, c.qualname.lock().as_str())
            }
            Value::Module(m) => self.module_repr(v, &m.dict)?,
            Value::Generator(g) => {
                let kind = match g.kind {
                    crate::object::generator::GenKind::Generator => "generator",
                    crate::object::generator::GenKind::Coroutine => "coroutine",
                    crate::object::generator::GenKind::AsyncGenerator => "async_generator",
                };
                format!("<{} object {} at {:#x}>", kind, g.qualname.as_str(), v.id())
            }
            Value::Iter(it) => format!("<{} object at {:#x}>", it.type_name(), v.id()),
            Value::Code(c) => format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.name.as_str(),
                v.id(),
                c.filename,
                c.firstlineno
            ),
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup_user("__repr__") {
                    return self.call_str_method(&m, v);
                }
                if inst.exc().is_some() {
                    return self.recursing(" while getting the repr of an object", |vm| vm.exc_repr(inst));
                }
                if let Some(p) = inst.builtin_value().cloned() {
                    // A set or frozenset subclass shows its own name:
                    // `S({1})`, `S()` (dict, list… subclasses look like their base).
                    if let Value::Set(set) = &p {
                        let name = inst.class.name();
                        if self.repr_guard.contains(&p.id()) {
                            return Ok(format!("{}(...)", name.as_str()));
                        }
                        if set.is_empty() {
                            return Ok(format!("{}()", name.as_str()));
                        }
                        let r = self.repr_of(&p)?;
                        let items = r.strip_prefix("frozenset(").and_then(|r| r.strip_suffix(')')).unwrap_or(&r);
                        return Ok(format!("{}({})", name.as_str(), items));
                    }
                    return self.repr_of(&p);
                }
                let module = match inst.class.dict.get_item_str("__module__") {
                    Some(Value::Str(s)) => format!("{}.", s.as_str()),
                    _ => String::new(),
                };
                format!("<{}{} object at {:#x}>", module, inst.class.qualname.lock().as_str(), v.id())
            }
            Value::Native2(o) => {
                let cls = o.class().clone();
                if let Some(m) = cls.lookup("__repr__") {
                    return self.call_str_method(&m, v);
                }
                format!("<{} object at {:#x}>", cls.name().as_str(), v.id())
            }
        })
    }

    /// `repr()` of an exception: `Name(arg, …)`.
    fn exc_repr(&mut self, inst: &crate::object::class::Instance) -> PyResult<String> {
        let args = inst.exc().map(|st| st.lock().args.clone()).unwrap_or_default();
        let name = inst.class.name();
        let inner = match args.len() {
            1 => self.repr_of(&args[0])?,
            _ => {
                let r = self.repr_of(&Value::tuple(args.clone()))?;
                if args.is_empty() { String::new() } else { r[1..r.len() - 1].trim_end_matches(',').to_string() }
            }
        };
        Ok(format!("{}({})", name.as_str(), inner))
    }

    fn call_str_method(&mut self, m: &Value, v: &Value) -> PyResult<String> {
        // Counted: `Foo.__repr__ = Foo.__str__` recurses through built-ins only.
        let r =
            self.recursing(" while getting the repr of an object", |vm| vm.call_method_value(m, v.clone(), vec![]))?;
        match r {
            Value::Str(s) => Ok(s.as_str().to_string()),
            other => {
                let tn = self.type_name(&other);
                Err(self.type_error(&format!("__repr__ returned non-string (type {tn})")))
            }
        }
    }

    fn container_repr(&mut self, v: &Value) -> PyResult<String> {
        let id = v.id();
        if self.repr_guard.contains(&id) {
            return Ok(match v {
                Value::List(_) => "[...]".into(),
                Value::Dict(_) => "{...}".into(),
                // A set names its type: `{set(...)}`, `frozenset({frozenset(...)})`.
                Value::Set(_) => format!("{}(...)", self.type_name(v)),
                _ => "(...)".into(),
            });
        }
        self.enter_recursion(" while getting the repr of an object")?;
        self.repr_guard.push(id);
        let r = self.container_repr_inner(v);
        self.repr_guard.pop();
        self.leave_recursion();
        r
    }

    fn container_repr_inner(&mut self, v: &Value) -> PyResult<String> {
        let mut out = String::new();
        match v {
            Value::List(l) => {
                out.push('[');
                for (i, x) in l.snapshot().iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr_of(x)?);
                }
                out.push(']');
            }
            Value::Tuple(t) => {
                out.push('(');
                for (i, x) in t.items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr_of(x)?);
                }
                if t.items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Value::Dict(d) => {
                out.push('{');
                let snapshot = d.lock().items();
                for (i, (k, val)) in snapshot.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr_of(k)?);
                    out.push_str(": ");
                    out.push_str(&self.repr_of(val)?);
                }
                out.push('}');
            }
            Value::Set(s) => {
                let keys = s.lock().keys();
                if keys.is_empty() {
                    return Ok(if s.frozen { "frozenset()" } else { "set()" }.into());
                }
                if s.frozen {
                    out.push_str("frozenset(");
                }
                out.push('{');
                for (i, x) in keys.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr_of(x)?);
                }
                out.push('}');
                if s.frozen {
                    out.push(')');
                }
            }
            _ => {}
        }
        Ok(out)
    }

    /// `ascii(v)`.
    pub fn ascii_of(&mut self, v: &Value) -> PyResult<String> {
        let r = self.repr_of(v)?;
        Ok(numfmt::py_ascii_escape(&r))
    }

    /// A built-in type's `__format__` (int, float, complex, str): `value`
    /// is the built-in payload of `receiver`. An instance of a subclass
    /// with an empty spec formats as `str(self)`, as CPython's `format_obj`
    /// does (so an overridden `__str__` shows, e.g. in enum's StrEnum).
    pub fn format_builtin(&mut self, receiver: &Value, value: &Value, spec: &str) -> PyResult<String> {
        if spec.is_empty() && matches!(receiver, Value::Instance(_)) {
            return self.str_of(receiver);
        }
        self.format_value(value, spec)
    }

    /// `format(v, spec)`.
    pub fn format_value(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        match v {
            Value::Int(i) => {
                if spec.is_empty() {
                    return Ok(i.to_string());
                }
                numfmt::int_format(&BigInt::from(*i), spec, "int").map_err(|e| self.num_err(e))
            }
            Value::BigInt(b) => numfmt::int_format(b, spec, "int").map_err(|e| self.num_err(e)),
            Value::Boolean(b) => {
                if spec.is_empty() {
                    return Ok(if b.get() { "True" } else { "False" }.into());
                }
                numfmt::int_format(&BigInt::from(b.get() as i64), spec, "bool").map_err(|e| self.num_err(e))
            }
            Value::Flt(f) => numfmt::float_format(f.get(), spec).map_err(|e| self.num_err(e)),
            Value::Cplx(c) => {
                if spec.is_empty() {
                    return Ok(c.repr());
                }
                numfmt::complex_format(c.re, c.im, spec).map_err(|e| self.num_err(e))
            }
            Value::Str(s) => numfmt::str_format(s.as_str(), spec).map_err(|e| self.num_err(e)),
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup_user("__format__") {
                    let r = self.call_method_value(&m, v.clone(), vec![Value::str(spec)])?;
                    return match r {
                        Value::Str(s) => Ok(s.as_str().to_string()),
                        _ => Err(self.type_error("__format__ must return a str")),
                    };
                }
                // The built-in base's `__format__` (int, float, str): an
                // empty spec means `str(self)`, which honours a `__str__`.
                if let Some(p) = inst.builtin_value().cloned()
                    && matches!(
                        p,
                        Value::Int(_)
                            | Value::BigInt(_)
                            | Value::Boolean(_)
                            | Value::Flt(_)
                            | Value::Cplx(_)
                            | Value::Str(_)
                    )
                {
                    return if spec.is_empty() { self.str_of(v) } else { self.format_value(&p, spec) };
                }
                self.format_default(v, spec)
            }
            _ => self.format_default(v, spec),
        }
    }

    fn format_default(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if spec.is_empty() {
            return self.str_of(v);
        }
        let tn = self.type_name(v);
        Err(self.type_error(&format!("unsupported format string passed to {tn}.__format__")))
    }

    /// `fmt % args`.
    pub fn percent_format(&mut self, fmt: &str, args: &Value) -> PyResult<String> {
        let mut a = PercentCtx { vm: self, args: args.clone() };
        let r = numfmt::percent_format(fmt, &mut a);
        self.pct(r)
    }
}

pub(crate) struct PercentCtx<'a> {
    pub(crate) vm: &'a mut Vm,
    pub(crate) args: Value,
}

/// Error type for `%` formatting: either a ready PyErr or a NumError to convert.
pub(crate) enum PctErr {
    Py(PyErr),
    Num(NumError),
}

impl From<NumError> for PctErr {
    fn from(e: NumError) -> Self {
        PctErr::Num(e)
    }
}

impl Vm {
    pub(crate) fn pct(&self, r: Result<String, PctErr>) -> PyResult<String> {
        match r {
            Ok(s) => Ok(s),
            Err(PctErr::Py(e)) => Err(e),
            Err(PctErr::Num(e)) => Err(self.num_err(e)),
        }
    }
}

/// The argument tuple of `fmt % args`: a tuple, or a tuple subclass's tuple.
fn pct_tuple(args: &Value) -> Option<&Value> {
    match args {
        Value::Tuple(_) => Some(args),
        Value::Instance(i) => i.builtin_value().filter(|p| matches!(p, Value::Tuple(_))),
        _ => None,
    }
}

impl PercentCtx<'_> {
    /// CPython's `PyNumber_Check`: an int, float or complex (or a subclass),
    /// or anything with `__index__`, `__int__` or `__float__`.
    fn is_number(&self, v: &Value) -> bool {
        match v {
            Value::Int(_) | Value::BigInt(_) | Value::Boolean(_) | Value::Flt(_) | Value::Cplx(_) => true,
            Value::Instance(i)
                if matches!(
                    i.builtin_value(),
                    Some(Value::Int(_) | Value::BigInt(_) | Value::Flt(_) | Value::Cplx(_))
                ) =>
            {
                true
            }
            _ => {
                let cls = self.vm.class_of(v);
                ["__index__", "__int__", "__float__"].iter().any(|m| cls.lookup_user(m).is_some())
            }
        }
    }
}

impl PercentCtx<'_> {
    /// What `PyFloat_AsDouble` accepts: a float or int (subclass), or
    /// anything with `__float__` or `__index__` (not `__int__` alone).
    fn has_float(&self, v: &Value) -> bool {
        match v {
            Value::Instance(i)
                if matches!(i.builtin_value(), Some(Value::Int(_) | Value::BigInt(_) | Value::Flt(_))) =>
            {
                true
            }
            _ => {
                let cls = self.vm.class_of(v);
                cls.lookup_user("__float__").is_some() || cls.lookup_user("__index__").is_some()
            }
        }
    }
}

impl PercentArgs for PercentCtx<'_> {
    type Value = Value;
    type Error = PctErr;
    fn tuple_len(&self) -> Option<usize> {
        match pct_tuple(&self.args) {
            Some(Value::Tuple(t)) => Some(t.items.len()),
            _ => None,
        }
    }
    fn tuple_item(&mut self, i: usize) -> Value {
        match pct_tuple(&self.args) {
            Some(Value::Tuple(t)) => t.items[i].clone(),
            _ => Value::None,
        }
    }
    fn whole(&mut self) -> Value {
        self.args.clone()
    }
    fn is_mapping(&self) -> bool {
        match &self.args {
            Value::Dict(_) => true,
            Value::Tuple(_) | Value::Str(_) => false,
            // A tuple subclass (a namedtuple) is the argument tuple, as in CPython.
            Value::Instance(i) if matches!(i.builtin_value(), Some(Value::Tuple(_) | Value::Str(_))) => false,
            Value::Instance(i) if matches!(i.builtin_value(), Some(Value::Dict(_))) => true,
            // Anything subscriptable counts (lists, bytes, ranges, bytearrays…), as
            // CPython's PyMapping_Check does: `'' % [1]` is '' and not an error.
            Value::List(_) | Value::Bytes(_) | Value::Range(_) => true,
            Value::Set(_) | Value::Int(_) | Value::BigInt(_) | Value::Flt(_) | Value::Boolean(_) | Value::None => false,
            v => self.vm.class_of(v).lookup("__getitem__").is_some(),
        }
    }
    fn lookup(&mut self, key: &str) -> Result<Value, PctErr> {
        let a = self.args.clone();
        self.vm.get_item(&a, &Value::str(key)).map_err(PctErr::Py)
    }
    fn star(&mut self, v: &Value) -> StarArg {
        match v {
            Value::Int(i) => StarArg::Int(*i),
            Value::Boolean(b) => StarArg::Int(b.get() as i64),
            Value::BigInt(_) => StarArg::TooBig,
            _ => StarArg::NotInt,
        }
    }
    fn int_value(&mut self, v: &Value, conv: char) -> Result<BigInt, PctErr> {
        match v {
            Value::Int(i) => Ok(BigInt::from(*i)),
            Value::Boolean(b) => Ok(BigInt::from(b.get() as i64)),
            Value::BigInt(b) => Ok((**b).clone()),
            Value::Flt(f) if matches!(conv, 'd' | 'i' | 'u') => {
                numfmt::float_to_int_checked(f.get()).map_err(PctErr::Num)
            }
            Value::Instance(i) if i.builtin_value().is_some() => {
                let p = i.builtin_value().cloned().expect("payload");
                self.int_value(&p, conv)
            }
            _ => {
                // CPython's mainformatlong: any number (PyNumber_Check) goes through
                // `__index__` for %o %x %X and `int()` otherwise; a TypeError on the
                // way becomes the format's own, any other error propagates.
                let tn = self.vm.type_name(v);
                let wrong = || PctErr::Num(numfmt::percent::int_required_error(conv, &tn));
                if !self.is_number(v) {
                    return Err(wrong());
                }
                let r = if matches!(conv, 'o' | 'x' | 'X') {
                    self.vm.index_bigint(v).map(Value::from_bigint)
                } else {
                    self.vm.to_int(v)
                };
                match r {
                    Ok(Value::Int(i)) => Ok(BigInt::from(i)),
                    Ok(Value::BigInt(b)) => Ok((*b).clone()),
                    Ok(_) => Err(wrong()),
                    Err(e) if self.vm.is_exc(&e, "TypeError") => Err(wrong()),
                    Err(e) => Err(PctErr::Py(e)),
                }
            }
        }
    }
    fn float_value(&mut self, v: &Value) -> Result<f64, PctErr> {
        match self.vm.as_f64(v).map_err(PctErr::Py)? {
            Some(f) => Ok(f),
            // PyFloat_AsDouble: a float subclass's value, else `__float__`, else `__index__`.
            None if matches!(v, Value::Instance(i) if !matches!(i.builtin_value(), Some(Value::Cplx(_))))
                && self.has_float(v) =>
            {
                self.vm.to_float(v).map_err(PctErr::Py)
            }
            None => {
                let tn = self.vm.type_name(v);
                Err(PctErr::Num(numfmt::percent::float_required_error(&tn)))
            }
        }
    }
    fn char_value(&mut self, v: &Value) -> Result<char, PctErr> {
        match v {
            Value::Str(s) if s.char_len() == 1 => Ok(s.char_at(0)),
            Value::Int(i) => numfmt::percent::char_from_int(&BigInt::from(*i)).map_err(PctErr::Num),
            // A bool or a big int is an int to `%c` (`'%c' % True` is '\x01').
            Value::Boolean(b) => numfmt::percent::char_from_int(&BigInt::from(b.get() as i64)).map_err(PctErr::Num),
            Value::BigInt(b) => numfmt::percent::char_from_int(b).map_err(PctErr::Num),
            Value::Instance(i) if let Some(p) = i.builtin_value().cloned() => self.char_value(&p),
            // PyLong_AsLongAndOverflow: anything with `__index__`; its TypeError is
            // the format's own.
            Value::Instance(_) => match self.vm.index_bigint(v) {
                Ok(b) => numfmt::percent::char_from_int(&b).map_err(PctErr::Num),
                Err(e) if self.vm.is_exc(&e, "TypeError") => Err(PctErr::Num(numfmt::percent::char_required_error())),
                Err(e) => Err(PctErr::Py(e)),
            },
            _ => Err(PctErr::Num(numfmt::percent::char_required_error())),
        }
    }
    fn str(&mut self, v: &Value) -> Result<String, PctErr> {
        self.vm.str_of(v).map_err(PctErr::Py)
    }
    fn repr(&mut self, v: &Value) -> Result<String, PctErr> {
        self.vm.repr_of(v).map_err(PctErr::Py)
    }
    fn ascii(&mut self, v: &Value) -> Result<String, PctErr> {
        self.vm.ascii_of(v).map_err(PctErr::Py)
    }
}
