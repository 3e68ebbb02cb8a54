//! Small native modules: `traceback`.

use std::sync::Arc;

use super::def;
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

fn module(name: &str, d: Arc<Dict>) -> Value {
    d.set_item_str("__name__", Value::str(name));
    Value::Module(Arc::new(Module { name: Arc::from(name), dict: d }))
}

/// The text of an exception value (None → "NoneType: None\n").
fn format_value(vm: &mut Vm, exc: Option<Value>) -> String {
    match exc {
        Some(Value::Instance(i)) if i.exc().is_some() => {
            vm.format_exception_as(&PyErr { exc: i }, crate::vm::traceback::TbStyle::Py)
        }
        Some(Value::Class(c)) => format!("{}\n", c.name().as_str()),
        _ => "NoneType: None\n".to_string(),
    }
}

/// Writes `s` to `file`, or to sys.stderr when None.
fn write_to(vm: &mut Vm, file: Option<Value>, s: String) -> PyResult<()> {
    let target = match file.filter(|f| !f.is_none()) {
        Some(f) => Some(f),
        None => vm.sys_attr("stderr"),
    };
    match target {
        Some(f) => {
            vm.call_method(&f, "write", vec![Value::string(s)])?;
        }
        None => eprint!("{s}"),
    }
    Ok(())
}

/// The exception argument of format_exception/print_exception: the
/// 3.10+ single-argument form or the old (type, value, tb) form.
fn exc_arg(a: &crate::vm::Args) -> Option<Value> {
    match a.pos.len() {
        0 => None,
        1 => a.pos.first().cloned(),
        _ => a.pos.get(1).cloned().filter(|v| !v.is_none()).or_else(|| a.pos.first().cloned()),
    }
}

/// The entries of `traceback.format_stack(f, limit)`, oldest first: `f`
/// (the caller's frame when None) and the frames behind it, each as
/// `  File "…", line N, in name` and its stripped source line. A limit
/// keeps the `limit` most recent entries (the oldest `-limit` if negative).
fn format_stack(vm: &mut Vm, f: Option<Value>, limit: Option<Value>) -> PyResult<Vec<String>> {
    let mut out = Vec::new();
    for (filename, lineno, name, line) in walk_stack(vm, f, limit)? {
        let (filename, name, lineno, line) =
            (vm.str_of(&filename)?, vm.str_of(&name)?, vm.str_of(&lineno)?, vm.str_of(&line)?);
        let mut e = format!("  File \"{filename}\", line {lineno}, in {name}\n");
        if !line.is_empty() {
            e.push_str(&format!("    {line}\n"));
        }
        out.push(e);
    }
    Ok(out)
}

/// The entries of a frame's stack, oldest first: (filename, line number,
/// function name, stripped source line); `limit` as in `format_stack`.
fn walk_stack(vm: &mut Vm, f: Option<Value>, limit: Option<Value>) -> PyResult<Vec<(Value, Value, Value, Value)>> {
    let sys = vm.import_name("sys", 0, true)?;
    let mut frame = match f.filter(|v| !v.is_none()) {
        Some(f) => f,
        None => vm.call_method(&sys, "_getframe", vec![])?,
    };
    let linecache = vm.import_name("linecache", 0, true)?;
    let attr =
        |vm: &mut Vm, o: &Value, n: &str| -> PyResult<Value> { Ok(vm.get_attr_str(o, n)?.unwrap_or(Value::None)) };
    let mut entries = Vec::new();
    while !frame.is_none() {
        let code = attr(vm, &frame, "f_code")?;
        let filename = attr(vm, &code, "co_filename")?;
        let name = attr(vm, &code, "co_name")?;
        let lineno = attr(vm, &frame, "f_lineno")?;
        let line = vm.call_method(&linecache, "getline", vec![filename.clone(), lineno.clone()])?;
        let line = Value::string(vm.str_of(&line)?.trim().to_string());
        entries.push((filename, lineno, name, line));
        frame = attr(vm, &frame, "f_back")?;
    }
    if let Some(l) = limit.filter(|v| !v.is_none()) {
        let l = vm.index_of(&l)?;
        if l >= 0 {
            entries.truncate(l as usize);
        } else {
            let keep = (-l) as usize;
            let skip = entries.len().saturating_sub(keep);
            entries.drain(..skip);
        }
    }
    entries.reverse();
    Ok(entries)
}

