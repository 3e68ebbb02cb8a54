//! One compilation unit: the code object being built for a module, class
//! body or function, with its tables, jump patching and line numbers.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use num_bigint::BigInt;

use super::symtable::{NameScope, Scope, ScopeKind};
use crate::bytecode::code::{CodeKind, ColSpan, flags};
use crate::bytecode::positions::Positions;
use crate::bytecode::{CodeObject, Instr};
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::parse::ast::Stmt;

/// What `break`, `continue` and `return` must unwind on their way out.
#[derive(Clone)]
pub enum FBlock {
    /// A loop: `continue` jumps to `start`; `break` jumps are patched at the end.
    Loop { start: u32, breaks: Vec<usize>, is_for: bool },
    /// Inside `try:` of a try/except (a SetupExcept block is active).
    TryExcept,
    /// Inside `try:` of a try/finally: the finally body must run on the way out
    /// (with the child scopes each copy of it takes, see [`FinallyBody`]).
    Finally(Arc<FinallyBody>),
    /// Inside the finally body on the exception path (exception on the stack).
    FinallyExc,
    /// Inside an `except` body (a handler block is active).
    Handler { name: Option<String> },
    /// Inside an `except*` body, where `break`, `continue` and `return`
    /// are SyntaxErrors (never unwound through).
    StarHandler,
    /// Inside a `with` body (the exit callable is on the stack).
    With,
    /// Inside an `async with` body (the manager is on the stack).
    AsyncWith,
    /// Inside a finally body run on the way out of a `return`: the return
    /// value waits below, and a `break`/`continue` there must drop it.
    PopValue,
}

/// A `finally` body and the child scopes it creates. The body is emitted
/// once per way out of the `try`; every copy takes clones of the same scopes.
pub struct FinallyBody {
    pub body: Vec<Stmt>,
    pub scopes: Vec<Scope>,
}

/// Hashable key for constant de-duplication.
#[derive(Hash, PartialEq, Eq)]
enum ConstKey {
    Int(i64),
    Big(String),
    Float(u64),
    Str(String),
    Other(usize),
    /// A folded tuple of constants: one object for equal tuples, as CPython's
    /// compiler merges them.
    Tuple(Vec<ConstKey>),
}

impl ConstKey {
    fn of(v: &Value) -> Option<ConstKey> {
        Some(match v {
            Value::Int(i) => ConstKey::Int(*i),
            Value::BigInt(b) => ConstKey::Big(b.to_string()),
            Value::Flt(f) => ConstKey::Float(f.get().to_bits()),
            // A string with lone surrogates shows U+FFFD in its text: not a key.
            Value::Str(s) if s.has_surrogates() => return None,
            Value::Str(s) => ConstKey::Str(s.as_str().to_string()),
            Value::None => ConstKey::Other(0),
            Value::Boolean(b) => ConstKey::Other(1 + b.get() as usize),
            Value::Ellipsis => ConstKey::Other(3),
            Value::Tuple(t) => ConstKey::Tuple(t.items.iter().map(ConstKey::of).collect::<Option<_>>()?),
            _ => return None,
        })
    }
}

/// Turns a name into the runtime's shared string for it, so that the
/// same attribute or global name compiled in different functions is one
/// object and dict lookups succeed on pointer equality.
pub type Interner = Arc<dyn Fn(&str) -> Arc<PyStr> + Send + Sync>;

/// A code object under construction.
pub struct Unit {
    pub intern: Interner,
    pub kind: ScopeKind,
    pub scope: Scope,
    pub children: VecDeque<Scope>,
    pub name: String,
    pub qualname: String,
    pub instrs: Vec<Instr>,
    pub lines: Vec<u32>,
    pub cols: Vec<ColSpan>,
    pub consts: Vec<Value>,
    const_index: HashMap<ConstKey, u32>,
    pub names: Vec<Arc<PyStr>>,
    name_index: HashMap<String, u32>,
    pub varnames: Vec<String>,
    var_index: HashMap<String, u32>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub fblocks: Vec<FBlock>,
    /// Compiled `case` patterns (see `bytecode::pattern`).
    pub patterns: Vec<Arc<crate::bytecode::pattern::MatchPat>>,
    pub line: u32,
    /// Columns of the node being compiled (CPython's SET_LOC), recorded with
    /// `line` for every instruction emitted.
    pub span: ColSpan,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonly: u32,
    pub kwonly: u32,
    pub flags: u32,
    pub docstring: Value,
    /// Depth of enclosing loops in *this* unit (for break/continue errors).
    pub in_async: bool,
}

impl Unit {
    pub fn new(intern: Interner, mut scope: Scope, name: &str, qualname: &str, line: u32) -> Unit {
        let children: VecDeque<Scope> = std::mem::take(&mut scope.children).into();
        let mut u = Unit {
            intern,
            kind: scope.kind,
            name: name.to_string(),
            qualname: qualname.to_string(),
            instrs: Vec::new(),
            lines: Vec::new(),
            cols: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: Vec::new(),
            var_index: HashMap::new(),
            cellvars: scope.cells.clone(),
            // Sorted, as CPython orders co_freevars (the symbol table's order
            // depends on hashing): `__closure__[i]` is the same cell every run.
            freevars: {
                let mut f = scope.frees.clone();
                f.sort();
                f
            },
            fblocks: Vec::new(),
            patterns: Vec::new(),
            line,
            span: ColSpan::NONE,
            firstlineno: line,
            argcount: 0,
            posonly: 0,
            kwonly: 0,
            flags: 0,
            docstring: Value::None,
            in_async: scope.is_async,
            children,
            scope,
        };
        if matches!(u.kind, ScopeKind::Function | ScopeKind::Comprehension) {
            for p in u.scope.params.clone() {
                u.varname(&p);
            }
            for n in u.scope.assigned_order.clone() {
                if u.scope.lookup(&n) == NameScope::Local {
                    u.varname(&n);
                }
            }
        }
        u
    }

