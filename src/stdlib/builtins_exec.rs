//! The built-ins `compile`, `exec` and `eval` (CPython 3.11 semantics): source
//! compiled with module-level names as `LoadName`/`StoreName` (see
//! `compile::ExecMode`), run in a frame over the given globals dict and an
//! optional separate locals dict.

use std::sync::Arc;

use super::def;
use crate::bytecode::CodeObject;
use crate::compile::{self, ExecMode};
use crate::object::descr::CellObject;
use crate::object::dict::Dict;
use crate::object::function::Cell;
use crate::object::value::Value;
use crate::parse::{self, ast};
use crate::vm::frame::Frame;
use crate::vm::{Args, PyResult, Runtime, Vm};

/// The source of a `compile`/`exec`/`eval` call: text or a code object.
enum Source {
    Text(String),
    Code(Arc<CodeObject>),
}

fn source_arg(vm: &mut Vm, v: &Value, fname: &str, allow_code: bool) -> PyResult<Source> {
    if let Some(s) = super::types_str::as_pystr(v) {
        return Ok(Source::Text(s.as_str().to_string()));
    }
    if let Value::Code(c) = v
        && allow_code
    {
        return Ok(Source::Code(c.clone()));
    }
    // Bytes, or any bytes-like object (bytearray, memoryview, array).
    if let Some(b) = super::buffer::bytes_like(v) {
        return match crate::lex::source::decode_source(&b, "<string>") {
            Ok(s) => Ok(Source::Text(s.into_owned())),
            Err(e) => Err(vm.err("SyntaxError", &e.0)),
        };
    }
    match v {
        _ if allow_code => Err(vm.type_error(&format!("{fname}() arg 1 must be a string, bytes or code object"))),
        _ => Err(vm.type_error(&format!("{fname}() arg 1 must be a string, bytes or AST object"))),
    }
}

/// Where `eval` of a program that is not one expression reports its error.
fn not_an_expression(src: &str, prog: &[ast::Stmt]) -> (u32, u32) {
    let after = |end: ast::Loc| -> (u32, u32) {
        let line = src.lines().nth((end.line as usize).saturating_sub(1)).unwrap_or("");
        let rest: String = line.chars().skip(end.col as usize).collect();
        let spaces = rest.chars().take_while(|c| *c == ' ' || *c == '\t').count() as u32;
        (end.line, end.col + spaces + 1)
    };
    let Some(first) = prog.first() else { return (0, 0) };
    match &first.kind {
        ast::StmtKind::Expr(_) => match prog.get(1) {
            Some(second) if second.loc.line == first.end.line => after(first.end),
            Some(second) => (second.loc.line, second.loc.col + 1),
            None => (first.loc.line, first.loc.col + 1),
        },
        ast::StmtKind::Assign { targets, .. } => after(targets[0].end),
        ast::StmtKind::AugAssign { target, .. } | ast::StmtKind::AnnAssign { target, .. } => after(target.end),
        _ => (first.loc.line, first.loc.col + 1),
    }
}

/// Compiles `src` for `mode` (`Exec`, `ExecSingle` or `Eval`), raising
/// CPython's SyntaxErrors with `filename`.
pub fn compile_text(vm: &mut Vm, src: &str, filename: &str, mode: ExecMode) -> PyResult<Arc<CodeObject>> {
    let program = parse_for_mode(vm, src, filename, mode)?;
    compile_program(vm, &program, src, filename, mode)
}

