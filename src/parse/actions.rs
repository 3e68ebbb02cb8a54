//! Grammar actions too big to write inline in grammar/python.lalrpop, and
//! the checks the LR grammar leaves to code: assignment targets, parameter
//! and argument ordering, string literal concatenation.

use lalrpop_util::ParseError;

use super::ast::*;
use super::{SyntaxErrorInfo, SyntaxErrorKind, fstring};
use crate::lex::strings::{decode_bytes, decode_str, decode_str_wide};
use crate::lex::{StrLit, Tok};

/// What the grammar's start symbol yields: a module, or (when the token
/// stream starts with `StartExpr`) one f-string field's expression.
#[derive(Debug)]
pub enum Top {
    Module(Program),
    Expr(Expr),
}

/// The error type fallible actions return.
pub type PErr = ParseError<Loc, Tok, SyntaxErrorInfo>;

/// One item of a `def`/`lambda` parameter list, before ordering checks.
#[derive(Debug)]
pub enum Param {
    Plain(Arg, Option<Expr>),
    /// `*` (the Loc is the star's) with or without a name.
    Star(Loc, Option<Arg>),
    DoubleStar(Loc, Arg),
    Slash(Loc),
}

/// A checked call argument list (also a class's bases and keywords).
#[derive(Debug, Default)]
pub struct CallArgs {
    pub args: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    /// The sole argument is an unparenthesised generator expression.
    pub bare_genexp: bool,
    /// A positional argument after a keyword one: CPython reports it at the
    /// closing parenthesis, which the call's rule knows.
    pub misplaced: Option<&'static str>,
}

/// One item of a call's argument list, before ordering checks.
#[derive(Debug)]
pub enum ArgItem {
    /// Positional, including `*iterable` (as Starred).
    Pos(Expr),
    /// An unparenthesised generator expression: only valid as the sole argument.
    Gen(Expr),
    Kw(Keyword),
}

/// A SyntaxError at `loc` (0-based column) as a parse error.
pub fn error_at(loc: Loc, msg: impl Into<String>) -> SyntaxErrorInfo {
    SyntaxErrorInfo {
        kind: SyntaxErrorKind::SyntaxError,
        msg: msg.into(),
        line: loc.line,
        col: loc.col + 1,
        incomplete: false,
        end: None,
    }
}

/// Fails the parse with a SyntaxError at `loc`.
pub fn fail<T>(loc: Loc, msg: impl Into<String>) -> Result<T, PErr> {
    Err(ParseError::User { error: error_at(loc, msg) })
}

fn user(error: SyntaxErrorInfo) -> PErr {
    ParseError::User { error }
}

fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}

/// Longest chain of nodes the parser builds before giving up; see
/// [`chained`]. Equal to the whole-tree limit checked after parsing.
const MAX_CHAIN: usize = super::limits::MAX_DEPTH;

/// Builds a node that may extend an operator chain (`a+b+…`, `---x`,
/// `a.b.c…`, `x if c else …`), refusing once the chain reaches
/// [`MAX_CHAIN`]. Chains need no brackets, so without this a big enough
/// input builds a tree deep enough to overflow the stack when dropped. Only
/// the chain's spine is walked, so each node costs at most `MAX_CHAIN` steps.
pub fn chained(l: Loc, kind: ExprKind) -> Result<Expr, PErr> {
    let e = Expr::new(l, kind);
    if spine_len(&e) > MAX_CHAIN {
        return fail(l, TOO_DEEP);
    }
    Ok(e)
}

/// The message for expressions nested beyond the limits.
pub const TOO_DEEP: &str = "too many nested expressions (maximum recursion depth exceeded during compilation)";

