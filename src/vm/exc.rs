//! Making, raising and matching exceptions.

use std::sync::Arc;

use parking_lot::Mutex;

use super::{PyErr, PyResult, Vm};
use crate::object::class::{Class, ExcState, Instance, Payload, TbEntry};
use crate::object::value::Value;

impl Vm {
    /// A new exception instance of `class` with `args` (no traceback yet).
    pub fn new_exception(&self, class: &Arc<Class>, args: Vec<Value>) -> PyErr {
        let inst = Instance::new(
            class.clone(),
            Payload::Exception(Box::new(Mutex::new(ExcState { args, ..Default::default() }))),
        );
        PyErr { exc: Arc::new(inst) }
    }

    /// A new exception of a built-in class with a message, raised now: its
    /// `__context__` is the exception being handled, if any (as CPython's
    /// `PyErr_SetObject`).
    pub fn err(&self, name: &str, msg: &str) -> PyErr {
        let cls = self.rt.types.exc(name);
        let e = self.new_exception(&cls, vec![Value::str(msg)]);
        self.chain_context(&e);
        e
    }

    pub fn type_error(&self, msg: &str) -> PyErr {
        self.err("TypeError", msg)
    }
    pub fn value_error(&self, msg: &str) -> PyErr {
        self.err("ValueError", msg)
    }
    pub fn index_error(&self, msg: &str) -> PyErr {
        self.err("IndexError", msg)
    }
    pub fn runtime_error(&self, msg: &str) -> PyErr {
        self.err("RuntimeError", msg)
    }
    pub fn overflow_error(&self, msg: &str) -> PyErr {
        self.err("OverflowError", msg)
    }
    pub fn zero_division(&self, msg: &str) -> PyErr {
        self.err("ZeroDivisionError", msg)
    }
    pub fn name_error(&self, name: &str) -> PyErr {
        let e = self.err("NameError", &format!("name '{name}' is not defined"));
        e.exc.dict.set_item_str("name", Value::str(name));
        e
    }
    pub fn key_error(&self, key: Value) -> PyErr {
        let cls = self.rt.types.exc("KeyError");
        let e = self.new_exception(&cls, vec![key]);
        self.chain_context(&e);
        e
    }
    pub fn stop_iteration(&self, value: Option<Value>) -> PyErr {
        let cls = self.rt.types.exc("StopIteration");
        self.new_exception(&cls, value.into_iter().collect())
    }
    pub fn attribute_error(&mut self, obj: &Value, name: &str) -> PyErr {
        let msg = match obj {
            Value::Module(m) => format!("module '{}' has no attribute '{}'", m.name, name),
            Value::Class(c) => format!("type object '{}' has no attribute '{}'", c.name().as_str(), name),
            _ => format!("'{}' object has no attribute '{}'", self.type_name(obj), name),
        };
        self.err("AttributeError", &msg)
    }

    /// Turns a raised value (a class or an instance) into an exception.
    pub fn make_raisable(&mut self, v: Value) -> PyResult<PyErr> {
        match &v {
            Value::Instance(i) if i.exc().is_some() => Ok(PyErr { exc: i.clone() }),
            Value::Class(c) if c.is_subclass(&self.rt.types.exceptions["BaseException"]) => {
                let inst = self.call(&v, Vec::new())?;
                match inst {
                    Value::Instance(i) if i.exc().is_some() => Ok(PyErr { exc: i }),
                    other => {
                        let (cr, tr) = (self.repr_of(&v)?, self.repr_of(&Value::Class(self.class_of(&other)))?);
                        let msg = format!("calling {cr} should have returned an instance of BaseException, not {tr}");
                        Err(self.type_error(&msg))
                    }
                }
            }
            _ => Err(self.type_error("exceptions must derive from BaseException")),
        }
    }

    /// Does the exception match `spec` (a class or a tuple of classes)?
    pub fn exception_matches(&mut self, exc: &Value, spec: &Value) -> PyResult<bool> {
        let cls = self.class_of(exc);
        match spec {
            Value::Class(c) => {
                if !c.is_subclass(&self.rt.types.exceptions["BaseException"]) {
                    return Err(
                        self.type_error("catching classes that do not inherit from BaseException is not allowed")
                    );
                }
                Ok(cls.is_subclass(c))
            }
            Value::Tuple(t) => {
                // Every item is checked before any matches, as CPython's
                // `check_except_type_valid`.
                let base = self.rt.types.exceptions["BaseException"].clone();
                if !t.items.iter().all(|i| matches!(i, Value::Class(c) if c.is_subclass(&base))) {
                    return Err(
                        self.type_error("catching classes that do not inherit from BaseException is not allowed")
                    );
                }
                Ok(t.items.iter().any(|i| matches!(i, Value::Class(c) if cls.is_subclass(c))))
            }
            _ => Err(self.type_error("catching classes that do not inherit from BaseException is not allowed")),
        }
    }

    /// Records that the exception passed through the current frame at its current line.
    pub fn add_traceback_here(&self, err: &PyErr) {
        let f = &self.frame;
        if super::c_standin::hidden_from_tracebacks(&f.code.filename) {
            return;
        }
        let cols = if f.pc == 0 { crate::bytecode::code::ColSpan::NONE } else { f.code.cols_of(f.pc - 1) };
        let view = match self.traced_view() {
            Some(v) => {
                v.refresh(f);
                v
            }
            None => self.frame_view(f, None),
        };
        let entry = TbEntry {
            filename: f.code.filename.clone(),
            line: f.line(),
            name: Arc::from(f.code.name.as_str()),
            cols,
            frame: Some(view),
        };
        if let Some(st) = err.exc.exc() {
            st.lock().traceback.push(entry);
        }
    }

