//! Lexer and indentation-layer tests.

use num_bigint::BigInt;

use super::strings::{decode_bytes, decode_str};
use super::{Mode, Tok, tokenize};
use crate::parse::SyntaxErrorKind;
use crate::parse::ast::Loc;

/// Token kinds in a compact textual form.
fn kinds(src: &str) -> String {
    let t = tokenize(src, Mode::Module, Loc { line: 1, col: 0 });
    assert!(t.error.is_none(), "lex error {:?}", t.error);
    let v: Vec<String> = t.toks[1..]
        .iter()
        .map(|(_, tok, _)| match tok {
            Tok::Newline => "NL".into(),
            Tok::Indent => "IN".into(),
            Tok::Dedent => "DE".into(),
            Tok::Name(n) => n.clone(),
            Tok::Int(i) => i.to_string(),
            Tok::Float(f) => format!("{f:?}"),
            Tok::Str(s) => format!("s{}{}{}:{}", s.bytes as u8, s.raw as u8, s.fstring as u8, s.body),
            other => format!("{other:?}"),
        })
        .collect();
    v.join(" ")
}

fn lex_err(src: &str) -> (SyntaxErrorKind, String, u32, u32, bool) {
    let e = tokenize(src, Mode::Module, Loc { line: 1, col: 0 }).error.expect("expected a lex error");
    (e.kind, e.msg, e.line, e.col, e.incomplete)
}

#[test]
fn simple_tokens() {
    assert_eq!(kinds("x = 1"), "x Equal 1 NL");
    assert_eq!(
        kinds("a->b:=c**=d//=e...f"),
        "a Arrow b ColonEqual c DoubleStarEqual d DoubleSlashEqual e Ellipsis f NL"
    );
    assert_eq!(
        kinds("a<<=b>>=c!=d<=e>=f==g"),
        "a LShiftEqual b RShiftEqual c NotEqual d LessEqual e GreaterEqual f EqEqual g NL"
    );
    assert_eq!(kinds("if iff _if if_"), "If iff _if if_ NL");
    assert_eq!(kinds("café naïve Ωmega"), "café naïve Ωmega NL");
    assert_eq!(kinds("x # comment\n# only\ny"), "x NL y NL");
}

#[test]
fn numbers() {
    assert_eq!(kinds("0 00 0_0 123 1_000 0x1F 0X_f 0o17 0b1_01"), "0 0 0 123 1000 31 15 15 5 NL");
    assert_eq!(kinds("1.5 1. .5 1e3 1E-3 1_0.5_0 1e1_0"), "1.5 1.0 0.5 1000.0 0.001 10.5 10000000000.0 NL");
    assert_eq!(kinds("1if x else 2"), "1 If x Else 2 NL");
    assert_eq!(kinds("1..real"), "1.0 Dot real NL");
    let big = "9".repeat(50);
    let want: BigInt = big.parse().unwrap();
    assert_eq!(kinds(&big), format!("{want} NL"));
}

#[test]
fn number_errors() {
    let msg = |s: &str| lex_err(s).1;
    assert_eq!(msg("1abc"), "invalid decimal literal");
    assert_eq!(msg("0x"), "invalid hexadecimal literal");
    assert_eq!(msg("0b2"), "invalid digit '2' in binary literal");
    assert_eq!(msg("0o8"), "invalid digit '8' in octal literal");
    assert_eq!(
        msg("012"),
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
    );
    assert_eq!(msg("1_"), "invalid decimal literal");
    assert_eq!(msg("1jx"), "invalid imaginary literal");
    assert_eq!(msg("0x10j"), "invalid hexadecimal literal");
}

