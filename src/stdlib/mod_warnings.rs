//! The built-in `_warnings` module with the semantics of CPython 3.11's C
//! one (`Python/_warnings.c`): the default filters, the once-registry, the
//! default action, `warn`, `warn_explicit` and `_filters_mutated`. CPython's
//! `warnings.py` takes all of them (its `_warnings_defaults` path), so
//! `warnings.warn` is this native function: it adds no frame, and a warning
//! turned into an error by a filter is raised with the caller's frame on top,
//! as in CPython (`-W error` tracebacks end at the line that warned).
//!
//! Filters, registries and the actions live in Python objects (the `filters`
//! list that `warnings.filters` is, `__warningregistry__` dicts); what is
//! read from the `warnings` module (`filters`, `defaultaction`,
//! `onceregistry`, `_showwarnmsg`, `WarningMessage`) is read on every
//! warning, as the C code does, so `catch_warnings` and reassignments work.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use parking_lot::Mutex;

use super::def;
use super::mod_sre::{clinic, ssize};
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::vm::frameobj::FrameObj;
use crate::vm::{Args, PyErr, PyResult, Vm};

/// The module's state (CPython's `WarningsState`): used when the `warnings`
/// module is not imported; otherwise its attributes win and are kept here.
struct State {
    filters: Mutex<Value>,
    once_registry: Mutex<Value>,
    default_action: Mutex<Value>,
    /// Bumped by `_filters_mutated()`: a registry whose `version` differs is
    /// cleared before use, so a changed filter applies to warnings seen before.
    version: AtomicI64,
}

/// Creates the `_warnings` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("_warnings"));
    let filters = Value::list(default_filters(vm));
    let once = Value::Dict(Arc::new(Dict::new()));
    let action = Value::str("default");
    d.set_item_str("filters", filters.clone());
    d.set_item_str("_onceregistry", once.clone());
    d.set_item_str("_defaultaction", action.clone());
    let st = Arc::new(State {
        filters: Mutex::new(filters),
        once_registry: Mutex::new(once),
        default_action: Mutex::new(action),
        version: AtomicI64::new(0),
    });
    let s = st.clone();
    def(&d, "warn", move |vm, a| warn(vm, &s, &a));
    let s = st.clone();
    def(&d, "warn_explicit", move |vm, a| warn_explicit_call(vm, &s, &a));
    def(&d, "_filters_mutated", move |vm, a| {
        a.check(vm, "_filters_mutated", 0, 0)?;
        st.version.fetch_add(1, Ordering::Relaxed);
        Ok(Value::None)
    });
    Ok(Value::Module(Arc::new(Module::new(Arc::from("_warnings"), d))))
}

/// CPython's release-build defaults: DeprecationWarning shown in `__main__`
/// (an exact module name, not a regex) and ignored elsewhere, with
/// PendingDeprecationWarning, ImportWarning and ResourceWarning ignored.
fn default_filters(vm: &Vm) -> Vec<Value> {
    let filter = |action: &str, cat: &str, module: Value| {
        Value::tuple(vec![Value::str(action), Value::None, Value::Class(vm.rt.types.exc(cat)), module, Value::Int(0)])
    };
    vec![
        filter("default", "DeprecationWarning", Value::str("__main__")),
        filter("ignore", "DeprecationWarning", Value::None),
        filter("ignore", "PendingDeprecationWarning", Value::None),
        filter("ignore", "ImportWarning", Value::None),
        filter("ignore", "ResourceWarning", Value::None),
    ]
}

/// An attribute of the `warnings` module: only when it is imported, unless
/// `try_import` (then an ImportError means "not there").
fn warnings_attr(vm: &mut Vm, name: &str, try_import: bool) -> PyResult<Option<Value>> {
    let module = if try_import {
        match vm.import_name("warnings", 0, true) {
            Ok(m) => m,
            Err(e) if vm.isinstance(&e.value(), &Value::Class(vm.rt.types.exc("ImportError")))? => return Ok(None),
            Err(e) => return Err(e),
        }
    } else {
        match vm.rt.modules.get_item_str("warnings") {
            Some(m) => m,
            None => return Ok(None),
        }
    };
    vm.get_attr_str(&module, name)
}

