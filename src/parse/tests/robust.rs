//! Hostile input: nothing may panic, overflow the stack or take long.

use std::time::{Duration, Instant};

use super::{d, e};
use crate::parse::parse_program;

/// Fails if parsing `src` takes more than `limit`.
fn timed(src: &str, limit: Duration) -> Result<usize, String> {
    let t = Instant::now();
    let r = parse_program(src).map(|p| p.len()).map_err(|e| e.msg);
    assert!(t.elapsed() < limit, "took {:?}", t.elapsed());
    r
}

#[test]
fn deep_parentheses_are_refused_not_overflowed() {
    let src = "(".repeat(10_000) + &")".repeat(10_000);
    let err = e(&src);
    assert_eq!(err.msg, "too many nested parentheses");
    assert_eq!((err.line, err.col), (1, 201));
    let ok = "x = ".to_string() + &"(".repeat(200) + "1" + &")".repeat(200);
    d(&ok);
    let lists = "[".repeat(5000);
    assert_eq!(e(&lists).msg, "too many nested parentheses");
}

#[test]
fn long_operator_chains_are_bounded() {
    let limit = Duration::from_secs(10);
    let sum = "x = ".to_string() + &vec!["1"; 100_000].join("+");
    assert!(timed(&sum, limit).unwrap_err().contains("too many nested"));
    // The chain is refused as soon as it gets too long, before the error.
    let bad = sum.clone() + " +";
    assert!(timed(&bad, limit).unwrap_err().contains("too many nested"));
    let neg = "x = ".to_string() + &"-".repeat(100_000) + "1";
    assert!(timed(&neg, limit).unwrap_err().contains("too many nested"));
    let nots = "not ".repeat(50_000) + "x";
    assert!(timed(&nots, limit).is_err());
    let attrs = "a".to_string() + &".b".repeat(50_000);
    assert!(timed(&attrs, limit).is_err());
    let calls = "f".to_string() + &"()".repeat(50_000);
    assert!(timed(&calls, limit).is_err());
    let pow = "2".to_string() + &"**2".repeat(50_000);
    assert!(timed(&pow, limit).is_err());
    let ifs = "x = ".to_string() + &"1 if 1 else ".repeat(20_000) + "2";
    assert!(timed(&ifs, limit).is_err());
    let lambdas = "lambda: ".repeat(20_000) + "1";
    assert!(timed(&lambdas, limit).is_err());
    let elifs = "if a: pass\n".to_string() + &"elif a: pass\n".repeat(20_000);
    assert!(timed(&elifs, limit).is_err());
    // Moderate nesting is fine.
    d(&("x = ".to_string() + &vec!["1"; 500].join("+")));
    d(&("if a: pass\n".to_string() + &"elif a: pass\n".repeat(500)));
}

#[test]
fn deep_indentation_is_refused() {
    let mut src = String::new();
    for i in 0..150 {
        src += &" ".repeat(i);
        src += "if 1:\n";
    }
    src += &" ".repeat(150);
    src += "pass\n";
    let err = e(&src);
    assert_eq!(err.msg, "too many levels of indentation");
    assert_eq!(err.line, 101);
}

#[test]
fn huge_int_literal_is_fast() {
    let digits = "7".repeat(100_000);
    let src = format!("x = {digits}\n");
    assert_eq!(timed(&src, Duration::from_secs(5)), Ok(1));
    let hex = format!("x = 0x{}\n", "f".repeat(100_000));
    assert_eq!(timed(&hex, Duration::from_secs(5)), Ok(1));
}

#[test]
fn big_flat_program_is_fast() {
    let line = "x = [1, 2.5, 'abc', f'{y}', (a, b), {k: v}] + foo(bar, *baz, q=1)\n";
    let src = line.repeat(20_000);
    assert_eq!(timed(&src, Duration::from_secs(20)), Ok(20_000));
    let one_line = format!("x = [{}]\n", vec!["1"; 200_000].join(", "));
    assert_eq!(timed(&one_line, Duration::from_secs(20)), Ok(1));
}

#[test]
fn nasty_little_inputs() {
    for src in [
        "\\",
        "\\\n",
        "x\\",
        "'",
        "\"",
        "'''",
        "f'",
        "f'{",
        "f'{'",
        "f'{x",
        "f'{x!",
        "f'{x:",
        "f'{x:{",
        "b'",
        "\r",
        "\r\n",
        "\t",
        "\x0c",
        "(",
        ")",
        "[",
        "}",
        "@",
        "@\n",
        "def",
        "class A(",
        "lambda",
        "lambda:",
        "if",
        "if x:",
        "else",
        "*",
        "**",
        "x = *",
        "f(**)",
        "a[",
        "a[:",
        "{**}",
        "not",
        "await",
        "yield from",
        "from",
        "from .",
        "import .",
        "with (",
        "with (a",
        "with (a as",
        "with ()",
        "with ():",
        "\u{feff}x = 1",
        "x = 1\u{2028}",
        "\u{85}",
        "€",
        "0",
        "0x",
        "1e",
        "1.e",
        ".",
        "...",
        "1_",
        "0b",
        "0o",
        "09",
        "1j",
        "'\\N'",
        "'\\N{'",
        "'\\u12'",
        "'\\U110000'",
        "f'{a!}'",
        "f'{!r}'",
        "f'{:}'",
        "f'{=}'",
        "f'{a=!'",
        "f'{\"'",
        "f'{'''}'",
        "f'{f\"{f'{x}'}\"}'",
        "async",
        "async x",
        "try:\n  pass\nexcept",
        "for",
        "for x in",
        "while",
        "del",
        "del ()",
        "global",
        "nonlocal x,",
        "x: ",
        "x += ",
        "a, *b, *c = d",
        "def f(a, /, /): pass",
        "def f(*, /): pass",
        "f(*)",
        "f(a for a in b for)",
    ] {
        let _ = parse_program(src);
    }
}

#[test]
fn null_bytes() {
    let err = e("x = 1\ny = '\0'\n");
    assert_eq!(err.msg, "source code cannot contain null bytes");
    assert_eq!((err.line, err.col), (2, 6));
}

/// A small deterministic xorshift generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..2000 {
        let len = (rng.next() % 64) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let src = String::from_utf8_lossy(&bytes).replace('\0', " ");
        let _ = parse_program(&src);
    }
}

#[test]
fn random_python_fragments_never_panic() {
    const PIECES: &[&str] = &[
        "x", "1", "'s'", "f'{x}'", "(", ")", "[", "]", "{", "}", ":", ",", "=", "+", "-", "*", "**", ".", "lambda",
        "if", "else", "for", "in", "not", "and", "def", "class", "return", "yield", "await", "async", "with", "as",
        "\n", "\n    ", "\n\t", " ", ";", "@", ":=", "->", "import", "from", "try", "except", "finally", "while",
        "\\\n", "#c\n", "'''", "\"", "0x", "1.5", "...", "del", "global", "pass", "elif", "is", "or", "|", "~",
    ];
    let mut rng = Rng(12345);
    for _ in 0..3000 {
        let n = (rng.next() % 24) as usize;
        let src: String = (0..n).map(|_| PIECES[(rng.next() % PIECES.len() as u64) as usize]).collect();
        let _ = parse_program(&src);
    }
}
