//! `MatchPattern`: matching a subject against a compiled `case` pattern
//! (`bytecode::pattern`) with CPython 3.11's semantics (`ceval.c`:
//! `match_class`, `match_keys`, `MATCH_SEQUENCE`, `MATCH_MAPPING`).

use std::sync::Arc;

use super::Vm;
use crate::bytecode::pattern::Pat;
use crate::object::class::Class;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::PyResult;

/// Built-in types whose instances a one-positional class pattern matches as
/// a whole (`case int(x)`), CPython's `_Py_TPFLAGS_MATCH_SELF`.
const MATCH_SELF: &[&str] =
    &["bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str", "tuple"];

fn in_mro(cls: &Arc<Class>, builtin: &[&str], any: &[&str]) -> bool {
    cls.mro_with_self().any(|c| {
        let n = c.name();
        (c.builtin && builtin.contains(&n.as_str())) || any.contains(&n.as_str())
    })
}

/// Which kind of collection a class is for `case [...]` and `case {...}`:
/// CPython's Py_TPFLAGS_SEQUENCE / MAPPING, which a class takes from the
/// first class of its MRO that has one (`class M(UserDict, Sequence)` is a
/// mapping). `None`: neither (str, bytes and bytearray have no flag).
fn collection_kind(cls: &Arc<Class>) -> Option<bool> {
    for c in cls.mro_with_self() {
        let n = c.name();
        let n = n.as_str();
        if c.builtin {
            match n {
                "list" | "tuple" | "range" | "memoryview" | "array" | "deque" => return Some(true),
                "dict" => return Some(false),
                _ => {}
            }
        } else {
            match n {
                "Sequence" | "MutableSequence" | "deque" => return Some(true),
                "Mapping" | "MutableMapping" => return Some(false),
                _ => {}
            }
        }
    }
    None
}

impl Vm {
    /// Is `v` a sequence for sequence patterns (not str, bytes or bytearray)?
    fn match_sequence(&self, v: &Value) -> bool {
        match v {
            Value::List(_) | Value::Tuple(_) | Value::Range(_) => true,
            Value::Str(_) | Value::Bytes(_) | Value::Dict(_) => false,
            _ => {
                let cls = self.class_of(v);
                collection_kind(&cls) == Some(true) && !in_mro(&cls, &["str", "bytes", "bytearray"], &[])
            }
        }
    }

    /// Is `v` a mapping for mapping patterns?
    fn match_mapping(&self, v: &Value) -> bool {
        match v {
            Value::Dict(_) => true,
            Value::Instance(_) => collection_kind(&self.class_of(v)) == Some(false),
            _ => false,
        }
    }

