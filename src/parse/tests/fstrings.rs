//! f-strings: structure, escapes, self-documenting fields, positions of the
//! expressions inside fields, and errors.

use super::dump::dump_all;
use super::{d, e};
use crate::parse::parse_program;

fn all(src: &str) -> String {
    dump_all(&parse_program(src).unwrap())
}

#[test]
fn parts_and_conversions() {
    assert_eq!(
        d("f'a{b!r:>{w}}c'"),
        "Expr@1:0(JoinedStr@1:0([Constant@?('a'), FormattedValue@?(Name@?(b), r, \
         JoinedStr@?([Constant@?('>'), FormattedValue@?(Name@?(w), ~, ~)])), Constant@?('c')]))\n"
    );
    assert_eq!(d("f''"), "Expr@1:0(JoinedStr@1:0([]))\n");
    assert_eq!(d("f'{{x}}'"), "Expr@1:0(JoinedStr@1:0([Constant@?('{x}')]))\n");
    assert_eq!(d("'plain'"), "Expr@1:0(Constant@1:0('plain'))\n");
}

#[test]
fn self_documenting_fields_keep_their_text() {
    let f = |s: &str| d(s).replace("@?", "");
    assert_eq!(f("f'{x=}'"), "Expr@1:0(JoinedStr@1:0([Constant('x='), FormattedValue(Name(x), r, ~)]))\n");
    assert_eq!(f("f'{x = }'"), "Expr@1:0(JoinedStr@1:0([Constant('x = '), FormattedValue(Name(x), r, ~)]))\n");
    assert_eq!(f("f'{x=!s}'"), "Expr@1:0(JoinedStr@1:0([Constant('x='), FormattedValue(Name(x), s, ~)]))\n");
    assert_eq!(
        f("f'{x=:>5}'"),
        "Expr@1:0(JoinedStr@1:0([Constant('x='), FormattedValue(Name(x), ~, JoinedStr([Constant('>5')]))]))\n"
    );
    assert_eq!(
        f("f'a{x+1=}'"),
        "Expr@1:0(JoinedStr@1:0([Constant('ax+1='), FormattedValue(BinOp(Name(x), Add, Constant(1)), r, ~)]))\n"
    );
}

#[test]
fn field_expressions_have_file_positions() {
    let out = all("y = 1; x = f\"ab{cd}ef{gh!r:>{ij}}\"");
    for want in ["Name@1:16(cd)", "Name@1:22(gh)", "Name@1:29(ij)"] {
        assert!(out.contains(want), "{want} not in {out}");
    }
    let out = all("x = f\"\"\"\n{a}\n  {b +\n  c}\n\"\"\"");
    for want in ["Name@2:1(a)", "Name@3:3(b)", "Name@4:2(c)"] {
        assert!(out.contains(want), "{want} not in {out}");
    }
    // Implicit concatenation across lines keeps each part's own position.
    let out = all("x = ('a'\n     f'{bb}')");
    assert!(out.contains("Name@2:8(bb)"), "{out}");
}

#[test]
fn nested_quotes_and_strings_inside_fields() {
    let f = |s: &str| d(s).replace("@?", "");
    assert_eq!(f("f\"{'}'}\""), "Expr@1:0(JoinedStr@1:0([FormattedValue(Constant('}'), ~, ~)]))\n");
    assert_eq!(
        f("f'{a[\"k\"]}'"),
        "Expr@1:0(JoinedStr@1:0([FormattedValue(Subscript(Name(a), Constant('k')), ~, ~)]))\n"
    );
    assert_eq!(
        f("f'''{f\"{x}\"}'''"),
        "Expr@1:0(JoinedStr@1:0([FormattedValue(JoinedStr([FormattedValue(Name(x), ~, ~)]), ~, ~)]))\n"
    );
    assert_eq!(f("f'{x!r}' 'y'"), "Expr@1:0(JoinedStr@1:0([FormattedValue(Name(x), r, ~), Constant('y')]))\n");
    assert_eq!(f("f'{a, b}'"), "Expr@1:0(JoinedStr@1:0([FormattedValue(Tuple([Name(a), Name(b)]), ~, ~)]))\n");
    assert_eq!(f("f'{yield}'"), "Expr@1:0(JoinedStr@1:0([FormattedValue(Yield(~), ~, ~)]))\n");
}

#[test]
fn escapes_in_literal_parts() {
    let f = |s: &str| d(s).replace("@?", "");
    assert_eq!(
        f(r"f'\t{x}\n'"),
        "Expr@1:0(JoinedStr@1:0([Constant('\\x09'), FormattedValue(Name(x), ~, ~), Constant('\\n')]))\n"
    );
    assert_eq!(f(r"rf'\t{x}'"), "Expr@1:0(JoinedStr@1:0([Constant('\\\\t'), FormattedValue(Name(x), ~, ~)]))\n");
    assert_eq!(f(r"f'\N{BULLET}{x}'"), "Expr@1:0(JoinedStr@1:0([Constant('•'), FormattedValue(Name(x), ~, ~)]))\n");
}

#[test]
fn errors() {
    let cases = [
        ("f'{x'", "f-string: expecting '}'"),
        ("f'{}'", "f-string: empty expression not allowed"),
        ("f'{ }'", "f-string: empty expression not allowed"),
        ("f'{x!z}'", "f-string: invalid conversion character: expected 's', 'r', or 'a'"),
        ("f'}'", "f-string: single '}' is not allowed"),
        ("f'{a:{b:{c}}}'", "f-string: expressions nested too deeply"),
        ("f'{a)}'", "f-string: unmatched ')'"),
        ("f'{a(]}'", "f-string: closing parenthesis ']' does not match opening parenthesis '('"),
        ("f'{#}'", "f-string expression part cannot include '#'"),
        (r"f'{\n}'", "f-string expression part cannot include a backslash"),
        ("f'{a b}'", "f-string: invalid syntax. Perhaps you forgot a comma?"),
        ("f'{*a}'", "f-string: cannot use starred expression here"),
        ("f'{x:{y}'", "f-string: expecting '}'"),
    ];
    for (src, msg) in cases {
        assert_eq!(e(src).msg, msg, "for {src}");
    }
    // Errors inside a field point into the field.
    let err = e("x = 1\ny = f'{a +}'");
    assert_eq!((err.msg.as_str(), err.line, err.col), ("f-string: invalid syntax", 2, 11));
}
