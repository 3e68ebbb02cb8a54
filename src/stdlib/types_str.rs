//! Methods of `str`: searching, splitting, case mapping, predicates,
//! padding and the dunders used by subclasses. `str.format` lives in
//! `str_format.rs`, the bytes methods in `types_bytes.rs`.

use std::sync::Arc;

use super::method;
use crate::object::numfmt;
use crate::object::str::PyStr;
use crate::object::str_case;
use crate::object::value::Value;
use crate::parse::ast::{BinOp, CmpOp};
use crate::vm::{Args, PyResult, Runtime, Vm};

/// CPython's TypeError for a built-in method called on the wrong type:
/// slot wrappers (`__add__`, `__len__`) and method descriptors (`upper`)
/// word it differently.
pub fn descriptor_mismatch(fname: &str, owner: &str, got: &str) -> String {
    let slot = fname.starts_with("__") && fname.ends_with("__") && !matches!(fname, "__format__" | "__sizeof__");
    if slot {
        format!("descriptor '{fname}' requires a '{owner}' object but received a '{got}'")
    } else {
        format!("descriptor '{fname}' for '{owner}' objects doesn't apply to a '{got}' object")
    }
}

/// The `str` receiver of a method: a str or an instance of a str subclass.
pub fn recv_str(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<Arc<PyStr>> {
    match a.pos.first() {
        Some(v) => match as_pystr(v) {
            Some(s) => Ok(s),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(&descriptor_mismatch(fname, "str", &tn)))
            }
        },
        None => Err(vm.type_error(&format!("descriptor '{fname}' of 'str' object needs an argument"))),
    }
}

/// The string inside a `str` value or str-subclass instance.
pub fn as_pystr(v: &Value) -> Option<Arc<PyStr>> {
    match v {
        Value::Str(s) => Some(s.clone()),
        Value::Instance(_) => match crate::vm::ops::payload_of(v) {
            Some(Value::Str(s)) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// A str argument, or a TypeError "`what` must be str, not int".
pub fn str_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Arc<PyStr>> {
    match as_pystr(v) {
        Some(s) => Ok(s),
        None => {
            // An empty `what` is CPython's bare "must be str, not int"
            // (`partition`, `count`: the type's name, `NoneType`); a named
            // one is Argument Clinic's, which calls None "None".
            let tn = if what.is_empty() { vm.type_name(v) } else { clinic_type_name(vm, v) };
            let sep = if what.is_empty() { "" } else { " " };
            Err(vm.type_error(&format!("{what}{sep}must be str, not {tn}")))
        }
    }
}

/// The type name Argument Clinic's "must be X, not Y" errors show: "None"
/// for None itself, the type's name otherwise.
pub fn clinic_type_name(vm: &Vm, v: &Value) -> String {
    if matches!(v, Value::None) { "None".to_string() } else { vm.type_name(v) }
}

/// Resolves optional `start`/`end` arguments (None allowed) against a
/// length like a slice does; the result may have start > end.
pub fn norm_range(vm: &mut Vm, start: Option<&Value>, end: Option<&Value>, len: usize) -> PyResult<(usize, usize)> {
    let len = len as i64;
    let fix = |i: i64| -> i64 { if i < 0 { (i + len).max(0) } else { i.min(len) } };
    let s = match start {
        None | Some(Value::None) => 0,
        Some(v) => fix(vm.slice_bound(v)?),
    };
    let e = match end {
        None | Some(Value::None) => len,
        Some(v) => fix(vm.slice_bound(v)?),
    };
    Ok((s as usize, e as usize))
}

/// Raw start value (for the "start beyond the end" rules of find/startswith).
pub(crate) fn raw_start(vm: &mut Vm, start: Option<&Value>, len: usize) -> PyResult<i64> {
    match start {
        None | Some(Value::None) => Ok(0),
        Some(v) => {
            let i = vm.slice_bound(v)?;
            Ok(if i < 0 { (i + len as i64).max(0) } else { i })
        }
    }
}

fn s(v: String) -> PyResult {
    Ok(Value::string(v))
}

/// Splits on runs of Python whitespace, at most `maxsplit` times (< 0: no limit).
pub fn split_whitespace(st: &str, maxsplit: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = st.trim_start_matches(numfmt::is_py_space);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 >= maxsplit {
            out.push(rest.to_string());
            break;
        }
        let end = rest.find(numfmt::is_py_space).unwrap_or(rest.len());
        out.push(rest[..end].to_string());
        rest = rest[end..].trim_start_matches(numfmt::is_py_space);
    }
    out
}

fn rsplit_whitespace(st: &str, maxsplit: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = st.trim_end_matches(numfmt::is_py_space);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 >= maxsplit {
            out.push(rest.to_string());
            break;
        }
        let start = rest
            .rfind(numfmt::is_py_space)
            .map(|i| i + rest[i..].chars().next().map_or(1, |c| c.len_utf8()))
            .unwrap_or(0);
        out.push(rest[start..].to_string());
        rest = rest[..start].trim_end_matches(numfmt::is_py_space);
    }
    out.reverse();
    out
}

fn strs_to_list(v: Vec<String>) -> Value {
    Value::list(v.into_iter().map(Value::string).collect())
}

/// An optional str argument (None or missing gives `None`); `msg` builds
/// the whole TypeError message from the wrong argument's type name, since
/// CPython words it differently per method ("strip arg must be None or str",
/// "must be str or None, not int", "encode() argument 'errors' must be str, not int").
fn opt_str(vm: &mut Vm, v: Option<Value>, msg: impl FnOnce(&str) -> String) -> PyResult<Option<Arc<PyStr>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match as_pystr(&v) {
            Some(s) => Ok(Some(s)),
            None => {
                let tn = vm.type_name(&v);
                Err(vm.type_error(&msg(&tn)))
            }
        },
    }
}

