//! Function and code object attributes beyond the plain ones: the `co_*`
//! attributes of code objects with CPython's flag bits, `code.replace()`,
//! and assignment to a function's writable attributes with CPython's checks.

use std::sync::Arc;

use super::{PyResult, Vm};
use crate::bytecode::CodeObject;
use crate::bytecode::code::{CodeKind, flags};
use crate::object::function::Function;
use crate::object::str::PyStr;
use crate::object::value::Value;

/// CPython's CO_OPTIMIZED | CO_NEWLOCALS, which every function's code has.
const FUNCTION_FLAGS: u32 = 0x01 | 0x02;

fn names_tuple(v: &[Arc<PyStr>]) -> Value {
    Value::tuple(v.iter().map(|s| Value::Str(s.clone())).collect())
}

/// `code.co_*`, or None for an attribute code objects do not have.
pub fn code_attr(c: &CodeObject, name: &str) -> Option<Value> {
    Some(match name {
        "co_name" => Value::Str(c.name.clone()),
        "co_qualname" => Value::Str(c.qualname.clone()),
        "co_filename" => Value::str(&c.filename),
        "co_firstlineno" => Value::Int(c.firstlineno as i64),
        "co_argcount" => Value::Int(c.argcount as i64),
        "co_posonlyargcount" => Value::Int(c.posonlyargcount as i64),
        "co_kwonlyargcount" => Value::Int(c.kwonlyargcount as i64),
        "co_nlocals" => Value::Int(c.varnames.len() as i64),
        "co_varnames" => names_tuple(&c.varnames),
        "co_cellvars" => names_tuple(&c.cellvars),
        "co_freevars" => names_tuple(&c.freevars),
        "co_names" => names_tuple(&c.names),
        "co_consts" => {
            // CPython keeps a function's docstring (or None) first.
            let mut items = Vec::with_capacity(c.consts.len() + 1);
            if c.kind == CodeKind::Function {
                items.push(c.docstring.clone());
            }
            items.extend(c.consts.iter().cloned());
            // What the wordcode view's LOAD_CONSTs add (import levels, …).
            items.extend(c.word_view().extra_consts.iter().cloned());
            Value::tuple(items)
        }
        "co_flags" => {
            let base = if c.kind == CodeKind::Function { FUNCTION_FLAGS } else { 0 };
            Value::Int((c.flags | base) as i64)
        }
        "co_stacksize" => Value::Int(c.word_view().stacksize as i64),
        "co_code" | "_co_code_adaptive" => Value::Bytes(Arc::new(c.word_view().code.clone())),
        "co_exceptiontable" => Value::Bytes(Arc::new(c.word_view().exception_table.clone())),
        "co_linetable" => Value::Bytes(Arc::new(Vec::new())),
        _ => return None,
    })
}

