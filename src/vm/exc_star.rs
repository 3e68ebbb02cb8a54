//! The `except*` instructions' work (PEP 654): splitting the unhandled part
//! of an exception by a clause's type, and at the end combining what is
//! left with what the clauses raised (CPython's `_PyExc_PrepReraiseStar`).

use std::sync::Arc;

use super::{PyErr, PyResult, Vm};
use crate::object::value::Value;
use crate::stdlib::exc_group::{Matcher, group_parts};

impl Vm {
    /// `ExcStarMatch`: the stack holds `orig rest raised`; returns the part
    /// of `rest` that `typ` matches (storing the remainder as the new
    /// `rest`), or None.
    pub(super) fn exc_star_match(&mut self, typ: Value) -> PyResult<Option<Value>> {
        self.check_except_star_type(&typ)?;
        let len = self.frame.stack.len();
        let rest = self.frame.stack[len - 2].clone();
        if rest.is_none() {
            return Ok(None);
        }
        let (matched, remainder) = if group_parts(&rest).is_some() {
            self.group_split(&rest, &Matcher::Types(typ), true)?
        } else if self.exception_matches(&rest, &typ)? {
            // A naked exception is handled as a group of one.
            let cls = self.rt.types.exc("BaseExceptionGroup");
            let g = self.new_exception_group(&cls, &[Value::str(""), Value::tuple(vec![rest.clone()])])?;
            if let (Value::Instance(n), Value::Instance(o)) = (&g, &rest)
                && let (Some(ns), Some(os)) = (n.exc(), o.exc())
            {
                self.exc_traceback(os);
                let os = os.lock().clone();
                ns.lock().copy_traceback_from(&os);
            }
            (g, Value::None)
        } else {
            (Value::None, rest)
        };
        if matched.is_none() {
            return Ok(None);
        }
        self.frame.stack[len - 2] = remainder;
        Ok(Some(matched))
    }

    /// An `except*` clause names exception classes, and no group class.
    fn check_except_star_type(&mut self, typ: &Value) -> PyResult<()> {
        let base = self.rt.types.exc("BaseException");
        let group = self.rt.types.exc("BaseExceptionGroup");
        let items: Vec<Value> = match typ {
            Value::Tuple(t) => t.items.to_vec(),
            other => vec![other.clone()],
        };
        for it in &items {
            match it {
                Value::Class(c) if c.is_subclass(&base) => {
                    if c.is_subclass(&group) {
                        return Err(
                            self.type_error("catching ExceptionGroup with except* is not allowed. Use except instead.")
                        );
                    }
                }
                _ => {
                    return Err(
                        self.type_error("catching classes that do not inherit from BaseException is not allowed")
                    );
                }
            }
        }
        Ok(())
    }

    /// `ExcStarEnd`: what to raise after the clauses ran, None if nothing.
    /// Parts re-raised as they were (same traceback, cause and context as
    /// the original) go back in the original's shape; newly raised ones
    /// join them in a new `ExceptionGroup('', [...])`.
    pub(super) fn prep_reraise_star(&mut self, orig: Value, raised: Value, rest: Value) -> PyResult {
        let mut excs = match &raised {
            Value::List(l) => self.collect(&Value::List(l.clone()))?,
            _ => Vec::new(),
        };
        excs.push(rest);
        if group_parts(&orig).is_none() {
            // A naked exception: at most one clause ran.
            return Ok(excs.into_iter().next().unwrap_or(Value::None));
        }
        let (mut new, mut kept) = (Vec::new(), Vec::new());
        for e in excs.into_iter().filter(|e| !e.is_none()) {
            if same_metadata(&e, &orig) {
                kept.push(e);
            } else {
                new.push(e);
            }
        }
        let kept = if kept.is_empty() {
            Value::None
        } else {
            let mut ids = Vec::new();
            for k in &kept {
                leaf_ids(k, &mut ids);
            }
            self.group_split(&orig, &Matcher::Ids(ids), false)?.0
        };
        if new.is_empty() {
            return Ok(kept);
        }
        if !kept.is_none() {
            new.push(kept);
        }
        let cls = self.rt.types.exc("BaseExceptionGroup");
        self.new_exception_group(&cls, &[Value::str(""), Value::list(new)])
    }

    /// Raises `v` from `ExcStarEnd` without a new traceback entry here.
    pub(super) fn reraise_value(&mut self, v: Value) -> PyErr {
        self.reraising = true;
        match v {
            Value::Instance(i) if i.exc().is_some() => PyErr { exc: i },
            _ => self.runtime_error("bad re-raise"),
        }
    }
}

/// The ids of the exceptions (not groups) inside `v`.
fn leaf_ids(v: &Value, out: &mut Vec<i64>) {
    match group_parts(v) {
        Some((_, items)) => items.iter().for_each(|i| leaf_ids(i, out)),
        None => out.push(v.id()),
    }
}

/// Same traceback, cause and context: `e` is (part of) the original
/// exception raised again as it was, not a new raise.
fn same_metadata(e: &Value, orig: &Value) -> bool {
    let (Value::Instance(a), Value::Instance(b)) = (e, orig) else { return false };
    let (Some(sa), Some(sb)) = (a.exc(), b.exc()) else { return false };
    if Arc::ptr_eq(a, b) {
        return true;
    }
    let (sa, sb) = (sa.lock().clone(), sb.lock().clone());
    let same = |x: &Option<Value>, y: &Option<Value>| match (x, y) {
        (None, None) => true,
        (Some(x), Some(y)) => x.is(y),
        _ => false,
    };
    same(&sa.cause, &sb.cause)
        && same(&sa.context, &sb.context)
        && sa.traceback.len() == sb.traceback.len()
        && sa
            .traceback
            .iter()
            .zip(&sb.traceback)
            .all(|(x, y)| x.line == y.line && Arc::ptr_eq(&x.filename, &y.filename))
}
