//! AST → bytecode for `try` with `except*` clauses (PEP 654).
//!
//! When the body raises, the handler keeps three values on the stack: the
//! original exception, what is still unhandled, and a list of what the
//! clauses' bodies raised. Each clause splits the unhandled part by its
//! type (`ExcStarMatch`); a body runs with its part as the exception being
//! handled, under a block that records anything it raises instead of
//! letting it escape. After the last clause `ExcStarEnd` re-raises the
//! unhandled rest and the new exceptions together, or nothing.

use super::codegen::{CResult, Compiler};
use super::unit::FBlock;
use crate::bytecode::Instr;
use crate::bytecode::code::ColSpan;
use crate::object::value::Value;
use crate::parse::ast::*;

impl Compiler {
    /// `try: … except* T as n: … else: …` (a `finally` wraps this).
    pub(super) fn try_except_star(&mut self, body: &[Stmt], handlers: &[ExceptHandler], orelse: &[Stmt]) -> CResult {
        let setup = self.emit(Instr::SetupExcept(0));
        self.u().fblocks.push(FBlock::TryExcept);
        self.body(body)?;
        self.u().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.body(orelse)?;
        let end = self.emit(Instr::Jump(0));
        self.u().patch(setup);
        self.emit(Instr::ExcStarBegin);
        for h in handlers {
            self.u().line = h.loc.line;
            self.u().span = ColSpan::NONE;
            if let Some(t) = &h.typ {
                self.expr(t)?;
            }
            let no_match = self.emit(Instr::ExcStarMatch(0));
            self.emit(Instr::DupTop);
            self.emit(Instr::PushExcInfo);
            match &h.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Instr::PopTop);
                }
            }
            let guard = self.emit(Instr::SetupExcept(0));
            self.u().fblocks.push(FBlock::StarHandler);
            self.body(&h.body)?;
            self.u().fblocks.pop();
            self.emit(Instr::PopBlock);
            let done = self.emit(Instr::Jump(0));
            // The body raised: keep what it raised for the end.
            self.u().patch(guard);
            self.emit(Instr::ExcStarCollect);
            self.emit(Instr::PopExcept);
            self.u().patch(done);
            self.emit(Instr::PopExcept);
            if let Some(n) = &h.name {
                self.load_const(Value::None);
                self.store_name(n);
                self.delete_name(n);
            }
            self.u().patch(no_match);
        }
        self.emit(Instr::ExcStarEnd);
        self.emit(Instr::PopExcept);
        self.u().patch(end);
        Ok(())
    }
}