impl Vm {
    /// `code.replace(co_name=…, …)`: a copy with the given fields changed.
    pub fn code_replace(&mut self, c: &CodeObject, kw: Vec<(Arc<PyStr>, Value)>) -> PyResult<CodeObject> {
        let mut new = c.clone();
        for (k, v) in kw {
            let key = k.as_str();
            let want_str = |vm: &mut Vm, v: &Value| -> PyResult<Arc<PyStr>> {
                match v {
                    Value::Str(s) => Ok(s.clone()),
                    other => {
                        let tn = vm.type_name(other);
                        Err(vm.type_error(&format!("replace() argument '{key}' must be str, not {tn}")))
                    }
                }
            };
            let want_int = |vm: &mut Vm, v: &Value| -> PyResult<u32> {
                match v {
                    Value::Int(i) if *i >= 0 && *i <= u32::MAX as i64 => Ok(*i as u32),
                    other => {
                        let tn = vm.type_name(other);
                        Err(vm.type_error(&format!("replace() argument '{key}' must be int, not {tn}")))
                    }
                }
            };
            match key {
                "co_name" => new.name = want_str(self, &v)?,
                "co_qualname" => new.qualname = want_str(self, &v)?,
                "co_filename" => new.filename = Arc::from(want_str(self, &v)?.as_str()),
                "co_firstlineno" => new.firstlineno = want_int(self, &v)?,
                "co_flags" => {
                    let f = want_int(self, &v)?;
                    // Only CO_NESTED and CO_ITERABLE_COROUTINE (set by
                    // `types.coroutine`, read by `await`) may change: the other
                    // bits decide how the compiled code binds arguments and runs.
                    let free = flags::NESTED | flags::ITERABLE_COROUTINE;
                    new.flags = (c.flags & !free) | (f & free);
                }
                "co_consts" | "co_names" | "co_varnames" | "co_freevars" | "co_cellvars" | "co_argcount"
                | "co_posonlyargcount" | "co_kwonlyargcount" | "co_nlocals" | "co_stacksize" | "co_code"
                | "co_linetable" | "co_exceptiontable" => {
                    // Fields the compiled instructions depend on: only the same value is accepted.
                    let cur = code_attr(c, key).unwrap_or(Value::None);
                    if key != "co_code" && key != "co_linetable" && key != "co_exceptiontable" && !self.eq(&cur, &v)? {
                        return Err(self.err("ValueError", &format!("gilt cannot replace {key} of a code object")));
                    }
                }
                _ => return Err(self.type_error(&format!("'{key}' is an invalid keyword argument for replace()"))),
            }
        }
        Ok(new)
    }

    /// `f.name = v` for a Python function: the writable special attributes
    /// with CPython's type checks, the read-only ones refused, others into
    /// the function's `__dict__`.
    pub fn set_function_attr(&mut self, f: &Arc<Function>, name: &Arc<PyStr>, v: Value) -> PyResult<()> {
        let n = name.as_str();
        match n {
            "__name__" | "__qualname__" => {
                let Value::Str(s) = &v else {
                    return Err(self.type_error(&format!("{n} must be set to a string object")));
                };
                *(if n == "__name__" { &f.name } else { &f.qualname }).lock() = s.clone();
            }
            "__doc__" => *f.doc.lock() = v,
            "__module__" => *f.module.lock() = v,
            "__defaults__" => {
                let items = match &v {
                    Value::None => Vec::new(),
                    Value::Tuple(t) => t.items.to_vec(),
                    _ => return Err(self.type_error("__defaults__ must be set to a tuple object")),
                };
                *f.defaults.lock() = Arc::new(items);
            }
            "__kwdefaults__" => {
                let items = match &v {
                    Value::None => Vec::new(),
                    Value::Dict(d) => {
                        d.lock().items().into_iter().filter_map(|(k, v)| k.as_str().map(|s| (s.clone(), v))).collect()
                    }
                    _ => return Err(self.type_error("__kwdefaults__ must be set to a dict object")),
                };
                *f.kwdefaults.lock() = Arc::new(items);
            }
            "__annotations__" => {
                let a = match &v {
                    Value::None => None,
                    Value::Dict(_) => Some(v),
                    _ => return Err(self.type_error("__annotations__ must be set to a dict object")),
                };
                *f.annotations.lock() = a;
            }
            "__dict__" => {
                let Value::Dict(d) = &v else {
                    let tn = self.type_name(&v);
                    return Err(self.type_error(&format!("__dict__ must be set to a dictionary, not a '{tn}'")));
                };
                let items = d.snapshot();
                let old = std::mem::replace(&mut *f.dict.lock(), items);
                drop(old);
            }
            "__code__" => {
                let Value::Code(code) = &v else {
                    return Err(self.type_error("__code__ must be set to a code object"));
                };
                // The closure's cells are fixed: the new code must expect as many.
                let (want, got) = (f.closure.len(), code.freevars.len());
                if want != got {
                    let fname = f.name.lock().clone();
                    let msg = format!("{}() requires a code object with {want} free vars, not {got}", fname.as_str());
                    return Err(self.err("ValueError", &msg));
                }
                f.code.set(code.clone());
            }
            "__closure__" | "__globals__" | "__builtins__" => {
                return Err(self.err("AttributeError", "readonly attribute"));
            }
            _ => f.dict.set_str(name, v),
        }
        Ok(())
    }
}