/// Length of the path from `e` along the child each chain form extends,
/// counted up to `MAX_CHAIN + 1`.
fn spine_len(mut e: &Expr) -> usize {
    let mut n = 1;
    while n <= MAX_CHAIN {
        e = match &e.kind {
            ExprKind::BinOp { right, op: BinOp::Pow, .. } => right,
            ExprKind::BinOp { left, .. } => left,
            ExprKind::UnaryOp { operand, .. } => operand,
            ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => value,
            ExprKind::Call { func, .. } => func,
            ExprKind::IfExp { orelse, .. } => orelse,
            ExprKind::Lambda { body, .. } => body,
            ExprKind::Await(v) | ExprKind::Starred(v) => v,
            ExprKind::NamedExpr { value, .. } => value,
            _ => break,
        };
        n += 1;
    }
    n
}

pub fn binop(l: Loc, left: Expr, op: BinOp, right: Expr) -> Result<Expr, PErr> {
    // The other operand's own chain was checked when it was built.
    chained(l, ExprKind::BinOp { left: bx(left), op, right: bx(right) })
}

pub fn unary(l: Loc, op: UnaryOp, e: Expr) -> Result<Expr, PErr> {
    chained(l, ExprKind::UnaryOp { op, operand: bx(e) })
}

pub fn boolop(l: Loc, op: BoolOp, first: Expr, rest: Vec<Expr>) -> Expr {
    let mut values = Vec::with_capacity(rest.len() + 1);
    values.push(first);
    values.extend(rest);
    Expr::new(l, ExprKind::BoolOp { op, values })
}

pub fn compare(l: Loc, left: Expr, rest: Vec<(CmpOp, Expr)>) -> Expr {
    let (ops, comparators) = rest.into_iter().unzip();
    Expr::new(l, ExprKind::Compare { left: bx(left), ops, comparators })
}

pub fn tuple(l: Loc, first: Expr, rest: Vec<Expr>) -> Expr {
    let mut v = Vec::with_capacity(rest.len() + 1);
    v.push(first);
    v.extend(rest);
    Expr::new(l, ExprKind::Tuple(v))
}

/// `a[*b]` subscripts with a one-element tuple, as in CPython 3.11.
pub fn subscript(l: Loc, value: Expr, slice: Expr) -> Result<Expr, PErr> {
    let slice = match slice.kind {
        ExprKind::Starred(_) => Expr::new(slice.loc, ExprKind::Tuple(vec![slice])),
        _ => slice,
    };
    chained(l, ExprKind::Subscript { value: bx(value), slice: bx(slice) })
}

pub fn slice(l: Loc, lower: Option<Expr>, upper: Option<Expr>, step: Option<Expr>) -> Expr {
    Expr::new(l, ExprKind::Slice { lower: lower.map(bx), upper: upper.map(bx), step: step.map(bx) })
}

pub fn genexp(l: Loc, elt: Expr, generators: Vec<Comprehension>) -> Expr {
    Expr::new(l, ExprKind::GeneratorExp { elt: bx(elt), generators })
}

pub fn dict(l: Loc, items: Vec<(Option<Expr>, Expr)>) -> Expr {
    let (keys, values) = items.into_iter().unzip();
    Expr::new(l, ExprKind::Dict { keys, values })
}

/// `(e)` is just `e`; a lone `(*e)` means nothing.
pub fn paren(e: Expr) -> Result<Expr, PErr> {
    if matches!(e.kind, ExprKind::Starred(_)) {
        return fail(e.loc, "cannot use starred expression here");
    }
    Ok(e)
}

/// A call; a bare generator argument gets the call's `(` as its position, as
/// in CPython.
pub fn call(l: Loc, func: Expr, paren: Loc, call_args: CallArgs, close: Loc) -> Result<Expr, PErr> {
    let CallArgs { mut args, keywords, bare_genexp, misplaced } = call_args;
    if let Some(msg) = misplaced {
        return Err(user(error_at(close, msg).ending_at(Loc { line: close.line, col: close.col + 1 })));
    }
    if bare_genexp {
        args[0].loc = paren;
    }
    chained(l, ExprKind::Call { func: bx(func), args, keywords })
}