    /// The exception currently being handled (innermost `except` block), if any.
    pub fn current_handled(&self) -> Option<Value> {
        if let Some(v) = self.frame.handled.last() {
            return Some(v.clone());
        }
        for f in self.frames.iter().rev() {
            if let Some(v) = f.handled.last() {
                return Some(v.clone());
            }
        }
        None
    }

    /// Sets `__context__` on a freshly raised exception from the one being handled.
    pub fn chain_context(&self, err: &PyErr) {
        self.chain_context_to(err, self.current_handled());
    }

    /// Sets `err.__context__` to `handled` (CPython's `_PyErr_SetObject`).
    /// An exception thrown into a generator is chained only to what the
    /// generator's own frame handles (`_PyErr_ChainStackItem`), not to what
    /// its callers handle: `contextlib.ExitStack` relies on that.
    pub fn chain_context_to(&self, err: &PyErr, handled: Option<Value>) {
        if let Some(ctx) = handled {
            if let Value::Instance(ci) = &ctx
                && Arc::ptr_eq(ci, &err.exc)
            {
                return;
            }
            // Raising an exception already in the handled one's context
            // chain cuts the chain there, so that no cycle forms (CPython's
            // `_PyErr_SetObject`, which also stops at a cycle made by hand).
            let context_of = |v: &Value| match v {
                Value::Instance(i) => i.exc().and_then(|s| s.lock().context.clone()),
                _ => None,
            };
            let (mut o, mut slow, mut toggle) = (ctx.clone(), ctx.clone(), false);
            while let Some(next) = context_of(&o) {
                if let Value::Instance(n) = &next
                    && Arc::ptr_eq(n, &err.exc)
                {
                    if let Value::Instance(oi) = &o
                        && let Some(st) = oi.exc()
                    {
                        st.lock().context = None;
                    }
                    break;
                }
                o = next;
                if o.is(&slow) {
                    break;
                }
                if toggle {
                    slow = context_of(&slow).unwrap_or(Value::None);
                }
                toggle = !toggle;
            }
            if let Some(st) = err.exc.exc() {
                st.lock().context = Some(ctx);
            }
        }
    }

    pub fn exc_args(&self, e: &PyErr) -> Vec<Value> {
        e.exc.exc().map(|s| s.lock().args.clone()).unwrap_or_default()
    }

    /// True when the error is an instance of the named built-in exception class.
    /// The error of `[*x]` / `(*x,)` when `x` cannot be iterated at all:
    /// CPython's "Value after * must be an iterable, not int"; an error
    /// raised while iterating something iterable stays as it is.
    pub fn star_unpack_error(&mut self, e: PyErr, it: &Value) -> PyErr {
        if self.is_exc(&e, "TypeError") && !self.is_iterable_type(it) {
            let t = self.type_name(it);
            return self.type_error(&format!("Value after * must be an iterable, not {t}"));
        }
        e
    }

    /// CPython's `_PyObject_FunctionStr`, how call errors name the callee:
    /// `mod.Qual.name()`, `print()` for builtins, `str(obj)` when it has no
    /// `__qualname__`. Only ever built for an error message.
    pub fn function_str(&mut self, f: &Value) -> String {
        let qual = match self.get_attr_str(f, "__qualname__") {
            Ok(Some(q)) => match self.str_of(&q) {
                Ok(q) => q,
                Err(_) => return self.str_of(f).unwrap_or_default(),
            },
            _ => return self.str_of(f).unwrap_or_default(),
        };
        match self.get_attr_str(f, "__module__") {
            Ok(Some(Value::Str(m))) if m.as_str() != "builtins" => format!("{}.{qual}()", m.as_str()),
            _ => format!("{qual}()"),
        }
    }

    /// The callee named by a DICT_MERGE error: the stack holds the callee,
    /// the positional arguments and the keyword dict being built; for a
    /// `class C(**kw)` statement it holds the body, the class name and the
    /// bases, and CPython names `__build_class__()`.
    pub fn merge_callee_str(&mut self) -> String {
        let stack = &self.frame.stack;
        match stack.len().checked_sub(3).map(|i| stack[i].clone()) {
            Some(Value::Str(_)) | None => "__build_class__()".to_string(),
            Some(f) => self.function_str(&f),
        }
    }

    /// Whether `v`'s type can be iterated at all: it has `__iter__` or is a
    /// sequence (`__getitem__`), CPython's `tp_iter || PySequence_Check`.
    /// An `__iter__` that raises still counts: its error is the one to show.
    fn is_iterable_type(&self, v: &Value) -> bool {
        let cls = self.class_of(v);
        cls.lookup("__iter__").is_some() || cls.lookup("__getitem__").is_some()
    }

    /// Whether `obj.name` can be read (errors count as no).
    pub fn has_attr_str(&mut self, obj: &Value, name: &str) -> bool {
        matches!(self.get_attr_str(obj, name), Ok(Some(_)))
    }

    /// The error of `f(*x)` when `x` cannot be iterated at all (CPython's
    /// check_args_iterable); an error raised while iterating stays as it is.
    pub fn call_star_error(&mut self, e: PyErr, f: &Value, args: &Value) -> PyErr {
        if self.is_exc(&e, "TypeError") && !self.is_iterable_type(args) {
            let t = self.type_name(args);
            let fs = self.function_str(f);
            return self.type_error(&format!("{fs} argument after * must be an iterable, not {t}"));
        }
        e
    }

    pub fn is_exc(&self, e: &PyErr, name: &str) -> bool {
        match self.rt.types.exceptions.get(name) {
            Some(c) => e.exc.class.is_subclass(c),
            None => false,
        }
    }
}
