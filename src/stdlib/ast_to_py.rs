//! `ast.parse`: gilt's syntax tree (parse/ast.rs) turned into the node
//! objects of the `_ast` module, as `compile(..., PyCF_ONLY_AST)` returns
//! them in CPython 3.11: expression contexts (`Load`/`Store`/`Del`) derived
//! from where an expression sits, and positions with columns in UTF-8 bytes
//! (gilt counts characters).

use std::collections::HashMap;
use std::sync::Arc;

use crate::object::class::{Class, Instance, Payload};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::parse::ast::*;
use crate::vm::{PyResult, Vm};

/// An expression context (`expr_context`): what a `Name`, `Attribute`,
/// `Subscript`, `Starred`, `List` or `Tuple` node is used for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Ctx {
    Load,
    Store,
    Del,
}

impl Ctx {
    pub(super) fn name(self) -> &'static str {
        match self {
            Ctx::Load => "Load",
            Ctx::Store => "Store",
            Ctx::Del => "Del",
        }
    }
}

/// The converter: the `_ast` classes and the source's lines (for byte columns).
pub struct ToPy<'s> {
    classes: Arc<Dict>,
    lines: Vec<&'s str>,
    /// One shared instance per field-less node (`Load`, `Add`, …), as CPython.
    singletons: HashMap<&'static str, Value>,
}

