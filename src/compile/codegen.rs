//! AST → bytecode for statements (expressions are in `codegen_expr.rs`).

use std::sync::Arc;

use super::symtable::{self, NameScope, Scope, ScopeKind};
use super::unit::{FBlock, FinallyBody, Interner, Unit};
use super::warnings::{self, CompileWarning};
use crate::bytecode::code::{CodeKind, ColSpan, flags};
use crate::bytecode::{CodeObject, Instr};
use crate::object::value::Value;
use crate::parse::ast::*;

/// A compile-time SyntaxError (message and position).
#[derive(Debug)]
pub struct CompileError {
    pub msg: String,
    pub loc: Loc,
    /// Where the construct the error is about ends, when known (CPython
    /// underlines the node it was compiling).
    pub end: Option<Loc>,
}

pub type CResult<T = ()> = Result<T, CompileError>;

impl CompileError {
    /// An error about the node at `loc..end` (the one being compiled when it
    /// was raised) underlines all of it, as CPython's `compiler_error` does
    /// with the current location; an error elsewhere keeps its own.
    pub fn underlining(mut self, loc: Loc, end: Loc) -> CompileError {
        if self.end.is_none() && self.loc == loc {
            self.end = Some(end);
        }
        self
    }
}

/// Compiles a parsed module into its code object.
pub fn compile_module(
    program: &[Stmt],
    filename: &str,
    interactive: bool,
    intern: Interner,
) -> CResult<Arc<CodeObject>> {
    compile_module_optimized(program, filename, interactive, 0, intern)
}

/// Like [`compile_module`] at an optimization level, as CPython's: 1 (`gilt -O`) leaves `assert`
/// statements out, 2 (`-OO`) docstrings too.
pub fn compile_module_optimized(
    program: &[Stmt],
    filename: &str,
    interactive: bool,
    optimize: u8,
    intern: Interner,
) -> CResult<Arc<CodeObject>> {
    let mode = if interactive { ExecMode::Single } else { ExecMode::Module };
    compile_module_mode(program, filename, mode, optimize, intern)
}

/// What a module-level code object is compiled for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExecMode {
    /// A script or an imported module: module-level names are globals.
    Module,
    /// The REPL: expression statements echo (`PrintExpr`); names are globals.
    Single,
    /// `compile(..., 'exec')` / `exec(str)`: module-level names use the
    /// `LoadName` family, so a separate locals mapping can be given.
    Exec,
    /// `compile(..., 'single')`: `Exec` names, expression statements echo.
    ExecSingle,
    /// `compile(..., 'eval')` / `eval(str)`: the program is one expression
    /// statement whose value is returned.
    Eval,
}

/// Compiles a module-level program for `mode` (see [`ExecMode`]), dropping
/// its warnings (the embedded library's modules, marshal tests).
pub fn compile_module_mode(
    program: &[Stmt],
    filename: &str,
    mode: ExecMode,
    optimize: u8,
    intern: Interner,
) -> CResult<Arc<CodeObject>> {
    compile_module_warn(program, filename, mode, optimize, intern, &mut Vec::new())
}

/// Like [`compile_module_mode`], appending to `found` the SyntaxWarnings
/// met before the end (or before the error) in source order.
pub fn compile_module_warn(
    program: &[Stmt],
    filename: &str,
    mode: ExecMode,
    optimize: u8,
    intern: Interner,
    found: &mut Vec<CompileWarning>,
) -> CResult<Arc<CodeObject>> {
    super::future::check(program)?;
    let scope = symtable::build(program).map_err(|e| CompileError { msg: e.msg, loc: e.loc, end: e.end })?;
    let interactive = matches!(mode, ExecMode::Single | ExecMode::ExecSingle);
    let name_ops = matches!(mode, ExecMode::Exec | ExecMode::ExecSingle | ExecMode::Eval);
    let mut c = Compiler {
        units: Vec::new(),
        filename: Arc::from(filename),
        interactive,
        optimize: optimize > 0,
        no_docstrings: optimize > 1,
        name_ops,
        intern: intern.clone(),
        future_annotations: super::unparse::future_annotations(program),
        warnings: Vec::new(),
    };
    c.units.push(Unit::new(intern, scope, "<module>", "<module>", 1));
    let result = c.module_body(program, mode, name_ops);
    found.append(&mut c.warnings);
    result
}

impl Compiler {
    /// The module unit's code for `program` (see [`compile_module_warn`]).
    fn module_body(&mut self, program: &[Stmt], mode: ExecMode, name_ops: bool) -> CResult<Arc<CodeObject>> {
        let c = self;
        if mode == ExecMode::Eval {
            if let [Stmt { kind: StmtKind::Expr(e), loc, .. }] = program {
                c.u().line = loc.line;
                c.expr(e)?;
                c.u().emit(Instr::ReturnValue);
                let unit = c.units.pop().expect("module unit");
                return Ok(Arc::new(unit.finish(&c.filename, CodeKind::Module)));
            }
            return err("invalid syntax", Loc::default());
        }
        if let Some(doc) = docstring(program).filter(|_| !c.no_docstrings) {
            let i = c.u().const_str(&doc);
            c.u().emit(Instr::LoadConst(i));
            let n = c.u().name("__doc__");
            c.u().emit(if name_ops { Instr::StoreName(n) } else { Instr::StoreGlobal(n) });
        }
        if has_annotations(program) {
            c.u().emit(Instr::SetupAnnotations);
        }
        c.body(program)?;
        let none = c.u().const_value(Value::None);
        c.u().emit(Instr::LoadConst(none));
        c.u().emit(Instr::ReturnValue);
        let unit = c.units.pop().expect("module unit");
        Ok(Arc::new(unit.finish(&c.filename, CodeKind::Module)))
    }
}

