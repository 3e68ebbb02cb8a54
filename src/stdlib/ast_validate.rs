//! The checks `compile()` makes on an `ast` tree before compiling it (as
//! CPython's `Python/ast.c` validator does): expression contexts (`Load`,
//! `Store`, `Del`), empty bodies and target lists, `None` inside statement
//! and expression lists, argument defaults, `try` shapes, import levels,
//! position ranges and match patterns, each with CPython 3.11's ValueError
//! (or TypeError) message.
//!
//! It walks the Python node objects themselves, before `ast_from_py` turns
//! them into gilt's tree: gilt's tree keeps no expression contexts, and a
//! `None` in a list has no place in it. A field that is missing or of the
//! wrong type is skipped here; the conversion that follows reports it with
//! CPython's TypeError.

use super::ast_from_py::node_kind;
use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

use super::ast_to_py::Ctx;

/// Validates a `Module`, `Interactive` or `Expression` tree.
pub fn validate_mod(vm: &mut Vm, tree: &Value) -> PyResult<()> {
    let mut v = Validator { vm, depth: 0 };
    if node_kind(tree) == "Expression" {
        v.expr_field(tree, "body", Ctx::Load)
    } else {
        match v.list(tree, "body")? {
            Some(body) => v.stmts(&body),
            None => Ok(()),
        }
    }
}

struct Validator<'v> {
    vm: &'v mut Vm,
    /// Nesting of the node being checked. Past the conversion's limit the
    /// walk stops: the conversion then raises its RecursionError.
    depth: usize,
}

