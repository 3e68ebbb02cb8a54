//! `sys.excepthook` / `sys.__excepthook__` and `sys.displayhook` /
//! `sys.__displayhook__`: what prints an uncaught exception and what prints
//! a value at the interactive prompt. A script may replace either; the
//! command line calls a replaced `sys.excepthook` for an uncaught exception
//! (cli.rs), as CPython does. `sys.unraisablehook` / `sys.__unraisablehook__`
//! receive the errors nobody can catch (a failing `__del__`, atexit
//! callback or weakref callback) as a `UnraisableHookArgs` struct sequence.

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
        write_stderr(vm, text)?;
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

/// The fields of `sys.UnraisableHookArgs`.
const UNRAISABLE: super::structseq::Spec = super::structseq::Spec {
    module: "sys",
    name: "UnraisableHookArgs",
    fields: &["exc_type", "exc_value", "exc_traceback", "err_msg", "object"],
    n_seq: 5,
};

/// `sys.unraisablehook` and `sys.__unraisablehook__`, in `sys`'s dict `d`.
pub fn install_unraisable(d: &Dict) {
    def(d, "unraisablehook", |vm, a| {
        a.check(vm, "unraisablehook", 1, 1)?;
        let args = &a.pos[0];
        let get = |vm: &mut Vm, n: &str| -> crate::vm::PyResult<Value> {
            Ok(vm.get_attr_str(args, n)?.unwrap_or(Value::None))
        };
        let (value, msg, obj) = (get(vm, "exc_value")?, get(vm, "err_msg")?, get(vm, "object")?);
        let msg = if msg.is_none() { None } else { Some(vm.str_of(&msg)?) };
        let mut text = match (&msg, obj.is_none()) {
            (Some(m), false) => format!("{m}: "),
            (None, false) => "Exception ignored in: ".to_string(),
            (Some(m), true) => format!("{m}:\n"),
            (None, true) => String::new(),
        };
        if !obj.is_none() {
            let r = vm.repr_of(&obj).unwrap_or_else(|_| "<object repr() failed>".into());
            text.push_str(&r);
            text.push('\n');
        }
        if matches!(value, Value::Instance(_)) {
            vm.format_one(&value, &mut text);
        }
        write_stderr(vm, text)?;
        Ok(Value::None)
    });
    if let Some(f) = d.get_item_str("unraisablehook") {
        d.set_item_str("__unraisablehook__", f);
    }
}

/// Reports an exception nobody can catch through `sys.unraisablehook`
/// (`err_msg` None means CPython's "Exception ignored in"). False when
/// `sys` has no hook, so the caller prints the report itself.
pub fn call_unraisablehook(vm: &mut Vm, err_msg: Option<&str>, obj: Option<Value>, e: &PyErr) -> bool {
    let Some(Value::Module(m)) = vm.rt.modules.get_item_str("sys") else { return false };
    let Some(hook) = m.dict.get_item_str("unraisablehook").filter(|h| !h.is_none()) else { return false };
    // CPython's sys module does not name the type; it is made per report
    // (they are rare) rather than kept anywhere.
    let cls = super::structseq::make_class(vm, UNRAISABLE);
    let value = e.value();
    let tb = vm.get_attr_str(&value, "__traceback__").ok().flatten().unwrap_or(Value::None);
    let args = super::structseq::new_value(
        &cls,
        UNRAISABLE,
        vec![
            Value::Class(e.exc.class.clone()),
            value,
            tb,
            err_msg.map(Value::str).unwrap_or(Value::None),
            obj.unwrap_or(Value::None),
        ],
    );
    if let Err(e2) = vm.call(&hook, vec![args]) {
        // A failing hook: its own error is reported the default way.
        let mut text = String::new();
        vm.format_one(&e2.value(), &mut text);
        eprint!("Exception ignored in sys.unraisablehook: {}\n{text}", vm.repr_of(&hook).unwrap_or_default());
    }
    true
}

/// `sys.excepthook` when a script replaced it (not `sys.__excepthook__`).
pub fn replaced_excepthook(vm: &Vm) -> Option<Value> {
    let Some(Value::Module(m)) = vm.rt.modules.get_item_str("sys") else { return None };
    let hook = m.dict.get_item_str("excepthook")?;
    let original = m.dict.get_item_str("__excepthook__");
    if original.is_some_and(|o| o.id() == hook.id()) { None } else { Some(hook) }
}

/// Writes a hook's report on `sys.stderr` (a script or a test may have
/// replaced it), after flushing stdout so the two keep their order; the
/// process's stderr when `sys.stderr` is gone.
fn write_stderr(vm: &mut Vm, text: String) -> crate::vm::PyResult<()> {
    use std::io::Write;
    let _ = std::io::stdout().flush();
    match vm.sys_attr("stderr") {
        Some(err) if !err.is_none() => {
            vm.call_method(&err, "write", vec![Value::string(text)])?;
            let _ = vm.call_method(&err, "flush", vec![]);
        }
        _ => eprint!("{text}"),
    }
    Ok(())
}
