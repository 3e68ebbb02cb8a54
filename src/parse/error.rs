//! Turning lalrpop's errors into CPython-shaped [`SyntaxErrorInfo`]s.
//!
//! lalrpop reports the token it could not shift and the terminals it would
//! have accepted; CPython's friendlier messages are recovered from those plus
//! a look at the surrounding tokens.

use lalrpop_util::ParseError;

use super::ast::Loc;
use super::{SyntaxErrorInfo, SyntaxErrorKind};
use crate::lex::{Spanned, Tok};

fn info(
    kind: SyntaxErrorKind,
    msg: impl Into<String>,
    loc: Loc,
    incomplete: bool,
) -> SyntaxErrorInfo {
    SyntaxErrorInfo {
        kind,
        msg: msg.into(),
        line: loc.line,
        col: loc.col + 1,
        incomplete,
    }
}

fn syntax(msg: impl Into<String>, loc: Loc) -> SyntaxErrorInfo {
    info(SyntaxErrorKind::SyntaxError, msg, loc, false)
}

/// Maps a parse failure. `toks` is the token list fed to the parser and
/// `index` the position of the offending token in it (`toks.len()` at EOF).
pub fn convert(
    e: ParseError<Loc, Tok, SyntaxErrorInfo>,
    toks: &[Spanned],
    index: usize,
) -> SyntaxErrorInfo {
    match e {
        ParseError::User { error } => error,
        ParseError::InvalidToken { location } => syntax("invalid syntax", location),
        ParseError::ExtraToken { token } => syntax("invalid syntax", token.0),
        ParseError::UnrecognizedEof { location, expected } => {
            // The token list ends with NEWLINE/DEDENTs, so running out means
            // a block header or decorator still wants its body: more input
            // would help, which is what the REPL needs to know.
            let at = toks
                .iter()
                .rev()
                .find(|t| t.1 != Tok::Dedent)
                .map_or(location, |t| t.0);
            let mut err = unexpected(toks, toks.len(), at, &expected);
            err.incomplete = true;
            err
        }
        ParseError::UnrecognizedToken { token, expected } => {
            let (l, tok, r) = token;
            if tok == Tok::Indent {
                let at = Loc {
                    line: r.line,
                    col: r.col.max(1) - 1,
                };
                return info(
                    SyntaxErrorKind::IndentationError,
                    "unexpected indent",
                    at,
                    false,
                );
            }
            unexpected(toks, index, l, &expected)
        }
    }
}

fn expects(expected: &[String], terminal: &str) -> bool {
    expected.iter().any(|e| e == terminal)
}

/// The message for an unexpected token (or EOF) at `index`, positioned at `at`.
fn unexpected(toks: &[Spanned], index: usize, at: Loc, expected: &[String]) -> SyntaxErrorInfo {
    let tok = toks.get(index).map(|t| &t.1);
    if expects(expected, "INDENT") {
        let msg = match block_header(toks, index) {
            Some((what, line)) => format!("expected an indented block after {what} on line {line}"),
            None => "expected an indented block".to_string(),
        };
        return info(SyntaxErrorKind::IndentationError, msg, at, false);
    }
    if expects(expected, "\"except\"") && expects(expected, "\"finally\"") {
        return syntax("expected 'except' or 'finally' block", at);
    }
    if tok == Some(&Tok::Newline) && expects(expected, "\":\"") {
        return syntax("expected ':'", at);
    }
    if tok == Some(&Tok::Newline)
        && expects(expected, "\"else\"")
        && line_has(toks, index, &Tok::If)
    {
        return syntax("expected 'else' after 'if' expression", at);
    }
    if index >= 2 && index < toks.len() {
        let prev = &toks[index - 1];
        if let Tok::Name(n) = &prev.1
            && (n == "print" || n == "exec")
            && starts_line(&toks[index - 2].1)
            && starts_operand(&toks[index].1)
        {
            let msg = format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?");
            return syntax(msg, prev.0);
        }
        let name_then_string =
            matches!(prev.1, Tok::Name(_)) && matches!(toks[index].1, Tok::Str(_));
        if ends_operand(&prev.1)
            && starts_operand(&toks[index].1)
            && !name_then_string
            && in_brackets(toks, index)
        {
            return syntax("invalid syntax. Perhaps you forgot a comma?", prev.0);
        }
    }
    syntax("invalid syntax", at)
}

fn starts_line(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Newline | Tok::Indent | Tok::Dedent | Tok::StartModule | Tok::Semi
    )
}

fn ends_operand(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::RPar
            | Tok::RSqb
            | Tok::RBrace
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
    )
}

fn starts_operand(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::LPar
            | Tok::LSqb
            | Tok::LBrace
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
    )
}

/// Whether the token at `index` sits inside brackets of its logical line.
fn in_brackets(toks: &[Spanned], index: usize) -> bool {
    let start = line_start(toks, index);
    let mut depth: i64 = 0;
    for t in &toks[start..index] {
        match t.1.bracket() {
            Some('(' | '[' | '{') => depth += 1,
            Some(_) => depth -= 1,
            None => {}
        }
    }
    depth > 0
}

/// Index of the first token of the logical line containing `index`.
fn line_start(toks: &[Spanned], index: usize) -> usize {
    let mut i = index.min(toks.len());
    while i > 0
        && !matches!(
            toks[i - 1].1,
            Tok::Newline | Tok::Indent | Tok::Dedent | Tok::StartModule
        )
    {
        i -= 1;
    }
    i
}

fn line_has(toks: &[Spanned], index: usize, what: &Tok) -> bool {
    toks[line_start(toks, index)..index.min(toks.len())]
        .iter()
        .any(|t| &t.1 == what)
}

/// For "expected an indented block after X on line N": the statement whose
/// `:` NEWLINE precedes `index`.
fn block_header(toks: &[Spanned], index: usize) -> Option<(&'static str, u32)> {
    let mut nl = index.checked_sub(1)?;
    while toks[nl].1 != Tok::Newline {
        nl = nl.checked_sub(1)?;
    }
    let start = line_start(toks, nl);
    let first = toks.get(start)?;
    let what = match &first.1 {
        Tok::Async => match toks.get(start + 1).map(|t| &t.1) {
            Some(Tok::Def) => "function definition",
            Some(Tok::For) => "'for' statement",
            Some(Tok::With) => "'with' statement",
            _ => return None,
        },
        Tok::If => "'if' statement",
        Tok::Elif => "'elif' statement",
        Tok::Else => "'else' statement",
        Tok::While => "'while' statement",
        Tok::For => "'for' statement",
        Tok::Try => "'try' statement",
        Tok::Except => "'except' statement",
        Tok::Finally => "'finally' statement",
        Tok::With => "'with' statement",
        Tok::Def => "function definition",
        Tok::Class => "class definition",
        _ => return None,
    };
    Some((what, first.0.line))
}
