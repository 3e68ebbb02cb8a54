//! `compile()` of an `ast` node object: the `_ast` nodes (built by
//! `ast.parse` or by hand) read back into gilt's syntax tree
//! (parse/ast.rs) and compiled as source would be; and `func_type` mode of
//! `ast.parse`. Missing required fields raise CPython's TypeErrors
//! (`required field "lineno" missing from stmt`); a node of the wrong kind
//! raises `expected some sort of expr, but got <...>`.

use num_bigint::BigInt;

use crate::compile::ExecMode;
use crate::object::value::Value;
use crate::parse::ast::*;
use crate::vm::{PyResult, Vm};

/// `ast.PyCF_ONLY_AST`: compile() returns the tree instead of code.
pub const PYCF_ONLY_AST: i64 = 0x400;

/// Is `v` an instance of `_ast.AST`?
pub fn is_ast(vm: &mut Vm, v: &Value) -> bool {
    let Value::Instance(i) = v else { return false };
    let Some(Value::Module(m)) = vm.rt.modules.get_item_str("_ast") else { return false };
    match m.dict.get_item_str("AST") {
        Some(Value::Class(c)) => i.class.is_subclass(&c),
        _ => false,
    }
}

/// `compile(tree, filename, mode, flags)`: the tree itself with
/// `PyCF_ONLY_AST`, else a code object.
pub fn compile_ast(vm: &mut Vm, tree: &Value, filename: &str, mode: ExecMode, only_ast: bool) -> PyResult {
    let kind = node_kind(tree);
    let expected = match mode {
        ExecMode::Eval => "Expression",
        ExecMode::ExecSingle => "Interactive",
        _ => "Module",
    };
    if kind != expected && !(only_ast && matches!(kind.as_str(), "Module" | "Expression" | "Interactive")) {
        let got = vm.type_name(tree);
        return Err(vm.type_error(&format!("expected {expected} node, got {got}")));
    }
    if !only_ast {
        // CPython's validator (contexts, empty bodies, …) before the tree is read.
        super::ast_validate::validate_mod(vm, tree)?;
    }
    let mut r = FromPy { vm, depth: 0 };
    let program = if kind == "Expression" {
        let body = r.field(tree, "body", "Expression")?;
        let e = r.expr(&body)?;
        vec![Stmt { loc: e.loc, end: e.end, kind: StmtKind::Expr(e) }]
    } else {
        let body = r.field(tree, "body", &kind)?;
        r.stmts(&body)?
    };
    if only_ast {
        return Ok(tree.clone());
    }
    let code = super::builtins_exec::compile_program(vm, &program, "", filename, mode)?;
    Ok(Value::Code(code))
}

/// `ast.parse(src, mode='func_type')`: `(argtypes) -> returns`.
pub fn parse_func_type(vm: &mut Vm, source: &Value, filename: &str) -> PyResult {
    let Some(src) = super::types_str::as_pystr(source).map(|s| s.as_str().to_string()) else {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    // The arrow at bracket depth 0 splits the two halves.
    let mut depth = 0i32;
    let mut arrow = None;
    let b = src.as_bytes();
    for i in 0..b.len() {
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b'-' if depth == 0 && b.get(i + 1) == Some(&b'>') => {
                arrow = Some(i);
                break;
            }
            _ => {}
        }
    }
    let syntax = |vm: &mut Vm| crate::syntax_error(vm, "SyntaxError", "invalid syntax", filename, 1, 1, &src);
    let Some(at) = arrow else { return Err(syntax(vm)) };
    let left = &src[..at];
    if !left.trim_start().starts_with('(') {
        return Err(syntax(vm));
    }
    let prog = super::builtins_exec::parse_for_mode(vm, left, filename, ExecMode::Eval)?;
    let Some(StmtKind::Expr(args)) = prog.into_iter().next().map(|s| s.kind) else { return Err(syntax(vm)) };
    // The right half parsed in place: the left blanked out (newlines kept,
    // so lines and columns stay those of the whole text) and parenthesised.
    let blank: String = left.chars().skip(1).map(|c| if c == '\n' { '\n' } else { ' ' }).collect();
    let right_src = format!("({blank}  {})", &src[at + 2..]);
    let prog = super::builtins_exec::parse_for_mode(vm, &right_src, filename, ExecMode::Eval)?;
    let Some(StmtKind::Expr(returns)) = prog.into_iter().next().map(|s| s.kind) else { return Err(syntax(vm)) };
    let argtypes = match args.kind {
        ExprKind::Tuple(elts) if args.loc.col == 0 || left.trim_start().starts_with("()") => elts,
        _ => vec![args],
    };
    let classes = super::ast_to_py::ast_classes(vm)?;
    let mut conv = super::ast_to_py::ToPy::new(classes, &src);
    Ok(conv.function_type(&argtypes, &returns))
}

