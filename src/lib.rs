//! gilt: a bytecode interpreter for a Python-like language with a real, switchable GIL.

pub mod parse;