fn type_name(vm: &Vm, v: &Value) -> String {
    vm.class_of(v).name().as_str().to_string()
}

/// `warn(message, category=None, stacklevel=1, source=None)`.
fn warn(vm: &mut Vm, st: &State, a: &Args) -> PyResult {
    let args = clinic(vm, a, 0, "warn", &["message", "category", "stacklevel", "source"], 1)?;
    let message = args[0].clone().unwrap_or(Value::None);
    let category = get_category(vm, &message, args[1].as_ref())?;
    let stacklevel = match &args[2] {
        Some(v) => ssize(vm, v)?,
        None => 1,
    };
    let source = args[3].clone().filter(|v| !matches!(v, Value::None));
    let (filename, lineno, module, registry) = setup_context(vm, stacklevel)?;
    let ctx = Explicit { filename, lineno, module: Some(module), registry, sourceline: None, source };
    warn_explicit(vm, st, category, message, ctx)
}

/// The category a `warn` call means: the message's class for a Warning
/// instance, else the argument (UserWarning by default), which must be a
/// Warning subclass.
fn get_category(vm: &mut Vm, message: &Value, category: Option<&Value>) -> PyResult<Value> {
    let warning = Value::Class(vm.rt.types.exc("Warning"));
    let category = if vm.isinstance(message, &warning)? {
        Value::Class(vm.class_of(message))
    } else {
        match category {
            None | Some(Value::None) => Value::Class(vm.rt.types.exc("UserWarning")),
            Some(c) => c.clone(),
        }
    };
    let ok = match &category {
        Value::Class(c) => vm.issubclass(c, &warning).unwrap_or(false),
        _ => false,
    };
    if !ok {
        // CPython names the category's own type here (`type` for a class).
        let name = type_name(vm, &category);
        return Err(vm.type_error(&format!("category must be a Warning subclass, not '{name}'")));
    }
    Ok(category)
}

/// importlib's bootstrap frames, which `stacklevel` steps over.
fn is_internal(f: &FrameObj) -> bool {
    f.code.filename.contains("importlib") && f.code.filename.contains("_bootstrap")
}

/// The frame `stacklevel` designates (1: the caller of `warn`) and, from its
/// globals, the filename, line, module name and `__warningregistry__`
/// (created when missing); past the outermost frame, `sys` at line 1.
fn setup_context(vm: &mut Vm, stacklevel: isize) -> PyResult<(Value, i64, Value, Value)> {
    let mut f = vm.frame_object(0);
    let mut level = stacklevel;
    let plain = stacklevel <= 0 || f.as_deref().is_some_and(is_internal);
    loop {
        level -= 1;
        let Some(cur) = f.as_ref().filter(|_| level > 0) else { break };
        let mut next = cur.back.clone();
        if !plain {
            while let Some(n) = next.as_ref().filter(|n| is_internal(n)) {
                next = n.back.clone();
            }
        }
        f = next;
    }
    let (globals, filename, lineno) = match &f {
        Some(f) => (f.globals.clone(), Value::str(&f.code.filename), f.snap.lock().line as i64),
        None => {
            let sys = match vm.rt.modules.get_item_str("sys") {
                Some(Value::Module(m)) => m.dict.clone(),
                _ => Arc::new(Dict::new()),
            };
            (sys, Value::str("sys"), 1)
        }
    };
    let registry = match globals.get_item_str("__warningregistry__") {
        Some(r) => r,
        None => {
            let r = Value::Dict(Arc::new(Dict::new()));
            globals.set_item_str("__warningregistry__", r.clone());
            r
        }
    };
    let module = match globals.get_item_str("__name__") {
        Some(m @ (Value::None | Value::Str(_))) => m,
        _ => Value::str("<string>"),
    };
    Ok((filename, lineno, module, registry))
}

/// Where a warning is attributed, as `warn_explicit` receives it.
struct Explicit {
    filename: Value,
    lineno: i64,
    /// None: derived from the filename; `Some(None)` ignores the warning.
    module: Option<Value>,
    registry: Value,
    sourceline: Option<Value>,
    source: Option<Value>,
}

