//! The decoding half of `_json`: `scanstring` and the scanner object that
//! `json.scanner.make_scanner` is (`_json.Scanner`), with the positions,
//! messages and `StopIteration(idx)` protocol of CPython 3.11's C scanner.

use std::sync::Arc;

use crate::object::class::Class;
use crate::object::dict::Dict;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::{Args, PyErr, PyResult, Vm};

/// `_json.Scanner`: the decoder's settings, read once from the context
/// (a `JSONDecoder`) when the scanner is made.
pub struct Scanner {
    pub strict: bool,
    pub object_hook: Value,
    pub object_pairs_hook: Value,
    /// `None` when it is `float` itself (parsed natively).
    pub parse_float: Option<Value>,
    /// `None` when it is `int` itself (parsed natively).
    pub parse_int: Option<Value>,
    pub parse_constant: Value,
    pub class: Arc<Class>,
}

crate::object::native::impl_native_object!(Scanner);

/// `json.decoder.JSONDecodeError(msg, doc, pos)`, ready to raise.
pub fn decode_error(vm: &mut Vm, doc: &Value, msg: &str, pos: i64) -> PyErr {
    let made = (|| {
        let m = vm.import_name("json.decoder", 0, true)?;
        let cls = vm.get_attr_str(&m, "JSONDecodeError")?.unwrap_or(Value::None);
        let e = vm.call(&cls, vec![Value::str(msg), doc.clone(), Value::Int(pos)])?;
        vm.make_raisable(e)
    })();
    made.unwrap_or_else(|e| e)
}

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

fn hex4(s: &[char]) -> Option<u32> {
    let mut v = 0u32;
    for c in s {
        v = v * 16 + c.to_digit(16)?;
    }
    Some(v)
}

/// Decodes the string body starting at `end` (just after the opening
/// quote); returns the text and the index after the closing quote.
pub fn scan_string(vm: &mut Vm, doc: &Value, s: &[char], end: usize, strict: bool) -> PyResult<(PyStr, usize)> {
    let len = s.len();
    let begin = end as i64 - 1;
    let mut out = crate::object::str_surr::WideString::default();
    let mut i = end;
    loop {
        let start = i;
        while i < len {
            let c = s[i];
            if c == '"' || c == '\\' {
                break;
            }
            if strict && (c as u32) < 0x20 {
                return Err(decode_error(vm, doc, "Invalid control character at", i as i64));
            }
            i += 1;
        }
        if i >= len {
            return Err(decode_error(vm, doc, "Unterminated string starting at", begin));
        }
        s[start..i].iter().for_each(|&c| out.push(c));
        if s[i] == '"' {
            return Ok((out.into_pystr(), i + 1));
        }
        i += 1;
        if i == len {
            return Err(decode_error(vm, doc, "Unterminated string starting at", begin));
        }
        let c = s[i];
        if c != 'u' {
            let r = match c {
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                'b' => '\x08',
                'f' => '\x0c',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => return Err(decode_error(vm, doc, "Invalid \\escape", i as i64 - 1)),
            };
            out.push(r);
            i += 1;
            continue;
        }
        // \uXXXX: the C scanner wants a character after the four digits.
        let upos = i as i64;
        let hex = i + 1;
        if hex + 4 >= len {
            return Err(decode_error(vm, doc, "Invalid \\uXXXX escape", upos));
        }
        let Some(mut cp) = hex4(&s[hex..hex + 4]) else {
            return Err(decode_error(vm, doc, "Invalid \\uXXXX escape", upos));
        };
        i = hex + 4;
        if (0xd800..0xdc00).contains(&cp) && i + 6 < len && s[i] == '\\' && s[i + 1] == 'u' {
            let Some(lo) = hex4(&s[i + 2..i + 6]) else {
                return Err(decode_error(vm, doc, "Invalid \\uXXXX escape", i as i64 + 1));
            };
            if (0xdc00..0xe000).contains(&lo) {
                cp = 0x10000 + (((cp - 0xd800) << 10) | (lo - 0xdc00));
                i += 6;
            }
        }
        // A lone surrogate escape is kept, as in CPython.
        out.push_cp(cp);
    }
}

/// One scanner call over a document.
struct Scan<'a> {
    sc: &'a Scanner,
    s: Vec<char>,
    doc: Value,
    /// Object keys seen in this document: equal keys share one string, as
    /// the C scanner's memo makes them.
    memo: std::cell::RefCell<std::collections::HashMap<String, Arc<PyStr>>>,
}

