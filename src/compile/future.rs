//! `from __future__ import …` checked as CPython's `future.c` does before
//! compiling: only at the top of a module (after the docstring and other
//! future imports), and only features CPython 3.11 knows.

use super::codegen::{CResult, CompileError, err};
use crate::parse::ast::{Constant, ExprKind, Loc, Stmt, StmtKind};

/// The features `from __future__ import` accepts (all mandatory in 3.11
/// but `annotations`, which the compiler honours).
const FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

const LATE: &str = "from __future__ imports must occur at the beginning of the file";

/// Fails with CPython's SyntaxError on a future import after other code
/// or naming an unknown feature (`braces`: "not a chance").
pub fn check(program: &[Stmt]) -> CResult<()> {
    let mut at_top = true;
    let mut prev_line = 0;
    for (i, s) in program.iter().enumerate() {
        match &s.kind {
            StmtKind::ImportFrom { module: Some(m), names, level: 0 } if m == "__future__" => {
                if !at_top {
                    // On a later line it is the compiler that refuses it, over
                    // the whole statement; on the line of the code before it,
                    // future.c does, at its start only and with the 0-based
                    // column as the offset (one less than usual).
                    if s.loc.line > prev_line {
                        return Err(CompileError { msg: LATE.to_string(), loc: s.loc, end: Some(s.end) });
                    }
                    let loc = Loc { col: s.loc.col.saturating_sub(1), ..s.loc };
                    return Err(CompileError { msg: LATE.to_string(), loc, end: None });
                }
                for a in names {
                    if a.name == "braces" {
                        return err("not a chance", s.loc);
                    }
                    if !FEATURES.contains(&a.name.as_str()) {
                        return err(&format!("future feature {} is not defined", a.name), s.loc);
                    }
                }
            }
            StmtKind::Expr(e) if i == 0 && matches!(e.kind, ExprKind::Constant(Constant::Str(_))) => {}
            _ => at_top = false,
        }
        prev_line = s.loc.line;
    }
    Ok(())
}
