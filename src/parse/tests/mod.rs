//! Parser tests. `dump` renders the AST in a compact form that
//! gen_expected.py also produces from CPython's `ast`, so corpus.txt is
//! checked node by node (positions included) against CPython 3.11.

mod dump;
mod errors;
mod fstrings;
mod incomplete;
mod robust;

use super::{SyntaxErrorInfo, SyntaxErrorKind, parse_program};
pub use dump::dump;

/// Parses and dumps, panicking with the error on failure.
pub fn d(src: &str) -> String {
    match parse_program(src) {
        Ok(p) => dump(&p),
        Err(e) => panic!("parse failed for {src:?}: {e:?}"),
    }
}

/// Parses, expecting failure.
pub fn e(src: &str) -> SyntaxErrorInfo {
    match parse_program(src) {
        Ok(p) => panic!("expected an error for {src:?}, got {}", dump(&p)),
        Err(e) => e,
    }
}

#[test]
fn corpus_matches_cpython() {
    let srcs = include_str!("corpus.txt").split("#####\n");
    let expected = include_str!("corpus_expected.txt").split("#####\n");
    let mut failures = Vec::new();
    for (src, want) in srcs.zip(expected) {
        match parse_program(src) {
            Ok(p) => {
                let got = dump(&p);
                if got != want {
                    for (g, w) in got.lines().zip(want.lines()) {
                        if g != w {
                            failures.push(format!("--- source:\n{src}--- got:\n{g}\n--- want:\n{w}\n"));
                        }
                    }
                    if got.lines().count() != want.lines().count() {
                        failures.push(format!("--- source:\n{src}--- got:\n{got}--- want:\n{want}"));
                    }
                }
            }
            Err(e) => failures.push(format!("--- source:\n{src}--- error: {e:?}\n")),
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn smoke_kinds() {
    assert_eq!(e("  x").kind, SyntaxErrorKind::IndentationError);
}
