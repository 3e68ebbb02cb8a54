//! The loops of `Pattern.findall`, `split` and `sub`/`subn`, stepping one
//! engine run through the subject as CPython's `_sre` does: after an empty
//! match the next one must start further on, and a template with
//! backslashes is compiled by `re._subx` (the Python side).

use std::sync::Arc;

use super::builtins_attr::is_callable;
use super::mod_sre::{Classes, PatInner};
use super::sre_match::new_match;
use super::sre_subject::{Mode, Runner, Subject, with_drive};
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// `findall`: the whole match, the one group, or a tuple of all groups;
/// a group that did not take part is an empty string.
pub fn findall(vm: &mut Vm, inner: &PatInner, subj: &Subject, pos: usize, endpos: usize) -> PyResult {
    let sl = subj.slicer();
    let empty = subj.empty();
    let mut out = Vec::new();
    with_drive!(subj, s => {
        let mut r = Runner::new(s, &inner.code, pos, endpos, inner.groups);
        while let Some(f) = r.next(vm, Mode::Search)? {
            out.push(match inner.groups {
                0 => sl.group(&f.spans, 0, &empty),
                1 => sl.group(&f.spans, 1, &empty),
                n => Value::tuple((1..=n).map(|i| sl.group(&f.spans, i, &empty)).collect()),
            });
        }
    });
    Ok(Value::list(out))
}

/// `split`: the pieces between matches, each match's groups between them
/// (None for a group that did not take part); at most `maxsplit` splits
/// when it is positive, none when it is negative.
pub fn split(vm: &mut Vm, inner: &PatInner, subj: &Subject, maxsplit: isize) -> PyResult {
    let sl = subj.slicer();
    let len = subj.size();
    let mut out = Vec::new();
    let mut last = 0;
    with_drive!(subj, s => {
        let mut r = Runner::new(s, &inner.code, 0, len, inner.groups);
        let mut n = 0;
        while maxsplit == 0 || n < maxsplit {
            let Some(f) = r.next(vm, Mode::Search)? else { break };
            let (b, e) = f.spans[0];
            out.push(sl.slice(last, b as usize));
            for i in 1..=inner.groups {
                out.push(sl.group(&f.spans, i, &Value::None));
            }
            n += 1;
            last = e as usize;
        }
    });
    out.push(sl.slice(last, len));
    Ok(Value::list(out))
}

/// What replaces each match in `sub`.
enum Filter {
    Call(Value),
    Literal(Value),
}

/// The filter for `repl`: a callable as it is; a str or bytes without a
/// backslash as a literal; anything else through `re._subx`, which returns
/// a literal or a function expanding the template.
fn filter(vm: &mut Vm, pat: &Value, repl: &Value) -> PyResult<Filter> {
    if is_callable(vm, repl) {
        return Ok(Filter::Call(repl.clone()));
    }
    let literal = match Subject::from_value(vm, repl) {
        Ok(Subject::Str(s)) => !s.as_str().contains('\\'),
        Ok(Subject::Bytes(b)) => !b.contains(&b'\\'),
        Err(_) => false,
    };
    if literal {
        return Ok(Filter::Literal(repl.clone()));
    }
    let re = vm.import_name("re", 0, true)?;
    let subx = vm.get_attr(&re, &Arc::new(PyStr::new("_subx")))?;
    let f = vm.call(&subx, vec![pat.clone(), repl.clone()])?;
    Ok(if is_callable(vm, &f) { Filter::Call(f) } else { Filter::Literal(f) })
}

/// `sub` / `subn`: the new string and the number of replacements (at most
/// `count` when it is positive, none when it is negative).
pub fn subx(
    vm: &mut Vm,
    (cls, pat, inner): (&Arc<Classes>, &Value, &Arc<PatInner>),
    repl: &Value,
    string: &Value,
    count: isize,
) -> PyResult<(Value, usize)> {
    let subj = inner.subject(vm, string)?;
    let filter = filter(vm, pat, repl)?;
    let sl = subj.slicer();
    let len = subj.size();
    let mut parts = Vec::new();
    let mut i = 0;
    let mut n = 0usize;
    with_drive!(&subj, s => {
        let mut r = Runner::new(s, &inner.code, 0, len, inner.groups);
        while count == 0 || (n as isize) < count {
            let Some(f) = r.next(vm, Mode::Search)? else { break };
            let (b, e) = (f.spans[0].0 as usize, f.spans[0].1 as usize);
            if i < b {
                parts.push(sl.slice(i, b));
            }
            let item = match &filter {
                Filter::Call(func) => {
                    let m = new_match(cls, pat, inner, string, subj.clone(), f, (0, len));
                    vm.call(func, vec![m])?
                }
                Filter::Literal(v) => v.clone(),
            };
            if !item.is_none() {
                parts.push(item);
            }
            i = e;
            n += 1;
        }
    });
    if i < len {
        parts.push(sl.slice(i, len));
    }
    let joiner = subj.empty();
    let out = match parts.len() {
        0 => joiner,
        _ => vm.call_method(&joiner, "join", vec![Value::list(parts)])?,
    };
    Ok((out, n))
}
