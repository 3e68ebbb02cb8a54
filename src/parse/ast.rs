//! The abstract syntax tree: plain data, shaped after CPython's `ast` module.
//!
//! Every statement and expression carries the [`Loc`] where it starts, so the
//! compiler can give each instruction a line number and errors can point at a
//! column. The parser builds it; the compiler consumes it; nothing else does.

use num_bigint::BigInt;

/// A source position: 1-based line, 0-based column (in characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Loc {
    pub line: u32,
    pub col: u32,
}

/// A whole module: the statements of one file.
pub type Program = Vec<Stmt>;

/// A statement with the position of its first token and where its last
/// token ends (`end.line == 0`: not known).
#[derive(Clone, Debug)]
pub struct Stmt {
    pub loc: Loc,
    pub end: Loc,
    pub kind: StmtKind,
}

/// The statement forms of the language.
#[derive(Clone, Debug)]
pub enum StmtKind {
    /// An expression evaluated for its effect (`f(x)`, a docstring).
    Expr(Expr),
    /// `a = b = value`: one or more targets, assigned left to right.
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    /// `target op= value`.
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `target: annotation [= value]`; the annotation is parsed and ignored.
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
    },
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        is_async: bool,
    },
    Break,
    Continue,
    Pass,
    Return(Option<Expr>),
    /// `del a, b[i], c.x`.
    Delete(Vec<Expr>),
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    Global(Vec<String>),
    Nonlocal(Vec<String>),
    /// `import a.b.c as d, e`.
    Import(Vec<Alias>),
    /// `from ..module import a as b, c` / `from m import *` (one alias named `*`).
    /// `level` counts the leading dots.
    ImportFrom {
        module: Option<String>,
        names: Vec<Alias>,
        level: u32,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    /// `raise`, `raise exc`, `raise exc from cause`.
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        is_async: bool,
    },
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
    /// `match subject:` with its `case` blocks (PEP 634).
    Match {
        subject: Expr,
        cases: Vec<MatchCase>,
    },
}

/// One `case pattern [if guard]:` block of a `match` statement.
#[derive(Clone, Debug)]
pub struct MatchCase {
    pub loc: Loc,
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Vec<Stmt>,
}

/// A pattern of a `case` clause (CPython's `ast.pattern`).
#[derive(Clone, Debug)]
pub struct Pattern {
    pub loc: Loc,
    /// Where the pattern's last token ends (`line == 0`: not known yet).
    pub end: Loc,
    pub kind: PatternKind,
}

impl Pattern {
    /// Sets the end unless a narrower rule already did.
    pub fn ended(mut self, end: Loc) -> Pattern {
        if self.end.line == 0 {
            self.end = end;
        }
        self
    }
}

/// The pattern forms.
#[derive(Clone, Debug)]
pub enum PatternKind {
    /// A literal or a dotted name, compared with `==`.
    Value(Expr),
    /// `None`, `True`, `False`, compared with `is`.
    Singleton(Constant),
    /// `name` (a capture) or `_` (None: the wildcard).
    Capture(Option<String>),
    /// `[p, *rest, q]` / `(p, q)` / `p, q`; items may be `Star`.
    Sequence(Vec<Pattern>),
    /// `*name` / `*_` (None) inside a sequence pattern.
    Star(Option<String>),
    /// `{key: p, **rest}`.
    Mapping { keys: Vec<Expr>, patterns: Vec<Pattern>, rest: Option<String> },
    /// `Cls(p, attr=q)`.
    Class { cls: Expr, patterns: Vec<Pattern>, kwd: Vec<(String, Pattern)> },
    /// `p as name`.
    As(Box<Pattern>, String),
    /// `p | q | r`.
    Or(Vec<Pattern>),
}

/// `name [as asname]` in an import; `name` may be dotted (`os.path`).
#[derive(Clone, Debug)]
pub struct Alias {
    pub name: String,
    pub asname: Option<String>,
    pub loc: Loc,
}

/// One `except [type [as name]]:` clause.
#[derive(Clone, Debug)]
pub struct ExceptHandler {
    pub loc: Loc,
    pub typ: Option<Expr>,
    pub name: Option<String>,
    pub body: Vec<Stmt>,
    /// `except*` (PEP 654).
    pub star: bool,
}

/// One `context [as target]` item of a `with` statement.
#[derive(Clone, Debug)]
pub struct WithItem {
    pub context: Expr,
    pub target: Option<Expr>,
}

