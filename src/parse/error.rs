//! Turning lalrpop's errors into CPython-shaped [`SyntaxErrorInfo`]s.
//!
//! lalrpop reports the token it could not shift and the terminals it would
//! have accepted; CPython's friendlier messages are recovered from those plus
//! a look at the surrounding tokens.

use lalrpop_util::ParseError;

use super::ast::Loc;
use super::{SyntaxErrorInfo, SyntaxErrorKind};
use crate::lex::{Spanned, Tok};

fn info(kind: SyntaxErrorKind, msg: impl Into<String>, loc: Loc) -> SyntaxErrorInfo {
    SyntaxErrorInfo { kind, msg: msg.into(), line: loc.line, col: loc.col + 1, incomplete: false, end: None }
}

fn syntax(msg: impl Into<String>, loc: Loc) -> SyntaxErrorInfo {
    info(SyntaxErrorKind::SyntaxError, msg, loc)
}

/// Maps a parse failure. `toks` is the token list fed to the parser and
/// `index` the position of the offending token in it.
pub fn convert(e: ParseError<Loc, Tok, SyntaxErrorInfo>, toks: &[Spanned], index: usize) -> SyntaxErrorInfo {
    // The DEDENTs closing the blocks at EOF count as the end of input.
    let trailing_dedents = toks.iter().rev().take_while(|t| t.1 == Tok::Dedent).count();
    let eof_index = toks.len() - trailing_dedents;
    let (index, at, expected) = match e {
        ParseError::User { error } => return error,
        ParseError::InvalidToken { location } => return syntax("invalid syntax", location),
        ParseError::ExtraToken { token } => return syntax("invalid syntax", token.0),
        ParseError::UnrecognizedEof { location, expected } => (toks.len(), location, expected),
        ParseError::UnrecognizedToken { token: (l, tok, r), expected } => {
            if tok == Tok::Indent {
                let at = Loc { line: r.line, col: r.col.max(1) - 1 };
                return info(SyntaxErrorKind::IndentationError, "unexpected indent", at);
            }
            (index, l, expected)
        }
    };
    // CPython decodes a run of string literals as soon as the run ends, so an
    // invalid f-string right before the offending token is the error reported
    // (`f'{'a'}'` is "f-string: expecting '}'", not "invalid syntax").
    if let Some(err) = fstring_before(toks, index) {
        return err;
    }
    if index >= eof_index {
        // Running out of input after the final NEWLINE means a block header
        // or decorator still wants its body: more input would help, which
        // is what the REPL needs to know. CPython points at that NEWLINE.
        let at = toks[..eof_index].last().map_or(at, |t| t.0);
        let mut err = unexpected(toks, eof_index, at, &expected);
        err.incomplete = true;
        return err;
    }
    unexpected(toks, index, at, &expected)
}

/// The error of the first invalid f-string in the run of string literals
/// that ends just before `index`.
fn fstring_before(toks: &[Spanned], index: usize) -> Option<SyntaxErrorInfo> {
    let end = index.min(toks.len());
    let start = (0..end).rev().take_while(|&i| matches!(toks[i].1, Tok::Str(_))).last()?;
    toks[start..end].iter().find_map(|t| match &t.1 {
        Tok::Str(lit) if lit.fstring => super::fstring::parse_fstring(lit).err(),
        _ => None,
    })
}

fn expects(expected: &[String], terminal: &str) -> bool {
    expected.iter().any(|e| e == terminal)
}