/// `maxsplit`: a C `Py_ssize_t` (OverflowError past it, as CPython).
fn maxsplit_arg(vm: &mut Vm, a: &mut Args, i: usize) -> PyResult<i64> {
    match a.arg(i, "maxsplit") {
        None => Ok(-1),
        Some(v) => vm.ssize_index(&v),
    }
}

fn strip_impl(vm: &mut Vm, mut a: Args, name: &str, left: bool, right: bool) -> PyResult {
    let st = recv_str(vm, &a, name)?;
    let chars = opt_str(vm, a.arg(1, "chars"), |_| format!("{name} arg must be None or str"))?;
    let x = st.as_str();
    let r = match &chars {
        None => {
            let mut r = x;
            if left {
                r = r.trim_start_matches(numfmt::is_py_space);
            }
            if right {
                r = r.trim_end_matches(numfmt::is_py_space);
            }
            r
        }
        Some(cs) => {
            let set: Vec<char> = cs.as_str().chars().collect();
            let mut r = x;
            if left {
                r = r.trim_start_matches(|c| set.contains(&c));
            }
            if right {
                r = r.trim_end_matches(|c| set.contains(&c));
            }
            r
        }
    };
    if r.len() == x.len() && matches!(a.pos[0], Value::Str(_)) {
        return Ok(a.pos[0].clone());
    }
    Ok(Value::str(r))
}

/// `find`/`rfind`/`index`/`rindex`: code-point index of `sub` or -1.
fn find_impl(vm: &mut Vm, a: Args, name: &str, rev: bool) -> PyResult<i64> {
    a.check(vm, name, 2, 4)?;
    let st = recv_str(vm, &a, name)?;
    // CPython converts start and end before it checks the substring's type.
    let len = st.char_len();
    let rs = raw_start(vm, a.pos.get(2), len)?;
    let (b, e) = norm_range(vm, a.pos.get(2), a.pos.get(3), len)?;
    let sub = str_arg(vm, &a.pos[1].clone(), "")?;
    if rs > len as i64 || b > e {
        return Ok(-1);
    }
    Ok(st.find_in(&sub, b, e, rev).map_or(-1, |i| i as i64))
}

