//! Expressions back to source text, for `from __future__ import annotations`
//! (PEP 563): each annotation is stored as the string CPython 3.11 makes of
//! it, so `__annotations__` and `typing.get_type_hints` see the same text.
//!
//! The layout follows CPython's rules: binding strengths decide the
//! parentheses (only where the tree needs them), spaces around binary and
//! comparison operators, constants as their `repr`, f-strings rebuilt and
//! quoted as one string.

use crate::object::numfmt::{float_repr::float_repr, str_repr};
use crate::parse::ast::{Arguments, BinOp, BoolOp, CmpOp, Comprehension, Constant, Expr, ExprKind, Keyword, UnaryOp};

// Binding strengths, weakest first (a subexpression is parenthesised when
// the context asks for more than it has).
const TUPLE: u8 = 0;
const TEST: u8 = 1;
const OR: u8 = 2;
const AND: u8 = 3;
const NOT: u8 = 4;
const CMP: u8 = 5;
const BOR: u8 = 6;
const BXOR: u8 = 7;
const BAND: u8 = 8;
const SHIFT: u8 = 9;
const ARITH: u8 = 10;
const TERM: u8 = 11;
const FACTOR: u8 = 12;
const POWER: u8 = 13;
const AWAIT: u8 = 14;
const ATOM: u8 = 15;

/// The source text of an annotation, as PEP 563 stores it.
pub fn annotation(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, TEST);
    out
}

fn binop(op: BinOp) -> (&'static str, u8) {
    match op {
        BinOp::Add => (" + ", ARITH),
        BinOp::Sub => (" - ", ARITH),
        BinOp::Mult => (" * ", TERM),
        BinOp::MatMult => (" @ ", TERM),
        BinOp::Div => (" / ", TERM),
        BinOp::FloorDiv => (" // ", TERM),
        BinOp::Mod => (" % ", TERM),
        BinOp::Pow => (" ** ", POWER),
        BinOp::LShift => (" << ", SHIFT),
        BinOp::RShift => (" >> ", SHIFT),
        BinOp::BitOr => (" | ", BOR),
        BinOp::BitXor => (" ^ ", BXOR),
        BinOp::BitAnd => (" & ", BAND),
    }
}

fn cmpop(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => " == ",
        CmpOp::NotEq => " != ",
        CmpOp::Lt => " < ",
        CmpOp::LtE => " <= ",
        CmpOp::Gt => " > ",
        CmpOp::GtE => " >= ",
        CmpOp::Is => " is ",
        CmpOp::IsNot => " is not ",
        CmpOp::In => " in ",
        CmpOp::NotIn => " not in ",
    }
}

fn open(out: &mut String, cond: bool, s: &str) {
    if cond {
        out.push_str(s);
    }
}

fn list(out: &mut String, items: &[Expr], level: u8) {
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, e, level);
    }
}