/// The `_ast` class name a node is an instance of (the nearest class
/// defined by `_ast`, so subclasses of nodes work).
pub(super) fn node_kind(v: &Value) -> String {
    let Value::Instance(i) = v else { return String::new() };
    for c in i.class.mro_with_self() {
        if let Some(Value::Str(m)) = c.dict.get_item_str("__module__")
            && m.as_str() == "ast"
        {
            return c.name().as_str().to_string();
        }
    }
    i.class.name().as_str().to_string()
}

struct FromPy<'v> {
    vm: &'v mut Vm,
    /// Nesting of the node being read: a tree that contains itself (or is
    /// absurdly deep) raises RecursionError instead of exhausting the stack.
    depth: usize,
}

impl FromPy<'_> {
    fn enter(&mut self, what: &str) -> PyResult<()> {
        if self.depth >= crate::parse::limits::MAX_DEPTH {
            let msg = format!("maximum recursion depth exceeded while traversing '{what}' node");
            return Err(self.vm.err("RecursionError", &msg));
        }
        self.depth += 1;
        Ok(())
    }

    /// A required field; `owner` names the node kind for the error. As in
    /// CPython, an absent field is a TypeError and a None one a ValueError.
    fn field(&mut self, v: &Value, name: &str, owner: &str) -> PyResult<Value> {
        match self.vm.get_attr_str(v, name)? {
            Some(x) if !x.is_none() || is_optional(name) => Ok(x),
            Some(_) => Err(self.vm.value_error(&format!("field '{name}' is required for {owner}"))),
            None => Err(self.vm.type_error(&format!("required field \"{name}\" missing from {owner}"))),
        }
    }

    /// An optional field (absent or None → None).
    fn opt(&mut self, v: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(self.vm.get_attr_str(v, name)?.filter(|x| !x.is_none()))
    }

    fn list(&mut self, v: &Value, name: &str, owner: &str) -> PyResult<Vec<Value>> {
        match self.vm.get_attr_str(v, name)? {
            Some(Value::List(l)) => Ok(l.snapshot()),
            Some(Value::None) | None => {
                Err(self.vm.type_error(&format!("required field \"{name}\" missing from {owner}")))
            }
            Some(other) => {
                let tn = self.vm.type_name(&other);
                Err(self.vm.type_error(&format!("{owner} field \"{name}\" must be a list, not a {tn}")))
            }
        }
    }

    /// An int field: absent is a TypeError, any other value a ValueError.
    fn int(&mut self, v: &Value, name: &str, owner: &str) -> PyResult<i64> {
        match self.vm.get_attr_str(v, name)? {
            Some(Value::Int(i)) => Ok(i),
            Some(Value::Boolean(b)) => Ok(b.get() as i64),
            Some(other) => {
                let r = self.vm.repr_of(&other)?;
                Err(self.vm.value_error(&format!("invalid integer value: {r}")))
            }
            None => Err(self.vm.type_error(&format!("required field \"{name}\" missing from {owner}"))),
        }
    }

    fn ident(&mut self, v: &Value, name: &str, owner: &str) -> PyResult<String> {
        match self.field(v, name, owner)? {
            Value::Str(s) => Ok(s.as_str().to_string()),
            other => {
                let tn = self.vm.type_name(&other);
                Err(self.vm.type_error(&format!("AST identifier must be of type str, not {tn}")))
            }
        }
    }

    fn opt_ident(&mut self, v: &Value, name: &str) -> PyResult<Option<String>> {
        match self.opt(v, name)? {
            Some(Value::Str(s)) => Ok(Some(s.as_str().to_string())),
            None => Ok(None),
            Some(other) => {
                let tn = self.vm.type_name(&other);
                Err(self.vm.type_error(&format!("AST identifier must be of type str, not {tn}")))
            }
        }
    }

    /// (start, end) of a node with position attributes; `owner` is its sum
    /// type for the error (`stmt`, `expr`, …).
    fn span(&mut self, v: &Value, owner: &str) -> PyResult<(Loc, Loc)> {
        let line = self.int(v, "lineno", owner)?;
        let col = self.int(v, "col_offset", owner)?;
        let eline = self.opt(v, "end_lineno")?.and_then(|x| if let Value::Int(i) = x { Some(i) } else { None });
        let ecol = self.opt(v, "end_col_offset")?.and_then(|x| if let Value::Int(i) = x { Some(i) } else { None });
        let clamp = |x: i64| x.clamp(0, u32::MAX as i64) as u32;
        let loc = Loc { line: clamp(line), col: clamp(col) };
        let end = match (eline, ecol) {
            (Some(l), Some(c)) => Loc { line: clamp(l), col: clamp(c) },
            _ => loc,
        };
        Ok((loc, end))
    }

    fn wrong(&mut self, what: &str, v: &Value) -> crate::vm::PyErr {
        let r = self.vm.repr_of(v).unwrap_or_default();
        self.vm.type_error(&format!("expected some sort of {what}, but got {r}"))
    }

    fn stmts(&mut self, v: &Value) -> PyResult<Vec<Stmt>> {
        let items = self.vm.collect(v)?;
        items.iter().map(|s| self.stmt(s)).collect()
    }

    fn exprs(&mut self, items: &[Value]) -> PyResult<Vec<Expr>> {
        items.iter().map(|e| self.expr(e)).collect()
    }

    fn opt_expr(&mut self, v: &Value, name: &str) -> PyResult<Option<Expr>> {
        match self.opt(v, name)? {
            Some(e) => Ok(Some(self.expr(&e)?)),
            None => Ok(None),
        }
    }

    fn body(&mut self, v: &Value, name: &str, owner: &str) -> PyResult<Vec<Stmt>> {
        let items = self.list(v, name, owner)?;
        items.iter().map(|s| self.stmt(s)).collect()
    }

    fn stmt(&mut self, v: &Value) -> PyResult<Stmt> {
        self.enter("stmt")?;
        let r = self.stmt_inner(v);
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, v: &Value) -> PyResult<Stmt> {
        let kind = node_kind(v);
        let k = kind.as_str();
        let (loc, end) = match k {
            "FunctionDef" | "AsyncFunctionDef" | "ClassDef" | "Return" | "Delete" | "Assign" | "AugAssign"
            | "AnnAssign" | "For" | "AsyncFor" | "While" | "If" | "With" | "AsyncWith" | "Match" | "Raise" | "Try"
            | "TryStar" | "Assert" | "Import" | "ImportFrom" | "Global" | "Nonlocal" | "Expr" | "Pass" | "Break"
            | "Continue" => self.span(v, "stmt")?,
            _ => return Err(self.wrong("stmt", v)),
        };
        let sk = match k {
            "Expr" => StmtKind::Expr(self.req_expr(v, "value", k)?),
            "Assign" => {
                let ts = self.list(v, "targets", k)?;
                StmtKind::Assign { targets: self.exprs(&ts)?, value: self.req_expr(v, "value", k)? }
            }
            "AugAssign" => StmtKind::AugAssign {
                target: self.req_expr(v, "target", k)?,
                op: self.binop(v)?,
                value: self.req_expr(v, "value", k)?,
            },
            "AnnAssign" => StmtKind::AnnAssign {
                target: self.req_expr(v, "target", k)?,
                annotation: self.req_expr(v, "annotation", k)?,
                value: self.opt_expr(v, "value")?,
            },
            "If" | "While" => {
                let test = self.req_expr(v, "test", k)?;
                let body = self.body(v, "body", k)?;
                let orelse = self.body(v, "orelse", k)?;
                if k == "If" { StmtKind::If { test, body, orelse } } else { StmtKind::While { test, body, orelse } }
            }
            "For" | "AsyncFor" => StmtKind::For {
                target: self.req_expr(v, "target", k)?,
                iter: self.req_expr(v, "iter", k)?,
                body: self.body(v, "body", k)?,
                orelse: self.body(v, "orelse", k)?,
                is_async: k == "AsyncFor",
            },
            "Break" => StmtKind::Break,
            "Continue" => StmtKind::Continue,
            "Pass" => StmtKind::Pass,
            "Return" => StmtKind::Return(self.opt_expr(v, "value")?),
            "Delete" => {
                let ts = self.list(v, "targets", k)?;
                StmtKind::Delete(self.exprs(&ts)?)
            }
            "Assert" => StmtKind::Assert { test: self.req_expr(v, "test", k)?, msg: self.opt_expr(v, "msg")? },
            "Global" | "Nonlocal" => {
                let names = self.list(v, "names", k)?;
                let names: Vec<String> =
                    names.iter().filter_map(|n| n.as_str().map(|s| s.as_str().to_string())).collect();
                if k == "Global" { StmtKind::Global(names) } else { StmtKind::Nonlocal(names) }
            }
            "Import" => StmtKind::Import(self.aliases(v, k)?),
            "ImportFrom" => {
                let level = match self.opt(v, "level")? {
                    Some(Value::Int(i)) => i.max(0) as u32,
                    _ => 0,
                };
                StmtKind::ImportFrom { module: self.opt_ident(v, "module")?, names: self.aliases(v, k)?, level }
            }
            "Try" | "TryStar" => {
                let hs = self.list(v, "handlers", k)?;
                let mut handlers = Vec::new();
                for h in &hs {
                    if node_kind(h) != "ExceptHandler" {
                        return Err(self.wrong("excepthandler", h));
                    }
                    let (hl, _) = self.span(h, "excepthandler")?;
                    handlers.push(ExceptHandler {
                        loc: hl,
                        typ: self.opt_expr(h, "type")?,
                        name: self.opt_ident(h, "name")?,
                        body: self.body(h, "body", "ExceptHandler")?,
                        star: k == "TryStar",
                    });
                }
                StmtKind::Try {
                    body: self.body(v, "body", k)?,
                    handlers,
                    orelse: self.body(v, "orelse", k)?,
                    finalbody: self.body(v, "finalbody", k)?,
                }
            }
            "Raise" => StmtKind::Raise { exc: self.opt_expr(v, "exc")?, cause: self.opt_expr(v, "cause")? },
            "With" | "AsyncWith" => {
                let its = self.list(v, "items", k)?;
                let mut items = Vec::new();
                for it in &its {
                    items.push(WithItem {
                        context: self.req_expr(it, "context_expr", "withitem")?,
                        target: self.opt_expr(it, "optional_vars")?,
                    });
                }
                StmtKind::With { items, body: self.body(v, "body", k)?, is_async: k == "AsyncWith" }
            }
            "FunctionDef" | "AsyncFunctionDef" => {
                let a = self.field(v, "args", k)?;
                let decos = self.list(v, "decorator_list", k)?;
                StmtKind::FunctionDef(Box::new(FunctionDef {
                    name: self.ident(v, "name", k)?,
                    args: self.arguments(&a)?,
                    body: self.body(v, "body", k)?,
                    decorators: self.exprs(&decos)?,
                    returns: self.opt_expr(v, "returns")?,
                    is_async: k == "AsyncFunctionDef",
                }))
            }
            "ClassDef" => {
                let bases = self.list(v, "bases", k)?;
                let kws = self.list(v, "keywords", k)?;
                let decos = self.list(v, "decorator_list", k)?;
                StmtKind::ClassDef(Box::new(ClassDef {
                    name: self.ident(v, "name", k)?,
                    bases: self.exprs(&bases)?,
                    keywords: self.keywords(&kws)?,
                    body: self.body(v, "body", k)?,
                    decorators: self.exprs(&decos)?,
                }))
            }
            "Match" => {
                let subject = self.req_expr(v, "subject", k)?;
                let cs = self.list(v, "cases", k)?;
                let mut cases = Vec::new();
                for c in &cs {
                    let p = self.field(c, "pattern", "match_case")?;
                    let pattern = self.pattern(&p)?;
                    cases.push(MatchCase {
                        loc: pattern.loc,
                        pattern,
                        guard: self.opt_expr(c, "guard")?,
                        body: self.body(c, "body", "match_case")?,
                    });
                }
                StmtKind::Match { subject, cases }
            }
            _ => return Err(self.wrong("stmt", v)),
        };
        Ok(Stmt { loc, end, kind: sk })
    }

    fn req_expr(&mut self, v: &Value, name: &str, owner: &str) -> PyResult<Expr> {
        let e = self.field(v, name, owner)?;
        self.expr(&e)
    }

    fn aliases(&mut self, v: &Value, owner: &str) -> PyResult<Vec<Alias>> {
        let items = self.list(v, "names", owner)?;
        let mut out = Vec::new();
        for a in &items {
            let loc = self.opt_span(a)?;
            out.push(Alias { name: self.ident(a, "name", "alias")?, asname: self.opt_ident(a, "asname")?, loc });
        }
        Ok(out)
    }

    /// The start of a node whose position is optional to the compiler.
    fn opt_span(&mut self, v: &Value) -> PyResult<Loc> {
        let line = self.opt(v, "lineno")?;
        let col = self.opt(v, "col_offset")?;
        Ok(match (line, col) {
            (Some(Value::Int(l)), Some(Value::Int(c))) => {
                Loc { line: l.clamp(0, u32::MAX as i64) as u32, col: c.clamp(0, u32::MAX as i64) as u32 }
            }
            _ => Loc::default(),
        })
    }

    fn keywords(&mut self, items: &[Value]) -> PyResult<Vec<Keyword>> {
        let mut out = Vec::new();
        for k in items {
            let loc = self.opt_span(k)?;
            out.push(Keyword { arg: self.opt_ident(k, "arg")?, value: self.req_expr(k, "value", "keyword")?, loc });
        }
        Ok(out)
    }

    fn arg(&mut self, v: &Value) -> PyResult<Arg> {
        let loc = self.opt_span(v)?;
        Ok(Arg { name: self.ident(v, "arg", "arg")?, annotation: self.opt_expr(v, "annotation")?, loc })
    }

    fn arg_list(&mut self, v: &Value, name: &str) -> PyResult<Vec<Arg>> {
        let items = self.list(v, name, "arguments")?;
        items.iter().map(|a| self.arg(a)).collect()
    }

    fn arguments(&mut self, v: &Value) -> PyResult<Arguments> {
        let vararg = match self.opt(v, "vararg")? {
            Some(a) => Some(self.arg(&a)?),
            None => None,
        };
        let kwarg = match self.opt(v, "kwarg")? {
            Some(a) => Some(self.arg(&a)?),
            None => None,
        };
        let kwd = self.list(v, "kw_defaults", "arguments")?;
        let mut kw_defaults = Vec::new();
        for d in &kwd {
            kw_defaults.push(if d.is_none() { None } else { Some(self.expr(d)?) });
        }
        let defaults = self.list(v, "defaults", "arguments")?;
        let a = Arguments {
            posonly: self.arg_list(v, "posonlyargs")?,
            args: self.arg_list(v, "args")?,
            vararg,
            kwonly: self.arg_list(v, "kwonlyargs")?,
            kw_defaults,
            kwarg,
            defaults: self.exprs(&defaults)?,
        };
        if a.kw_defaults.len() != a.kwonly.len() {
            return Err(self.vm.value_error("length of kwonlyargs is not the same as kw_defaults on arguments"));
        }
        if a.defaults.len() > a.posonly.len() + a.args.len() {
            return Err(self.vm.value_error("more positional defaults than args on arguments"));
        }
        Ok(a)
    }

    fn comprehensions(&mut self, v: &Value, owner: &str) -> PyResult<Vec<Comprehension>> {
        let items = self.list(v, "generators", owner)?;
        if items.is_empty() {
            return Err(self.vm.value_error("comprehension with no generators"));
        }
        let mut out = Vec::new();
        for g in &items {
            let ifs = self.list(g, "ifs", "comprehension")?;
            out.push(Comprehension {
                target: self.req_expr(g, "target", "comprehension")?,
                iter: self.req_expr(g, "iter", "comprehension")?,
                ifs: self.exprs(&ifs)?,
                is_async: self.int(g, "is_async", "comprehension")? != 0,
            });
        }
        Ok(out)
    }

    fn op_name(&mut self, v: &Value, field: &str, owner: &str) -> PyResult<String> {
        let o = self.field(v, field, owner)?;
        Ok(node_kind(&o))
    }

    fn binop(&mut self, v: &Value) -> PyResult<BinOp> {
        let n = self.op_name(v, "op", "BinOp")?;
        Ok(match n.as_str() {
            "Add" => BinOp::Add,
            "Sub" => BinOp::Sub,
            "Mult" => BinOp::Mult,
            "MatMult" => BinOp::MatMult,
            "Div" => BinOp::Div,
            "FloorDiv" => BinOp::FloorDiv,
            "Mod" => BinOp::Mod,
            "Pow" => BinOp::Pow,
            "LShift" => BinOp::LShift,
            "RShift" => BinOp::RShift,
            "BitOr" => BinOp::BitOr,
            "BitXor" => BinOp::BitXor,
            "BitAnd" => BinOp::BitAnd,
            _ => {
                let o = self.field(v, "op", "BinOp")?;
                return Err(self.wrong("operator", &o));
            }
        })
    }

    fn constant(&mut self, c: &Value, loc: Loc, end: Loc) -> PyResult<ExprKind> {
        Ok(ExprKind::Constant(match c {
            Value::None => Constant::None,
            Value::Boolean(b) => {
                if b.get() {
                    Constant::True
                } else {
                    Constant::False
                }
            }
            Value::Ellipsis => Constant::Ellipsis,
            Value::Int(i) => Constant::Int(BigInt::from(*i)),
            Value::BigInt(b) => Constant::Int((**b).clone()),
            Value::Flt(f) => Constant::Float(f.get()),
            Value::Cplx(z) if z.re == 0.0 && z.re.is_sign_positive() => Constant::Complex(z.im),
            Value::Cplx(z) => {
                let re = Expr { loc, end, kind: ExprKind::Constant(Constant::Float(z.re)) };
                let im = Expr { loc, end, kind: ExprKind::Constant(Constant::Complex(z.im)) };
                return Ok(ExprKind::BinOp { left: Box::new(re), op: BinOp::Add, right: Box::new(im) });
            }
            Value::Str(s) if s.has_surrogates() => Constant::StrWide(s.wide_utf8().to_vec()),
            Value::Str(s) => Constant::Str(s.as_str().to_string()),
            Value::Bytes(b) => Constant::Bytes((**b).clone()),
            Value::Tuple(t) => {
                let mut elts = Vec::new();
                for x in t.items.iter() {
                    elts.push(Expr { loc, end, kind: self.constant(x, loc, end)? });
                }
                return Ok(ExprKind::Tuple(elts));
            }
            other => {
                // CPython accepts frozenset constants after checking their
                // items; gilt's tree has no frozenset constant, but an
                // invalid item is still the one named.
                if let Value::Set(s) = other
                    && s.frozen
                {
                    let items = s.lock().keys();
                    for x in &items {
                        self.constant(x, loc, end)?;
                    }
                }
                let tn = self.vm.type_name(other);
                return Err(self.vm.type_error(&format!("got an invalid type in Constant: {tn}")));
            }
        }))
    }

    fn expr(&mut self, v: &Value) -> PyResult<Expr> {
        self.enter("expr")?;
        let r = self.expr_inner(v);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, v: &Value) -> PyResult<Expr> {
        let kind = node_kind(v);
        let k = kind.as_str();
        const EXPRS: &[&str] = &[
            "BoolOp",
            "NamedExpr",
            "BinOp",
            "UnaryOp",
            "Lambda",
            "IfExp",
            "Dict",
            "Set",
            "ListComp",
            "SetComp",
            "DictComp",
            "GeneratorExp",
            "Await",
            "Yield",
            "YieldFrom",
            "Compare",
            "Call",
            "FormattedValue",
            "JoinedStr",
            "Constant",
            "Attribute",
            "Subscript",
            "Starred",
            "Name",
            "List",
            "Tuple",
            "Slice",
        ];
        if !EXPRS.contains(&k) {
            return Err(self.wrong("expr", v));
        }
        let (loc, end) = self.span(v, "expr")?;
        let bx = Box::new;
        let ek = match k {
            "BoolOp" => {
                let op = match self.op_name(v, "op", k)?.as_str() {
                    "And" => BoolOp::And,
                    "Or" => BoolOp::Or,
                    _ => {
                        let o = self.field(v, "op", k)?;
                        return Err(self.wrong("boolop", &o));
                    }
                };
                let vals = self.list(v, "values", k)?;
                if vals.len() < 2 {
                    return Err(self.vm.value_error("BoolOp with less than 2 values"));
                }
                ExprKind::BoolOp { op, values: self.exprs(&vals)? }
            }
            "NamedExpr" => {
                let t = self.field(v, "target", k)?;
                let target = match self.expr(&t)?.kind {
                    ExprKind::Name(n) => n,
                    _ => return Err(self.vm.type_error("NamedExpr target must be a Name")),
                };
                ExprKind::NamedExpr { target, value: bx(self.req_expr(v, "value", k)?) }
            }
            "BinOp" => ExprKind::BinOp {
                left: bx(self.req_expr(v, "left", k)?),
                op: self.binop(v)?,
                right: bx(self.req_expr(v, "right", k)?),
            },
            "UnaryOp" => {
                let op = match self.op_name(v, "op", k)?.as_str() {
                    "Invert" => UnaryOp::Invert,
                    "Not" => UnaryOp::Not,
                    "UAdd" => UnaryOp::UAdd,
                    "USub" => UnaryOp::USub,
                    _ => {
                        let o = self.field(v, "op", k)?;
                        return Err(self.wrong("unaryop", &o));
                    }
                };
                ExprKind::UnaryOp { op, operand: bx(self.req_expr(v, "operand", k)?) }
            }
            "Lambda" => {
                let a = self.field(v, "args", k)?;
                ExprKind::Lambda { args: Box::new(self.arguments(&a)?), body: bx(self.req_expr(v, "body", k)?) }
            }
            "IfExp" => ExprKind::IfExp {
                test: bx(self.req_expr(v, "test", k)?),
                body: bx(self.req_expr(v, "body", k)?),
                orelse: bx(self.req_expr(v, "orelse", k)?),
            },
            "Dict" => {
                let ks = self.list(v, "keys", k)?;
                let vs = self.list(v, "values", k)?;
                if ks.len() != vs.len() {
                    return Err(self.vm.value_error("Dict doesn't have the same number of keys as values"));
                }
                let mut keys = Vec::new();
                for x in &ks {
                    keys.push(if x.is_none() { None } else { Some(self.expr(x)?) });
                }
                ExprKind::Dict { keys, values: self.exprs(&vs)? }
            }
            "Set" => {
                let es = self.list(v, "elts", k)?;
                ExprKind::Set(self.exprs(&es)?)
            }
            "ListComp" | "SetComp" | "GeneratorExp" => {
                let elt = bx(self.req_expr(v, "elt", k)?);
                let generators = self.comprehensions(v, k)?;
                match k {
                    "ListComp" => ExprKind::ListComp { elt, generators },
                    "SetComp" => ExprKind::SetComp { elt, generators },
                    _ => ExprKind::GeneratorExp { elt, generators },
                }
            }
            "DictComp" => ExprKind::DictComp {
                key: bx(self.req_expr(v, "key", k)?),
                value: bx(self.req_expr(v, "value", k)?),
                generators: self.comprehensions(v, k)?,
            },
            "Await" => ExprKind::Await(bx(self.req_expr(v, "value", k)?)),
            "Yield" => ExprKind::Yield(self.opt_expr(v, "value")?.map(Box::new)),
            "YieldFrom" => ExprKind::YieldFrom(bx(self.req_expr(v, "value", k)?)),
            "Compare" => {
                let ops_v = self.list(v, "ops", k)?;
                let mut ops = Vec::new();
                for o in &ops_v {
                    ops.push(match node_kind(o).as_str() {
                        "Eq" => CmpOp::Eq,
                        "NotEq" => CmpOp::NotEq,
                        "Lt" => CmpOp::Lt,
                        "LtE" => CmpOp::LtE,
                        "Gt" => CmpOp::Gt,
                        "GtE" => CmpOp::GtE,
                        "Is" => CmpOp::Is,
                        "IsNot" => CmpOp::IsNot,
                        "In" => CmpOp::In,
                        "NotIn" => CmpOp::NotIn,
                        _ => return Err(self.wrong("cmpop", o)),
                    });
                }
                let cs = self.list(v, "comparators", k)?;
                if cs.is_empty() {
                    return Err(self.vm.value_error("Compare with no comparators"));
                }
                if cs.len() != ops.len() {
                    return Err(self.vm.value_error("Compare has a different number of comparators and operands"));
                }
                ExprKind::Compare { left: bx(self.req_expr(v, "left", k)?), ops, comparators: self.exprs(&cs)? }
            }
            "Call" => {
                let args = self.list(v, "args", k)?;
                let kws = self.list(v, "keywords", k)?;
                ExprKind::Call {
                    func: bx(self.req_expr(v, "func", k)?),
                    args: self.exprs(&args)?,
                    keywords: self.keywords(&kws)?,
                }
            }
            "FormattedValue" => {
                let conv = match self.opt(v, "conversion")? {
                    Some(Value::Int(c)) if c >= 0 => char::from_u32(c as u32),
                    _ => None,
                };
                ExprKind::FormattedValue {
                    value: bx(self.req_expr(v, "value", k)?),
                    conversion: conv,
                    format_spec: self.opt_expr(v, "format_spec")?.map(Box::new),
                }
            }
            "JoinedStr" => {
                let vs = self.list(v, "values", k)?;
                ExprKind::JoinedStr(self.exprs(&vs)?)
            }
            "Constant" => {
                let c = self.vm.get_attr_str(v, "value")?;
                match c {
                    Some(c) => self.constant(&c, loc, end)?,
                    None => return Err(self.vm.type_error("required field \"value\" missing from Constant")),
                }
            }
            "Attribute" => {
                ExprKind::Attribute { value: bx(self.req_expr(v, "value", k)?), attr: self.ident(v, "attr", k)? }
            }
            "Subscript" => ExprKind::Subscript {
                value: bx(self.req_expr(v, "value", k)?),
                slice: bx(self.req_expr(v, "slice", k)?),
            },
            "Starred" => ExprKind::Starred(bx(self.req_expr(v, "value", k)?)),
            "Name" => ExprKind::Name(self.ident(v, "id", k)?),
            "List" | "Tuple" => {
                let es = self.list(v, "elts", k)?;
                let elts = self.exprs(&es)?;
                if k == "List" { ExprKind::List(elts) } else { ExprKind::Tuple(elts) }
            }
            "Slice" => ExprKind::Slice {
                lower: self.opt_expr(v, "lower")?.map(Box::new),
                upper: self.opt_expr(v, "upper")?.map(Box::new),
                step: self.opt_expr(v, "step")?.map(Box::new),
            },
            _ => return Err(self.wrong("expr", v)),
        };
        Ok(Expr { loc, end, kind: ek })
    }

    fn pattern(&mut self, v: &Value) -> PyResult<Pattern> {
        self.enter("pattern")?;
        let r = self.pattern_inner(v);
        self.depth -= 1;
        r
    }

    fn pattern_inner(&mut self, v: &Value) -> PyResult<Pattern> {
        let kind = node_kind(v);
        let k = kind.as_str();
        if !k.starts_with("Match") {
            return Err(self.wrong("pattern", v));
        }
        let (loc, end) = self.span(v, "pattern")?;
        let pk = match k {
            "MatchValue" => PatternKind::Value(self.req_expr(v, "value", k)?),
            "MatchSingleton" => {
                let c = self.vm.get_attr_str(v, "value")?.unwrap_or(Value::None);
                PatternKind::Singleton(match c {
                    Value::Boolean(b) if b.get() => Constant::True,
                    Value::Boolean(_) => Constant::False,
                    _ => Constant::None,
                })
            }
            "MatchSequence" => PatternKind::Sequence(self.patterns(v, "patterns", k)?),
            "MatchStar" => PatternKind::Star(self.opt_ident(v, "name")?),
            "MatchMapping" => {
                let ks = self.list(v, "keys", k)?;
                PatternKind::Mapping {
                    keys: self.exprs(&ks)?,
                    patterns: self.patterns(v, "patterns", k)?,
                    rest: self.opt_ident(v, "rest")?,
                }
            }
            "MatchClass" => {
                let attrs = self.list(v, "kwd_attrs", k)?;
                let kps = self.patterns(v, "kwd_patterns", k)?;
                let names: Vec<String> =
                    attrs.iter().filter_map(|n| n.as_str().map(|s| s.as_str().to_string())).collect();
                PatternKind::Class {
                    cls: self.req_expr(v, "cls", k)?,
                    patterns: self.patterns(v, "patterns", k)?,
                    kwd: names.into_iter().zip(kps).collect(),
                }
            }
            "MatchAs" => {
                let name = self.opt_ident(v, "name")?;
                match self.opt(v, "pattern")? {
                    Some(p) => {
                        let inner = self.pattern(&p)?;
                        match name {
                            Some(n) => PatternKind::As(Box::new(inner), n),
                            None => {
                                return Err(self
                                    .vm
                                    .value_error("MatchAs must specify a target name if a pattern is given"));
                            }
                        }
                    }
                    None => PatternKind::Capture(name),
                }
            }
            "MatchOr" => PatternKind::Or(self.patterns(v, "patterns", k)?),
            _ => return Err(self.wrong("pattern", v)),
        };
        Ok(Pattern { loc, end, kind: pk })
    }

    fn patterns(&mut self, v: &Value, name: &str, owner: &str) -> PyResult<Vec<Pattern>> {
        let items = self.list(v, name, owner)?;
        items.iter().map(|p| self.pattern(p)).collect()
    }
}

/// Fields that may be None without being "missing".
fn is_optional(name: &str) -> bool {
    matches!(name, "end_lineno" | "end_col_offset")
}
