//! f-strings: splitting a literal's body into constant text and
//! `{expression!conversion:format_spec}` fields (Python 3.11 rules).
//!
//! Each field's expression text is handed to the real grammar (through
//! [`super::parse_field_expr`], which wraps it in parentheses as CPython
//! does) with its position in the file, so errors and line numbers inside
//! fields are right.

use std::cell::Cell;

use super::actions::{error_at, push_part};
use super::ast::{Constant, Expr, ExprKind, Loc};
use super::{SyntaxErrorInfo, parse_field_expr};
use crate::lex::StrLit;
use crate::lex::strings::decode_str;

/// f-strings nested inside f-string fields; 3.11's quote rules already bound
/// this, the counter makes the bound explicit for the recursion.
const MAX_FSTRING_NESTING: u32 = 16;
/// CPython: a field's format spec may contain fields, whose specs may not.
const MAX_SPEC_NESTING: u32 = 2;
const MAX_FIELD_BRACKETS: usize = 200;

thread_local! {
    static NESTING: Cell<u32> = const { Cell::new(0) };
}

struct NestingGuard;

impl Drop for NestingGuard {
    fn drop(&mut self) {
        NESTING.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

/// Splits one f-string literal into `Constant(Str)` and `FormattedValue`
/// parts (adjacent constants merged, empty ones dropped).
pub fn parse_fstring(lit: &StrLit) -> Result<Vec<Expr>, SyntaxErrorInfo> {
    let depth = NESTING.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    let _guard = NestingGuard;
    if depth > MAX_FSTRING_NESTING {
        return Err(error_at(lit.loc, "f-string: expressions nested too deeply"));
    }
    let mut sc = Scanner { body: &lit.body, pos: 0, loc: lit.body_loc, lit };
    sc.parts(0)
}

struct Scanner<'a> {
    body: &'a str,
    /// Byte offset into `body`.
    pos: usize,
    /// Source position of `body[pos..]`.
    loc: Loc,
    lit: &'a StrLit,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<char> {
        self.body[self.pos..].chars().next()
    }

    fn peek2(&self) -> Option<char> {
        let mut it = self.body[self.pos..].chars();
        it.next();
        it.next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        let crlf = c == '\r' && self.peek() == Some('\n');
        if c == '\n' || (c == '\r' && !crlf) {
            self.loc = Loc { line: self.loc.line + 1, col: 0 };
        } else if !crlf {
            self.loc.col += 1;
        }
        Some(c)
    }

    /// CPython 3.11 puts the caret for f-string errors after the literal.
    fn err(&self, msg: &str) -> SyntaxErrorInfo {
        error_at(self.lit.end, msg)
    }

    /// Literal text and fields up to the end of the body (spec_depth 0) or
    /// up to the `}` closing a format spec (spec_depth > 0, not consumed).
    fn parts(&mut self, spec_depth: u32) -> Result<Vec<Expr>, SyntaxErrorInfo> {
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut text_loc = self.loc;
        loop {
            let Some(c) = self.peek() else {
                if spec_depth > 0 {
                    return Err(self.err("f-string: expecting '}'"));
                }
                break;
            };
            match c {
                '{' if spec_depth == 0 && self.peek2() == Some('{') => {
                    self.bump();
                    self.bump();
                    text.push('{');
                }
                '}' if spec_depth == 0 => {
                    self.bump();
                    if self.peek() != Some('}') {
                        return Err(self.err("f-string: single '}' is not allowed"));
                    }
                    self.bump();
                    text.push('}');
                }
                '}' => break,
                '{' => {
                    self.flush(&mut parts, &mut text, text_loc)?;
                    let field = self.field(spec_depth, &mut parts)?;
                    parts.push(field);
                    text_loc = self.loc;
                }
                '\\' if !self.lit.raw => {
                    self.bump();
                    text.push('\\');
                    match self.peek() {
                        // `\N{...}` is a named escape, not a field.
                        Some('N') if self.peek2() == Some('{') => {
                            while let Some(c) = self.bump() {
                                text.push(c);
                                if c == '}' {
                                    break;
                                }
                            }
                        }
                        Some('{' | '}') | None => {}
                        Some(_) => text.extend(self.bump()),
                    }
                }
                _ => text.extend(self.bump()),
            }
        }
        self.flush(&mut parts, &mut text, text_loc)?;
        Ok(parts)
    }

    fn flush(&self, parts: &mut Vec<Expr>, text: &mut String, loc: Loc) -> Result<(), SyntaxErrorInfo> {
        if !text.is_empty() {
            let s = decode_str(text, self.lit.raw).map_err(|e| error_at(self.lit.end, e.0))?;
            push_part(parts, Expr::new(loc, ExprKind::Constant(Constant::Str(s))));
            text.clear();
        }
        Ok(())
    }

