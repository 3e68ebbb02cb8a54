//! The symbol-table pass: decides, for every name in every scope, whether it
//! is a fast local, a cell (captured by an inner function), a free variable
//! (captured from an outer one), or a global.
//!
//! It walks the tree in exactly the order the code generator does, so the
//! generator can take child scopes one after the other from `children`.

use std::collections::{HashMap, HashSet};

use crate::parse::ast::*;

/// Kinds of scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    /// Comprehensions and generator expressions (function-like).
    Comprehension,
}

/// Where a name lives in one scope, once resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
    /// Class-body or module-level name (locals dict / globals).
    Name,
}

/// One scope's symbols, resolved, with its nested scopes in source order.
#[derive(Clone, Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub params: Vec<String>,
    /// Names assigned here, in first-seen order (for stable local numbering).
    pub assigned_order: Vec<String>,
    assigned: HashSet<String>,
    used: HashSet<String>,
    globals: HashSet<String>,
    nonlocals: HashSet<String>,
    pub resolved: HashMap<String, NameScope>,
    pub cells: Vec<String>,
    pub frees: Vec<String>,
    pub children: Vec<Scope>,
    pub is_generator: bool,
    pub is_async: bool,
    /// A method uses `super()` or `__class__`: the class needs a `__class__` cell.
    pub uses_class_cell: bool,
    /// Comprehension-only: names bound by a walrus, which belong to the enclosing scope.
    walrus_targets: HashSet<String>,
    /// The name of the innermost enclosing class (this one for a class
    /// scope): private names `__x` in this scope are mangled with it.
    pub private: Option<String>,
}

/// Private name mangling, as CPython's compiler does it: inside a class
/// `_Name` (leading underscores stripped), `__x` becomes `_Name__x`, except
/// dunders (`__x__`), dotted names (`import __a.b`) and when the class name
/// is all underscores.
pub fn mangle<'a>(private: Option<&str>, name: &'a str) -> std::borrow::Cow<'a, str> {
    let Some(class) = private else { return name.into() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.into();
    }
    format!("_{stripped}{name}").into()
}

/// A compile-time error found while building the table.
#[derive(Debug)]
pub struct SymError {
    pub msg: String,
    pub loc: Loc,
    /// Where the offending statement ends, when the error underlines it.
    pub end: Option<Loc>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            params: Vec::new(),
            assigned_order: Vec::new(),
            assigned: HashSet::new(),
            used: HashSet::new(),
            globals: HashSet::new(),
            nonlocals: HashSet::new(),
            resolved: HashMap::new(),
            cells: Vec::new(),
            frees: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_async: false,
            uses_class_cell: false,
            walrus_targets: HashSet::new(),
            private: None,
        }
    }

    /// `name` as this scope spells it (mangled inside a class).
    pub fn mangled<'a>(&self, name: &'a str) -> std::borrow::Cow<'a, str> {
        mangle(self.private.as_deref(), name)
    }

    fn assign(&mut self, name: &str) {
        let name = mangle(self.private.as_deref(), name).into_owned();
        let name = name.as_str();
        if self.assigned.insert(name.to_string()) {
            self.assigned_order.push(name.to_string());
        }
    }

    /// How code in this scope reaches `name`.
    pub fn lookup(&self, name: &str) -> NameScope {
        if let Some(s) = self.resolved.get(name) {
            return *s;
        }
        match self.kind {
            ScopeKind::Module | ScopeKind::Class => NameScope::Name,
            _ => NameScope::GlobalImplicit,
        }
    }
}

/// The parameters in the order CPython builds `__annotations__`:
/// positional, `*args`, keyword-only, `**kwargs`.
pub fn annotated_args(a: &Arguments) -> impl Iterator<Item = &Arg> {
    a.posonly.iter().chain(a.args.iter()).chain(a.vararg.iter()).chain(a.kwonly.iter()).chain(a.kwarg.iter())
}

/// Builds the resolved scope tree for a module.
pub fn build(program: &[Stmt]) -> Result<Scope, SymError> {
    let future_annotations = super::unparse::future_annotations(program);
    let mut b = Builder { stack: vec![Scope::new(ScopeKind::Module, "<module>")], future_annotations };
    for s in program {
        b.stmt(s)?;
    }
    let mut top = b.stack.pop().expect("module scope");
    resolve(&mut top, &[])?;
    Ok(top)
}

