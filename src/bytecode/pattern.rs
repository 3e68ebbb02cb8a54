//! Compiled `case` patterns (PEP 634): the tree that the `MatchPattern`
//! instruction walks against the subject. Values the pattern compares with
//! (literals, dotted names, mapping keys, classes) are evaluated by ordinary
//! bytecode just before the instruction and referred to by index.

use std::sync::Arc;

use crate::object::str::PyStr;

/// One node of a compiled pattern.
pub enum Pat {
    /// `_`: matches anything, binds nothing.
    Wildcard,
    /// `name`: matches anything, binds binding slot `.0`.
    Capture(u32),
    /// A literal or value pattern: `subject == values[.0]`.
    Eq(u32),
    /// `None` / `True` / `False` (0, 1, 2): `subject is …`.
    Is(u8),
    /// A sequence pattern; `star` is the position of `*name` among the items
    /// (with its binding slot, None for `*_`), the items exclude it.
    Seq { items: Vec<Pat>, star: Option<(usize, Option<u32>)> },
    /// A mapping pattern: keys are `values[keys[i]]`; `rest` binds `**rest`.
    Map { keys: Vec<u32>, pats: Vec<Pat>, rest: Option<u32> },
    /// A class pattern: the class is `values[cls]`.
    Class { cls: u32, pos: Vec<Pat>, kw: Vec<(Arc<PyStr>, Pat)> },
    /// Alternatives, tried left to right.
    Or(Vec<Pat>),
    /// `pattern as name`.
    As(Box<Pat>, u32),
}

/// A whole `case` pattern: how many values the bytecode pushes for it and
/// how many names it binds (pushed in slot order on success).
pub struct MatchPat {
    pub pat: Pat,
    pub nvalues: u32,
    pub nbindings: u32,
}
