//! The `re` module, on the `regex` crate. Python pattern syntax is
//! translated where the two differ; look-around and backreferences are
//! not supported and raise `re.error`. Positions are in code points.

use std::sync::Arc;

use parking_lot::Mutex;

#[path = "mod_re_syntax.rs"]
mod syntax;

use self::syntax::{Piece, escape, flags_repr, parse_template, translate};
use super::def;
use crate::object::class::{Class, Layout};
use crate::object::descr::Property;
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyErr, PyResult, Vm};

const I: i64 = 2;
const L: i64 = 4;
const M: i64 = 8;
const S: i64 = 16;
const U: i64 = 32;
const X: i64 = 64;
const A: i64 = 256;

/// The classes of one `re` module instance.
struct Classes {
    pat: Arc<Class>,
    mat: Arc<Class>,
    err: Arc<Class>,
}

/// A compiled pattern, shared by its Pattern object and its matches.
struct PatInner {
    re: regex::Regex,
    re_match: regex::Regex,
    re_full: regex::Regex,
    pattern: Value,
    flags: i64,
    groups: usize,
    names: Vec<Option<String>>,
}

struct PatObj {
    inner: Arc<PatInner>,
    class: Arc<Class>,
}

struct MatObj {
    pat: Arc<PatInner>,
    pat_val: Value,
    string: Value,
    s: Arc<PyStr>,
    /// Byte spans and code-point spans of each group.
    bspans: Vec<Option<(usize, usize)>>,
    cspans: Vec<Option<(usize, usize)>>,
    pos: usize,
    endpos: usize,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(PatObj);

crate::object::native::impl_native_object!(MatObj);

fn re_err(vm: &Vm, cls: &Classes, msg: &str) -> PyErr {
    let _ = vm;
    vm.new_exception(&cls.err, vec![Value::str(msg)])
}

fn compile_inner(vm: &Vm, cls: &Classes, pattern: &Value, flags: i64) -> PyResult<PatInner> {
    let Value::Str(ps) = pattern else {
        return Err(vm.type_error("gilt's re supports only str patterns"));
    };
    let body = translate(vm, cls, ps.as_str(), flags)?;
    let mut pre = String::new();
    for (f, s) in [(I, "i"), (M, "m"), (S, "s"), (X, "x")] {
        if flags & f != 0 {
            pre.push_str(s);
        }
    }
    let pre = if pre.is_empty() { String::new() } else { format!("(?{pre})") };
    let nl = if flags & X != 0 || body.contains("(?x") { "\n" } else { "" };
    let build = |s: String| regex::Regex::new(&s).map_err(|e| re_err(vm, cls, &e.to_string()));
    let re = build(format!("{pre}{body}"))?;
    let re_match = build(format!("{pre}\\A(?:{body}{nl})"))?;
    let re_full = build(format!("{pre}\\A(?:{body}{nl})\\z"))?;
    let groups = re.captures_len() - 1;
    let names = re.capture_names().map(|n| n.map(str::to_string)).collect();
    let mut fl = flags & !L;
    if fl & A == 0 {
        fl |= U;
    }
    Ok(PatInner { re, re_match, re_full, pattern: pattern.clone(), flags: fl, groups, names })
}

fn get_pat(vm: &mut Vm, cls: &Classes, v: &Value, flags: i64) -> PyResult<(Arc<PatInner>, Value)> {
    if let Value::Native2(o) = v
        && let Some(p) = o.as_any().downcast_ref::<PatObj>()
    {
        if flags != 0 {
            return Err(vm.value_error("cannot process flags argument with a compiled pattern"));
        }
        return Ok((p.inner.clone(), v.clone()));
    }
    let inner = Arc::new(compile_inner(vm, cls, v, flags)?);
    let obj = Value::from_native(Arc::new(PatObj { inner: inner.clone(), class: cls.pat.clone() }));
    Ok((inner, obj))
}

/// The string being searched, with byte↔code-point conversion.
struct Hay {
    s: Arc<PyStr>,
    val: Value,
    map: Option<Vec<u32>>,
}

impl Hay {
    fn new(vm: &mut Vm, v: &Value) -> PyResult<Hay> {
        let Value::Str(s) = v else {
            let tn = vm.type_name(v);
            return Err(vm.type_error(&format!("expected string, got '{tn}'")));
        };
        let map = if s.is_ascii() {
            None
        } else {
            let st = s.as_str();
            let mut m = vec![0u32; st.len() + 1];
            let mut ci = 0u32;
            for (b, ch) in st.char_indices() {
                for k in 0..ch.len_utf8() {
                    m[b + k] = ci;
                }
                ci += 1;
            }
            m[st.len()] = ci;
            Some(m)
        };
        Ok(Hay { s: s.clone(), val: v.clone(), map })
    }
    fn c(&self, b: usize) -> usize {
        match &self.map {
            None => b,
            Some(m) => m[b] as usize,
        }
    }
    fn str(&self) -> &str {
        self.s.as_str()
    }
}

fn make_match(
    cls: &Classes,
    pat: &Arc<PatInner>,
    pv: &Value,
    h: &Hay,
    c: &regex::Captures,
    pos: usize,
    endpos: usize,
) -> Value {
    let bspans: Vec<Option<(usize, usize)>> = (0..c.len()).map(|i| c.get(i).map(|m| (m.start(), m.end()))).collect();
    let cspans = bspans.iter().map(|o| o.map(|(a, b)| (h.c(a), h.c(b)))).collect();
    Value::from_native(Arc::new(MatObj {
        pat: pat.clone(),
        pat_val: pv.clone(),
        string: h.val.clone(),
        s: h.s.clone(),
        bspans,
        cspans,
        pos,
        endpos,
        class: cls.mat.clone(),
    }))
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Search,
    Match,
    Full,
}

/// pos/endpos (code points) clamped, and the byte bounds.
fn bounds(vm: &mut Vm, h: &Hay, pos: Option<Value>, endpos: Option<Value>) -> PyResult<(usize, usize, usize, usize)> {
    let n = h.s.char_len() as i64;
    let p = match pos {
        Some(v) if !v.is_none() => vm.index_of(&v)?.clamp(0, n),
        _ => 0,
    } as usize;
    let e = match endpos {
        Some(v) if !v.is_none() => vm.index_of(&v)?.clamp(0, n),
        _ => n,
    } as usize;
    let e = e.max(p);
    Ok((p, e, h.s.byte_offset(p), h.s.byte_offset(e)))
}

fn do_match(
    cls: &Classes,
    pat: &Arc<PatInner>,
    pv: &Value,
    h: &Hay,
    mode: Mode,
    b: (usize, usize, usize, usize),
) -> Value {
    let (p, e, bp, be) = b;
    let hay = &h.str()[..be];
    let caps = if bp == 0 {
        match mode {
            Mode::Search => pat.re.captures(hay),
            Mode::Match => pat.re_match.captures(hay),
            Mode::Full => pat.re_full.captures(hay),
        }
    } else {
        pat.re.captures_at(hay, bp).filter(|c| {
            let m = c.get(0).unwrap();
            mode == Mode::Search || (m.start() == bp && (mode == Mode::Match || m.end() == be))
        })
    };
    match caps {
        Some(c) => make_match(cls, pat, pv, h, &c, p, e),
        None => Value::None,
    }
}

/// All matches from `bp`, Python style (empty matches right after a
/// non-empty one are kept); at most `limit` when nonzero.
fn all_caps<'h>(pat: &PatInner, hay: &'h str, mut bp: usize, limit: usize) -> Vec<regex::Captures<'h>> {
    let mut out = Vec::new();
    while bp <= hay.len() {
        if limit != 0 && out.len() >= limit {
            break;
        }
        let Some(c) = pat.re.captures_at(hay, bp) else { break };
        let m = c.get(0).unwrap();
        let (s, e) = (m.start(), m.end());
        if s == e {
            bp = e + hay[e..].chars().next().map_or(1, char::len_utf8);
        } else {
            bp = e;
        }
        out.push(c);
    }
    out
}

