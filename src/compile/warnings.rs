//! The warnings CPython 3.11's compiler gives about code that is legal but
//! almost certainly a mistake (`compile.c`: `check_compare`, `check_caller`,
//! `check_subscripter`, `check_index`, the tuple `assert`), and the
//! parser's invalid-escape warnings (`string_parser.c`). A student who
//! writes `x is 1` or forgets a comma in `[(1, 2) (3, 4)]` sees the same
//! SyntaxWarning as under python3.
//!
//! The compiler only collects them: issuing a warning runs Python (the
//! `warnings` filters), which is the caller's business (`crate::compile_source`
//! and `compile()`), after compiling.

use crate::parse::ast::{CmpOp, Constant, Expr, ExprKind, Loc, UnaryOp};

/// One warning found while parsing or compiling, in source order.
#[derive(Clone, Debug)]
pub struct CompileWarning {
    /// `SyntaxWarning` (the compiler's) or `DeprecationWarning` (invalid escapes).
    pub category: &'static str,
    pub msg: String,
    /// Where the construct starts and ends: a warning turned into an error by
    /// a filter becomes a SyntaxError pointing there, as CPython's does.
    pub loc: Loc,
    pub end: Loc,
}

impl CompileWarning {
    fn syntax(msg: String, e: &Expr) -> CompileWarning {
        CompileWarning { category: "SyntaxWarning", msg, loc: e.loc, end: e.end }
    }
}

/// The type name of the value a literal expression is known to have
/// (CPython's `infer_type`), or None when it is not known at compile time.
fn literal_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.kind {
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) | ExprKind::ListComp { .. } => "list",
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
        ExprKind::Set(_) | ExprKind::SetComp { .. } => "set",
        ExprKind::GeneratorExp { .. } => "generator",
        ExprKind::Lambda { .. } => "function",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "str",
        ExprKind::Constant(c) => constant_type(c),
        _ => constant_type(folded_number(e)?),
    })
}

fn constant_type(c: &Constant) -> &'static str {
    match c {
        Constant::None => "NoneType",
        Constant::True | Constant::False => "bool",
        Constant::Ellipsis => "ellipsis",
        Constant::Int(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex(_) => "complex",
        Constant::Str(_) | Constant::StrWide(_) => "str",
        Constant::Bytes(_) => "bytes",
    }
}

/// The number literal under a sign (`-1`, `+2.5`, `~3`) that CPython's AST
/// optimizer folds into a constant of the literal's type.
fn folded_number(e: &Expr) -> Option<&Constant> {
    let ExprKind::UnaryOp { op, operand } = &e.kind else { return None };
    match (&operand.kind, op) {
        (
            ExprKind::Constant(c @ (Constant::Int(_) | Constant::Float(_) | Constant::Complex(_))),
            UnaryOp::USub | UnaryOp::UAdd,
        ) => Some(c),
        (ExprKind::Constant(c @ Constant::Int(_)), UnaryOp::Invert) => Some(c),
        _ => None,
    }
}

/// Whether CPython's AST optimizer leaves `e` as a constant (a literal, a
/// signed number, a tuple of constants), so that the compiler sees one.
fn is_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(_) => true,
        ExprKind::Tuple(items) => items.iter().all(is_constant),
        _ => folded_number(e).is_some(),
    }
}

/// CPython's `check_is_arg`: an operand of `is` that is fine to compare by
/// identity (anything not constant, or one of the singletons).
fn is_identity_operand(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(Constant::None | Constant::True | Constant::False | Constant::Ellipsis) => true,
        _ => !is_constant(e),
    }
}

/// `x is 1`, `"a" is not s`: identity with a literal.
pub fn check_compare(left: &Expr, ops: &[CmpOp], comparators: &[Expr], whole: &Expr) -> Option<CompileWarning> {
    let mut left_ok = is_identity_operand(left);
    for (op, right) in ops.iter().zip(comparators) {
        let right_ok = is_identity_operand(right);
        if matches!(op, CmpOp::Is | CmpOp::IsNot) && !(left_ok && right_ok) {
            let msg = if *op == CmpOp::Is {
                "\"is\" with a literal. Did you mean \"==\"?"
            } else {
                "\"is not\" with a literal. Did you mean \"!=\"?"
            };
            return Some(CompileWarning::syntax(msg.to_string(), whole));
        }
        left_ok = right_ok;
    }
    None
}

