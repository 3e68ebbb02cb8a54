//! `help(obj)`: a small stand-in for CPython's pydoc-based help — the
//! object's kind, name and module, then its docstring (when gilt has one).
//! Like CPython's, it is added to the built-ins at startup unless `-S`.

use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// Adds `help` to the built-ins.
pub fn install(builtins: &Dict) {
    super::def(builtins, "help", |vm, a| {
        let Some(obj) = a.pos.first().cloned() else {
            vm.write_stdout("Type help(object) for help about object (help() has no interactive mode in gilt).\n")?;
            return Ok(Value::None);
        };
        let obj = match &obj {
            // help('len') / help('json'): a built-in's or a module's name.
            Value::Str(s) => match vm.rt.builtins.get_item_str(s.as_str()) {
                Some(v) => v,
                None => match vm.import_name(s.as_str(), 0, true) {
                    Ok(m) => m,
                    Err(_) => {
                        let msg = format!("No Python documentation found for '{}'.\n", s.as_str());
                        vm.write_stdout(&msg)?;
                        return Ok(Value::None);
                    }
                },
            },
            _ => obj,
        };
        let text = describe(vm, &obj)?;
        vm.write_stdout(&text)?;
        Ok(Value::None)
    });
}

fn str_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<String>> {
    Ok(match vm.get_attr_str(obj, name)? {
        Some(Value::Str(s)) => Some(s.as_str().to_string()),
        _ => None,
    })
}

/// `Help on <kind> <name> in module <m>:`, a blank line, the name, the docstring indented.
fn describe(vm: &mut Vm, obj: &Value) -> PyResult<String> {
    let kind = match obj {
        Value::Native(_) => "built-in function".to_string(),
        Value::Function(_) => "function".to_string(),
        Value::Class(_) => "class".to_string(),
        Value::Module(_) => "module".to_string(),
        other => format!("{} object", vm.type_name(other)),
    };
    let name = str_attr(vm, obj, "__name__")?.unwrap_or_default();
    let module = match obj {
        Value::Module(_) => None,
        Value::Native(_) => Some("builtins".to_string()),
        _ => str_attr(vm, obj, "__module__")?,
    };
    let doc = str_attr(vm, obj, "__doc__")?;
    let mut out = format!("Help on {kind}");
    if !name.is_empty() && !kind.ends_with(" object") {
        out.push(' ');
        out.push_str(&name);
    }
    if let Some(m) = module {
        out.push_str(&format!(" in module {m}"));
    }
    out.push_str(":\n\n");
    out.push_str(if name.is_empty() { "(unnamed)" } else { &name });
    out.push('\n');
    match doc {
        Some(d) if !d.trim().is_empty() => {
            for line in clean_doc(&d) {
                if line.is_empty() {
                    out.push('\n');
                } else {
                    out.push_str(&format!("    {line}\n"));
                }
            }
        }
        _ => out.push_str("    (gilt has no documentation for it)\n"),
    }
    out.push('\n');
    Ok(out)
}

/// A docstring's lines without the indentation its source gave them
/// (the first line stripped, the others by their common indent), and
/// without leading or trailing blank lines.
fn clean_doc(doc: &str) -> Vec<String> {
    let lines: Vec<&str> = doc.lines().collect();
    let indent = lines
        .iter()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| if i == 0 { l.trim().to_string() } else { l.get(indent..).unwrap_or("").trim_end().to_string() })
        .collect();
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    while out.first().is_some_and(|l| l.is_empty()) {
        out.remove(0);
    }
    out
}