/// How many child scopes (functions, lambdas, classes, comprehensions) a
/// `try` statement creates directly in its scope: `(before, finally)`, those
/// of the body, `else` and handlers, then those of the `finally` body.
///
/// The code generator emits a `finally` body more than once (the normal
/// path, the exception path, and before every `return`/`break`/`continue`
/// that leaves the `try`), so it must hand the same child scopes to each
/// copy instead of taking new ones from the queue.
/// `kind` is the scope the `try` is in (module and class bodies evaluate
/// annotations), `future_annotations` the module's PEP 563 switch.
pub fn try_scope_counts(
    body: &[Stmt],
    handlers: &[ExceptHandler],
    orelse: &[Stmt],
    fin: &[Stmt],
    kind: ScopeKind,
    future_annotations: bool,
) -> (usize, usize) {
    // A scratch scope of the same kind: the walk only counts; the real walk
    // has already succeeded on this tree, and a fresh scope can raise no
    // error it did not (no parameters, nothing used or assigned before).
    let mut b = Builder { stack: vec![Scope::new(kind, "<count>")], future_annotations };
    let _ = b.try_parts(body, handlers, orelse);
    let before = b.cur().children.len();
    let _ = b.stmts(fin);
    (before, b.cur().children.len() - before)
}

/// How many child scopes (lambdas, comprehensions, functions, classes) the
/// statement `s` creates directly in a scope of this kind.
pub fn stmt_scope_count(s: &Stmt, kind: ScopeKind, future_annotations: bool) -> usize {
    let mut b = Builder { stack: vec![Scope::new(kind, "<count>")], future_annotations };
    let _ = b.stmts(std::slice::from_ref(s));
    b.cur().children.len()
}