/// `warn_explicit(message, category, filename, lineno, module=None,
/// registry=None, module_globals=None, source=None)`.
fn warn_explicit_call(vm: &mut Vm, st: &State, a: &Args) -> PyResult {
    let names = ["message", "category", "filename", "lineno", "module", "registry", "module_globals", "source"];
    let args = clinic(vm, a, 0, "warn_explicit", &names, 4)?;
    let arg = |i: usize| args[i].clone().unwrap_or(Value::None);
    let filename = arg(2);
    if !matches!(filename, Value::Str(_)) {
        let name = type_name(vm, &filename);
        return Err(vm.type_error(&format!("warn_explicit() argument 3 must be str, not {name}")));
    }
    let lineno = crate::stdlib::posix_args::int_arg(vm, &arg(3))?;
    let sourceline = match arg(6) {
        Value::None => None,
        Value::Dict(g) => source_line(vm, &g, lineno)?,
        other => {
            let name = type_name(vm, &other);
            return Err(vm.type_error(&format!("module_globals must be a dict, not '{name}'")));
        }
    };
    let ctx = Explicit {
        filename,
        lineno,
        module: args[4].clone(),
        registry: arg(5),
        sourceline,
        source: args[7].clone().filter(|v| !matches!(v, Value::None)),
    };
    warn_explicit(vm, st, arg(1), arg(0), ctx)
}

/// Line `lineno` of the module whose globals these are, from its loader's
/// `get_source` (None when there is no loader or source).
fn source_line(vm: &mut Vm, globals: &Dict, lineno: i64) -> PyResult<Option<Value>> {
    let (Some(loader), Some(name)) = (globals.get_item_str("__loader__"), globals.get_item_str("__name__")) else {
        return Ok(None);
    };
    let Some(get_source) = vm.get_attr_str(&loader, "get_source")? else { return Ok(None) };
    let source = vm.call(&get_source, vec![name])?;
    if matches!(source, Value::None) {
        return Ok(None);
    }
    let lines = vm.call_method(&source, "splitlines", vec![])?;
    match lines {
        Value::List(l) => {
            let items = l.snapshot();
            match usize::try_from(lineno - 1).ok().and_then(|i| items.get(i)) {
                Some(line) => Ok(Some(line.clone())),
                None => Err(vm.index_error("list index out of range")),
            }
        }
        _ => Ok(None),
    }
}

/// `dict.get` on a registry (or any mapping warnings.py hands over).
fn reg_get(vm: &mut Vm, registry: &Value, key: Value) -> PyResult<Value> {
    vm.call_method(registry, "get", vec![key])
}

/// True when `key` is already in `registry` for the current filters (a
/// registry from before `_filters_mutated()` is emptied first); `set`
/// records it.
fn already_warned(vm: &mut Vm, st: &State, registry: &Value, key: Value, set: bool) -> PyResult<bool> {
    let version = st.version.load(Ordering::Relaxed);
    let current = reg_get(vm, registry, Value::str("version"))?;
    if matches!(current, Value::Int(v) if v == version) {
        let seen = reg_get(vm, registry, key.clone())?;
        if !matches!(seen, Value::None) && vm.truthy(&seen)? {
            return Ok(true);
        }
    } else {
        vm.call_method(registry, "clear", vec![])?;
        vm.set_item(registry, Value::str("version"), Value::Int(version))?;
    }
    if set {
        vm.set_item(registry, key, Value::Bool(true))?;
    }
    Ok(false)
}

/// Whether a filter's message or module part matches: None always, a plain
/// str exactly (CPython's built-in defaults), anything else by its `match`.
fn matches(vm: &mut Vm, pattern: &Value, arg: &Value) -> PyResult<bool> {
    match pattern {
        Value::None => Ok(true),
        Value::Str(_) => vm.eq(pattern, arg),
        _ => {
            let r = vm.call_method(pattern, "match", vec![arg.clone()])?;
            vm.truthy(&r)
        }
    }
}

