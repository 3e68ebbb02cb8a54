//! `sys.excepthook` / `sys.__excepthook__` and `sys.displayhook` /
//! `sys.__displayhook__`: what prints an uncaught exception and what prints
//! a value at the interactive prompt. A script may replace either; the
//! command line calls a replaced `sys.excepthook` for an uncaught exception
//! (cli.rs), as CPython does.

use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::{PyErr, Vm};

use super::def;

/// Adds the hooks to `sys`'s dict `d`.
pub fn install(d: &Dict) {
    def(d, "excepthook", |vm, a| {
        a.check(vm, "excepthook", 3, 3)?;
        // Printed on `sys.stderr` (a script or a test may have replaced
        // it); a value that is not an exception is reported there too, as
        // CPython's printer does, not raised.
        let text = match &a.pos[1] {
            Value::Instance(inst) if vm.is_exc(&PyErr { exc: inst.clone() }, "BaseException") => {
                vm.format_exception(&PyErr { exc: inst.clone() })
            }
            other => {
                let tn = vm.type_name(other);
                format!("TypeError: print_exception(): Exception expected for value, {tn} found\n")
            }
        };
        use std::io::Write;
        let _ = std::io::stdout().flush();
        match vm.sys_attr("stderr") {
            Some(err) if !err.is_none() => {
                vm.call_method(&err, "write", vec![Value::string(text)])?;
                let _ = vm.call_method(&err, "flush", vec![]);
            }
            _ => eprint!("{text}"),
        }
        Ok(Value::None)
    });
    def(d, "displayhook", |vm, a| {
        a.check(vm, "displayhook", 1, 1)?;
        let value = a.pos[0].clone();
        if value.is_none() {
            return Ok(Value::None);
        }
        let builtins = vm.rt.builtins.clone();
        builtins.set_item_str("_", Value::None);
        let text = vm.repr_of(&value)? + "\n";
        match vm.sys_attr("stdout") {
            Some(out) if !out.is_none() => {
                vm.call_method(&out, "write", vec![Value::string(text)])?;
            }
            _ => return Err(vm.runtime_error("lost sys.stdout")),
        }
        builtins.set_item_str("_", value);
        Ok(Value::None)
    });
    def(d, "unraisablehook", |vm, a| {
        a.check(vm, "unraisablehook", 1, 1)?;
        let text = unraisable_text(vm, &a.pos[0])?;
        use std::io::Write;
        let _ = std::io::stdout().flush();
        match vm.sys_attr("stderr") {
            Some(err) if !err.is_none() => {
                vm.call_method(&err, "write", vec![Value::string(text)])?;
                let _ = vm.call_method(&err, "flush", vec![]);
            }
            _ => eprint!("{text}"),
        }
        Ok(Value::None)
    });
    for name in ["excepthook", "displayhook", "unraisablehook"] {
        if let Some(f) = d.get_item_str(name) {
            d.set_item_str(&format!("__{name}__"), f);
        }
    }
}

/// The fields of `sys.UnraisableHookArgs`, in CPython's order.
pub const UNRAISABLE_FIELDS: [&str; 5] = ["exc_type", "exc_value", "exc_traceback", "err_msg", "object"];

/// What the default `sys.unraisablehook` writes for its argument (CPython's
/// write_unraisable_exc_file): the message and object line, then the
/// exception with its own traceback.
fn unraisable_text(vm: &mut Vm, args: &Value) -> crate::vm::PyResult<String> {
    let field =
        |vm: &mut Vm, n: &str| -> crate::vm::PyResult<Value> { Ok(vm.get_attr_str(args, n)?.unwrap_or(Value::None)) };
    let (value, msg, obj) = (field(vm, "exc_value")?, field(vm, "err_msg")?, field(vm, "object")?);
    let msg = if msg.is_none() { None } else { Some(vm.str_of(&msg)?) };
    let mut text = String::new();
    if !obj.is_none() {
        let r = vm.repr_of(&obj).unwrap_or_else(|_| "<object repr() failed>".to_string());
        text.push_str(&format!("{}: {r}\n", msg.as_deref().unwrap_or("Exception ignored in")));
    } else if let Some(m) = msg {
        text.push_str(&format!("{m}:\n"));
    }
    if !value.is_none() {
        vm.format_one(&value, &mut text);
    }
    Ok(text)
}

/// `sys.unraisablehook` when a script replaced it (not `sys.__unraisablehook__`).
pub fn replaced_unraisablehook(vm: &Vm) -> Option<Value> {
    let Some(Value::Module(m)) = vm.rt.modules.get_item_str("sys") else { return None };
    let hook = m.dict.get_item_str("unraisablehook")?;
    let original = m.dict.get_item_str("__unraisablehook__");
    if original.is_some_and(|o| o.id() == hook.id()) { None } else { Some(hook) }
}

/// `sys.excepthook` when a script replaced it (not `sys.__excepthook__`).
pub fn replaced_excepthook(vm: &Vm) -> Option<Value> {
    let Some(Value::Module(m)) = vm.rt.modules.get_item_str("sys") else { return None };
    let hook = m.dict.get_item_str("excepthook")?;
    let original = m.dict.get_item_str("__excepthook__");
    if original.is_some_and(|o| o.id() == hook.id()) { None } else { Some(hook) }
}