/// `(1, 2)(3, 4)`: calling a literal, usually a missing comma.
pub fn check_caller(func: &Expr, call: &Expr) -> Option<CompileWarning> {
    let callable_kinds = matches!(
        func.kind,
        ExprKind::Constant(_)
            | ExprKind::Tuple(_)
            | ExprKind::List(_)
            | ExprKind::ListComp { .. }
            | ExprKind::Dict { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::Set(_)
            | ExprKind::SetComp { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::JoinedStr(_)
            | ExprKind::FormattedValue { .. }
    ) || is_constant(func);
    if !callable_kinds {
        return None;
    }
    let t = literal_type(func)?;
    Some(CompileWarning::syntax(format!("'{t}' object is not callable; perhaps you missed a comma?"), call))
}

/// `5[0]`, `{1}[0]`, `[1, 2]["a"]`: subscripting what cannot be, or with an
/// index of the wrong type (CPython's `check_subscripter` then `check_index`).
pub fn check_subscript(value: &Expr, index: &Expr, whole: &Expr) -> Option<CompileWarning> {
    let value_type = literal_type(value);
    let not_subscriptable = match &value.kind {
        ExprKind::Set(_) | ExprKind::SetComp { .. } | ExprKind::GeneratorExp { .. } | ExprKind::Lambda { .. } => true,
        _ if is_constant(value) && !matches!(value.kind, ExprKind::Tuple(_)) => {
            !matches!(value_type, Some("str" | "bytes"))
        }
        _ => false,
    };
    if not_subscriptable {
        let t = value_type?;
        return Some(CompileWarning::syntax(
            format!("'{t}' object is not subscriptable; perhaps you missed a comma?"),
            whole,
        ));
    }
    let index_type = literal_type(index)?;
    if matches!(index_type, "int" | "bool") {
        return None;
    }
    let sequence = match &value.kind {
        ExprKind::Tuple(_)
        | ExprKind::List(_)
        | ExprKind::ListComp { .. }
        | ExprKind::JoinedStr(_)
        | ExprKind::FormattedValue { .. } => true,
        _ => is_constant(value) && matches!(value_type, Some("str" | "bytes" | "tuple")),
    };
    if !sequence {
        return None;
    }
    let t = value_type?;
    Some(CompileWarning::syntax(
        format!("{t} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"),
        whole,
    ))
}

/// `assert (x, "message")`: a non-empty tuple is always true.
pub fn check_assert(test: &Expr, stmt_loc: Loc, stmt_end: Loc) -> Option<CompileWarning> {
    match &test.kind {
        ExprKind::Tuple(items) if !items.is_empty() => Some(CompileWarning {
            category: "SyntaxWarning",
            msg: "assertion is always true, perhaps remove parentheses?".to_string(),
            loc: stmt_loc,
            end: stmt_end,
        }),
        _ => None,
    }
}

/// The parser's warnings, in source order: the first invalid escape of each
/// string or bytes literal (`"\d"`, `"\777"`), a DeprecationWarning in 3.11,
/// and a number run into a keyword (`1if x else y`, `0x1for`): the
/// tokenizer's SyntaxWarning "invalid decimal literal". Scans the tokens
/// again only when the source may hold either.
pub fn escape_warnings(source: &str) -> Vec<CompileWarning> {
    let escapes = source.contains('\\');
    let numbers = number_before_keyword(source.as_bytes());
    if !escapes && !numbers {
        return Vec::new();
    }
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let tokens = crate::lex::tokenize(source, crate::lex::Mode::Module, Loc { line: 1, col: 0 });
    let lines: Vec<&str> = if numbers { source.split('\n').collect() } else { Vec::new() };
    let mut out = Vec::new();
    for (start, tok, end) in &tokens.toks {
        match tok {
            crate::lex::Tok::Str(lit) if escapes && !lit.raw => {
                if let Some(msg) = crate::lex::strings::first_invalid_escape(&lit.body, lit.bytes) {
                    out.push(CompileWarning { category: "DeprecationWarning", msg, loc: lit.loc, end: lit.end });
                }
            }
            crate::lex::Tok::Int(_) | crate::lex::Tok::Float(_) | crate::lex::Tok::Imag(_) if numbers => {
                if let Some(kind) = keyword_after_number(&lines, *start, *end) {
                    let msg = format!("invalid {kind} literal");
                    out.push(CompileWarning { category: "SyntaxWarning", msg, loc: *start, end: *end });
                }
            }
            _ => {}
        }
    }
    out
}

/// The keywords a number may run into with only a warning (CPython's
/// `verify_end_of_number`).
const KEYWORDS_AFTER_NUMBER: [&str; 8] = ["and", "else", "for", "if", "in", "is", "not", "or"];

/// Whether a digit that starts a word is followed, in the same run of word
/// characters, by one of those keywords: a cheap test before tokenizing.
fn number_before_keyword(b: &[u8]) -> bool {
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'.';
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !word(b[i - 1])) {
            let mut j = i + 1;
            while j < b.len() && word(b[j]) {
                j += 1;
            }
            let run = &b[i + 1..j];
            if KEYWORDS_AFTER_NUMBER.iter().any(|k| run.windows(k.len()).any(|w| w == k.as_bytes())) {
                return true;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    false
}

/// The literal's kind when the number token `start..end` is directly
/// followed by a keyword: "hexadecimal", "octal", "binary", "imaginary" or
/// "decimal".
fn keyword_after_number(lines: &[&str], start: Loc, end: Loc) -> Option<&'static str> {
    if start.line != end.line {
        return None;
    }
    let line = lines.get((start.line as usize).checked_sub(1)?)?;
    let text: String = line.chars().skip(start.col as usize).take((end.col - start.col) as usize).collect();
    let rest: String = line.chars().skip(end.col as usize).take(5).collect();
    if !KEYWORDS_AFTER_NUMBER.iter().any(|k| rest.starts_with(k)) {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    Some(if lower.starts_with("0x") {
        "hexadecimal"
    } else if lower.starts_with("0o") {
        "octal"
    } else if lower.starts_with("0b") {
        "binary"
    } else if lower.ends_with('j') {
        "imaginary"
    } else {
        "decimal"
    })
}
