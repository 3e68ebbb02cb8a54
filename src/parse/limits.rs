//! Bounding tree depth, so that everything downstream (the compiler's
//! recursive walks, `Drop`) can recurse without overflowing the stack.
//!
//! Brackets are limited to 200 levels by the lexer and blocks to 100 levels,
//! but chains need no brackets: `a+a+a+…`, `-------x`, `a.b.c.d…`,
//! `elif` ladders. CPython gives up on those at roughly 3000 levels
//! ("maximum recursion depth exceeded during compilation"); gilt at
//! [`MAX_DEPTH`], both while building chains (see `actions::chained`) and,
//! here, for the finished tree.

use super::ast::*;

/// The deepest statement/expression nesting a parsed program may have. The
/// compiler may rely on it.
pub const MAX_DEPTH: usize = 2000;

/// Checks the depth of `prog`; on failure returns where the limit was hit.
/// The walk itself stops descending at the limit, so it cannot overflow.
pub fn check(prog: &[Stmt]) -> Result<(), Loc> {
    stmts(prog, 0)
}

fn stmts(v: &[Stmt], d: usize) -> Result<(), Loc> {
    v.iter().try_for_each(|s| stmt(s, d))
}

fn exprs<'a>(v: impl IntoIterator<Item = &'a Expr>, d: usize) -> Result<(), Loc> {
    v.into_iter().try_for_each(|e| expr(e, d))
}

fn args(a: &Arguments, d: usize) -> Result<(), Loc> {
    let all = a.posonly.iter().chain(&a.args).chain(&a.vararg).chain(&a.kwonly).chain(&a.kwarg);
    exprs(all.filter_map(|p| p.annotation.as_ref()), d)?;
    exprs(a.defaults.iter().chain(a.kw_defaults.iter().flatten()), d)
}

fn stmt(s: &Stmt, d: usize) -> Result<(), Loc> {
    if d >= MAX_DEPTH {
        return Err(s.loc);
    }
    let d = d + 1;
    match &s.kind {
        StmtKind::Expr(e) | StmtKind::Return(Some(e)) => expr(e, d),
        StmtKind::Assign { targets, value } => exprs(targets.iter().chain([value]), d),
        StmtKind::AugAssign { target, value, .. } => exprs([target, value], d),
        StmtKind::AnnAssign { target, annotation, value } => exprs([target, annotation].into_iter().chain(value), d),
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            expr(test, d)?;
            stmts(body, d)?;
            stmts(orelse, d)
        }
        StmtKind::For { target, iter, body, orelse, .. } => {
            exprs([target, iter], d)?;
            stmts(body, d)?;
            stmts(orelse, d)
        }
        StmtKind::Delete(v) => exprs(v, d),
        StmtKind::Assert { test, msg } => exprs([test].into_iter().chain(msg), d),
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            stmts(body, d)?;
            for h in handlers {
                exprs(&h.typ, d)?;
                stmts(&h.body, d)?;
            }
            stmts(orelse, d)?;
            stmts(finalbody, d)
        }
        StmtKind::Raise { exc, cause } => exprs(exc.iter().chain(cause), d),
        StmtKind::With { items, body, .. } => {
            for i in items {
                exprs([&i.context].into_iter().chain(&i.target), d)?;
            }
            stmts(body, d)
        }
        StmtKind::FunctionDef(f) => {
            exprs(f.decorators.iter().chain(&f.returns), d)?;
            args(&f.args, d)?;
            stmts(&f.body, d)
        }
        StmtKind::ClassDef(c) => {
            exprs(c.decorators.iter().chain(&c.bases), d)?;
            exprs(c.keywords.iter().map(|k| &k.value), d)?;
            stmts(&c.body, d)
        }
        StmtKind::Match { subject, cases } => {
            expr(subject, d)?;
            for c in cases {
                pattern(&c.pattern, d)?;
                exprs(&c.guard, d)?;
                stmts(&c.body, d)?;
            }
            Ok(())
        }
        StmtKind::Return(None)
        | StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Pass
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Import(_)
        | StmtKind::ImportFrom { .. } => Ok(()),
    }
}

