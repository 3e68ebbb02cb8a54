//! AST → bytecode for expressions, comprehensions, calls and async forms.

use super::codegen::{CResult, Compiler, err};
use super::symtable::ScopeKind;
use super::unit::{FBlock, Unit};
use super::warnings;
use crate::bytecode::Instr;
use crate::bytecode::code::{CodeKind, ColSpan, flags};
use crate::bytecode::instr::await_site;
use crate::object::value::Value;
use crate::parse::ast::*;

impl Compiler {
    pub fn expr(&mut self, e: &Expr) -> CResult {
        let u = self.u();
        let saved = (u.line, u.span);
        u.line = e.loc.line;
        u.span = ColSpan::new(e.loc.line, e.loc.col, e.end.line, e.end.col);
        let r = self.expr_inner(e).map_err(|err| err.underlining(e.loc, e.end));
        (self.u().line, self.u().span) = saved;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> CResult {
        match &e.kind {
            ExprKind::Constant(c) => self.load_const(constant_value(c)),
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::BoolOp { op, values } => {
                let mut jumps = Vec::new();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        let j = match op {
                            BoolOp::And => Instr::JumpIfFalseOrPop(0),
                            BoolOp::Or => Instr::JumpIfTrueOrPop(0),
                        };
                        jumps.push(self.emit(j));
                    }
                }
                for j in jumps {
                    self.u().patch(j);
                }
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Instr::DupTop);
                self.store_name(target);
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Instr::Binary(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(match op {
                    UnaryOp::Invert => Instr::UnaryInvert,
                    UnaryOp::Not => Instr::UnaryNot,
                    UnaryOp::UAdd => Instr::UnaryPos,
                    UnaryOp::USub => Instr::UnaryNeg,
                });
            }
            ExprKind::Lambda { args, body } => {
                let fl = self.push_defaults(args)?;
                let scope = self.next_child_scope(e.loc)?;
                let qual = self.lambda_qualname("<lambda>");
                let mut unit = Unit::new(self.intern.clone(), scope, "<lambda>", &qual, e.loc.line);
                unit.flags |= self.nested_flag();
                unit.posonly = args.posonly.len() as u32;
                unit.argcount = (args.posonly.len() + args.args.len()) as u32;
                unit.kwonly = args.kwonly.len() as u32;
                if args.vararg.is_some() {
                    unit.flags |= flags::VARARGS;
                }
                if args.kwarg.is_some() {
                    unit.flags |= flags::VARKEYWORDS;
                }
                if unit.scope.is_generator {
                    unit.flags |= flags::GENERATOR;
                }
                self.units.push(unit);
                self.expr(body)?;
                self.emit(Instr::ReturnValue);
                let unit = self.units.pop().expect("lambda unit");
                let code = unit.finish(&self.filename, CodeKind::Function);
                self.make_function(code, fl);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                let jf = self.emit(Instr::PopJumpIfFalse(0));
                self.expr(body)?;
                let je = self.emit(Instr::Jump(0));
                self.u().patch(jf);
                self.expr(orelse)?;
                self.u().patch(je);
            }
            ExprKind::Dict { keys, values } => {
                if keys.iter().all(|k| k.is_some()) && keys.len() < 256 {
                    for (k, v) in keys.iter().zip(values.iter()) {
                        self.expr(k.as_ref().expect("key"))?;
                        self.expr(v)?;
                    }
                    self.emit(Instr::BuildMap(keys.len() as u32));
                } else {
                    self.emit(Instr::BuildMap(0));
                    for (k, v) in keys.iter().zip(values.iter()) {
                        match k {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(v)?;
                                self.emit(Instr::MapAdd(1));
                            }
                            None => {
                                self.expr(v)?;
                                self.emit(Instr::DictUpdate);
                            }
                        }
                    }
                }
            }
            ExprKind::Set(items) => self.sequence(items, SeqKind::Set)?,
            ExprKind::List(items) => self.sequence(items, SeqKind::List)?,
            ExprKind::Tuple(items) => self.sequence(items, SeqKind::Tuple)?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(CompKind::List, elt, None, generators, e.loc)?
            }
            ExprKind::SetComp { elt, generators } => self.comprehension(CompKind::Set, elt, None, generators, e.loc)?,
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(CompKind::Dict, key, Some(value), generators, e.loc)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(CompKind::Gen, elt, None, generators, e.loc)?
            }
            ExprKind::Await(v) => {
                if !self.u().in_async {
                    let in_fn = matches!(self.u().kind, ScopeKind::Function | ScopeKind::Comprehension);
                    return err(
                        if in_fn { "'await' outside async function" } else { "'await' outside function" },
                        e.loc,
                    );
                }
                self.expr(v)?;
                self.emit(Instr::GetAwaitable(0));
                self.load_const(Value::None);
                self.yield_from_loop();
            }
            ExprKind::Yield(v) => {
                self.check_yield(e.loc)?;
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.emit(Instr::YieldValue);
            }
            ExprKind::YieldFrom(v) => {
                self.check_yield(e.loc)?;
                if self.u().in_async {
                    return err("'yield from' inside async function", e.loc);
                }
                self.expr(v)?;
                self.emit(Instr::GetYieldFromIter);
                self.load_const(Value::None);
                self.yield_from_loop();
            }
            ExprKind::Compare { left, ops, comparators } => {
                self.warn(warnings::check_compare(left, ops, comparators, e));
                self.compare(left, ops, comparators)?
            }
            ExprKind::Call { func, args, keywords } => {
                self.warn(warnings::check_caller(func, e));
                self.call(func, args, keywords)?
            }
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.formatted_value(value, *conversion, format_spec.as_deref())?
            }
            ExprKind::JoinedStr(parts) => self.joined_str(parts)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let a = self.u().name(attr);
                self.at_attr_name(e, attr, e.end);
                self.emit(Instr::LoadAttr(a));
            }
            ExprKind::Subscript { value, slice } => {
                self.warn(warnings::check_subscript(value, slice, e));
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Instr::BinarySubscr);
            }
            ExprKind::Starred(_) => return err("can't use starred expression here", e.loc),
            ExprKind::Slice { lower, upper, step } => {
                for p in [lower, upper] {
                    match p {
                        Some(x) => self.expr(x)?,
                        None => self.load_const(Value::None),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => {
                        self.emit(Instr::BuildSlice(2));
                    }
                }
            }
        }
        Ok(())
    }

    fn lambda_qualname(&mut self, name: &str) -> String {
        let u = self.u();
        match u.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", u.qualname, name),
            _ => format!("{}.<locals>.{}", u.qualname, name),
        }
    }

    fn check_yield(&mut self, loc: Loc) -> CResult {
        match self.u().kind {
            ScopeKind::Function => Ok(()),
            // Named after the comprehension's kind, as CPython's compiler does.
            ScopeKind::Comprehension => {
                let what = match self.u().name.as_str() {
                    "<genexpr>" => "generator expression",
                    "<setcomp>" => "set comprehension",
                    "<dictcomp>" => "dict comprehension",
                    _ => "list comprehension",
                };
                err(&format!("'yield' inside {what}"), loc)
            }
            _ => err("'yield' outside function", loc),
        }
    }

    /// `iter value` on the stack: delegate until the sub-iterator returns.
    fn yield_from_loop(&mut self) {
        let start = self.u().here();
        let send = self.emit(Instr::Send(0));
        self.emit(Instr::YieldValue);
        self.emit(Instr::Jump(start));
        self.u().patch(send);
    }

    pub(super) fn sequence(&mut self, items: &[Expr], kind: SeqKind) -> CResult {
        let has_star = items.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)));
        if !has_star {
            // A tuple of constants (nested tuples of constants too) is one constant.
            if kind == SeqKind::Tuple
                && !items.is_empty()
                && let Some(values) = {
                    let intern = self.u().intern.clone();
                    items.iter().map(|e| folded_constant(e, &intern)).collect::<Option<Vec<_>>>()
                }
            {
                self.load_const(Value::tuple(values));
                return Ok(());
            }
            // CPython folds a set display of three or more constants into a frozenset constant,
            // which its compiler rebuilds from the frozenset's own iteration order, and the set
            // is that constant merged into an empty set (BUILD_SET 0; SET_UPDATE). Doing the
            // same gives the order python3 prints, e.g. {7, 5, 15} for `{7, 15, 5}`. When the
            // frozenset holds a string of identifier characters, code-object creation interns
            // it and builds the frozenset once more (`intern_string_constants`; the orders
            // python3 prints under fixed PYTHONHASHSEEDs agree). The stack: target, then for
            // each rebuild an empty set and a list of the previous build's order, then the
            // first build.
            let rebuilds = 1 + items.iter().any(interned_by_code_creation) as usize;
            let folded = kind == SeqKind::Set && items.len() > 2 && items.iter().all(folds_to_constant);
            if folded {
                self.emit(Instr::BuildSet(0));
                for _ in 0..rebuilds {
                    self.emit(Instr::BuildSet(0));
                    self.emit(Instr::BuildList(0));
                }
            }
            for i in items {
                self.expr(i)?;
            }
            let n = items.len() as u32;
            if folded {
                self.emit(Instr::BuildSet(n));
                for _ in 0..rebuilds {
                    self.emit(Instr::ListExtend);
                    self.emit(Instr::SetUpdate);
                }
                self.emit(Instr::SetUpdate);
                return Ok(());
            }
            self.emit(match kind {
                SeqKind::List => Instr::BuildList(n),
                SeqKind::Tuple => Instr::BuildTuple(n),
                SeqKind::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        if kind == SeqKind::Set {
            self.emit(Instr::BuildSet(0));
        } else {
            self.emit(Instr::BuildList(0));
        }
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(if kind == SeqKind::Set { Instr::SetUpdate } else { Instr::ListExtend });
                }
                _ => {
                    self.expr(i)?;
                    self.emit(if kind == SeqKind::Set { Instr::SetAdd(1) } else { Instr::ListAppend(1) });
                }
            }
        }
        if kind == SeqKind::Tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn compare(&mut self, left: &Expr, ops: &[CmpOp], comps: &[Expr]) -> CResult {
        self.expr(left)?;
        let cmp = |op: CmpOp| match op {
            CmpOp::Is => Instr::IsOp(0),
            CmpOp::IsNot => Instr::IsOp(1),
            CmpOp::In => Instr::ContainsOp(0),
            CmpOp::NotIn => Instr::ContainsOp(1),
            other => Instr::Compare(other),
        };
        if ops.len() == 1 {
            self.expr(&comps[0])?;
            self.emit(cmp(ops[0]));
            return Ok(());
        }
        let mut cleanups = Vec::new();
        for (i, (op, c)) in ops.iter().zip(comps.iter()).enumerate() {
            self.expr(c)?;
            if i + 1 < ops.len() {
                self.emit(Instr::DupTop);
                self.emit(Instr::RotThree);
                self.emit(cmp(*op));
                cleanups.push(self.emit(Instr::JumpIfFalseOrPop(0)));
            } else {
                self.emit(cmp(*op));
            }
        }
        let end = self.emit(Instr::Jump(0));
        for c in cleanups {
            self.u().patch(c);
        }
        self.emit(Instr::RotTwo);
        self.emit(Instr::PopTop);
        self.u().patch(end);
        Ok(())
    }

    /// Positions what comes next for `value.attr` (`attr_expr`), ending at
    /// `end`: the attribute expression itself, or, when it spans lines, from
    /// the attribute name on (CPython's `update_start_location_to_match_attr`).
    pub(super) fn at_attr_name(&mut self, attr_expr: &Expr, attr: &str, end: Loc) {
        let (mut line, mut col) = (attr_expr.loc.line, attr_expr.loc.col);
        if attr_expr.end.line != 0 && line != attr_expr.end.line {
            line = attr_expr.end.line;
            col = attr_expr.end.col.saturating_sub(attr.chars().count() as u32);
        }
        let u = self.u();
        u.line = line;
        u.span = ColSpan::new(line, col, end.line, end.col);
    }

    fn call(&mut self, func: &Expr, args: &[Expr], keywords: &[Keyword]) -> CResult {
        let has_star = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)));
        let has_dstar = keywords.iter().any(|k| k.arg.is_none());
        if !has_star && !has_dstar {
            if let ExprKind::Attribute { value, attr } = &func.kind
                && keywords.is_empty()
            {
                self.expr(value)?;
                let a = self.u().name(attr);
                // The call's own span, for CallMethod.
                let (line, span) = (self.u().line, self.u().span);
                let call_end = Loc { line: line + u32::from(span.end_line_delta), col: u32::from(span.end_col) };
                self.at_attr_name(func, attr, func.end);
                self.emit(Instr::LoadMethod(a));
                for a in args {
                    self.expr(a)?;
                }
                if span.is_known() {
                    self.at_attr_name(func, attr, call_end);
                }
                self.emit(Instr::CallMethod(args.len() as u32));
                return Ok(());
            }
            self.expr(func)?;
            for a in args {
                self.expr(a)?;
            }
            if keywords.is_empty() {
                self.emit(Instr::Call(args.len() as u32));
            } else {
                let mut names = Vec::new();
                for k in keywords {
                    if let Some(n) = &k.arg {
                        if names.iter().any(|v: &Value| v.as_str().map(|s| s.as_str()) == Some(n.as_str())) {
                            return err(&format!("keyword argument repeated: {n}"), k.loc);
                        }
                        // Interned, as the callee's parameter names are:
                        // binding matches them by pointer.
                        names.push(Value::Str((self.intern)(n)));
                    }
                    self.expr(&k.value)?;
                }
                self.load_const(Value::tuple(names));
                self.emit(Instr::CallKw((args.len() + keywords.len()) as u32));
            }
            return Ok(());
        }
        self.expr(func)?;
        match args {
            // `f(*x)`: CALL_EX turns `x` into the arguments itself (and names
            // the callee if `x` is not iterable), as CPython's CALL_FUNCTION_EX.
            [Expr { kind: ExprKind::Starred(inner), .. }] => self.expr(inner)?,
            _ => self.sequence(args, SeqKind::Tuple)?,
        }
        if keywords.is_empty() {
            self.emit(Instr::CallEx(0));
            return Ok(());
        }
        self.keyword_dict(keywords)?;
        self.emit(Instr::CallEx(1));
        Ok(())
    }

    /// The keyword arguments of a call with `**` as one dict. A keyword after
    /// a `**` is merged (DICT_MERGE), so a name given twice raises "got
    /// multiple values for keyword argument" as in CPython; before any `**`
    /// the compiler has already rejected repeated names.
    pub(super) fn keyword_dict(&mut self, keywords: &[Keyword]) -> CResult {
        self.emit(Instr::BuildMap(0));
        let mut merged = false;
        for k in keywords {
            match &k.arg {
                Some(n) => {
                    self.load_const(Value::str(n));
                    self.expr(&k.value)?;
                    if merged {
                        self.emit(Instr::BuildMap(1));
                        self.emit(Instr::DictMerge);
                    } else {
                        self.emit(Instr::MapAdd(1));
                    }
                }
                None => {
                    self.expr(&k.value)?;
                    self.emit(Instr::DictMerge);
                    merged = true;
                }
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        kind: CompKind,
        elt: &Expr,
        value: Option<&Expr>,
        gens: &[Comprehension],
        loc: Loc,
    ) -> CResult {
        // The outermost iterable is evaluated here, in the enclosing scope.
        self.expr(&gens[0].iter)?;
        let scope = self.next_child_scope(loc)?;
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let qual = self.lambda_qualname(name);
        let in_async = self.u().in_async;
        let span = self.u().span;
        let mut unit = Unit::new(self.intern.clone(), scope, name, &qual, loc.line);
        unit.flags |= self.nested_flag();
        unit.argcount = 1;
        // A comprehension may await (or `async for`): that makes it
        // asynchronous, which only a generator expression may be outside an
        // async function (checked below, once the body is compiled).
        unit.in_async = true;
        self.units.push(unit);
        self.u().line = loc.line;
        self.u().span = span;
        match kind {
            CompKind::List => {
                self.emit(Instr::BuildList(0));
            }
            CompKind::Set => {
                self.emit(Instr::BuildSet(0));
            }
            CompKind::Dict => {
                self.emit(Instr::BuildMap(0));
            }
            CompKind::Gen => {}
        }
        self.comp_level(kind, elt, value, gens, 0)?;
        if kind == CompKind::Gen {
            self.load_const(Value::None);
        }
        self.emit(Instr::ReturnValue);
        let mut unit = self.units.pop().expect("comprehension unit");
        // Async when it has an `async for` or an `await` (in this unit's own code).
        let is_async =
            gens.iter().any(|g| g.is_async) || unit.instrs.iter().any(|i| matches!(i, Instr::GetAwaitable(_)));
        if kind == CompKind::Gen {
            unit.flags |= if is_async { flags::ASYNC_GENERATOR } else { flags::GENERATOR };
        } else if is_async {
            unit.flags |= flags::COROUTINE;
        }
        let code = unit.finish(&self.filename, CodeKind::Function);
        self.make_function(code, 0);
        self.emit(Instr::RotTwo);
        if is_async && kind != CompKind::Gen && !in_async {
            return err("asynchronous comprehension outside of an asynchronous function", loc);
        }
        if gens[0].is_async {
            self.emit(Instr::GetAIter);
        } else {
            self.emit(Instr::GetIter);
        }
        self.emit(Instr::Call(1));
        if is_async && kind != CompKind::Gen {
            self.emit(Instr::GetAwaitable(0));
            self.load_const(Value::None);
            self.yield_from_loop();
        }
        Ok(())
    }

    fn comp_level(
        &mut self,
        kind: CompKind,
        elt: &Expr,
        value: Option<&Expr>,
        gens: &[Comprehension],
        depth: usize,
    ) -> CResult {
        let g = &gens[depth];
        if depth == 0 {
            let z = self.u().varname(".0");
            self.emit(Instr::LoadFast(z));
        } else {
            self.expr(&g.iter)?;
            if g.is_async {
                self.emit(Instr::GetAIter);
            } else {
                self.emit(Instr::GetIter);
            }
        }
        let start = self.u().here();
        let (fi, setup) = if g.is_async {
            // try: target = await it.__anext__() except StopAsyncIteration: end
            let setup = self.emit(Instr::SetupExcept(0));
            self.emit(Instr::GetANext);
            self.load_const(Value::None);
            self.yield_from_loop();
            self.emit(Instr::PopBlock);
            (None, Some(setup))
        } else {
            (Some(self.emit(Instr::ForIter(0))), None)
        };
        self.assign(&g.target)?;
        let mut skips = Vec::new();
        for cond in &g.ifs {
            self.expr(cond)?;
            skips.push(self.emit(Instr::PopJumpIfFalse(0)));
        }
        if depth + 1 < gens.len() {
            self.comp_level(kind, elt, value, gens, depth + 1)?;
        } else {
            // Stack below the element: the result container, then one iterator per level.
            let d = (depth + 1) as u32;
            match kind {
                CompKind::List => {
                    self.expr(elt)?;
                    self.emit(Instr::ListAppend(d + 1));
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.emit(Instr::SetAdd(d + 1));
                }
                CompKind::Dict => {
                    self.expr(elt)?;
                    self.expr(value.expect("dict comprehension value"))?;
                    self.emit(Instr::MapAdd(d + 1));
                }
                CompKind::Gen => {
                    self.expr(elt)?;
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::PopTop);
                }
            }
        }
        for s in skips {
            self.u().patch_to(s, start);
        }
        self.emit(Instr::Jump(start));
        if let Some(fi) = fi {
            self.u().patch(fi);
        }
        if let Some(setup) = setup {
            self.u().patch(setup);
            self.stop_async_iteration_handler();
        }
        Ok(())
    }

    /// Exception handler ending an async loop: `it exc → ` on
    /// StopAsyncIteration, re-raises anything else.
    fn stop_async_iteration_handler(&mut self) {
        self.emit(Instr::DupTop);
        let sai = self.u().name("StopAsyncIteration");
        self.emit(Instr::LoadGlobal(sai));
        self.emit(Instr::CheckExcMatch);
        let nomatch = self.emit(Instr::PopJumpIfTrue(0));
        self.emit(Instr::Reraise);
        self.u().patch(nomatch);
        self.emit(Instr::PopTop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::PopTop);
    }

    pub fn async_for(&mut self, target: &Expr, iter: &Expr, body: &[Stmt], orelse: &[Stmt], loc: Loc) -> CResult {
        if !self.u().in_async {
            return err("'async for' outside async function", loc);
        }
        // it = aiter(iter); loop: try: x = await anext(it) except StopAsyncIteration: break
        self.expr(iter)?;
        self.emit(Instr::GetAIter);
        let start = self.u().here();
        let setup = self.emit(Instr::SetupExcept(0));
        self.emit(Instr::GetANext);
        self.load_const(Value::None);
        self.yield_from_loop();
        self.emit(Instr::PopBlock);
        self.assign(target)?;
        self.u().fblocks.push(FBlock::Loop { start, breaks: Vec::new(), is_for: true });
        self.body(body)?;
        self.emit(Instr::Jump(start));
        let fb = self.u().fblocks.pop();
        // handler: StopAsyncIteration ends the loop; anything else propagates.
        self.u().patch(setup);
        self.stop_async_iteration_handler();
        self.body(orelse)?;
        if let Some(FBlock::Loop { breaks, .. }) = fb {
            for b in breaks {
                self.u().patch(b);
            }
        }
        Ok(())
    }

    pub fn async_with(&mut self, items: &[WithItem], body: &[Stmt], loc: Loc) -> CResult {
        if !self.u().in_async {
            return err("'async with' outside async function", loc);
        }
        let Some((first, rest)) = items.split_first() else {
            return self.body(body);
        };
        // mgr = ctx; target = await mgr.__aenter__()
        self.expr(&first.context)?;
        self.emit(Instr::BeforeAsyncWith);
        self.await_at(await_site::AENTER);
        match &first.target {
            Some(t) => self.assign(t)?,
            None => {
                self.emit(Instr::PopTop);
            }
        }
        // stack: mgr
        let setup = self.emit(Instr::SetupExcept(0));
        self.u().fblocks.push(FBlock::AsyncWith);
        self.async_with(rest, body, loc)?;
        self.u().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.async_exit_normal(false);
        let end = self.emit(Instr::Jump(0));
        // exceptional exit: mgr exc → suppress = await __gilt_aexit__(mgr, exc)
        self.u().patch(setup);
        self.emit(Instr::DupTop2);
        let helper = self.u().name("__gilt_aexit__");
        self.emit(Instr::LoadGlobal(helper));
        self.emit(Instr::RotThree);
        self.emit(Instr::Call(2));
        self.await_at(await_site::AEXIT);
        let sup = self.emit(Instr::PopJumpIfTrue(0));
        self.emit(Instr::Reraise);
        self.u().patch(sup);
        self.emit(Instr::PopTop);
        self.emit(Instr::PopExcept);
        self.u().patch(end);
        self.emit(Instr::PopTop);
        Ok(())
    }

    /// `awaitable → result`
    pub fn await_tos(&mut self) {
        self.await_at(await_site::PLAIN);
    }

    /// `awaitable → result`, for the await at `site` (which names it in errors).
    fn await_at(&mut self, site: u32) {
        self.emit(Instr::GetAwaitable(site));
        self.load_const(Value::None);
        self.yield_from_loop();
    }

    /// `mgr → mgr` (or `mgr retval → retval` when `ret`): await mgr.__aexit__(None, None, None).
    pub fn async_exit_normal(&mut self, ret: bool) {
        if ret {
            self.emit(Instr::RotTwo);
        } else {
            self.emit(Instr::DupTop);
        }
        let ax = self.u().name("__aexit__");
        self.emit(Instr::LoadMethod(ax));
        for _ in 0..3 {
            self.load_const(Value::None);
        }
        self.emit(Instr::CallMethod(3));
        self.await_at(await_site::AEXIT);
        self.emit(Instr::PopTop);
    }

    /// An f-string. As in CPython 3.11, its constant parts and fields carry
    /// the span of the whole literal (the parser leaves their ends unknown),
    /// so a failing `format()` underlines the literal: the parts are compiled
    /// here under the literal's span rather than through `expr`.
    fn joined_str(&mut self, parts: &[Expr]) -> CResult {
        if parts.is_empty() {
            self.load_const(Value::str(""));
            return Ok(());
        }
        for p in parts {
            match &p.kind {
                ExprKind::FormattedValue { value, conversion, format_spec } => {
                    self.formatted_value(value, *conversion, format_spec.as_deref())?
                }
                _ => self.expr(p)?,
            }
        }
        if parts.len() > 1 || !matches!(parts[0].kind, ExprKind::Constant(_)) {
            self.emit(Instr::BuildString(parts.len() as u32));
        }
        Ok(())
    }

    /// One `{value!conversion:spec}` field: the value, its spec, FORMAT_VALUE.
    fn formatted_value(&mut self, value: &Expr, conversion: Option<char>, format_spec: Option<&Expr>) -> CResult {
        self.expr(value)?;
        let mut fl = match conversion {
            Some('s') => 1,
            Some('r') => 2,
            Some('a') => 3,
            _ => 0,
        };
        if let Some(spec) = format_spec {
            match &spec.kind {
                ExprKind::JoinedStr(parts) => self.joined_str(parts)?,
                _ => self.expr(spec)?,
            }
            fl |= 4;
        }
        self.emit(Instr::FormatValue(fl));
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum SeqKind {
    List,
    Tuple,
    Set,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

/// A string constant of ASCII letters, digits and `_` only (CPython's
/// `all_name_chars`), which code-object creation interns.
fn interned_by_code_creation(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Constant(Constant::Str(s)) if s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
}

/// The value a literal stands for, as the code object (and `ast.Constant`) keeps it.
pub fn constant_value(c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::True => Value::Bool(true),
        Constant::False => Value::Bool(false),
        Constant::Ellipsis => Value::Ellipsis,
        Constant::Int(b) => Value::from_bigint(b.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex(f) => Value::complex(0.0, *f),
        Constant::Str(s) => Value::str(s),
        Constant::StrWide(w) => crate::object::str::wide_value(w.clone()),
        Constant::Bytes(b) => Value::Bytes(std::sync::Arc::new(b.clone())),
    }
}

/// The value of a literal or of a tuple display made only of them, as
/// CPython's compiler folds it. Strings of identifier characters are
/// interned, as code-object creation interns them in CPython (so they are
/// shared objects, which marshal's references show).
fn folded_constant(e: &Expr, intern: &crate::compile::unit::Interner) -> Option<Value> {
    match &e.kind {
        ExprKind::Constant(Constant::Str(s)) if interned_by_code_creation(e) => Some(Value::Str(intern(s))),
        ExprKind::Constant(c) => Some(constant_value(c)),
        // A negative number literal is an operator on a constant in the tree.
        ExprKind::UnaryOp { op: crate::parse::ast::UnaryOp::USub, operand } => match &operand.kind {
            ExprKind::Constant(Constant::Int(b)) => Some(Value::from_bigint(-b.clone())),
            ExprKind::Constant(Constant::Float(f)) => Some(Value::Float(-*f)),
            _ => None,
        },
        ExprKind::Tuple(items) => {
            Some(Value::tuple(items.iter().map(|e| folded_constant(e, intern)).collect::<Option<Vec<_>>>()?))
        }
        _ => None,
    }
}

/// Whether CPython's AST optimizer turns `e` into a constant: a literal, or a sign or `~`
/// before a number (`-1`).
fn folds_to_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(_) => true,
        ExprKind::UnaryOp { op, operand } => {
            !matches!(op, crate::parse::ast::UnaryOp::Not)
                && matches!(
                    &operand.kind,
                    ExprKind::Constant(Constant::Int(_) | Constant::Float(_) | Constant::Complex(_))
                )
        }
        _ => false,
    }
}