/// The last comparison CPython's `compiler_jump_if` visits in a condition
/// (through `and`/`or`, `not` and conditional expressions).
fn last_compare(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Compare { .. } => Some(e),
        ExprKind::UnaryOp { op: UnaryOp::Not, operand } => last_compare(operand),
        ExprKind::BoolOp { values, .. } => values.iter().rev().find_map(last_compare),
        ExprKind::IfExp { test, body, orelse } => {
            last_compare(orelse).or_else(|| last_compare(body)).or_else(|| last_compare(test))
        }
        _ => None,
    }
}

/// An empty module code object (the placeholder frame under a thread's first call).
pub fn empty_code() -> CodeObject {
    let scope = symtable::build(&[]).expect("empty module");
    let intern: Interner = Arc::new(|s: &str| Arc::new(crate::object::str::PyStr::new(s)));
    let mut u = Unit::new(intern, scope, "<native>", "<native>", 0);
    u.emit(Instr::ReturnValue);
    u.finish(&Arc::from("<native>"), CodeKind::Module)
}

pub(super) fn docstring(body: &[Stmt]) -> Option<String> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr { kind: ExprKind::Constant(Constant::Str(s)), .. })) => Some(s.clone()),
        _ => None,
    }
}

fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        // Any annotated target, as CPython's `find_ann`, in any nested block.
        StmtKind::AnnAssign { .. } => true,
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => has_annotations(body) || has_annotations(orelse),
        StmtKind::With { body, .. } => has_annotations(body),
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            has_annotations(body)
                || handlers.iter().any(|h| has_annotations(&h.body))
                || has_annotations(orelse)
                || has_annotations(finalbody)
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|c| has_annotations(&c.body)),
        _ => false,
    })
}

/// The SyntaxError of a `break`, `continue` or `return` in an `except*` body.
const EXCEPT_STAR_EXIT: &str = "'break', 'continue' and 'return' cannot appear in an except* block";

pub(super) fn err<T>(msg: &str, loc: Loc) -> CResult<T> {
    Err(CompileError { msg: msg.to_string(), loc, end: None })
}

/// The compiler: a stack of units, innermost last.
pub struct Compiler {
    pub units: Vec<Unit>,
    pub filename: Arc<str>,
    pub interactive: bool,
    /// `-O`: asserts are not compiled.
    pub optimize: bool,
    /// `-OO`: docstrings are left out (`__doc__` is None).
    pub no_docstrings: bool,
    /// Module-level names use `LoadName`/`StoreName`/`DeleteName` (code
    /// compiled by `compile`/`exec`/`eval`, which may run with a locals mapping).
    pub name_ops: bool,
    pub intern: Interner,
    /// `from __future__ import annotations` (PEP 563): annotations are
    /// stored as their source text, never evaluated.
    pub future_annotations: bool,
    /// The SyntaxWarnings found so far, in source order (issued by the caller).
    pub warnings: Vec<CompileWarning>,
}

impl Compiler {
    #[inline]
    pub fn u(&mut self) -> &mut Unit {
        self.units.last_mut().expect("unit")
    }

    pub fn emit(&mut self, i: Instr) -> usize {
        self.u().emit(i)
    }

    /// Keeps a warning the checks of `warnings.rs` found.
    pub fn warn(&mut self, w: Option<CompileWarning>) {
        self.warnings.extend(w);
    }

    pub fn load_const(&mut self, v: Value) {
        let i = self.u().const_value(v);
        self.emit(Instr::LoadConst(i));
    }