fn expr(out: &mut String, e: &Expr, level: u8) {
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let (s, pr) = if *op == BoolOp::And { (" and ", AND) } else { (" or ", OR) };
            open(out, level > pr, "(");
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(s);
                }
                expr(out, v, pr + 1);
            }
            open(out, level > pr, ")");
        }
        ExprKind::NamedExpr { target, value } => {
            open(out, level > TUPLE, "(");
            out.push_str(target);
            out.push_str(" := ");
            expr(out, value, ATOM);
            open(out, level > TUPLE, ")");
        }
        ExprKind::BinOp { left, op, right } => {
            let (s, pr) = binop(*op);
            let rassoc = u8::from(*op == BinOp::Pow);
            open(out, level > pr, "(");
            expr(out, left, pr + rassoc);
            out.push_str(s);
            expr(out, right, pr + 1 - rassoc);
            open(out, level > pr, ")");
        }
        ExprKind::UnaryOp { op, operand } => {
            let (s, pr) = match op {
                UnaryOp::Invert => ("~", FACTOR),
                UnaryOp::Not => ("not ", NOT),
                UnaryOp::UAdd => ("+", FACTOR),
                UnaryOp::USub => ("-", FACTOR),
            };
            open(out, level > pr, "(");
            out.push_str(s);
            expr(out, operand, pr);
            open(out, level > pr, ")");
        }
        ExprKind::Lambda { args, body } => {
            open(out, level > TEST, "(");
            out.push_str("lambda");
            let mut a = String::new();
            arguments(&mut a, args);
            if !a.is_empty() {
                out.push(' ');
                out.push_str(&a);
            }
            out.push_str(": ");
            expr(out, body, TEST);
            open(out, level > TEST, ")");
        }
        ExprKind::IfExp { test, body, orelse } => {
            open(out, level > TEST, "(");
            expr(out, body, TEST + 1);
            out.push_str(" if ");
            expr(out, test, TEST + 1);
            out.push_str(" else ");
            expr(out, orelse, TEST);
            open(out, level > TEST, ")");
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, TEST);
                        out.push_str(": ");
                        expr(out, v, TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, BOR);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Set(items) => {
            if items.is_empty() {
                out.push_str("{*()}");
            } else {
                out.push('{');
                list(out, items, TEST);
                out.push('}');
            }
        }
        ExprKind::List(items) => {
            out.push('[');
            list(out, items, TEST);
            out.push(']');
        }
        ExprKind::Tuple(items) => {
            if items.is_empty() {
                out.push_str("()");
                return;
            }
            open(out, level > TUPLE, "(");
            list(out, items, TEST);
            if items.len() == 1 {
                out.push(',');
            }
            open(out, level > TUPLE, ")");
        }
        ExprKind::ListComp { elt, generators } => comp(out, "[", elt, None, generators, "]"),
        ExprKind::SetComp { elt, generators } => comp(out, "{", elt, None, generators, "}"),
        ExprKind::GeneratorExp { elt, generators } => comp(out, "(", elt, None, generators, ")"),
        ExprKind::DictComp { key, value, generators } => comp(out, "{", key, Some(value), generators, "}"),
        ExprKind::Await(v) => {
            open(out, level > AWAIT, "(");
            out.push_str("await ");
            expr(out, v, ATOM);
            open(out, level > AWAIT, ")");
        }
        ExprKind::Yield(v) => match v {
            None => out.push_str("(yield)"),
            Some(v) => {
                out.push_str("(yield ");
                expr(out, v, TEST);
                out.push(')');
            }
        },
        ExprKind::YieldFrom(v) => {
            out.push_str("(yield from ");
            expr(out, v, TEST);
            out.push(')');
        }
        ExprKind::Compare { left, ops, comparators } => {
            open(out, level > CMP, "(");
            expr(out, left, CMP + 1);
            for (op, c) in ops.iter().zip(comparators) {
                out.push_str(cmpop(*op));
                expr(out, c, CMP + 1);
            }
            open(out, level > CMP, ")");
        }
        ExprKind::Call { func, args, keywords } => call(out, func, args, keywords),
        ExprKind::FormattedValue { .. } | ExprKind::JoinedStr(_) => {
            let mut body = String::new();
            fstring_part(&mut body, e);
            out.push('f');
            out.push_str(&str_repr::py_str_repr(&body));
        }
        ExprKind::Constant(c) => constant(out, c),
        ExprKind::Attribute { value, attr } => {
            expr(out, value, ATOM);
            // `1 .real`: a dot right after an int literal would make a float.
            let int_literal = matches!(value.kind, ExprKind::Constant(Constant::Int(_)));
            out.push_str(if int_literal { " ." } else { "." });
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice } => {
            expr(out, value, ATOM);
            out.push('[');
            expr(out, slice, TUPLE);
            out.push(']');
        }
        ExprKind::Starred(v) => {
            out.push('*');
            expr(out, v, BOR);
        }
        ExprKind::Name(n) => out.push_str(n),
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(out, l, TEST);
            }
            out.push(':');
            if let Some(u) = upper {
                expr(out, u, TEST);
            }
            if let Some(s) = step {
                out.push(':');
                expr(out, s, TEST);
            }
        }
    }
}

fn comp(out: &mut String, open_s: &str, elt: &Expr, value: Option<&Expr>, gens: &[Comprehension], close: &str) {
    out.push_str(open_s);
    expr(out, elt, TEST);
    if let Some(v) = value {
        out.push_str(": ");
        expr(out, v, TEST);
    }
    for g in gens {
        out.push_str(if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, TUPLE);
        out.push_str(" in ");
        expr(out, &g.iter, TEST + 1);
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(out, cond, TEST + 1);
        }
    }
    out.push_str(close);
}

fn call(out: &mut String, func: &Expr, args: &[Expr], keywords: &[Keyword]) {
    expr(out, func, ATOM);
    // A lone generator expression argument keeps its own parentheses only.
    if let [a] = args
        && keywords.is_empty()
        && matches!(a.kind, ExprKind::GeneratorExp { .. })
    {
        expr(out, a, TEST);
        return;
    }
    out.push('(');
    list(out, args, TEST);
    for (i, k) in keywords.iter().enumerate() {
        if i > 0 || !args.is_empty() {
            out.push_str(", ");
        }
        match &k.arg {
            Some(n) => {
                out.push_str(n);
                out.push('=');
            }
            None => out.push_str("**"),
        }
        expr(out, &k.value, TEST);
    }
    out.push(')');
}