type Fields = Vec<(&'static str, Value)>;

impl<'s> ToPy<'s> {
    /// A converter for a tree parsed from `src`, over the `_ast` module's dict.
    pub fn new(classes: Arc<Dict>, src: &'s str) -> ToPy<'s> {
        ToPy { classes, lines: src.split('\n').collect(), singletons: HashMap::new() }
    }

    /// Every name used here is in `_ast`'s grammar table; if a user deleted
    /// one, the node comes out as None rather than failing.
    fn class(&self, name: &str) -> Option<Arc<Class>> {
        match self.classes.get_item_str(name) {
            Some(Value::Class(c)) => Some(c),
            _ => None,
        }
    }

    /// The UTF-8 byte column of character column `col` on `line`.
    fn bcol(&self, line: u32, col: u32) -> i64 {
        let Some(text) = self.lines.get((line as usize).wrapping_sub(1)) else { return col as i64 };
        if text.is_ascii() {
            return col as i64;
        }
        let mut bytes = 0usize;
        let mut chars = text.chars();
        for _ in 0..col {
            match chars.next() {
                Some(c) => bytes += c.len_utf8(),
                None => bytes += 1,
            }
        }
        bytes as i64
    }

    fn node(&mut self, name: &str, fields: Fields, span: Option<(Loc, Loc)>) -> Value {
        let Some(cls) = self.class(name) else { return Value::None };
        let inst = Instance::new(cls, Payload::None);
        for (k, v) in fields {
            inst.dict.set_item_str(k, v);
        }
        if let Some((l, e)) = span {
            inst.dict.set_item_str("lineno", Value::Int(l.line as i64));
            inst.dict.set_item_str("col_offset", Value::Int(self.bcol(l.line, l.col)));
            inst.dict.set_item_str("end_lineno", Value::Int(e.line as i64));
            inst.dict.set_item_str("end_col_offset", Value::Int(self.bcol(e.line, e.col)));
        }
        Value::Instance(Arc::new(inst))
    }

    fn singleton(&mut self, name: &'static str) -> Value {
        if let Some(v) = self.singletons.get(name) {
            return v.clone();
        }
        let v = self.node(name, vec![], None);
        self.singletons.insert(name, v.clone());
        v
    }

    fn opt_expr(&mut self, e: Option<&Expr>, ctx: Ctx) -> Value {
        match e {
            Some(e) => self.expr(e, ctx),
            None => Value::None,
        }
    }

    fn exprs(&mut self, es: &[Expr], ctx: Ctx) -> Value {
        Value::list(es.iter().map(|e| self.expr(e, ctx)).collect())
    }

    fn stmts(&mut self, ss: &[Stmt]) -> Value {
        Value::list(ss.iter().map(|s| self.stmt(s)).collect())
    }

    fn ident(s: &str) -> Value {
        Value::str(s)
    }

    fn opt_ident(s: &Option<String>) -> Value {
        s.as_deref().map_or(Value::None, Value::str)
    }

    /// `Module(body, type_ignores)`.
    pub fn module(&mut self, prog: &[Stmt]) -> Value {
        let body = self.stmts(prog);
        self.node("Module", vec![("body", body), ("type_ignores", Value::list(vec![]))], None)
    }

    /// `Interactive(body)`.
    pub fn interactive(&mut self, prog: &[Stmt]) -> Value {
        let body = self.stmts(prog);
        self.node("Interactive", vec![("body", body)], None)
    }

    /// `Expression(body)`.
    pub fn expression(&mut self, e: &Expr) -> Value {
        let body = self.expr(e, Ctx::Load);
        self.node("Expression", vec![("body", body)], None)
    }

    /// `FunctionType(argtypes, returns)`.
    pub fn function_type(&mut self, args: &[Expr], returns: &Expr) -> Value {
        let argtypes = self.exprs(args, Ctx::Load);
        let returns = self.expr(returns, Ctx::Load);
        self.node("FunctionType", vec![("argtypes", argtypes), ("returns", returns)], None)
    }

    /// A statement's end when the parser left it unset (an `elif`'s If):
    /// the end of its last nested statement.
    fn stmt_end(s: &Stmt) -> Loc {
        if s.end.line != 0 {
            return s.end;
        }
        let last = |b: &[Stmt]| b.last().map(Self::stmt_end);
        let end = match &s.kind {
            StmtKind::If { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::For { body, orelse, .. } => last(orelse).or_else(|| last(body)),
            StmtKind::Try { body, handlers, orelse, finalbody } => last(finalbody)
                .or_else(|| last(orelse))
                .or_else(|| handlers.last().and_then(|h| last(&h.body)))
                .or_else(|| last(body)),
            StmtKind::With { body, .. } => last(body),
            StmtKind::FunctionDef(f) => last(&f.body),
            StmtKind::ClassDef(c) => last(&c.body),
            StmtKind::Match { cases, .. } => cases.last().and_then(|c| last(&c.body)),
            _ => None,
        };
        end.unwrap_or(s.loc)
    }

    /// An expression's end when the parser left it unset (`*x` in a call).
    fn expr_end(e: &Expr) -> Loc {
        if e.end.line != 0 {
            return e.end;
        }
        match &e.kind {
            ExprKind::Starred(v) | ExprKind::Await(v) | ExprKind::YieldFrom(v) => Self::expr_end(v),
            ExprKind::UnaryOp { operand, .. } => Self::expr_end(operand),
            _ => e.loc,
        }
    }

    /// An f-string: in CPython 3.11 its constant parts and fields (and a
    /// field's format spec) all carry the span of the whole literal, while
    /// the expressions inside fields keep their own.
    fn joined(&mut self, values: &[Expr], span: (Loc, Loc)) -> Value {
        let mut parts = Vec::new();
        for p in values {
            let v = match &p.kind {
                ExprKind::FormattedValue { value, conversion, format_spec } => {
                    let spec = match format_spec.as_deref() {
                        Some(Expr { kind: ExprKind::JoinedStr(vs), .. }) => self.joined(vs, span),
                        Some(other) => self.expr(other, Ctx::Load),
                        None => Value::None,
                    };
                    let fields = vec![
                        ("value", self.expr(value, Ctx::Load)),
                        ("conversion", Value::Int(conversion.map_or(-1, |c| c as i64))),
                        ("format_spec", spec),
                    ];
                    self.node("FormattedValue", fields, Some(span))
                }
                ExprKind::Constant(c) => self.node(
                    "Constant",
                    vec![("value", crate::compile::constant_value(c)), ("kind", Value::None)],
                    Some(span),
                ),
                _ => self.expr(p, Ctx::Load),
            };
            parts.push(v);
        }
        self.node("JoinedStr", vec![("values", Value::list(parts))], Some(span))
    }

    fn stmt(&mut self, s: &Stmt) -> Value {
        let span = Some((s.loc, Self::stmt_end(s)));
        let (name, fields): (&str, Fields) = match &s.kind {
            StmtKind::Expr(e) => ("Expr", vec![("value", self.expr(e, Ctx::Load))]),
            StmtKind::Assign { targets, value } => (
                "Assign",
                vec![
                    ("targets", self.exprs(targets, Ctx::Store)),
                    ("value", self.expr(value, Ctx::Load)),
                    ("type_comment", Value::None),
                ],
            ),
            StmtKind::AugAssign { target, op, value } => (
                "AugAssign",
                vec![
                    ("target", self.expr(target, Ctx::Store)),
                    ("op", self.singleton(binop_name(*op))),
                    ("value", self.expr(value, Ctx::Load)),
                ],
            ),
            StmtKind::AnnAssign { target, annotation, value } => {
                // `simple`: a bare name, not written in parentheses.
                let simple = matches!(target.kind, ExprKind::Name(_)) && target.loc == s.loc;
                (
                    "AnnAssign",
                    vec![
                        ("target", self.expr(target, Ctx::Store)),
                        ("annotation", self.expr(annotation, Ctx::Load)),
                        ("value", self.opt_expr(value.as_ref(), Ctx::Load)),
                        ("simple", Value::Int(simple as i64)),
                    ],
                )
            }
            StmtKind::If { test, body, orelse } => (
                "If",
                vec![("test", self.expr(test, Ctx::Load)), ("body", self.stmts(body)), ("orelse", self.stmts(orelse))],
            ),
            StmtKind::While { test, body, orelse } => (
                "While",
                vec![("test", self.expr(test, Ctx::Load)), ("body", self.stmts(body)), ("orelse", self.stmts(orelse))],
            ),
            StmtKind::For { target, iter, body, orelse, is_async } => (
                if *is_async { "AsyncFor" } else { "For" },
                vec![
                    ("target", self.expr(target, Ctx::Store)),
                    ("iter", self.expr(iter, Ctx::Load)),
                    ("body", self.stmts(body)),
                    ("orelse", self.stmts(orelse)),
                    ("type_comment", Value::None),
                ],
            ),
            StmtKind::Break => ("Break", vec![]),
            StmtKind::Continue => ("Continue", vec![]),
            StmtKind::Pass => ("Pass", vec![]),
            StmtKind::Return(v) => ("Return", vec![("value", self.opt_expr(v.as_ref(), Ctx::Load))]),
            StmtKind::Delete(ts) => ("Delete", vec![("targets", self.exprs(ts, Ctx::Del))]),
            StmtKind::Assert { test, msg } => {
                ("Assert", vec![("test", self.expr(test, Ctx::Load)), ("msg", self.opt_expr(msg.as_ref(), Ctx::Load))])
            }
            StmtKind::Global(names) => {
                ("Global", vec![("names", Value::list(names.iter().map(|n| Self::ident(n)).collect()))])
            }
            StmtKind::Nonlocal(names) => {
                ("Nonlocal", vec![("names", Value::list(names.iter().map(|n| Self::ident(n)).collect()))])
            }
            StmtKind::Import(names) => ("Import", vec![("names", self.aliases(names))]),
            StmtKind::ImportFrom { module, names, level } => (
                "ImportFrom",
                vec![
                    ("module", Self::opt_ident(module)),
                    ("names", self.aliases(names)),
                    ("level", Value::Int(*level as i64)),
                ],
            ),
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                let star = handlers.iter().any(|h| h.star);
                let hs = Value::list(handlers.iter().map(|h| self.handler(h)).collect());
                (
                    if star { "TryStar" } else { "Try" },
                    vec![
                        ("body", self.stmts(body)),
                        ("handlers", hs),
                        ("orelse", self.stmts(orelse)),
                        ("finalbody", self.stmts(finalbody)),
                    ],
                )
            }
            StmtKind::Raise { exc, cause } => (
                "Raise",
                vec![
                    ("exc", self.opt_expr(exc.as_ref(), Ctx::Load)),
                    ("cause", self.opt_expr(cause.as_ref(), Ctx::Load)),
                ],
            ),
            StmtKind::With { items, body, is_async } => {
                let items = Value::list(
                    items
                        .iter()
                        .map(|w| {
                            let c = self.expr(&w.context, Ctx::Load);
                            let t = self.opt_expr(w.target.as_ref(), Ctx::Store);
                            self.node("withitem", vec![("context_expr", c), ("optional_vars", t)], None)
                        })
                        .collect(),
                );
                (
                    if *is_async { "AsyncWith" } else { "With" },
                    vec![("items", items), ("body", self.stmts(body)), ("type_comment", Value::None)],
                )
            }
            StmtKind::FunctionDef(f) => (
                if f.is_async { "AsyncFunctionDef" } else { "FunctionDef" },
                vec![
                    ("name", Self::ident(&f.name)),
                    ("args", self.arguments(&f.args)),
                    ("body", self.stmts(&f.body)),
                    ("decorator_list", self.exprs(&f.decorators, Ctx::Load)),
                    ("returns", self.opt_expr(f.returns.as_ref(), Ctx::Load)),
                    ("type_comment", Value::None),
                ],
            ),
            StmtKind::ClassDef(c) => (
                "ClassDef",
                vec![
                    ("name", Self::ident(&c.name)),
                    ("bases", self.exprs(&c.bases, Ctx::Load)),
                    ("keywords", self.keywords(&c.keywords)),
                    ("body", self.stmts(&c.body)),
                    ("decorator_list", self.exprs(&c.decorators, Ctx::Load)),
                ],
            ),
            StmtKind::Match { subject, cases } => {
                let subject = self.expr(subject, Ctx::Load);
                let cases = Value::list(
                    cases
                        .iter()
                        .map(|c| {
                            let p = self.pattern(&c.pattern);
                            let g = self.opt_expr(c.guard.as_ref(), Ctx::Load);
                            let b = self.stmts(&c.body);
                            self.node("match_case", vec![("pattern", p), ("guard", g), ("body", b)], None)
                        })
                        .collect(),
                );
                ("Match", vec![("subject", subject), ("cases", cases)])
            }
        };
        self.node(name, fields, span)
    }

    fn handler(&mut self, h: &ExceptHandler) -> Value {
        let end = h.body.last().map_or(h.loc, Self::stmt_end);
        let fields = vec![
            ("type", self.opt_expr(h.typ.as_ref(), Ctx::Load)),
            ("name", Self::opt_ident(&h.name)),
            ("body", self.stmts(&h.body)),
        ];
        self.node("ExceptHandler", fields, Some((h.loc, end)))
    }

    fn aliases(&mut self, names: &[Alias]) -> Value {
        Value::list(
            names
                .iter()
                .map(|a| {
                    let end = self.alias_end(a);
                    let fields = vec![("name", Self::ident(&a.name)), ("asname", Self::opt_ident(&a.asname))];
                    self.node("alias", fields, Some((a.loc, end)))
                })
                .collect(),
        )
    }

    /// Where an import's `name [as asname]` ends: found in the source text
    /// (the tree keeps only the start).
    fn alias_end(&self, a: &Alias) -> Loc {
        let last = a.asname.as_deref().unwrap_or(&a.name);
        let last = last.rsplit('.').next().unwrap_or(last);
        let text: Vec<char> = self.lines.get((a.loc.line as usize).wrapping_sub(1)).unwrap_or(&"").chars().collect();
        let from = a.loc.col as usize;
        let needle: Vec<char> = last.chars().collect();
        let mut i = from;
        // The first occurrence of the last word after the start that ends a word.
        while i + needle.len() <= text.len() {
            let word = |c: &char| c.is_alphanumeric() || *c == '_';
            let ends_word = text.get(i + needle.len()).is_none_or(|c| !word(c));
            let starts_word = i == 0 || !word(&text[i - 1]);
            if text[i..i + needle.len()] == needle[..] && ends_word && starts_word && (a.asname.is_none() || i > from) {
                return Loc { line: a.loc.line, col: (i + needle.len()) as u32 };
            }
            i += 1;
        }
        Loc { line: a.loc.line, col: a.loc.col + a.name.chars().count() as u32 }
    }

    /// The end of a node whose last part may be parenthesised (`k=(v)`):
    /// as many closing parentheses after `end` as there are opening ones
    /// between `start` and the inner node at `inner`.
    fn after_parens(&self, start: Loc, inner: Loc, end: Loc) -> Loc {
        let text =
            |l: u32| -> Vec<char> { self.lines.get((l as usize).wrapping_sub(1)).unwrap_or(&"").chars().collect() };
        let mut opens = 0;
        for l in start.line..=inner.line {
            let t = text(l);
            let from = if l == start.line { start.col as usize } else { 0 };
            let to = if l == inner.line { (inner.col as usize).min(t.len()) } else { t.len() };
            opens += t.get(from..to).map_or(0, |s| s.iter().filter(|c| **c == '(').count());
        }
        let (mut line, mut col) = (end.line, end.col as usize);
        let mut t = text(line);
        let mut found = end;
        while opens > 0 {
            match t.get(col) {
                Some(')') => {
                    opens -= 1;
                    col += 1;
                    found = Loc { line, col: col as u32 };
                }
                Some(' ' | '\t' | '\x0c' | '\\') => col += 1,
                Some('#') | None if (line as usize) < self.lines.len() => {
                    line += 1;
                    col = 0;
                    t = text(line);
                }
                _ => break,
            }
        }
        found
    }

    fn keywords(&mut self, kws: &[Keyword]) -> Value {
        Value::list(
            kws.iter()
                .map(|k| {
                    let v = self.expr(&k.value, Ctx::Load);
                    let fields = vec![("arg", Self::opt_ident(&k.arg)), ("value", v)];
                    let end = self.after_parens(k.loc, k.value.loc, Self::expr_end(&k.value));
                    self.node("keyword", fields, Some((k.loc, end)))
                })
                .collect(),
        )
    }

    fn arg(&mut self, a: &Arg) -> Value {
        let end = match &a.annotation {
            Some(e) => e.end,
            None => Loc { line: a.loc.line, col: a.loc.col + a.name.chars().count() as u32 },
        };
        let fields = vec![
            ("arg", Self::ident(&a.name)),
            ("annotation", self.opt_expr(a.annotation.as_ref(), Ctx::Load)),
            ("type_comment", Value::None),
        ];
        self.node("arg", fields, Some((a.loc, end)))
    }

    fn args(&mut self, args: &[Arg]) -> Value {
        Value::list(args.iter().map(|a| self.arg(a)).collect())
    }

    fn arguments(&mut self, a: &Arguments) -> Value {
        let vararg = a.vararg.as_ref().map_or(Value::None, |x| self.arg(x));
        let kwarg = a.kwarg.as_ref().map_or(Value::None, |x| self.arg(x));
        let kw_defaults = Value::list(a.kw_defaults.iter().map(|d| self.opt_expr(d.as_ref(), Ctx::Load)).collect());
        let fields = vec![
            ("posonlyargs", self.args(&a.posonly)),
            ("args", self.args(&a.args)),
            ("vararg", vararg),
            ("kwonlyargs", self.args(&a.kwonly)),
            ("kw_defaults", kw_defaults),
            ("kwarg", kwarg),
            ("defaults", self.exprs(&a.defaults, Ctx::Load)),
        ];
        self.node("arguments", fields, None)
    }

    fn comprehensions(&mut self, gens: &[Comprehension]) -> Value {
        Value::list(
            gens.iter()
                .map(|g| {
                    let fields = vec![
                        ("target", self.expr(&g.target, Ctx::Store)),
                        ("iter", self.expr(&g.iter, Ctx::Load)),
                        ("ifs", self.exprs(&g.ifs, Ctx::Load)),
                        ("is_async", Value::Int(g.is_async as i64)),
                    ];
                    self.node("comprehension", fields, None)
                })
                .collect(),
        )
    }

    fn expr(&mut self, e: &Expr, ctx: Ctx) -> Value {
        let span = Some((e.loc, Self::expr_end(e)));
        if let ExprKind::JoinedStr(values) = &e.kind {
            return self.joined(values, (e.loc, Self::expr_end(e)));
        }
        let (name, fields): (&str, Fields) = match &e.kind {
            ExprKind::BoolOp { op, values } => (
                "BoolOp",
                vec![
                    ("op", self.singleton(if *op == BoolOp::And { "And" } else { "Or" })),
                    ("values", self.exprs(values, Ctx::Load)),
                ],
            ),
            ExprKind::NamedExpr { target, value } => {
                let end = Loc { line: e.loc.line, col: e.loc.col + target.chars().count() as u32 };
                let store = self.singleton("Store");
                let t = self.node("Name", vec![("id", Self::ident(target)), ("ctx", store)], Some((e.loc, end)));
                ("NamedExpr", vec![("target", t), ("value", self.expr(value, Ctx::Load))])
            }
            ExprKind::BinOp { left, op, right } => (
                "BinOp",
                vec![
                    ("left", self.expr(left, Ctx::Load)),
                    ("op", self.singleton(binop_name(*op))),
                    ("right", self.expr(right, Ctx::Load)),
                ],
            ),
            ExprKind::UnaryOp { op, operand } => {
                let n = match op {
                    UnaryOp::Invert => "Invert",
                    UnaryOp::Not => "Not",
                    UnaryOp::UAdd => "UAdd",
                    UnaryOp::USub => "USub",
                };
                ("UnaryOp", vec![("op", self.singleton(n)), ("operand", self.expr(operand, Ctx::Load))])
            }
            ExprKind::Lambda { args, body } => {
                ("Lambda", vec![("args", self.arguments(args)), ("body", self.expr(body, Ctx::Load))])
            }
            ExprKind::IfExp { test, body, orelse } => (
                "IfExp",
                vec![
                    ("test", self.expr(test, Ctx::Load)),
                    ("body", self.expr(body, Ctx::Load)),
                    ("orelse", self.expr(orelse, Ctx::Load)),
                ],
            ),
            ExprKind::Dict { keys, values } => {
                let keys = Value::list(keys.iter().map(|k| self.opt_expr(k.as_ref(), Ctx::Load)).collect());
                ("Dict", vec![("keys", keys), ("values", self.exprs(values, Ctx::Load))])
            }
            ExprKind::Set(elts) => ("Set", vec![("elts", self.exprs(elts, Ctx::Load))]),
            ExprKind::ListComp { elt, generators } => {
                ("ListComp", vec![("elt", self.expr(elt, Ctx::Load)), ("generators", self.comprehensions(generators))])
            }
            ExprKind::SetComp { elt, generators } => {
                ("SetComp", vec![("elt", self.expr(elt, Ctx::Load)), ("generators", self.comprehensions(generators))])
            }
            ExprKind::GeneratorExp { elt, generators } => (
                "GeneratorExp",
                vec![("elt", self.expr(elt, Ctx::Load)), ("generators", self.comprehensions(generators))],
            ),
            ExprKind::DictComp { key, value, generators } => (
                "DictComp",
                vec![
                    ("key", self.expr(key, Ctx::Load)),
                    ("value", self.expr(value, Ctx::Load)),
                    ("generators", self.comprehensions(generators)),
                ],
            ),
            ExprKind::Await(v) => ("Await", vec![("value", self.expr(v, Ctx::Load))]),
            ExprKind::Yield(v) => ("Yield", vec![("value", self.opt_expr(v.as_deref(), Ctx::Load))]),
            ExprKind::YieldFrom(v) => ("YieldFrom", vec![("value", self.expr(v, Ctx::Load))]),
            ExprKind::Compare { left, ops, comparators } => {
                let ops = Value::list(ops.iter().map(|o| self.singleton(cmpop_name(*o))).collect());
                (
                    "Compare",
                    vec![
                        ("left", self.expr(left, Ctx::Load)),
                        ("ops", ops),
                        ("comparators", self.exprs(comparators, Ctx::Load)),
                    ],
                )
            }
            ExprKind::Call { func, args, keywords } => {
                // `f(x for x in y)`: the generator's span is the call's
                // parentheses, which the parser leaves to the call.
                let args: Vec<Value> = args
                    .iter()
                    .map(|a| match &a.kind {
                        ExprKind::GeneratorExp { .. } if a.end.line == 0 => {
                            let mut g = a.clone();
                            g.end = Self::expr_end(e);
                            self.expr(&g, Ctx::Load)
                        }
                        _ => self.expr(a, Ctx::Load),
                    })
                    .collect();
                (
                    "Call",
                    vec![
                        ("func", self.expr(func, Ctx::Load)),
                        ("args", Value::list(args)),
                        ("keywords", self.keywords(keywords)),
                    ],
                )
            }
            ExprKind::FormattedValue { value, conversion, format_spec } => (
                "FormattedValue",
                vec![
                    ("value", self.expr(value, Ctx::Load)),
                    ("conversion", Value::Int(conversion.map_or(-1, |c| c as i64))),
                    ("format_spec", self.opt_expr(format_spec.as_deref(), Ctx::Load)),
                ],
            ),
            ExprKind::JoinedStr(values) => ("JoinedStr", vec![("values", self.exprs(values, Ctx::Load))]),
            ExprKind::Constant(c) => {
                ("Constant", vec![("value", crate::compile::constant_value(c)), ("kind", self.str_kind(e))])
            }
            ExprKind::Attribute { value, attr } => (
                "Attribute",
                vec![
                    ("value", self.expr(value, Ctx::Load)),
                    ("attr", Self::ident(attr)),
                    ("ctx", self.singleton(ctx.name())),
                ],
            ),
            ExprKind::Subscript { value, slice } => (
                "Subscript",
                vec![
                    ("value", self.expr(value, Ctx::Load)),
                    ("slice", self.expr(slice, Ctx::Load)),
                    ("ctx", self.singleton(ctx.name())),
                ],
            ),
            ExprKind::Starred(v) => {
                ("Starred", vec![("value", self.expr(v, ctx)), ("ctx", self.singleton(ctx.name()))])
            }
            ExprKind::Name(id) => ("Name", vec![("id", Self::ident(id)), ("ctx", self.singleton(ctx.name()))]),
            ExprKind::List(elts) => {
                ("List", vec![("elts", self.exprs(elts, ctx)), ("ctx", self.singleton(ctx.name()))])
            }
            ExprKind::Tuple(elts) => {
                ("Tuple", vec![("elts", self.exprs(elts, ctx)), ("ctx", self.singleton(ctx.name()))])
            }
            ExprKind::Slice { lower, upper, step } => (
                "Slice",
                vec![
                    ("lower", self.opt_expr(lower.as_deref(), Ctx::Load)),
                    ("upper", self.opt_expr(upper.as_deref(), Ctx::Load)),
                    ("step", self.opt_expr(step.as_deref(), Ctx::Load)),
                ],
            ),
        };
        self.node(name, fields, span)
    }

    /// `Constant.kind`: `'u'` for a string literal written with a `u` prefix.
    fn str_kind(&self, e: &Expr) -> Value {
        if !matches!(e.kind, ExprKind::Constant(Constant::Str(_))) {
            return Value::None;
        }
        let line = self.lines.get((e.loc.line as usize).wrapping_sub(1)).unwrap_or(&"");
        match line.chars().nth(e.loc.col as usize) {
            Some('u' | 'U') => Value::str("u"),
            _ => Value::None,
        }
    }

    fn patterns(&mut self, ps: &[Pattern]) -> Value {
        Value::list(ps.iter().map(|p| self.pattern(p)).collect())
    }

    fn pattern(&mut self, p: &Pattern) -> Value {
        let span = Some((p.loc, p.end));
        let (name, fields): (&str, Fields) = match &p.kind {
            PatternKind::Value(e) => ("MatchValue", vec![("value", self.expr(e, Ctx::Load))]),
            PatternKind::Singleton(c) => ("MatchSingleton", vec![("value", crate::compile::constant_value(c))]),
            PatternKind::Capture(n) => ("MatchAs", vec![("pattern", Value::None), ("name", Self::opt_ident(n))]),
            PatternKind::Sequence(ps) => ("MatchSequence", vec![("patterns", self.patterns(ps))]),
            PatternKind::Star(n) => ("MatchStar", vec![("name", Self::opt_ident(n))]),
            PatternKind::Mapping { keys, patterns, rest } => (
                "MatchMapping",
                vec![
                    ("keys", self.exprs(keys, Ctx::Load)),
                    ("patterns", self.patterns(patterns)),
                    ("rest", Self::opt_ident(rest)),
                ],
            ),
            PatternKind::Class { cls, patterns, kwd } => {
                let attrs = Value::list(kwd.iter().map(|(n, _)| Self::ident(n)).collect());
                let kps = Value::list(kwd.iter().map(|(_, p)| self.pattern(p)).collect());
                (
                    "MatchClass",
                    vec![
                        ("cls", self.expr(cls, Ctx::Load)),
                        ("patterns", self.patterns(patterns)),
                        ("kwd_attrs", attrs),
                        ("kwd_patterns", kps),
                    ],
                )
            }
            PatternKind::As(inner, n) => ("MatchAs", vec![("pattern", self.pattern(inner)), ("name", Self::ident(n))]),
            PatternKind::Or(ps) => ("MatchOr", vec![("patterns", self.patterns(ps))]),
        };
        self.node(name, fields, span)
    }
}

/// The `_ast` class name of a binary operator.
pub fn binop_name(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "Add",
        BinOp::Sub => "Sub",
        BinOp::Mult => "Mult",
        BinOp::MatMult => "MatMult",
        BinOp::Div => "Div",
        BinOp::FloorDiv => "FloorDiv",
        BinOp::Mod => "Mod",
        BinOp::Pow => "Pow",
        BinOp::LShift => "LShift",
        BinOp::RShift => "RShift",
        BinOp::BitOr => "BitOr",
        BinOp::BitXor => "BitXor",
        BinOp::BitAnd => "BitAnd",
    }
}

/// The `_ast` class name of a comparison operator.
pub fn cmpop_name(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq",
        CmpOp::NotEq => "NotEq",
        CmpOp::Lt => "Lt",
        CmpOp::LtE => "LtE",
        CmpOp::Gt => "Gt",
        CmpOp::GtE => "GtE",
        CmpOp::Is => "Is",
        CmpOp::IsNot => "IsNot",
        CmpOp::In => "In",
        CmpOp::NotIn => "NotIn",
    }
}

/// The `_ast` module's dict (imported if needed).
pub fn ast_classes(vm: &mut Vm) -> PyResult<Arc<Dict>> {
    match vm.load_module("_ast")? {
        Value::Module(m) => Ok(m.dict.clone()),
        _ => Err(vm.runtime_error("_ast is not a module")),
    }
}
