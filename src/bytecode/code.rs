//! Code objects: the compiled form of a module, class body or function.

use std::sync::Arc;

use super::instr::Instr;
use crate::object::str::PyStr;
use crate::object::value::Value;

/// What a code object was compiled from; decides how names are stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Class,
    Function,
}

/// Code flags (as in CPython's co_flags, only those gilt uses).
pub mod flags {
    pub const VARARGS: u32 = 0x04;
    pub const VARKEYWORDS: u32 = 0x08;
    pub const GENERATOR: u32 = 0x20;
    pub const COROUTINE: u32 = 0x80;
    pub const ASYNC_GENERATOR: u32 = 0x200;
}

/// Compiled code with everything the VM needs to run it. Immutable and
/// shared (`Arc`) by every function object and frame made from it.
pub struct CodeObject {
    pub name: Arc<PyStr>,
    pub qualname: Arc<PyStr>,
    pub filename: Arc<str>,
    pub firstlineno: u32,
    pub kind: CodeKind,
    pub instrs: Vec<Instr>,
    /// Source line of each instruction (same length as `instrs`).
    pub lines: Vec<u32>,
    pub consts: Vec<Value>,
    pub names: Vec<Arc<PyStr>>,
    /// Fast locals; parameters come first.
    pub varnames: Vec<Arc<PyStr>>,
    /// Locals captured by inner functions (live in cells).
    pub cellvars: Vec<Arc<PyStr>>,
    /// Variables of enclosing functions this code uses.
    pub freevars: Vec<Arc<PyStr>>,
    /// For each cellvar that is also a parameter: the parameter's local slot.
    pub cell2arg: Vec<Option<u32>>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub docstring: Value,
    /// For class bodies: whether a `__class__` cell must be created.
    pub needs_class_cell: bool,
    /// Only plain positional parameters, no cells, not a generator: a call
    /// with exactly `argcount` positional arguments can move them straight
    /// from the caller's stack into the new frame.
    pub simple_args: bool,
}

impl CodeObject {
    pub fn is_generator_like(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }
    /// Number of named parameters (positional + keyword-only).
    pub fn total_args(&self) -> usize {
        (self.argcount + self.kwonlyargcount) as usize
    }
    pub fn line_of(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(self.firstlineno)
    }
}
