//! Bytecode: instructions, code objects and the disassembler.

pub mod code;
pub mod disasm;
pub mod inline_cache;
pub mod instr;
pub mod marshal;
pub mod pattern;
pub mod positions;
pub mod wordcode;

pub use code::{CodeKind, CodeObject};
pub use instr::Instr;
