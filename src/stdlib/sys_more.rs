//! The smaller functions and attributes of `sys` that scripts and CPython's
//! own tests look for: `getrefcount`, the breakpoint hook (and the
//! `breakpoint()` built-in that calls it), `call_tracing`, `is_finalizing`,
//! `stdlib_module_names`, `copyright`, the coroutine origin-tracking depth,
//! the async generator hooks, and argument checks for the no-argument getters.

use std::sync::Arc;

use super::def;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Runtime, Vm};

/// `sys.asyncgen_hooks`, what `get_asyncgen_hooks()` returns.
const ASYNCGEN_HOOKS: super::structseq::Spec =
    super::structseq::Spec { module: "sys", name: "asyncgen_hooks", fields: &["firstiter", "finalizer"], n_seq: 2 };

thread_local! {
    /// This thread's async generator hooks (firstiter, finalizer), per thread
    /// as CPython's. Kept for the event loops that set and restore them
    /// (CPython's `BaseEventLoop.run_forever`); gilt's async generators do
    /// not call them.
    static ASYNCGEN: std::cell::RefCell<(Value, Value)> = const { std::cell::RefCell::new((Value::None, Value::None)) };
}

/// `sys.get_asyncgen_hooks()` / `sys.set_asyncgen_hooks(firstiter=, finalizer=)`.
fn add_asyncgen_hooks(d: &Dict) {
    let cls: Arc<std::sync::OnceLock<Arc<crate::object::class::Class>>> = Arc::default();
    def(d, "get_asyncgen_hooks", move |vm, a| {
        a.check(vm, "get_asyncgen_hooks", 0, 0)?;
        let c = cls.get_or_init(|| super::structseq::make_class(vm, ASYNCGEN_HOOKS)).clone();
        let (first, fin) = ASYNCGEN.with(|h| h.borrow().clone());
        Ok(super::structseq::new_value(&c, ASYNCGEN_HOOKS, vec![first, fin]))
    });
    def(d, "set_asyncgen_hooks", |vm, mut a| {
        let first = a.arg(0, "firstiter");
        let fin = a.arg(1, "finalizer");
        // Checked finalizer first, as CPython; None clears, an omitted one stays.
        for (name, v) in [("finalizer", &fin), ("firstiter", &first)] {
            if let Some(v) = v
                && !v.is_none()
                && !super::builtins_attr::is_callable(vm, v)
            {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("callable {name} expected, got {tn}")));
            }
        }
        ASYNCGEN.with(|h| {
            let mut h = h.borrow_mut();
            if let Some(f) = first {
                h.0 = f;
            }
            if let Some(f) = fin {
                h.1 = f;
            }
        });
        Ok(Value::None)
    });
}

/// Adds the functions to `sys`'s dict `d`, and `breakpoint` to the built-ins.
pub fn add(rt: &Runtime, d: &Dict) {
    add_asyncgen_hooks(d);
    def(d, "getrefcount", |vm, a| {
        a.no_kw(vm, "sys.getrefcount")?;
        a.check(vm, "sys.getrefcount", 1, 1)?;
        Ok(Value::Int(refcount(&a.pos[0])))
    });
    def(d, "call_tracing", |vm, a| {
        a.posonly(vm, "call_tracing", 2, 2)?;
        match &a.pos[1] {
            Value::Tuple(t) => vm.call(&a.pos[0], t.items.to_vec()),
            other => {
                let tn = vm.type_name(other);
                Err(vm.type_error(&format!("call_tracing() argument 2 must be tuple, not {tn}")))
            }
        }
    });
    def(d, "is_finalizing", |vm, a| {
        a.check(vm, "sys.is_finalizing", 0, 0)?;
        Ok(Value::Bool(vm.finalizing))
    });
    // Per thread, as CPython's: new coroutines record that many frames.
    def(d, "get_coroutine_origin_tracking_depth", move |vm, a| {
        a.check(vm, "sys.get_coroutine_origin_tracking_depth", 0, 0)?;
        Ok(Value::Int(i64::from(vm.coro_origin_depth)))
    });
    def(d, "set_coroutine_origin_tracking_depth", move |vm, mut a| {
        let Some(v) = a.arg(0, "depth") else {
            return Err(
                vm.type_error("set_coroutine_origin_tracking_depth() missing required argument 'depth' (pos 1)")
            );
        };
        let n = vm.index_of(&v)?;
        if n < 0 {
            return Err(vm.value_error("depth must be >= 0"));
        }
        vm.coro_origin_depth = u32::try_from(n).unwrap_or(u32::MAX);
        Ok(Value::None)
    });
    def(d, "breakpointhook", breakpointhook);
    if let Some(h) = d.get_item_str("breakpointhook") {
        d.set_item_str("__breakpointhook__", h);
    }
    def(&rt.builtins, "breakpoint", |vm, a| {
        let hook = sys_attr(vm, "breakpointhook");
        match hook {
            Some(h) => vm.call_value(&h, a),
            None => Err(vm.runtime_error("lost sys.breakpointhook")),
        }
    });
    d.set_item_str("copyright", Value::str(COPYRIGHT));
    d.set_item_str("_stdlib_dir", Value::str(super::cpython_lib::LIB_ROOT));
    d.set_item_str("stdlib_module_names", stdlib_module_names());
    // The no-argument getters reject arguments as CPython's do.
    for name in ["getdefaultencoding", "getrecursionlimit", "getswitchinterval"] {
        if let Some(f) = d.get_item_str(name) {
            def(d, name, move |vm, a| {
                a.no_kw(vm, &format!("sys.{name}"))?;
                a.check(vm, &format!("sys.{name}"), 0, 0)?;
                vm.call_value(&f, a)
            });
        }
    }
}

