//! Introspection and I/O built-ins: hash, id, callable, getattr, setattr,
//! hasattr, delattr, vars, dir, globals, locals, input, format, ascii,
//! exit/quit and `__import__`.

use std::sync::Arc;

use super::def;
use crate::object::dict::Dict;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Runtime, Vm};

fn name_arg(vm: &mut Vm, v: &Value) -> PyResult<Arc<PyStr>> {
    match super::types_str::as_pystr(v) {
        Some(s) => Ok(s),
        None => {
            // CPython's message does not name the built-in.
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")))
        }
    }
}

/// `callable(v)`.
pub fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Native(_) | Value::Method(_) | Value::Class(_) => true,
        _ => vm.class_of(v).lookup("__call__").is_some(),
    }
}

/// The current frame's locals as a dict (a snapshot for function frames).
pub fn locals_of(vm: &mut Vm) -> Value {
    use crate::bytecode::code::CodeKind;
    // A class body over a `__prepare__` mapping: that mapping itself, as
    // CPython's `locals()` (enum's `_ignore_` idiom writes through `vars()`).
    if let Some(m) = vm.ns_mapping() {
        return m;
    }
    let f = &mut vm.frame;
    if f.code.kind != CodeKind::Function {
        if let Some(d) = &f.locals_dict {
            return Value::Dict(d.clone());
        }
        if f.code.kind == CodeKind::Module {
            return Value::Dict(f.globals.clone());
        }
    }
    // A function's locals dict is one per frame and refreshed on every call,
    // as CPython's `PyFrame_FastToLocals`: bound locals are written, unbound
    // ones removed, other keys (names bound by `exec`) kept.
    let d = f.locals_dict.get_or_insert_with(|| Arc::new(Dict::new())).clone();
    for (i, name) in f.code.varnames.iter().enumerate() {
        match f.locals.get(i) {
            Some(Some(v)) => d.set_str(name, v.clone()),
            _ => {
                d.remove_item_str(name.as_str());
            }
        }
    }
    for (i, name) in f.code.cellvars.iter().chain(f.code.freevars.iter()).enumerate() {
        match f.cells.get(i).and_then(|c| c.get()) {
            Some(v) => d.set_str(name, v),
            None => {
                d.remove_item_str(name.as_str());
            }
        }
    }
    Value::Dict(d)
}

fn input(vm: &mut Vm, a: Args) -> PyResult {
    a.no_kw(vm, "input")?;
    a.check(vm, "input", 0, 1)?;
    if let Some(p) = a.pos.first() {
        let s = vm.str_of(p)?;
        vm.write_stdout(&s)?;
    }
    if let Some(out) = vm.sys_attr("stdout")
        && vm.get_attr_str(&out, "flush")?.is_some()
    {
        vm.call_method(&out, "flush", vec![])?;
    }
    {
        use std::io::Write;
        let _ = std::io::stdout().flush();
    }
    // A replaced sys.stdin (e.g. io.StringIO) is read through Python.
    if let Some(inp) = vm.sys_attr("stdin")
        && !matches!(inp, Value::None)
        && !super::sys::is_std_stream(&inp)
    {
        let line = vm.call_method(&inp, "readline", vec![])?;
        let s = vm.str_of(&line)?;
        if s.is_empty() {
            return Err(vm.err("EOFError", "EOF when reading a line"));
        }
        return Ok(Value::str(s.strip_suffix('\n').unwrap_or(&s)));
    }
    let mut line = super::stdin_read::read_line(vm)?;
    if line.is_empty() {
        return Err(vm.err("EOFError", "EOF when reading a line"));
    }
    if line.ends_with(b"\n") {
        line.pop();
    }
    Ok(Value::string(vm.rt.clone().stdio.decode(vm, &line)?))
}