fn group_val(m: &MatObj, i: usize, default: &Value) -> Value {
    match m.bspans[i] {
        Some((a, b)) => Value::str(&m.s.as_str()[a..b]),
        None => default.clone(),
    }
}

fn group_index(vm: &mut Vm, m: &MatObj, v: &Value) -> PyResult<usize> {
    if let Value::Str(s) = v {
        if let Some(i) = m.pat.names.iter().position(|n| n.as_deref() == Some(s.as_str())) {
            return Ok(i);
        }
        return Err(vm.index_error("no such group"));
    }
    let i = vm.index_of(v).map_err(|_| vm.index_error("no such group"))?;
    if i < 0 || i as usize >= m.bspans.len() {
        return Err(vm.index_error("no such group"));
    }
    Ok(i as usize)
}

fn this_m<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a MatObj> {
    if let Some(Value::Native2(o)) = a.pos.first()
        && let Some(r) = o.as_any().downcast_ref::<MatObj>()
    {
        return Ok(r);
    }
    Err(vm.type_error("descriptor requires a 're.Match' object"))
}

fn this_p(vm: &mut Vm, a: &Args) -> PyResult<(Arc<PatInner>, Value)> {
    if let Some(v @ Value::Native2(o)) = a.pos.first()
        && let Some(r) = o.as_any().downcast_ref::<PatObj>()
    {
        return Ok((r.inner.clone(), v.clone()));
    }
    Err(vm.type_error("descriptor requires a 're.Pattern' object"))
}