pub fn arguments(items: Vec<ArgItem>) -> Result<CallArgs, PErr> {
    let n = items.len();
    let bare_genexp = n == 1 && matches!(items[0], ArgItem::Gen(_));
    let mut args = Vec::new();
    let mut keywords: Vec<Keyword> = Vec::new();
    let (mut seen_kw, mut seen_kw_unpack) = (false, false);
    for item in items {
        match item {
            ArgItem::Gen(g) => {
                if n > 1 {
                    // Over the whole generator expression.
                    let e = error_at(g.loc, "Generator expression must be parenthesized");
                    return Err(user(if g.end.line > 0 { e.ending_at(g.end) } else { e }));
                }
                args.push(g);
            }
            ArgItem::Pos(e) => {
                let starred = matches!(e.kind, ExprKind::Starred(_));
                if starred && seen_kw_unpack {
                    return fail(e.loc, "iterable argument unpacking follows keyword argument unpacking");
                }
                if !starred && (seen_kw_unpack || seen_kw) {
                    let misplaced = Some(if seen_kw_unpack {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    });
                    return Ok(CallArgs { args, keywords, bare_genexp, misplaced });
                }
                args.push(e);
            }
            ArgItem::Kw(k) => {
                match &k.arg {
                    Some(name) => {
                        if keywords.iter().any(|o| o.arg.as_ref() == Some(name)) {
                            return fail(k.loc, format!("keyword argument repeated: {name}"));
                        }
                        seen_kw = true;
                    }
                    None => seen_kw_unpack = true,
                }
                keywords.push(k);
            }
        }
    }
    Ok(CallArgs { args, keywords, bare_genexp, misplaced: None })
}

/// Orders a parameter list into [`Arguments`], with CPython's messages.
pub fn params(items: Vec<Param>) -> Result<Arguments, PErr> {
    let mut a = Arguments::default();
    let (mut seen_slash, mut seen_star, mut seen_kwarg, mut seen_default) = (false, false, false, false);
    let mut bare_star: Option<Loc> = None;
    for p in items {
        if seen_kwarg {
            let loc = match &p {
                Param::Plain(arg, _) => arg.loc,
                Param::Star(l, _) | Param::DoubleStar(l, _) | Param::Slash(l) => *l,
            };
            return fail(loc, "arguments cannot follow var-keyword argument");
        }
        match p {
            Param::Slash(l) => {
                if seen_slash {
                    return fail(l, "/ may appear only once");
                }
                if seen_star {
                    return fail(l, "/ must be ahead of *");
                }
                if a.args.is_empty() {
                    return fail(l, "at least one argument must precede /");
                }
                seen_slash = true;
                a.posonly = std::mem::take(&mut a.args);
            }
            Param::Plain(arg, default) => {
                if seen_star {
                    a.kwonly.push(arg);
                    a.kw_defaults.push(default);
                } else {
                    match default {
                        Some(d) => {
                            seen_default = true;
                            a.defaults.push(d);
                        }
                        None if seen_default => {
                            return fail(arg.loc, "non-default argument follows default argument");
                        }
                        None => {}
                    }
                    a.args.push(arg);
                }
            }
            Param::Star(l, arg) => {
                if seen_star {
                    return fail(l, "* argument may appear only once");
                }
                seen_star = true;
                match arg {
                    Some(arg) => {
                        a.vararg = Some(arg);
                    }
                    None => bare_star = Some(l),
                }
            }
            Param::DoubleStar(_, arg) => {
                seen_kwarg = true;
                a.kwarg = Some(arg);
            }
        }
    }
    if let Some(l) = bare_star
        && a.kwonly.is_empty()
    {
        return fail(l, "named arguments must follow bare *");
    }
    // Duplicate names are the symbol table's error (compile/symtable.rs), as
    // in CPython: a syntax error anywhere in the file is reported first.
    Ok(a)
}