fn starts_ends(vm: &mut Vm, a: Args, name: &str, ends: bool) -> PyResult {
    // The everyday case (`s.endswith("x")`) without building a prefix list.
    if let ([Value::Str(st), Value::Str(p)], true) = (a.pos.as_slice(), a.kw.is_empty()) {
        let (hay, p) = (st.as_str(), p.as_str());
        return Ok(Value::Bool(if ends { hay.ends_with(p) } else { hay.starts_with(p) }));
    }
    a.check(vm, name, 2, 4)?;
    let st = recv_str(vm, &a, name)?;
    let len = st.char_len();
    let rs = raw_start(vm, a.pos.get(2), len)?;
    let (b, e) = norm_range(vm, a.pos.get(2), a.pos.get(3), len)?;
    let prefixes: Vec<Value> = match &a.pos[1] {
        Value::Tuple(t) => t.items.to_vec(),
        v => vec![v.clone()],
    };
    for p in prefixes {
        let Some(p) = as_pystr(&p) else {
            let tn = vm.type_name(&a.pos[1]);
            let what = if ends { "endswith" } else { "startswith" };
            let msg = if matches!(a.pos[1], Value::Tuple(_)) {
                format!("tuple for {what} must only contain str, not {}", vm.type_name(&p))
            } else {
                format!("{what} first arg must be str or a tuple of str, not {tn}")
            };
            return Err(vm.type_error(&msg));
        };
        if rs > len as i64 || b > e {
            continue;
        }
        let hay = st.substring(b, e);
        if (ends && hay.ends_with(p.as_str())) || (!ends && hay.starts_with(p.as_str())) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// `s.split(sep, max)` for a non-empty separator: a one-character
/// separator (the common `","`) takes the char searcher, which is much
/// faster than the general substring one.
fn split_on(s: &str, sep: &str, max: i64) -> Vec<String> {
    let mut chars = sep.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if max < 0 => s.split(c).map(String::from).collect(),
        (Some(c), None) => s.splitn(max as usize + 1, c).map(String::from).collect(),
        _ if max < 0 => s.split(sep).map(String::from).collect(),
        _ => s.splitn(max as usize + 1, sep).map(String::from).collect(),
    }
}

/// `str.isdigit()` of one character: a decimal or another digit (², ⒈).
fn is_digit_char(c: char) -> bool {
    numfmt::decimal_value(c).is_some() || crate::object::str_case::is_nondecimal_digit(c)
}

fn pred(rt: &Runtime, name: &'static str, empty: bool, f: fn(&str) -> bool) {
    method(&rt.types.str_, name, move |vm, a| {
        let st = recv_str(vm, &a, name)?;
        let x = st.as_str();
        if name == "isprintable" && st.has_surrogates() {
            // A lone surrogate (category Cs) is not printable; the text shows it as U+FFFD.
            return Ok(Value::Bool(false));
        }
        Ok(Value::Bool(if x.is_empty() { empty } else { f(x) }))
    });
}

/// `str.__mul__`/`__rmul__` (CPython's sq_repeat): the count goes through `__index__`,
/// so a non-integer is a TypeError, not NotImplemented.
fn repeat_str(vm: &mut Vm, st: Arc<PyStr>, n: Option<&Value>) -> PyResult {
    let Some(n) = n else { return Ok(Value::NotImplemented) };
    let indexable = match n {
        Value::Int(_) | Value::Boolean(_) | Value::BigInt(_) => true,
        Value::Instance(_) => vm.class_of(n).lookup("__index__").is_some(),
        _ => false,
    };
    if !indexable {
        let tn = vm.type_name(n);
        return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
    }
    vm.binary_op(&Value::Str(st), n, BinOp::Mult)
}

fn pad(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Arc<PyStr>, usize, char)> {
    a.check(vm, name, 2, 3)?;
    let st = recv_str(vm, a, name)?;
    let w = vm.ssize_index(&a.pos[1])?;
    let fill = match a.pos.get(2) {
        None => ' ',
        Some(v) => {
            let f = as_pystr(v).ok_or_else(|| {
                let tn = vm.type_name(v);
                vm.type_error(&format!("The fill character must be a unicode character, not {tn}"))
            })?;
            if f.char_len() != 1 {
                return Err(vm.type_error("The fill character must be exactly one character long"));
            }
            f.char_at(0)
        }
    };
    // The result is allocated before it is filled: a width beyond memory
    // is CPython's MemoryError, not an abort (or minutes of filling).
    vm.check_alloc(w.max(0) as u128 * fill.len_utf8() as u128)?;
    Ok((st, w.max(0) as usize, fill))
}

/// An argument CPython converts to a C int through `__index__` (`expandtabs`'s
/// tab size, `splitlines`' keepends, `hex`'s bytes_per_sep).
pub(crate) fn c_int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match vm.exact_index(v)? {
        Some(Value::Int(i)) if i32::try_from(i).is_ok() => Ok(i),
        Some(_) => Err(vm.overflow_error("Python int too large to convert to C int")),
        None => vm.index_of(v),
    }
}