    /// One `{...}` field; the scanner is at its `{`. A self-documenting
    /// `{x=}` also pushes its text onto `parts`.
    fn field(&mut self, spec_depth: u32, parts: &mut Vec<Expr>) -> Result<Expr, SyntaxErrorInfo> {
        if spec_depth >= MAX_SPEC_NESTING {
            return Err(self.err("f-string: expressions nested too deeply"));
        }
        let field_loc = self.loc;
        self.bump();
        let start = self.pos;
        let start_loc = self.loc;
        self.skip_expression()?;
        let expr_text = &self.body[start..self.pos];
        if expr_text.trim_matches([' ', '\t', '\n', '\r', '\x0c']).is_empty() {
            return Err(self.err("f-string: empty expression not allowed"));
        }
        let mut conversion = None;
        let mut debug = false;
        if self.peek() == Some('=') {
            self.bump();
            while self.peek().is_some_and(|c| c.is_whitespace()) {
                self.bump();
            }
            debug = true;
            let text = self.body[start..self.pos].to_string();
            push_part(parts, Expr::new(field_loc, ExprKind::Constant(Constant::Str(text))));
        }
        if self.peek() == Some('!') {
            self.bump();
            match self.bump() {
                Some(c @ ('s' | 'r' | 'a')) => conversion = Some(c),
                None => return Err(self.err("f-string: expecting '}'")),
                Some(_) => {
                    return Err(self.err("f-string: invalid conversion character: expected 's', 'r', or 'a'"));
                }
            }
        }
        let mut format_spec = None;
        if self.peek() == Some(':') {
            self.bump();
            let spec_loc = self.loc;
            let spec = self.parts(spec_depth + 1)?;
            format_spec = Some(Box::new(Expr::new(spec_loc, ExprKind::JoinedStr(spec))));
        }
        if self.peek() != Some('}') {
            return Err(self.err("f-string: expecting '}'"));
        }
        self.bump();
        if debug && conversion.is_none() && format_spec.is_none() {
            conversion = Some('r');
        }
        let value = parse_field_expr(expr_text, start_loc).map_err(|mut e| {
            if !e.msg.starts_with("f-string") {
                e.msg = format!("f-string: {}", e.msg);
            }
            e
        })?;
        Ok(Expr::new(field_loc, ExprKind::FormattedValue { value: Box::new(value), conversion, format_spec }))
    }

    /// Advances to the end of a field's expression: a top-level `}`, `!`
    /// (not `!=`), `:` or a lone `=`. Brackets and nested string literals are
    /// skipped over so their contents cannot end the expression.
    fn skip_expression(&mut self) -> Result<(), SyntaxErrorInfo> {
        let mut brackets: Vec<char> = Vec::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(self.err("f-string: expecting '}'"));
            };
            match c {
                '\\' => return Err(self.err("f-string expression part cannot include a backslash")),
                '#' => return Err(self.err("f-string expression part cannot include '#'")),
                '\'' | '"' => self.skip_string(c)?,
                '(' | '[' | '{' => {
                    if brackets.len() >= MAX_FIELD_BRACKETS {
                        return Err(self.err("f-string: too many nested parenthesis"));
                    }
                    brackets.push(c);
                    self.bump();
                }
                ')' | ']' | '}' => {
                    let Some(open) = brackets.pop() else {
                        if c == '}' {
                            return Ok(());
                        }
                        return Err(self.err(&format!("f-string: unmatched '{c}'")));
                    };
                    let want = match open {
                        '(' => ')',
                        '[' => ']',
                        _ => '}',
                    };
                    if c != want {
                        let msg =
                            format!("f-string: closing parenthesis '{c}' does not match opening parenthesis '{open}'");
                        return Err(self.err(&msg));
                    }
                    self.bump();
                }
                '!' | '=' | '<' | '>' if self.peek2() == Some('=') => {
                    self.bump();
                    self.bump();
                }
                '!' | ':' | '=' if brackets.is_empty() => return Ok(()),
                _ => {
                    self.bump();
                }
            }
        }
    }

    /// Skips a string literal inside a field expression.
    fn skip_string(&mut self, quote: char) -> Result<(), SyntaxErrorInfo> {
        let triple = self.body[self.pos..].starts_with(&quote.to_string().repeat(3));
        let n = if triple { 3 } else { 1 };
        for _ in 0..n {
            self.bump();
        }
        loop {
            let Some(c) = self.peek() else {
                return Err(self.err("f-string: unterminated string"));
            };
            if c == '\\' {
                return Err(self.err("f-string expression part cannot include a backslash"));
            }
            if c == quote && (!triple || self.body[self.pos..].starts_with(&quote.to_string().repeat(3))) {
                for _ in 0..n {
                    self.bump();
                }
                return Ok(());
            }
            self.bump();
        }
    }
}
