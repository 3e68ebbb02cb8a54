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
    for name in ["excepthook", "displayhook"] {
        if let Some(f) = d.get_item_str(name) {
            d.set_item_str(&format!("__{name}__"), f);
        }
    }
}

/// `sys.excepthook` when a script replaced it (not `sys.__excepthook__`).
pub fn replaced_excepthook(vm: &Vm) -> Option<Value> {
    let Some(Value::Module(m)) = vm.rt.modules.get_item_str("sys") else { return None };
    let hook = m.dict.get_item_str("excepthook")?;
    let original = m.dict.get_item_str("__excepthook__");
    if original.is_some_and(|o| o.id() == hook.id()) { None } else { Some(hook) }
}
