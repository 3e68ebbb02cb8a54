//! The asynchronous iteration built-ins `aiter` and `anext` (PEP 525's
//! counterparts of `iter` and `next`), with CPython 3.11's messages.
//!
//! Both look the protocol method up on the type, as CPython's
//! `tp_as_async` slots do. `anext` with a default wraps the awaitable in an
//! `anext_awaitable` (a Python class in py/_gilt_types.py) that turns the
//! wrapped one's `StopAsyncIteration` into `StopIteration(default)`.

use super::def;
use crate::vm::{Args, PyResult, Runtime, Vm};

pub fn register(rt: &Runtime) {
    let b = &rt.builtins;
    def(b, "aiter", builtin_aiter);
    def(b, "anext", builtin_anext);
}

/// `aiter(async_iterable)`: `type(x).__aiter__(x)`, which must give an
/// object with `__anext__`.
fn builtin_aiter(vm: &mut Vm, a: Args) -> PyResult {
    a.no_kw(vm, "aiter")?;
    a.check(vm, "aiter", 1, 1)?;
    let obj = a.pos[0].clone();
    let Some(m) = vm.class_of(&obj).lookup("__aiter__") else {
        let tn = vm.type_name(&obj);
        return Err(vm.type_error(&format!("'{tn}' object is not an async iterable")));
    };
    let it = vm.call_method_value(&m, obj, vec![])?;
    if vm.class_of(&it).lookup("__anext__").is_none() {
        let tn = vm.type_name(&it);
        return Err(vm.type_error(&format!("aiter() returned not an async iterator of type '{tn}'")));
    }
    Ok(it)
}

/// `anext(aiterator[, default])`: the awaitable `type(x).__anext__(x)`
/// returns, wrapped when a default is given.
fn builtin_anext(vm: &mut Vm, a: Args) -> PyResult {
    a.posonly(vm, "anext", 1, 2)?;
    let obj = a.pos[0].clone();
    let Some(m) = vm.class_of(&obj).lookup("__anext__") else {
        let tn = vm.type_name(&obj);
        return Err(vm.type_error(&format!("'{tn}' object is not an async iterator")));
    };
    let awaitable = vm.call_method_value(&m, obj, vec![])?;
    let Some(default) = a.pos.get(1).cloned() else {
        return Ok(awaitable);
    };
    let types = vm.import_name("_gilt_types", 0, true)?;
    let Some(cls) = vm.get_attr_str(&types, "anext_awaitable")? else {
        return Err(vm.type_error("anext_awaitable is missing"));
    };
    vm.call(&cls, vec![awaitable, default])
}
