//! The layer between logos and the parser: turns physical newlines and
//! leading whitespace into NEWLINE / INDENT / DEDENT, tracks brackets (inside
//! which line breaks mean nothing), and gives every token its [`Loc`].
//!
//! The whole token list is built before parsing starts. That costs memory
//! proportional to the source but lets a later pass look ahead as far as it
//! likes (see [`mark_with_parens`]). A lexing error ends the list and is
//! handed to the parser after the last token; when the parser fails earlier,
//! which of the two errors is reported follows CPython (see
//! `parse::overrides`).

use logos::Logos;

use super::lines::LineIndex;
use super::token::{RawError, Tok};
use crate::parse::ast::Loc;
use crate::parse::{SyntaxErrorInfo, SyntaxErrorKind};

/// A token with its start and end position, as lalrpop wants it.
pub type Spanned = (Loc, Tok, Loc);

/// CPython's tokenizer limit (`MAXLEVEL`): deeper bracket nesting is refused.
pub const MAX_BRACKET_DEPTH: usize = 200;
/// CPython's tokenizer limit (`MAXINDENT`) on indentation levels.
pub const MAX_INDENT_DEPTH: usize = 100;

/// What the token list is for: a module, or one f-string field's expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Module,
    /// The text is an f-string field: it is wrapped in synthetic parentheses
    /// (like CPython does) so that line breaks and tuples work, and no
    /// NEWLINE/INDENT/DEDENT is produced.
    FieldExpr,
}

/// The lexer's output: tokens, then possibly the error that stopped lexing.
#[derive(Debug)]
pub struct Tokens {
    pub toks: Vec<Spanned>,
    pub error: Option<SyntaxErrorInfo>,
}

/// Lexes `src` whose first character is at `base`.
pub fn tokenize(src: &str, mode: Mode, base: Loc) -> Tokens {
    let mut layer = Layer {
        src,
        lines: LineIndex::new(src, base),
        out: Vec::with_capacity(src.len() / 8 + 4),
        indents: vec![(0, 0)],
        brackets: Vec::new(),
        at_line_start: mode == Mode::Module,
        line_has_tokens: false,
        mode,
    };
    let error = layer.run().err();
    let mut toks = layer.out;
    mark_with_parens(&mut toks);
    mark_soft_keywords(&mut toks);
    Tokens { toks, error }
}

struct Layer<'s> {
    src: &'s str,
    lines: LineIndex<'s>,
    out: Vec<Spanned>,
    /// Indentation levels as (column with tabs to multiples of 8, column with
    /// tabs counted as 1): the two must order lines the same way, or the
    /// meaning would depend on the tab size, which is a TabError.
    indents: Vec<(u32, u32)>,
    brackets: Vec<(char, Loc)>,
    at_line_start: bool,
    line_has_tokens: bool,
    mode: Mode,
}

fn err(kind: SyntaxErrorKind, msg: impl Into<String>, line: u32, col1: u32, incomplete: bool) -> SyntaxErrorInfo {
    SyntaxErrorInfo { kind, msg: msg.into(), line, col: col1, incomplete, end: None }
}