#[test]
fn string_prefixes_and_quotes() {
    assert_eq!(kinds("'a' \"b\" '''c''' \"\"\"d\"\"\""), "s000:a s000:b s000:c s000:d NL");
    assert_eq!(
        kinds("r'a' R'a' b'a' B'a' rb'a' bR'a' Br'a' RB'a'"),
        "s010:a s010:a s100:a s100:a s110:a s110:a s110:a s110:a NL"
    );
    assert_eq!(kinds("f'a' F'a' rf'a' fR'a' Rf'a' u'a' U'a'"), "s001:a s001:a s011:a s011:a s011:a s000:a s000:a NL");
    assert_eq!(kinds(r#"'it\'s' "q\"" r'\'' '''a'b''c'''"#), r#"s000:it\'s s000:q\" s010:\' s000:a'b''c NL"#);
    // `ub` is not a prefix: a name followed by a string.
    assert_eq!(kinds("ub'x'"), "ub s000:x NL");
    assert_eq!(kinds("'a\\\nb'"), "s000:a\\\nb NL");
}

#[test]
fn string_errors() {
    assert_eq!(
        lex_err("x = 'abc\ny"),
        (SyntaxErrorKind::SyntaxError, "unterminated string literal (detected at line 1)".into(), 1, 5, false)
    );
    assert_eq!(
        lex_err("x = '''abc\n\n"),
        (
            SyntaxErrorKind::SyntaxError,
            "unterminated triple-quoted string literal (detected at line 2)".into(),
            1,
            5,
            true
        )
    );
    assert_eq!(lex_err("'abc\\").1, "unterminated string literal (detected at line 1)");
}

#[test]
fn escapes() {
    assert_eq!(decode_str(r"a\tb\n\\\'\x41\101\u00e9\U0001F600\N{EM DASH}\q", false).unwrap(), "a\tb\n\\'AAé😀—\\q");
    assert_eq!(decode_str(r"\0\7\77\777", false).unwrap(), "\0\x07?\u{1ff}");
    assert_eq!(decode_str("line\\\ncont", false).unwrap(), "linecont");
    assert_eq!(decode_str("a\r\nb\rc", false).unwrap(), "a\nb\nc");
    assert_eq!(decode_str(r"\n", true).unwrap(), "\\n");
    assert!(decode_str(r"\x4", false).is_err());
    assert!(decode_str(r"\u12", false).is_err());
    assert!(decode_str(r"\N{NO SUCH NAME}", false).is_err());
    assert!(decode_str(r"\U00110000", false).is_err());
    assert_eq!(decode_bytes(r"\x00\xff\n\101\u1234", false).unwrap(), b"\x00\xff\nA\\u1234");
    assert_eq!(decode_bytes(r"\x00", true).unwrap(), b"\\x00");
    assert!(decode_bytes("é", false).is_err());
    assert!(decode_bytes(r"\x4", false).is_err());
}

#[test]
fn indentation() {
    assert_eq!(kinds("if x:\n    y\nz"), "If x Colon NL IN y NL DE z NL");
    assert_eq!(kinds("if x:\n  if y:\n    z\nw\n"), "If x Colon NL IN If y Colon NL IN z NL DE DE w NL");
    // Blank lines, comment lines and bracketed continuation lines are ignored.
    assert_eq!(
        kinds("if x:\n\n    # c\n        # d\n    y = (1,\n  2)\n"),
        "If x Colon NL IN y Equal LPar 1 Comma 2 RPar NL DE"
    );
    assert_eq!(kinds("x = 1 + \\\n        2\n"), "x Equal 1 Plus 2 NL");
    // EOF closes every block, with a NEWLINE first if the line had none.
    assert_eq!(kinds("if x:\n  if y:\n    z"), "If x Colon NL IN If y Colon NL IN z NL DE DE");
    assert_eq!(kinds("\n\n   \n"), "");
    // Tabs go to the next multiple of 8, consistently used.
    assert_eq!(kinds("if x:\n\ty\n\tif z:\n\t\tw\n"), "If x Colon NL IN y NL If z Colon NL IN w NL DE DE");
    assert_eq!(kinds("if x:\n \ty\n"), "If x Colon NL IN y NL DE");
}

#[test]
fn indentation_errors() {
    let (kind, msg, line, col, _) = lex_err("if x:\n        y\n\tz\n");
    assert_eq!(
        (kind, msg.as_str(), line, col),
        (SyntaxErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", 3, 1)
    );
    let (kind, msg, line, _, _) = lex_err("if x:\n    y\n  z\n");
    assert_eq!(
        (kind, msg.as_str(), line),
        (SyntaxErrorKind::IndentationError, "unindent does not match any outer indentation level", 3)
    );
    let (kind, ..) = lex_err("if x:\n\ty\n        z\n");
    assert_eq!(kind, SyntaxErrorKind::TabError);
}

#[test]
fn brackets() {
    assert_eq!(lex_err("(]").1, "closing parenthesis ']' does not match opening parenthesis '('");
    assert_eq!(lex_err("(\n]").1, "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
    assert_eq!(lex_err("x)").1, "unmatched ')'");
    assert_eq!(lex_err("f(a, [b,\n").1, "'[' was never closed");
    assert!(lex_err("f(a, [b,\n").4, "an unclosed bracket means the input is incomplete");
}

#[test]
fn positions_are_in_characters() {
    let t = tokenize("é = 'ü'; x\n  \ty", Mode::Module, Loc { line: 1, col: 0 });
    let locs: Vec<(u32, u32)> = t.toks.iter().map(|(l, _, _)| (l.line, l.col)).collect();
    assert_eq!(&locs[1..6], &[(1, 0), (1, 2), (1, 4), (1, 7), (1, 9)]);
    // An unexpected indent is the parser's business, not the lexer's.
    assert!(t.error.is_none());
}

#[test]
fn field_mode_offsets_positions() {
    let t = tokenize("a +\n b", Mode::FieldExpr, Loc { line: 3, col: 10 });
    assert!(t.error.is_none());
    let locs: Vec<(u32, u32)> = t.toks.iter().map(|(l, _, _)| (l.line, l.col)).collect();
    // StartExpr, synthetic '(', a, +, b, synthetic ')'.
    assert_eq!(locs, vec![(3, 9), (3, 9), (3, 10), (3, 12), (4, 1), (4, 2)]);
}

#[test]
fn with_parens_are_marked_only_before_colon() {
    assert_eq!(kinds("with (a, b):\n pass"), "With WithLPar a Comma b RPar Colon NL IN Pass NL DE");
    assert_eq!(kinds("with (a, b) as c:\n pass"), "With LPar a Comma b RPar As c Colon NL IN Pass NL DE");
}

#[test]
fn crlf_sources_parse_like_lf() {
    let lf = "if x:\n    y = '''a\nb'''\nz = 2\n";
    let crlf = lf.replace('\n', "\r\n");
    let a = crate::parse::parse_program(lf).unwrap();
    let b = crate::parse::parse_program(&crlf).unwrap();
    assert_eq!(format!("{a:?}"), format!("{b:?}"));
}

#[test]
fn bom_and_form_feed() {
    assert!(crate::parse::parse_program("\u{feff}x = 1\n").is_ok());
    assert!(crate::parse::parse_program("x = 1\n\x0cy = 2\n").is_ok());
}

#[test]
fn soft_keywords_match_case() {
    // A match statement: `match` and `case` become keywords.
    assert_eq!(
        kinds("match x:\n    case 1:\n        pass\n    case _: pass\n"),
        "Match x Colon NL IN Case 1 Colon NL IN Pass NL DE Case _ Colon Pass NL DE"
    );
    assert_eq!(
        kinds("match (x):\n case [a]:\n  pass\n"),
        "Match LPar x RPar Colon NL IN Case LSqb a RSqb Colon NL IN Pass NL DE DE"
    );
    // Names everywhere else.
    assert_eq!(kinds("match = 3"), "match Equal 3 NL");
    assert_eq!(kinds("match(x)"), "match LPar x RPar NL");
    assert_eq!(kinds("match.a = 1"), "match Dot a Equal 1 NL");
    assert_eq!(kinds("match: int = 1"), "match Colon int Equal 1 NL");
    assert_eq!(kinds("case = 1"), "case Equal 1 NL");
    assert_eq!(kinds("case(x)"), "case LPar x RPar NL");
    // `case` outside a match block stays a name even in a header-like line.
    assert_eq!(kinds("if x:\n    case[0]: int = 1\n"), "If x Colon NL IN case LSqb 0 RSqb Colon int Equal 1 NL DE");
    // Inside a case body, a nested `case` name is a name again.
    assert_eq!(
        kinds("match x:\n    case 1:\n        case = 2\n"),
        "Match x Colon NL IN Case 1 Colon NL IN case Equal 2 NL DE DE"
    );
}
