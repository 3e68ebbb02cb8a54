//! The token enum: one logos-generated DFA for the raw tokens, plus the
//! synthetic tokens (INDENT, DEDENT, start markers) that only the indentation
//! layer produces.
//!
//! Logos works on byte offsets and knows nothing about lines; errors found
//! here are [`RawError`]s that the indentation layer turns into located
//! [`SyntaxErrorInfo`](crate::parse::SyntaxErrorInfo)s.

use logos::{FilterResult, Lexer, Logos};
use num_bigint::BigInt;

use crate::parse::ast::Loc;

/// A lexing failure at the logos level, positioned by byte offset.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawError {
    pub msg: String,
    /// Byte offset the caret should point at.
    pub at: usize,
    /// If set, ` (detected at line N)` is appended, N being this offset's line.
    pub detected_at: Option<usize>,
    /// The input ended too early (open triple-quote, trailing backslash).
    pub incomplete: bool,
}

impl RawError {
    fn new(msg: impl Into<String>, at: usize) -> RawError {
        RawError { msg: msg.into(), at, detected_at: None, incomplete: false }
    }

    /// Called by logos for input that matches no token.
    fn from_lexer(lex: &mut Lexer<'_, Tok>) -> RawError {
        let at = lex.span().start;
        let c = lex.slice().chars().next().unwrap_or('\0');
        match c {
            '\\' => {
                if lex.remainder().is_empty() {
                    let mut e = RawError::new("unexpected EOF while parsing", at + 1);
                    e.incomplete = true;
                    e
                } else {
                    RawError::new("unexpected character after line continuation character", at + 1)
                }
            }
            c if (c as u32) < 0x20 || c == '\x7f' => {
                RawError::new(format!("invalid non-printable character U+{:04X}", c as u32), at)
            }
            _ => RawError::new("invalid syntax", at),
        }
    }
}

/// A string literal as lexed: its prefix flags and the raw text between the
/// quotes. Escapes are decoded (and f-strings split) by the parser, because
/// f-string fields need the raw text and its position.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StrLit {
    pub bytes: bool,
    pub raw: bool,
    pub fstring: bool,
    /// The text between the quotes, verbatim.
    pub body: String,
    /// Where the literal (its prefix) starts; filled in by the indent layer.
    pub loc: Loc,
    /// Where `body` starts; filled in by the indent layer.
    pub body_loc: Loc,
    /// Just past the closing quote(s); filled in by the indent layer.
    pub end: Loc,
    /// Characters of prefix plus opening quote(s), so `body_loc` can be derived.
    pub head_len: u32,
}

/// Every token the parser sees. Variants without a logos attribute are
/// produced by the indentation layer, never by the DFA.
#[derive(Logos, Clone, Debug, PartialEq)]
#[logos(error(RawError, RawError::from_lexer))]
#[logos(skip r"[ \t\x0C]+")]
#[logos(skip(r"#[^\r\n]*", allow_greedy = true))]
pub enum Tok {
    /// A physical line end from logos; the indent layer keeps it only where it
    /// ends a logical line, where it is the grammar's NEWLINE.
    #[regex(r"\r\n|\r|\n")]
    Newline,
    /// Backslash-newline: joins lines; never reaches the parser.
    #[regex(r"\\(\r\n|\r|\n)", line_continuation)]
    Continuation,
    Indent,
    Dedent,
    /// First token when parsing a whole module.
    StartModule,
    /// First token when parsing an f-string field's expression.
    StartExpr,
    /// A `(` right after `with` whose matching `)` is followed by `:`: the
    /// 3.10 parenthesized with-items form. Recognised by looking ahead in the
    /// token list, so the LR grammar needs no unbounded lookahead.
    WithLPar,
    /// The soft keyword `match` starting a match statement (see
    /// `indent::mark_soft_keywords`); elsewhere `match` is a plain name.
    Match,
    /// The soft keyword `case` starting a case block (same rule as `Match`).
    Case,

    #[regex(r"[A-Za-z_\u{80}-\u{10FFFF}][A-Za-z0-9_\u{80}-\u{10FFFF}]*", name)]
    Name(String),
    #[regex(r"[0-9](_?[0-9])*", decimal)]
    #[regex(r"0[xX](_?[0-9a-fA-F])+", |l| radix(l, 16, "hexadecimal"))]
    #[regex(r"0[oO](_?[0-7])+", |l| radix(l, 8, "octal"))]
    #[regex(r"0[bB](_?[01])+", |l| radix(l, 2, "binary"))]
    Int(BigInt),
    #[regex(r"[0-9](_?[0-9])*\.([0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?", float)]
    #[regex(r"\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?", float)]
    #[regex(r"[0-9](_?[0-9])*[eE][+-]?[0-9](_?[0-9])*", float)]
    Float(f64),
    /// An imaginary literal (`2j`, `1.5e3J`): the value of its imaginary part.
    #[regex(r"[0-9](_?[0-9])*[jJ]", imag)]
    #[regex(r"[0-9](_?[0-9])*\.([0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?[jJ]", imag)]
    #[regex(r"\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?[jJ]", imag)]
    #[regex(r"[0-9](_?[0-9])*[eE][+-]?[0-9](_?[0-9])*[jJ]", imag)]
    Imag(f64),
    #[regex(r#"([rRuUfFbB]|[rR][bBfF]|[bBfF][rR])?['"]"#, crate::lex::strings::lex_string)]
    Str(StrLit),