/// The length `expandtabs` will produce from these characters (or bytes),
/// worked out before anything is allocated: CPython's OverflowError past
/// `sys.maxsize`, so that the caller can check the allocation first.
pub(crate) fn expanded_len(units: impl Iterator<Item = u32>, ts: i64, vm: &Vm) -> PyResult<u128> {
    let (mut total, mut col) = (0u128, 0u128);
    for u in units {
        match u {
            9 => {
                if ts > 0 {
                    let n = ts as u128 - col % ts as u128;
                    col += n;
                    total += n;
                }
            }
            10 | 13 => {
                col = 0;
                total += 1;
            }
            _ => {
                col += 1;
                total += 1;
            }
        }
        if total > i64::MAX as u128 {
            return Err(vm.overflow_error("new string is too long"));
        }
    }
    Ok(total)
}

fn fill(c: char, n: usize) -> String {
    std::iter::repeat_n(c, n).collect()
}

/// Splits at line boundaries (`str.splitlines`).
pub fn splitlines(x: &str, keepends: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = x.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let is_break =
            matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if !is_break {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && it.peek().map(|p| p.1) == Some('\n') {
            it.next();
            end += 1;
        }
        out.push(if keepends { x[start..end].to_string() } else { x[start..i].to_string() });
        start = end;
    }
    if start < x.len() {
        out.push(x[start..].to_string());
    }
    out
}

/// Encodes a str (`str.encode`) through the codec registry.
pub fn encode(vm: &mut Vm, x: &Arc<PyStr>, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    super::mod_codecs::encode_pystr(vm, x, encoding, errors)
}

fn cmp_op(rt: &Runtime, name: &'static str, op: CmpOp) {
    method(&rt.types.str_, name, move |vm, a| {
        let st = recv_str(vm, &a, name)?;
        let Some(o) = a.pos.get(1).and_then(as_pystr) else { return Ok(Value::NotImplemented) };
        let ord = st.cmp_str(&o);
        Ok(Value::Bool(crate::vm::ops::cmp_result(ord, op)))
    });
}