/// Registers the built-ins of this file.
pub fn register(rt: &Runtime) {
    let b = &rt.builtins;
    def(b, "hash", |vm, a| {
        a.no_kw(vm, "hash")?;
        a.check(vm, "hash", 1, 1)?;
        Ok(Value::Int(vm.hash_value(&a.pos[0])?))
    });
    def(b, "id", |vm, a| {
        a.no_kw(vm, "id")?;
        a.check(vm, "id", 1, 1)?;
        Ok(Value::Int(a.pos[0].id()))
    });
    def(b, "callable", |vm, a| {
        a.no_kw(vm, "callable")?;
        a.check(vm, "callable", 1, 1)?;
        Ok(Value::Bool(is_callable(vm, &a.pos[0])))
    });
    def(b, "getattr", |vm, a| {
        a.no_kw(vm, "getattr")?;
        a.check(vm, "getattr", 2, 3)?;
        let name = name_arg(vm, &a.pos[1])?;
        if a.pos.len() == 2 {
            return vm.get_attr(&a.pos[0], &name);
        }
        // With a default, absence is answered without building the
        // AttributeError (its message formatting dominated a missing lookup).
        match vm.get_attr_opt(&a.pos[0], &name) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Ok(a.pos[2].clone()),
            Err(e) if vm.is_exc(&e, "AttributeError") => Ok(a.pos[2].clone()),
            Err(e) => Err(e),
        }
    });
    def(b, "setattr", |vm, a| {
        a.no_kw(vm, "setattr")?;
        a.check(vm, "setattr", 3, 3)?;
        let name = name_arg(vm, &a.pos[1])?;
        vm.set_attr(&a.pos[0], &name, a.pos[2].clone())?;
        Ok(Value::None)
    });
    def(b, "hasattr", |vm, a| {
        a.no_kw(vm, "hasattr")?;
        a.check(vm, "hasattr", 2, 2)?;
        let name = name_arg(vm, &a.pos[1])?;
        match vm.get_attr_opt(&a.pos[0], &name) {
            Ok(found) => Ok(Value::Bool(found.is_some())),
            Err(e) if vm.is_exc(&e, "AttributeError") => Ok(Value::Bool(false)),
            Err(e) => Err(e),
        }
    });
    def(b, "delattr", |vm, a| {
        a.no_kw(vm, "delattr")?;
        a.check(vm, "delattr", 2, 2)?;
        let name = name_arg(vm, &a.pos[1])?;
        vm.del_attr(&a.pos[0], &name)?;
        Ok(Value::None)
    });
    def(b, "vars", |vm, a| {
        a.no_kw(vm, "vars")?;
        a.check(vm, "vars", 0, 1)?;
        let Some(v) = a.pos.first() else { return Ok(locals_of(vm)) };
        match v {
            Value::Instance(i) if i.class.extra.no_dict => {
                Err(vm.type_error("vars() argument must have __dict__ attribute"))
            }
            // Straight from the instance unless a class overrides `__dict__`
            // (a property) or every attribute read (`__getattribute__`).
            Value::Instance(i)
                if i.class.attr_flags() & crate::object::class::class_flags::HAS_GETATTRIBUTE == 0
                    && match i.class.lookup("__dict__") {
                        None => true,
                        Some(Value::Native2(o)) => o.as_any().is::<super::builtin_attrs::BuiltinAttr>(),
                        Some(_) => false,
                    } =>
            {
                Ok(Value::Dict(i.dict.clone()))
            }
            Value::Module(m) => Ok(Value::Dict(m.dict.clone())),
            // A class's is its `__dict__`: a read-only mappingproxy.
            _ => match vm.get_attr_str(v, "__dict__")? {
                Some(d) => Ok(d),
                None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
            },
        }
    });
    def(b, "dir", |vm, a| {
        a.no_kw(vm, "dir")?;
        a.check(vm, "dir", 0, 1)?;
        let Some(v) = a.pos.first() else {
            let d = match locals_of(vm) {
                Value::Dict(d) => d,
                // Locals that are another mapping (`exec(code, g, mapping)`):
                // its `keys()`, sorted, as CPython's `_dir_locals`.
                m => {
                    let keys = vm.call_method(&m, "keys", vec![])?;
                    let items = vm.collect(&keys)?;
                    return Ok(Value::list(super::types_containers::sort_values(vm, items, &Value::None, false)?));
                }
            };
            let mut names: Vec<String> =
                d.lock().keys().iter().filter_map(|k| k.as_str().map(|s| s.as_str().to_string())).collect();
            names.sort();
            return Ok(Value::list(names.into_iter().map(Value::string).collect()));
        };
        // A module's own `__dir__` function (PEP 562) answers for it.
        if let Value::Module(m) = v
            && let Some(f) = m.dict.get_item_str("__dir__")
        {
            let r = vm.call(&f, vec![])?;
            let items = vm.collect(&r)?;
            return Ok(Value::list(super::types_containers::sort_values(vm, items, &Value::None, false)?));
        }
        let cls = vm.class_of(v);
        if let Some(m) = cls.lookup_user("__dir__") {
            let r = vm.call_method_value(&m, v.clone(), vec![])?;
            let items = vm.collect(&r)?;
            return Ok(Value::list(super::types_containers::sort_values(vm, items, &Value::None, false)?));
        }
        Ok(Value::list(vm.dir_of(v)?))
    });
    def(b, "globals", |vm, a| {
        a.no_kw(vm, "globals")?;
        a.check(vm, "globals", 0, 0)?;
        Ok(Value::Dict(vm.frame.globals.clone()))
    });
    def(b, "locals", |vm, a| {
        a.no_kw(vm, "locals")?;
        a.check(vm, "locals", 0, 0)?;
        Ok(locals_of(vm))
    });
    def(b, "input", input);
    def(b, "format", |vm, a| {
        a.no_kw(vm, "format")?;
        a.check(vm, "format", 1, 2)?;
        let spec = match a.pos.get(1) {
            None => String::new(),
            Some(v) => match super::types_str::as_pystr(v) {
                Some(s) => s.as_str().to_string(),
                None => {
                    let tn = vm.type_name(v);
                    return Err(vm.type_error(&format!("format() argument 2 must be str, not {tn}")));
                }
            },
        };
        Ok(Value::string(vm.format_value(&a.pos[0], &spec)?))
    });
    def(b, "ascii", |vm, a| {
        a.no_kw(vm, "ascii")?;
        a.check(vm, "ascii", 1, 1)?;
        Ok(Value::string(vm.ascii_of(&a.pos[0])?))
    });
    for name in ["exit", "quit"] {
        def(b, name, |vm, a| {
            let cls = vm.rt.types.exc("SystemExit");
            Err(vm.new_exception(&cls, a.pos.into_iter().take(1).collect()))
        });
    }
    def(b, "__import__", |vm, mut a| {
        for (i, n) in ["name", "globals", "locals", "fromlist", "level"].iter().enumerate() {
            if a.pos.len() > i && a.kw.iter().any(|(k, _)| k.as_str() == *n) {
                let msg = format!("argument for __import__() given by name ('{n}') and position ({})", i + 1);
                return Err(vm.type_error(&msg));
            }
        }
        let name = a.arg(0, "name").unwrap_or(Value::None);
        let fromlist = a.arg(3, "fromlist").unwrap_or(Value::None);
        let level = match a.arg(4, "level") {
            Some(v) => vm.index_of(&v)?,
            None => 0,
        };
        let Some(name) = super::types_str::as_pystr(&name) else {
            return Err(vm.type_error("module name must be a string"));
        };
        if name.as_str().is_empty() && level == 0 {
            return Err(vm.value_error("Empty module name"));
        }
        let want_leaf = !fromlist.is_none() && vm.truthy(&fromlist)?;
        vm.import_name(name.as_str(), level.max(0) as u32, want_leaf)
    });
}
