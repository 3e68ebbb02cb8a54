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
    /// A function defined inside another function (or comprehension).
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const COROUTINE: u32 = 0x80;
    /// A generator made awaitable by `types.coroutine`.
    pub const ITERABLE_COROUTINE: u32 = 0x100;
    pub const ASYNC_GENERATOR: u32 = 0x200;
}

/// Where an instruction's source ends and starts within its line, beyond the
/// line number kept in `CodeObject::lines`: CPython's `co_positions()` minus
/// the line. Columns count characters (CPython counts UTF-8 bytes and
/// converts back when it prints). Six bytes per instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColSpan {
    /// 0-based start column; [`ColSpan::NONE`]'s `u16::MAX` means unknown.
    pub col: u16,
    /// 0-based column just past the end, on line `line + end_line_delta`.
    pub end_col: u16,
    pub end_line_delta: u16,
}

impl ColSpan {
    /// No column information (no markers are drawn).
    pub const NONE: ColSpan = ColSpan { col: u16::MAX, end_col: u16::MAX, end_line_delta: 0 };

    /// The span from `(line, col)` to `(end_line, end_col)`, or NONE when it
    /// does not fit or the end is unknown (`end_line == 0`).
    pub fn new(line: u32, col: u32, end_line: u32, end_col: u32) -> ColSpan {
        match (u16::try_from(col), u16::try_from(end_col), end_line.checked_sub(line).map(u16::try_from)) {
            (Ok(col), Ok(end_col), Some(Ok(d))) if col != u16::MAX && end_line != 0 => {
                ColSpan { col, end_col, end_line_delta: d }
            }
            _ => ColSpan::NONE,
        }
    }

    pub fn is_known(&self) -> bool {
        self.col != u16::MAX
    }
}

/// Compiled code with everything the VM needs to run it. Immutable and
/// shared (`Arc`) by every function object and frame made from it.
#[derive(Clone)]
pub struct CodeObject {
    pub name: Arc<PyStr>,
    pub qualname: Arc<PyStr>,
    pub filename: Arc<str>,
    pub firstlineno: u32,
    pub kind: CodeKind,
    pub instrs: Vec<Instr>,
    /// Source line and columns of each instruction (as many as `instrs`);
    /// the columns are read only to draw traceback markers.
    pub positions: super::positions::Positions,
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
    /// Compiled `case` patterns, indexed by `MatchPattern`'s argument.
    pub patterns: Vec<Arc<super::pattern::MatchPat>>,
    /// One cache cell per caching instruction (see `inline_cache.rs`).
    pub caches: super::inline_cache::InlineCaches,
    /// CPython 3.11 wordcode view (`co_code`, `f_lasti`, …), built on
    /// first use by `wordcode.rs`; empty for code that is never inspected.
    pub word_view: std::sync::OnceLock<Box<super::wordcode::WordView>>,
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
        self.positions.line(pc).unwrap_or(self.firstlineno)
    }
    pub fn cols_of(&self, pc: usize) -> ColSpan {
        self.positions.cols(pc).unwrap_or(ColSpan::NONE)
    }
}
