//! The `_ast` module: the node classes of Python 3.11's abstract grammar,
//! which CPython's `ast.py` (and through it `inspect`, `doctest`,
//! `dataclasses`, `unittest.mock`) imports.
//!
//! The grammar is written below once, as a compact table ([`GRAMMAR`]); at
//! import the table is turned into a short Python program that builds the
//! classes with `type(...)`, so the classes are ordinary Python classes
//! (subclassable, picklable through `__reduce__`) with CPython's `_fields`,
//! `_attributes`, `__match_args__`, docstrings and `None` defaults for the
//! optional (`?`) fields and position attributes. `ast.parse` fills them
//! from gilt's parser (`ast_to_py.rs`); `compile()` of a tree reads them back
//! (`ast_from_py.rs`).

use std::fmt::Write as _;
use std::sync::LazyLock;

use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// The 3.11 abstract grammar. `= name (attrs)` opens a sum type with its
/// position attributes (`-` for none); the `| Ctor(fields)` lines after it
/// are its constructors. `* name(fields) (attrs)` is a product type.
const GRAMMAR: &str = "
= mod -
| Module(stmt* body, type_ignore* type_ignores)
| Interactive(stmt* body)
| Expression(expr body)
| FunctionType(expr* argtypes, expr returns)
= stmt int lineno, int col_offset, int? end_lineno, int? end_col_offset
| FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
| AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
| ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)
| Return(expr? value)
| Delete(expr* targets)
| Assign(expr* targets, expr value, string? type_comment)
| AugAssign(expr target, operator op, expr value)
| AnnAssign(expr target, expr annotation, expr? value, int simple)
| For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
| AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
| While(expr test, stmt* body, stmt* orelse)
| If(expr test, stmt* body, stmt* orelse)
| With(withitem* items, stmt* body, string? type_comment)
| AsyncWith(withitem* items, stmt* body, string? type_comment)
| Match(expr subject, match_case* cases)
| Raise(expr? exc, expr? cause)
| Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
| TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
| Assert(expr test, expr? msg)
| Import(alias* names)
| ImportFrom(identifier? module, alias* names, int? level)
| Global(identifier* names)
| Nonlocal(identifier* names)
| Expr(expr value)
| Pass
| Break
| Continue
= expr int lineno, int col_offset, int? end_lineno, int? end_col_offset
| BoolOp(boolop op, expr* values)
| NamedExpr(expr target, expr value)
| BinOp(expr left, operator op, expr right)
| UnaryOp(unaryop op, expr operand)
| Lambda(arguments args, expr body)
| IfExp(expr test, expr body, expr orelse)
| Dict(expr* keys, expr* values)
| Set(expr* elts)
| ListComp(expr elt, comprehension* generators)
| SetComp(expr elt, comprehension* generators)
| DictComp(expr key, expr value, comprehension* generators)
| GeneratorExp(expr elt, comprehension* generators)
| Await(expr value)
| Yield(expr? value)
| YieldFrom(expr value)
| Compare(expr left, cmpop* ops, expr* comparators)
| Call(expr func, expr* args, keyword* keywords)
| FormattedValue(expr value, int conversion, expr? format_spec)
| JoinedStr(expr* values)
| Constant(constant value, string? kind)
| Attribute(expr value, identifier attr, expr_context ctx)
| Subscript(expr value, expr slice, expr_context ctx)
| Starred(expr value, expr_context ctx)
| Name(identifier id, expr_context ctx)
| List(expr* elts, expr_context ctx)
| Tuple(expr* elts, expr_context ctx)
| Slice(expr? lower, expr? upper, expr? step)
= expr_context -
| Load
| Store
| Del
= boolop -
| And
| Or
= operator -
| Add
| Sub
| Mult
| MatMult
| Div
| Mod
| Pow
| LShift
| RShift
| BitOr
| BitXor
| BitAnd
| FloorDiv
= unaryop -
| Invert
| Not
| UAdd
| USub
= cmpop -
| Eq
| NotEq
| Lt
| LtE
| Gt
| GtE
| Is
| IsNot
| In
| NotIn
* comprehension(expr target, expr iter, expr* ifs, int is_async) -
= excepthandler int lineno, int col_offset, int? end_lineno, int? end_col_offset
| ExceptHandler(expr? type, identifier? name, stmt* body)
* arguments(arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults) -
* arg(identifier arg, expr? annotation, string? type_comment) int lineno, int col_offset, int? end_lineno, int? end_col_offset
* keyword(identifier? arg, expr value) int lineno, int col_offset, int? end_lineno, int? end_col_offset
* alias(identifier name, identifier? asname) int lineno, int col_offset, int? end_lineno, int? end_col_offset
* withitem(expr context_expr, expr? optional_vars) -
* match_case(pattern pattern, expr? guard, stmt* body) -
= pattern int lineno, int col_offset, int end_lineno, int end_col_offset
| MatchValue(expr value)
| MatchSingleton(constant value)
| MatchSequence(pattern* patterns)
| MatchMapping(expr* keys, pattern* patterns, identifier? rest)
| MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)
| MatchStar(identifier? name)
| MatchAs(pattern? pattern, identifier? name)
| MatchOr(pattern* patterns)
= type_ignore -
| TypeIgnore(int lineno, string tag)
";

