//! The encoding half of `_json`: `encode_basestring(_ascii)` and the
//! one-shot encoder object (`_json.Encoder`, what `c_make_encoder` makes),
//! writing the whole document into one string as CPython 3.11's C encoder
//! does, with its checks and messages.

use std::collections::HashSet;
use std::fmt::Write;
use std::sync::Arc;

use crate::object::class::Class;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// How the encoder writes strings: one of the two native escapers, or a
/// Python function called per string.
enum StrEnc {
    Ascii,
    Unicode,
    Call(Value),
}

/// `_json.Encoder`: the settings `JSONEncoder.iterencode` passes.
pub struct Encoder {
    check_circular: bool,
    default: Value,
    encoder: StrEnc,
    key_sep: String,
    item_sep: String,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    pub class: Arc<Class>,
}

crate::object::native::impl_native_object!(Encoder);

/// `"…"` with `"`, `\` and every character outside printable ASCII escaped.
pub fn escape_ascii(out: &mut String, s: &str) {
    crate::object::numfmt::str_repr::json_quote(out, s, true)
}

/// [`escape_ascii`] of a string holding lone surrogates: each code point
/// escaped on its own (a surrogate as `\udXXX`).
fn escape_ascii_cps(out: &mut String, s: &PyStr) {
    let mut one = String::new();
    out.push('"');
    for cp in s.code_points() {
        match char::from_u32(cp) {
            Some(c) => {
                one.clear();
                crate::object::numfmt::str_repr::json_quote(&mut one, c.encode_utf8(&mut [0; 4]), true);
                out.push_str(&one[1..one.len() - 1]);
            }
            None => out.push_str(&format!("\\u{cp:04x}")),
        }
    }
    out.push('"');
}

/// `"…"` with only `"`, `\` and the control characters escaped.
pub fn escape_unicode(out: &mut String, s: &str) {
    crate::object::numfmt::str_repr::json_quote(out, s, false)
}

/// The text of a str or str-subclass value.
fn str_text(v: &Value) -> Option<&str> {
    match v {
        Value::Str(s) => Some(s.as_str()),
        Value::Instance(i) => match i.builtin_value() {
            Some(Value::Str(s)) => Some(s.as_str()),
            _ => None,
        },
        _ => None,
    }
}

/// `_json.encode_basestring_ascii(s)` / `encode_basestring(s)`.
pub fn encode_basestring(vm: &mut Vm, a: &Args, ascii: bool) -> PyResult {
    let name = if ascii { "encode_basestring_ascii" } else { "encode_basestring" };
    a.posonly(vm, name, 1, 1)?;
    let Some(s) = str_text(&a.pos[0]) else {
        return Err(super::json_scan::not_a_string(vm, &a.pos[0]));
    };
    let mut out = String::with_capacity(s.len() + 2);
    if let (true, Some(p)) = (ascii, super::types_str::as_pystr(&a.pos[0]).filter(|p| p.has_surrogates())) {
        // Lone surrogates escape as `\udXXX` (the text shows them as U+FFFD).
        escape_ascii_cps(&mut out, &p);
        return Ok(Value::string(out));
    }
    if ascii {
        escape_ascii(&mut out, s)
    } else {
        escape_unicode(&mut out, s)
    }
    Ok(Value::string(out))
}

/// `_json.make_encoder(markers, default, encoder, indent, key_separator,
/// item_separator, sort_keys, skipkeys, allow_nan)`.
pub fn new_encoder(vm: &mut Vm, cls: &Arc<Class>, a: Args) -> PyResult {
    let names = [
        "markers",
        "default",
        "encoder",
        "indent",
        "key_separator",
        "item_separator",
        "sort_keys",
        "skipkeys",
        "allow_nan",
    ];
    let rest = Args::with_kw(a.pos[1.min(a.pos.len())..].to_vec(), a.kw.clone());
    let s = rest.clinic_slots(vm, "make_encoder", &names, 9)?;
    let s: Vec<Value> = s.into_iter().map(|v| v.unwrap_or(Value::None)).collect();
    if !s[0].is_none() && !matches!(s[0], Value::Dict(_)) {
        let tn = vm.type_name(&s[0]);
        return Err(vm.type_error(&format!("make_encoder() argument 1 must be dict or None, not {tn}")));
    }
    let sep = |vm: &mut Vm, v: &Value, i: usize| -> PyResult<String> {
        match str_text(v) {
            Some(t) => Ok(t.to_owned()),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(&format!("make_encoder() argument {i} must be str, not {tn}")))
            }
        }
    };
    let key_sep = sep(vm, &s[4], 5)?;
    let item_sep = sep(vm, &s[5], 6)?;
    let encoder = match &s[2] {
        Value::Native(n) if &*n.name == "encode_basestring_ascii" => StrEnc::Ascii,
        Value::Native(n) if &*n.name == "encode_basestring" => StrEnc::Unicode,
        v => StrEnc::Call(v.clone()),
    };
    let enc = Encoder {
        check_circular: !s[0].is_none(),
        default: s[1].clone(),
        encoder,
        key_sep,
        item_sep,
        sort_keys: vm.truthy(&s[6])?,
        skipkeys: vm.truthy(&s[7])?,
        allow_nan: vm.truthy(&s[8])?,
        class: cls.clone(),
    };
    Ok(Value::from_native(Arc::new(enc)))
}