/// The first filter that matches, as (action, the filter or None), else the
/// default action.
fn get_filter(
    vm: &mut Vm,
    st: &State,
    category: &Value,
    text: &Value,
    lineno: i64,
    module: &Value,
) -> PyResult<(Value, Value)> {
    if let Some(f) = warnings_attr(vm, "filters", false)? {
        *st.filters.lock() = f;
    }
    let filters = st.filters.lock().clone();
    let Value::List(list) = filters else {
        return Err(vm.value_error("_warnings.filters must be a list"));
    };
    let mut i = 0;
    // The list may change while a filter's `match` runs: read it afresh each time.
    while let Some(item) = { list.lock().get(i).cloned() } {
        let parts = match &item {
            Value::Tuple(t) if t.items.len() == 5 => t.items.clone(),
            _ => return Err(vm.value_error(&format!("_warnings.filters item {i} isn't a 5-tuple"))),
        };
        let action = &parts[0];
        if !matches!(action, Value::Str(_)) {
            let name = type_name(vm, action);
            return Err(vm.type_error(&format!("action must be a string, not '{name}'")));
        }
        let good_msg = matches(vm, &parts[1], text)?;
        let good_mod = matches(vm, &parts[3], module)?;
        let is_subclass = match category {
            Value::Class(c) => vm.issubclass(c, &parts[2])?,
            _ => return Err(vm.type_error("issubclass() arg 1 must be a class")),
        };
        let ln = ssize(vm, &parts[4])? as i64;
        if good_msg && is_subclass && good_mod && (ln == 0 || ln == lineno) {
            return Ok((action.clone(), item));
        }
        i += 1;
    }
    if let Some(a) = warnings_attr(vm, "defaultaction", false)? {
        if !matches!(a, Value::Str(_)) {
            let name = type_name(vm, &a);
            return Err(vm.type_error(&format!("_warnings.defaultaction must be a string, not '{name}'")));
        }
        *st.default_action.lock() = a;
    }
    let action = st.default_action.lock().clone();
    Ok((action, Value::None))
}

/// The registry that "once" records in when the caller gave none.
fn once_registry(vm: &mut Vm, st: &State) -> PyResult<Value> {
    if let Some(r) = warnings_attr(vm, "onceregistry", false)? {
        if !matches!(r, Value::Dict(_)) {
            let name = type_name(vm, &r);
            return Err(vm.type_error(&format!("_warnings.onceregistry must be a dict, not '{name}'")));
        }
        *st.once_registry.lock() = r;
    }
    Ok(st.once_registry.lock().clone())
}

/// The core of `warn_explicit` (C `warn_explicit`).
fn warn_explicit(vm: &mut Vm, st: &State, category: Value, message: Value, ctx: Explicit) -> PyResult {
    let Explicit { filename, lineno, module, registry, sourceline, source } = ctx;
    if matches!(module, Some(Value::None)) {
        return Ok(Value::None);
    }
    let registry = match registry {
        Value::None => None,
        r @ Value::Dict(_) => Some(r),
        _ => return Err(vm.type_error("'registry' must be a dict or None")),
    };
    let module = match module {
        Some(m) => m,
        None => normalize_module(vm, &filename)?,
    };
    let warning = Value::Class(vm.rt.types.exc("Warning"));
    let (text, message, category) = if vm.isinstance(&message, &warning)? {
        let text = Value::string(vm.str_of(&message)?);
        let cat = Value::Class(vm.class_of(&message));
        (text, message, cat)
    } else {
        let instance = vm.call(&category, vec![message.clone()])?;
        (message, instance, category)
    };
    let key = Value::tuple(vec![text.clone(), category.clone(), Value::Int(lineno)]);
    if let Some(r) = &registry
        && already_warned(vm, st, r, key.clone(), false)?
    {
        return Ok(Value::None);
    }
    let (action, item) = get_filter(vm, st, &category, &text, lineno, &module)?;
    let action_str = match &action {
        Value::Str(s) => s.as_str().to_string(),
        _ => String::new(),
    };
    match action_str.as_str() {
        "error" => return Err(raise(vm, message)),
        "ignore" => return Ok(Value::None),
        _ => {}
    }
    let mut seen = false;
    if action_str != "always" {
        if let Some(r) = &registry {
            vm.set_item(r, key, Value::Bool(true))?;
        }
        let alt = || Value::tuple(vec![text.clone(), category.clone()]);
        match action_str.as_str() {
            "once" => {
                let r = match &registry {
                    Some(r) => r.clone(),
                    None => once_registry(vm, st)?,
                };
                seen = already_warned(vm, st, &r, alt(), true)?;
            }
            "module" => {
                if let Some(r) = &registry {
                    seen = already_warned(vm, st, r, alt(), true)?;
                }
            }
            "default" => {}
            _ => {
                let (a, i) = (vm.repr_of(&action)?, vm.repr_of(&item)?);
                return Err(vm.runtime_error(&format!("Unrecognized action ({a}) in warnings.filters:\n {i}")));
            }
        }
    }
    if !seen {
        show(vm, &category, &text, &message, &filename, lineno, sourceline, source)?;
    }
    Ok(Value::None)
}

