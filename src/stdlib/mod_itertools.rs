//! The `itertools` module, native: one class per iterator kind (their
//! states are in `itertools_iter.rs` and `itertools_comb.rs`), with CPython
//! 3.11's argument parsing and error messages. Being native objects with a
//! lock each (not Python generators), they can be shared between threads:
//! `next(itertools.count())` hands out distinct ids with the GIL off too.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use parking_lot::Mutex;

use super::def;
use super::itertools_comb::{Comb, CombKind, GroupBy};
use super::itertools_iter::*;
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Parses arguments as CPython's Argument Clinic does for `fname(names…)`:
/// the first `max_pos` may be given by position, the first `required` must
/// be given. Returns one slot per name.
fn clinic(
    vm: &mut Vm,
    a: &Args,
    fname: &str,
    names: &[&str],
    max_pos: usize,
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let (npos, total) = (a.pos.len(), a.pos.len() + a.kw.len());
    if npos > max_pos && max_pos < names.len() {
        let msg = format!("{fname}() takes at most {max_pos} positional argument{} ({npos} given)", plural(max_pos));
        return Err(vm.type_error(&msg));
    }
    if total > names.len() {
        let kind = if npos == 0 { "keyword " } else { "" };
        let n = names.len();
        return Err(vm.type_error(&format!("{fname}() takes at most {n} {kind}argument{} ({total} given)", plural(n))));
    }
    a.clinic_slots(vm, fname, names, required)
}

/// An index-sized int (CPython's `Py_ssize_t` conversion).
fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Value::BigInt(_) = v {
        return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
    }
    vm.index_of(v)
}

/// What `count()` accepts: a number (`PyNumber_Check`).
fn is_number(vm: &mut Vm, v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Flt(_) | Value::Boolean(_) => true,
        _ => {
            let cls = vm.class_of(v);
            ["__index__", "__int__", "__float__", "__complex__"].iter().any(|m| cls.lookup(m).is_some())
        }
    }
}