    /// Matches `subject` against `p`; `values` are the pattern's evaluated
    /// values, captures land in `binds` (meaningful only on success).
    pub fn match_pat(&mut self, p: &Pat, subject: &Value, values: &[Value], binds: &mut [Value]) -> PyResult<bool> {
        Ok(match p {
            Pat::Wildcard => true,
            Pat::Capture(s) => {
                binds[*s as usize] = subject.clone();
                true
            }
            Pat::Eq(i) => self.eq(subject, &values[*i as usize])?,
            Pat::Is(k) => match k {
                0 => matches!(subject, Value::None),
                1 => subject.is(&Value::Bool(true)),
                _ => subject.is(&Value::Bool(false)),
            },
            Pat::Seq { items, star } => {
                if !self.match_sequence(subject) {
                    return Ok(false);
                }
                let len = self.len_of(subject)?;
                if star.is_none() && len != items.len() || star.is_some() && len < items.len() {
                    return Ok(false);
                }
                // `case x, y, *_:` on another sequence reads only the items
                // it names, by index (CPython's pattern_helper_sequence_subscr):
                // `range(1 << 30)` is never copied.
                if let (Some((at, None)), false) = (star, matches!(subject, Value::List(_) | Value::Tuple(_))) {
                    for (i, pat) in items.iter().enumerate() {
                        let index = if i < *at { i } else { len - (items.len() - i) };
                        let v = self.get_item(subject, &Value::Int(index as i64))?;
                        if !self.match_pat(pat, &v, values, binds)? {
                            return Ok(false);
                        }
                    }
                    return Ok(true);
                }
                let all: Vec<Value> = match subject {
                    Value::List(l) => l.lock().clone(),
                    Value::Tuple(t) => t.items.to_vec(),
                    _ => {
                        let mut v = Vec::with_capacity(len);
                        for i in 0..len {
                            v.push(self.get_item(subject, &Value::Int(i as i64))?);
                        }
                        v
                    }
                };
                if all.len() != len {
                    return Ok(false);
                }
                let (before, after) = match star {
                    Some((at, _)) => (*at, items.len() - at),
                    None => (items.len(), 0),
                };
                for (pat, v) in items[..before].iter().zip(&all[..before]) {
                    if !self.match_pat(pat, v, values, binds)? {
                        return Ok(false);
                    }
                }
                for (pat, v) in items[before..].iter().zip(&all[len - after..]) {
                    if !self.match_pat(pat, v, values, binds)? {
                        return Ok(false);
                    }
                }
                if let Some((_, Some(slot))) = star {
                    binds[*slot as usize] = Value::list(all[before..len - after].to_vec());
                }
                true
            }
            Pat::Map { keys, pats, rest } => {
                if !self.match_mapping(subject) {
                    return Ok(false);
                }
                if self.len_of(subject)? < keys.len() {
                    return Ok(false);
                }
                let sentinel = self.call_builtin("object", vec![])?;
                for (k, pat) in keys.iter().zip(pats) {
                    let key = &values[*k as usize];
                    let found = match self.as_dict(subject) {
                        Some(d) if matches!(subject, Value::Dict(_)) => self.dict_get(&d, key)?,
                        _ => {
                            let v = self.call_method(subject, "get", vec![key.clone(), sentinel.clone()])?;
                            if v.is(&sentinel) { None } else { Some(v) }
                        }
                    };
                    match found {
                        Some(v) if self.match_pat(pat, &v, values, binds)? => {}
                        _ => return Ok(false),
                    }
                }
                if let Some(slot) = rest {
                    let copy = self.call_builtin("dict", vec![subject.clone()])?;
                    if let Some(d) = self.as_dict(&copy) {
                        for k in keys {
                            self.dict_del(&d, &values[*k as usize])?;
                        }
                    }
                    binds[*slot as usize] = copy;
                }
                true
            }
            Pat::Class { cls, pos, kw } => {
                let cls_v = &values[*cls as usize];
                let Value::Class(cls) = cls_v else {
                    return Err(self.type_error("called match pattern must be a type"));
                };
                if !self.isinstance(subject, cls_v)? {
                    return Ok(false);
                }
                let cls = cls.clone();
                let mut attrs: Vec<(Option<Arc<PyStr>>, &Pat)> = Vec::with_capacity(pos.len() + kw.len());
                if !pos.is_empty() {
                    self.match_positional(&cls, cls_v, pos, &mut attrs)?;
                }
                attrs.extend(kw.iter().map(|(n, p)| (Some(n.clone()), p)));
                for i in 0..attrs.len() {
                    if let Some(n) = &attrs[i].0
                        && attrs[..i].iter().any(|(o, _)| o.as_ref().is_some_and(|o| o.as_str() == n.as_str()))
                    {
                        let msg = format!(
                            "{}() got multiple sub-patterns for attribute '{}'",
                            cls.name().as_str(),
                            n.as_str()
                        );
                        return Err(self.type_error(&msg));
                    }
                }
                // CPython looks every attribute up before matching any sub-pattern.
                let mut got = Vec::with_capacity(attrs.len());
                for (name, _) in &attrs {
                    let v = match name {
                        None => subject.clone(),
                        Some(n) => match self.get_attr_opt(subject, n) {
                            Ok(Some(v)) => v,
                            Ok(None) => return Ok(false),
                            Err(e) if self.is_exc(&e, "AttributeError") => return Ok(false),
                            Err(e) => return Err(e),
                        },
                    };
                    got.push(v);
                }
                for ((_, pat), v) in attrs.iter().zip(&got) {
                    if !self.match_pat(pat, v, values, binds)? {
                        return Ok(false);
                    }
                }
                true
            }
            Pat::Or(alts) => {
                for a in alts {
                    if self.match_pat(a, subject, values, binds)? {
                        return Ok(true);
                    }
                }
                false
            }
            Pat::As(inner, slot) => {
                if !self.match_pat(inner, subject, values, binds)? {
                    return Ok(false);
                }
                binds[*slot as usize] = subject.clone();
                true
            }
        })
    }

    /// The attribute names of positional sub-patterns, from `__match_args__`
    /// (None: the subject itself, for the self-matching built-in types).
    fn match_positional<'p>(
        &mut self,
        cls: &Arc<Class>,
        cls_v: &Value,
        pos: &'p [Pat],
        attrs: &mut Vec<(Option<Arc<PyStr>>, &'p Pat)>,
    ) -> PyResult<()> {
        let tname = cls.name().as_str().to_string();
        let key = self.rt.intern("__match_args__");
        let margs = match self.get_attr_opt(cls_v, &key) {
            Ok(v) => v,
            Err(e) if self.is_exc(&e, "AttributeError") => None,
            Err(e) => return Err(e),
        };
        let names: Vec<Value> = match margs {
            None if in_mro(cls, MATCH_SELF, &[]) => {
                if pos.len() > 1 {
                    let msg = format!("{tname}() accepts 1 positional sub-pattern ({} given)", pos.len());
                    return Err(self.type_error(&msg));
                }
                attrs.push((None, &pos[0]));
                return Ok(());
            }
            None => Vec::new(),
            Some(Value::Tuple(t)) => t.items.to_vec(),
            Some(other) => {
                let msg = format!("{tname}.__match_args__ must be a tuple (got {})", self.type_name(&other));
                return Err(self.type_error(&msg));
            }
        };
        if pos.len() > names.len() {
            let s = if names.len() == 1 { "" } else { "s" };
            let msg = format!("{tname}() accepts {} positional sub-pattern{s} ({} given)", names.len(), pos.len());
            return Err(self.type_error(&msg));
        }
        for (n, p) in names.iter().zip(pos) {
            match n {
                Value::Str(s) => attrs.push((Some(s.clone()), p)),
                other => {
                    let msg = format!("__match_args__ elements must be strings (got {})", self.type_name(other));
                    return Err(self.type_error(&msg));
                }
            }
        }
        Ok(())
    }
}
