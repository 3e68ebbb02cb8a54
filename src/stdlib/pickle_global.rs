//! Names of globals in `_pickle`: which module a class or function is
//! saved under (and the checks that it really is found there), the
//! Python 2 name mappings of `_compat_pickle` for protocols 0–2, and
//! `find_class`, which loads a global back.

use super::mod_pickle::PickleState;
use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// Where `save_global` found an object.
pub struct Resolved {
    pub module_name: String,
    /// The (possibly dotted) qualified name.
    pub global_name: String,
    /// The last component of the dotted name.
    pub lastname: String,
    /// The object is a direct attribute of its module.
    pub parent_is_module: bool,
    /// The object holding it (the module, or a class for a nested name).
    pub parent: Value,
}

fn text(v: &Value) -> Option<String> {
    v.as_str().map(|s| s.as_str().to_string())
}

/// `getattr` along a dotted path; the parent of the last step too.
fn deep_attr(vm: &mut Vm, obj: &Value, path: &[&str]) -> PyResult<(Value, Value)> {
    let mut parent = obj.clone();
    let mut cur = obj.clone();
    for p in path {
        parent = cur;
        let key = vm.rt.intern(p);
        cur = vm.get_attr(&parent, &key)?;
    }
    Ok((cur, parent))
}

/// The module `obj` lives in: its `__module__`, or a search of
/// `sys.modules`, or `__main__`.
fn whichmodule(vm: &mut Vm, obj: &Value, path: &[&str]) -> PyResult<String> {
    if let Some(m) = vm.get_attr_str(obj, "__module__")?
        && !m.is_none()
    {
        return match text(&m) {
            Some(t) => Ok(t),
            None => vm.str_of(&m),
        };
    }
    let modules = vm.rt.modules.lock().items();
    for (name, module) in modules {
        let Some(name) = text(&name) else { continue };
        if name == "__main__" || name == "__mp_main__" || module.is_none() {
            continue;
        }
        if let Ok((found, _)) = deep_attr(vm, &module, path)
            && found.is(obj)
        {
            return Ok(name);
        }
    }
    Ok("__main__".to_string())
}

/// Finds where `obj` (a class or function; `name` from a `__reduce__`
/// that returned a string) is reachable by name, as CPython checks it.
pub fn resolve(vm: &mut Vm, st: &PickleState, obj: &Value, name: Option<&str>) -> PyResult<Resolved> {
    let global_name = match name {
        Some(n) => n.to_string(),
        None => {
            let q = match vm.get_attr_str(obj, "__qualname__")? {
                Some(q) => q,
                None => vm.get_attr(obj, &vm.rt.intern("__name__"))?,
            };
            match text(&q) {
                Some(t) => t,
                None => vm.str_of(&q)?,
            }
        }
    };
    let path: Vec<&str> = global_name.split('.').collect();
    if path.contains(&"<locals>") {
        let r = vm.repr_of(&Value::str(&global_name))?;
        return Err(vm.err("AttributeError", &format!("Can't pickle local object {r}")));
    }
    let module_name = whichmodule(vm, obj, &path)?;
    let perr = |vm: &mut Vm, msg: String| super::native_util::raise(vm, &st.pickling_error, &msg);
    let module = match vm.import_name(&module_name, 0, true) {
        Ok(m) => m,
        Err(_) => {
            let (r, mr) = (vm.repr_of(obj)?, vm.repr_of(&Value::str(&module_name))?);
            return Err(perr(vm, format!("Can't pickle {r}: import of module {mr} failed")));
        }
    };
    let (found, parent) = match deep_attr(vm, &module, &path) {
        Ok(x) => x,
        Err(_) => {
            let r = vm.repr_of(obj)?;
            return Err(perr(vm, format!("Can't pickle {r}: attribute lookup {global_name} on {module_name} failed")));
        }
    };
    if !found.is(obj) {
        let r = vm.repr_of(obj)?;
        return Err(perr(vm, format!("Can't pickle {r}: it's not the same object as {module_name}.{global_name}")));
    }
    let lastname = path.last().copied().unwrap_or("").to_string();
    let parent_is_module = parent.is(&module);
    Ok(Resolved { module_name, global_name, lastname, parent_is_module, parent })
}