    #[token("False")]
    False,
    #[token("None")]
    None,
    #[token("True")]
    True,
    #[token("and")]
    And,
    #[token("as")]
    As,
    #[token("assert")]
    Assert,
    #[token("async")]
    Async,
    #[token("await")]
    Await,
    #[token("break")]
    Break,
    #[token("class")]
    Class,
    #[token("continue")]
    Continue,
    #[token("def")]
    Def,
    #[token("del")]
    Del,
    #[token("elif")]
    Elif,
    #[token("else")]
    Else,
    #[token("except")]
    Except,
    #[token("finally")]
    Finally,
    #[token("for")]
    For,
    #[token("from")]
    From,
    #[token("global")]
    Global,
    #[token("if")]
    If,
    #[token("import")]
    Import,
    #[token("in")]
    In,
    #[token("is")]
    Is,
    #[token("lambda")]
    Lambda,
    #[token("nonlocal")]
    Nonlocal,
    #[token("not")]
    Not,
    #[token("or")]
    Or,
    #[token("pass")]
    Pass,
    #[token("raise")]
    Raise,
    #[token("return")]
    Return,
    #[token("try")]
    Try,
    #[token("while")]
    While,
    #[token("with")]
    With,
    #[token("yield")]
    Yield,

    #[token("(")]
    LPar,
    #[token(")")]
    RPar,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token(";")]
    Semi,
    #[token(".")]
    Dot,
    #[token("...")]
    Ellipsis,
    #[token("->")]
    Arrow,
    #[token(":=")]
    ColonEqual,
    #[token("=")]
    Equal,
    #[token("@")]
    At,

    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("**")]
    DoubleStar,
    #[token("/")]
    Slash,
    #[token("//")]
    DoubleSlash,
    #[token("%")]
    Percent,
    #[token("<<")]
    LShift,
    #[token(">>")]
    RShift,
    #[token("&")]
    Amper,
    #[token("|")]
    VBar,
    #[token("^")]
    Circumflex,
    #[token("~")]
    Tilde,

    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,

    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinusEqual,
    #[token("*=")]
    StarEqual,
    #[token("**=")]
    DoubleStarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("@=")]
    AtEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VBarEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token("<<=")]
    LShiftEqual,
    #[token(">>=")]
    RShiftEqual,
}

impl Tok {
    /// The bracket character for `( [ {` / `) ] }` tokens.
    pub fn bracket(&self) -> Option<char> {
        Some(match self {
            Tok::LPar | Tok::WithLPar => '(',
            Tok::LSqb => '[',
            Tok::LBrace => '{',
            Tok::RPar => ')',
            Tok::RSqb => ']',
            Tok::RBrace => '}',
            _ => return None,
        })
    }
}

/// A continuation at the very end of input has nothing to join with.
fn line_continuation(lex: &mut Lexer<'_, Tok>) -> FilterResult<(), RawError> {
    if lex.remainder().trim_matches([' ', '\t', '\x0c']).is_empty() {
        let mut e = RawError::new("unexpected EOF while parsing", lex.span().start + 1);
        e.incomplete = true;
        FilterResult::Error(e)
    } else {
        FilterResult::Skip
    }
}

/// Python accepts any XID identifier; std's alphabetic/alphanumeric tests
/// (which include most combining marks via Other_Alphabetic) stand in for the
/// XID tables. Identifiers are not NFKC-normalised.
fn name(lex: &mut Lexer<'_, Tok>) -> Result<String, RawError> {
    let s = lex.slice();
    if !s.is_ascii() {
        // NFKC is not implemented; fullwidth ASCII (the common case) is folded.
        let folded: String = s.chars().map(fold_fullwidth).collect();
        if folded.is_ascii() {
            return Ok(folded);
        }
        let start = lex.span().start;
        for (i, c) in s.char_indices() {
            let ok = c.is_ascii_alphanumeric()
                || c == '_'
                || (i == 0 && c.is_alphabetic())
                || (i > 0 && (c.is_alphanumeric() || is_joiner(c)));
            if !ok {
                return Err(bad_char(c, start + i));
            }
        }
    }
    Ok(s.to_string())
}

