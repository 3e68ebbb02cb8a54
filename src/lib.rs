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
            return Err(syntax_error(vm, kind, &e.msg, filename, e.line, e.col, src));
        }
    };
    let rt = vm.rt.clone();
    let intern: compile::unit::Interner = Arc::new(move |s: &str| rt.intern(s));
    let optimize = vm.rt.config.optimize;
    compile::compile_module_optimized(&program, filename, interactive, optimize, intern)
        .map_err(|e| syntax_error(vm, "SyntaxError", &e.msg, filename, e.loc.line, e.loc.col + 1, src))
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
