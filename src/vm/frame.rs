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
    pub fn new(code: Arc<CodeObject>, globals: Arc<Dict>) -> Frame {
        let nlocals = code.varnames.len();
        Frame {
            stack: Vec::with_capacity(8),
            locals: vec![None; nlocals],
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

    /// Re-initialises a recycled frame for a new activation (keeps the
    /// allocations of its vectors).
    pub fn reset(&mut self, code: Arc<CodeObject>, globals: Arc<Dict>) {
        self.stack.clear();
        self.locals.clear();
        self.locals.resize(code.varnames.len(), None);
        self.cells.clear();
        self.globals = globals;
        self.locals_dict = None;
        self.blocks.clear();
        self.handled.clear();
        self.return_override = None;
        self.pc = 0;
        self.code = code;
    }

    /// The line of the instruction being executed.
    pub fn line(&self) -> u32 {
        // pc already points past the instruction being executed.
        if self.pc == 0 { self.code.firstlineno } else { self.code.line_of(self.pc - 1) }
    }
}