impl Layer<'_> {
    fn run(&mut self) -> Result<(), SyntaxErrorInfo> {
        let start = self.lines.loc(0);
        match self.mode {
            Mode::Module => self.out.push((start, Tok::StartModule, start)),
            Mode::FieldExpr => {
                let paren = Loc { line: start.line, col: start.col.saturating_sub(1) };
                self.out.push((paren, Tok::StartExpr, paren));
                self.out.push((paren, Tok::LPar, start));
                self.brackets.push(('(', paren));
            }
        }
        let mut lex = Tok::lexer(self.src);
        while let Some(res) = lex.next() {
            let span = lex.span();
            match res {
                Err(raw) => {
                    // Indentation is judged before the token, as in CPython:
                    // an unexpected indent wins over a bad first token.
                    if self.at_line_start && self.brackets.is_empty() {
                        let at = self.lines.loc(span.start);
                        self.indentation(span.start, at)?;
                    }
                    return Err(self.raw_error(raw));
                }
                Ok(Tok::Newline) => {
                    if self.brackets.is_empty() {
                        if self.line_has_tokens {
                            let at = self.lines.loc(span.start);
                            self.out.push((at, Tok::Newline, Loc { line: at.line, col: at.col + 1 }));
                            self.line_has_tokens = false;
                        }
                        self.at_line_start = true;
                    }
                }
                Ok(tok) => self.token(tok, span.start, span.end)?,
            }
        }
        self.finish()
    }

    fn token(&mut self, mut tok: Tok, start: usize, end: usize) -> Result<(), SyntaxErrorInfo> {
        let at = self.lines.loc(start);
        if self.at_line_start {
            self.indentation(start, at)?;
            self.at_line_start = false;
        }
        self.line_has_tokens = true;
        if let Some(b) = tok.bracket() {
            self.bracket(b, at)?;
        }
        let to = self.lines.loc(end);
        if let Tok::Str(s) = &mut tok {
            s.loc = at;
            s.body_loc = Loc { line: at.line, col: at.col + s.head_len };
            s.end = to;
        }
        self.out.push((at, tok, to));
        Ok(())
    }

    fn bracket(&mut self, b: char, at: Loc) -> Result<(), SyntaxErrorInfo> {
        let syntax = SyntaxErrorKind::SyntaxError;
        if matches!(b, '(' | '[' | '{') {
            if self.brackets.len() >= MAX_BRACKET_DEPTH {
                return Err(err(syntax, "too many nested parentheses", at.line, at.col + 1, false));
            }
            self.brackets.push((b, at));
            return Ok(());
        }
        let Some((open, open_at)) = self.brackets.pop() else {
            return Err(err(syntax, format!("unmatched '{b}'"), at.line, at.col + 1, false));
        };
        let expected = match open {
            '(' => ')',
            '[' => ']',
            _ => '}',
        };
        if b != expected {
            let mut msg = format!("closing parenthesis '{b}' does not match opening parenthesis '{open}'");
            if open_at.line != at.line {
                msg += &format!(" on line {}", open_at.line);
            }
            return Err(err(syntax, msg, at.line, at.col + 1, false));
        }
        Ok(())
    }

    /// Called for the first token of a logical line.
    fn indentation(&mut self, offset: usize, at: Loc) -> Result<(), SyntaxErrorInfo> {
        let line = self.lines.line_of(offset);
        let (mut col, mut alt) = (0u32, 0u32);
        for c in self.src[self.lines.line_start(line)..offset].chars() {
            match c {
                ' ' => {
                    col += 1;
                    alt += 1;
                }
                '\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                // A form feed resets the count, as in CPython.
                '\x0c' => (col, alt) = (0, 0),
                _ => {}
            }
        }
        let tab_error =
            || err(SyntaxErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", at.line, 1, false);
        let (top, top_alt) = *self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if alt != top_alt {
                return Err(tab_error());
            }
        } else if col > top {
            if alt <= top_alt {
                return Err(tab_error());
            }
            if self.indents.len() >= MAX_INDENT_DEPTH {
                let kind = SyntaxErrorKind::IndentationError;
                return Err(err(kind, "too many levels of indentation", at.line, at.col + 1, false));
            }
            self.indents.push((col, alt));
            self.out.push((Loc { line: at.line, col: 0 }, Tok::Indent, at));
        } else {
            // Check the target level before emitting DEDENTs: CPython reports a
            // bad unindent before the parser sees any of them.
            let keep = self.indents.iter().rposition(|l| l.0 <= col).map_or(1, |p| p + 1);
            let (top, top_alt) = self.indents[keep - 1];
            if col != top {
                let width = self.lines.line_text(line).chars().count() as u32;
                let msg = "unindent does not match any outer indentation level";
                return Err(err(SyntaxErrorKind::IndentationError, msg, at.line, width + 1, false));
            }
            if alt != top_alt {
                return Err(tab_error());
            }
            for _ in keep..self.indents.len() {
                self.out.push((at, Tok::Dedent, at));
            }
            self.indents.truncate(keep);
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), SyntaxErrorInfo> {
        let eof = self.lines.loc(self.src.len());
        if self.mode == Mode::FieldExpr && self.brackets.len() == 1 {
            self.out.push((eof, Tok::RPar, eof));
            return Ok(());
        }
        if let Some(&(c, at)) = self.brackets.last() {
            let msg = format!("'{c}' was never closed");
            return Err(err(SyntaxErrorKind::SyntaxError, msg, at.line, at.col + 1, true));
        }
        if self.line_has_tokens {
            self.out.push((eof, Tok::Newline, eof));
        }
        for _ in 1..self.indents.len() {
            self.out.push((eof, Tok::Dedent, eof));
        }
        self.indents.truncate(1);
        Ok(())
    }

    fn raw_error(&mut self, raw: RawError) -> SyntaxErrorInfo {
        let at = self.lines.loc(raw.at);
        let mut msg = raw.msg;
        if let Some(d) = raw.detected_at {
            // At EOF, CPython names the line holding the last character.
            let d = if d >= self.src.len() { self.src.len().saturating_sub(1) } else { d };
            let line = self.lines.report_line(self.lines.line_of(d));
            msg += &format!(" (detected at line {line})");
        }
        err(SyntaxErrorKind::SyntaxError, msg, at.line, at.col + 1, raw.incomplete)
    }
}