pub fn class_def(l: Loc, name: String, args: Option<(CallArgs, Loc)>, body: Vec<Stmt>) -> Result<Stmt, PErr> {
    let (CallArgs { args: bases, keywords, misplaced, .. }, close) = args.unwrap_or_default();
    if let Some(msg) = misplaced {
        return Err(user(error_at(close, msg).ending_at(Loc { line: close.line, col: close.col + 1 })));
    }
    let class = ClassDef { name, bases, keywords, body, decorators: Vec::new() };
    Ok(Stmt::new(l, StmtKind::ClassDef(Box::new(class))))
}

/// Gives a compound statement the end of the last statement of its last
/// block (CPython's `end_lineno`/`end_col_offset`). A loop, not recursion:
/// `elif` ladders nest deeply.
pub fn compound_ended(mut s: Stmt) -> Stmt {
    let mut cur = &s;
    let end = loop {
        if cur.end.line != 0 {
            break cur.end;
        }
        let last = match &cur.kind {
            StmtKind::If { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::For { body, orelse, .. } => orelse.last().or(body.last()),
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                finalbody.last().or(orelse.last()).or(handlers.last().and_then(|h| h.body.last())).or(body.last())
            }
            StmtKind::With { body, .. } => body.last(),
            StmtKind::FunctionDef(f) => f.body.last(),
            StmtKind::ClassDef(c) => c.body.last(),
            StmtKind::Match { cases, .. } => cases.last().and_then(|c| c.body.last()),
            _ => None,
        };
        match last {
            Some(l) => cur = l,
            None => break Loc::default(),
        }
    };
    s.end = end;
    s
}

/// Attaches decorators; the statement keeps the `def`/`class` line (3.8+).
pub fn decorate(decorators: Vec<Expr>, mut s: Stmt) -> Stmt {
    match &mut s.kind {
        StmtKind::FunctionDef(f) => f.decorators = decorators,
        StmtKind::ClassDef(c) => c.decorators = decorators,
        _ => {}
    }
    s
}

/// Folds `elif` clauses into nested `If`s in `orelse`, innermost first, so
/// the work is a loop rather than recursion.
pub fn if_stmt(
    l: Loc,
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<(Loc, Expr, Vec<Stmt>)>,
    orelse: Option<Vec<Stmt>>,
) -> Result<Stmt, PErr> {
    if elifs.len() >= MAX_CHAIN {
        return fail(elifs[MAX_CHAIN - 1].0, TOO_DEEP);
    }
    let mut orelse = orelse.unwrap_or_default();
    for (el, etest, ebody) in elifs.into_iter().rev() {
        orelse = vec![Stmt::new(el, StmtKind::If { test: etest, body: ebody, orelse })];
    }
    Ok(Stmt::new(l, StmtKind::If { test, body, orelse }))
}

pub fn import_from(
    l: Loc,
    dots: Vec<u32>,
    module: Option<String>,
    import: Loc,
    names: Vec<Alias>,
) -> Result<Stmt, PErr> {
    if dots.is_empty() && module.is_none() {
        return fail(import, "invalid syntax");
    }
    let level = dots.iter().sum();
    Ok(Stmt::new(l, StmtKind::ImportFrom { module, names, level }))
}

/// `with (a as b, c):`; `with ():` is an empty tuple as the one item.
pub fn paren_with(l: Loc, is_async: bool, paren: Loc, mut items: Vec<WithItem>, body: Vec<Stmt>) -> Stmt {
    if items.is_empty() {
        items.push(WithItem { context: Expr::new(paren, ExprKind::Tuple(Vec::new())), target: None });
    }
    Stmt::new(l, StmtKind::With { items, body, is_async })
}

pub fn with_item(context: Expr, target: Expr) -> Result<WithItem, PErr> {
    check(&target, Ctx::Store)?;
    Ok(WithItem { context, target: Some(target) })
}