/// The message for an unexpected token (or EOF) at `index`, positioned at `at`.
fn unexpected(toks: &[Spanned], index: usize, at: Loc, expected: &[String]) -> SyntaxErrorInfo {
    let tok = toks.get(index).map(|t| &t.1);
    let prev = index.checked_sub(1).map(|i| &toks[i].1);
    if expects(expected, "INDENT") {
        let msg = match block_header(toks, index) {
            Some((what, line)) => format!("expected an indented block after {what} on line {line}"),
            None => "expected an indented block".to_string(),
        };
        return info(SyntaxErrorKind::IndentationError, msg, at);
    }
    // `{1: 2, 3}`: a dict entry without its value. CPython points at the
    // key's last character (its `invalid_kvpair`).
    if expects(expected, "\":\"")
        && matches!(tok, Some(Tok::RBrace | Tok::Comma))
        && index >= 1
        && let Some(open) = innermost_open(toks, index)
        && toks[open].1 == Tok::LBrace
        && !toks[open + 1..index].iter().any(|t| t.1 == Tok::Lambda)
    {
        let end = toks[index - 1].2;
        let at = Loc { line: end.line, col: end.col.saturating_sub(1) };
        return syntax("':' expected after dictionary key", at);
    }
    if expects(expected, "\"except\"") && expects(expected, "\"finally\"") {
        return syntax("expected 'except' or 'finally' block", at);
    }
    // CPython insists on ':' after a compound header that ended, and right
    // after `try`, `else` and `finally`.
    let forced_colon = matches!(prev, Some(Tok::Try | Tok::Else | Tok::Finally));
    if (tok == Some(&Tok::Newline) || forced_colon) && expects(expected, "\":\"") {
        return syntax("expected ':'", at);
    }
    if index >= 2 && toks[index - 2].1 == Tok::Def && expects(expected, "\"(\"") {
        return syntax("expected '('", at);
    }
    if expects(expected, "\"else\"")
        && let Some(if_at) = (line_start(toks, index)..index).rev().find(|&i| toks[i].1 == Tok::If)
        && if_at > 0
        && ends_operand(&toks[if_at - 1].1)
    {
        let start = operand_start(toks, if_at - 1);
        return syntax("expected 'else' after 'if' expression", toks[start].0).ending_at(toks[index - 1].2);
    }
    // CPython's invalid_comprehension / invalid_dict_comprehension: a
    // starred element right before the `for` of a comprehension.
    let comp_for = tok == Some(&Tok::For)
        || (tok == Some(&Tok::Async) && matches!(toks.get(index + 1).map(|t| &t.1), Some(Tok::For)));
    if comp_for
        && let Some(open) = innermost_open(toks, index)
        && open + 1 < index
        && !top_level_comma(toks, open, index)
    {
        let star = &toks[open + 1];
        match (&toks[open].1, &star.1) {
            (Tok::LSqb | Tok::LBrace | Tok::LPar, Tok::Star) => {
                let msg = "iterable unpacking cannot be used in comprehension";
                return syntax(msg, star.0).ending_at(toks[index - 1].2);
            }
            (Tok::LBrace, Tok::DoubleStar) => {
                return syntax("dict unpacking cannot be used in dict comprehension", star.0).ending_at(star.2);
            }
            _ => {}
        }
    }
    if tok == Some(&Tok::For)
        && let Some(open) = innermost_open(toks, index)
        && matches!(toks[open].1, Tok::LSqb | Tok::LBrace)
        && top_level_comma(toks, open, index)
    {
        let msg = "did you forget parentheses around the comprehension target?";
        return syntax(msg, toks[open + 1].0).ending_at(toks[index - 1].2);
    }
    if index >= 2 && index < toks.len() {
        let before = &toks[index - 1];
        if let Tok::Name(n) = &before.1
            && (n == "print" || n == "exec")
            && starts_line(&toks[index - 2].1)
            && starts_operand(&toks[index].1)
        {
            let msg = format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?");
            // Underlined to the end of the statement, as CPython's range.
            let last = toks[index..].iter().take_while(|t| !starts_line(&t.1)).last().map_or(before.2, |t| t.2);
            return syntax(msg, before.0).ending_at(last);
        }
        let name_then_string = matches!(before.1, Tok::Name(_)) && matches!(toks[index].1, Tok::Str(_));
        if ends_operand(&before.1)
            && starts_operand(&toks[index].1)
            && !name_then_string
            && in_plain_brackets(toks, index)
        {
            let start = operand_start(toks, index - 1);
            return syntax("invalid syntax. Perhaps you forgot a comma?", toks[start].0).ending_at(toks[index].2);
        }
    }
    if let Some(err) = keyword_argument_comprehension(toks, index) {
        return err;
    }
    if let Some(err) = misused_assignment(toks, index) {
        return err;
    }
    // The offending token is underlined whole.
    match toks.get(index) {
        Some((l, t, r)) if *l == at && r.line == l.line && r.col > l.col && !starts_line(t) => {
            syntax("invalid syntax", at).ending_at(*r)
        }
        _ => syntax("invalid syntax", at),
    }
}

