//! Parsing: lalrpop grammar (grammar/python.lalrpop) fed by the logos lexer.
//!
//! One public entry point, [`parse_program`]; errors come back as
//! [`SyntaxErrorInfo`], already shaped like CPython's SyntaxError.

pub mod ast;

/// Which of CPython's syntax-error classes a parse failure belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

/// A syntax error with everything a CPython-style report needs.
#[derive(Clone, Debug)]
pub struct SyntaxErrorInfo {
    pub kind: SyntaxErrorKind,
    /// The message after `SyntaxError: `, e.g. `invalid syntax`.
    pub msg: String,
    /// 1-based line of the offending token.
    pub line: u32,
    /// 1-based column for the caret (CPython's `offset`).
    pub col: u32,
    /// True when the input simply ended too early (an unclosed bracket or
    /// block): the REPL then asks for a continuation line instead of failing.
    pub incomplete: bool,
}

/// Parses a whole module.
pub fn parse_program(source: &str) -> Result<ast::Program, SyntaxErrorInfo> {
    let _ = source;
    todo!("parser")
}