/// `def` / `async def` (decorators listed outermost first, as written).
#[derive(Clone, Debug)]
pub struct FunctionDef {
    pub name: String,
    pub args: Arguments,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub returns: Option<Expr>,
    pub is_async: bool,
}

/// `class Name(bases, keywords):` (decorators outermost first).
#[derive(Clone, Debug)]
pub struct ClassDef {
    pub name: String,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
}

/// A parameter list, as in CPython's `ast.arguments`.
///
/// `defaults` belong to the *last* `defaults.len()` of `posonly ++ args`;
/// `kw_defaults` has one entry per `kwonly` parameter (None = required).
#[derive(Clone, Debug, Default)]
pub struct Arguments {
    pub posonly: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Arg>,
    pub kwonly: Vec<Arg>,
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Arg>,
    pub defaults: Vec<Expr>,
}

/// One parameter; the annotation is kept only so it can be evaluated-and-ignored.
#[derive(Clone, Debug)]
pub struct Arg {
    pub name: String,
    pub annotation: Option<Expr>,
    pub loc: Loc,
}

/// `name=value` in a call or class header; `arg: None` means `**value`.
#[derive(Clone, Debug)]
pub struct Keyword {
    pub arg: Option<String>,
    pub value: Expr,
    pub loc: Loc,
}

/// `for target in iter if cond1 if cond2` inside a comprehension.
#[derive(Clone, Debug)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

/// An expression with the position of its first token and where its last
/// token ends (`end.line == 0`: not known). As in CPython, a parenthesised
/// expression's own span leaves the parentheses out.
#[derive(Clone, Debug)]
pub struct Expr {
    pub loc: Loc,
    pub end: Loc,
    pub kind: ExprKind,
}

/// The expression forms of the language.
#[derive(Clone, Debug)]
pub enum ExprKind {
    /// `a and b and c` / `a or b`.
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    /// `target := value`.
    NamedExpr {
        target: String,
        value: Box<Expr>,
    },
    BinOp {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Lambda {
        args: Box<Arguments>,
        body: Box<Expr>,
    },
    /// `body if test else orelse`.
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `{k: v, **m}`: a `None` key means the value is a `**` mapping spread.
    Dict {
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    Set(Vec<Expr>),
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    /// `a < b <= c`: `ops.len() == comparators.len()`.
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    /// `func(args, keywords)`; `args` may contain `Starred` for `*xs`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    /// One `{value!conversion:format_spec}` of an f-string. `conversion` is
    /// `'r'`, `'s'` or `'a'`; `format_spec` is itself a `JoinedStr`.
    FormattedValue {
        value: Box<Expr>,
        conversion: Option<char>,
        format_spec: Option<Box<Expr>>,
    },
    /// An f-string: a sequence of `Constant(Str)` and `FormattedValue` parts.
    JoinedStr(Vec<Expr>),
    Constant(Constant),
    Attribute {
        value: Box<Expr>,
        attr: String,
    },
    /// `value[slice]`; `a[1:2, 3]` has a `Tuple` of `Slice` / exprs as slice.
    Subscript {
        value: Box<Expr>,
        slice: Box<Expr>,
    },
    /// `*value` in a call, a list/tuple/set display or an assignment target.
    Starred(Box<Expr>),
    Name(String),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    /// `lower:upper:step` inside a subscript.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

/// Literal constants. Adjacent string literals are already concatenated.
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    True,
    False,
    Ellipsis,
    Int(BigInt),
    Float(f64),
    /// An imaginary literal: the value of its imaginary part.
    Complex(f64),
    Str(String),
    /// A str literal holding a lone surrogate (`'\ud800'`), in generalized
    /// UTF-8 (see `object/str_surr.rs`); rare, so `Str` stays plain text.
    StrWide(Vec<u8>),
    Bytes(Vec<u8>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl Expr {
    /// A node whose end is not known yet (the grammar sets it).
    pub fn new(loc: Loc, kind: ExprKind) -> Expr {
        Expr { loc, end: Loc::default(), kind }
    }
    /// Sets the end if no inner production set it already (a parenthesised
    /// operand passed through keeps its own span).
    pub fn ended(mut self, end: Loc) -> Expr {
        if self.end.line == 0 {
            self.end = end;
        }
        self
    }
}

impl Stmt {
    /// A node whose end is not known yet (the grammar sets it).
    pub fn new(loc: Loc, kind: StmtKind) -> Stmt {
        Stmt { loc, end: Loc::default(), kind }
    }
    /// Sets the end if it is not known yet.
    pub fn ended(mut self, end: Loc) -> Stmt {
        if self.end.line == 0 {
            self.end = end;
        }
        self
    }
}
