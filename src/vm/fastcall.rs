//! Inline paths for the hottest built-in calls (`len(x)`, `isinstance(x, C)`,
//! `lst.append(x)`, `d.get(k)`), taken by the dispatch loop when a native
//! function carries a [`FastCall`] tag and its arguments are of the usual
//! built-in types. They read the arguments where they lie on the value
//! stack: no argument vector, no reference counting. Anything else (a user
//! `__len__`, a metaclass `__instancecheck__`, keys needing Python-level
//! equality) returns `None` and the function is called as usual.

use std::sync::Arc;

use super::Vm;
use crate::object::class::Class;
use crate::object::function::FastCall;
use crate::object::value::Value;

/// `len(v)` of the built-in containers, which needs no Python code.
#[inline]
pub fn builtin_len(v: &Value) -> Option<usize> {
    Some(match v {
        Value::Str(s) => s.char_len(),
        Value::List(l) => l.len(),
        Value::Tuple(t) => t.items.len(),
        Value::Dict(d) => d.len(),
        Value::Set(s) => s.len(),
        Value::Bytes(b) => b.len(),
        Value::Range(r) => r.len()? as usize,
        Value::Native2(o) if o.class().builtin => o.native_len()?,
        _ => return None,
    })
}

impl Vm {
    /// Runs `kind` over the stack slots `start..start + n` (the arguments,
    /// receiver first for methods) and returns the result, or `None` to
    /// make the caller fall back to a real call. May pop arguments it
    /// consumed; the caller truncates the stack to the callee's slot.
    #[inline]
    pub(super) fn fast_call(&mut self, kind: FastCall, start: usize, n: usize) -> Option<Value> {
        let args = &self.frame.stack[start..start + n];
        match (kind, args) {
            (FastCall::Len, [v]) => builtin_len(v).map(|n| Value::Int(n as i64)),
            (FastCall::Isinstance, [obj, Value::Class(cls)]) if cls.metaclass.is_none() => {
                let own = self.class_ref(obj)?;
                if own.is_subclass(cls) {
                    return Some(Value::Bool(true));
                }
                // A Python `__class__` (or a `__getattribute__` answering it,
                // a proxy's) may still make it an instance (the full call asks it).
                use crate::object::class::class_flags::{HAS_CLASS_ATTR, HAS_GETATTRIBUTE};
                let asks_class = own.attr_flags() & (HAS_CLASS_ATTR | HAS_GETATTRIBUTE) != 0;
                (!asks_class).then_some(Value::Bool(false))
            }
            (FastCall::ListAppend, [Value::List(_), _]) => {
                let x = self.frame.stack.pop()?;
                if let Value::List(l) = &self.frame.stack[start] {
                    l.push(x);
                }
                Some(Value::None)
            }
            (FastCall::DictGet, [Value::Dict(d), Value::Str(key), rest @ ..]) if rest.len() <= 1 => {
                let found = d.get_str(key);
                Some(found.unwrap_or_else(|| rest.first().cloned().unwrap_or(Value::None)))
            }
            _ => None,
        }
    }

    /// `str(x)` / `int(x)` / `float(x)` / `bool(x)` / `bytes(x)` / `type(x)`
    /// for the argument types whose answer needs no Python code and no error
    /// (else `None`).
    #[inline]
    pub(super) fn construct_fast(&self, cls: &Arc<Class>, arg: &Value) -> Option<Value> {
        let t = &self.rt.types;
        let c = Arc::as_ptr(cls);
        if c == Arc::as_ptr(&t.str_) {
            match arg {
                Value::Str(_) => Some(arg.clone()),
                Value::Int(i) => Some(Value::string(i.to_string())),
                _ => None,
            }
        } else if c == Arc::as_ptr(&t.int) {
            match arg {
                Value::Int(_) => Some(arg.clone()),
                Value::Boolean(b) => Some(Value::Int(b.get() as i64)),
                _ => None,
            }
        } else if c == Arc::as_ptr(&t.float) {
            match arg {
                Value::Flt(_) => Some(arg.clone()),
                Value::Int(i) if i.unsigned_abs() < (1u64 << 53) => Some(Value::Float(*i as f64)),
                _ => None,
            }
        } else if c == Arc::as_ptr(&t.type_) {
            // One argument: the object's own type (not its `__class__`).
            Some(Value::Class(self.class_of(arg)))
        } else if c == Arc::as_ptr(&t.bytes) {
            match arg {
                Value::Bytes(_) => Some(arg.clone()),
                // A bytearray has no `__bytes__`: its contents are the answer.
                Value::Native2(o) if Arc::ptr_eq(o.class(), &t.bytearray) => {
                    o.buffer_bytes().map(|b| Value::Bytes(Arc::new(b)))
                }
                _ => None,
            }
        } else if c == Arc::as_ptr(&t.bool_) {
            match arg {
                Value::Boolean(_) => Some(arg.clone()),
                Value::Int(i) => Some(Value::Bool(*i != 0)),
                Value::None => Some(Value::Bool(false)),
                _ => None,
            }
        } else {
            None
        }
    }

    /// The class of a value, borrowed, for the kinds of values whose class
    /// is known without allocating (instances and the common built-ins).
    #[inline]
    pub fn class_ref<'a>(&'a self, v: &'a Value) -> Option<&'a Arc<Class>> {
        let t = &self.rt.types;
        Some(match v {
            Value::Instance(i) => &i.class,
            Value::Str(_) => &t.str_,
            Value::List(_) => &t.list,
            Value::Dict(_) => &t.dict,
            Value::Tuple(_) => &t.tuple,
            Value::Set(s) if !s.frozen => &t.set,
            Value::Int(_) | Value::BigInt(_) => &t.int,
            Value::Boolean(_) => &t.bool_,
            Value::Flt(_) => &t.float,
            Value::Bytes(_) => &t.bytes,
            Value::None => &t.none,
            _ => return None,
        })
    }
}