struct Builder {
    stack: Vec<Scope>,
    /// `from __future__ import annotations`: annotations are compiled as
    /// strings, so their expressions bind and use nothing.
    future_annotations: bool,
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        self.stack.last_mut().expect("scope")
    }

    fn push(&mut self, kind: ScopeKind, name: &str) {
        let mut s = Scope::new(kind, name);
        s.private = match kind {
            ScopeKind::Class => Some(name.to_string()),
            _ => self.stack.last().and_then(|p| p.private.clone()),
        };
        self.stack.push(s);
    }

    /// `n` mangled for the current scope.
    fn m(&self, n: &str) -> String {
        self.stack.last().expect("scope").mangled(n).into_owned()
    }

    fn pop(&mut self) {
        let s = self.stack.pop().expect("scope");
        self.cur().children.push(s);
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), SymError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), SymError> {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    let n = self.m(n);
                    self.cur().used.insert(n);
                }
                self.target(target)?;
            }
            StmtKind::AnnAssign { target, annotation, value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                // `simple`: a bare name not in parentheses (`(x): int` is not).
                let simple = matches!(target.kind, ExprKind::Name(_)) && target.loc == s.loc;
                if value.is_some() || !matches!(target.kind, ExprKind::Name(_)) {
                    self.target(target)?;
                } else if let ExprKind::Name(n) = &target.kind
                    && simple
                {
                    // `x: int` alone still makes x local in a function.
                    let n = n.clone();
                    self.cur().assign(&n);
                }
                // Last, as the compiler evaluates it (child scopes in order).
                if matches!(self.cur().kind, ScopeKind::Class | ScopeKind::Module) && !self.future_annotations {
                    self.expr(annotation)?;
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.target(t)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    let n = &self.m(n);
                    let cur = self.cur();
                    if cur.params.contains(n) {
                        return Err(SymError {
                            msg: format!("name '{n}' is parameter and global"),
                            loc: s.loc,
                            end: None,
                        });
                    }
                    if cur.used.contains(n) || cur.assigned.contains(n) {
                        let what = if cur.assigned.contains(n) { "assigned to" } else { "used" };
                        return Err(SymError {
                            msg: format!("name '{n}' is {what} before global declaration"),
                            loc: s.loc,
                            end: None,
                        });
                    }
                    cur.globals.insert(n.clone());
                    // As CPython's symtable: a `global` anywhere makes the
                    // name explicitly global at module level too (stored
                    // with StoreGlobal even by exec with separate locals).
                    self.stack[0].globals.insert(n.clone());
                }
            }
            StmtKind::Nonlocal(names) => {
                if self.cur().kind == ScopeKind::Module {
                    return Err(SymError {
                        msg: "nonlocal declaration not allowed at module level".into(),
                        loc: s.loc,
                        end: Some(s.end),
                    });
                }
                for n in names {
                    let n = &self.m(n);
                    let cur = self.cur();
                    if cur.params.contains(n) {
                        return Err(SymError {
                            msg: format!("name '{n}' is parameter and nonlocal"),
                            loc: s.loc,
                            end: None,
                        });
                    }
                    if cur.used.contains(n) || cur.assigned.contains(n) {
                        let what = if cur.assigned.contains(n) { "assigned to" } else { "used" };
                        return Err(SymError {
                            msg: format!("name '{n}' is {what} before nonlocal declaration"),
                            loc: s.loc,
                            end: None,
                        });
                    }
                    cur.nonlocals.insert(n.clone());
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.split('.').next().unwrap_or("").to_string());
                    self.cur().assign(&bound);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            return Err(SymError {
                                msg: "import * only allowed at module level".into(),
                                loc: s.loc,
                                end: None,
                            });
                        }
                        continue;
                    }
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.cur().assign(&bound);
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.try_parts(body, handlers, orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for c in cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            StmtKind::With { items, body, .. } => {
                for it in items {
                    self.expr(&it.context)?;
                    if let Some(t) = &it.target {
                        self.target(t)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d)?;
                }
                self.arg_defaults(&f.args)?;
                // Annotations are evaluated here, in the defining scope, in
                // the code generator's order (see `push_annotations`).
                if !self.future_annotations {
                    for a in annotated_args(&f.args) {
                        if let Some(e) = &a.annotation {
                            self.expr(e)?;
                        }
                    }
                    if let Some(r) = &f.returns {
                        self.expr(r)?;
                    }
                }
                let name = f.name.clone();
                self.cur().assign(&name);
                self.push(ScopeKind::Function, &f.name);
                self.cur().is_async = f.is_async;
                self.params(&f.args)?;
                self.stmts(&f.body)?;
                self.pop();
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d)?;
                }
                // The code generator makes the body's function before it
                // evaluates the bases and keywords (in this scope), so a
                // lambda or comprehension among them comes after the body.
                self.push(ScopeKind::Class, &c.name);
                self.stmts(&c.body)?;
                self.pop();
                for b in &c.bases {
                    self.expr(b)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                let name = c.name.clone();
                self.cur().assign(&name);
            }
        }
        Ok(())
    }

    /// A `try` statement without its `finally` body, in the code generator's
    /// order: body, `else`, then the handlers.
    fn try_parts(&mut self, body: &[Stmt], handlers: &[ExceptHandler], orelse: &[Stmt]) -> Result<(), SymError> {
        self.stmts(body)?;
        self.stmts(orelse)?;
        for h in handlers {
            if let Some(t) = &h.typ {
                self.expr(t)?;
            }
            if let Some(n) = &h.name {
                self.cur().assign(n);
            }
            self.stmts(&h.body)?;
        }
        Ok(())
    }

    fn arg_defaults(&mut self, a: &Arguments) -> Result<(), SymError> {
        for d in &a.defaults {
            self.expr(d)?;
        }
        for d in a.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        Ok(())
    }

    fn params(&mut self, a: &Arguments) -> Result<(), SymError> {
        let mut names: Vec<String> = Vec::new();
        let all =
            a.posonly.iter().chain(a.args.iter()).chain(a.vararg.iter()).chain(a.kwonly.iter()).chain(a.kwarg.iter());
        for p in all {
            if names.contains(&p.name) {
                return Err(SymError {
                    msg: format!("duplicate argument '{}' in function definition", p.name),
                    loc: p.loc,
                    end: None,
                });
            }
            names.push(p.name.clone());
        }
        // Locals are numbered in CPython's order: positional, keyword-only, *args, **kwargs.
        let mut ordered: Vec<String> = Vec::new();
        for p in a.posonly.iter().chain(a.args.iter()).chain(a.kwonly.iter()) {
            ordered.push(p.name.clone());
        }
        if let Some(v) = &a.vararg {
            ordered.push(v.name.clone());
        }
        if let Some(k) = &a.kwarg {
            ordered.push(k.name.clone());
        }
        let ordered: Vec<String> = ordered.iter().map(|n| self.m(n)).collect();
        for n in &ordered {
            self.cur().assign(n);
        }
        self.cur().params = ordered;
        Ok(())
    }

    /// A `case` pattern: its captures are assignments, its values and
    /// classes are loads.
    fn pattern(&mut self, p: &Pattern) -> Result<(), SymError> {
        match &p.kind {
            PatternKind::Value(e) => self.expr(e)?,
            PatternKind::Singleton(_) | PatternKind::Capture(None) | PatternKind::Star(None) => {}
            PatternKind::Capture(Some(n)) | PatternKind::Star(Some(n)) => self.cur().assign(n),
            PatternKind::Sequence(v) | PatternKind::Or(v) => {
                for p in v {
                    self.pattern(p)?;
                }
            }
            PatternKind::Mapping { keys, patterns, rest } => {
                for k in keys {
                    self.expr(k)?;
                }
                for p in patterns {
                    self.pattern(p)?;
                }
                if let Some(n) = rest {
                    self.cur().assign(n);
                }
            }
            PatternKind::Class { cls, patterns, kwd } => {
                self.expr(cls)?;
                for p in patterns.iter().chain(kwd.iter().map(|k| &k.1)) {
                    self.pattern(p)?;
                }
            }
            PatternKind::As(p, n) => {
                self.pattern(p)?;
                self.cur().assign(n);
            }
        }
        Ok(())
    }

    fn target(&mut self, t: &Expr) -> Result<(), SymError> {
        match &t.kind {
            ExprKind::Name(n) => {
                let n = n.clone();
                self.cur().assign(&n);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i)?;
                }
            }
            ExprKind::Starred(inner) => self.target(inner)?,
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            _ => self.expr(t)?,
        }
        Ok(())
    }

    fn use_name(&mut self, n: &str) {
        if n == "super" || n == "__class__" {
            // Zero-argument super() needs the class cell of the enclosing class.
            let in_function = matches!(self.cur().kind, ScopeKind::Function | ScopeKind::Comprehension);
            if in_function {
                self.cur().used.insert("__class__".to_string());
            }
        }
        let n = self.m(n);
        self.cur().used.insert(n);
    }

    fn comprehension(&mut self, generators: &[Comprehension], elts: &[&Expr], name: &str) -> Result<(), SymError> {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&generators[0].iter)?;
        self.push(ScopeKind::Comprehension, name);
        self.cur().params.push(".0".to_string());
        self.cur().assign(".0");
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for cond in &g.ifs {
                self.expr(cond)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        if name == "<genexpr>" {
            self.cur().is_generator = true;
        }
        self.pop();
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SymError> {
        match &e.kind {
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v)?;
                }
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                let target = &self.m(target);
                let idx = self.stack.len() - 1;
                if self.stack[idx].kind == ScopeKind::Comprehension {
                    // Bind in the nearest enclosing non-comprehension scope.
                    let mut j = idx;
                    while j > 0 && self.stack[j].kind == ScopeKind::Comprehension {
                        self.stack[j].walrus_targets.insert(target.clone());
                        self.stack[j].used.insert(target.clone());
                        j -= 1;
                    }
                    self.stack[j].assign(target);
                } else {
                    self.cur().assign(target);
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.arg_defaults(args)?;
                self.push(ScopeKind::Function, "<lambda>");
                self.params(args)?;
                self.expr(body)?;
                self.pop();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for (k, v) in keys.iter().zip(values.iter()) {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
            }
            ExprKind::Set(items) | ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::JoinedStr(items) => {
                for i in items {
                    self.expr(i)?;
                }
            }
            ExprKind::ListComp { elt, generators } => self.comprehension(generators, &[elt], "<listcomp>")?,
            ExprKind::SetComp { elt, generators } => self.comprehension(generators, &[elt], "<setcomp>")?,
            ExprKind::GeneratorExp { elt, generators } => self.comprehension(generators, &[elt], "<genexpr>")?,
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(generators, &[key, value], "<dictcomp>")?
            }
            ExprKind::Await(v) => self.expr(v)?,
            ExprKind::Yield(v) => {
                self.cur().is_generator = true;
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom(v) => {
                self.cur().is_generator = true;
                self.expr(v)?;
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left)?;
                for c in comparators {
                    self.expr(c)?;
                }
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func)?;
                for a in args {
                    self.expr(a)?;
                }
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value)?;
                if let Some(s) = format_spec {
                    self.expr(s)?;
                }
            }
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred(v) => self.expr(v)?,
            ExprKind::Name(n) => self.use_name(n),
            ExprKind::Slice { lower, upper, step } => {
                for p in [lower, upper, step].into_iter().flatten() {
                    self.expr(p)?;
                }
            }
        }
        Ok(())
    }
}

