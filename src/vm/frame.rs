//! Frames: one activation of a code object, kept off the Rust stack.

use std::sync::Arc;

use crate::bytecode::CodeObject;
use crate::object::class::Instance;
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
    /// Cells for cellvars, then the closure's cells for freevars. Set once
    /// when the frame is made, so a boxed slice: 8 bytes smaller than a
    /// `Vec`, which keeps `Frame` in a smaller allocator size class (every
    /// suspended coroutine owns one).
    pub cells: Box<[Arc<Cell>]>,
    pub globals: Arc<Dict>,
    /// The locals mapping of class bodies (and `exec`-style module code).
    pub locals_dict: Option<Arc<Dict>>,
    pub blocks: Vec<Block>,
    /// Exceptions being handled by the Handler blocks, innermost last.
    pub handled: Vec<Value>,
    /// When set, `return` hands back this instance instead (used by
    /// `__init__`). An `Arc`, not a `Value`: 16 bytes smaller, which keeps
    /// `Frame` within a 160-byte allocation.
    pub return_override: Option<Arc<Instance>>,
    /// Which activation this is (0: not numbered), so `sys._getframe()`
    /// can hand out the same frame object again for it (`Vm::alloc_frame_with`).
    pub serial: u32,
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
            cells: Box::default(),
            globals,
            locals_dict: None,
            blocks: Vec::new(),
            handled: Vec::new(),
            return_override: None,
            pc: 0,
            serial: 0,
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
        let n = self.code.varnames.len();
        if self.locals.capacity() < n {
            // Exactly n: a fresh `Vec` would round up to at least four
            // slots, and a suspended coroutine keeps its locals for as long
            // as it waits (100k tasks of one local each: 7 MB saved).
            self.locals.reserve_exact(n - self.locals.len());
        }
        self.locals.extend(args.map(Some));
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

#[cfg(test)]
mod tests {
    #[test]
    fn frame_fits_a_160_byte_allocation() {
        // Every suspended coroutine owns a boxed frame (100k sleeping tasks
        // must fit in 100 MB); mimalloc's next size class is 192 bytes.
        assert!(std::mem::size_of::<super::Frame>() <= 160, "Frame {}", std::mem::size_of::<super::Frame>());
    }
}