fn prop(vm: &Vm, cls: &Arc<Class>, name: &str, f: impl Fn(&mut Vm, &Args) -> PyResult + Send + Sync + 'static) {
    let getter = Vm::native(name, move |vm, a| f(vm, &a));
    let p = Property {
        fget: getter,
        fset: Value::None,
        fdel: Value::None,
        doc: Value::None,
        name: Mutex::new(Some(name.to_string())),
        class: vm.rt.types.property.clone(),
    };
    cls.dict.set_item_str(name, Value::from_native(Arc::new(p)));
}

fn flags_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    match v {
        Some(v) if !v.is_none() => vm.index_of(&v),
        _ => Ok(0),
    }
}

fn subn(
    vm: &mut Vm,
    cls: &Classes,
    pat: &Arc<PatInner>,
    pv: &Value,
    repl: &Value,
    s: &Value,
    count: usize,
) -> PyResult<(String, usize)> {
    let h = Hay::new(vm, s)?;
    let template = match repl {
        Value::Str(r) => Some(parse_template(vm, cls, pat, r.as_str())?),
        _ => None,
    };
    let hay = h.str();
    let caps = all_caps(pat, hay, 0, count);
    let mut out = String::with_capacity(hay.len());
    let mut last = 0;
    let n = caps.len();
    for c in &caps {
        let m = c.get(0).unwrap();
        out.push_str(&hay[last..m.start()]);
        last = m.end();
        match &template {
            Some(t) => {
                for p in t {
                    match p {
                        Piece::Lit(l) => out.push_str(l),
                        Piece::Group(g) => {
                            if let Some(x) = c.get(*g) {
                                out.push_str(x.as_str())
                            }
                        }
                    }
                }
            }
            None => {
                let mv = make_match(cls, pat, pv, &h, c, 0, h.s.char_len());
                let r = vm.call(repl, vec![mv])?;
                match &r {
                    Value::Str(x) => out.push_str(x.as_str()),
                    other => {
                        let tn = vm.type_name(other);
                        return Err(vm.type_error(&format!("expected str instance, {tn} found")));
                    }
                }
            }
        }
    }
    out.push_str(&hay[last..]);
    Ok((out, n))
}

fn findall(vm: &mut Vm, pat: &Arc<PatInner>, s: &Value, pos: Option<Value>, endpos: Option<Value>) -> PyResult {
    let h = Hay::new(vm, s)?;
    let (_, _, bp, be) = bounds(vm, &h, pos, endpos)?;
    let hay = &h.str()[..be];
    let g = |c: &regex::Captures, i: usize| Value::str(c.get(i).map_or("", |m| m.as_str()));
    let items = all_caps(pat, hay, bp, 0)
        .iter()
        .map(|c| match pat.groups {
            0 => g(c, 0),
            1 => g(c, 1),
            n => Value::tuple((1..=n).map(|i| g(c, i)).collect()),
        })
        .collect();
    Ok(Value::list(items))
}

fn finditer(
    vm: &mut Vm,
    cls: &Classes,
    pat: &Arc<PatInner>,
    pv: &Value,
    s: &Value,
    pos: Option<Value>,
    endpos: Option<Value>,
) -> PyResult {
    let h = Hay::new(vm, s)?;
    let (p, e, bp, be) = bounds(vm, &h, pos, endpos)?;
    let hay = &h.str()[..be];
    let items = all_caps(pat, hay, bp, 0).iter().map(|c| make_match(cls, pat, pv, &h, c, p, e)).collect();
    vm.get_iter(&Value::list(items))
}