pub fn for_stmt(
    l: Loc,
    is_async: bool,
    target: Expr,
    iter: Expr,
    body: Vec<Stmt>,
    orelse: Option<Vec<Stmt>>,
) -> Result<Stmt, PErr> {
    check(&target, Ctx::Store)?;
    no_lone_star(&iter)?;
    Ok(Stmt::new(l, StmtKind::For { target, iter, body, orelse: orelse.unwrap_or_default(), is_async }))
}

pub fn comprehension(is_async: bool, target: Expr, iter: Expr, ifs: Vec<Expr>) -> Result<Comprehension, PErr> {
    check(&target, Ctx::Store)?;
    Ok(Comprehension { target, iter, ifs, is_async })
}

fn no_lone_star(e: &Expr) -> Result<(), PErr> {
    if matches!(e.kind, ExprKind::Starred(_)) {
        return fail(e.loc, "can't use starred expression here");
    }
    Ok(())
}

pub fn expr_stmt(l: Loc, e: Expr) -> Result<Stmt, PErr> {
    no_lone_star(&e)?;
    Ok(Stmt::new(l, StmtKind::Expr(e)))
}

pub fn return_stmt(l: Loc, e: Option<Expr>) -> Result<Stmt, PErr> {
    if let Some(e) = &e {
        no_lone_star(e)?;
    }
    Ok(Stmt::new(l, StmtKind::Return(e)))
}

pub fn delete(l: Loc, targets: Vec<Expr>) -> Result<Stmt, PErr> {
    for t in &targets {
        check(t, Ctx::Del)?;
    }
    Ok(Stmt::new(l, StmtKind::Delete(targets)))
}

pub fn assign(l: Loc, targets: Vec<Expr>, value: Expr) -> Result<Stmt, PErr> {
    let last = targets.len().saturating_sub(1);
    for (i, t) in targets.iter().enumerate() {
        if let Err(TargetError { mut err, hint, at }) = check_target(t, Ctx::Store) {
            // CPython suggests `==` when the bad target sits right before
            // the final `=` and is an operand-level expression.
            let right_before_eq = match &t.kind {
                ExprKind::Tuple(elts) if t.loc == elts[0].loc => elts.last().is_some_and(|x| x.loc == at),
                _ => t.loc == at,
            };
            if hint && i == 0 && last == 0 && right_before_eq {
                err.msg += " here. Maybe you meant '==' instead of '='?";
            }
            return Err(user(err));
        }
    }
    if let ExprKind::Starred(_) = targets[0].kind {
        return fail(targets[0].loc, "starred assignment target must be in a list or tuple");
    }
    no_lone_star(&value)?;
    Ok(Stmt::new(l, StmtKind::Assign { targets, value }))
}

/// `yield = …` (the yield not in parentheses): CPython's own message.
pub fn yield_assign_target(e: Expr) -> Result<Expr, PErr> {
    Err(user(error_at(e.loc, "assignment to yield expression not possible").ending_at(e.end)))
}

pub fn aug_assign(l: Loc, target: Expr, op: BinOp, value: Expr) -> Result<Stmt, PErr> {
    match target.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        _ => {
            let what = expr_name(&target);
            let msg = format!("'{what}' is an illegal expression for augmented assignment");
            return Err(user(error_at(target.loc, msg).ending_at(target.end)));
        }
    }
    no_lone_star(&value)?;
    Ok(Stmt::new(l, StmtKind::AugAssign { target, op, value }))
}

pub fn ann_assign(l: Loc, target: Expr, annotation: Expr, value: Option<Expr>) -> Result<Stmt, PErr> {
    match target.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        ExprKind::Tuple(_) => {
            return fail(target.loc, "only single target (not tuple) can be annotated");
        }
        ExprKind::List(_) => {
            return fail(target.loc, "only single target (not list) can be annotated");
        }
        _ => return fail(target.loc, "illegal target for annotation"),
    }
    if let Some(v) = &value {
        no_lone_star(v)?;
    }
    Ok(Stmt::new(l, StmtKind::AnnAssign { target, annotation, value }))
}