    pub fn body(&mut self, body: &[Stmt]) -> CResult {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    // ---- names -------------------------------------------------------

    pub fn load_name(&mut self, n: &str) {
        let name_ops = self.name_ops;
        let u = self.u();
        let n = &*u.scope.mangled(n).into_owned();
        let scope = u.scope.lookup(n);
        let ins = match (u.kind, scope) {
            (_, NameScope::Local) => Instr::LoadFast(u.varname(n)),
            (ScopeKind::Class, NameScope::Free) => {
                let d = u.deref_index(n).unwrap_or(0);
                Instr::LoadClassDeref(d, u.name(n))
            }
            (_, NameScope::Cell) | (_, NameScope::Free) => Instr::LoadDeref(u.deref_index(n).unwrap_or(0)),
            (ScopeKind::Class, NameScope::Name) => Instr::LoadName(u.name(n)),
            (ScopeKind::Module, NameScope::Name) if name_ops => Instr::LoadName(u.name(n)),
            _ => Instr::LoadGlobal(u.name(n)),
        };
        self.emit(ins);
    }

    pub fn store_name(&mut self, n: &str) {
        let name_ops = self.name_ops;
        let u = self.u();
        let n = &*u.scope.mangled(n).into_owned();
        let scope = u.scope.lookup(n);
        let ins = match (u.kind, scope) {
            (_, NameScope::Local) => Instr::StoreFast(u.varname(n)),
            (_, NameScope::Cell) | (_, NameScope::Free) => Instr::StoreDeref(u.deref_index(n).unwrap_or(0)),
            (ScopeKind::Class, NameScope::Name) => Instr::StoreName(u.name(n)),
            (ScopeKind::Module, NameScope::Name) if name_ops => Instr::StoreName(u.name(n)),
            _ => Instr::StoreGlobal(u.name(n)),
        };
        self.emit(ins);
    }

    pub(super) fn delete_name(&mut self, n: &str) {
        let name_ops = self.name_ops;
        let u = self.u();
        let n = &*u.scope.mangled(n).into_owned();
        let scope = u.scope.lookup(n);
        let ins = match (u.kind, scope) {
            (_, NameScope::Local) => Instr::DeleteFast(u.varname(n)),
            (_, NameScope::Cell) | (_, NameScope::Free) => Instr::DeleteDeref(u.deref_index(n).unwrap_or(0)),
            (ScopeKind::Class, NameScope::Name) => Instr::DeleteName(u.name(n)),
            (ScopeKind::Module, NameScope::Name) if name_ops => Instr::DeleteName(u.name(n)),
            _ => Instr::DeleteGlobal(u.name(n)),
        };
        self.emit(ins);
    }

    // ---- statements --------------------------------------------------

    pub fn stmt(&mut self, s: &Stmt) -> CResult {
        self.stmt_inner(s).map_err(|err| err.underlining(s.loc, s.end))
    }

    fn stmt_inner(&mut self, s: &Stmt) -> CResult {
        self.u().line = s.loc.line;
        self.u().span = ColSpan::new(s.loc.line, s.loc.col, s.end.line, s.end.col);
        match &s.kind {
            StmtKind::Expr(e) => {
                if self.interactive && self.units.len() == 1 {
                    self.expr(e)?;
                    self.emit(Instr::PrintExpr);
                } else if !matches!(e.kind, ExprKind::Constant(_)) {
                    self.expr(e)?;
                    self.emit(Instr::PopTop);
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::DupTop);
                    }
                    self.assign(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign { target, annotation, value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.assign(target)?;
                }
                // `simple`: a bare name not in parentheses. Only those are
                // recorded in `__annotations__`; any other annotation is
                // evaluated (in a module or class) and dropped, after the
                // target's object when there is no value, as CPython's
                // compiler_annassign.
                let simple = matches!(target.kind, ExprKind::Name(_)) && target.loc == s.loc;
                let ns_scope = matches!(self.u().kind, ScopeKind::Class | ScopeKind::Module);
                if value.is_none() {
                    match &target.kind {
                        ExprKind::Attribute { value: obj, .. } => {
                            self.expr(obj)?;
                            self.emit(Instr::PopTop);
                        }
                        ExprKind::Subscript { value: obj, slice, .. } => {
                            self.expr(obj)?;
                            self.emit(Instr::PopTop);
                            self.expr(slice)?;
                            self.emit(Instr::PopTop);
                        }
                        _ => {}
                    }
                }
                if !simple && ns_scope && !self.future_annotations {
                    self.expr(annotation)?;
                    self.emit(Instr::PopTop);
                }
                if let ExprKind::Name(n) = &target.kind
                    && simple
                    && ns_scope
                {
                    self.annotation_value(annotation)?;
                    let a = self.u().name("__annotations__");
                    let load = if self.u().kind == ScopeKind::Class || self.name_ops {
                        Instr::LoadName(a)
                    } else {
                        Instr::LoadGlobal(a)
                    };
                    self.emit(load);
                    let key = self.u().scope.mangled(n).into_owned();
                    let k = self.u().const_str(&key);
                    self.emit(Instr::LoadConst(k));
                    self.emit(Instr::StoreSubscr);
                }
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                let jf = self.emit(Instr::PopJumpIfFalse(0));
                self.body(body)?;
                if orelse.is_empty() {
                    self.u().patch(jf);
                } else {
                    let je = self.emit(Instr::Jump(0));
                    self.u().patch(jf);
                    self.body(orelse)?;
                    self.u().patch(je);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.u().here();
                self.expr(test)?;
                let jf = self.emit(Instr::PopJumpIfFalse(0));
                self.u().fblocks.push(FBlock::Loop { start, breaks: Vec::new(), is_for: false });
                self.body(body)?;
                self.emit(Instr::Jump(start));
                let fb = self.u().fblocks.pop();
                self.u().patch(jf);
                self.body(orelse)?;
                if let Some(FBlock::Loop { breaks, .. }) = fb {
                    for b in breaks {
                        self.u().patch(b);
                    }
                }
            }
            StmtKind::For { target, iter, body, orelse, is_async } => {
                if *is_async {
                    return self.async_for(target, iter, body, orelse, s.loc);
                }
                self.expr(iter)?;
                self.emit(Instr::GetIter);
                let start = self.u().here();
                let fi = self.emit(Instr::ForIter(0));
                self.assign(target)?;
                self.u().fblocks.push(FBlock::Loop { start, breaks: Vec::new(), is_for: true });
                self.body(body)?;
                self.u().line = s.loc.line;
                self.u().span = ColSpan::new(s.loc.line, s.loc.col, s.end.line, s.end.col);
                self.emit(Instr::Jump(start));
                let fb = self.u().fblocks.pop();
                self.u().patch(fi);
                self.body(orelse)?;
                if let Some(FBlock::Loop { breaks, .. }) = fb {
                    for b in breaks {
                        self.u().patch(b);
                    }
                }
            }
            StmtKind::Break => self.break_continue(true, s.loc)?,
            StmtKind::Continue => self.break_continue(false, s.loc)?,
            StmtKind::Pass => {}
            StmtKind::Return(v) => {
                if !matches!(self.u().kind, ScopeKind::Function) {
                    return err("'return' outside function", s.loc);
                }
                if v.is_some() && self.u().flags & flags::ASYNC_GENERATOR != 0 {
                    let msg = "'return' with value in async generator".to_string();
                    return Err(CompileError { msg, loc: s.loc, end: Some(s.end) });
                }
                if self.u().fblocks.iter().any(|f| matches!(f, FBlock::StarHandler)) {
                    // CPython points at the returned value when there is one.
                    return err(EXCEPT_STAR_EXIT, v.as_ref().map_or(s.loc, |v| v.loc));
                }
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.unwind_fblocks(true, None)?;
                self.emit(Instr::ReturnValue);
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::Assert { .. } if self.optimize => {
                // Left out under -O, but the symbol table walked it: drop the child
                // scopes (lambdas, comprehensions) of its expressions from the queue.
                let n = symtable::stmt_scope_count(s, self.u().kind, self.future_annotations);
                let children = &mut self.u().children;
                children.drain(..n.min(children.len()));
            }
            StmtKind::Assert { test, msg } => {
                self.warn(warnings::check_assert(test, s.loc, s.end));
                self.expr(test)?;
                let j = self.emit(Instr::PopJumpIfTrue(0));
                // CPython's jump_if leaves the position of the last
                // comparison it compiled in place: the AssertionError
                // points at it.
                if let Some(c) = last_compare(test) {
                    self.u().line = c.loc.line;
                    self.u().span = ColSpan::new(c.loc.line, c.loc.col, c.end.line, c.end.col);
                }
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                self.u().patch(j);
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let n = self.u().name(&a.name);
                    match &a.asname {
                        Some(asname) => {
                            self.emit(Instr::ImportName(n, 1 << 16));
                            self.store_name(asname);
                        }
                        None => {
                            self.emit(Instr::ImportName(n, 0));
                            let top = a.name.split('.').next().unwrap_or("").to_string();
                            self.store_name(&top);
                        }
                    }
                }
            }
            StmtKind::ImportFrom { module, names, level } => {
                let m = self.u().name(module.as_deref().unwrap_or(""));
                self.emit(Instr::ImportName(m, (1 << 16) | *level));
                for a in names {
                    if a.name == "*" {
                        self.emit(Instr::ImportStar);
                        return Ok(());
                    }
                    let n = self.u().name(&a.name);
                    self.emit(Instr::ImportFrom(n));
                    self.store_name(a.asname.as_ref().unwrap_or(&a.name));
                }
                self.emit(Instr::PopTop);
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody)?;
                }
            }
            StmtKind::Raise { exc, cause } => match (exc, cause) {
                (None, _) => {
                    self.emit(Instr::Raise(0));
                }
                (Some(e), None) => {
                    self.expr(e)?;
                    self.emit(Instr::Raise(1));
                }
                (Some(e), Some(c)) => {
                    self.expr(e)?;
                    self.expr(c)?;
                    self.emit(Instr::Raise(2));
                }
            },
            StmtKind::With { items, body, is_async } => {
                if *is_async {
                    return self.async_with(items, body, s.loc);
                }
                self.with(items, body, s.loc.line)?;
            }
            StmtKind::FunctionDef(f) => self.function_def(f, s.loc)?,
            StmtKind::ClassDef(c) => self.class_def(c, s.loc)?,
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
        }
        Ok(())
    }