fn fold_fullwidth(c: char) -> char {
    match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' | '\u{FF3F}' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}' | '\u{00B7}' | '\u{0387}' | '\u{203F}' | '\u{2040}')
        || ('\u{0300}'..='\u{036F}').contains(&c)
        || ('\u{FE00}'..='\u{FE0F}').contains(&c)
        || ('\u{E0100}'..='\u{E01EF}').contains(&c)
}

fn bad_char(c: char, at: usize) -> RawError {
    if c.is_whitespace() || c.is_control() || ('\u{200B}'..='\u{200F}').contains(&c) || c == '\u{FEFF}' {
        RawError::new(format!("invalid non-printable character U+{:04X}", c as u32), at)
    } else {
        RawError::new(format!("invalid character '{c}' (U+{:04X})", c as u32), at)
    }
}

/// CPython's `verify_end_of_number`: a literal glued to a following keyword
/// (`1if x else 2`) is tolerated, glued to any other identifier is an error.
fn check_number_end(lex: &Lexer<'_, Tok>, kind: &str) -> Result<(), RawError> {
    let rest = lex.remainder();
    let at = lex.span().end;
    let Some(c) = rest.chars().next() else {
        return Ok(());
    };
    let keyword_follows = ["and", "else", "for", "if", "in", "is", "not", "or"].iter().any(|k| rest.starts_with(k));
    if keyword_follows {
        return Ok(());
    }
    if c.is_ascii_alphanumeric() || c == '_' || (!c.is_ascii() && c.is_alphanumeric()) {
        // CPython's caret: on a stray `_`, else on the literal's last char.
        let at = if c == '_' && !lex.slice().ends_with('.') { at } else { at - 1 };
        return Err(RawError::new(format!("invalid {kind} literal"), at));
    }
    Ok(())
}

fn decimal(lex: &mut Lexer<'_, Tok>) -> Result<BigInt, RawError> {
    let s = lex.slice();
    let start = lex.span().start;
    if s == "0" {
        // `0x`, `0b2`, `0o9` with no valid digit after the prefix.
        let rest = lex.remainder().as_bytes();
        if let Some(&p) = rest.first() {
            let (kind, valid): (&str, fn(u8) -> bool) = match p {
                b'x' | b'X' => ("hexadecimal", |b| b.is_ascii_hexdigit()),
                b'o' | b'O' => ("octal", |b| (b'0'..=b'7').contains(&b)),
                b'b' | b'B' => ("binary", |b| b == b'0' || b == b'1'),
                _ => ("", |_| true),
            };
            if !kind.is_empty() {
                let d = rest.get(1).copied();
                return Err(match d {
                    Some(d) if d.is_ascii_digit() && !valid(d) => {
                        RawError::new(format!("invalid digit '{}' in {kind} literal", d as char), start + 2)
                    }
                    _ => RawError::new(format!("invalid {kind} literal"), start + 1),
                });
            }
        }
    }
    check_number_end(lex, "decimal")?;
    let digits: String = s.chars().filter(|&c| c != '_').collect();
    if digits.len() > 1 && digits.starts_with('0') && digits.bytes().any(|b| b != b'0') {
        return Err(RawError::new(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            start,
        ));
    }
    Ok(parse_digits(digits.as_bytes(), 10))
}

fn radix(lex: &mut Lexer<'_, Tok>, radix: u32, kind: &str) -> Result<BigInt, RawError> {
    // A digit out of range, right after the digits or after one `_` (`0b1_2`).
    let rest = lex.remainder().as_bytes();
    let skip = usize::from(rest.first() == Some(&b'_'));
    if let Some(&d) = rest.get(skip)
        && d.is_ascii_digit()
    {
        let at = lex.span().end + skip;
        return Err(RawError::new(format!("invalid digit '{}' in {kind} literal", d as char), at));
    }
    check_number_end(lex, kind)?;
    let digits: Vec<u8> = lex.slice().bytes().skip(2).filter(|&b| b != b'_').collect();
    Ok(parse_digits(&digits, radix))
}

/// Digits were validated by the regex, so parsing cannot fail.
fn parse_digits(digits: &[u8], radix: u32) -> BigInt {
    BigInt::parse_bytes(digits, radix).unwrap_or_default()
}

fn imag(lex: &mut Lexer<'_, Tok>) -> Result<f64, RawError> {
    check_number_end(lex, "imaginary")?;
    let body = &lex.slice()[..lex.slice().len() - 1];
    let s: String = body.chars().filter(|&c| c != '_').collect();
    s.parse::<f64>().map_err(|_| RawError::new("invalid imaginary literal", lex.span().start))
}

fn float(lex: &mut Lexer<'_, Tok>) -> Result<f64, RawError> {
    check_number_end(lex, "decimal")?;
    let s: String = lex.slice().chars().filter(|&c| c != '_').collect();
    s.parse::<f64>().map_err(|_| RawError::new("invalid decimal literal", lex.span().start))
}