fn compat(vm: &mut Vm, attr: &str) -> PyResult<Value> {
    let m = vm.import_name("_compat_pickle", 0, true)?;
    vm.get_attr(&m, &vm.rt.intern(attr))
}

/// Python 3 names → Python 2 names, for protocols 0–2 with `fix_imports`.
pub fn reverse_mapping(vm: &mut Vm, module: &str, name: &str) -> PyResult<(String, String)> {
    let names = compat(vm, "REVERSE_NAME_MAPPING")?;
    let key = Value::tuple(vec![Value::str(module), Value::str(name)]);
    if let Value::Dict(d) = &names
        && let Some(item) = vm.dict_get(d, &key)?
    {
        return match &item {
            Value::Tuple(t) if t.items.len() == 2 => match (text(&t.items[0]), text(&t.items[1])) {
                (Some(m), Some(n)) => Ok((m, n)),
                _ => Err(vm.runtime_error("_compat_pickle.REVERSE_NAME_MAPPING values should be pairs of str")),
            },
            _ => Err(vm.runtime_error("_compat_pickle.REVERSE_NAME_MAPPING values should be 2-tuples")),
        };
    }
    let imports = compat(vm, "REVERSE_IMPORT_MAPPING")?;
    if let Value::Dict(d) = &imports
        && let Some(item) = vm.dict_get(d, &Value::str(module))?
    {
        return match text(&item) {
            Some(m) => Ok((m, name.to_string())),
            None => Err(vm.runtime_error("_compat_pickle.REVERSE_IMPORT_MAPPING values should be strings")),
        };
    }
    Ok((module.to_string(), name.to_string()))
}

/// `Unpickler.find_class(module, name)`: the Python 2 names mapped (old
/// protocols with `fix_imports`), the module imported, the attribute
/// (dotted from protocol 4 on) looked up.
pub fn find_class(vm: &mut Vm, proto: u8, fix_imports: bool, module: &Value, name: &Value) -> PyResult {
    let (mut module, mut name) = (module.clone(), name.clone());
    if proto < 3 && fix_imports {
        let names = compat(vm, "NAME_MAPPING")?;
        let key = Value::tuple(vec![module.clone(), name.clone()]);
        let hit = match &names {
            Value::Dict(d) => vm.dict_get(d, &key)?,
            _ => None,
        };
        if let Some(item) = hit {
            match &item {
                Value::Tuple(t) if t.items.len() == 2 => {
                    module = t.items[0].clone();
                    name = t.items[1].clone();
                }
                _ => {
                    let tn = vm.type_name(&item);
                    let msg = format!("_compat_pickle.NAME_MAPPING values should be 2-tuples, not {tn}");
                    return Err(vm.runtime_error(&msg));
                }
            }
        } else {
            let imports = compat(vm, "IMPORT_MAPPING")?;
            if let Value::Dict(d) = &imports
                && let Some(m) = vm.dict_get(d, &module)?
            {
                module = m;
            }
        }
    }
    let Some(mname) = text(&module) else {
        let tn = vm.type_name(&module);
        return Err(vm.type_error(&format!("module name must be str, not {tn}")));
    };
    let m = vm.import_name(&mname, 0, true)?;
    let Some(gname) = text(&name) else {
        let tn = vm.type_name(&name);
        return Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")));
    };
    let path: Vec<&str> = if proto >= 4 { gname.split('.').collect() } else { vec![gname.as_str()] };
    let cant = |vm: &mut Vm, m: &Value| -> PyResult<crate::vm::PyErr> {
        let (r, mr) = (vm.repr_of(&Value::str(&gname))?, vm.repr_of(m)?);
        Ok(vm.err("AttributeError", &format!("Can't get attribute {r} on {mr}")))
    };
    if path.contains(&"<locals>") {
        let (r, mr) = (vm.repr_of(&Value::str(&gname))?, vm.repr_of(&m)?);
        return Err(vm.err("AttributeError", &format!("Can't get local attribute {r} on {mr}")));
    }
    match deep_attr(vm, &m, &path) {
        Ok((v, _)) => Ok(v),
        Err(e) if e.exc.class.is_subclass(&vm.rt.types.exc("AttributeError")) => Err(cant(vm, &m)?),
        Err(e) => Err(e),
    }
}
