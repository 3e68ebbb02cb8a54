//! Parsing: lalrpop grammar (grammar/python.lalrpop) fed by the logos lexer.
//!
//! One public entry point, [`parse_program`]; errors come back as
//! [`SyntaxErrorInfo`], already shaped like CPython's SyntaxError.
//!
//! Depth is bounded three ways, because a deep tree overflows the stack when
//! anything recursive (including `Drop`) walks it: the lexer refuses more
//! than 200 nested brackets and 100 indentation levels; grammar actions
//! refuse operator chains (`a+a+…`, `---x`, `a.b.c…`) and `elif` ladders
//! longer than [`limits::MAX_DEPTH`] as they are built; and the finished tree
//! is checked against that same limit, so the compiler may recurse freely.
//! Mixed nestings can still get deeper than the limit mid-parse, so the
//! parse also runs on a helper thread with a large stack.

mod actions;
pub mod ast;
mod error;
mod fstring;
pub mod limits;

use std::cell::Cell;
use std::sync::Mutex;

use crate::lex::{self, Mode};
use actions::Top;
use ast::Loc;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused)]
    python,
    "/python.rs"
);

/// Which of CPython's syntax-error classes a parse failure belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    /// The name of the Python exception class for this kind.
    pub fn class_name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
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
    /// Where the offending construct ends (0-based column just past it), when
    /// known: CPython underlines `offset..end_offset` with carets.
    pub end: Option<Loc>,
}

impl SyntaxErrorInfo {
    /// The error with the end of its range.
    pub fn ending_at(mut self, end: Loc) -> SyntaxErrorInfo {
        self.end = Some(end);
        self
    }
}

/// Stack for the parsing thread. Only touched pages are committed, so the
/// size costs address space, not memory.
const PARSE_STACK: usize = 512 << 20;

/// Parses a whole module.
pub fn parse_program(source: &str) -> Result<ast::Program, SyntaxErrorInfo> {
    if let Some(pos) = source.find('\0') {
        let at = lex::lines::LineIndex::new(source, Loc { line: 1, col: 0 }).loc(pos);
        return Err(actions::error_at(at, "source code cannot contain null bytes"));
    }
    // A UTF-8 byte order mark is not part of the program (CPython skips it
    // when reading a file); columns on line 1 then count from after it.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    on_big_stack(|| parse_module(source))
}

fn parse_module(source: &str) -> Result<ast::Program, SyntaxErrorInfo> {
    let tokens = lex::tokenize(source, Mode::Module, Loc { line: 1, col: 0 });
    let prog = match run_parser(tokens)? {
        Top::Module(p) => p,
        Top::Expr(_) => return Err(actions::error_at(Loc::default(), "invalid syntax")),
    };
    if let Err(at) = limits::check(&prog) {
        limits::dismantle(prog);
        return Err(actions::error_at(at, actions::TOO_DEEP));
    }
    Ok(prog)
}

/// Parses the expression of an f-string field, `text` starting at `base`.
/// Like CPython, the text is parsed as if parenthesised.
pub(crate) fn parse_field_expr(text: &str, base: Loc) -> Result<ast::Expr, SyntaxErrorInfo> {
    match run_parser(lex::tokenize(text, Mode::FieldExpr, base))? {
        Top::Expr(e) => Ok(e),
        Top::Module(_) => Err(actions::error_at(base, "invalid syntax")),
    }
}

fn run_parser(tokens: lex::Tokens) -> Result<Top, SyntaxErrorInfo> {
    let lex::Tokens { toks, error: lex_error } = tokens;
    // How many tokens the parser has pulled: on failure the last one pulled
    // is the offending one, which the error mapper wants to look around.
    let pulled = Cell::new(0usize);
    let stream = toks
        .iter()
        .map(|t| {
            pulled.set(pulled.get() + 1);
            Ok(t.clone())
        })
        .chain(lex_error.clone().map(Err));
    python::TopParser::new().parse(stream).map_err(|e| {
        let err = error::convert(e, &toks, pulled.get().saturating_sub(1));
        let last_line = toks.last().map_or(0, |t| t.0.line);
        // Where the parser stopped (not where the message points).
        let stopped = toks.get(pulled.get().saturating_sub(1)).map_or((u32::MAX, 0), |t| (t.0.line, t.0.col + 1));
        match lex_error {
            Some(lexed) if overrides(&lexed, &err, stopped, last_line) => lexed,
            _ => err,
        }
    })
}

/// Whether a lexing error later in the file replaces a parser error, as in
/// CPython, which re-tokenizes the rest of the file after a parser error:
/// errors the tokenizer raises itself win; indentation and line-continuation
/// errors do not (the tokenizer only flags them); a bracket left open at EOF
/// wins if the parser stopped inside it (it probably caused the error); an
/// unexpected indent is always reported as is. `stopped` is the (line,
/// 1-based column) of the token the parser stopped at.
fn overrides(lexed: &SyntaxErrorInfo, parsed: &SyntaxErrorInfo, stopped: (u32, u32), last_line: u32) -> bool {
    if parsed.msg == "unexpected indent" || lexed.kind != SyntaxErrorKind::SyntaxError {
        return false;
    }
    if lexed.msg.starts_with("unexpected character after line continuation")
        || lexed.msg == "unexpected EOF while parsing"
    {
        return false;
    }
    if lexed.msg.ends_with("was never closed") {
        // CPython also reports it when its parser had looked ahead to EOF,
        // which is roughly "stopped on the last line".
        return stopped.0 > lexed.line || (stopped >= (lexed.line, lexed.col) && stopped.0 >= last_line);
    }
    true
}

/// Runs `f` on a thread with a [`PARSE_STACK`]-sized stack, or inline if no
/// thread can be started.
fn on_big_stack<T: Send>(f: impl FnOnce() -> Result<T, SyntaxErrorInfo> + Send) -> Result<T, SyntaxErrorInfo> {
    // The main interpreter thread already runs on a 512 MB stack (cli.rs);
    // spawning a parser thread per import there only costs page faults.
    if std::thread::current().name() == Some(crate::cli::MAIN_THREAD_NAME) {
        return f();
    }
    let job = Mutex::new(Some(f));
    let run = || job.lock().ok().and_then(|mut j| j.take()).map(|f| f());
    let result = std::thread::scope(|s| {
        let spawned =
            std::thread::Builder::new().name("gilt-parse".into()).stack_size(PARSE_STACK).spawn_scoped(s, run);
        match spawned {
            Ok(handle) => handle.join().ok().flatten(),
            Err(_) => run(),
        }
    });
    result.unwrap_or_else(|| Err(actions::error_at(Loc { line: 1, col: 0 }, "invalid syntax (internal parser error)")))
}

#[cfg(test)]
mod tests;