/// CPython's `sys.copyright` names its copyright holders; gilt's names its own.
const COPYRIGHT: &str = "gilt: a Python 3.11 bytecode interpreter with a switchable GIL.\n\
All Rights Reserved by the gilt authors; CPython's library: Copyright (c) 2001-2023 Python Software Foundation.";

/// `sys.getrefcount(x)`: the strong count of the object's shared pointer,
/// which follows the same rises and falls as CPython's reference count;
/// values stored inline (small ints, floats, None, bools) have no count and
/// report a large constant, as CPython's immortal objects do.
fn refcount(v: &Value) -> i64 {
    let n = match v {
        Value::BigInt(x) => Arc::strong_count(x),
        Value::Cplx(x) => Arc::strong_count(x),
        Value::Str(x) => Arc::strong_count(x),
        Value::Bytes(x) => Arc::strong_count(x),
        Value::Tuple(x) => Arc::strong_count(x),
        Value::List(x) => Arc::strong_count(x),
        Value::Dict(x) => Arc::strong_count(x),
        Value::Set(x) => Arc::strong_count(x),
        Value::Function(x) => Arc::strong_count(x),
        Value::Native(x) => Arc::strong_count(x),
        Value::Method(x) => Arc::strong_count(x),
        Value::Class(x) => Arc::strong_count(x),
        Value::Instance(x) => Arc::strong_count(x),
        Value::Module(x) => Arc::strong_count(x),
        Value::Generator(x) => Arc::strong_count(x),
        Value::Iter(x) => Arc::strong_count(x),
        Value::Range(x) => Arc::strong_count(x),
        Value::Slice(x) => Arc::strong_count(x),
        Value::Code(x) => Arc::strong_count(x),
        Value::Native2(x) => Arc::strong_count(x),
        _ => return u32::MAX as i64,
    };
    n as i64
}

/// `sys.<name>` as a script sees it now (None when deleted).
fn sys_attr(vm: &mut Vm, name: &str) -> Option<Value> {
    match vm.rt.modules.get_item_str("sys") {
        Some(Value::Module(m)) => m.dict.get_item_str(name),
        _ => None,
    }
}

/// The default `sys.breakpointhook`: `$PYTHONBREAKPOINT` names the callable
/// (`pdb.set_trace` when unset or empty; `0` turns breakpoints off); a name
/// that cannot be imported is ignored with a RuntimeWarning.
fn breakpointhook(vm: &mut Vm, a: Args) -> PyResult {
    let ignore_env = match sys_attr(vm, "flags") {
        Some(f) => match vm.get_attr_str(&f, "ignore_environment")? {
            Some(v) => vm.truthy(&v)?,
            None => false,
        },
        None => false,
    };
    let env = if ignore_env { None } else { std::env::var("PYTHONBREAKPOINT").ok() };
    let hookname = match env.as_deref() {
        None | Some("") => "pdb.set_trace".to_string(),
        Some("0") => return Ok(Value::None),
        Some(h) => h.to_string(),
    };
    let (module, attr) = match hookname.rfind('.') {
        None => ("builtins".to_string(), hookname.clone()),
        Some(0) => return warn_unimportable(vm, &hookname),
        Some(i) => (hookname[..i].to_string(), hookname[i + 1..].to_string()),
    };
    let hook = match vm.import_name(&module, 0, true) {
        Ok(m) => match vm.get_attr_str(&m, &attr) {
            Ok(Some(h)) => h,
            Ok(None) => return warn_unimportable(vm, &hookname),
            Err(e) if vm.is_exc(&e, "AttributeError") => return warn_unimportable(vm, &hookname),
            Err(e) => return Err(e),
        },
        Err(e) if vm.is_exc(&e, "ImportError") => return warn_unimportable(vm, &hookname),
        Err(e) => return Err(e),
    };
    vm.call_value(&hook, a)
}

fn warn_unimportable(vm: &mut Vm, hookname: &str) -> PyResult {
    vm.warn("RuntimeWarning", &format!("Ignoring unimportable $PYTHONBREAKPOINT: \"{hookname}\""), 1)?;
    Ok(Value::None)
}

/// `sys.stdlib_module_names`: the top-level modules and packages of the
/// embedded library plus the built-in modules.
fn stdlib_module_names() -> Value {
    let mut names: Vec<String> = super::builtin_module_names().into_iter().map(str::to_string).collect();
    for path in super::cpython_lib::paths() {
        let top = path.split('/').next().unwrap_or("");
        let name = top.strip_suffix(".py").unwrap_or(top);
        let is_module = path.contains('/') || top.ends_with(".py");
        if is_module && !name.is_empty() && !name.contains('-') && name != "__pycache__" && name != "test" {
            names.push(name.to_string());
        }
    }
    names.sort();
    names.dedup();
    let mut table = crate::object::set::SetTable::default();
    for n in names {
        let s = Arc::new(crate::object::str::PyStr::new(&n));
        table.insert_new(s.hash(), Value::Str(s));
    }
    Value::Set(Arc::new(crate::object::set::Set::from_table(true, table)))
}
