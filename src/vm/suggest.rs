//! "Did you mean" suggestions under an uncaught NameError or AttributeError,
//! as CPython 3.11's C traceback printer adds them (`. Did you mean: 'x'?`).
//!
//! They are computed at print time from the exception's `name` (and `obj`
//! for AttributeError): the candidates are `dir(obj)`, or the innermost
//! traceback frame's local variable names, then its globals, then the
//! builtins. The closest candidate by an edit distance (a case change costs
//! half a substitution) wins if no more than about a third of the characters
//! involved change. CPython 3.11's `traceback.py` offers none, so only the
//! C-style printer calls this.

use super::Vm;
use crate::object::value::Value;

/// Lists longer than this are not searched (a huge namespace would make
/// printing an error slow).
const MAX_CANDIDATES: usize = 750;
/// Names longer than this (after the common prefix and suffix are removed)
/// are never considered close.
const MAX_LEN: usize = 40;
/// The cost of inserting, deleting or replacing one byte.
const MOVE_COST: usize = 2;
/// The cost of replacing a byte by the same ASCII letter in the other case.
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The weighted edit distance between two UTF-8 byte strings, or anything
/// above `max_cost` once it is certain to exceed it.
fn distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let suf = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - suf], &b[..b.len() - suf]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_LEN || b.len() > MAX_LEN {
        return max_cost + 1;
    }
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row per byte of `b`, one column per byte of `a`.
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &bc) in b.iter().enumerate() {
        let mut diag = bi * MOVE_COST;
        result = diag;
        let mut row_min = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let sub = diag + substitution_cost(ac, bc);
            diag = row[ai];
            let del_ins = result.min(diag) + MOVE_COST;
            result = del_ins.min(sub);
            row[ai] = result;
            row_min = row_min.min(result);
        }
        if row_min > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest of `candidates` to `name`, if any is close enough; the first
/// of equally close ones wins.
pub fn closest<'a>(name: &str, candidates: &'a [String]) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let mut max = (name.len() + c.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), c.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((c, d));
        }
    }
    best.map(|(s, _)| s)
}

fn str_keys(d: &crate::object::dict::Dict) -> Vec<String> {
    d.lock().keys().iter().filter_map(|k| k.as_str().map(|s| s.as_str().to_string())).collect()
}

impl Vm {
    /// The suggestion CPython 3.11 prints after the message of `exc`, or
    /// None (not a NameError/AttributeError, no `name`, nothing close).
    pub fn offer_suggestion(&mut self, exc: &Value) -> Option<String> {
        let Value::Instance(inst) = exc else { return None };
        let name_err = inst.class.is_subclass(&self.rt.types.exc("NameError"));
        let attr_err = inst.class.is_subclass(&self.rt.types.exc("AttributeError"));
        if !name_err && !attr_err {
            return None;
        }
        let Some(Value::Str(name)) = inst.dict.get_item_str("name") else { return None };
        let name = name.as_str().to_string();
        if attr_err {
            let obj = inst.dict.get_item_str("obj").unwrap_or(Value::None);
            let dir = self.rt.builtins.get_item_str("dir")?;
            let listed = self.call(&dir, vec![obj]).ok()?;
            let items = self.collect(&listed).ok()?;
            let names: Vec<String> = items.iter().filter_map(|v| v.as_str().map(|s| s.as_str().to_string())).collect();
            return closest(&name, &names).map(str::to_string);
        }
        // NameError: the innermost frame of the traceback.
        let frame = inst.exc()?.lock().traceback.first().and_then(|e| e.frame.clone())?;
        let locals: Vec<String> = frame.code.varnames.iter().map(|s| s.as_str().to_string()).collect();
        if let Some(s) = closest(&name, &locals) {
            return Some(s.to_string());
        }
        if let Some(s) = closest(&name, &str_keys(&frame.globals)) {
            return Some(s.to_string());
        }
        let builtins = match frame.globals.get_item_str("__builtins__") {
            Some(Value::Dict(d)) => d,
            Some(Value::Module(m)) => m.dict.clone(),
            _ => self.rt.builtins.clone(),
        };
        closest(&name, &str_keys(&builtins)).map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(name: &str, cands: &[&str]) -> Option<String> {
        let v: Vec<String> = cands.iter().map(|s| s.to_string()).collect();
        closest(name, &v).map(str::to_string)
    }

    #[test]
    fn picks_close_names() {
        assert_eq!(c("pritn", &["print", "len"]), Some("print".into()));
        assert_eq!(c("apend", &["append", "extend"]), Some("append".into()));
        assert_eq!(c("y", &["x"]), None);
        assert_eq!(c("Print", &["print"]), Some("print".into()));
        assert_eq!(c("foo", &["foo"]), None);
    }
}