/// An islice index: None, or an int in `0..=sys.maxsize`; else ValueError(msg).
fn islice_arg(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Option<i64>> {
    let n = match v {
        Value::None => return Ok(None),
        Value::Int(_) | Value::Boolean(_) | Value::Instance(_) => vm.index_of(v).ok(),
        _ => None,
    };
    match n {
        Some(n) if n >= 0 => Ok(Some(n)),
        _ => Err(vm.value_error(msg)),
    }
}

/// The itertools object `inner` with class `cls` (a subclass when `__new__`
/// was called with one), else `default`.
fn make<T: Step>(cls: &Value, default: &Arc<Class>, inner: T) -> Value {
    let class = match cls {
        Value::Class(c) => c.clone(),
        _ => default.clone(),
    };
    Value::from_native(Arc::new(It::new(class, inner)))
}

/// Declares an itertools class with `__iter__` and a `__next__` that steps `T`.
fn new_class<T: Step>(vm: &Vm, d: &Dict, name: &'static str) -> Arc<Class> {
    let cls = new_builtin_class(name, std::slice::from_ref(&vm.rt.types.object), Layout::Opaque);
    cls.dict.set_item_str("__module__", Value::str("itertools"));
    def(&cls.dict, "__init__", |_vm, _a| Ok(Value::None));
    def(&cls.dict, "__iter__", |_vm, a| Ok(a.pos.first().cloned().unwrap_or(Value::None)));
    def(&cls.dict, "__next__", move |vm, a| {
        let Some(me) = a.native_self::<It<T>>() else {
            return Err(vm.type_error(&format!("descriptor '__next__' requires a 'itertools.{name}' object")));
        };
        match me.next(vm, &a.pos[0])? {
            Some(v) => Ok(v),
            None => Err(vm.stop_iteration(None)),
        }
    });
    d.set_item_str(name, Value::Class(cls.clone()));
    cls
}

/// Adds `__new__(cls, *args)`, which builds the object with `f(vm, args)`.
fn constructor<T: Step>(
    cls: &Arc<Class>,
    f: impl Fn(&mut Vm, &Arc<Class>, Args) -> PyResult<T> + Send + Sync + 'static,
) {
    let c = cls.clone();
    def(&cls.dict, "__new__", move |vm, mut a| {
        if a.pos.is_empty() {
            return Err(vm.type_error("__new__(): not enough arguments"));
        }
        let target = a.pos.remove(0);
        let inner = f(vm, &c, a)?;
        Ok(make(&target, &c, inner))
    });
}

fn pred_class(vm: &Vm, d: &Dict, name: &'static str, kind: PredKind) {
    let cls = new_class::<Predicate>(vm, d, name);
    constructor(&cls, move |vm, _c, a| {
        a.posonly(vm, name, 2, 2)?;
        let it = vm.get_iter(&a.pos[1])?;
        Ok(Predicate { kind, func: a.pos[0].clone(), it, flag: AtomicBool::new(false) })
    });
}

fn comb_class(vm: &Vm, d: &Dict, name: &'static str, kind: CombKind) {
    let cls = new_class::<Comb>(vm, d, name);
    constructor(&cls, move |vm, _c, a| {
        let args = clinic(vm, &a, name, &["iterable", "r"], 2, 2)?;
        let r = ssize(vm, args[1].as_ref().expect("required"))?;
        let pool = vm.collect(args[0].as_ref().expect("required"))?;
        if r < 0 {
            return Err(vm.value_error("r must be non-negative"));
        }
        Ok(Comb::new(kind, vec![Arc::new(pool)], r as usize))
    });
}

/// Creates the `itertools` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("itertools"));
    d.set_item_str("__doc__", Value::str("Functional tools for creating and using iterators."));

    let count = new_class::<Count>(vm, &d, "count");
    constructor(&count, |vm, _c, a| {
        let args = clinic(vm, &a, "count", &["start", "step"], 2, 0)?;
        let mut start = args[0].clone().unwrap_or(Value::Int(0));
        let step = args[1].clone().unwrap_or(Value::Int(1));
        if !is_number(vm, &start) || !is_number(vm, &step) {
            return Err(vm.type_error("a number is required"));
        }
        // CPython counts an int start with step 1 in a machine word, so a
        // bool start shows as an int (`count(True)` is `count(1)`).
        let step_one = matches!(step, Value::Int(1)) || matches!(&step, Value::Boolean(b) if b.get());
        if let (true, Value::Boolean(b)) = (step_one, &start) {
            start = Value::Int(b.get() as i64);
        }
        Ok(Count { state: Mutex::new((start, step)) })
    });
    def(&count.dict, "__repr__", |vm, a| {
        let me = a.native_self::<It<Count>>().ok_or_else(|| vm.type_error("expected a count object"))?;
        Ok(Value::string(me.inner.repr(vm)?))
    });

    let cycle = new_class::<Cycle>(vm, &d, "cycle");
    constructor(&cycle, |vm, _c, a| {
        a.posonly(vm, "cycle", 1, 1)?;
        Ok(Cycle { it: vm.get_iter(&a.pos[0])?, state: Mutex::new(CycleState::default()) })
    });

    let repeat = new_class::<Repeat>(vm, &d, "repeat");
    constructor(&repeat, |vm, _c, a| {
        let args = clinic(vm, &a, "repeat", &["object", "times"], 2, 1)?;
        let times = match &args[1] {
            None => None,
            Some(t) => Some(ssize(vm, t)?.max(0)),
        };
        Ok(Repeat { obj: args[0].clone().expect("required"), times: Mutex::new(times) })
    });
    def(&repeat.dict, "__repr__", |vm, a| {
        let me = a.native_self::<It<Repeat>>().ok_or_else(|| vm.type_error("expected a repeat object"))?;
        Ok(Value::string(me.inner.repr(vm)?))
    });
    def(&repeat.dict, "__length_hint__", |vm, a| {
        let me = a.native_self::<It<Repeat>>().ok_or_else(|| vm.type_error("expected a repeat object"))?;
        match *me.inner.times.lock() {
            None => Err(vm.type_error("len() of unsized object")),
            Some(n) => Ok(Value::Int(n)),
        }
    });

    let acc = new_class::<Accumulate>(vm, &d, "accumulate");
    constructor(&acc, |vm, _c, a| {
        let args = clinic(vm, &a, "accumulate", &["iterable", "func", "initial"], 2, 1)?;
        let it = vm.get_iter(args[0].as_ref().expect("required"))?;
        let func = args[1].clone().filter(|f| !f.is_none());
        let initial = args[2].clone().filter(|f| !f.is_none());
        Ok(Accumulate { it, func, state: Mutex::new((None, initial)) })
    });

    let chain = new_class::<Chain>(vm, &d, "chain");
    constructor(&chain, |vm, _c, a| {
        if !a.kw.is_empty() {
            return Err(vm.type_error("chain() takes no keyword arguments"));
        }
        let src = vm.get_iter(&Value::tuple(a.pos))?;
        Ok(Chain { state: Mutex::new((Some(src), None)) })
    });
    let chain_cls = chain.clone();
    def(&chain.dict, "from_iterable", move |vm, a| {
        let n = a.pos.len();
        if n != 1 {
            return Err(vm.type_error(&format!("chain.from_iterable() takes exactly one argument ({n} given)")));
        }
        let src = vm.get_iter(&a.pos[0])?;
        Ok(make(&Value::None, &chain_cls, Chain { state: Mutex::new((Some(src), None)) }))
    });

    let compress = new_class::<Compress>(vm, &d, "compress");
    constructor(&compress, |vm, _c, a| {
        let args = clinic(vm, &a, "compress", &["data", "selectors"], 2, 2)?;
        let data = vm.get_iter(args[0].as_ref().expect("required"))?;
        let sel = vm.get_iter(args[1].as_ref().expect("required"))?;
        Ok(Compress { data, sel, serial: Mutex::new(()) })
    });

    pred_class(vm, &d, "dropwhile", PredKind::DropWhile);
    pred_class(vm, &d, "takewhile", PredKind::TakeWhile);
    pred_class(vm, &d, "filterfalse", PredKind::FilterFalse);

    let starmap = new_class::<Starmap>(vm, &d, "starmap");
    constructor(&starmap, |vm, _c, a| {
        a.posonly(vm, "starmap", 2, 2)?;
        Ok(Starmap { func: a.pos[0].clone(), it: vm.get_iter(&a.pos[1])? })
    });

    let grouper = new_class::<super::itertools_comb::Grouper>(vm, &d, "_grouper");
    let groupby = new_class::<GroupBy>(vm, &d, "groupby");
    constructor(&groupby, move |vm, _c, a| {
        let args = clinic(vm, &a, "groupby", &["iterable", "key"], 2, 1)?;
        let it = vm.get_iter(args[0].as_ref().expect("required"))?;
        let key = args[1].clone().filter(|k| !k.is_none());
        Ok(GroupBy { it, key, grouper_class: grouper.clone(), st: Mutex::new(Default::default()) })
    });

    let islice = new_class::<Islice>(vm, &d, "islice");
    constructor(&islice, |vm, _c, a| {
        if !a.kw.is_empty() {
            return Err(vm.type_error("islice() takes no keyword arguments"));
        }
        a.posonly(vm, "islice", 2, 4)?;
        let stop_msg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        let (start, stop) = if a.pos.len() == 2 {
            (0, islice_arg(vm, &a.pos[1], stop_msg)?)
        } else {
            let stop = islice_arg(vm, &a.pos[2], stop_msg)?;
            let idx_msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
            (islice_arg(vm, &a.pos[1], idx_msg)?.unwrap_or(0), stop)
        };
        let step_msg = "Step for islice() must be a positive integer or None.";
        let step = match a.pos.get(3) {
            None => 1,
            Some(v) => match islice_arg(vm, v, step_msg)? {
                None => 1,
                Some(0) => return Err(vm.value_error(step_msg)),
                Some(s) => s,
            },
        };
        let it = vm.get_iter(&a.pos[0])?;
        Ok(Islice { it: Mutex::new(Some(it)), stop, step, pos: Mutex::new((start, 0)) })
    });

    let pairwise = new_class::<Pairwise>(vm, &d, "pairwise");
    constructor(&pairwise, |vm, _c, a| {
        a.posonly(vm, "pairwise", 1, 1)?;
        Ok(Pairwise { it: Mutex::new(Some(vm.get_iter(&a.pos[0])?)), old: Mutex::new(None) })
    });

    let zl = new_class::<ZipLongest>(vm, &d, "zip_longest");
    constructor(&zl, |vm, _c, mut a| {
        let fill = a.take_kw("fillvalue").unwrap_or(Value::None);
        if !a.kw.is_empty() {
            return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
        }
        let mut iters = Vec::with_capacity(a.pos.len());
        for v in &a.pos {
            iters.push(Some(vm.get_iter(v)?));
        }
        let n = iters.len();
        Ok(ZipLongest { iters: Mutex::new((iters, n)), fill })
    });

    let product = new_class::<Comb>(vm, &d, "product");
    constructor(&product, |vm, _c, a| {
        let kw = Args::with_kw(Vec::new(), a.kw.clone());
        let args = clinic(vm, &kw, "product", &["repeat"], 0, 0)?;
        let repeat = match &args[0] {
            None => 1,
            Some(r) => ssize(vm, r)?,
        };
        if repeat < 0 {
            return Err(vm.value_error("repeat argument cannot be negative"));
        }
        let mut pools = Vec::with_capacity(a.pos.len());
        for v in &a.pos {
            pools.push(Arc::new(vm.collect(v)?));
        }
        let all: Vec<Arc<Vec<Value>>> = (0..repeat).flat_map(|_| pools.iter().cloned()).collect();
        Ok(Comb::new(CombKind::Product, all, 0))
    });

    let perms = new_class::<Comb>(vm, &d, "permutations");
    constructor(&perms, |vm, _c, a| {
        let args = clinic(vm, &a, "permutations", &["iterable", "r"], 2, 1)?;
        let pool = vm.collect(args[0].as_ref().expect("required"))?;
        let r = match &args[1] {
            None | Some(Value::None) => pool.len() as i64,
            Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Boolean(_))) => ssize(vm, v)?,
            Some(_) => return Err(vm.type_error("Expected int as r")),
        };
        if r < 0 {
            return Err(vm.value_error("r must be non-negative"));
        }
        Ok(Comb::new(CombKind::Permutations, vec![Arc::new(pool)], r as usize))
    });
    comb_class(vm, &d, "combinations", CombKind::Combinations);
    comb_class(vm, &d, "combinations_with_replacement", CombKind::CombinationsWithReplacement);

    let tee_cls = new_class::<Tee>(vm, &d, "_tee");
    constructor(&tee_cls, |vm, _c, a| {
        a.posonly(vm, "_tee", 1, 1)?;
        Ok(Tee::new(vm.get_iter(&a.pos[0])?))
    });
    def(&tee_cls.dict, "__copy__", |vm, a| {
        let me = a.native_self::<It<Tee>>().ok_or_else(|| vm.type_error("expected a _tee object"))?;
        Ok(make(&Value::None, &me.class, me.inner.copy()))
    });
    let tc = tee_cls.clone();
    def(&d, "tee", move |vm, a| {
        if !a.kw.is_empty() {
            return Err(vm.type_error("itertools.tee() takes no keyword arguments"));
        }
        a.posonly(vm, "tee", 1, 2)?;
        let n = match a.pos.get(1) {
            None => 2,
            Some(v) => ssize(vm, v)?,
        };
        if n < 0 {
            return Err(vm.value_error("n must be >= 0"));
        }
        let it = vm.get_iter(&a.pos[0])?;
        if n == 0 {
            return Ok(Value::tuple(Vec::new()));
        }
        let first = match &it {
            Value::Native2(o) if o.as_any().is::<It<Tee>>() => it.clone(),
            _ => make(&Value::None, &tc, Tee::new(it)),
        };
        let mut out = vec![first.clone()];
        if let Value::Native2(o) = &first
            && let Some(t) = o.as_any().downcast_ref::<It<Tee>>()
        {
            for _ in 1..n {
                out.push(make(&Value::None, &t.class, t.inner.copy()));
            }
        }
        Ok(Value::tuple(out))
    });

    super::itertools_pickle::register(&d);
    Ok(Value::Module(Arc::new(Module::new(Arc::from("itertools"), d))))
}