/// Parses `src` for `mode`, with CPython's SyntaxErrors for a program that
/// is not one expression (`eval`) or not one statement (`single`).
pub fn parse_for_mode(vm: &mut Vm, src: &str, filename: &str, mode: ExecMode) -> PyResult<ast::Program> {
    let program = match parse::parse_program(src) {
        Ok(p) => p,
        Err(e) => {
            let kind = e.kind.class_name();
            let err = crate::syntax_error(vm, kind, &e.msg, filename, e.line, e.col, src);
            crate::set_error_end(&err, e.end);
            if mode != ExecMode::Eval
                && let Some(Value::Str(t)) = err.exc.dict.get_item_str("text")
            {
                err.exc.dict.set_item_str("text", Value::string(format!("{}\n", t.as_str())));
            }
            return Err(err);
        }
    };
    crate::issue_compile_warnings(vm, &crate::compile::warnings::escape_warnings(src), filename, src)?;
    match mode {
        ExecMode::Eval if !(program.len() == 1 && matches!(program[0].kind, ast::StmtKind::Expr(_))) => {
            let (line, col) = not_an_expression(src, &program);
            return Err(crate::syntax_error(vm, "SyntaxError", "invalid syntax", filename, line, col, src));
        }
        ExecMode::ExecSingle if program.is_empty() => {
            let line = if src.is_empty() { 0 } else { 1 };
            return Err(crate::syntax_error(vm, "SyntaxError", "invalid syntax", filename, line, 0, src));
        }
        ExecMode::ExecSingle if program.len() > 1 => {
            let end = program[0].end;
            let msg = "multiple statements found while compiling a single statement";
            let err = crate::syntax_error(vm, "SyntaxError", msg, filename, end.line, end.col + 1, src);
            if let Some(Value::Str(t)) = err.exc.dict.get_item_str("text") {
                err.exc.dict.set_item_str("text", Value::string(format!("{}\n", t.as_str())));
            }
            return Err(err);
        }
        _ => {}
    }
    Ok(program)
}

