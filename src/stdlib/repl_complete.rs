//! Tab completion at the interactive prompt, as CPython's `rlcompleter`:
//! a name completes from the keywords, the REPL's globals and the
//! built-ins (callables get a `(`), `expr.na` from `dir(expr)` where `expr`
//! is a dotted name (its attributes are looked up, as rlcompleter evaluates
//! it), hiding `_` names until one is typed; Tab on an empty line indents.
//!
//! rustyline calls the completer inside `readline`, while the REPL thread
//! waits for the keyboard with the GIL released (other threads run while a
//! student types). The completer takes the GIL back for as long as it looks
//! names up, through the REPL's own `Vm`.

use std::sync::Arc;

use rustyline::completion::Completer;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};

use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::runtime::events::{BlockKind, ReleaseReason};
use crate::vm::Vm;

/// Python's keywords, offered with the names.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// The REPL's rustyline helper: completion only.
pub struct ReplHelper {
    /// The REPL thread's interpreter. Only that thread calls the completer
    /// (inside its own `readline`), while nothing else uses the `Vm`.
    vm: *mut Vm,
    globals: Arc<Dict>,
}

impl ReplHelper {
    /// A helper completing in `globals` through `vm`, which must outlive
    /// the editor it is given to and be used by nothing else while that
    /// editor reads a line.
    pub fn new(vm: &mut Vm, globals: Arc<Dict>) -> ReplHelper {
        ReplHelper { vm, globals }
    }
}

impl Completer for ReplHelper {
    type Candidate = String;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<String>)> {
        let before = &line[..pos];
        if before.trim().is_empty() {
            return Ok((pos, vec!["    ".to_string()]));
        }
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric() || *c == '_' || *c == '.')
            .last()
            .map_or(pos, |(i, _)| i);
        let word = &before[start..];
        // SAFETY: see the field's comment: the Vm is this thread's, and the
        // REPL loop is suspended inside readline while we use it.
        let vm = unsafe { &mut *self.vm };
        let Some(g) = vm.gil.as_mut() else { return Ok((start, vec![])) };
        g.acquire();
        let found = if let Some((expr, attr)) = word.rsplit_once('.') {
            attr_matches(vm, &self.globals, expr, attr)
        } else {
            name_matches(vm, &self.globals, word)
        };
        if let Some(g) = vm.gil.as_mut() {
            g.release(ReleaseReason::BlockingCall(BlockKind::Input));
        }
        Ok((start, found))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}
impl Highlighter for ReplHelper {}
impl Validator for ReplHelper {}
impl Helper for ReplHelper {}

/// Keywords, globals and built-ins starting with `prefix`.
fn name_matches(vm: &mut Vm, globals: &Dict, prefix: &str) -> Vec<String> {
    let mut out: Vec<String> = KEYWORDS.iter().filter(|k| k.starts_with(prefix)).map(|k| k.to_string()).collect();
    let builtins = vm.rt.builtins.clone();
    for dict in [globals, &*builtins] {
        let items = dict.lock().items();
        for (key, value) in items {
            if let Some(name) = key.as_str().map(|s| s.as_str())
                && name.starts_with(prefix)
            {
                out.push(with_paren(vm, name.to_string(), &value));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// `expr.NAME` for each attribute NAME of the dotted name `expr` that starts
/// with `prefix` (none when `expr` is not a dotted name or fails to look up).
fn attr_matches(vm: &mut Vm, globals: &Dict, expr: &str, prefix: &str) -> Vec<String> {
    let mut parts = expr.split('.');
    let first = parts.next().unwrap_or("");
    let builtins = vm.rt.builtins.clone();
    let Some(mut obj) = globals.get_item_str(first).or_else(|| builtins.get_item_str(first)) else { return vec![] };
    for part in parts {
        match vm.get_attr_str(&obj, part) {
            Ok(Some(v)) => obj = v,
            _ => return vec![],
        }
    }
    let Ok(names) = vm.dir_of(&obj) else { return vec![] };
    // As rlcompleter: `x.` hides `_` names, `x._` hides `__` names.
    let hidden = if prefix.is_empty() {
        "_"
    } else if prefix == "_" {
        "__"
    } else {
        "\u{0}"
    };
    let mut out = Vec::new();
    for name in names {
        let Some(name) = name.as_str().map(|s| s.as_str().to_string()) else { continue };
        if !name.starts_with(prefix) || name.starts_with(hidden) {
            continue;
        }
        let full = format!("{expr}.{name}");
        out.push(match vm.get_attr_str(&obj, &name) {
            Ok(Some(v)) => with_paren(vm, full, &v),
            _ => full,
        });
    }
    out.sort();
    out
}

/// `name(` for a callable, as rlcompleter offers it.
fn with_paren(vm: &mut Vm, name: String, value: &Value) -> String {
    if super::builtins_attr::is_callable(vm, value) { name + "(" } else { name }
}