    fn break_continue(&mut self, is_break: bool, loc: Loc) -> CResult {
        for f in self.u().fblocks.iter().rev() {
            match f {
                FBlock::Loop { .. } => break,
                FBlock::StarHandler => return err(EXCEPT_STAR_EXIT, loc),
                _ => {}
            }
        }
        let has_loop = self.u().fblocks.iter().any(|f| matches!(f, FBlock::Loop { .. }));
        if !has_loop {
            return err(if is_break { "'break' outside loop" } else { "'continue' not properly in loop" }, loc);
        }
        self.unwind_fblocks(false, Some(is_break))?;
        Ok(())
    }

    /// Emits the clean-up for every fblock between here and the target: the
    /// function exit (`ret`) or the innermost loop (`brk` = Some(is_break)).
    fn unwind_fblocks(&mut self, ret: bool, brk: Option<bool>) -> CResult {
        let mut saved = self.u().fblocks.clone();
        let mut i = saved.len();
        while i > 0 {
            i -= 1;
            // A finally body emitted on the way may have recorded its own
            // `break`s in the loops still active below it: keep them.
            sync_prefix(&mut saved, &self.u().fblocks);
            let fb = saved[i].clone();
            // While emitting a finally body, the blocks from here out are not active.
            self.u().fblocks.truncate(i);
            match fb {
                FBlock::Loop { start, is_for, .. } => {
                    if let Some(is_break) = brk {
                        let mut restored = saved;
                        if is_break {
                            if is_for {
                                self.emit(Instr::PopTop);
                            }
                            let j = self.emit(Instr::Jump(0));
                            if let Some(FBlock::Loop { breaks, .. }) = restored.get_mut(i) {
                                breaks.push(j);
                            }
                        } else {
                            self.emit(Instr::Jump(start));
                        }
                        self.u().fblocks = restored;
                        return Ok(());
                    }
                    // `return` inside a for loop: drop the iterator below the return
                    // value, so outer with/finally clean-ups find their own stack.
                    if ret && is_for {
                        self.emit(Instr::RotTwo);
                        self.emit(Instr::PopTop);
                    }
                }
                FBlock::TryExcept => {
                    self.emit(Instr::PopBlock);
                }
                FBlock::StarHandler => {}
                FBlock::Finally(fin) => {
                    // The return value (if any) stays below; finally bodies are stack-neutral.
                    self.emit(Instr::PopBlock);
                    if ret {
                        self.u().fblocks.push(FBlock::PopValue);
                    }
                    self.finally_copy(&fin)?;
                    if ret {
                        self.u().fblocks.pop();
                    }
                }
                FBlock::PopValue => {
                    // A new return value replaces the waiting one; a break or
                    // continue just drops it.
                    if ret {
                        self.emit(Instr::RotTwo);
                    }
                    self.emit(Instr::PopTop);
                }
                FBlock::FinallyExc => {
                    self.emit(Instr::PopExcept);
                    if ret {
                        self.emit(Instr::RotTwo);
                    }
                    self.emit(Instr::PopTop);
                }
                FBlock::Handler { name } => {
                    self.emit(Instr::PopExcept);
                    if let Some(n) = name {
                        self.load_const(Value::None);
                        self.store_name(&n);
                        self.delete_name(&n);
                    }
                }
                FBlock::AsyncWith => {
                    self.emit(Instr::PopBlock);
                    self.async_exit_normal(ret);
                    if !ret {
                        self.emit(Instr::PopTop);
                    }
                }
                FBlock::With => {
                    self.emit(Instr::PopBlock);
                    if ret {
                        self.emit(Instr::RotTwo);
                    }
                    self.emit(Instr::WithExitNormal);
                }
            }
        }
        sync_prefix(&mut saved, &self.u().fblocks);
        self.u().fblocks = saved;
        Ok(())
    }

