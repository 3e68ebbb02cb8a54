//! The `_sre` module under CPython 3.11's own `re` package: `compile` takes
//! the opcodes that `re._compiler` produced and returns a Pattern, whose
//! methods run them on the `rustpython-sre_engine` crate (whose opcode
//! numbering is 3.11's: `MAGIC` is checked by `re._compiler`). Match and
//! Scanner objects are in `sre_match.rs`, the loops of findall / split /
//! sub in `sre_ops.rs`, the engine bridge in `sre_subject.rs`.

use std::sync::Arc;

use parking_lot::Mutex;

use super::sre_match::{new_match, new_scanner};
use super::sre_subject::{Mode, Runner, Subject, clamp, with_drive};
use super::{def, sre_ops};
use crate::object::class::{Class, Layout};
use crate::object::descr::Property;
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Runtime, Vm};

/// `re._constants.MAGIC` of CPython 3.11: the opcode numbering the engine runs.
const MAGIC: i64 = 20220615;
/// Flag bits that the Pattern repr names, in CPython's order.
const FLAG_NAMES: [(&str, i64); 9] = [
    ("re.TEMPLATE", 1),
    ("re.IGNORECASE", 2),
    ("re.LOCALE", 4),
    ("re.MULTILINE", 8),
    ("re.DOTALL", 16),
    ("re.UNICODE", 32),
    ("re.VERBOSE", 64),
    ("re.DEBUG", 128),
    ("re.ASCII", 256),
];

/// The classes of one `_sre` module: Pattern, Match and the scanner.
pub struct Classes {
    pub pat: Arc<Class>,
    pub mat: Arc<Class>,
    pub scan: Arc<Class>,
}

/// A compiled pattern, shared by its Pattern object, its matches and scanners.
pub struct PatInner {
    /// The source: str, bytes, or None for `re.Scanner`'s combined pattern.
    pub pattern: Value,
    pub flags: i64,
    pub code: Vec<u32>,
    /// The number of capturing groups.
    pub groups: usize,
    /// name → group number.
    pub groupindex: Arc<Dict>,
    /// group number → name or None.
    pub indexgroup: Value,
    /// Whether the source is bytes; None when there is no source.
    pub isbytes: Option<bool>,
}