/// Registers the str methods.
pub fn register(rt: &Runtime) {
    let c = &rt.types.str_;
    method(c, "split", |vm, mut a| {
        let st = recv_str(vm, &a, "split")?;
        // Argument Clinic converts maxsplit while parsing; sep is checked after.
        let sep_arg = a.arg(1, "sep");
        let max = maxsplit_arg(vm, &mut a, 2)?;
        a.no_extra_kw(vm, "split")?;
        let sep = opt_str(vm, sep_arg, |tn| format!("must be str or None, not {tn}"))?;
        match sep {
            None => Ok(strs_to_list(split_whitespace(st.as_str(), max))),
            Some(sep) if sep.as_str().is_empty() => Err(vm.value_error("empty separator")),
            Some(sep) => Ok(strs_to_list(split_on(st.as_str(), sep.as_str(), max))),
        }
    });
    method(c, "rsplit", |vm, mut a| {
        let st = recv_str(vm, &a, "rsplit")?;
        // Argument Clinic converts maxsplit while parsing; sep is checked after.
        let sep_arg = a.arg(1, "sep");
        let max = maxsplit_arg(vm, &mut a, 2)?;
        a.no_extra_kw(vm, "rsplit")?;
        let sep = opt_str(vm, sep_arg, |tn| format!("must be str or None, not {tn}"))?;
        match sep {
            None => Ok(strs_to_list(rsplit_whitespace(st.as_str(), max))),
            Some(sep) if sep.as_str().is_empty() => Err(vm.value_error("empty separator")),
            Some(sep) => {
                let mut v: Vec<String> = if max < 0 {
                    st.as_str().rsplit(sep.as_str()).map(String::from).collect()
                } else {
                    st.as_str().rsplitn(max as usize + 1, sep.as_str()).map(String::from).collect()
                };
                v.reverse();
                Ok(strs_to_list(v))
            }
        }
    });
    method(c, "join", |vm, a| {
        a.check(vm, "join", 2, 2)?;
        let st = recv_str(vm, &a, "join")?;
        let items = match &a.pos[1] {
            Value::List(l) => l.snapshot(),
            Value::Tuple(t) => t.items.to_vec(),
            v => {
                // Only a failure to iterate is reworded; an error the iteration
                // itself raises (a generator's TypeError) goes through as it is.
                let it = vm.get_iter(v).map_err(|e| {
                    if vm.is_exc(&e, "TypeError") { vm.type_error("can only join an iterable") } else { e }
                })?;
                let mut out = Vec::new();
                while let Some(x) = vm.next_value(&it)? {
                    out.push(x);
                }
                out
            }
        };
        // Generalized UTF-8 throughout: it is the text itself unless some
        // part holds a lone surrogate.
        let sep = st.wide_utf8();
        let mut out = Vec::new();
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(sep);
            }
            match it {
                Value::Str(x) => out.extend_from_slice(x.wide_utf8()),
                other => match as_pystr(other) {
                    Some(x) => out.extend_from_slice(x.wide_utf8()),
                    None => {
                        let tn = vm.type_name(other);
                        return Err(vm.type_error(&format!("sequence item {i}: expected str instance, {tn} found")));
                    }
                },
            }
        }
        Ok(crate::object::str::wide_value(out))
    });
    method(c, "strip", |vm, a| strip_impl(vm, a, "strip", true, true));
    method(c, "lstrip", |vm, a| strip_impl(vm, a, "lstrip", true, false));
    method(c, "rstrip", |vm, a| strip_impl(vm, a, "rstrip", false, true));
    method(c, "replace", |vm, mut a| {
        let st = recv_str(vm, &a, "replace")?;
        if a.pos.len() < 3 {
            return Err(
                vm.type_error(&format!("replace expected at least 2 arguments, got {}", a.pos.len().saturating_sub(1)))
            );
        }
        let old = str_arg(vm, &a.pos[1].clone(), "replace() argument 1")?;
        let new = str_arg(vm, &a.pos[2].clone(), "replace() argument 2")?;
        let count = match a.arg(3, "count") {
            None => -1,
            Some(v) => vm.ssize_index(&v)?,
        };
        let r = if count < 0 {
            st.as_str().replace(old.as_str(), new.as_str())
        } else {
            st.as_str().replacen(old.as_str(), new.as_str(), count as usize)
        };
        s(r)
    });
    method(c, "find", |vm, a| Ok(Value::Int(find_impl(vm, a, "find", false)?)));
    method(c, "rfind", |vm, a| Ok(Value::Int(find_impl(vm, a, "rfind", true)?)));
    method(c, "index", |vm, a| match find_impl(vm, a, "index", false)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    });
    method(c, "rindex", |vm, a| match find_impl(vm, a, "rindex", true)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    });
    method(c, "count", |vm, a| {
        a.check(vm, "count", 2, 4)?;
        let st = recv_str(vm, &a, "count")?;
        // As find: start and end are converted before the substring is checked.
        let len = st.char_len();
        let rs = raw_start(vm, a.pos.get(2), len)?;
        let (b, e) = norm_range(vm, a.pos.get(2), a.pos.get(3), len)?;
        let sub = str_arg(vm, &a.pos[1].clone(), "")?;
        if rs > len as i64 || b > e {
            return Ok(Value::Int(0));
        }
        let hay = st.substring(b, e);
        let n = if sub.as_str().is_empty() { e - b + 1 } else { hay.matches(sub.as_str()).count() };
        Ok(Value::Int(n as i64))
    });
    method(c, "startswith", |vm, a| starts_ends(vm, a, "startswith", false));
    method(c, "endswith", |vm, a| starts_ends(vm, a, "endswith", true));
    method(c, "upper", |vm, a| s(recv_str(vm, &a, "upper")?.as_str().to_uppercase()));
    method(c, "lower", |vm, a| s(recv_str(vm, &a, "lower")?.as_str().to_lowercase()));
    method(c, "casefold", |vm, a| s(str_case::casefold(recv_str(vm, &a, "casefold")?.as_str())));
    method(c, "title", |vm, a| s(str_case::title(recv_str(vm, &a, "title")?.as_str())));
    method(c, "capitalize", |vm, a| s(str_case::capitalize(recv_str(vm, &a, "capitalize")?.as_str())));
    method(c, "swapcase", |vm, a| s(str_case::swapcase(recv_str(vm, &a, "swapcase")?.as_str())));
    pred(rt, "isdigit", false, |x| x.chars().all(is_digit_char));
    pred(rt, "isdecimal", false, |x| x.chars().all(|c| numfmt::decimal_value(c).is_some()));
    pred(rt, "isnumeric", false, |x| x.chars().all(str_case::is_numeric));
    pred(rt, "isalpha", false, |x| x.chars().all(|c| c.is_alphabetic()));
    pred(rt, "isalnum", false, |x| x.chars().all(|c| c.is_alphabetic() || c.is_numeric()));
    pred(rt, "isspace", false, |x| x.chars().all(numfmt::is_py_space));
    pred(rt, "isascii", true, |x| x.is_ascii());
    pred(rt, "isprintable", true, |x| x.chars().all(numfmt::is_printable));
    // A titlecase letter (ǅ) is neither, and makes the whole string neither.
    pred(rt, "isupper", false, |x| {
        x.chars().any(|c| c.is_uppercase()) && !x.chars().any(|c| c.is_lowercase() || is_titlecase(c))
    });
    pred(rt, "islower", false, |x| {
        x.chars().any(|c| c.is_lowercase()) && !x.chars().any(|c| c.is_uppercase() || is_titlecase(c))
    });
    // Titlecase letters (ǅ) start a word as uppercase ones do.
    pred(rt, "istitle", false, |x| {
        let (mut prev_cased, mut any) = (false, false);
        for c in x.chars() {
            if c.is_uppercase() || is_titlecase(c) {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else if c.is_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else {
                prev_cased = false;
            }
        }
        any
    });
    pred(rt, "isidentifier", false, |x| {
        let mut it = x.chars();
        let f = it.next().unwrap_or(' ');
        (f == '_' || f.is_alphabetic()) && it.all(|c| c == '_' || c.is_alphanumeric())
    });
    method(c, "center", |vm, a| {
        let (st, w, f) = pad(vm, &a, "center")?;
        let n = st.char_len();
        if w <= n {
            return Ok(Value::Str(st));
        }
        let marg = w - n;
        let left = marg / 2 + (marg & w & 1);
        s(format!("{}{}{}", fill(f, left), st.as_str(), fill(f, marg - left)))
    });
    method(c, "ljust", |vm, a| {
        let (st, w, f) = pad(vm, &a, "ljust")?;
        let n = st.char_len();
        if w <= n {
            return Ok(Value::Str(st));
        }
        s(format!("{}{}", st.as_str(), fill(f, w - n)))
    });
    method(c, "rjust", |vm, a| {
        let (st, w, f) = pad(vm, &a, "rjust")?;
        let n = st.char_len();
        if w <= n {
            return Ok(Value::Str(st));
        }
        s(format!("{}{}", fill(f, w - n), st.as_str()))
    });
    method(c, "zfill", |vm, a| {
        a.check(vm, "zfill", 2, 2)?;
        let st = recv_str(vm, &a, "zfill")?;
        let w = vm.ssize_index(&a.pos[1])?.max(0) as usize;
        vm.check_alloc(w as u128)?;
        let n = st.char_len();
        if w <= n {
            return Ok(Value::Str(st));
        }
        let x = st.as_str();
        let (sign, rest) = match x.chars().next() {
            Some(c @ ('+' | '-')) => (c.to_string(), &x[1..]),
            _ => (String::new(), x),
        };
        s(format!("{sign}{}{rest}", "0".repeat(w - n)))
    });
    method(c, "partition", |vm, a| {
        a.check(vm, "partition", 2, 2)?;
        let st = recv_str(vm, &a, "partition")?;
        let sep = str_arg(vm, &a.pos[1].clone(), "")?;
        if sep.as_str().is_empty() {
            return Err(vm.value_error("empty separator"));
        }
        let x = st.as_str();
        Ok(match x.find(sep.as_str()) {
            Some(i) => Value::tuple(vec![
                Value::str(&x[..i]),
                Value::Str(sep.clone()),
                Value::str(&x[i + sep.as_str().len()..]),
            ]),
            None => Value::tuple(vec![Value::Str(st.clone()), Value::str(""), Value::str("")]),
        })
    });
    method(c, "rpartition", |vm, a| {
        a.check(vm, "rpartition", 2, 2)?;
        let st = recv_str(vm, &a, "rpartition")?;
        let sep = str_arg(vm, &a.pos[1].clone(), "")?;
        if sep.as_str().is_empty() {
            return Err(vm.value_error("empty separator"));
        }
        let x = st.as_str();
        Ok(match x.rfind(sep.as_str()) {
            Some(i) => Value::tuple(vec![
                Value::str(&x[..i]),
                Value::Str(sep.clone()),
                Value::str(&x[i + sep.as_str().len()..]),
            ]),
            None => Value::tuple(vec![Value::str(""), Value::str(""), Value::Str(st.clone())]),
        })
    });
    method(c, "splitlines", |vm, mut a| {
        let st = recv_str(vm, &a, "splitlines")?;
        // Argument Clinic's `bool(accept={int})`: an int (through `__index__`)
        // that fits a C int, not any truthy object.
        let keep = match a.arg(1, "keepends") {
            Some(v) => c_int_arg(vm, &v)? != 0,
            None => false,
        };
        Ok(strs_to_list(splitlines(st.as_str(), keep)))
    });
    method(c, "encode", |vm, mut a| {
        let st = recv_str(vm, &a, "encode")?;
        // Both are `str` to Argument Clinic: None is rejected, not a default.
        let enc = match a.arg(1, "encoding") {
            Some(v) => Some(str_arg(vm, &v, "encode() argument 'encoding'")?),
            None => None,
        };
        let errors = match a.arg(2, "errors") {
            Some(v) => Some(str_arg(vm, &v, "encode() argument 'errors'")?),
            None => None,
        };
        let b = encode(
            vm,
            &st,
            enc.as_ref().map_or("utf-8", |e| e.as_str()),
            errors.as_ref().map_or("strict", |e| e.as_str()),
        )?;
        Ok(Value::Bytes(Arc::new(b)))
    });
    method(c, "expandtabs", |vm, mut a| {
        let st = recv_str(vm, &a, "expandtabs")?;
        let ts = match a.arg(1, "tabsize") {
            Some(v) => c_int_arg(vm, &v)?,
            None => 8,
        };
        let x = st.as_str();
        vm.check_alloc(expanded_len(x.chars().map(|c| c as u32), ts, vm)?)?;
        let mut out = String::new();
        let mut col: i64 = 0;
        for ch in x.chars() {
            match ch {
                '\t' => {
                    if ts > 0 {
                        let n = ts - col % ts;
                        out.push_str(&" ".repeat(n as usize));
                        col += n;
                    }
                }
                '\n' | '\r' => {
                    out.push(ch);
                    col = 0;
                }
                _ => {
                    out.push(ch);
                    col += 1;
                }
            }
        }
        s(out)
    });
    method(c, "removeprefix", |vm, a| {
        a.check(vm, "removeprefix", 2, 2)?;
        let st = recv_str(vm, &a, "removeprefix")?;
        let p = str_arg(vm, &a.pos[1].clone(), "removeprefix() argument")?;
        Ok(match st.as_str().strip_prefix(p.as_str()) {
            Some(r) => Value::str(r),
            None => Value::Str(st.clone()),
        })
    });
    method(c, "removesuffix", |vm, a| {
        a.check(vm, "removesuffix", 2, 2)?;
        let st = recv_str(vm, &a, "removesuffix")?;
        let p = str_arg(vm, &a.pos[1].clone(), "removesuffix() argument")?;
        Ok(match st.as_str().strip_suffix(p.as_str()) {
            Some(r) if !p.as_str().is_empty() => Value::str(r),
            _ => Value::Str(st.clone()),
        })
    });
    register_dunders(rt);
    super::str_format::register(rt);
}

