//! `re.Match` and the `_sre` scanner (`Pattern.scanner`, behind `finditer`
//! and `re.Scanner`): a match keeps its subject and every group's span; a
//! scanner keeps a paused engine run and steps it on each call.

use std::sync::Arc;

use parking_lot::Mutex;

use super::def;
use super::mod_sre::{Classes, PatInner, clinic, prop, ssize};
use super::sre_subject::{Found, Mode, Resume, Runner, Span, Subject, with_drive};
use crate::object::class::Class;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// A `re.Match` object.
pub struct MatObj {
    pat: Value,
    inner: Arc<PatInner>,
    string: Value,
    subj: Subject,
    /// Group 0 (the whole match) first; `(-1, -1)` for a group that did not take part.
    spans: Vec<Span>,
    lastindex: isize,
    pos: usize,
    endpos: usize,
    class: Arc<Class>,
}

/// The `_sre.SRE_Scanner` behind `finditer`: a paused run over one subject.
pub struct ScanObj {
    pat: Value,
    inner: Arc<PatInner>,
    string: Value,
    subj: Subject,
    bounds: (usize, usize),
    /// Held while the engine steps (it never runs Python), so threads
    /// sharing one `finditer` with the GIL off take turns.
    run: Mutex<Resume>,
    cls: Arc<Classes>,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(MatObj, ScanObj);

/// A Match for `found` in `string` (searched over `pos..endpos`).
pub fn new_match(
    cls: &Arc<Classes>,
    pat: &Value,
    inner: &Arc<PatInner>,
    string: &Value,
    subj: Subject,
    found: Found,
    (pos, endpos): (usize, usize),
) -> Value {
    Value::from_native(Arc::new(MatObj {
        pat: pat.clone(),
        inner: inner.clone(),
        string: string.clone(),
        subj,
        spans: found.spans,
        lastindex: found.lastindex,
        pos,
        endpos,
        class: cls.mat.clone(),
    }))
}

/// A scanner over `string` between `bounds`.
pub fn new_scanner(
    cls: &Arc<Classes>,
    pat: &Value,
    inner: &Arc<PatInner>,
    string: &Value,
    subj: Subject,
    bounds: (usize, usize),
) -> Value {
    Value::from_native(Arc::new(ScanObj {
        pat: pat.clone(),
        inner: inner.clone(),
        string: string.clone(),
        subj,
        bounds,
        run: Mutex::new(Resume::default()),
        cls: cls.clone(),
        class: cls.scan.clone(),
    }))
}

impl ScanObj {
    /// One step: the next match (`match` or `search`) from where the last ended.
    fn step(&self, vm: &mut Vm, mode: Mode) -> PyResult {
        let mut run = self.run.lock();
        let resume = std::mem::take(&mut *run);
        let (code, ng) = (&self.inner.code, self.inner.groups);
        let (found, resume) = with_drive!(&self.subj, s => {
            let mut r = Runner::resume(s, code, self.bounds, ng, resume);
            let found = r.next(vm, mode);
            if !matches!(found, Ok(Some(_))) {
                r.exhaust();
            }
            (found, r.pause())
        });
        *run = resume;
        drop(run);
        Ok(match found? {
            Some(f) => new_match(&self.cls, &self.pat, &self.inner, &self.string, self.subj.clone(), f, self.bounds),
            None => Value::None,
        })
    }
}

impl MatObj {
    /// CPython's group lookup: an index, or a name from the pattern's groupindex.
    fn index(&self, vm: &mut Vm, v: &Value) -> PyResult<usize> {
        let is_index = match v {
            Value::Int(_) | Value::Boolean(_) | Value::BigInt(_) => true,
            Value::Instance(i) => i.class.lookup_user("__index__").is_some(),
            _ => false,
        };
        let i = if is_index {
            ssize(vm, v).unwrap_or(isize::MAX)
        } else {
            match vm.dict_get(&self.inner.groupindex, v)? {
                Some(Value::Int(n)) => n as isize,
                _ => -1,
            }
        };
        if i < 0 || i as usize >= self.spans.len() {
            return Err(vm.index_error("no such group"));
        }
        Ok(i as usize)
    }

    fn group(&self, i: usize, dflt: &Value) -> Value {
        match self.spans[i] {
            (a, b) if a >= 0 => self.subj.slice(a as usize, b as usize),
            _ => dflt.clone(),
        }
    }

    fn group_of(&self, vm: &mut Vm, v: &Value) -> PyResult {
        let i = self.index(vm, v)?;
        Ok(self.group(i, &Value::None))
    }
}

fn this_m<'a>(vm: &mut Vm, a: &'a Args, name: &str) -> PyResult<&'a MatObj> {
    match a.native_self::<MatObj>() {
        Some(m) => Ok(m),
        None => Err(vm.type_error(&format!("descriptor '{name}' for 're.Match' objects doesn't apply to this object"))),
    }
}

fn this_s<'a>(vm: &mut Vm, a: &'a Args, name: &str) -> PyResult<&'a ScanObj> {
    match a.native_self::<ScanObj>() {
        Some(s) => Ok(s),
        None => Err(vm.type_error(&format!("descriptor '{name}' requires a '_sre.SRE_Scanner' object"))),
    }
}

/// `start` / `end` / `span` take one optional positional group.
fn span_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Span> {
    let m = this_m(vm, a, name)?;
    a.no_kw(vm, name)?;
    if a.pos.len() > 2 {
        return Err(vm.type_error(&format!("{name} expected at most 1 argument, got {}", a.pos.len() - 1)));
    }
    let i = match a.pos.get(1) {
        Some(v) => m.index(vm, v)?,
        None => 0,
    };
    Ok(m.spans[i])
}

