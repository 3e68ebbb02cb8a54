//! Frames: one activation of a code object, kept off the Rust stack.

use std::sync::Arc;

use crate::bytecode::CodeObject;
use crate::object::dict::Dict;
use crate::object::function::Cell;
use crate::object::value::Value;

/// What a block on the block stack protects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// `try:` with except clauses.
    Except,
    /// `try:` with a finally clause, or a `with` body: runs its handler on any exception.
    Finally,
    /// We are inside a handler; the handled exception is `Frame::handled[..]`.
    Handler,
}

/// One entry of a frame's block stack.
#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub handler: u32,
    /// Value-stack depth to restore when the block catches.
    pub depth: u32,
}

/// An executing (or suspended) function activation.
pub struct Frame {
    pub code: Arc<CodeObject>,
    pub pc: usize,
    pub stack: Vec<Value>,
    /// Fast locals (`None` = unbound).
    pub locals: Vec<Option<Value>>,
    /// Cells for cellvars, then the closure's cells for freevars.
    pub cells: Vec<Arc<Cell>>,
    pub globals: Arc<Dict>,
    /// The locals mapping of class bodies (and `exec`-style module code).
    pub locals_dict: Option<Arc<Dict>>,
    pub blocks: Vec<Block>,
    /// Exceptions being handled by the Handler blocks, innermost last.
    pub handled: Vec<Value>,
    /// When set, `return` hands back this value instead (used by `__init__`).
    pub return_override: Option<Value>,
}

impl Frame {
    /// A frame with every local unbound.
    pub fn new(code: Arc<CodeObject>, globals: Arc<Dict>) -> Frame {
        let mut f = Frame::new_unfilled(code, globals);
        f.fill_locals(std::iter::empty());
        f
    }

    /// A frame whose locals the caller fills with `fill_locals`.
    pub fn new_unfilled(code: Arc<CodeObject>, globals: Arc<Dict>) -> Frame {
        Frame {
            stack: Vec::new(),
            locals: Vec::new(),
            cells: Vec::new(),
            globals,
            locals_dict: None,
            blocks: Vec::new(),
            handled: Vec::new(),
            return_override: None,
            pc: 0,
            code,
        }
    }

    /// Re-initialises a recycled frame (emptied by `Vm::recycle_frame`)
    /// for a new activation, keeping the allocations of its vectors. The
    /// locals are left empty: the caller fills them (see `fill_locals`).
    /// Takes references so that a frame reused for the same function (a
    /// loop calling it, a recursion) costs no reference-count traffic.
    #[inline]
    pub fn reset(&mut self, code: &Arc<CodeObject>, globals: &Arc<Dict>) {
        if !Arc::ptr_eq(&self.globals, globals) {
            self.globals = globals.clone();
        }
        if !Arc::ptr_eq(&self.code, code) {
            self.code = code.clone();
        }
        self.pc = 0;
    }

    /// Sets the first locals from `args` and the rest to unbound.
    #[inline]
    pub fn fill_locals(&mut self, args: impl Iterator<Item = Value>) {
        self.locals.extend(args.map(Some));
        let n = self.code.varnames.len();
        if self.locals.len() < n {
            self.locals.resize(n, None);
        }
    }

    /// The line of the instruction being executed.
    pub fn line(&self) -> u32 {
        // pc already points past the instruction being executed.
        if self.pc == 0 { self.code.firstlineno } else { self.code.line_of(self.pc - 1) }
    }
}