fn pattern(p: &Pattern, d: usize) -> Result<(), Loc> {
    if d >= MAX_DEPTH {
        return Err(p.loc);
    }
    let d = d + 1;
    match &p.kind {
        PatternKind::Value(e) => expr(e, d),
        PatternKind::Singleton(_) | PatternKind::Capture(_) | PatternKind::Star(_) => Ok(()),
        PatternKind::Sequence(v) | PatternKind::Or(v) => v.iter().try_for_each(|p| pattern(p, d)),
        PatternKind::Mapping { keys, patterns, .. } => {
            exprs(keys, d)?;
            patterns.iter().try_for_each(|p| pattern(p, d))
        }
        PatternKind::Class { cls, patterns, kwd } => {
            expr(cls, d)?;
            patterns.iter().chain(kwd.iter().map(|k| &k.1)).try_for_each(|p| pattern(p, d))
        }
        PatternKind::As(p, _) => pattern(p, d),
    }
}

fn comps(gens: &[Comprehension], d: usize) -> Result<(), Loc> {
    gens.iter().try_for_each(|g| exprs([&g.target, &g.iter].into_iter().chain(&g.ifs), d))
}

fn expr(e: &Expr, d: usize) -> Result<(), Loc> {
    if d >= MAX_DEPTH {
        return Err(e.loc);
    }
    let d = d + 1;
    match &e.kind {
        ExprKind::BoolOp { values, .. } => exprs(values, d),
        ExprKind::NamedExpr { value, .. } => expr(value, d),
        ExprKind::BinOp { left, right, .. } => exprs([&**left, &**right], d),
        ExprKind::UnaryOp { operand, .. } => expr(operand, d),
        ExprKind::Lambda { args: a, body } => {
            args(a, d)?;
            expr(body, d)
        }
        ExprKind::IfExp { test, body, orelse } => exprs([&**test, &**body, &**orelse], d),
        ExprKind::Dict { keys, values } => exprs(keys.iter().flatten().chain(values), d),
        ExprKind::Set(v) | ExprKind::List(v) | ExprKind::Tuple(v) | ExprKind::JoinedStr(v) => exprs(v, d),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            expr(elt, d)?;
            comps(generators, d)
        }
        ExprKind::DictComp { key, value, generators } => {
            exprs([&**key, &**value], d)?;
            comps(generators, d)
        }
        ExprKind::Await(v) | ExprKind::YieldFrom(v) | ExprKind::Starred(v) => expr(v, d),
        ExprKind::Yield(v) => exprs(v.as_deref(), d),
        ExprKind::Compare { left, comparators, .. } => exprs([&**left].into_iter().chain(comparators), d),
        ExprKind::Call { func, args, keywords } => {
            exprs([&**func].into_iter().chain(args).chain(keywords.iter().map(|k| &k.value)), d)
        }
        ExprKind::FormattedValue { value, format_spec, .. } => {
            exprs([&**value].into_iter().chain(format_spec.as_deref()), d)
        }
        ExprKind::Attribute { value, .. } => expr(value, d),
        ExprKind::Subscript { value, slice } => exprs([&**value, &**slice], d),
        ExprKind::Slice { lower, upper, step } => exprs(lower.iter().chain(upper).chain(step).map(|b| &**b), d),
        ExprKind::Constant(_) | ExprKind::Name(_) => Ok(()),
    }
}

/// A node being torn down by [`dismantle`].
enum Node {
    S(Stmt),
    E(Expr),
}

/// Drops a program of any depth without recursion: children are moved onto
/// an explicit stack before their parent is freed.
pub fn dismantle(prog: Program) {
    let mut work: Vec<Node> = prog.into_iter().map(Node::S).collect();
    while let Some(n) = work.pop() {
        match n {
            Node::S(s) => take_stmt(s, &mut work),
            Node::E(e) => take_expr(e, &mut work),
        }
    }
}

fn push_e(work: &mut Vec<Node>, v: impl IntoIterator<Item = Expr>) {
    work.extend(v.into_iter().map(Node::E));
}

fn push_s(work: &mut Vec<Node>, v: Vec<Stmt>) {
    work.extend(v.into_iter().map(Node::S));
}

fn take_args(a: Arguments, work: &mut Vec<Node>) {
    let params = a.posonly.into_iter().chain(a.args).chain(a.vararg).chain(a.kwonly).chain(a.kwarg);
    push_e(work, params.filter_map(|p| p.annotation));
    push_e(work, a.defaults.into_iter().chain(a.kw_defaults.into_iter().flatten()));
}