/// Parameters as a lambda shows them: `a, /, b=1, *c, d, **e`.
fn arguments(out: &mut String, a: &Arguments) {
    let mut parts: Vec<String> = Vec::new();
    let positional: Vec<_> = a.posonly.iter().chain(&a.args).collect();
    let first_default = positional.len().saturating_sub(a.defaults.len());
    for (i, p) in positional.iter().enumerate() {
        let mut s = p.name.clone();
        if i >= first_default {
            s.push('=');
            expr(&mut s, &a.defaults[i - first_default], TEST);
        }
        parts.push(s);
        if i + 1 == a.posonly.len() {
            parts.push("/".into());
        }
    }
    match &a.vararg {
        Some(v) => parts.push(format!("*{}", v.name)),
        None if !a.kwonly.is_empty() => parts.push("*".into()),
        None => {}
    }
    for (i, k) in a.kwonly.iter().enumerate() {
        let mut s = k.name.clone();
        if let Some(Some(d)) = a.kw_defaults.get(i) {
            s.push('=');
            expr(&mut s, d, TEST);
        }
        parts.push(s);
    }
    if let Some(k) = &a.kwarg {
        parts.push(format!("**{}", k.name));
    }
    out.push_str(&parts.join(", "));
}

/// A float as a literal: its repr, infinity as the overflowing `1e309`.
fn float_literal(x: f64) -> String {
    if x.is_infinite() { "1e309".into() } else { float_repr(x) }
}

fn constant(out: &mut String, c: &Constant) {
    match c {
        Constant::None => out.push_str("None"),
        Constant::True => out.push_str("True"),
        Constant::False => out.push_str("False"),
        Constant::Ellipsis => out.push_str("..."),
        Constant::Int(i) => out.push_str(&i.to_string()),
        Constant::Float(f) => out.push_str(&float_literal(*f)),
        Constant::Complex(im) => {
            // repr(complex(0, im)): an integral part loses its `.0`.
            let s = float_literal(*im);
            out.push_str(s.strip_suffix(".0").unwrap_or(&s));
            out.push('j');
        }
        Constant::Str(s) => out.push_str(&str_repr::py_str_repr(s)),
        Constant::StrWide(w) => out.push_str(&str_repr::cps_repr(crate::object::str_surr::CodePoints::new(w), false)),
        Constant::Bytes(b) => out.push_str(&str_repr::py_bytes_repr(b)),
    }
}

/// The body of an f-string (before quoting): text with braces doubled, and
/// each field as `{expr!conv:spec}`.
fn fstring_part(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::JoinedStr(parts) => {
            for p in parts {
                fstring_part(out, p);
            }
        }
        ExprKind::Constant(Constant::Str(s)) => out.push_str(&s.replace('{', "{{").replace('}', "}}")),
        ExprKind::FormattedValue { value, conversion, format_spec } => {
            let mut inner = String::new();
            expr(&mut inner, value, TEST + 1);
            out.push('{');
            // `{{` would read as an escaped brace.
            if inner.starts_with('{') {
                out.push(' ');
            }
            out.push_str(&inner);
            if let Some(c) = conversion {
                out.push('!');
                out.push(*c);
            }
            if let Some(spec) = format_spec {
                out.push(':');
                fstring_part(out, spec);
            }
            out.push('}');
        }
        _ => expr(out, e, TEST + 1),
    }
}

/// Whether a module starts (after its docstring and other future imports)
/// with `from __future__ import annotations`.
pub fn future_annotations(program: &[crate::parse::ast::Stmt]) -> bool {
    use crate::parse::ast::StmtKind;
    let mut stmts = program.iter().peekable();
    if let Some(s) = stmts.peek()
        && let StmtKind::Expr(Expr { kind: ExprKind::Constant(Constant::Str(_)), .. }) = &s.kind
    {
        stmts.next();
    }
    for s in stmts {
        match &s.kind {
            StmtKind::ImportFrom { module: Some(m), names, level: 0 } if m == "__future__" => {
                if names.iter().any(|a| a.name == "annotations") {
                    return true;
                }
            }
            _ => return false,
        }
    }
    false
}
