//! gilt: a bytecode interpreter for a Python-like language with a real,
//! switchable global interpreter lock.
//!
//! The pipeline: source → [`lex`] → [`parse`] → [`compile`] → [`bytecode`]
//! → [`vm`], over the [`object`] model, with the GIL and friends in
//! [`runtime`] and the library in [`stdlib`].

pub mod bytecode;
pub mod cli;
pub mod cli_args;
pub mod cli_main;
pub mod cli_site;
pub mod compile;
pub mod lex;
pub mod object;
pub mod parse;
pub mod runtime;
pub mod stdlib;
pub mod tools;
pub mod ucd;
pub mod vm;

use std::sync::Arc;

use bytecode::CodeObject;
use object::value::Value;
use vm::{PyErr, PyResult, Vm};

/// Parses and compiles source text, turning syntax errors into Python SyntaxError exceptions.
pub fn compile_source(vm: &mut Vm, src: &str, filename: &str) -> PyResult<Arc<CodeObject>> {
    compile_source_mode(vm, src, filename, false)
}

/// Like [`compile_source`]; `interactive` makes expression statements echo (REPL).
pub fn compile_source_mode(vm: &mut Vm, src: &str, filename: &str, interactive: bool) -> PyResult<Arc<CodeObject>> {
    vm.rt.add_source(filename, src);
    let program = match parse::parse_program(src) {
        Ok(p) => p,
        Err(e) => {
            let kind = e.kind.class_name();
            let err = syntax_error(vm, kind, &e.msg, filename, e.line, e.col, src);
            set_error_end(&err, e.end);
            return Err(err);
        }
    };
    // The embedded library is compiled as CPython loads its bytecode cache:
    // without warnings.
    let warn = !vm::import::is_embedded(filename);
    if warn {
        issue_compile_warnings(vm, &compile::warnings::escape_warnings(src), filename, src)?;
    }
    let rt = vm.rt.clone();
    let intern: compile::unit::Interner = Arc::new(move |s: &str| rt.intern(s));
    let optimize = vm.rt.config.optimize;
    let mode = if interactive { compile::ExecMode::Single } else { compile::ExecMode::Module };
    let mut found = Vec::new();
    let result = compile::compile_module_warn(&program, filename, mode, optimize, intern, &mut found);
    if warn {
        issue_compile_warnings(vm, &found, filename, src)?;
    }
    result.map_err(|e| {
        let err = syntax_error(vm, "SyntaxError", &e.msg, filename, e.loc.line, e.loc.col + 1, src);
        set_error_end(&err, e.end);
        err
    })
}

/// Records where a SyntaxError's construct ends (`end_lineno`, 1-based
/// `end_offset`), so its report underlines the whole of it.
pub(crate) fn set_error_end(err: &PyErr, end: Option<parse::ast::Loc>) {
    if let Some(end) = end {
        err.exc.dict.set_item_str("end_lineno", Value::Int(i64::from(end.line)));
        err.exc.dict.set_item_str("end_offset", Value::Int(i64::from(end.col) + 1));
    }
}

/// Issues the warnings a parse or compile found, in order, through
/// `warnings.warn_explicit` (so filters apply and the source line is shown),
/// as CPython's `compiler_warn` does: one that a filter turns into an error
/// becomes a SyntaxError over the construct it is about.
pub(crate) fn issue_compile_warnings(
    vm: &mut Vm,
    found: &[compile::warnings::CompileWarning],
    filename: &str,
    src: &str,
) -> PyResult<()> {
    if found.is_empty() {
        return Ok(());
    }
    let warnings = vm.import_name("warnings", 0, true)?;
    let Some(warn_explicit) = vm.get_attr_str(&warnings, "warn_explicit")? else { return Ok(()) };
    for w in found {
        let category = Value::Class(vm.rt.types.exc(w.category));
        let args = vec![Value::str(&w.msg), category.clone(), Value::str(filename), Value::Int(i64::from(w.loc.line))];
        let Err(e) = vm.call_value(&warn_explicit, vm::Args::new(args)) else { continue };
        if !vm.isinstance(&e.value(), &category)? {
            return Err(e);
        }
        let err = syntax_error(vm, "SyntaxError", &w.msg, filename, w.loc.line, w.loc.col + 1, src);
        // The parser quotes its own line; the compiler reads the line from
        // the file, if there is one (CPython's `PyErr_ProgramTextObject`).
        let line_of = |text: &str| {
            (w.loc.line as usize)
                .checked_sub(1)
                .and_then(|i| text.lines().nth(i))
                .map(|l| Value::string(format!("{l}\n")))
        };
        let text = if w.category == "SyntaxWarning" {
            std::fs::read_to_string(filename).ok().and_then(|t| line_of(&t))
        } else {
            line_of(src)
        };
        err.exc.dict.set_item_str("text", text.unwrap_or(Value::None));
        set_error_end(&err, Some(w.end));
        return Err(err);
    }
    Ok(())
}

/// A SyntaxError (or `kind`) with CPython's `msg`, `filename`, `lineno`, `offset` and `text`.
pub(crate) fn syntax_error(
    vm: &mut Vm,
    kind: &str,
    msg: &str,
    filename: &str,
    line: u32,
    col: u32,
    src: &str,
) -> PyErr {
    let err = vm.err(kind, msg);
    let d = &err.exc.dict;
    d.set_item_str("msg", Value::str(msg));
    d.set_item_str("filename", Value::str(filename));
    d.set_item_str("lineno", Value::Int(line as i64));
    d.set_item_str("offset", Value::Int(col as i64));
    let text = src.lines().nth((line as usize).saturating_sub(1)).unwrap_or("").to_string();
    d.set_item_str("text", Value::string(text));
    err
}