fn take_stmt(s: Stmt, work: &mut Vec<Node>) {
    match s.kind {
        StmtKind::Expr(e) | StmtKind::Return(Some(e)) => push_e(work, [e]),
        StmtKind::Assign { targets, value } => push_e(work, targets.into_iter().chain([value])),
        StmtKind::AugAssign { target, value, .. } => push_e(work, [target, value]),
        StmtKind::AnnAssign { target, annotation, value } => {
            push_e(work, [target, annotation].into_iter().chain(value))
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            push_e(work, [test]);
            push_s(work, body);
            push_s(work, orelse);
        }
        StmtKind::For { target, iter, body, orelse, .. } => {
            push_e(work, [target, iter]);
            push_s(work, body);
            push_s(work, orelse);
        }
        StmtKind::Delete(v) => push_e(work, v),
        StmtKind::Assert { test, msg } => push_e(work, [test].into_iter().chain(msg)),
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            push_s(work, body);
            for h in handlers {
                push_e(work, h.typ);
                push_s(work, h.body);
            }
            push_s(work, orelse);
            push_s(work, finalbody);
        }
        StmtKind::Raise { exc, cause } => push_e(work, exc.into_iter().chain(cause)),
        StmtKind::With { items, body, .. } => {
            for i in items {
                push_e(work, [i.context].into_iter().chain(i.target));
            }
            push_s(work, body);
        }
        StmtKind::FunctionDef(f) => {
            let f = *f;
            push_e(work, f.decorators.into_iter().chain(f.returns));
            take_args(f.args, work);
            push_s(work, f.body);
        }
        StmtKind::ClassDef(c) => {
            let c = *c;
            push_e(work, c.decorators.into_iter().chain(c.bases));
            push_e(work, c.keywords.into_iter().map(|k| k.value));
            push_s(work, c.body);
        }
        StmtKind::Match { subject, cases } => {
            push_e(work, [subject]);
            for c in cases {
                push_e(work, c.guard);
                push_s(work, c.body);
            }
        }
        _ => {}
    }
}

fn take_comps(gens: Vec<Comprehension>, work: &mut Vec<Node>) {
    for g in gens {
        push_e(work, [g.target, g.iter].into_iter().chain(g.ifs));
    }
}

fn take_expr(e: Expr, work: &mut Vec<Node>) {
    match e.kind {
        ExprKind::BoolOp { values, .. } => push_e(work, values),
        ExprKind::NamedExpr { value, .. } => push_e(work, [*value]),
        ExprKind::BinOp { left, right, .. } => push_e(work, [*left, *right]),
        ExprKind::UnaryOp { operand, .. } => push_e(work, [*operand]),
        ExprKind::Lambda { args, body } => {
            take_args(*args, work);
            push_e(work, [*body]);
        }
        ExprKind::IfExp { test, body, orelse } => push_e(work, [*test, *body, *orelse]),
        ExprKind::Dict { keys, values } => push_e(work, keys.into_iter().flatten().chain(values)),
        ExprKind::Set(v) | ExprKind::List(v) | ExprKind::Tuple(v) | ExprKind::JoinedStr(v) => push_e(work, v),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            push_e(work, [*elt]);
            take_comps(generators, work);
        }
        ExprKind::DictComp { key, value, generators } => {
            push_e(work, [*key, *value]);
            take_comps(generators, work);
        }
        ExprKind::Await(v) | ExprKind::YieldFrom(v) | ExprKind::Starred(v) => push_e(work, [*v]),
        ExprKind::Yield(v) => push_e(work, v.map(|b| *b)),
        ExprKind::Compare { left, comparators, .. } => push_e(work, [*left].into_iter().chain(comparators)),
        ExprKind::Call { func, args, keywords } => {
            push_e(work, [*func].into_iter().chain(args).chain(keywords.into_iter().map(|k| k.value)))
        }
        ExprKind::FormattedValue { value, format_spec, .. } => {
            push_e(work, [*value].into_iter().chain(format_spec.map(|b| *b)))
        }
        ExprKind::Attribute { value, .. } => push_e(work, [*value]),
        ExprKind::Subscript { value, slice } => push_e(work, [*value, *slice]),
        ExprKind::Slice { lower, upper, step } => push_e(work, lower.into_iter().chain(upper).chain(step).map(|b| *b)),
        ExprKind::Constant(_) | ExprKind::Name(_) => {}
    }
}
