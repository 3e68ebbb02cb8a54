//! Compilation: symbol tables, then bytecode generation.

pub mod codegen;
mod codegen_expr;
mod codegen_match;
mod codegen_star;
mod future;
mod peephole;
pub mod symtable;
pub mod unit;
pub mod unparse;
pub mod warnings;

pub use codegen::{
    CompileError, ExecMode, compile_module, compile_module_mode, compile_module_optimized, compile_module_warn,
};
pub use codegen_expr::constant_value;