/// The warning instance as a raised exception.
fn raise(vm: &mut Vm, message: Value) -> PyErr {
    match message {
        Value::Instance(exc) if exc.exc().is_some() => PyErr { exc },
        _ => vm.type_error("exceptions must derive from BaseException"),
    }
}

/// The module a filename means: `<unknown>` for an empty one, else the
/// filename without a trailing `.py`.
fn normalize_module(vm: &mut Vm, filename: &Value) -> PyResult<Value> {
    let s = vm.str_of(filename)?;
    Ok(match s.as_str() {
        "" => Value::str("<unknown>"),
        s => Value::str(s.strip_suffix(".py").unwrap_or(s)),
    })
}

/// Shows the warning through `warnings._showwarnmsg` (importing `warnings`
/// only when a `source` object came with it, as CPython does); without the
/// module, writes CPython's plain `file:line: Category: text` to sys.stderr.
#[allow(clippy::too_many_arguments)]
fn show(
    vm: &mut Vm,
    category: &Value,
    text: &Value,
    message: &Value,
    filename: &Value,
    lineno: i64,
    sourceline: Option<Value>,
    source: Option<Value>,
) -> PyResult<()> {
    let Some(show_fn) = warnings_attr(vm, "_showwarnmsg", source.is_some())? else {
        return show_plain(vm, category, text, filename, lineno, sourceline);
    };
    if !crate::stdlib::builtins_attr::is_callable(vm, &show_fn) {
        return Err(vm.type_error("warnings._showwarnmsg() must be set to a callable"));
    }
    let Some(cls) = warnings_attr(vm, "WarningMessage", false)? else {
        return Err(vm.runtime_error("unable to get warnings.WarningMessage"));
    };
    let args = vec![
        message.clone(),
        category.clone(),
        filename.clone(),
        Value::Int(lineno),
        Value::None,
        Value::None,
        source.unwrap_or(Value::None),
    ];
    let msg = vm.call(&cls, args)?;
    vm.call(&show_fn, vec![msg])?;
    Ok(())
}

/// CPython's C `show_warning`: errors while writing are dropped.
fn show_plain(
    vm: &mut Vm,
    category: &Value,
    text: &Value,
    filename: &Value,
    lineno: i64,
    sourceline: Option<Value>,
) -> PyResult<()> {
    let Some(stderr) = vm.sys_attr("stderr") else { return Ok(()) };
    let name = match vm.get_attr_str(category, "__name__") {
        Ok(Some(n)) => vm.str_of(&n).unwrap_or_default(),
        _ => return Ok(()),
    };
    let (file, text) = (vm.str_of(filename).unwrap_or_default(), vm.str_of(text).unwrap_or_default());
    let mut out = format!("{file}:{lineno}: {name}: {text}\n");
    match sourceline {
        Some(line) => {
            out.push_str(&vm.str_of(&line).unwrap_or_default());
            out.push('\n');
        }
        None => {
            let line = std::fs::read_to_string(&file)
                .ok()
                .and_then(|src| usize::try_from(lineno - 1).ok().and_then(|i| src.lines().nth(i).map(str::to_string)));
            if let Some(line) = line {
                out.push_str("  ");
                out.push_str(line.trim_start_matches([' ', '\t', '\x0c']));
                out.push('\n');
            }
        }
    }
    let _ = vm.call_method(&stderr, "write", vec![Value::string(out)]);
    Ok(())
}