/// Where a target appears: assignment-like binding, or `del`.
#[derive(Clone, Copy, PartialEq)]
enum Ctx {
    Store,
    Del,
}

/// A bad target: the error, whether CPython's "Maybe you meant '=='" hint
/// may apply (operand-level expressions), and the bad node's position.
struct TargetError {
    err: SyntaxErrorInfo,
    hint: bool,
    at: Loc,
}

fn check(e: &Expr, ctx: Ctx) -> Result<(), PErr> {
    check_target(e, ctx).map_err(|t| user(t.err))
}

/// Validates an assignment or `del` target. Recursion follows tuple/list
/// nesting, which needs brackets, so it is bounded by the bracket limit.
fn check_target(e: &Expr, ctx: Ctx) -> Result<(), TargetError> {
    let bad = |what: &str, hint: bool| {
        let verb = if ctx == Ctx::Del { "delete" } else { "assign to" };
        let err = error_at(e.loc, format!("cannot {verb} {what}")).ending_at(e.end);
        Err(TargetError { err, hint: hint && ctx == Ctx::Store, at: e.loc })
    };
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
        ExprKind::Tuple(elts) | ExprKind::List(elts) => {
            let mut starred = 0;
            for x in elts {
                check_target(x, ctx)?;
                if matches!(x.kind, ExprKind::Starred(_)) {
                    starred += 1;
                    if starred > 1 {
                        let err = error_at(e.loc, "multiple starred expressions in assignment");
                        return Err(TargetError { err, hint: false, at: e.loc });
                    }
                }
            }
            Ok(())
        }
        ExprKind::Starred(inner) if ctx == Ctx::Store => {
            if matches!(inner.kind, ExprKind::Starred(_)) {
                return bad("starred", false);
            }
            check_target(inner, ctx)
        }
        ExprKind::Starred(_) => bad("starred", false),
        ExprKind::Constant(Constant::None | Constant::True | Constant::False) => bad(expr_name(e), false),
        // CPython's invalid_named_expression skips a generator expression
        // (`!(list|tuple|genexp|...)`), so it never gets the `==` hint.
        ExprKind::Compare { .. } | ExprKind::IfExp { .. } | ExprKind::Lambda { .. } | ExprKind::GeneratorExp { .. } => {
            bad(expr_name(e), false)
        }
        ExprKind::BoolOp { .. } | ExprKind::UnaryOp { op: UnaryOp::Not, .. } => bad("expression", false),
        _ => bad(expr_name(e), true),
    }
}

/// `target := value`. The grammar takes any expression as the target so
/// that a wrong one gets CPython's message rather than "invalid syntax".
pub fn named_expr(l: Loc, target: Expr, value: Expr) -> Result<Expr, PErr> {
    match target.kind {
        ExprKind::Name(n) if n == "__debug__" => fail(target.loc, "cannot assign to __debug__"),
        ExprKind::Name(n) => Ok(Expr::new(l, ExprKind::NamedExpr { target: n, value: Box::new(value) })),
        _ => fail(target.loc, format!("cannot use assignment expressions with {}", expr_name(&target))),
    }
}

/// CPython's `_PyPegen_get_expr_name`: how error messages call an expression.
fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::True) => "True",
        ExprKind::Constant(Constant::False) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// Concatenates adjacent literals: all bytes, all plain str, or (if any is