    pub fn emit(&mut self, i: Instr) -> usize {
        self.instrs.push(i);
        self.lines.push(self.line);
        self.cols.push(self.span);
        self.instrs.len() - 1
    }

    pub fn here(&self) -> u32 {
        self.instrs.len() as u32
    }

    /// Points the jump at `at` to the current position.
    pub fn patch(&mut self, at: usize) {
        let target = self.here();
        self.patch_to(at, target);
    }

    pub fn patch_to(&mut self, at: usize, target: u32) {
        use Instr::*;
        self.instrs[at] = match self.instrs[at] {
            Jump(_) => Jump(target),
            PopJumpIfFalse(_) => PopJumpIfFalse(target),
            PopJumpIfTrue(_) => PopJumpIfTrue(target),
            JumpIfFalseOrPop(_) => JumpIfFalseOrPop(target),
            JumpIfTrueOrPop(_) => JumpIfTrueOrPop(target),
            ForIter(_) => ForIter(target),
            SetupExcept(_) => SetupExcept(target),
            SetupFinally(_) => SetupFinally(target),
            SetupWith(_) => SetupWith(target),
            Send(_) => Send(target),
            MatchPattern(p, _) => MatchPattern(p, target),
            ExcStarMatch(_) => ExcStarMatch(target),
            other => other,
        };
    }

    pub fn const_value(&mut self, v: Value) -> u32 {
        let key = ConstKey::of(&v);
        if let Some(k) = &key
            && let Some(i) = self.const_index.get(k)
        {
            return *i;
        }
        let i = self.consts.len() as u32;
        self.consts.push(v);
        if let Some(k) = key {
            self.const_index.insert(k, i);
        }
        i
    }

    pub fn const_str(&mut self, s: &str) -> u32 {
        self.const_value(Value::str(s))
    }

    pub fn const_int(&mut self, b: &BigInt) -> u32 {
        self.const_value(Value::from_bigint(b.clone()))
    }

    /// The index of a name (attribute, global, import) in `names`; private
    /// names are mangled, as CPython does for every name operand.
    pub fn name(&mut self, n: &str) -> u32 {
        let n = &*super::symtable::mangle(self.scope.private.as_deref(), n).into_owned();
        if let Some(i) = self.name_index.get(n) {
            return *i;
        }
        let i = self.names.len() as u32;
        self.names.push((self.intern)(n));
        self.name_index.insert(n.to_string(), i);
        i
    }

    pub fn varname(&mut self, n: &str) -> u32 {
        let n = &*super::symtable::mangle(self.scope.private.as_deref(), n).into_owned();
        if let Some(i) = self.var_index.get(n) {
            return *i;
        }
        let i = self.varnames.len() as u32;
        self.varnames.push(n.to_string());
        self.var_index.insert(n.to_string(), i);
        i
    }

    /// Index of a cell or free variable in `cellvars ++ freevars`.
    pub fn deref_index(&self, n: &str) -> Option<u32> {
        let n = &*super::symtable::mangle(self.scope.private.as_deref(), n).into_owned();
        if let Some(i) = self.cellvars.iter().position(|c| c == n) {
            return Some(i as u32);
        }
        self.freevars.iter().position(|c| c == n).map(|i| (i + self.cellvars.len()) as u32)
    }

    pub fn finish(mut self, filename: &Arc<str>, kind: CodeKind) -> CodeObject {
        super::peephole::fuse(&mut self.instrs);
        // The tables grew by doubling while the code was generated; a code
        // object lives as long as its functions, so it keeps no spare room.
        self.instrs.shrink_to_fit();
        self.consts.shrink_to_fit();
        self.names.shrink_to_fit();
        let mk = |s: &String| (self.intern)(s);
        let cell2arg = self
            .cellvars
            .iter()
            .map(|c| if self.scope.params.contains(c) { self.var_index.get(c).copied() } else { None })
            .collect();
        CodeObject {
            name: Arc::new(PyStr::new(&self.name)),
            qualname: Arc::new(PyStr::new(&self.qualname)),
            filename: filename.clone(),
            firstlineno: self.firstlineno,
            kind,
            instrs: self.instrs,
            positions: Positions::new(&self.lines, &self.cols),
            consts: self.consts,
            names: self.names,
            varnames: self.varnames.iter().map(mk).collect(),
            cellvars: self.cellvars.iter().map(mk).collect(),
            freevars: self.freevars.iter().map(mk).collect(),
            cell2arg,
            argcount: self.argcount,
            posonlyargcount: self.posonly,
            kwonlyargcount: self.kwonly,
            flags: self.flags,
            docstring: self.docstring,
            needs_class_cell: self.scope.uses_class_cell,
            simple_args: self.kwonly == 0
                && self.flags
                    & (flags::VARARGS
                        | flags::VARKEYWORDS
                        | flags::GENERATOR
                        | flags::COROUTINE
                        | flags::ASYNC_GENERATOR)
                    == 0
                && self.cellvars.is_empty()
                && self.freevars.is_empty(),
            patterns: self.patterns,
            caches: Default::default(),
            word_view: Default::default(),
        }
    }
}