/// `traceback.extract_stack`'s entries.
const FRAME_SUMMARY: crate::stdlib::structseq::Spec = crate::stdlib::structseq::Spec {
    module: "traceback",
    name: "FrameSummary",
    fields: &["filename", "lineno", "name", "line"],
    n_seq: 4,
};

/// Creates the `traceback` module.
pub fn create_traceback(_vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    def(&d, "format_exc", |vm, _a| {
        let e = vm.current_handled();
        Ok(Value::string(format_value(vm, e)))
    });
    def(&d, "print_exc", |vm, mut a| {
        let file = a.take_kw("file").or_else(|| a.pos.get(1).cloned());
        let e = vm.current_handled();
        let s = format_value(vm, e);
        write_to(vm, file, s)?;
        Ok(Value::None)
    });
    def(&d, "format_exception", |vm, a| {
        let e = exc_arg(&a);
        Ok(Value::list(vec![Value::string(format_value(vm, e))]))
    });
    def(&d, "format_exception_only", |vm, a| {
        let s = match exc_arg(&a) {
            Some(e) => vm.exception_only(&e),
            None => "NoneType: None".to_string(),
        };
        Ok(Value::list(vec![Value::string(format!("{s}\n"))]))
    });
    def(&d, "print_exception", |vm, mut a| {
        // print_exception(exc, value, tb, limit, file): logging's
        // formatException passes the file positionally.
        let file = a.take_kw("file").or_else(|| a.pos.get(4).cloned());
        let e = exc_arg(&a);
        let s = format_value(vm, e);
        write_to(vm, file, s)?;
        Ok(Value::None)
    });
    // What CPython's C printer (`PyErr_Display`) writes, for threading's
    // excepthook: it differs from print_exception (markers, "Did you mean").
    def(&d, "_print_exception_c", |vm, a| {
        let text = match a.pos.first() {
            Some(Value::Instance(i)) if i.exc().is_some() => {
                vm.format_exception_as(&PyErr { exc: i.clone() }, crate::vm::traceback::TbStyle::C)
            }
            other => format_value(vm, other.cloned()),
        };
        write_to(vm, a.pos.get(1).cloned(), text)?;
        Ok(Value::None)
    });
    def(&d, "format_stack", |vm, mut a| {
        let (f, limit) = (a.arg(0, "f"), a.arg(1, "limit"));
        Ok(Value::list(format_stack(vm, f, limit)?.into_iter().map(Value::string).collect()))
    });
    // extract_stack: CPython's FrameSummary items as a struct sequence
    // (unpacks to filename, lineno, name, line; the same attributes).
    let summary = crate::stdlib::structseq::make_class(_vm, FRAME_SUMMARY);
    def(&d, "extract_stack", move |vm, mut a| {
        let (f, limit) = (a.arg(0, "f"), a.arg(1, "limit"));
        let items = walk_stack(vm, f, limit)?
            .into_iter()
            .map(|(f, n, name, line)| {
                crate::stdlib::structseq::new_value(&summary, FRAME_SUMMARY, vec![f, n, name, line])
            })
            .collect();
        Ok(Value::list(items))
    });
    def(&d, "print_stack", |vm, mut a| {
        let (f, limit, file) = (a.arg(0, "f"), a.arg(1, "limit"), a.arg(2, "file"));
        let text = format_stack(vm, f, limit)?.concat();
        write_to(vm, file, text)?;
        Ok(Value::None)
    });
    // Tracebacks hold no frames here, so there are no locals to clear
    // (unittest's assertRaises calls it on every exception it catches).
    def(&d, "clear_frames", |_vm, _a| Ok(Value::None));
    Ok(module("traceback", d))
}