fn register_dunders(rt: &Runtime) {
    let c = &rt.types.str_;
    method(c, "__len__", |vm, a| Ok(Value::Int(recv_str(vm, &a, "__len__")?.char_len() as i64)));
    method(c, "__contains__", |vm, a| {
        a.check(vm, "__contains__", 2, 2)?;
        let st = recv_str(vm, &a, "__contains__")?;
        let Some(sub) = as_pystr(&a.pos[1]) else {
            let tn = vm.type_name(&a.pos[1]);
            return Err(vm.type_error(&format!("'in <string>' requires string as left operand, not {tn}")));
        };
        Ok(Value::Bool(st.contains(&sub)))
    });
    method(c, "__getitem__", |vm, a| {
        a.check(vm, "__getitem__", 2, 2)?;
        let st = recv_str(vm, &a, "__getitem__")?;
        vm.get_item(&Value::Str(st), &a.pos[1])
    });
    method(c, "__add__", |vm, a| {
        let st = recv_str(vm, &a, "__add__")?;
        a.expect_after_self(vm, 1)?;
        // The wrapper of CPython's sq_concat, which raises rather than returning
        // NotImplemented (operators never call it: `+` tries `__radd__` first).
        match as_pystr(&a.pos[1]) {
            Some(o) => Ok(Value::Str(Arc::new(st.concat(&o)))),
            None => {
                let tn = vm.type_name(&a.pos[1]);
                Err(vm.type_error(&format!("can only concatenate str (not \"{tn}\") to str")))
            }
        }
    });
    method(c, "__mul__", |vm, a| {
        let st = recv_str(vm, &a, "__mul__")?;
        repeat_str(vm, st, a.pos.get(1))
    });
    method(c, "__rmul__", |vm, a| {
        let st = recv_str(vm, &a, "__rmul__")?;
        repeat_str(vm, st, a.pos.get(1))
    });
    method(c, "__mod__", |vm, a| {
        a.check(vm, "__mod__", 2, 2)?;
        let st = recv_str(vm, &a, "__mod__")?;
        s(vm.percent_format(st.as_str(), &a.pos[1])?)
    });
    method(c, "__eq__", |vm, a| {
        let st = recv_str(vm, &a, "__eq__")?;
        Ok(match a.pos.get(1).and_then(as_pystr) {
            Some(o) => Value::Bool(*st == *o),
            None => Value::NotImplemented,
        })
    });
    method(c, "__ne__", |vm, a| {
        let st = recv_str(vm, &a, "__ne__")?;
        Ok(match a.pos.get(1).and_then(as_pystr) {
            Some(o) => Value::Bool(*st != *o),
            None => Value::NotImplemented,
        })
    });
    cmp_op(rt, "__lt__", CmpOp::Lt);
    cmp_op(rt, "__le__", CmpOp::LtE);
    cmp_op(rt, "__gt__", CmpOp::Gt);
    cmp_op(rt, "__ge__", CmpOp::GtE);
    method(c, "__hash__", |vm, a| Ok(Value::Int(recv_str(vm, &a, "__hash__")?.hash())));
    method(c, "__iter__", |vm, a| {
        let st = recv_str(vm, &a, "__iter__")?;
        vm.get_iter(&Value::Str(st))
    });
    method(c, "__str__", |vm, a| Ok(Value::Str(recv_str(vm, &a, "__str__")?)));
    method(c, "__repr__", |vm, a| {
        let st = recv_str(vm, &a, "__repr__")?;
        if st.has_surrogates() {
            return s(numfmt::cps_repr(st.code_points(), false));
        }
        s(numfmt::py_str_repr(st.as_str()))
    });
    method(c, "__format__", |vm, a| {
        let st = recv_str(vm, &a, "__format__")?;
        if a.pos.len() != 2 {
            let n = a.pos.len().saturating_sub(1);
            return Err(vm.type_error(&format!("str.__format__() takes exactly one argument ({n} given)")));
        }
        let spec = str_arg(vm, &a.pos[1].clone(), "__format__() argument")?;
        s(vm.format_builtin(&a.pos[0], &Value::Str(st), spec.as_str())?)
    });
    // A copy, as CPython's: the argument is never the string itself.
    method(c, "__getnewargs__", |vm, a| {
        let st = recv_str(vm, &a, "__getnewargs__")?;
        Ok(Value::tuple(vec![Value::str(st.as_str())]))
    });
}

/// Unicode's titlecase letters (category Lt, Unicode 14.0.0), which neither
/// `char::is_uppercase` nor `char::is_lowercase` includes.
fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x1c5 | 0x1c8 | 0x1cb | 0x1f2 | 0x1f88..=0x1f8f | 0x1f98..=0x1f9f | 0x1fa8..=0x1faf | 0x1fbc | 0x1fcc | 0x1ffc)
}