/// an f-string) one `JoinedStr` whose constant runs are merged.
pub fn strings(l: Loc, lits: Vec<StrLit>) -> Result<Expr, PErr> {
    let bytes = lits[0].bytes;
    if let Some(odd) = lits.iter().find(|s| s.bytes != bytes) {
        return fail(odd.loc, "cannot mix bytes and nonbytes literals");
    }
    // Like CPython: escape errors point past the literal, non-ASCII bytes at it.
    let decode_err = |lit: &StrLit, msg: String| {
        let at = if msg.starts_with("bytes can only") { lit.loc } else { lit.end };
        user(error_at(at, msg))
    };
    if bytes {
        let mut out = Vec::new();
        for lit in &lits {
            out.extend(decode_bytes(&lit.body, lit.raw).map_err(|e| decode_err(lit, e.0))?);
        }
        return Ok(Expr::new(l, ExprKind::Constant(Constant::Bytes(out))));
    }
    if !lits.iter().any(|s| s.fstring) {
        let mut out = Vec::new();
        for lit in &lits {
            match decode_str_wide(&lit.body, lit.raw).map_err(|e| decode_err(lit, e.0))? {
                Err(text) => out.extend_from_slice(text.as_bytes()),
                Ok(w) => out.extend_from_slice(&w),
            }
        }
        // Valid UTF-8 unless some part holds a lone surrogate.
        let c = match String::from_utf8(out) {
            Ok(s) => Constant::Str(s),
            Err(e) => Constant::StrWide(e.into_bytes()),
        };
        return Ok(Expr::new(l, ExprKind::Constant(c)));
    }
    let mut parts: Vec<Expr> = Vec::new();
    for lit in &lits {
        if lit.fstring {
            for part in fstring::parse_fstring(lit).map_err(user)? {
                push_part(&mut parts, part);
            }
        } else {
            let s = decode_str(&lit.body, lit.raw).map_err(|e| decode_err(lit, e.0))?;
            push_part(&mut parts, Expr::new(lit.loc, ExprKind::Constant(Constant::Str(s))));
        }
    }
    Ok(Expr::new(l, ExprKind::JoinedStr(parts)))
}

/// Appends an f-string part, merging it into a preceding constant and
/// dropping empty constants (CPython's shape for `"a" f"b{x}"`).
pub fn push_part(parts: &mut Vec<Expr>, part: Expr) {
    if let ExprKind::Constant(Constant::Str(s)) = &part.kind {
        if s.is_empty() {
            return;
        }
        if let Some(Expr { kind: ExprKind::Constant(Constant::Str(prev)), .. }) = parts.last_mut() {
            prev.push_str(s);
            return;
        }
    }
    parts.push(part);
}

// ---------------------------------------------------------------- match patterns

/// `first, *rest` as a sequence pattern.
pub fn seq_pattern(l: Loc, first: Pattern, rest: Vec<Pattern>) -> Pattern {
    let mut v = Vec::with_capacity(rest.len() + 1);
    v.push(first);
    v.extend(rest);
    Pattern { loc: l, end: Loc::default(), kind: PatternKind::Sequence(v) }
}

/// `p as name` (`_` cannot be the target).
pub fn as_pattern(l: Loc, p: Pattern, nl: Loc, n: String) -> Result<Pattern, PErr> {
    if n == "_" {
        return fail(nl, "cannot use '_' as a target");
    }
    Ok(Pattern { loc: l, end: Loc::default(), kind: PatternKind::As(Box::new(p), n) })
}

/// `p | q | …`.
pub fn or_pattern(l: Loc, first: Pattern, rest: Vec<Pattern>) -> Pattern {
    let mut v = Vec::with_capacity(rest.len() + 1);
    v.push(first);
    v.extend(rest);
    Pattern { loc: l, end: Loc::default(), kind: PatternKind::Or(v) }
}

/// `-number` in a pattern: the negated constant.
pub fn negative(l: Loc, e: Expr) -> Expr {
    Expr::new(l, ExprKind::UnaryOp { op: UnaryOp::USub, operand: bx(e) })
}

/// A string literal in a pattern: f-strings are refused, as in CPython.
pub fn pattern_strings(l: Loc, lits: Vec<StrLit>) -> Result<Expr, PErr> {
    let e = strings(l, lits)?;
    if matches!(e.kind, ExprKind::JoinedStr(_)) {
        return fail(l, "patterns may only match literals and attribute lookups");
    }
    Ok(e)
}

