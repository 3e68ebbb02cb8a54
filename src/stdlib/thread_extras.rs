//! The parts of `_thread` that CPython's `threading.py` takes beside locks
//! and threads: `_local` (per-thread attributes, the object side in
//! `object/thread_local.rs`), and `_excepthook` with its `_ExceptHookArgs`
//! struct sequence (what `threading.excepthook` is).

use std::collections::HashMap;
use std::sync::Arc;

use parking_lot::Mutex;

use super::def;
use super::structseq::{Spec, make_class};
use super::types_containers::builtin_of;
use crate::object::class::{Instance, Layout, Payload};
use crate::object::dict::Dict;
use crate::object::thread_local::{LocalData, forget_thread, weak_payload};
use crate::object::value::Value;
use crate::vm::runtime::new_builtin_class;
use crate::vm::thread_local::EndPhase;
use crate::vm::{Args, PyResult, Vm};

const HOOK_ARGS: Spec = Spec {
    module: "_thread",
    name: "_ExceptHookArgs",
    fields: &["exc_type", "exc_value", "exc_traceback", "thread"],
    n_seq: 4,
};

/// Adds `_local`, `_excepthook` and `_ExceptHookArgs` to the `_thread` module dict `d`.
pub fn add_to(vm: &mut Vm, d: &Arc<Dict>) {
    let local = new_builtin_class("_local", std::slice::from_ref(&vm.rt.types.object), Layout::NativeNew);
    local.dict.set_item_str("__module__", Value::str("_thread"));
    local.dict.set_item_str("__doc__", Value::str("Thread-local data"));
    let lc = local.clone();
    def(&local.dict, "__new__", move |vm, a| local_new(vm, &lc, a));
    d.set_item_str("_local", Value::Class(local));

    let hook_args = make_class(vm, HOOK_ARGS);
    d.set_item_str("_ExceptHookArgs", Value::Class(hook_args.clone()));
    def(d, "_excepthook", move |vm, a| {
        a.posonly(vm, "_excepthook", 1, 1)?;
        let ok = matches!(&a.pos[0], Value::Instance(i) if Arc::ptr_eq(&i.class, &hook_args));
        if !ok {
            return Err(vm.type_error("_thread._excepthook argument type must be ExceptHookArgs"));
        }
        let Value::Tuple(t) = builtin_of(&a.pos[0]) else { return Ok(Value::None) };
        excepthook(vm, &t.items)
    });
}

/// `_thread._local.__new__(cls, *args, **kw)`: the creating thread's dict
/// is made here (its `__init__` runs through the ordinary type call).
fn local_new(vm: &mut Vm, local: &Arc<crate::object::class::Class>, mut a: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = a.pos.first().cloned() else {
        return Err(vm.type_error("_local.__new__(X): X is not a type object"));
    };
    a.pos.remove(0);
    if !a.pos.is_empty() || !a.kw.is_empty() {
        let init = cls.lookup("__init__");
        let object_init = vm.rt.types.object.dict.get_item_str("__init__");
        if let (Some(i), Some(o)) = (&init, &object_init)
            && i.is(o)
        {
            return Err(vm.type_error("Initialization arguments are not supported"));
        }
    }
    let mut dicts = HashMap::new();
    dicts.insert(vm.ident, Arc::new(Dict::new()));
    let data = LocalData { dicts: Mutex::new(dicts), args: a.pos, kw: a.kw, class: local.clone() };
    let inst = Instance::new(cls, Payload::Builtin(Value::from_native(Arc::new(data))));
    let inst = crate::object::gc::instance(Arc::new(inst));
    if let Some(weak) = weak_payload(&inst) {
        let ident = vm.ident;
        vm.at_thread_end.push((EndPhase::Locals, Box::new(move || forget_thread(&weak, ident))));
    }
    Ok(Value::Instance(inst))
}

/// What `threading.excepthook` does by default: `Exception in thread NAME:`
/// and the traceback as CPython's C printer writes it, on `sys.stderr` (or
/// the thread's saved `_stderr` when `sys.stderr` is None).
fn excepthook(vm: &mut Vm, items: &[Value]) -> PyResult<Value> {
    let [exc_type, exc_value, _tb, thread] = items else { return Ok(Value::None) };
    if let Value::Class(c) = exc_type
        && Arc::ptr_eq(c, &vm.rt.types.exc("SystemExit"))
    {
        return Ok(Value::None);
    }
    let file = match vm.sys_attr("stderr").filter(|f| !f.is_none()) {
        Some(f) => f,
        None if !thread.is_none() => match vm.get_attr_str(thread, "_stderr")? {
            Some(f) if !f.is_none() => f,
            _ => return Ok(Value::None),
        },
        None => return Ok(Value::None),
    };
    let name = if thread.is_none() { None } else { vm.get_attr_str(thread, "name")?.filter(|n| !n.is_none()) };
    let name = match name {
        Some(n) => vm.str_of(&n)?,
        None => vm.ident.to_string(),
    };
    vm.call_method(&file, "write", vec![Value::string(format!("Exception in thread {name}:\n"))])?;
    vm.call_method(&file, "flush", vec![])?;
    let text = match exc_value {
        Value::Instance(i) if i.exc().is_some() => vm.format_exception(&crate::vm::PyErr { exc: i.clone() }),
        _ => {
            let tn = match exc_type {
                Value::Class(c) => c.name().as_str().to_string(),
                other => vm.str_of(other)?,
            };
            format!("{tn}: {}\n", vm.str_of(exc_value)?)
        }
    };
    vm.call_method(&file, "write", vec![Value::string(text)])?;
    vm.call_method(&file, "flush", vec![])?;
    Ok(Value::None)
}