/// `encoder(obj, _current_indent_level)` → a one-item list of the text.
pub fn call_encoder(vm: &mut Vm, a: Args) -> PyResult {
    let Some(enc) = a.native_self::<Encoder>() else {
        return Err(vm.type_error("descriptor '__call__' requires a '_json.Encoder' object"));
    };
    let rest = Args::with_kw(a.pos[1..].to_vec(), a.kw.clone());
    let s = rest.clinic_slots(vm, "_iterencode", &["obj", "_current_indent_level"], 2)?;
    let obj = s[0].clone().unwrap_or(Value::None);
    vm.index_of(s[1].as_ref().unwrap_or(&Value::None))?;
    let mut w = Writer { enc, out: String::new(), seen: HashSet::new() };
    w.value(vm, &obj)?;
    Ok(Value::list(vec![Value::string(w.out)]))
}

/// One encoding run: the text so far and the containers being encoded.
struct Writer<'a> {
    enc: &'a Encoder,
    out: String,
    seen: HashSet<usize>,
}

const DEPTH: &str = " while encoding a JSON object";

impl Writer<'_> {
    fn string(&mut self, vm: &mut Vm, v: &Value, text: &str) -> PyResult<()> {
        match &self.enc.encoder {
            StrEnc::Ascii => match super::types_str::as_pystr(v).filter(|p| p.has_surrogates()) {
                Some(p) => escape_ascii_cps(&mut self.out, &p),
                None => escape_ascii(&mut self.out, text),
            },
            StrEnc::Unicode => escape_unicode(&mut self.out, text),
            StrEnc::Call(f) => {
                let r = vm.call(f, vec![v.clone()])?;
                match str_text(&r) {
                    Some(t) => self.out.push_str(t),
                    None => {
                        let tn = vm.type_name(&r);
                        return Err(vm.type_error(&format!("encoder() must return a string, not {tn}")));
                    }
                }
            }
        }
        Ok(())
    }

    fn float(&mut self, vm: &mut Vm, f: f64) -> PyResult<()> {
        if f.is_finite() {
            crate::object::numfmt::write_float_repr(&mut self.out, f);
            return Ok(());
        }
        if !self.enc.allow_nan {
            return Err(vm.value_error("Out of range float values are not JSON compliant"));
        }
        self.out.push_str(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        });
        Ok(())
    }

    fn int(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        match v {
            Value::Int(i) => {
                let _ = write!(self.out, "{i}");
            }
            _ => self.out.push_str(&vm.repr_of(v)?),
        }
        Ok(())
    }

    /// Marks a container as being encoded (`Circular reference detected`).
    fn enter(&mut self, vm: &mut Vm, v: &Value) -> PyResult<Option<usize>> {
        if !self.enc.check_circular {
            return Ok(None);
        }
        let id = v.id() as usize;
        if !self.seen.insert(id) {
            return Err(vm.value_error("Circular reference detected"));
        }
        Ok(Some(id))
    }

    fn leave(&mut self, id: Option<usize>) {
        if let Some(id) = id {
            self.seen.remove(&id);
        }
    }

    fn value(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        match v {
            Value::None => self.out.push_str("null"),
            Value::Boolean(b) => self.out.push_str(if b.get() { "true" } else { "false" }),
            Value::Str(s) => self.string(vm, v, s.as_str())?,
            Value::Int(_) | Value::BigInt(_) => self.int(vm, v)?,
            Value::Flt(f) => self.float(vm, f.get())?,
            Value::List(l) => self.list(vm, v, l)?,
            Value::Tuple(t) => self.seq(vm, v, &t.items)?,
            Value::Dict(d) => {
                if d.is_empty() {
                    self.out.push_str("{}");
                    return Ok(());
                }
                let items = d.lock().items();
                self.dict(vm, v, items)?;
            }
            Value::Instance(i) if i.builtin_value().is_some() => {
                let inner = i.builtin_value().cloned().unwrap_or(Value::None);
                match &inner {
                    Value::Str(s) => self.string(vm, v, s.as_str())?,
                    Value::Int(_) | Value::BigInt(_) => self.int(vm, &inner)?,
                    Value::Flt(f) => self.float(vm, f.get())?,
                    Value::List(l) => self.list(vm, v, l)?,
                    Value::Tuple(t) => self.seq(vm, v, &t.items)?,
                    Value::Dict(d) => {
                        if d.is_empty() {
                            self.out.push_str("{}");
                            return Ok(());
                        }
                        // A dict subclass's items come from its items().
                        let it = vm.call_method(v, "items", vec![])?;
                        let mut items = Vec::new();
                        for p in vm.collect(&it)? {
                            match &p {
                                Value::Tuple(t) if t.len() == 2 => items.push((t.items[0].clone(), t.items[1].clone())),
                                _ => return Err(vm.value_error("items must return 2-tuples")),
                            }
                        }
                        self.dict(vm, v, items)?;
                    }
                    _ => self.other(vm, v)?,
                }
            }
            _ => self.other(vm, v)?,
        }
        Ok(())
    }

    /// Anything else: `default(obj)`, encoded in its place.
    fn other(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        let id = self.enter(vm, v)?;
        let new = vm.call(&self.enc.default, vec![v.clone()])?;
        vm.recursing(DEPTH, |vm| self.value(vm, &new))?;
        self.leave(id);
        Ok(())
    }

    /// A list read by index as it is encoded: `default` may change it, and
    /// the C encoder sees such changes.
    fn list(&mut self, vm: &mut Vm, v: &Value, l: &crate::object::list::List) -> PyResult<()> {
        if l.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        let id = self.enter(vm, v)?;
        self.out.push('[');
        let mut i = 0;
        while let Some(item) = l.get(i) {
            if i > 0 {
                self.out.push_str(&self.enc.item_sep);
            }
            vm.recursing(DEPTH, |vm| self.value(vm, &item))?;
            i += 1;
        }
        self.out.push(']');
        self.leave(id);
        Ok(())
    }

    fn seq(&mut self, vm: &mut Vm, v: &Value, items: &[Value]) -> PyResult<()> {
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        let id = self.enter(vm, v)?;
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(&self.enc.item_sep);
            }
            vm.recursing(DEPTH, |vm| self.value(vm, item))?;
        }
        self.out.push(']');
        self.leave(id);
        Ok(())
    }

    fn dict(&mut self, vm: &mut Vm, v: &Value, mut items: Vec<(Value, Value)>) -> PyResult<()> {
        let id = self.enter(vm, v)?;
        self.out.push('{');
        if self.enc.sort_keys {
            let tuples = items.into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect();
            let sorted = super::types_containers::sort_values(vm, tuples, &Value::None, false)?;
            items = sorted
                .into_iter()
                .map(|t| match t {
                    Value::Tuple(t) => (t.items[0].clone(), t.items[1].clone()),
                    _ => (Value::None, Value::None),
                })
                .collect();
        }
        let mut first = true;
        for (key, value) in &items {
            let kstr: String = match key {
                Value::Str(s) => s.as_str().to_owned(),
                Value::Flt(f) => self.float_text(vm, f.get())?,
                Value::Boolean(b) => (if b.get() { "true" } else { "false" }).to_owned(),
                Value::None => "null".to_owned(),
                Value::Int(i) => i.to_string(),
                Value::BigInt(_) => vm.repr_of(key)?,
                Value::Instance(i) => match i.builtin_value() {
                    Some(Value::Str(s)) => s.as_str().to_owned(),
                    Some(Value::Flt(f)) => self.float_text(vm, f.get())?,
                    Some(n @ (Value::Int(_) | Value::BigInt(_))) => vm.repr_of(&n.clone())?,
                    _ if self.enc.skipkeys => continue,
                    _ => return Err(bad_key(vm, key)),
                },
                _ if self.enc.skipkeys => continue,
                _ => return Err(bad_key(vm, key)),
            };
            if !first {
                self.out.push_str(&self.enc.item_sep);
            }
            first = false;
            let kv = match key {
                Value::Str(_) | Value::Instance(_) if str_text(key).is_some() => key.clone(),
                _ => Value::string(kstr.clone()),
            };
            self.string(vm, &kv, &kstr)?;
            self.out.push_str(&self.enc.key_sep);
            vm.recursing(DEPTH, |vm| self.value(vm, value))?;
        }
        self.out.push('}');
        self.leave(id);
        Ok(())
    }

    fn float_text(&mut self, vm: &mut Vm, f: f64) -> PyResult<String> {
        let saved = std::mem::take(&mut self.out);
        let r = self.float(vm, f);
        let text = std::mem::replace(&mut self.out, saved);
        r.map(|_| text)
    }
}

fn bad_key(vm: &mut Vm, key: &Value) -> crate::vm::PyErr {
    let tn = vm.type_name(key);
    vm.type_error(&format!("keys must be str, int, float, bool or None, not {tn}"))
}
