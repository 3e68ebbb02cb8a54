//! The protocol steps of `await`, `async for` and `async with` (CPython's
//! `GET_AWAITABLE`, `GET_AITER`, `GET_ANEXT`, `BEFORE_ASYNC_WITH`), with the
//! TypeErrors CPython raises when an object does not take part: each step
//! looks its special method up on the type, and names the statement and the
//! method whose result was wrong, because "object int can't be used in
//! 'await' expression" alone does not tell a reader which `__aexit__` erred.

use crate::bytecode::instr::await_site;
use crate::object::generator::GenKind;
use crate::object::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

impl Vm {
    /// `await v` at `site`: the iterator to delegate to. A coroutine that is
    /// itself suspended in an `await` cannot be awaited a second time.
    pub fn get_awaitable_at(&mut self, v: Value, site: u32) -> PyResult {
        let it = match self.get_awaitable(v.clone()) {
            Ok(it) => it,
            Err(_) if site != await_site::PLAIN && !self.has_await(&v) => {
                let which = if site == await_site::AENTER { "__aenter__" } else { "__aexit__" };
                let tn = self.type_name(&v);
                return Err(self.type_error(&format!(
                    "'async with' received an object from {which} that does not implement __await__: {tn}"
                )));
            }
            Err(e) => return Err(e),
        };
        if let Value::Generator(g) = &it
            && g.kind == GenKind::Coroutine
            && self.gen_is_delegating(g)
        {
            return Err(self.runtime_error("coroutine is being awaited already"));
        }
        Ok(it)
    }

    /// Whether `v` is awaitable by its type (a coroutine, or a class with
    /// `__await__`), whatever its `__await__` then returns.
    fn has_await(&self, v: &Value) -> bool {
        match v {
            Value::Generator(g) => g.kind == GenKind::Coroutine,
            _ => self.class_of(v).lookup("__await__").is_some(),
        }
    }

    /// `async for x in obj`: `type(obj).__aiter__(obj)`, which must give an
    /// object whose type has `__anext__`.
    pub fn get_aiter(&mut self, obj: Value) -> PyResult {
        let Some(m) = self.class_of(&obj).lookup("__aiter__") else {
            let tn = self.type_name(&obj);
            return Err(self.type_error(&format!("'async for' requires an object with __aiter__ method, got {tn}")));
        };
        let it = self.call_method_value(&m, obj, vec![])?;
        if self.class_of(&it).lookup("__anext__").is_none() {
            let tn = self.type_name(&it);
            return Err(self.type_error(&format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {tn}"
            )));
        }
        Ok(it)
    }

    /// One step of `async for`: the awaitable iterator of
    /// `type(it).__anext__(it)`; an unawaitable result is a TypeError whose
    /// cause is the error awaiting it gave.
    pub fn get_anext(&mut self, it: &Value) -> PyResult {
        let Some(m) = self.class_of(it).lookup("__anext__") else {
            let tn = self.type_name(it);
            return Err(self.type_error(&format!("'async for' requires an iterator with __anext__ method, got {tn}")));
        };
        let next = self.call_method_value(&m, it.clone(), vec![])?;
        match self.get_awaitable(next.clone()) {
            Ok(aw) => Ok(aw),
            Err(cause) => {
                let tn = self.type_name(&next);
                let e = self.type_error(&format!("'async for' received an invalid object from __anext__: {tn}"));
                set_cause(&e, cause);
                Err(e)
            }
        }
    }

    /// `async with mgr`: checks that the type has `__aenter__` and
    /// `__aexit__` (in that order, as CPython) and calls `__aenter__`,
    /// whose result is then awaited.
    pub fn before_async_with(&mut self, mgr: &Value) -> PyResult {
        let cls = self.class_of(mgr);
        let Some(enter) = cls.lookup("__aenter__") else {
            let tn = self.type_name(mgr);
            return Err(
                self.type_error(&format!("'{tn}' object does not support the asynchronous context manager protocol"))
            );
        };
        if cls.lookup("__aexit__").is_none() {
            let tn = self.type_name(mgr);
            return Err(self.type_error(&format!(
                "'{tn}' object does not support the asynchronous context manager protocol (missed __aexit__ method)"
            )));
        }
        self.call_method_value(&enter, mgr.clone(), vec![])
    }
}

/// `e.__cause__ = cause` (and its context, as `_PyErr_FormatFromCause`).
fn set_cause(e: &PyErr, cause: PyErr) {
    if let Some(st) = e.exc.exc() {
        let mut st = st.lock();
        st.context = Some(cause.value());
        st.cause = Some(cause.value());
        st.suppress_context = true;
    }
}