fn split(vm: &mut Vm, pat: &Arc<PatInner>, s: &Value, maxsplit: i64) -> PyResult {
    let h = Hay::new(vm, s)?;
    if maxsplit < 0 {
        return Ok(Value::list(vec![s.clone()]));
    }
    let hay = h.str();
    let mut out = Vec::new();
    let mut last = 0;
    for c in all_caps(pat, hay, 0, maxsplit as usize) {
        let m = c.get(0).unwrap();
        out.push(Value::str(&hay[last..m.start()]));
        for i in 1..c.len() {
            out.push(c.get(i).map_or(Value::None, |x| Value::str(x.as_str())));
        }
        last = m.end();
    }
    out.push(Value::str(&hay[last..]));
    Ok(Value::list(out))
}

/// Creates the `re` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("re"));
    let obj = std::slice::from_ref(&vm.rt.types.object);
    let pat = new_builtin_class("Pattern", obj, Layout::Opaque);
    let mat = new_builtin_class("Match", obj, Layout::Opaque);
    let err = new_builtin_class("error", &[vm.rt.types.exc("Exception")], Layout::Exception);
    for c in [&pat, &mat, &err] {
        c.dict.set_item_str("__module__", Value::str("re"));
    }
    let cls = Arc::new(Classes { pat: pat.clone(), mat: mat.clone(), err: err.clone() });
    for (n, v) in [
        ("IGNORECASE", I),
        ("I", I),
        ("LOCALE", L),
        ("L", L),
        ("MULTILINE", M),
        ("M", M),
        ("DOTALL", S),
        ("S", S),
        ("UNICODE", U),
        ("U", U),
        ("VERBOSE", X),
        ("X", X),
        ("ASCII", A),
        ("A", A),
        ("NOFLAG", 0),
    ] {
        d.set_item_str(n, Value::Int(v));
    }
    d.set_item_str("error", Value::Class(err));
    d.set_item_str("Pattern", Value::Class(pat.clone()));
    d.set_item_str("Match", Value::Class(mat.clone()));

    // Module-level functions.
    let c = cls.clone();
    def(&d, "compile", move |vm, mut a| {
        let p = a.arg(0, "pattern").ok_or_else(|| vm.type_error("compile() missing required argument 'pattern'"))?;
        let f = a.arg(1, "flags");
        let f = flags_arg(vm, f)?;
        Ok(get_pat(vm, &c, &p, f)?.1)
    });
    for (name, mode) in [("search", Mode::Search), ("match", Mode::Match), ("fullmatch", Mode::Full)] {
        let c = cls.clone();
        def(&d, name, move |vm, mut a| {
            let p = a.arg(0, "pattern");
            let s = a.arg(1, "string");
            let (Some(p), Some(s)) = (p, s) else {
                return Err(vm.type_error(&format!("{name}() missing required arguments")));
            };
            let f = a.arg(2, "flags");
            let f = flags_arg(vm, f)?;
            let (pi, pv) = get_pat(vm, &c, &p, f)?;
            let h = Hay::new(vm, &s)?;
            let b = bounds(vm, &h, None, None)?;
            Ok(do_match(&c, &pi, &pv, &h, mode, b))
        });
    }
    let c = cls.clone();
    def(&d, "findall", move |vm, mut a| {
        a.check(vm, "findall", 2, 3)?;
        let f = a.arg(2, "flags");
        let f = flags_arg(vm, f)?;
        let (pi, _) = get_pat(vm, &c, &a.pos[0], f)?;
        findall(vm, &pi, &a.pos[1], None, None)
    });
    let c = cls.clone();
    def(&d, "finditer", move |vm, mut a| {
        a.check(vm, "finditer", 2, 3)?;
        let f = a.arg(2, "flags");
        let f = flags_arg(vm, f)?;
        let (pi, pv) = get_pat(vm, &c, &a.pos[0], f)?;
        finditer(vm, &c, &pi, &pv, &a.pos[1], None, None)
    });
    for (name, with_n) in [("sub", false), ("subn", true)] {
        let c = cls.clone();
        def(&d, name, move |vm, mut a| {
            a.check(vm, name, 3, 5)?;
            let count = a.arg(3, "count");
            let count = flags_arg(vm, count)?.max(0) as usize;
            let f = a.arg(4, "flags");
            let f = flags_arg(vm, f)?;
            let (pi, pv) = get_pat(vm, &c, &a.pos[0], f)?;
            let (s, n) = subn(vm, &c, &pi, &pv, &a.pos[1], &a.pos[2], count)?;
            Ok(if with_n { Value::tuple(vec![Value::string(s), Value::Int(n as i64)]) } else { Value::string(s) })
        });
    }
    let c = cls.clone();
    def(&d, "split", move |vm, mut a| {
        a.check(vm, "split", 2, 4)?;
        let ms = a.arg(2, "maxsplit");
        let ms = flags_arg(vm, ms)?;
        let f = a.arg(3, "flags");
        let f = flags_arg(vm, f)?;
        let (pi, _) = get_pat(vm, &c, &a.pos[0], f)?;
        split(vm, &pi, &a.pos[1], ms)
    });
    def(&d, "escape", |vm, a| {
        a.check(vm, "escape", 1, 1)?;
        match &a.pos[0] {
            Value::Str(s) => Ok(Value::string(escape(s.as_str()))),
            _ => Err(vm.type_error("gilt's re.escape supports only str")),
        }
    });
    def(&d, "purge", |_vm, _a| Ok(Value::None));

    // Pattern methods.
    for (name, mode) in [("search", Mode::Search), ("match", Mode::Match), ("fullmatch", Mode::Full)] {
        let c = cls.clone();
        def(&pat.dict, name, move |vm, mut a| {
            let (pi, pv) = this_p(vm, &a)?;
            let s = a.arg(1, "string").ok_or_else(|| vm.type_error(&format!("{name}() missing argument 'string'")))?;
            let p = a.arg(2, "pos");
            let e = a.arg(3, "endpos");
            let h = Hay::new(vm, &s)?;
            let b = bounds(vm, &h, p, e)?;
            Ok(do_match(&c, &pi, &pv, &h, mode, b))
        });
    }
    def(&pat.dict, "findall", move |vm, mut a| {
        let (pi, _) = this_p(vm, &a)?;
        let s = a.arg(1, "string").ok_or_else(|| vm.type_error("findall() missing argument 'string'"))?;
        let p = a.arg(2, "pos");
        let e = a.arg(3, "endpos");
        findall(vm, &pi, &s, p, e)
    });
    let c = cls.clone();
    def(&pat.dict, "finditer", move |vm, mut a| {
        let (pi, pv) = this_p(vm, &a)?;
        let s = a.arg(1, "string").ok_or_else(|| vm.type_error("finditer() missing argument 'string'"))?;
        let p = a.arg(2, "pos");
        let e = a.arg(3, "endpos");
        finditer(vm, &c, &pi, &pv, &s, p, e)
    });
    for (name, with_n) in [("sub", false), ("subn", true)] {
        let c = cls.clone();
        def(&pat.dict, name, move |vm, mut a| {
            a.check(vm, name, 3, 4)?;
            let (pi, pv) = this_p(vm, &a)?;
            let count = a.arg(3, "count");
            let count = flags_arg(vm, count)?.max(0) as usize;
            let (s, n) = subn(vm, &c, &pi, &pv, &a.pos[1], &a.pos[2], count)?;
            Ok(if with_n { Value::tuple(vec![Value::string(s), Value::Int(n as i64)]) } else { Value::string(s) })
        });
    }
    def(&pat.dict, "split", |vm, mut a| {
        a.check(vm, "split", 2, 3)?;
        let (pi, _) = this_p(vm, &a)?;
        let ms = a.arg(2, "maxsplit");
        let ms = flags_arg(vm, ms)?;
        split(vm, &pi, &a.pos[1], ms)
    });
    def(&pat.dict, "__repr__", |vm, a| {
        let (pi, _) = this_p(vm, &a)?;
        let r = vm.repr_of(&pi.pattern)?;
        let f = flags_repr(pi.flags);
        Ok(Value::string(if f.is_empty() { format!("re.compile({r})") } else { format!("re.compile({r}, {f})") }))
    });
    prop(vm, &pat, "pattern", |vm, a| Ok(this_p(vm, a)?.0.pattern.clone()));
    prop(vm, &pat, "flags", |vm, a| Ok(Value::Int(this_p(vm, a)?.0.flags)));
    prop(vm, &pat, "groups", |vm, a| Ok(Value::Int(this_p(vm, a)?.0.groups as i64)));
    prop(vm, &pat, "groupindex", |vm, a| {
        let pi = this_p(vm, a)?.0;
        let gd = Dict::new();
        for (i, n) in pi.names.iter().enumerate() {
            if let Some(n) = n {
                gd.set_item_str(n, Value::Int(i as i64));
            }
        }
        Ok(Value::Dict(Arc::new(gd)))
    });

    // Match methods.
    def(&mat.dict, "group", |vm, a| {
        let m = this_m(vm, &a)?;
        if a.pos.len() <= 1 {
            return Ok(group_val(m, 0, &Value::None));
        }
        let mut vals = Vec::new();
        for v in &a.pos[1..] {
            let i = group_index(vm, m, v)?;
            vals.push(group_val(m, i, &Value::None));
        }
        Ok(if vals.len() == 1 { vals.pop().unwrap() } else { Value::tuple(vals) })
    });
    def(&mat.dict, "__getitem__", |vm, a| {
        a.check(vm, "__getitem__", 2, 2)?;
        let m = this_m(vm, &a)?;
        let i = group_index(vm, m, &a.pos[1])?;
        Ok(group_val(m, i, &Value::None))
    });
    def(&mat.dict, "groups", |vm, mut a| {
        let dflt = a.arg(1, "default").unwrap_or(Value::None);
        let m = this_m(vm, &a)?;
        Ok(Value::tuple((1..m.bspans.len()).map(|i| group_val(m, i, &dflt)).collect()))
    });
    def(&mat.dict, "groupdict", |vm, mut a| {
        let dflt = a.arg(1, "default").unwrap_or(Value::None);
        let m = this_m(vm, &a)?;
        let gd = Dict::new();
        for (i, n) in m.pat.names.iter().enumerate() {
            if let Some(n) = n {
                gd.set_item_str(n, group_val(m, i, &dflt));
            }
        }
        Ok(Value::Dict(Arc::new(gd)))
    });
    for (name, which) in [("start", 0u8), ("end", 1), ("span", 2)] {
        def(&mat.dict, name, move |vm, a| {
            let m = this_m(vm, &a)?;
            let i = match a.pos.get(1) {
                Some(v) => group_index(vm, m, v)?,
                None => 0,
            };
            let (s, e) = m.cspans[i].map_or((-1, -1), |(s, e)| (s as i64, e as i64));
            Ok(match which {
                0 => Value::Int(s),
                1 => Value::Int(e),
                _ => Value::tuple(vec![Value::Int(s), Value::Int(e)]),
            })
        });
    }
    def(&mat.dict, "__repr__", |vm, a| {
        let m = this_m(vm, &a)?;
        let (s, e) = m.cspans[0].unwrap_or((0, 0));
        let g = group_val(m, 0, &Value::None);
        let r = vm.repr_of(&g)?;
        Ok(Value::string(format!("<re.Match object; span=({s}, {e}), match={r}>")))
    });
    def(&mat.dict, "__bool__", |_vm, _a| Ok(Value::Bool(true)));
    prop(vm, &mat, "string", |vm, a| Ok(this_m(vm, a)?.string.clone()));
    prop(vm, &mat, "re", |vm, a| Ok(this_m(vm, a)?.pat_val.clone()));
    prop(vm, &mat, "pos", |vm, a| Ok(Value::Int(this_m(vm, a)?.pos as i64)));
    prop(vm, &mat, "endpos", |vm, a| Ok(Value::Int(this_m(vm, a)?.endpos as i64)));
    fn lastindex(m: &MatObj) -> Option<usize> {
        // The matched group that closed last (outermost on ties).
        let mut best: Option<(usize, usize)> = None;
        for (i, sp) in m.bspans.iter().enumerate().skip(1) {
            if let Some((_, e)) = sp
                && best.is_none_or(|(_, be)| *e > be)
            {
                best = Some((i, *e));
            }
        }
        best.map(|(i, _)| i)
    }
    prop(vm, &mat, "lastindex", |vm, a| Ok(lastindex(this_m(vm, a)?).map_or(Value::None, |i| Value::Int(i as i64))));
    prop(vm, &mat, "lastgroup", |vm, a| {
        let m = this_m(vm, a)?;
        Ok(lastindex(m).and_then(|i| m.pat.names[i].clone()).map_or(Value::None, Value::string))
    });
    Ok(Value::Module(Arc::new(Module { name: Arc::from("re"), dict: d })))
}