/// Marks the `(` of `with (a as b, c as d):` as [`Tok::WithLPar`] when its
/// matching `)` is directly followed by `:`. Then `with (a, b):` means two
/// items, as in CPython 3.9+, while `with (a, b) as c:` stays a tuple.
fn mark_with_parens(toks: &mut [Spanned]) {
    for i in 0..toks.len().saturating_sub(1) {
        if toks[i].1 != Tok::With || toks[i + 1].1 != Tok::LPar {
            continue;
        }
        let mut depth = 0usize;
        for j in i + 1..toks.len() {
            match toks[j].1.bracket() {
                Some('(' | '[' | '{') => depth += 1,
                Some(_) => depth = depth.saturating_sub(1),
                None => {}
            }
            if depth == 0 {
                if toks.get(j + 1).is_some_and(|t| t.1 == Tok::Colon) {
                    toks[i + 1].1 = Tok::WithLPar;
                }
                break;
            }
        }
    }
}

/// Marks the soft keywords `match` and `case` as [`Tok::Match`] /
/// [`Tok::Case`] (CPython's PEG parser decides by trying the match
/// statement first). `match` is the keyword when it starts a statement whose
/// logical line ends in `:`: no expression statement or assignment can, so
/// `match(x)`, `match = 3` and `match.attr` stay names. `case` is the keyword
/// when it starts a statement directly inside a match statement's block,
/// where nothing else may stand. A `:`, `=` or `.` right after the word keeps
/// it a name either way (`match: int = 3`).
fn mark_soft_keywords(toks: &mut [Spanned]) {
    // For each open indented block: is it a match statement's block?
    let mut blocks: Vec<bool> = vec![false];
    let (mut line_is_match, mut opens_match) = (false, false);
    for i in 1..toks.len() {
        match toks[i].1 {
            Tok::Indent => {
                blocks.push(opens_match);
                opens_match = false;
                continue;
            }
            Tok::Dedent => {
                blocks.pop();
                continue;
            }
            Tok::Newline => {
                opens_match = line_is_match;
                line_is_match = false;
                continue;
            }
            _ => {}
        }
        if !matches!(toks[i - 1].1, Tok::Newline | Tok::Indent | Tok::Dedent | Tok::StartModule) {
            continue;
        }
        opens_match = false;
        let Tok::Name(n) = &toks[i].1 else { continue };
        let is_match = n == "match";
        if !is_match && n != "case" {
            continue;
        }
        if toks.get(i + 1).is_none_or(|t| matches!(t.1, Tok::Colon | Tok::Equal | Tok::Dot | Tok::Newline)) {
            continue;
        }
        if is_match {
            let mut j = i + 1;
            while j < toks.len() && toks[j].1 != Tok::Newline {
                j += 1;
            }
            if j < toks.len() && toks[j - 1].1 == Tok::Colon {
                toks[i].1 = Tok::Match;
                line_is_match = true;
            }
        } else if blocks.last() == Some(&true) {
            toks[i].1 = Tok::Case;
        }
    }
}

impl Tokens {
    /// The string and bytes literals among the tokens, in source order.
    pub fn string_literals(&self) -> impl Iterator<Item = &super::StrLit> {
        self.toks.iter().filter_map(|(_, t, _)| match t {
            super::Tok::Str(lit) => Some(lit),
            _ => None,
        })
    }
}