fn starts_line(t: &Tok) -> bool {
    matches!(t, Tok::Newline | Tok::Indent | Tok::Dedent | Tok::StartModule | Tok::Semi)
}

fn ends_operand(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imag(_)
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
            | Tok::Imag(_)
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

fn is_binary_operator(t: &Tok) -> bool {
    use Tok::*;
    matches!(
        t,
        Plus | Minus
            | Star
            | DoubleStar
            | Slash
            | DoubleSlash
            | Percent
            | At
            | LShift
            | RShift
            | Amper
            | VBar
            | Circumflex
            | Less
            | Greater
            | LessEqual
            | GreaterEqual
            | EqEqual
            | NotEqual
            | In
            | Is
            | And
            | Or
    )
}

/// Index of the innermost bracket still open at `index`, on its logical line.
fn innermost_open(toks: &[Spanned], index: usize) -> Option<usize> {
    let start = line_start(toks, index);
    let mut opens: Vec<usize> = Vec::new();
    for (i, t) in toks.iter().enumerate().take(index).skip(start) {
        match t.1.bracket() {
            Some('(' | '[' | '{') => opens.push(i),
            Some(_) => {
                opens.pop();
            }
            None => {}
        }
    }
    opens.last().copied()
}

/// Whether a comma sits directly inside the bracket at `open`, before `index`.
fn top_level_comma(toks: &[Spanned], open: usize, index: usize) -> bool {
    let mut depth = 0usize;
    for t in &toks[open + 1..index] {
        match t.1.bracket() {
            Some('(' | '[' | '{') => depth += 1,
            Some(_) => depth = depth.saturating_sub(1),
            None if depth == 0 && t.1 == Tok::Comma => return true,
            None => {}
        }
    }
    false
}

/// Whether the token at `index` sits inside brackets of its logical line
/// that hold a plain list of expressions (not a comprehension, where CPython
/// does not suggest a comma).
fn in_plain_brackets(toks: &[Spanned], index: usize) -> bool {
    let Some(open) = innermost_open(toks, index) else {
        return false;
    };
    if open >= 2 && toks[open - 2].1 == Tok::Def {
        return false;
    }
    let (mut depth, mut in_for) = (0usize, false);
    for t in &toks[open + 1..index] {
        match t.1.bracket() {
            Some('(' | '[' | '{') => depth += 1,
            Some(_) => depth = depth.saturating_sub(1),
            None if depth == 0 && t.1 == Tok::For => in_for = true,
            None if depth == 0 && (t.1 == Tok::Lambda || (in_for && t.1 == Tok::In)) => {
                return false;
            }
            None => {}
        }
    }
    true
}

/// Index of the first token of the operand ending at `end`: CPython's caret
/// for "Perhaps you forgot a comma?" sits there (`f(a.b(c) d)` → at `a`).
fn operand_start(toks: &[Spanned], end: usize) -> usize {
    let mut i = end;
    loop {
        i = primary_start(toks, i);
        // Then over a binary operator or a unary prefix before it.
        match toks.get(i.wrapping_sub(1)).map(|t| &t.1) {
            Some(op) if is_binary_operator(op) && i >= 2 && ends_operand(&toks[i - 2].1) => i -= 2,
            Some(Tok::Minus | Tok::Plus | Tok::Tilde | Tok::Not | Tok::Await) => {
                i -= 1;
                return i;
            }
            _ => return i,
        }
    }
}

/// CPython's `invalid_named_expression`: a `=` where a condition or an
/// element is expected (`if x = 1:`, `[x = 1]`) gets "Maybe you meant '=='
/// or ':='" over `x = 1`; a target that is not a name (`if a.b = 1:`)
/// "cannot assign to attribute here" over the target. Not when another `=`
/// or `:=` follows the value (`if x = 1 = 2:` stays plain invalid syntax).
fn misused_assignment(toks: &[Spanned], index: usize) -> Option<SyntaxErrorInfo> {
    if toks.get(index)?.1 != Tok::Equal || index == 0 || !ends_operand(&toks[index - 1].1) {
        return None;
    }
    if let Some(err) = misused_keyword_argument(toks, index) {
        return Some(err);
    }
    let start = primary_start(toks, index - 1);
    let before = &toks.get(start.checked_sub(1)?)?.1;
    let in_brackets = innermost_open(toks, index).is_some();
    let context = matches!(before, Tok::If | Tok::Elif | Tok::While | Tok::LPar | Tok::LSqb | Tok::LBrace)
        || (*before == Tok::Comma && in_brackets);
    if !context {
        return None;
    }
    // The value: one `bitwise_or` (operands, trailers and arithmetic or
    // bitwise operators), which must not be followed by `=` or `:=`.
    let mut j = index + 1;
    let (mut depth, mut last) = (0usize, None);
    while let Some(t) = toks.get(j) {
        match t.1.bracket() {
            Some('(' | '[' | '{') => depth += 1,
            Some(_) if depth == 0 => break,
            Some(_) => depth -= 1,
            None if depth > 0 => {}
            None if starts_operand(&t.1) || ends_operand(&t.1) || t.1 == Tok::Dot || t.1 == Tok::Tilde => {}
            None if is_binary_operator(&t.1) && !is_comparison_or_boolean(&t.1) => {}
            None => break,
        }
        last = Some(j);
        j += 1;
    }
    if depth > 0 || matches!(toks.get(j).map(|t| &t.1), Some(Tok::Equal | Tok::ColonEqual)) {
        return None;
    }
    let value_end = toks[last?].2;
    if start == index - 1 && matches!(toks[start].1, Tok::Name(_)) {
        let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
        return Some(syntax(msg, toks[start].0).ending_at(value_end));
    }
    let what = match (&toks[start].1, &toks[index - 1].1) {
        (Tok::LPar | Tok::LSqb | Tok::True | Tok::False | Tok::None, _) => return None,
        (_, Tok::RPar) => "function call",
        (_, Tok::RSqb) => "subscript",
        (_, Tok::Name(_)) if index >= 2 && toks[index - 2].1 == Tok::Dot => "attribute",
        (Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Str(_), _) if start == index - 1 => "literal",
        _ => return None,
    };
    let msg = format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?");
    Some(syntax(msg, toks[start].0).ending_at(toks[index - 1].2))
}

/// CPython's `invalid_kwarg` for `f(a = x for x in y)`: a keyword argument
/// whose value is followed by a comprehension's `for` is "Maybe you meant
/// '==' or ':='", over the name and its `=`.
fn keyword_argument_comprehension(toks: &[Spanned], index: usize) -> Option<SyntaxErrorInfo> {
    let is_for = match toks.get(index)?.1 {
        Tok::For => true,
        Tok::Async => matches!(toks.get(index + 1).map(|t| &t.1), Some(Tok::For)),
        _ => false,
    };
    if !is_for {
        return None;
    }
    let open = innermost_open(toks, index)?;
    if toks[open].1 != Tok::LPar || open == 0 || !ends_operand(&toks[open - 1].1) {
        return None;
    }
    let start = argument_start(toks, open, index)?;
    if start + 2 >= index || !matches!(toks[start].1, Tok::Name(_)) || toks[start + 1].1 != Tok::Equal {
        return None;
    }
    let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
    Some(syntax(msg, toks[start].0).ending_at(toks[start + 1].2))
}

/// Where the argument of the call opened at `open` that holds token `index` starts:
/// after the last comma directly inside the call. None when a `lambda` directly inside
/// the call comes first (its `=` belongs to its own parameters, not to the call).
fn argument_start(toks: &[Spanned], open: usize, index: usize) -> Option<usize> {
    let mut start = open + 1;
    let mut depth = 0usize;
    for (i, t) in toks.iter().enumerate().take(index).skip(open + 1) {
        match t.1.bracket() {
            Some('(' | '[' | '{') => depth += 1,
            Some(_) => depth = depth.saturating_sub(1),
            None if depth == 0 && t.1 == Tok::Comma => start = i + 1,
            None if depth == 0 && t.1 == Tok::Lambda => return None,
            None => {}
        }
    }
    Some(start)
}

/// CPython's `invalid_kwarg`: in a call's arguments, `expr = value` where
/// `expr` is not a bare name is "expression cannot contain assignment" (and
/// `True = 1` "cannot assign to True"), over the argument up to its `=`.
fn misused_keyword_argument(toks: &[Spanned], index: usize) -> Option<SyntaxErrorInfo> {
    let open = innermost_open(toks, index)?;
    let is_call = toks[open].1 == Tok::LPar
        && open >= 1
        && ends_operand(&toks[open - 1].1)
        && !(open >= 2 && matches!(toks[open - 2].1, Tok::Def));
    if !is_call {
        return None;
    }
    let start = argument_start(toks, open, index)?;
    if start >= index {
        return None;
    }
    let end = toks[index].2;
    let msg = "expression cannot contain assignment, perhaps you meant \"==\"?";
    if start == index - 1 {
        return match &toks[start].1 {
            Tok::True => Some(syntax("cannot assign to True", toks[start].0).ending_at(end)),
            Tok::False => Some(syntax("cannot assign to False", toks[start].0).ending_at(end)),
            Tok::None => Some(syntax("cannot assign to None", toks[start].0).ending_at(end)),
            Tok::Name(_) => None,
            _ => Some(syntax(msg, toks[start].0).ending_at(end)),
        };
    }
    Some(syntax(msg, toks[start].0).ending_at(end))
}

fn is_comparison_or_boolean(t: &Tok) -> bool {
    use Tok::*;
    matches!(t, Less | Greater | LessEqual | GreaterEqual | EqEqual | NotEqual | In | Is | And | Or)
}

/// Index of the first token of the primary (an atom with its trailers:
/// `a.b(c)[d]`) ending at `end`.
fn primary_start(toks: &[Spanned], end: usize) -> usize {
    let mut i = end;
    loop {
        if matches!(toks[i].1.bracket(), Some(')' | ']' | '}')) {
            let mut depth = 0usize;
            while i > 0 {
                match toks[i].1.bracket() {
                    Some(')' | ']' | '}') => depth += 1,
                    Some(_) => depth = depth.saturating_sub(1),
                    None => {}
                }
                if depth == 0 {
                    break;
                }
                i -= 1;
            }
        }
        match toks.get(i.wrapping_sub(1)).map(|t| &t.1) {
            Some(Tok::Dot) if i >= 2 => i -= 2,
            Some(t) if matches!(toks[i].1, Tok::LPar | Tok::LSqb) && ends_operand(t) => i -= 1,
            Some(Tok::Str(_)) if matches!(toks[i].1, Tok::Str(_)) => i -= 1,
            _ => return i,
        }
    }
}

/// Index of the first token of the logical line containing `index`.
fn line_start(toks: &[Spanned], index: usize) -> usize {
    let mut i = index.min(toks.len());
    while i > 0 && !matches!(toks[i - 1].1, Tok::Newline | Tok::Indent | Tok::Dedent | Tok::StartModule) {
        i -= 1;
    }
    i
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
        Tok::Match => "'match' statement",
        Tok::Case => "'case' statement",
        _ => return None,
    };
    Some((what, first.0.line))
}
