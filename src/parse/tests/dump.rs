//! A compact AST rendering, identical to what gen_expected.py prints for
//! CPython's tree, so the two parsers can be compared text to text.

use crate::parse::ast::*;

/// Renders statements one per line, without positions inside f-strings
/// (CPython 3.11's are unreliable there, so the corpus cannot check them).
pub fn dump(prog: &[Stmt]) -> String {
    let mut d = Dumper { in_fstring: 0, fstring_locs: false };
    prog.iter().map(|s| d.stmt(s) + "\n").collect()
}

/// Like [`dump`] but with every position.
pub fn dump_all(prog: &[Stmt]) -> String {
    let mut d = Dumper { in_fstring: 0, fstring_locs: true };
    prog.iter().map(|s| d.stmt(s) + "\n").collect()
}

struct Dumper {
    in_fstring: u32,
    fstring_locs: bool,
}

fn esc_str(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 || c == '\x7f' => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn esc_bytes(b: &[u8]) -> String {
    let mut out = String::from("b'");
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\'' => out.push_str("\\'"),
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push('\'');
    out
}

impl Dumper {
    fn loc(&self, l: Loc) -> String {
        if self.in_fstring > 0 && !self.fstring_locs { "@?".into() } else { format!("@{}:{}", l.line, l.col) }
    }

    fn opt(&mut self, e: Option<&Expr>) -> String {
        e.map_or("~".into(), |e| self.expr(e))
    }

    fn exprs<'a>(&mut self, v: impl IntoIterator<Item = &'a Expr>) -> String {
        let parts: Vec<String> = v.into_iter().map(|e| self.expr(e)).collect();
        format!("[{}]", parts.join(", "))
    }

    fn stmts(&mut self, v: &[Stmt]) -> String {
        let parts: Vec<String> = v.iter().map(|s| self.stmt(s)).collect();
        format!("[{}]", parts.join(", "))
    }

    fn args(&mut self, a: &Arguments) -> String {
        let mut arg = |p: Option<&Arg>| match p {
            None => "~".to_string(),
            Some(p) => match &p.annotation {
                Some(ann) => format!("{}:{}", p.name, self.expr(ann)),
                None => p.name.clone(),
            },
        };
        let join = |v: Vec<String>| v.join(", ");
        let posonly = join(a.posonly.iter().map(|p| arg(Some(p))).collect());
        let args = join(a.args.iter().map(|p| arg(Some(p))).collect());
        let vararg = arg(a.vararg.as_ref());
        let kwonly = join(a.kwonly.iter().map(|p| arg(Some(p))).collect());
        let kwarg = arg(a.kwarg.as_ref());
        let kw_defaults = join(a.kw_defaults.iter().map(|d| self.opt(d.as_ref())).collect());
        let defaults = self.exprs(&a.defaults);
        format!(
            "args(posonly=[{posonly}], args=[{args}], vararg={vararg}, kwonly=[{kwonly}], kw_defaults=[{kw_defaults}], kwarg={kwarg}, defaults={defaults})"
        )
    }

    fn keywords(&mut self, v: &[Keyword]) -> String {
        let parts: Vec<String> =
            v.iter().map(|k| format!("kw({}, {})", k.arg.as_deref().unwrap_or("~"), self.expr(&k.value))).collect();
        format!("[{}]", parts.join(", "))
    }

    fn aliases(v: &[Alias]) -> String {
        let parts: Vec<String> = v
            .iter()
            .map(|a| match &a.asname {
                Some(n) => format!("{} as {n}", a.name),
                None => a.name.clone(),
            })
            .collect();
        format!("[{}]", parts.join(", "))
    }

    fn comps(&mut self, v: &[Comprehension]) -> String {
        let parts: Vec<String> = v
            .iter()
            .map(|c| {
                let (t, i, ifs) = (self.expr(&c.target), self.expr(&c.iter), self.exprs(&c.ifs));
                format!("comp({t}, {i}, {ifs}, {})", c.is_async as u8)
            })
            .collect();
        format!("[{}]", parts.join(", "))
    }

    fn stmt(&mut self, s: &Stmt) -> String {
        let l = self.loc(s.loc);
        match &s.kind {
            StmtKind::Expr(e) => format!("Expr{l}({})", self.expr(e)),
            StmtKind::Assign { targets, value } => {
                format!("Assign{l}({}, {})", self.exprs(targets), self.expr(value))
            }
            StmtKind::AugAssign { target, op, value } => {
                format!("AugAssign{l}({}, {op:?}, {})", self.expr(target), self.expr(value))
            }
            StmtKind::AnnAssign { target, annotation, value } => {
                let (t, a, v) = (self.expr(target), self.expr(annotation), self.opt(value.as_ref()));
                format!("AnnAssign{l}({t}, {a}, {v})")
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                let name = if matches!(s.kind, StmtKind::If { .. }) { "If" } else { "While" };
                format!("{name}{l}({}, {}, {})", self.expr(test), self.stmts(body), self.stmts(orelse))
            }
            StmtKind::For { target, iter, body, orelse, is_async } => {
                let name = if *is_async { "AsyncFor" } else { "For" };
                let (t, i) = (self.expr(target), self.expr(iter));
                format!("{name}{l}({t}, {i}, {}, {})", self.stmts(body), self.stmts(orelse))
            }
            StmtKind::Break => format!("Break{l}"),
            StmtKind::Continue => format!("Continue{l}"),
            StmtKind::Pass => format!("Pass{l}"),
            StmtKind::Return(v) => format!("Return{l}({})", self.opt(v.as_ref())),
            StmtKind::Delete(v) => format!("Delete{l}({})", self.exprs(v)),
            StmtKind::Assert { test, msg } => {
                format!("Assert{l}({}, {})", self.expr(test), self.opt(msg.as_ref()))
            }
            StmtKind::Global(n) => format!("Global{l}({})", n.join(", ")),
            StmtKind::Nonlocal(n) => format!("Nonlocal{l}({})", n.join(", ")),
            StmtKind::Import(a) => format!("Import{l}({})", Self::aliases(a)),
            StmtKind::ImportFrom { module, names, level } => {
                format!("ImportFrom{l}({}, {}, {level})", module.as_deref().unwrap_or("~"), Self::aliases(names))
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                let hs: Vec<String> = handlers
                    .iter()
                    .map(|h| {
                        let hl = self.loc(h.loc);
                        let typ = self.opt(h.typ.as_ref());
                        format!("except{hl}({typ}, {}, {})", h.name.as_deref().unwrap_or("~"), self.stmts(&h.body))
                    })
                    .collect();
                let b = self.stmts(body);
                format!("Try{l}({b}, [{}], {}, {})", hs.join(", "), self.stmts(orelse), self.stmts(finalbody))
            }
            StmtKind::Raise { exc, cause } => {
                format!("Raise{l}({}, {})", self.opt(exc.as_ref()), self.opt(cause.as_ref()))
            }
            StmtKind::With { items, body, is_async } => {
                let name = if *is_async { "AsyncWith" } else { "With" };
                let its: Vec<String> = items
                    .iter()
                    .map(|i| match &i.target {
                        Some(t) => format!("{} as {}", self.expr(&i.context), self.expr(t)),
                        None => self.expr(&i.context),
                    })
                    .collect();
                format!("{name}{l}([{}], {})", its.join(", "), self.stmts(body))
            }
            StmtKind::FunctionDef(f) => {
                let name = if f.is_async { "AsyncFunctionDef" } else { "FunctionDef" };
                let args = self.args(&f.args);
                let body = self.stmts(&f.body);
                let decs = self.exprs(&f.decorators);
                let ret = self.opt(f.returns.as_ref());
                format!("{name}{l}({}, {args}, {body}, {decs}, {ret})", f.name)
            }
            StmtKind::ClassDef(c) => {
                let bases = self.exprs(&c.bases);
                let kws = self.keywords(&c.keywords);
                let body = self.stmts(&c.body);
                let decs = self.exprs(&c.decorators);
                format!("ClassDef{l}({}, {bases}, {kws}, {body}, {decs})", c.name)
            }
            // Not in the corpus (gen_expected.py has no match_case rendering yet).
            StmtKind::Match { subject, cases } => {
                let cs: Vec<String> = cases.iter().map(|c| self.stmts(&c.body)).collect();
                format!("Match{l}({}, [{}])", self.expr(subject), cs.join(", "))
            }
        }
    }

    fn expr(&mut self, e: &Expr) -> String {
        let l = self.loc(e.loc);
        match &e.kind {
            ExprKind::BoolOp { op, values } => format!("BoolOp{l}({op:?}, {})", self.exprs(values)),
            ExprKind::NamedExpr { target, value } => {
                format!("NamedExpr{l}({target}, {})", self.expr(value))
            }
            ExprKind::BinOp { left, op, right } => {
                format!("BinOp{l}({}, {op:?}, {})", self.expr(left), self.expr(right))
            }
            ExprKind::UnaryOp { op, operand } => {
                format!("UnaryOp{l}({op:?}, {})", self.expr(operand))
            }
            ExprKind::Lambda { args, body } => {
                format!("Lambda{l}({}, {})", self.args(args), self.expr(body))
            }
            ExprKind::IfExp { test, body, orelse } => {
                format!("IfExp{l}({}, {}, {})", self.expr(test), self.expr(body), self.expr(orelse))
            }
            ExprKind::Dict { keys, values } => {
                let ks: Vec<String> = keys.iter().map(|k| self.opt(k.as_ref())).collect();
                format!("Dict{l}([{}], {})", ks.join(", "), self.exprs(values))
            }
            ExprKind::Set(v) => format!("Set{l}({})", self.exprs(v)),
            ExprKind::List(v) => format!("List{l}({})", self.exprs(v)),
            ExprKind::Tuple(v) => format!("Tuple{l}({})", self.exprs(v)),
            ExprKind::ListComp { elt, generators } => {
                format!("ListComp{l}({}, {})", self.expr(elt), self.comps(generators))
            }
            ExprKind::SetComp { elt, generators } => {
                format!("SetComp{l}({}, {})", self.expr(elt), self.comps(generators))
            }
            ExprKind::GeneratorExp { elt, generators } => {
                format!("GeneratorExp{l}({}, {})", self.expr(elt), self.comps(generators))
            }
            ExprKind::DictComp { key, value, generators } => {
                format!("DictComp{l}({}, {}, {})", self.expr(key), self.expr(value), self.comps(generators))
            }
            ExprKind::Await(v) => format!("Await{l}({})", self.expr(v)),
            ExprKind::Yield(v) => format!("Yield{l}({})", self.opt(v.as_deref())),
            ExprKind::YieldFrom(v) => format!("YieldFrom{l}({})", self.expr(v)),
            ExprKind::Compare { left, ops, comparators } => {
                let ops: Vec<String> = ops.iter().map(|o| format!("{o:?}")).collect();
                format!("Compare{l}({}, [{}], {})", self.expr(left), ops.join(", "), self.exprs(comparators))
            }
            ExprKind::Call { func, args, keywords } => {
                format!("Call{l}({}, {}, {})", self.expr(func), self.exprs(args), self.keywords(keywords))
            }
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                let conv = conversion.map_or("~".to_string(), |c| c.to_string());
                let v = self.expr(value);
                format!("FormattedValue{l}({v}, {conv}, {})", self.opt(format_spec.as_deref()))
            }
            ExprKind::JoinedStr(v) => {
                self.in_fstring += 1;
                let inner = self.exprs(v);
                self.in_fstring -= 1;
                format!("JoinedStr{l}({inner})")
            }
            ExprKind::Constant(c) => {
                let r = match c {
                    Constant::None => "None".into(),
                    Constant::True => "True".into(),
                    Constant::False => "False".into(),
                    Constant::Ellipsis => "...".into(),
                    Constant::Int(i) => i.to_string(),
                    Constant::Float(f) => format!("f{}", f.to_bits()),
                    Constant::Complex(f) => format!("j{}", f.to_bits()),
                    Constant::Str(s) => esc_str(s),
                    Constant::StrWide(w) => esc_bytes(w),
                    Constant::Bytes(b) => esc_bytes(b),
                };
                format!("Constant{l}({r})")
            }
            ExprKind::Attribute { value, attr } => {
                format!("Attribute{l}({}, {attr})", self.expr(value))
            }
            ExprKind::Subscript { value, slice } => {
                format!("Subscript{l}({}, {})", self.expr(value), self.expr(slice))
            }
            ExprKind::Starred(v) => format!("Starred{l}({})", self.expr(v)),
            ExprKind::Name(n) => format!("Name{l}({n})"),
            ExprKind::Slice { lower, upper, step } => {
                let (a, b, c) = (self.opt(lower.as_deref()), self.opt(upper.as_deref()), self.opt(step.as_deref()));
                format!("Slice{l}({a}, {b}, {c})")
            }
        }
    }
}