/// Resolves names bottom-up. `enclosing` lists the function scopes around
/// this one (innermost last) with the names they bind locally.
fn resolve(scope: &mut Scope, enclosing: &[HashSet<String>]) -> Result<(), SymError> {
    let is_fn = matches!(scope.kind, ScopeKind::Function | ScopeKind::Comprehension);
    // First decide this scope's own bindings.
    for n in scope.globals.clone() {
        scope.resolved.insert(n, NameScope::GlobalExplicit);
    }
    if is_fn {
        for n in scope.assigned_order.clone() {
            if scope.globals.contains(&n) || scope.nonlocals.contains(&n) || scope.walrus_targets.contains(&n) {
                continue;
            }
            scope.resolved.insert(n, NameScope::Local);
        }
    }
    for n in scope.nonlocals.clone() {
        if !enclosing.iter().any(|s| s.contains(&n)) {
            return Err(SymError {
                msg: format!("no binding for nonlocal '{n}' found"),
                loc: Loc::default(),
                end: None,
            });
        }
        scope.resolved.insert(n.clone(), NameScope::Free);
        scope.frees.push(n);
    }
    for n in scope.walrus_targets.clone() {
        // The target lives in the enclosing function, or is a global when
        // that scope is the module (or declares it global).
        if !enclosing.iter().any(|s| s.contains(&n)) {
            scope.resolved.insert(n, NameScope::GlobalExplicit);
            continue;
        }
        scope.resolved.insert(n.clone(), NameScope::Free);
        if !scope.frees.contains(&n) {
            scope.frees.push(n);
        }
    }
    // Names this scope uses without binding: free if an enclosing function binds them.
    let mut used: Vec<String> = scope.used.iter().cloned().collect();
    used.sort();
    for n in used {
        if scope.resolved.contains_key(&n) {
            continue;
        }
        if scope.kind == ScopeKind::Class && n != "__class__" {
            if enclosing.iter().any(|s| s.contains(&n)) && !scope.assigned.contains(&n) {
                scope.resolved.insert(n.clone(), NameScope::Free);
                scope.frees.push(n);
            }
            continue;
        }
        if scope.kind == ScopeKind::Module {
            continue;
        }
        if enclosing.iter().any(|s| s.contains(&n)) {
            scope.resolved.insert(n.clone(), NameScope::Free);
            scope.frees.push(n);
        }
    }
    // Children see this scope's locals (class scopes are invisible to them,
    // except for the implicit __class__ cell).
    let mut child_env: Vec<HashSet<String>> = enclosing.to_vec();
    if is_fn {
        let locals: HashSet<String> = scope
            .resolved
            .iter()
            .filter(|(_, s)| matches!(s, NameScope::Local | NameScope::Free))
            .map(|(n, _)| n.clone())
            .collect();
        child_env.push(locals);
    } else if scope.kind == ScopeKind::Class {
        let mut s = HashSet::new();
        s.insert("__class__".to_string());
        child_env.push(s);
    }
    let mut children = std::mem::take(&mut scope.children);
    for c in children.iter_mut() {
        resolve(c, &child_env)?;
        // A child's free variable that we bind becomes a cell here; one we
        // don't bind passes through us as a free variable of our own.
        for f in c.frees.clone() {
            if scope.kind == ScopeKind::Class {
                if f == "__class__" {
                    scope.uses_class_cell = true;
                    if !scope.cells.contains(&f) {
                        scope.cells.push(f.clone());
                    }
                } else if enclosing.iter().any(|s| s.contains(&f)) && !scope.frees.contains(&f) {
                    // The cell passes through to the child; a name the class
                    // body binds itself stays a class-dict name there
                    // (CPython's DEF_FREE_CLASS).
                    scope.frees.push(f.clone());
                    if !scope.assigned.contains(&f) {
                        scope.resolved.entry(f.clone()).or_insert(NameScope::Free);
                    }
                }
                continue;
            }
            match scope.resolved.get(&f) {
                Some(NameScope::Local) | Some(NameScope::Cell) => {
                    scope.resolved.insert(f.clone(), NameScope::Cell);
                    if !scope.cells.contains(&f) {
                        scope.cells.push(f.clone());
                    }
                }
                Some(NameScope::Free) => {}
                _ => {
                    if scope.kind != ScopeKind::Module && !scope.frees.contains(&f) {
                        scope.frees.push(f.clone());
                        scope.resolved.insert(f.clone(), NameScope::Free);
                    }
                }
            }
        }
    }
    scope.children = children;
    // Unresolved names in functions are globals.
    if is_fn {
        for n in scope.used.clone() {
            scope.resolved.entry(n).or_insert(NameScope::GlobalImplicit);
        }
    }
    Ok(())
}