/// A complex literal in a pattern (`case 1+2j:`, `case -1.5-0j:`): the
/// real part plus or minus the imaginary one, computed when matched.
pub fn complex_literal(l: Loc, re: Expr, plus: bool, il: Loc, imag: f64, r: Loc) -> Expr {
    let im = Expr::new(il, ExprKind::Constant(Constant::Complex(imag))).ended(r);
    let op = if plus { BinOp::Add } else { BinOp::Sub };
    Expr::new(l, ExprKind::BinOp { left: bx(re), op, right: bx(im) })
}

/// A literal pattern: None/True/False compare with `is`, the rest with `==`.
pub fn literal_pattern(l: Loc, e: Expr) -> Pattern {
    let kind = match &e.kind {
        ExprKind::Constant(c @ (Constant::None | Constant::True | Constant::False)) => {
            PatternKind::Singleton(c.clone())
        }
        _ => PatternKind::Value(e),
    };
    Pattern { loc: l, end: Loc::default(), kind }
}

/// A dotted name as an expression (`Color.RED`).
pub fn dotted_expr(l: Loc, v: Vec<(String, Loc)>, r: Loc) -> Expr {
    let mut it = v.into_iter();
    let (first, fl) = it.next().expect("a name");
    let mut e = Expr::new(fl, ExprKind::Name(first));
    e.end = Loc { line: fl.line, col: fl.col + e_len(&e) };
    for (n, nl) in it {
        let end = Loc { line: nl.line, col: nl.col + n.chars().count() as u32 };
        e = Expr::new(l, ExprKind::Attribute { value: bx(e), attr: n });
        e.end = end;
    }
    e.end = r;
    e
}

fn e_len(e: &Expr) -> u32 {
    match &e.kind {
        ExprKind::Name(n) => n.chars().count() as u32,
        _ => 0,
    }
}

/// A bare name (capture or `_`) or a dotted name (value pattern).
pub fn name_pattern(l: Loc, mut v: Vec<(String, Loc)>, r: Loc) -> Pattern {
    if v.len() == 1 {
        let (n, _) = v.pop().expect("a name");
        return Pattern {
            loc: l,
            end: Loc::default(),
            kind: PatternKind::Capture(if n == "_" { None } else { Some(n) }),
        };
    }
    Pattern { loc: l, end: Loc::default(), kind: PatternKind::Value(dotted_expr(l, v, r)) }
}

/// `Cls(p, …, attr=q, …)`: positional sub-patterns must come first.
pub fn class_pattern(
    l: Loc,
    v: Vec<(String, Loc)>,
    r: Loc,
    args: Vec<(Option<String>, Pattern)>,
) -> Result<Pattern, PErr> {
    let cls = dotted_expr(l, v, r);
    let mut patterns = Vec::new();
    let mut kwd: Vec<(String, Pattern)> = Vec::new();
    for (name, p) in args {
        match name {
            Some(n) => kwd.push((n, p)),
            None if !kwd.is_empty() => return fail(p.loc, "positional patterns follow keyword patterns"),
            None => patterns.push(p),
        }
    }
    Ok(Pattern { loc: l, end: Loc::default(), kind: PatternKind::Class { cls, patterns, kwd } })
}

/// `{key: p, …, **rest}`: `**rest` must be last.
pub fn mapping_pattern(l: Loc, items: Vec<(Option<Expr>, Pattern)>) -> Result<Pattern, PErr> {
    let mut keys = Vec::new();
    let mut patterns = Vec::new();
    let mut rest = None;
    for (k, p) in items {
        if rest.is_some() {
            return fail(p.loc, "invalid syntax");
        }
        match k {
            Some(k) => {
                keys.push(k);
                patterns.push(p);
            }
            None => match p.kind {
                PatternKind::Capture(Some(n)) if n != "_" => rest = Some(n),
                _ => return fail(p.loc, "invalid syntax"),
            },
        }
    }
    Ok(Pattern { loc: l, end: Loc::default(), kind: PatternKind::Mapping { keys, patterns, rest } })
}