fn span_value((a, b): Span) -> Value {
    Value::tuple(vec![Value::Int(a as i64), Value::Int(b as i64)])
}

/// Match and scanner methods.
pub fn register(vm: &Vm, cls: &Arc<Classes>) {
    let mat = &cls.mat;
    def(&mat.dict, "group", |vm, a| {
        let m = this_m(vm, &a, "group")?;
        a.no_kw(vm, "group")?;
        match a.pos.len() {
            1 => Ok(m.group(0, &Value::None)),
            2 => m.group_of(vm, &a.pos[1]),
            _ => {
                let mut items = Vec::with_capacity(a.pos.len() - 1);
                for v in &a.pos[1..] {
                    items.push(m.group_of(vm, v)?);
                }
                Ok(Value::tuple(items))
            }
        }
    });
    def(&mat.dict, "__getitem__", |vm, a| {
        let m = this_m(vm, &a, "__getitem__")?;
        a.check_method(vm, "__getitem__", 1, 1)?;
        m.group_of(vm, &a.pos[1])
    });
    def(&mat.dict, "groups", |vm, a| {
        let m = this_m(vm, &a, "groups")?;
        let v = clinic(vm, &a, 1, "groups", &["default"], 0)?;
        let dflt = v[0].clone().unwrap_or(Value::None);
        Ok(Value::tuple((1..m.spans.len()).map(|i| m.group(i, &dflt)).collect()))
    });
    def(&mat.dict, "groupdict", |vm, a| {
        let m = this_m(vm, &a, "groupdict")?;
        let v = clinic(vm, &a, 1, "groupdict", &["default"], 0)?;
        let dflt = v[0].clone().unwrap_or(Value::None);
        let out = Arc::new(Dict::new());
        let out_v = Value::Dict(out.clone());
        for (k, _) in m.inner.groupindex.snapshot().items() {
            let i = m.index(vm, &k)?;
            let g = m.group(i, &dflt);
            vm.set_item(&out_v, k, g)?;
        }
        Ok(out_v)
    });
    for (name, which) in [("start", 0u8), ("end", 1), ("span", 2)] {
        def(&mat.dict, name, move |vm, a| {
            let sp = span_arg(vm, &a, name)?;
            Ok(match which {
                0 => Value::Int(sp.0 as i64),
                1 => Value::Int(sp.1 as i64),
                _ => span_value(sp),
            })
        });
    }
    def(&mat.dict, "expand", |vm, a| {
        let m = this_m(vm, &a, "expand")?;
        let v = clinic(vm, &a, 1, "expand", &["template"], 1)?;
        let re = vm.import_name("re", 0, true)?;
        let f = vm.get_attr(&re, &Arc::new(crate::object::str::PyStr::new("_expand")))?;
        let template = v[0].clone().unwrap_or(Value::None);
        vm.call(&f, vec![m.pat.clone(), a.pos[0].clone(), template])
    });
    def(&mat.dict, "__copy__", |vm, a| {
        this_m(vm, &a, "__copy__")?;
        Ok(a.pos[0].clone())
    });
    def(&mat.dict, "__deepcopy__", |vm, a| {
        this_m(vm, &a, "__deepcopy__")?;
        clinic(vm, &a, 1, "__deepcopy__", &["memo"], 1)?;
        Ok(a.pos[0].clone())
    });
    def(&mat.dict, "__repr__", |vm, a| {
        let m = this_m(vm, &a, "__repr__")?;
        let r = vm.repr_of(&m.group(0, &Value::None))?;
        let r: String = r.chars().take(50).collect();
        let (s, e) = m.spans[0];
        Ok(Value::string(format!("<re.Match object; span=({s}, {e}), match={r}>")))
    });
    prop(vm, mat, "string", |vm, a| Ok(this_m(vm, a, "string")?.string.clone()));
    prop(vm, mat, "re", |vm, a| Ok(this_m(vm, a, "re")?.pat.clone()));
    prop(vm, mat, "pos", |vm, a| Ok(Value::Int(this_m(vm, a, "pos")?.pos as i64)));
    prop(vm, mat, "endpos", |vm, a| Ok(Value::Int(this_m(vm, a, "endpos")?.endpos as i64)));
    prop(vm, mat, "lastindex", |vm, a| {
        let m = this_m(vm, a, "lastindex")?;
        Ok(if m.lastindex >= 0 { Value::Int(m.lastindex as i64) } else { Value::None })
    });
    prop(vm, mat, "lastgroup", |vm, a| {
        let m = this_m(vm, a, "lastgroup")?;
        if let Value::Tuple(t) = &m.inner.indexgroup
            && m.lastindex >= 0
            && let Some(v) = t.items.get(m.lastindex as usize)
        {
            return Ok(v.clone());
        }
        Ok(Value::None)
    });
    prop(vm, mat, "regs", |vm, a| {
        let m = this_m(vm, a, "regs")?;
        Ok(Value::tuple(m.spans.iter().map(|s| span_value(*s)).collect()))
    });

    let scan = &cls.scan;
    for (name, mode) in [("match", Mode::Match), ("search", Mode::Search)] {
        def(&scan.dict, name, move |vm, a| {
            let s = this_s(vm, &a, name)?;
            a.check_method(vm, name, 0, 0)?;
            s.step(vm, mode)
        });
    }
    prop(vm, scan, "pattern", |vm, a| Ok(this_s(vm, a, "pattern")?.pat.clone()));
}