    fn try_except(&mut self, body: &[Stmt], handlers: &[ExceptHandler], orelse: &[Stmt]) -> CResult {
        if let Some(first) = handlers.first()
            && let Some(h) = handlers.iter().find(|h| h.star != first.star)
        {
            // Over its `except` / `except*` keyword, as CPython reports it.
            let end = Loc { line: h.loc.line, col: h.loc.col + if h.star { 7 } else { 6 } };
            return Err(CompileError {
                msg: "cannot have both 'except' and 'except*' on the same 'try'".into(),
                loc: h.loc,
                end: Some(end),
            });
        }
        if handlers.first().is_some_and(|h| h.star) {
            return self.try_except_star(body, handlers, orelse);
        }
        let setup = self.emit(Instr::SetupExcept(0));
        self.u().fblocks.push(FBlock::TryExcept);
        self.body(body)?;
        self.u().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.body(orelse)?;
        let mut ends = vec![self.emit(Instr::Jump(0))];
        self.u().patch(setup);
        for (idx, h) in handlers.iter().enumerate() {
            self.u().line = h.loc.line;
            self.u().span = ColSpan::NONE;
            if h.typ.is_none() && idx + 1 != handlers.len() {
                return err("default 'except:' must be last", h.loc);
            }
            let mut next = None;
            if let Some(t) = &h.typ {
                self.emit(Instr::DupTop);
                self.expr(t)?;
                self.emit(Instr::CheckExcMatch);
                next = Some(self.emit(Instr::PopJumpIfFalse(0)));
            }
            match &h.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Instr::PopTop);
                }
            }
            self.u().fblocks.push(FBlock::Handler { name: h.name.clone() });
            self.body(&h.body)?;
            self.u().fblocks.pop();
            self.emit(Instr::PopExcept);
            if let Some(n) = &h.name {
                self.load_const(Value::None);
                self.store_name(n);
                self.delete_name(n);
            }
            ends.push(self.emit(Instr::Jump(0)));
            if let Some(nx) = next {
                self.u().patch(nx);
            }
        }
        self.emit(Instr::Reraise);
        for e in ends {
            self.u().patch(e);
        }
        Ok(())
    }

    fn try_finally(&mut self, body: &[Stmt], handlers: &[ExceptHandler], orelse: &[Stmt], fin: &[Stmt]) -> CResult {
        // Take the finally body's child scopes out of the queue (they come
        // after the body's, handlers' and else's): each copy of the body
        // below gets its own clone of them.
        let (before, count) =
            symtable::try_scope_counts(body, handlers, orelse, fin, self.u().kind, self.future_annotations);
        let children = &mut self.u().children;
        let start = before.min(children.len());
        let end = (before + count).min(children.len());
        let scopes: Vec<Scope> = children.drain(start..end).collect();
        let fin = Arc::new(FinallyBody { body: fin.to_vec(), scopes });
        let setup = self.emit(Instr::SetupFinally(0));
        self.u().fblocks.push(FBlock::Finally(fin.clone()));
        if handlers.is_empty() {
            self.body(body)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.u().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.finally_copy(&fin)?;
        let end = self.emit(Instr::Jump(0));
        self.u().patch(setup);
        self.u().fblocks.push(FBlock::FinallyExc);
        self.finally_copy(&fin)?;
        self.u().fblocks.pop();
        self.emit(Instr::Reraise);
        self.u().patch(end);
        Ok(())
    }

    /// Emits one copy of a finally body, handing it clones of its child scopes.
    fn finally_copy(&mut self, fin: &FinallyBody) -> CResult {
        let children = &mut self.u().children;
        for s in fin.scopes.iter().rev() {
            children.push_front(s.clone());
        }
        self.body(&fin.body)
    }

    /// `with` at `line`: the exit call belongs to that line, as in CPython
    /// (tracebacks from `__exit__` and trace functions' `line` events show it).
    fn with(&mut self, items: &[WithItem], body: &[Stmt], line: u32) -> CResult {
        let Some((first, rest)) = items.split_first() else {
            return self.body(body);
        };
        self.expr(&first.context)?;
        let setup = self.emit(Instr::SetupWith(0));
        match &first.target {
            Some(t) => self.assign(t)?,
            None => {
                self.emit(Instr::PopTop);
            }
        }
        self.u().fblocks.push(FBlock::With);
        self.with(rest, body, line)?;
        self.u().fblocks.pop();
        self.u().line = line;
        self.u().span = ColSpan::NONE;
        self.emit(Instr::PopBlock);
        self.emit(Instr::WithExitNormal);
        let end = self.emit(Instr::Jump(0));
        self.u().patch(setup);
        self.emit(Instr::WithExceptStart);
        let suppress = self.emit(Instr::PopJumpIfTrue(0));
        self.emit(Instr::Reraise);
        self.u().patch(suppress);
        self.emit(Instr::PopTop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::PopTop);
        self.u().patch(end);
        Ok(())
    }

    /// `target op= value`. As CPython 3.11: the target is read and written
    /// at the target's position (an unbound name or missing attribute
    /// underlines the target), the operation runs at the statement's.
    fn aug_assign(&mut self, target: &Expr, op: BinOp, value: &Expr) -> CResult {
        let stmt_pos = (self.u().line, self.u().span);
        let target_pos =
            (target.loc.line, ColSpan::new(target.loc.line, target.loc.col, target.end.line, target.end.col));
        (self.u().line, self.u().span) = target_pos;
        match &target.kind {
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Instr::DupTop);
                let a = self.u().name(attr);
                self.emit(Instr::LoadAttr(a));
            }
            ExprKind::Subscript { value: obj, slice } => {
                self.expr(obj)?;
                self.expr(slice)?;
                self.emit(Instr::DupTop2);
                self.emit(Instr::BinarySubscr);
            }
            _ => return err("'expression' is an illegal expression for augmented assignment", target.loc),
        }
        (self.u().line, self.u().span) = stmt_pos;
        self.expr(value)?;
        self.emit(Instr::Inplace(op));
        (self.u().line, self.u().span) = target_pos;
        match &target.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute { attr, .. } => {
                let a = self.u().name(attr);
                self.emit(Instr::RotTwo);
                self.emit(Instr::StoreAttr(a));
            }
            _ => {
                self.emit(Instr::RotThree);
                self.emit(Instr::StoreSubscr);
            }
        }
        (self.u().line, self.u().span) = stmt_pos;
        Ok(())
    }

    /// Stores TOS into an assignment target; its instructions take the
    /// target's position (CPython visits targets as expressions).
    pub fn assign(&mut self, t: &Expr) -> CResult {
        self.at_target(t, Self::assign_inner)
    }

    /// Runs `f` on target `t` with `t`'s position, then restores the current one.
    fn at_target(&mut self, t: &Expr, f: fn(&mut Self, &Expr) -> CResult) -> CResult {
        let u = self.u();
        let saved = (u.line, u.span);
        u.line = t.loc.line;
        u.span = ColSpan::new(t.loc.line, t.loc.col, t.end.line, t.end.col);
        let r = f(self, t);
        (self.u().line, self.u().span) = saved;
        r
    }

    fn assign_inner(&mut self, t: &Expr) -> CResult {
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let a = self.u().name(attr);
                self.at_attr_name(t, attr, t.end);
                self.emit(Instr::StoreAttr(a));
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items.iter().position(|e| matches!(e.kind, ExprKind::Starred(_)));
                match star {
                    Some(pos) => {
                        if items.iter().filter(|e| matches!(e.kind, ExprKind::Starred(_))).count() > 1 {
                            return err("multiple starred expressions in assignment", t.loc);
                        }
                        let after = items.len() - pos - 1;
                        // CPython's limits (its oparg holds `pos` in 8 bits).
                        if pos >= 1 << 8 || after >= (i32::MAX >> 8) as usize {
                            return err("too many expressions in star-unpacking assignment", t.loc);
                        }
                        self.emit(Instr::UnpackEx(pos as u32 | ((after as u32) << 16)));
                    }
                    None => {
                        self.emit(Instr::UnpackSequence(items.len() as u32));
                    }
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.assign(inner)?,
                        _ => self.assign(item)?,
                    }
                }
            }
            ExprKind::Starred(_) => return err("starred assignment target must be in a list or tuple", t.loc),
            _ => return err("cannot assign to expression", t.loc),
        }
        Ok(())
    }

    fn delete(&mut self, t: &Expr) -> CResult {
        self.at_target(t, Self::delete_inner)
    }

    fn delete_inner(&mut self, t: &Expr) -> CResult {
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let a = self.u().name(attr);
                self.at_attr_name(t, attr, t.end);
                self.emit(Instr::DeleteAttr(a));
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Instr::DeleteSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(i)?;
                }
            }
            _ => return err("cannot delete expression", t.loc),
        }
        Ok(())
    }

    // ---- functions and classes ----------------------------------------

    fn child_qualname(&mut self, name: &str) -> String {
        let u = self.u();
        // A function or class declared `global` in its enclosing scope is
        // named as a module-level one (CPython's compiler_set_qualname).
        if matches!(u.scope.lookup(name), crate::compile::symtable::NameScope::GlobalExplicit) {
            return name.to_string();
        }
        match u.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", u.qualname, name),
            _ => format!("{}.<locals>.{}", u.qualname, name),
        }
    }

    /// Pushes defaults / kw-defaults and returns MakeFunction flags for them.
    pub fn push_defaults(&mut self, args: &Arguments) -> CResult<u32> {
        let mut fl = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(args.defaults.len() as u32));
            fl |= 1;
        }
        let kw: Vec<(&Arg, &Expr)> =
            args.kwonly.iter().zip(args.kw_defaults.iter()).filter_map(|(a, d)| d.as_ref().map(|d| (a, d))).collect();
        if !kw.is_empty() {
            for (a, d) in &kw {
                let key = self.u().scope.mangled(&a.name).into_owned();
                let k = self.u().const_str(&key);
                self.emit(Instr::LoadConst(k));
                self.expr(d)?;
            }
            self.emit(Instr::BuildMap(kw.len() as u32));
            fl |= 2;
        }
        Ok(fl)
    }

    /// Pushes one annotation's value: the expression's, or under PEP 563
    /// its source text.
    fn annotation_value(&mut self, e: &Expr) -> CResult<()> {
        if self.future_annotations {
            let text = super::unparse::annotation(e);
            self.load_const(Value::str(&text));
            return Ok(());
        }
        self.expr(e)
    }

    /// Pushes the `__annotations__` dict of a `def` (MakeFunction flag 4)
    /// when any parameter or the return is annotated; returns the flag.
    fn push_annotations(&mut self, args: &Arguments, returns: Option<&Expr>) -> CResult<u32> {
        let mut n = 0;
        for a in super::symtable::annotated_args(args) {
            if let Some(e) = &a.annotation {
                let key = self.u().scope.mangled(&a.name).into_owned();
                self.load_const(Value::str(&key));
                // `*args: *Ts` stores the one item the starred value unpacks to.
                if self.future_annotations {
                    self.annotation_value(e)?;
                } else if let ExprKind::Starred(inner) = &e.kind {
                    self.expr(inner)?;
                    self.emit(Instr::UnpackSequence(1));
                } else {
                    self.expr(e)?;
                }
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Value::str("return"));
            self.annotation_value(r)?;
            n += 1;
        }
        if n == 0 {
            return Ok(0);
        }
        self.emit(Instr::BuildMap(n));
        Ok(4)
    }

    /// CPython's CO_NESTED for a code unit about to be pushed: set when it
    /// is defined inside a function or comprehension.
    pub fn nested_flag(&self) -> u32 {
        if self.units.iter().any(|u| matches!(u.kind, ScopeKind::Function | ScopeKind::Comprehension)) {
            flags::NESTED
        } else {
            0
        }
    }

    /// Takes the next child scope for a nested function/class/comprehension.
    /// A mismatch is a compiler bug; it is reported as an error at `loc`
    /// rather than a crash.
    pub fn next_child_scope(&mut self, loc: Loc) -> CResult<Scope> {
        match self.u().children.pop_front() {
            Some(s) => Ok(s),
            None => err("internal compiler error: symtable and codegen disagree on scope order", loc),
        }
    }

    /// Emits the closure tuple (if any), the code constant and MakeFunction.
    pub fn make_function(&mut self, code: CodeObject, mut fl: u32) {
        if !code.freevars.is_empty() {
            let frees: Vec<String> = code.freevars.iter().map(|s| s.as_str().to_string()).collect();
            for f in &frees {
                let idx = self.u().deref_index(f).unwrap_or(0);
                self.emit(Instr::LoadClosure(idx));
            }
            self.emit(Instr::BuildTuple(frees.len() as u32));
            fl |= 8;
        }
        let qual = code.qualname.clone();
        let ci = self.u().const_value(Value::Code(Arc::new(code)));
        self.emit(Instr::LoadConst(ci));
        let qi = self.u().const_value(Value::Str(qual));
        self.emit(Instr::LoadConst(qi));
        self.emit(Instr::MakeFunction(fl));
    }

    fn set_params(u: &mut Unit, args: &Arguments) {
        u.posonly = args.posonly.len() as u32;
        u.argcount = (args.posonly.len() + args.args.len()) as u32;
        u.kwonly = args.kwonly.len() as u32;
        if args.vararg.is_some() {
            u.flags |= flags::VARARGS;
        }
        if args.kwarg.is_some() {
            u.flags |= flags::VARKEYWORDS;
        }
    }

    fn function_def(&mut self, f: &FunctionDef, loc: Loc) -> CResult {
        for d in &f.decorators {
            self.expr(d)?;
        }
        let mut fl = self.push_defaults(&f.args)?;
        fl |= self.push_annotations(&f.args, f.returns.as_ref())?;
        let scope = self.next_child_scope(loc)?;
        let qual = self.child_qualname(&f.name);
        let mut unit = Unit::new(self.intern.clone(), scope, &f.name, &qual, loc.line);
        unit.flags |= self.nested_flag();
        Self::set_params(&mut unit, &f.args);
        if unit.scope.is_generator {
            unit.flags |= if f.is_async { flags::ASYNC_GENERATOR } else { flags::GENERATOR };
        } else if f.is_async {
            unit.flags |= flags::COROUTINE;
        }
        unit.in_async = f.is_async;
        if let Some(doc) = docstring(&f.body).filter(|_| !self.no_docstrings) {
            unit.docstring = Value::str(&doc);
        }
        self.units.push(unit);
        self.body(&f.body)?;
        if !matches!(self.u().instrs.last(), Some(Instr::ReturnValue)) || self.ends_open() {
            self.load_const(Value::None);
            self.emit(Instr::ReturnValue);
        }
        let unit = self.units.pop().expect("function unit");
        let code = unit.finish(&self.filename, CodeKind::Function);
        self.u().line = loc.line;
        self.make_function(code, fl);
        for _ in &f.decorators {
            self.emit(Instr::Call(1));
        }
        self.store_name(&f.name);
        Ok(())
    }

    /// True when some jump targets the end of the code (so a final return is needed).
    fn ends_open(&mut self) -> bool {
        let end = self.u().here();
        self.u().instrs.iter().any(|i| match i {
            Instr::Jump(t)
            | Instr::PopJumpIfFalse(t)
            | Instr::PopJumpIfTrue(t)
            | Instr::JumpIfFalseOrPop(t)
            | Instr::JumpIfTrueOrPop(t)
            | Instr::ForIter(t)
            | Instr::SetupExcept(t)
            | Instr::SetupFinally(t)
            | Instr::SetupWith(t)
            | Instr::Send(t)
            | Instr::ExcStarMatch(t) => *t == end,
            _ => false,
        })
    }

    fn class_def(&mut self, c: &ClassDef, loc: Loc) -> CResult {
        for d in &c.decorators {
            self.expr(d)?;
        }
        let scope = self.next_child_scope(loc)?;
        let qual = self.child_qualname(&c.name);
        let unit = Unit::new(self.intern.clone(), scope, &c.name, &qual, loc.line);
        self.units.push(unit);
        // __module__ = __name__; __qualname__ = '...'
        let n = self.u().name("__name__");
        self.emit(Instr::LoadGlobal(n));
        let m = self.u().name("__module__");
        self.emit(Instr::StoreName(m));
        let q = self.u().const_str(&qual);
        self.emit(Instr::LoadConst(q));
        let qn = self.u().name("__qualname__");
        self.emit(Instr::StoreName(qn));
        if let Some(doc) = docstring(&c.body).filter(|_| !self.no_docstrings) {
            let d = self.u().const_str(&doc);
            self.emit(Instr::LoadConst(d));
            let dn = self.u().name("__doc__");
            self.emit(Instr::StoreName(dn));
        }
        if has_annotations(&c.body) {
            self.emit(Instr::SetupAnnotations);
        }
        self.body(&c.body)?;
        if self.u().scope.uses_class_cell {
            let idx = self.u().deref_index("__class__").unwrap_or(0);
            self.emit(Instr::LoadClosure(idx));
            let cc = self.u().name("__classcell__");
            self.emit(Instr::StoreName(cc));
        }
        self.emit(Instr::LoadLocals);
        self.emit(Instr::ReturnValue);
        let unit = self.units.pop().expect("class unit");
        let code = unit.finish(&self.filename, CodeKind::Class);
        self.u().line = loc.line;
        self.make_function(code, 0);
        self.load_const(Value::str(&c.name));
        let starred = c.bases.iter().any(|b| matches!(b.kind, ExprKind::Starred(_)));
        if starred || c.keywords.iter().any(|k| k.arg.is_none()) {
            // `class A(*bases, **kw)`: the bases as one tuple, the keywords as one dict.
            self.sequence(&c.bases, super::codegen_expr::SeqKind::Tuple)?;
            let mut fl = 0;
            if !c.keywords.is_empty() {
                self.keyword_dict(&c.keywords)?;
                fl = 1;
            }
            self.emit(Instr::BuildClassEx(fl));
        } else {
            self.class_bases_plain(c)?;
        }
        for _ in &c.decorators {
            self.emit(Instr::Call(1));
        }
        self.store_name(&c.name);
        Ok(())
    }

    /// Bases and `name=value` keywords of a class header without `*`/`**`.
    fn class_bases_plain(&mut self, c: &ClassDef) -> CResult {
        for b in &c.bases {
            self.expr(b)?;
        }
        if c.keywords.is_empty() {
            self.emit(Instr::BuildClass(c.bases.len() as u32));
        } else {
            let mut names = Vec::new();
            for k in &c.keywords {
                match &k.arg {
                    Some(a) => names.push(Value::str(a)),
                    None => return err("class keyword **arguments are not supported", k.loc),
                }
                self.expr(&k.value)?;
            }
            self.load_const(Value::tuple(names));
            self.emit(Instr::BuildClassKw((c.bases.len() + c.keywords.len()) as u32));
        }
        Ok(())
    }
}

/// Copies what nested unwinding changed in the still-active outer blocks
/// (the `break` jumps recorded in their loops) back into the saved list.
fn sync_prefix(saved: &mut [FBlock], now: &[FBlock]) {
    for (s, n) in saved.iter_mut().zip(now) {
        s.clone_from(n);
    }
}