impl Validator<'_> {
    fn fail<T>(&mut self, msg: &str) -> PyResult<T> {
        Err(self.vm.value_error(msg))
    }

    /// A field that is present and not None.
    fn attr(&mut self, v: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(self.vm.get_attr_str(v, name)?.filter(|x| !x.is_none()))
    }

    fn list(&mut self, v: &Value, name: &str) -> PyResult<Option<Vec<Value>>> {
        Ok(match self.vm.get_attr_str(v, name)? {
            Some(Value::List(l)) => Some(l.snapshot()),
            _ => None,
        })
    }

    fn int(&mut self, v: &Value, name: &str) -> PyResult<Option<i64>> {
        Ok(match self.vm.get_attr_str(v, name)? {
            Some(Value::Int(i)) => Some(i),
            Some(Value::Boolean(b)) => Some(b.get() as i64),
            _ => None,
        })
    }

    fn str_attr(&mut self, v: &Value, name: &str) -> PyResult<Option<String>> {
        Ok(match self.vm.get_attr_str(v, name)? {
            Some(Value::Str(s)) => Some(s.as_str().to_string()),
            _ => None,
        })
    }

    /// Runs `check` one level deeper; past the depth limit the walk stops
    /// there (the conversion then raises its RecursionError).
    fn nested(&mut self, check: impl FnOnce(&mut Self) -> PyResult<()>) -> PyResult<()> {
        if self.depth >= crate::parse::limits::MAX_DEPTH {
            return Ok(());
        }
        self.depth += 1;
        let r = check(self);
        self.depth -= 1;
        r
    }

    /// A node's `lineno`/`col_offset` against its end (missing ends are the
    /// start, as the conversion takes them).
    fn positions(&mut self, v: &Value) -> PyResult<()> {
        let (Some(line), Some(col)) = (self.int(v, "lineno")?, self.int(v, "col_offset")?) else {
            return Ok(());
        };
        let eline = self.int(v, "end_lineno")?.unwrap_or(line);
        let ecol = self.int(v, "end_col_offset")?.unwrap_or(col);
        if line > eline {
            return self.fail(&format!("AST node line range ({line}, {eline}) is not valid"));
        }
        if (line < 0 && eline != line) || (col < 0 && col != ecol) {
            return self
                .fail(&format!("AST node column range ({col}, {ecol}) for line range ({line}, {eline}) is not valid"));
        }
        if line == eline && col > ecol {
            return self.fail(&format!("line {line}, column {col}-{ecol} is not a valid range"));
        }
        Ok(())
    }

    fn nonempty(&mut self, v: &Value, field: &str, owner: &str) -> PyResult<Option<Vec<Value>>> {
        let items = self.list(v, field)?;
        if items.as_ref().is_some_and(|i| i.is_empty()) {
            return self.fail(&format!("empty {field} on {owner}"));
        }
        Ok(items)
    }

    fn body(&mut self, v: &Value, field: &str, owner: &str) -> PyResult<()> {
        match self.nonempty(v, field, owner)? {
            Some(items) => self.stmts(&items),
            None => Ok(()),
        }
    }

    fn stmts(&mut self, items: &[Value]) -> PyResult<()> {
        for s in items {
            if s.is_none() {
                return self.fail("None disallowed in statement list");
            }
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmts_field(&mut self, v: &Value, field: &str) -> PyResult<()> {
        match self.list(v, field)? {
            Some(items) => self.stmts(&items),
            None => Ok(()),
        }
    }

    fn exprs(&mut self, items: &[Value], ctx: Ctx, null_ok: bool) -> PyResult<()> {
        for e in items {
            if e.is_none() {
                if !null_ok {
                    return self.fail("None disallowed in expression list");
                }
                continue;
            }
            self.expr(e, ctx)?;
        }
        Ok(())
    }

    fn exprs_field(&mut self, v: &Value, field: &str, ctx: Ctx, null_ok: bool) -> PyResult<()> {
        match self.list(v, field)? {
            Some(items) => self.exprs(&items, ctx, null_ok),
            None => Ok(()),
        }
    }

    /// An expression field, required or optional alike: a missing required
    /// one is the conversion's error.
    fn expr_field(&mut self, v: &Value, field: &str, ctx: Ctx) -> PyResult<()> {
        match self.attr(v, field)? {
            Some(e) => self.expr(&e, ctx),
            None => Ok(()),
        }
    }

    fn stmt(&mut self, v: &Value) -> PyResult<()> {
        self.nested(|me| me.stmt_inner(v))
    }

    fn stmt_inner(&mut self, v: &Value) -> PyResult<()> {
        let kind = node_kind(v);
        let k = kind.as_str();
        self.positions(v)?;
        match k {
            "FunctionDef" | "AsyncFunctionDef" => {
                self.body(v, "body", k)?;
                self.arguments(v)?;
                self.exprs_field(v, "decorator_list", Ctx::Load, false)?;
                self.expr_field(v, "returns", Ctx::Load)
            }
            "ClassDef" => {
                self.body(v, "body", k)?;
                self.exprs_field(v, "bases", Ctx::Load, false)?;
                self.keywords(v)?;
                self.exprs_field(v, "decorator_list", Ctx::Load, false)
            }
            "Return" | "Expr" => self.expr_field(v, "value", Ctx::Load),
            "Delete" | "Assign" => {
                let ctx = if k == "Delete" { Ctx::Del } else { Ctx::Store };
                if let Some(targets) = self.nonempty(v, "targets", k)? {
                    self.exprs(&targets, ctx, false)?;
                }
                self.expr_field(v, "value", Ctx::Load)
            }
            "AugAssign" => {
                self.expr_field(v, "target", Ctx::Store)?;
                self.expr_field(v, "value", Ctx::Load)
            }
            "AnnAssign" => {
                let simple = self.int(v, "simple")?.unwrap_or(0) != 0;
                if let Some(t) = self.attr(v, "target")?
                    && simple
                    && node_kind(&t) != "Name"
                {
                    return Err(self.vm.type_error("AnnAssign with simple non-Name target"));
                }
                self.expr_field(v, "target", Ctx::Store)?;
                self.expr_field(v, "value", Ctx::Load)?;
                self.expr_field(v, "annotation", Ctx::Load)
            }
            "For" | "AsyncFor" => {
                self.expr_field(v, "target", Ctx::Store)?;
                self.expr_field(v, "iter", Ctx::Load)?;
                self.body(v, "body", k)?;
                self.stmts_field(v, "orelse")
            }
            "While" | "If" => {
                self.expr_field(v, "test", Ctx::Load)?;
                self.body(v, "body", k)?;
                self.stmts_field(v, "orelse")
            }
            "With" | "AsyncWith" => {
                for item in self.nonempty(v, "items", k)?.unwrap_or_default() {
                    self.expr_field(&item, "context_expr", Ctx::Load)?;
                    self.expr_field(&item, "optional_vars", Ctx::Store)?;
                }
                self.body(v, "body", k)
            }
            "Match" => {
                self.expr_field(v, "subject", Ctx::Load)?;
                for case in self.nonempty(v, "cases", "Match")?.unwrap_or_default() {
                    if let Some(p) = self.attr(&case, "pattern")? {
                        self.pattern(&p, false)?;
                    }
                    self.expr_field(&case, "guard", Ctx::Load)?;
                    self.body(&case, "body", "match_case")?;
                }
                Ok(())
            }
            "Raise" => {
                if self.attr(v, "exc")?.is_some() {
                    self.expr_field(v, "exc", Ctx::Load)?;
                    self.expr_field(v, "cause", Ctx::Load)
                } else if self.attr(v, "cause")?.is_some() {
                    self.fail("Raise with cause but no exception")
                } else {
                    Ok(())
                }
            }
            "Try" | "TryStar" => self.try_stmt(v, k),
            "Assert" => {
                self.expr_field(v, "test", Ctx::Load)?;
                self.expr_field(v, "msg", Ctx::Load)
            }
            "Import" | "Global" | "Nonlocal" => self.nonempty(v, "names", k).map(drop),
            "ImportFrom" => {
                if self.int(v, "level")?.is_some_and(|l| l < 0) {
                    return self.fail("Negative ImportFrom level");
                }
                self.nonempty(v, "names", k).map(drop)
            }
            _ => Ok(()),
        }
    }

    fn try_stmt(&mut self, v: &Value, k: &str) -> PyResult<()> {
        self.body(v, "body", k)?;
        let handlers = self.list(v, "handlers")?.unwrap_or_default();
        let finalbody = self.list(v, "finalbody")?.unwrap_or_default();
        let orelse = self.list(v, "orelse")?.unwrap_or_default();
        if handlers.is_empty() && finalbody.is_empty() {
            return self.fail(&format!("{k} has neither except handlers nor finalbody"));
        }
        if handlers.is_empty() && !orelse.is_empty() {
            return self.fail(&format!("{k} has orelse but no except handlers"));
        }
        for h in &handlers {
            if h.is_none() {
                continue; // the conversion names a non-handler
            }
            self.positions(h)?;
            self.expr_field(h, "type", Ctx::Load)?;
            self.body(h, "body", "ExceptHandler")?;
        }
        self.stmts(&finalbody)?;
        self.stmts(&orelse)
    }

    fn keywords(&mut self, v: &Value) -> PyResult<()> {
        for kw in self.list(v, "keywords")?.unwrap_or_default() {
            self.expr_field(&kw, "value", Ctx::Load)?;
        }
        Ok(())
    }

    /// The annotations of a list of `arg` nodes.
    fn arg_list(&mut self, a: &Value, field: &str) -> PyResult<usize> {
        let items = self.list(a, field)?.unwrap_or_default();
        for arg in &items {
            if !arg.is_none() {
                self.expr_field(arg, "annotation", Ctx::Load)?;
            }
        }
        Ok(items.len())
    }

    /// The `args` field (an `arguments` node) of a function or lambda.
    fn arguments(&mut self, owner: &Value) -> PyResult<()> {
        let Some(a) = self.attr(owner, "args")? else { return Ok(()) };
        let positional = self.arg_list(&a, "posonlyargs")? + self.arg_list(&a, "args")?;
        if let Some(va) = self.attr(&a, "vararg")? {
            self.expr_field(&va, "annotation", Ctx::Load)?;
        }
        let kwonly = self.arg_list(&a, "kwonlyargs")?;
        if let Some(kw) = self.attr(&a, "kwarg")? {
            self.expr_field(&kw, "annotation", Ctx::Load)?;
        }
        let defaults = self.list(&a, "defaults")?.unwrap_or_default();
        if defaults.len() > positional {
            return self.fail("more positional defaults than args on arguments");
        }
        let kw_defaults = self.list(&a, "kw_defaults")?.unwrap_or_default();
        if kw_defaults.len() != kwonly {
            return self.fail("length of kwonlyargs is not the same as kw_defaults on arguments");
        }
        self.exprs(&defaults, Ctx::Load, false)?;
        self.exprs(&kw_defaults, Ctx::Load, true)
    }

    fn comprehension(&mut self, v: &Value) -> PyResult<()> {
        let Some(gens) = self.list(v, "generators")? else { return Ok(()) };
        if gens.is_empty() {
            return self.fail("comprehension with no generators");
        }
        for g in &gens {
            self.expr_field(g, "target", Ctx::Store)?;
            self.expr_field(g, "iter", Ctx::Load)?;
            self.exprs_field(g, "ifs", Ctx::Load, false)?;
        }
        Ok(())
    }

    fn ctx_of(&mut self, v: &Value) -> PyResult<Option<Ctx>> {
        let Some(c) = self.attr(v, "ctx")? else { return Ok(None) };
        Ok(match node_kind(&c).as_str() {
            "Load" => Some(Ctx::Load),
            "Store" => Some(Ctx::Store),
            "Del" => Some(Ctx::Del),
            _ => None,
        })
    }

    fn expr(&mut self, v: &Value, ctx: Ctx) -> PyResult<()> {
        self.nested(|me| me.expr_inner(v, ctx))
    }

    fn expr_inner(&mut self, v: &Value, ctx: Ctx) -> PyResult<()> {
        let kind = node_kind(v);
        let k = kind.as_str();
        self.positions(v)?;
        match k {
            "Attribute" | "Subscript" | "Starred" | "Name" | "List" | "Tuple" => {
                if let Some(actual) = self.ctx_of(v)?
                    && actual != ctx
                {
                    let msg = format!("expression must have {} context but has {} instead", ctx.name(), actual.name());
                    return self.fail(&msg);
                }
            }
            _ if ctx != Ctx::Load => {
                return self.fail(&format!("expression which can't be assigned to in {} context", ctx.name()));
            }
            _ => {}
        }
        let load = Ctx::Load;
        match k {
            "BoolOp" => {
                let Some(values) = self.list(v, "values")? else { return Ok(()) };
                if values.len() < 2 {
                    return self.fail("BoolOp with less than 2 values");
                }
                self.exprs(&values, load, false)
            }
            "BinOp" => {
                self.expr_field(v, "left", load)?;
                self.expr_field(v, "right", load)
            }
            "UnaryOp" => self.expr_field(v, "operand", load),
            "Lambda" => {
                self.arguments(v)?;
                self.expr_field(v, "body", load)
            }
            "IfExp" => {
                self.expr_field(v, "test", load)?;
                self.expr_field(v, "body", load)?;
                self.expr_field(v, "orelse", load)
            }
            "Dict" => {
                let (Some(keys), Some(values)) = (self.list(v, "keys")?, self.list(v, "values")?) else {
                    return Ok(());
                };
                if keys.len() != values.len() {
                    return self.fail("Dict doesn't have the same number of keys as values");
                }
                // A None key is `**mapping`.
                self.exprs(&keys, load, true)?;
                self.exprs(&values, load, false)
            }
            "Set" | "List" | "Tuple" => {
                let c = if k == "Set" { load } else { ctx };
                self.exprs_field(v, "elts", c, false)
            }
            "ListComp" | "SetComp" | "GeneratorExp" => {
                self.comprehension(v)?;
                self.expr_field(v, "elt", load)
            }
            "DictComp" => {
                self.comprehension(v)?;
                self.expr_field(v, "key", load)?;
                self.expr_field(v, "value", load)
            }
            "Yield" | "YieldFrom" | "Await" | "Attribute" | "NamedExpr" => self.expr_field(v, "value", load),
            "Compare" => {
                let comparators = self.list(v, "comparators")?.unwrap_or_default();
                let ops = self.list(v, "ops")?.unwrap_or_default();
                if comparators.is_empty() {
                    return self.fail("Compare with no comparators");
                }
                if comparators.len() != ops.len() {
                    return self.fail("Compare has a different number of comparators and operands");
                }
                self.exprs(&comparators, load, false)?;
                self.expr_field(v, "left", load)
            }
            "Call" => {
                self.expr_field(v, "func", load)?;
                self.exprs_field(v, "args", load, false)?;
                self.keywords(v)
            }
            "JoinedStr" => self.exprs_field(v, "values", load, false),
            "FormattedValue" => {
                self.expr_field(v, "value", load)?;
                self.expr_field(v, "format_spec", load)
            }
            "Subscript" => {
                self.expr_field(v, "slice", load)?;
                self.expr_field(v, "value", load)
            }
            "Starred" => self.expr_field(v, "value", ctx),
            "Slice" => {
                self.expr_field(v, "lower", load)?;
                self.expr_field(v, "upper", load)?;
                self.expr_field(v, "step", load)
            }
            "Name" => match self.str_attr(v, "id")? {
                Some(id) => self.name(&id),
                None => Ok(()),
            },
            _ => Ok(()),
        }
    }

    /// `None`, `True` and `False` are constants, never names.
    fn name(&mut self, id: &str) -> PyResult<()> {
        if matches!(id, "None" | "True" | "False") {
            return self.fail(&format!("identifier field can't represent '{id}' constant"));
        }
        Ok(())
    }

    /// A name a pattern binds: a plain name, never `_`.
    fn capture(&mut self, id: &str) -> PyResult<()> {
        if id == "_" {
            return self.fail("can't capture name '_' in patterns");
        }
        self.name(id)
    }

    fn patterns(&mut self, v: &Value, field: &str, star_ok: bool) -> PyResult<()> {
        for p in self.list(v, field)?.unwrap_or_default() {
            if !p.is_none() {
                self.pattern(&p, star_ok)?;
            }
        }
        Ok(())
    }

    fn pattern(&mut self, v: &Value, star_ok: bool) -> PyResult<()> {
        self.nested(|me| me.pattern_inner(v, star_ok))
    }

    fn pattern_inner(&mut self, v: &Value, star_ok: bool) -> PyResult<()> {
        let kind = node_kind(v);
        self.positions(v)?;
        match kind.as_str() {
            "MatchValue" => match self.attr(v, "value")? {
                Some(e) => self.match_value(&e),
                None => Ok(()),
            },
            "MatchSingleton" => match self.vm.get_attr_str(v, "value")? {
                Some(Value::None | Value::Boolean(_)) | None => Ok(()),
                Some(_) => self.fail("MatchSingleton can only contain True, False and None"),
            },
            "MatchSequence" => self.patterns(v, "patterns", true),
            "MatchMapping" => {
                let keys = self.list(v, "keys")?.unwrap_or_default();
                let pats = self.list(v, "patterns")?.unwrap_or_default();
                if keys.len() != pats.len() {
                    return self.fail("MatchMapping doesn't have the same number of keys as patterns");
                }
                if let Some(rest) = self.str_attr(v, "rest")? {
                    self.capture(&rest)?;
                }
                for key in &keys {
                    // None, True and False keys are syntactically valid here.
                    if node_kind(key) == "Constant"
                        && matches!(self.vm.get_attr_str(key, "value")?, Some(Value::None | Value::Boolean(_)))
                    {
                        continue;
                    }
                    if !key.is_none() {
                        self.match_value(key)?;
                    }
                }
                self.patterns(v, "patterns", false)
            }
            "MatchClass" => {
                let attrs = self.list(v, "kwd_attrs")?.unwrap_or_default();
                let kwd = self.list(v, "kwd_patterns")?.unwrap_or_default();
                if attrs.len() != kwd.len() {
                    return self.fail("MatchClass doesn't have the same number of keyword attributes as patterns");
                }
                self.expr_field(v, "cls", Ctx::Load)?;
                let mut cls = self.attr(v, "cls")?;
                while let Some(c) = cls {
                    match node_kind(&c).as_str() {
                        "Name" => break,
                        "Attribute" => cls = self.attr(&c, "value")?,
                        _ => return self.fail("MatchClass cls field can only contain Name or Attribute nodes."),
                    }
                }
                for a in &attrs {
                    if let Value::Str(s) = a {
                        self.name(s.as_str())?;
                    }
                }
                self.patterns(v, "patterns", false)?;
                self.patterns(v, "kwd_patterns", false)
            }
            "MatchStar" => {
                if !star_ok {
                    return self.fail("can't use MatchStar here");
                }
                match self.str_attr(v, "name")? {
                    Some(n) => self.capture(&n),
                    None => Ok(()),
                }
            }
            "MatchAs" => {
                let name = self.str_attr(v, "name")?;
                if let Some(n) = &name {
                    self.capture(n)?;
                }
                match self.attr(v, "pattern")? {
                    None => Ok(()),
                    Some(_) if name.is_none() => self.fail("MatchAs must specify a target name if a pattern is given"),
                    Some(p) => self.pattern(&p, false),
                }
            }
            "MatchOr" => {
                let pats = self.list(v, "patterns")?.unwrap_or_default();
                if pats.len() < 2 {
                    return self.fail("MatchOr requires at least 2 patterns");
                }
                self.patterns(v, "patterns", false)
            }
            _ => Ok(()),
        }
    }

    /// What a value pattern may be: a number, string or bytes constant, a
    /// negated number, a complex literal (`1+2j`), an attribute lookup.
    fn match_value(&mut self, e: &Value) -> PyResult<()> {
        self.expr(e, Ctx::Load)?;
        let ok = match node_kind(e).as_str() {
            "Constant" => {
                let c = self.vm.get_attr_str(e, "value")?;
                if matches!(
                    c,
                    Some(
                        Value::Int(_)
                            | Value::BigInt(_)
                            | Value::Flt(_)
                            | Value::Cplx(_)
                            | Value::Str(_)
                            | Value::Bytes(_)
                    )
                ) {
                    return Ok(());
                }
                return self.fail("unexpected constant inside of a literal pattern");
            }
            "Attribute" | "JoinedStr" => true,
            "UnaryOp" => self.negative_number(e, true)?,
            "BinOp" => self.complex_literal(e)?,
            _ => false,
        };
        if ok { Ok(()) } else { self.fail("patterns may only match literals and attribute lookups") }
    }

    /// A constant number; `imaginary` says which kind (None: either).
    fn number(&mut self, e: &Value, imaginary: Option<bool>) -> PyResult<bool> {
        if node_kind(e) != "Constant" {
            return Ok(false);
        }
        Ok(match self.vm.get_attr_str(e, "value")? {
            Some(Value::Int(_) | Value::BigInt(_) | Value::Flt(_)) => imaginary != Some(true),
            Some(Value::Cplx(_)) => imaginary != Some(false),
            _ => false,
        })
    }

    /// `-N` for a number N (real only unless `imaginary_ok`).
    fn negative_number(&mut self, e: &Value, imaginary_ok: bool) -> PyResult<bool> {
        let op = self.attr(e, "op")?;
        if op.is_none_or(|o| node_kind(&o) != "USub") {
            return Ok(false);
        }
        let Some(operand) = self.attr(e, "operand")? else { return Ok(false) };
        self.number(&operand, if imaginary_ok { None } else { Some(false) })
    }

    /// `R + Ij` or `R - Ij`, R a real number (maybe negated), I imaginary.
    fn complex_literal(&mut self, e: &Value) -> PyResult<bool> {
        let op = self.attr(e, "op")?;
        if !op.is_some_and(|o| matches!(node_kind(&o).as_str(), "Add" | "Sub")) {
            return Ok(false);
        }
        let (Some(left), Some(right)) = (self.attr(e, "left")?, self.attr(e, "right")?) else {
            return Ok(false);
        };
        let real = match node_kind(&left).as_str() {
            "UnaryOp" => self.negative_number(&left, false)?,
            _ => self.number(&left, Some(false))?,
        };
        Ok(real && self.number(&right, Some(true))?)
    }
}