impl Scan<'_> {
    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.s.len() && is_ws(self.s[i]) {
            i += 1;
        }
        i
    }

    fn at(&self, i: usize, word: &str) -> bool {
        let n = word.chars().count();
        i + n <= self.s.len() && self.s[i..i + n].iter().copied().eq(word.chars())
    }

    fn err(&self, vm: &mut Vm, msg: &str, pos: usize) -> PyErr {
        decode_error(vm, &self.doc, msg, pos as i64)
    }

    fn once(&self, vm: &mut Vm, idx: usize) -> PyResult<(Value, usize)> {
        if idx >= self.s.len() {
            return Err(vm.stop_iteration(Some(Value::Int(idx as i64))));
        }
        match self.s[idx] {
            '"' => {
                let (t, end) = scan_string(vm, &self.doc, &self.s, idx + 1, self.sc.strict)?;
                Ok((Value::Str(Arc::new(t)), end))
            }
            '{' => vm.recursing(" while decoding a JSON object from a unicode string", |vm| self.object(vm, idx + 1)),
            '[' => vm.recursing(" while decoding a JSON array from a unicode string", |vm| self.array(vm, idx + 1)),
            'n' if self.at(idx, "null") => Ok((Value::None, idx + 4)),
            't' if self.at(idx, "true") => Ok((Value::Bool(true), idx + 4)),
            'f' if self.at(idx, "false") => Ok((Value::Bool(false), idx + 5)),
            'N' if self.at(idx, "NaN") => self.constant(vm, "NaN", idx + 3),
            'I' if self.at(idx, "Infinity") => self.constant(vm, "Infinity", idx + 8),
            '-' if self.at(idx, "-Infinity") => self.constant(vm, "-Infinity", idx + 9),
            _ => self.number(vm, idx),
        }
    }

    fn constant(&self, vm: &mut Vm, name: &str, end: usize) -> PyResult<(Value, usize)> {
        let v = vm.call(&self.sc.parse_constant, vec![Value::str(name)])?;
        Ok((v, end))
    }

    fn object(&self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        let s = &self.s;
        let pairs_hook = !self.sc.object_pairs_hook.is_none();
        let mut pairs: Vec<Value> = Vec::new();
        let dict = Dict::new();
        let mut idx = self.skip_ws(start);
        if idx >= s.len() || s[idx] != '}' {
            loop {
                if idx >= s.len() || s[idx] != '"' {
                    return Err(self.err(vm, "Expecting property name enclosed in double quotes", idx));
                }
                let (key, next) = scan_string(vm, &self.doc, s, idx + 1, self.sc.strict)?;
                idx = self.skip_ws(next);
                if idx >= s.len() || s[idx] != ':' {
                    return Err(self.err(vm, "Expecting ':' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
                let (val, next) = self.once(vm, idx)?;
                // The memo is keyed by text: a key with lone surrogates stays out of it.
                let key = if key.has_surrogates() {
                    Arc::new(key)
                } else {
                    let text = key.as_str().to_string();
                    self.memo.borrow_mut().entry(text).or_insert_with(|| Arc::new(key)).clone()
                };
                if pairs_hook {
                    pairs.push(Value::tuple(vec![Value::Str(key), val]));
                } else {
                    dict.set_str(&key, val);
                }
                idx = self.skip_ws(next);
                if idx < s.len() && s[idx] == '}' {
                    break;
                }
                if idx >= s.len() || s[idx] != ',' {
                    return Err(self.err(vm, "Expecting ',' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        let end = idx + 1;
        if pairs_hook {
            let v = vm.call(&self.sc.object_pairs_hook, vec![Value::list(pairs)])?;
            return Ok((v, end));
        }
        let d = Value::Dict(crate::object::gc::dict(Arc::new(dict)));
        if self.sc.object_hook.is_none() {
            return Ok((d, end));
        }
        Ok((vm.call(&self.sc.object_hook, vec![d])?, end))
    }

    fn array(&self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        let s = &self.s;
        let mut items = Vec::new();
        let mut idx = self.skip_ws(start);
        if idx >= s.len() || s[idx] != ']' {
            loop {
                let (val, next) = self.once(vm, idx)?;
                items.push(val);
                idx = self.skip_ws(next);
                if idx < s.len() && s[idx] == ']' {
                    break;
                }
                if idx >= s.len() || s[idx] != ',' {
                    return Err(self.err(vm, "Expecting ',' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        Ok((Value::list(items), idx + 1))
    }

    fn number(&self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        let s = &self.s;
        let len = s.len();
        let digit = |i: usize| i < len && s[i].is_ascii_digit();
        let stop = |vm: &mut Vm| Err(vm.stop_iteration(Some(Value::Int(start as i64))));
        let mut idx = start;
        if s[idx] == '-' {
            idx += 1;
            if idx >= len {
                return stop(vm);
            }
        }
        match s[idx] {
            '1'..='9' => {
                idx += 1;
                while digit(idx) {
                    idx += 1;
                }
            }
            '0' => idx += 1,
            _ => return stop(vm),
        }
        let mut is_float = false;
        if idx + 1 < len && s[idx] == '.' && digit(idx + 1) {
            is_float = true;
            idx += 2;
            while digit(idx) {
                idx += 1;
            }
        }
        if idx + 1 < len && (s[idx] == 'e' || s[idx] == 'E') {
            let e_start = idx;
            idx += 1;
            if idx + 1 < len && (s[idx] == '-' || s[idx] == '+') {
                idx += 1;
            }
            while digit(idx) {
                idx += 1;
            }
            if s[idx - 1].is_ascii_digit() {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        let text: String = s[start..idx].iter().collect();
        let custom = if is_float { &self.sc.parse_float } else { &self.sc.parse_int };
        if let Some(f) = custom {
            return Ok((vm.call(f, vec![Value::string(text)])?, idx));
        }
        let v = if is_float {
            let f = crate::object::numfmt::parse_float(&text).map_err(|m| vm.value_error(&m))?;
            Value::Float(f)
        } else if let Ok(i) = text.parse::<i64>() {
            Value::Int(i)
        } else {
            let b = crate::object::numfmt::parse_int(&text, 10).map_err(|m| vm.value_error(&m))?;
            Value::from_bigint(b)
        };
        Ok((v, idx))
    }
}

/// The characters of a str argument, or CPython's TypeError.
fn chars_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<char>> {
    let s = match v {
        Value::Str(s) => s.clone(),
        Value::Instance(i) => match i.builtin_value() {
            Some(Value::Str(s)) => s.clone(),
            _ => return Err(not_a_string(vm, v)),
        },
        _ => return Err(not_a_string(vm, v)),
    };
    Ok(s.as_str().chars().collect())
}

/// `first argument must be a string, not T`.
pub fn not_a_string(vm: &mut Vm, v: &Value) -> PyErr {
    let tn = vm.type_name(v);
    vm.type_error(&format!("first argument must be a string, not {tn}"))
}

/// `_json.scanstring(string, end, strict=True)` → `(str, end)`.
pub fn scanstring(vm: &mut Vm, a: Args) -> PyResult {
    a.posonly(vm, "scanstring", 2, 3)?;
    let end = vm.index_of(&a.pos[1])?;
    let s = chars_of(vm, &a.pos[0])?;
    let strict = match a.pos.get(2) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    if end < 0 || end as usize > s.len() {
        return Err(vm.value_error("end is out of bounds"));
    }
    let (t, next) = scan_string(vm, &a.pos[0], &s, end as usize, strict)?;
    Ok(Value::tuple(vec![Value::Str(Arc::new(t)), Value::Int(next as i64)]))
}

/// `_json.make_scanner(context)`: reads the decoder's settings.
pub fn new_scanner(vm: &mut Vm, cls: &Arc<Class>, a: Args) -> PyResult {
    let rest = Args::with_kw(a.pos[1.min(a.pos.len())..].to_vec(), a.kw.clone());
    let s = rest.clinic_slots(vm, "make_scanner", &["context"], 1)?;
    let ctx = s[0].clone().unwrap_or(Value::None);
    let get = |vm: &mut Vm, name: &str| -> PyResult<Value> {
        match vm.get_attr_str(&ctx, name)? {
            Some(v) => Ok(v),
            None => Err(vm.attribute_error(&ctx, name)),
        }
    };
    let strict = get(vm, "strict")?;
    let strict = vm.truthy(&strict)?;
    let object_hook = get(vm, "object_hook")?;
    let object_pairs_hook = get(vm, "object_pairs_hook")?;
    let parse_float = get(vm, "parse_float")?;
    let parse_int = get(vm, "parse_int")?;
    let parse_constant = get(vm, "parse_constant")?;
    let is = |v: &Value, c: &Arc<Class>| matches!(v, Value::Class(k) if Arc::ptr_eq(k, c));
    let parse_float = if is(&parse_float, &vm.rt.types.float) { None } else { Some(parse_float) };
    let parse_int = if is(&parse_int, &vm.rt.types.int) { None } else { Some(parse_int) };
    let sc =
        Scanner { strict, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant, class: cls.clone() };
    Ok(Value::from_native(Arc::new(sc)))
}

/// `scanner(string, idx)` → `(value, end)`, or `StopIteration(idx)` when
/// no value starts at `idx`.
pub fn call_scanner(vm: &mut Vm, a: Args) -> PyResult {
    let Some(sc) = a.native_self::<Scanner>() else {
        return Err(vm.type_error("descriptor '__call__' requires a '_json.Scanner' object"));
    };
    let rest = Args::with_kw(a.pos[1..].to_vec(), a.kw.clone());
    let slots = rest.clinic_slots(vm, "scan_once", &["string", "idx"], 2)?;
    let (doc, idx) = (slots[0].clone().unwrap_or(Value::None), slots[1].clone().unwrap_or(Value::None));
    let s = chars_of(vm, &doc)?;
    let idx = vm.index_of(&idx)?;
    if idx < 0 {
        return Err(vm.value_error("idx cannot be negative"));
    }
    let scan = Scan { sc, s, doc, memo: Default::default() };
    let (v, end) = scan.once(vm, idx as usize)?;
    Ok(Value::tuple(vec![v, Value::Int(end as i64)]))
}
