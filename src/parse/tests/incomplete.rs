//! The REPL's question: did the input just end too early?

use crate::parse::{SyntaxErrorKind, parse_program};

fn incomplete(src: &str) -> bool {
    match parse_program(src) {
        Ok(_) => panic!("{src:?} parsed"),
        Err(e) => e.incomplete,
    }
}

#[test]
fn unfinished_input_is_incomplete() {
    for src in [
        "if x:",
        "if x:\n",
        "def f():\n",
        "class A:",
        "for x in y:\n",
        "while True:",
        "with a as b:",
        "try:",
        "try:\n  pass\n",
        "if x:\n    pass\nelse:\n",
        "async def f():",
        "@dec\n",
        "@dec",
        "x = (",
        "x = [1,\n2,\n",
        "f(a,\n",
        "d = {'a':",
        "s = '''abc",
        "s = \"\"\"abc\n\ndef",
        "x = 1 + \\",
        "x = 1 + \\\n",
        "\\",
    ] {
        assert!(incomplete(src), "{src:?} should be incomplete");
    }
}

#[test]
fn real_errors_are_not_incomplete() {
    for src in ["x = 1 +", "x = )", "s = 'abc", "if x\n", "1 = 2", "  x", "x = 1 2", "f(a b)\n", "def f(a=1, b): pass"]
    {
        assert!(!incomplete(src), "{src:?} should be a plain error");
    }
}

#[test]
fn block_header_at_eof_reports_expected_block() {
    let e = parse_program("for x in y:\n").unwrap_err();
    assert_eq!(e.kind, SyntaxErrorKind::IndentationError);
    assert_eq!(e.msg, "expected an indented block after 'for' statement on line 1");
    assert_eq!((e.line, e.col), (1, 12));
    assert!(e.incomplete);
}

#[test]
fn complete_blocks_parse() {
    for src in ["if x:\n    pass\n", "if x:\n    pass", "def f():\n    return 1\n    ", "x = 1\n\n\n"] {
        assert!(parse_program(src).is_ok(), "{src:?}");
    }
}