/// The root class and the helper that builds the others. `AST.__init__`
/// takes the fields positionally, then any attribute by keyword, with
/// CPython's two TypeErrors.
const PRELUDE: &str = r#"
PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192

class AST:
    _fields = ()
    _attributes = ()
    __match_args__ = ()
    __module__ = 'ast'

    # As CPython's generic tp_new: the arguments are __init__'s alone, so a
    # subclass's __new__ may pass them on (ast.Num's does).
    def __new__(cls, *args, **kwargs):
        return object.__new__(cls)

    def __init__(self, *args, **kwargs):
        cls = type(self)
        fields = cls._fields
        if len(args) > len(fields):
            n = len(fields)
            raise TypeError(f"{cls.__name__} constructor takes at most {n} positional argument{'' if n == 1 else 's'}")
        for name, value in zip(fields, args):
            setattr(self, name, value)
        given = fields[:len(args)]
        for name, value in kwargs.items():
            if name in given:
                raise TypeError(f"{cls.__name__} got multiple values for argument '{name}'")
            setattr(self, name, value)

    def __reduce__(self):
        return type(self), (), getattr(self, '__dict__', None)

def _node(name, base, fields, attrs, optional, doc):
    ns = {'_fields': fields, '__match_args__': fields, '__module__': 'ast', '__doc__': doc}
    if attrs is not None:
        ns['_attributes'] = attrs
    for f in optional:
        ns[f] = None
    cls = type(name, (base,), ns)
    globals()[name] = cls
    return cls
"#;

/// One parsed `type name` field list: (names, names of the optional ones).
fn fields(list: &str) -> (Vec<&str>, Vec<&str>) {
    let mut names = Vec::new();
    let mut optional = Vec::new();
    for f in list.split(',').map(str::trim).filter(|f| !f.is_empty()) {
        let (ty, name) = f.rsplit_once(' ').unwrap_or(("", f));
        names.push(name);
        if ty.ends_with('?') {
            optional.push(name);
        }
    }
    (names, optional)
}

/// A Python tuple literal of strings.
fn tuple(items: &[&str]) -> String {
    let mut s = String::from("(");
    for i in items {
        let _ = write!(s, "'{i}', ");
    }
    s.push(')');
    s
}

/// Python for one `_node(...)` call; `sig` is `Name(fields)` or `Name`.
fn node_call(out: &mut String, sig: &str, base: &str, attrs: Option<&str>, doc: &str) {
    let (name, list) = match sig.split_once('(') {
        Some((n, rest)) => (n, rest.trim_end_matches(')')),
        None => (sig, ""),
    };
    let (names, mut optional) = fields(list);
    let attrs_tuple = attrs.map(|a| {
        let (an, aopt) = fields(a);
        optional.extend(aopt);
        tuple(&an)
    });
    let _ = writeln!(
        out,
        "_node('{name}', {base}, {}, {}, {}, {doc:?})",
        tuple(&names),
        attrs_tuple.as_deref().unwrap_or("None"),
        tuple(&optional)
    );
}

/// The whole module's source, generated once from the grammar table.
static SOURCE: LazyLock<String> = LazyLock::new(|| {
    let mut out = String::from(PRELUDE);
    let lines: Vec<&str> = GRAMMAR.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if let Some(rest) = line.strip_prefix("= ") {
            let (name, attrs) = rest.split_once(' ').unwrap_or((rest, "-"));
            let attrs = (attrs != "-").then_some(attrs);
            let ctors: Vec<&str> = lines[i + 1..].iter().take_while(|l| l.starts_with("| ")).map(|l| &l[2..]).collect();
            // The sum's docstring lists its constructors: on one line when
            // none has fields, else one per line.
            let pad = " ".repeat(name.len() + 1);
            let sep = if ctors.iter().all(|c| !c.contains('(')) { " | ".to_string() } else { format!("\n{pad}| ") };
            let doc = format!("{name} = {}", ctors.join(&sep));
            node_call(&mut out, name, "AST", Some(attrs.unwrap_or("")), &doc);
            for c in &ctors {
                node_call(&mut out, c, name, None, c);
            }
            i += 1 + ctors.len();
        } else if let Some(rest) = line.strip_prefix("* ") {
            let close = rest.find(')').map_or(rest.len(), |p| p + 1);
            let (sig, attrs) = (&rest[..close], rest[close..].trim());
            let attrs = (attrs != "-").then_some(attrs);
            node_call(&mut out, sig, "AST", Some(attrs.unwrap_or("")), sig);
            i += 1;
        } else {
            i += 1;
        }
    }
    out.push_str("del _node\n");
    out
});

/// Builds the module by running the generated class definitions.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    vm.exec_module_source("_ast", "<frozen _ast>", SOURCE.as_str(), false)
}