/// A `re.Pattern` object.
pub struct PatObj {
    pub inner: Arc<PatInner>,
    pub cls: Arc<Classes>,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(PatObj);

impl PatInner {
    /// The subject `v` for this pattern, with CPython's TypeErrors for a
    /// non-string and for mixing str and bytes.
    pub fn subject(&self, vm: &mut Vm, v: &Value) -> PyResult<Subject> {
        let s = Subject::from_value(vm, v)?;
        match (self.isbytes, s.is_bytes()) {
            (Some(false), true) => Err(vm.type_error("cannot use a string pattern on a bytes-like object")),
            (Some(true), false) => Err(vm.type_error("cannot use a bytes pattern on a string-like object")),
            _ => Ok(s),
        }
    }
}

/// Unpacks a call as CPython's Argument Clinic does for positional-or-keyword
/// parameters `names` (the first `required` of them required), after `skip`
/// leading positionals (`self`), with its messages.
pub fn clinic(
    vm: &mut Vm,
    a: &Args,
    skip: usize,
    fname: &str,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let pos = &a.pos[skip.min(a.pos.len())..];
    let (nargs, nkw, max) = (pos.len(), a.kw.len(), names.len());
    if nargs + nkw > max {
        let kwd = if nargs == 0 { "keyword " } else { "" };
        let s = if max == 1 { "" } else { "s" };
        return Err(vm.type_error(&format!("{fname}() takes at most {max} {kwd}argument{s} ({} given)", nargs + nkw)));
    }
    let mut out: Vec<Option<Value>> = pos.iter().cloned().map(Some).collect();
    let mut used = 0;
    for (i, name) in names.iter().enumerate().skip(nargs) {
        match a.kw.iter().find(|(k, _)| k.as_str() == *name) {
            Some((_, v)) => {
                out.push(Some(v.clone()));
                used += 1;
            }
            None if i < required => {
                return Err(vm.type_error(&format!("{fname}() missing required argument '{name}' (pos {})", i + 1)));
            }
            None => out.push(None),
        }
    }
    if used < nkw {
        for (i, name) in names.iter().enumerate().take(nargs) {
            if a.kw.iter().any(|(k, _)| k.as_str() == *name) {
                let msg = format!("argument for {fname}() given by name ('{name}') and position ({})", i + 1);
                return Err(vm.type_error(&msg));
            }
        }
        if let Some((k, _)) = a.kw.iter().find(|(k, _)| !names.contains(&k.as_str())) {
            return Err(vm.type_error(&format!("'{}' is an invalid keyword argument for {fname}()", k.as_str())));
        }
    }
    Ok(out)
}

/// A C `Py_ssize_t` argument: an index, OverflowError past a machine word.
pub fn ssize(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    if let Value::BigInt(_) = v {
        return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
    }
    Ok(vm.index_of(v)? as isize)
}

/// `pos` and `endpos` (defaults 0 and the end) clamped to the subject.
pub fn bounds(vm: &mut Vm, pos: &Option<Value>, endpos: &Option<Value>, len: usize) -> PyResult<(usize, usize)> {
    let p = match pos {
        Some(v) => clamp(ssize(vm, v)?, len),
        None => 0,
    };
    let e = match endpos {
        Some(v) => clamp(ssize(vm, v)?, len),
        None => len,
    };
    Ok((p, e))
}

/// The Pattern (and its shared part) that a method was called on.
fn this(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Arc<PatInner>, Arc<Classes>, Value)> {
    if let Some(v @ Value::Native2(o)) = a.pos.first()
        && let Some(p) = o.as_any().downcast_ref::<PatObj>()
    {
        return Ok((p.inner.clone(), p.cls.clone(), v.clone()));
    }
    Err(vm.type_error(&format!("descriptor '{name}' for 're.Pattern' objects doesn't apply to this object")))
}

/// Adds a read-only attribute computed by `f` to a native class.
pub fn prop(vm: &Vm, cls: &Arc<Class>, name: &str, f: impl Fn(&mut Vm, &Args) -> PyResult + Send + Sync + 'static) {
    prop_rt(&vm.rt, cls, name, f)
}

/// [`prop`] before any Vm exists (builtins being set up).
pub fn prop_rt(
    rt: &Runtime,
    cls: &Arc<Class>,
    name: &str,
    f: impl Fn(&mut Vm, &Args) -> PyResult + Send + Sync + 'static,
) {
    let getter = Vm::native(name, move |vm, a| f(vm, &a));
    let p = Property::new(getter, Value::None, name, rt.types.property.clone());
    cls.dict.set_item_str(name, Value::from_native(Arc::new(p)));
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
fn compile(vm: &mut Vm, a: &Args, cls: &Arc<Classes>) -> PyResult {
    let names = ["pattern", "flags", "code", "groups", "groupindex", "indexgroup"];
    let v = clinic(vm, a, 0, "compile", &names, 6)?;
    let v: Vec<Value> = v.into_iter().map(|x| x.unwrap_or(Value::None)).collect();
    let must = |vm: &mut Vm, i: usize, want: &str, ok: bool| -> PyResult<()> {
        if ok {
            return Ok(());
        }
        let tn = vm.type_name(&v[i]);
        Err(vm.type_error(&format!("compile() argument '{}' must be {want}, not {tn}", names[i])))
    };
    let flags = vm.index_of(&v[1])?;
    must(vm, 2, "list", matches!(v[2], Value::List(_)))?;
    must(vm, 4, "dict", matches!(v[4], Value::Dict(_)))?;
    must(vm, 5, "tuple", matches!(v[5], Value::Tuple(_)))?;
    let (Value::List(l), Value::Dict(gi)) = (&v[2], &v[4]) else { unreachable!() };
    let mut code = Vec::new();
    for item in l.snapshot().iter() {
        let n = vm.index_of(item).ok().and_then(|n| u32::try_from(n).ok());
        code.push(n.ok_or_else(|| vm.overflow_error("regular expression code size limit exceeded"))?);
    }
    let groups = ssize(vm, &v[3])?.max(0) as usize;
    let isbytes = match &v[0] {
        Value::None => None,
        p => Some(Subject::from_value(vm, p)?.is_bytes()),
    };
    let inner = PatInner {
        pattern: v[0].clone(),
        flags,
        code,
        groups,
        groupindex: Arc::new(Dict::from_table(gi.snapshot())),
        indexgroup: v[5].clone(),
        isbytes,
    };
    Ok(Value::from_native(Arc::new(PatObj { inner: Arc::new(inner), cls: cls.clone(), class: cls.pat.clone() })))
}

/// One `match` / `fullmatch` / `search` at `pos..endpos`.
fn run_one(vm: &mut Vm, a: &Args, name: &str, mode: Mode) -> PyResult {
    let (inner, cls, pv) = this(vm, a, name)?;
    let v = clinic(vm, a, 1, name, &["string", "pos", "endpos"], 1)?;
    let string = v[0].clone().unwrap_or(Value::None);
    let subj = inner.subject(vm, &string)?;
    let (p, e) = bounds(vm, &v[1], &v[2], subj.size())?;
    let found = with_drive!(&subj, s => Runner::new(s, &inner.code, p, e, inner.groups).next(vm, mode)?);
    Ok(match found {
        Some(f) => new_match(&cls, &pv, &inner, &string, subj, f, (p, e)),
        None => Value::None,
    })
}

/// CPython's `repr` of a Pattern: flags by name, the pattern's repr cut at 200 characters.
fn pattern_repr(vm: &mut Vm, inner: &PatInner) -> PyResult<String> {
    let mut flags = inner.flags;
    if inner.isbytes == Some(false) && flags & (4 | 32 | 256) == 32 {
        flags &= !32;
    }
    let mut items: Vec<String> = Vec::new();
    for (name, bit) in FLAG_NAMES {
        if flags & bit != 0 {
            items.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        items.push(format!("{flags:#x}"));
    }
    let r = vm.repr_of(&inner.pattern)?;
    let r: String = r.chars().take(200).collect();
    Ok(if items.is_empty() { format!("re.compile({r})") } else { format!("re.compile({r}, {})", items.join("|")) })
}

fn int_arg(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<i64> {
    let v = clinic(vm, a, 0, fname, &["character"], 1)?;
    vm.index_of(v[0].as_ref().unwrap_or(&Value::None))
}

fn lower_ascii(c: i64) -> i64 {
    if (b'A' as i64..=b'Z' as i64).contains(&c) { c + 32 } else { c }
}

fn char_case(c: i64, upper: bool) -> i64 {
    let Ok(u) = u32::try_from(c) else { return c };
    let m = if upper {
        rustpython_sre_engine::string::upper_unicode(u)
    } else {
        rustpython_sre_engine::string::lower_unicode(u)
    };
    m as i64
}

/// Creates the `_sre` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("_sre"));
    let obj = std::slice::from_ref(&vm.rt.types.object);
    let pat = new_builtin_class("Pattern", obj, Layout::Opaque);
    let mat = new_builtin_class("Match", obj, Layout::Opaque);
    let scan = new_builtin_class("SRE_Scanner", obj, Layout::Opaque);
    pat.dict.set_item_str("__module__", Value::str("re"));
    mat.dict.set_item_str("__module__", Value::str("re"));
    scan.dict.set_item_str("__module__", Value::str("_sre"));
    let cls = Arc::new(Classes { pat: pat.clone(), mat: mat.clone(), scan: scan.clone() });

    d.set_item_str("MAGIC", Value::Int(MAGIC));
    d.set_item_str("CODESIZE", Value::Int(rustpython_sre_engine::CODESIZE as i64));
    d.set_item_str("MAXREPEAT", Value::Int(u32::MAX as i64));
    d.set_item_str("MAXGROUPS", Value::Int(i32::MAX as i64 / 2));
    d.set_item_str("copyright", Value::str("SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB"));
    let c = cls.clone();
    def(&d, "compile", move |vm, a| compile(vm, &a, &c));
    def(&d, "getcodesize", |vm, a| {
        a.check(vm, "getcodesize", 0, 0)?;
        Ok(Value::Int(rustpython_sre_engine::CODESIZE as i64))
    });
    def(&d, "ascii_iscased", |vm, a| {
        let c = int_arg(vm, &a, "ascii_iscased")?;
        Ok(Value::Bool(c < 128 && (c as u8).is_ascii_alphabetic()))
    });
    def(&d, "unicode_iscased", |vm, a| {
        let c = int_arg(vm, &a, "unicode_iscased")?;
        Ok(Value::Bool(c != char_case(c, false) || c != char_case(c, true)))
    });
    def(&d, "ascii_tolower", |vm, a| Ok(Value::Int(lower_ascii(int_arg(vm, &a, "ascii_tolower")?))));
    def(&d, "unicode_tolower", |vm, a| Ok(Value::Int(char_case(int_arg(vm, &a, "unicode_tolower")?, false))));

    // Pattern methods.
    for (name, mode) in [("match", Mode::Match), ("fullmatch", Mode::Full), ("search", Mode::Search)] {
        def(&pat.dict, name, move |vm, a| run_one(vm, &a, name, mode));
    }
    def(&pat.dict, "findall", |vm, a| {
        let (inner, _, _) = this(vm, &a, "findall")?;
        let v = clinic(vm, &a, 1, "findall", &["string", "pos", "endpos"], 1)?;
        let subj = inner.subject(vm, v[0].as_ref().unwrap_or(&Value::None))?;
        let (p, e) = bounds(vm, &v[1], &v[2], subj.size())?;
        sre_ops::findall(vm, &inner, &subj, p, e)
    });
    for name in ["scanner", "finditer"] {
        def(&pat.dict, name, move |vm, a| {
            let (inner, cls, pv) = this(vm, &a, name)?;
            let v = clinic(vm, &a, 1, name, &["string", "pos", "endpos"], 1)?;
            let string = v[0].clone().unwrap_or(Value::None);
            let subj = inner.subject(vm, &string)?;
            let (p, e) = bounds(vm, &v[1], &v[2], subj.size())?;
            let sc = new_scanner(&cls, &pv, &inner, &string, subj, (p, e));
            if name == "scanner" {
                return Ok(sc);
            }
            let search = vm.get_attr(&sc, &Arc::new(crate::object::str::PyStr::new("search")))?;
            let it = crate::object::iter::NativeIter::Callable {
                func: search,
                sentinel: Value::None,
                done: Mutex::new(false),
            };
            Ok(Value::Iter(Arc::new(it)))
        });
    }
    def(&pat.dict, "split", |vm, a| {
        let (inner, _, _) = this(vm, &a, "split")?;
        let v = clinic(vm, &a, 1, "split", &["string", "maxsplit"], 1)?;
        let subj = inner.subject(vm, v[0].as_ref().unwrap_or(&Value::None))?;
        let maxsplit = match &v[1] {
            Some(m) => ssize(vm, m)?,
            None => 0,
        };
        sre_ops::split(vm, &inner, &subj, maxsplit)
    });
    for (name, with_n) in [("sub", false), ("subn", true)] {
        def(&pat.dict, name, move |vm, a| {
            let (inner, cls, pv) = this(vm, &a, name)?;
            let v = clinic(vm, &a, 1, name, &["repl", "string", "count"], 2)?;
            let count = match &v[2] {
                Some(c) => ssize(vm, c)?,
                None => 0,
            };
            let (repl, string) = (v[0].clone().unwrap_or(Value::None), v[1].clone().unwrap_or(Value::None));
            let (s, n) = sre_ops::subx(vm, (&cls, &pv, &inner), &repl, &string, count)?;
            Ok(if with_n { Value::tuple(vec![s, Value::Int(n as i64)]) } else { s })
        });
    }
    def(&pat.dict, "__copy__", |vm, a| Ok(this(vm, &a, "__copy__")?.2));
    def(&pat.dict, "__deepcopy__", |vm, a| {
        let r = this(vm, &a, "__deepcopy__")?.2;
        clinic(vm, &a, 1, "__deepcopy__", &["memo"], 1)?;
        Ok(r)
    });
    def(&pat.dict, "__repr__", |vm, a| {
        let inner = this(vm, &a, "__repr__")?.0;
        Ok(Value::string(pattern_repr(vm, &inner)?))
    });
    def(&pat.dict, "__eq__", |vm, a| {
        let inner = this(vm, &a, "__eq__")?.0;
        let other = match a.pos.get(1) {
            Some(Value::Native2(o)) => o.as_any().downcast_ref::<PatObj>().map(|p| p.inner.clone()),
            _ => None,
        };
        let Some(o) = other else { return Ok(Value::NotImplemented) };
        if Arc::ptr_eq(&inner, &o) {
            return Ok(Value::Bool(true));
        }
        let same = inner.flags == o.flags && inner.isbytes == o.isbytes && inner.code == o.code;
        Ok(Value::Bool(same && vm.eq(&inner.pattern, &o.pattern)?))
    });
    prop(vm, &pat, "pattern", |vm, a| Ok(this(vm, a, "pattern")?.0.pattern.clone()));
    prop(vm, &pat, "flags", |vm, a| Ok(Value::Int(this(vm, a, "flags")?.0.flags)));
    prop(vm, &pat, "groups", |vm, a| Ok(Value::Int(this(vm, a, "groups")?.0.groups as i64)));
    // A read-only view of the pattern's own table, as in CPython.
    prop(vm, &pat, "groupindex", |vm, a| {
        let gi = this(vm, a, "groupindex")?.0.groupindex.clone();
        let types = vm.import_name("types", 0, true)?;
        let proxy = vm.get_attr(&types, &Arc::new(crate::object::str::PyStr::new("MappingProxyType")))?;
        vm.call(&proxy, vec![Value::Dict(gi)])
    });
    super::sre_match::register(vm, &cls);
    Ok(Value::Module(Arc::new(Module::new(Arc::from("_sre"), d))))
}