/// Compiles a parsed program (`src` is its text, for error lines).
pub fn compile_program(
    vm: &mut Vm,
    program: &[ast::Stmt],
    src: &str,
    filename: &str,
    mode: ExecMode,
) -> PyResult<Arc<CodeObject>> {
    let rt = vm.rt.clone();
    let intern: compile::unit::Interner = Arc::new(move |s: &str| rt.intern(s));
    let optimize = vm.rt.config.optimize;
    let mut found = Vec::new();
    let result = compile::compile_module_warn(program, filename, mode, optimize, intern, &mut found);
    crate::issue_compile_warnings(vm, &found, filename, src)?;
    result.map_err(|e| {
        let err = crate::syntax_error(vm, "SyntaxError", &e.msg, filename, e.loc.line, e.loc.col + 1, src);
        crate::set_error_end(&err, e.end);
        err.exc.dict.set_item_str("text", Value::None);
        err
    })
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
fn builtin_compile(vm: &mut Vm, mut a: Args) -> PyResult {
    let names = ["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"];
    let mut vals: Vec<Option<Value>> = names.iter().enumerate().map(|(i, n)| a.arg(i, n)).collect();
    if a.pos.len() > 6 {
        return Err(vm.type_error(&format!("compile() takes at most 6 arguments ({} given)", a.pos.len() + a.kw.len())));
    }
    if let Some((k, _)) = a.kw.first() {
        return Err(vm.type_error(&format!("compile() got an unexpected keyword argument '{}'", k.as_str())));
    }
    for (i, n) in names.iter().enumerate().take(3) {
        if vals[i].is_none() {
            return Err(vm.type_error(&format!("compile() missing required argument '{n}' (pos {})", i + 1)));
        }
    }
    let feature_version = vals[6].take();
    let source = vals[0].take().expect("source");
    let filename = match vals[1].take().expect("filename") {
        v if super::types_str::as_pystr(&v).is_some() => {
            super::types_str::as_pystr(&v).expect("str").as_str().to_string()
        }
        Value::Bytes(b) => String::from_utf8_lossy(&b).into_owned(),
        // An os.PathLike (a pathlib.Path: runpy.run_path passes one), as CPython's
        // PyUnicode_FSDecoder.
        v if let Some(p) = super::posix_args::fspath(vm, &v)? => match super::types_containers::builtin_of(&p) {
            Value::Bytes(b) => String::from_utf8_lossy(&b).into_owned(),
            p => vm.str_of(&p)?,
        },
        v => {
            let tn = vm.type_name(&v);
            return Err(vm.type_error(&format!("expected str, bytes or os.PathLike object, not {tn}")));
        }
    };
    let mode_v = vals[2].take().expect("mode");
    let Some(mode) = super::types_str::as_pystr(&mode_v).map(|s| s.as_str().to_string()) else {
        let tn = vm.type_name(&mode_v);
        return Err(vm.type_error(&format!("compile() argument 'mode' must be str, not {tn}")));
    };
    let flags = match &vals[3] {
        Some(Value::Int(f)) => *f,
        Some(Value::Boolean(b)) => b.get() as i64,
        _ => 0,
    };
    // CPython's PyCF_MASK (the __future__ flags), PyCF_MASK_OBSOLETE and
    // PyCF_COMPILE_MASK: any other bit is refused.
    const KNOWN_FLAGS: i64 = 0x1fe_0000 | 0x10 | 0x400 | 0x2000 | 0x1000 | 0x200 | 0x4000;
    if flags & !KNOWN_FLAGS != 0 {
        return Err(vm.value_error("compile(): unrecognised flags"));
    }
    if let Some(Value::Int(o)) = &vals[5]
        && !(-1..=2).contains(o)
    {
        return Err(vm.value_error("compile(): invalid optimize value"));
    }
    let only_ast = flags & super::ast_from_py::PYCF_ONLY_AST != 0;
    let mode = match mode.as_str() {
        "exec" => ExecMode::Exec,
        "eval" => ExecMode::Eval,
        "single" => ExecMode::ExecSingle,
        "func_type" if only_ast => return super::ast_from_py::parse_func_type(vm, &source, &filename),
        "func_type" => return Err(vm.value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST")),
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    if super::ast_from_py::is_ast(vm, &source) {
        return super::ast_from_py::compile_ast(vm, &source, &filename, mode, only_ast);
    }
    let Source::Text(src) = source_arg(vm, &source, "compile", false)? else { unreachable!() };
    if mode == ExecMode::ExecSingle
        && flags & PYCF_ALLOW_INCOMPLETE_INPUT != 0
        && awaits_more_input(&src, flags & PYCF_DONT_IMPLY_DEDENT != 0)
    {
        // `codeop` (behind `code.interact`, pdb, the asyncio REPL) asks whether
        // an interactive statement is finished; this answer means "read more".
        return Err(vm.err("SyntaxError", "incomplete input"));
    }
    if only_ast {
        let program = parse_for_mode(vm, &src, &filename, mode)?;
        let classes = super::ast_to_py::ast_classes(vm)?;
        let mut conv = super::ast_to_py::ToPy::new(classes, &src);
        let tree = match (mode, &program.first()) {
            (ExecMode::Eval, Some(ast::Stmt { kind: ast::StmtKind::Expr(e), .. })) => conv.expression(e),
            (ExecMode::ExecSingle, _) => conv.interactive(&program),
            _ => conv.module(&program),
        };
        // `ast.parse(..., feature_version=(3, N))` passes N.
        if let Some(Value::Int(minor)) = feature_version
            && minor >= 0
        {
            super::ast_feature::check(vm, &tree, minor, &filename, &src)?;
        }
        return Ok(tree);
    }
    Ok(Value::Code(compile_text(vm, &src, &filename, mode)?))
}

/// `compile` flags of CPython's `codeop`: a block is not ended by the end of
/// the text (an interactive statement ends with an empty line), and an
/// unfinished statement raises `SyntaxError('incomplete input')`.
const PYCF_DONT_IMPLY_DEDENT: i64 = 0x200;
const PYCF_ALLOW_INCOMPLETE_INPUT: i64 = 0x4000;

/// Whether an interactive statement needs more lines: an open bracket, string
/// or block at the end of the text, or a compound statement not yet ended by
/// an empty line (as CPython's REPL, which `PYCF_DONT_IMPLY_DEDENT` asks for).
fn awaits_more_input(src: &str, dont_imply_dedent: bool) -> bool {
    if let Err(e) = crate::parse::parse_program(src)
        && e.incomplete
    {
        return true;
    }
    let first = src.lines().find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')).unwrap_or("");
    let last = src.rsplit('\n').next().unwrap_or("");
    dont_imply_dedent && super::repl::opens_compound(first) && !last.trim().is_empty()
}

/// The namespaces an `exec`/`eval` runs in: the globals dict (a dict
/// subclass's own storage), the frame's locals dict, and the mapping that
/// stands behind that dict when the locals are not a plain dict (a dict
/// subclass, any object with `__getitem__`): the frame's name operations
/// then go through the mapping's methods, as CPython's `PyObject_GetItem`.
struct Namespaces {
    globals: Arc<Dict>,
    locals: Option<Arc<Dict>>,
    mapping: Option<Value>,
}

/// The dict under `v`: a dict, or an instance of a dict subclass.
fn dict_storage(v: &Value) -> Option<Arc<Dict>> {
    match v {
        Value::Dict(d) => Some(d.clone()),
        Value::Instance(inst) => match inst.builtin_value() {
            Some(Value::Dict(d)) => Some(d.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// CPython's `PyMapping_Check`: the type can be subscripted.
fn is_mapping(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::Dict(_)) || vm.class_of(v).lookup("__getitem__").is_some()
}

/// The globals and locals an `exec`/`eval` runs with: the given ones, or the
/// caller's (a snapshot of a function's locals, as CPython's `locals()`).
fn namespaces(vm: &mut Vm, a: &mut Args, fname: &str) -> PyResult<Namespaces> {
    let globals = a.arg(1, "globals").filter(|v| !v.is_none());
    let locals = a.arg(2, "locals").filter(|v| !v.is_none());
    let globals = match globals {
        None => None,
        Some(v) => match dict_storage(&v) {
            Some(d) => Some((d, v)),
            None => {
                let msg = if fname == "exec" {
                    format!("exec() globals must be a dict, not {}", vm.type_name(&v))
                } else if is_mapping(vm, &v) {
                    "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
                } else {
                    "globals must be a dict".to_string()
                };
                return Err(vm.type_error(&msg));
            }
        },
    };
    if let Some(v) = &locals
        && !is_mapping(vm, v)
    {
        let tn = vm.type_name(v);
        let msg = if fname == "exec" {
            format!("locals must be a mapping or None, not {tn}")
        } else {
            "locals must be a mapping".to_string()
        };
        return Err(vm.type_error(&msg));
    }
    // Without locals, the globals object is the locals too (a dict
    // subclass's `__getitem__` then serves the module-level names).
    let locals = match (&locals, &globals) {
        (Some(l), _) => Some(l.clone()),
        (None, Some((_, g))) if !matches!(g, Value::Dict(_)) => Some(g.clone()),
        _ => None,
    };
    let (locals, mapping) = match locals {
        None => (None, None),
        Some(Value::Dict(d)) => (Some(d), None),
        Some(m) => (Some(Arc::new(Dict::new())), Some(m)),
    };
    Ok(match globals {
        Some((g, _)) => {
            if g.get_item_str("__builtins__").is_none() {
                g.set_item_str("__builtins__", Value::Dict(vm.rt.builtins.clone()));
            }
            Namespaces { globals: g, locals, mapping }
        }
        None if locals.is_some() => Namespaces { globals: vm.frame.globals.clone(), locals, mapping },
        None => {
            let g = vm.frame.globals.clone();
            let l = match super::builtins_attr::locals_of(vm) {
                Value::Dict(d) if !Arc::ptr_eq(&d, &g) => Some(d),
                _ => None,
            };
            Namespaces { globals: g, locals: l, mapping: None }
        }
    })
}

fn run(vm: &mut Vm, code: Arc<CodeObject>, ns: Namespaces, cells: Option<Vec<Arc<Cell>>>) -> PyResult {
    let mut frame = Box::new(Frame::new(code, ns.globals));
    frame.locals_dict = ns.locals.clone();
    if let Some(cells) = cells {
        frame.cells = cells.into_boxed_slice();
    }
    match (ns.mapping, &ns.locals) {
        // The frame's locals dict is an empty placeholder the mapping
        // stands behind (`Vm::class_ns`, as for a `__prepare__` namespace).
        (Some(m), Some(placeholder)) => {
            vm.class_ns.push((Arc::as_ptr(placeholder) as usize, m));
            let r = vm.run_to_return(frame);
            vm.class_ns.pop();
            r
        }
        _ => vm.run_to_return(frame),
    }
}

fn exec_or_eval(vm: &mut Vm, mut a: Args, fname: &str) -> PyResult {
    // globals and locals are positional-only; exec alone takes `closure=`.
    if fname == "eval" && !a.kw.is_empty() {
        return Err(vm.type_error("eval() takes no keyword arguments"));
    }
    if let Some((k, _)) = a.kw.iter().find(|(k, _)| k.as_str() != "closure") {
        return Err(vm.type_error(&format!("'{}' is an invalid keyword argument for exec()", k.as_str())));
    }
    if a.pos.is_empty() {
        let msg = if fname == "exec" {
            "exec() takes at least 1 positional argument (0 given)".to_string()
        } else {
            "eval expected at least 1 argument, got 0".to_string()
        };
        return Err(vm.type_error(&msg));
    }
    if a.pos.len() > 3 {
        let msg = format!("{fname} expected at most 3 arguments, got {}", a.pos.len());
        return Err(vm.type_error(&msg));
    }
    let source = a.pos[0].clone();
    let ns = namespaces(vm, &mut a, fname)?;
    let closure = a.take_kw("closure").filter(|v| !v.is_none());
    let source = source_arg(vm, &source, fname, true)?;
    let cells = match (&source, closure) {
        (Source::Code(c), closure) if fname == "exec" => closure_cells(vm, c, closure)?,
        (_, Some(_)) => return Err(vm.type_error("closure can only be used when source is a code object")),
        _ => None,
    };
    let code = match source {
        // Its free variables would need cells that no namespace can give.
        Source::Code(c) if !c.freevars.is_empty() && cells.is_none() => {
            let msg = if fname == "eval" {
                "code object passed to eval() may not contain free variables".to_string()
            } else {
                format!("code object requires a closure of exactly length {}", c.freevars.len())
            };
            return Err(vm.type_error(&msg));
        }
        Source::Code(c) => c,
        Source::Text(s) if fname == "eval" => {
            let s = s.trim_start_matches([' ', '\t']);
            compile_text(vm, s, "<string>", ExecMode::Eval)?
        }
        Source::Text(s) => compile_text(vm, &s, "<string>", ExecMode::Exec)?,
    };
    let v = run(vm, code, ns, cells)?;
    Ok(if fname == "exec" { Value::None } else { v })
}

/// The cells `exec(code, closure=…)` runs `code` with: a new one per
/// cellvar, then the closure's, which must be a tuple of exactly one cell
/// per free variable (and none for code without free variables).
fn closure_cells(vm: &mut Vm, code: &CodeObject, closure: Option<Value>) -> PyResult<Option<Vec<Arc<Cell>>>> {
    if code.freevars.is_empty() {
        if closure.is_some() {
            return Err(vm.type_error("cannot use a closure with this code object"));
        }
        return Ok(None);
    }
    let given: Option<Vec<Arc<Cell>>> = match &closure {
        Some(Value::Tuple(t)) if t.items.len() == code.freevars.len() => t
            .items
            .iter()
            .map(|v| match v {
                Value::Native2(o) => o.as_any().downcast_ref::<CellObject>().map(|c| c.cell.clone()),
                _ => None,
            })
            .collect(),
        _ => None,
    };
    let Some(given) = given else {
        let n = code.freevars.len();
        return Err(vm.type_error(&format!("code object requires a closure of exactly length {n}")));
    };
    let mut cells: Vec<Arc<Cell>> =
        code.cellvars.iter().map(|_| crate::object::gc::cell(Arc::new(Cell::new(None)))).collect();
    cells.extend(given);
    Ok(Some(cells))
}

/// Registers `compile`, `exec` and `eval`.
pub fn register(rt: &Runtime) {
    let b = &rt.builtins;
    def(b, "compile", builtin_compile);
    def(b, "exec", |vm, a| exec_or_eval(vm, a, "exec"));
    def(b, "eval", |vm, a| exec_or_eval(vm, a, "eval"));
}
