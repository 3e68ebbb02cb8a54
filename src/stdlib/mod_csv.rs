//! The `_csv` module under CPython's `csv.py`: `Dialect` (checked
//! formatting parameters), `reader` and `writer` objects, the dialect
//! registry (`_dialects`, a dict of the module) and `field_size_limit`,
//! with CPython 3.11's messages. The parsing itself is in `csv_parse.rs`.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

use super::csv_parse::{DialectData, Parser, QUOTE_ALL, QUOTE_MINIMAL, QUOTE_NONE, QUOTE_NONNUMERIC, append_field};
use super::def;
use super::native_util::{exc_class, module, raise};
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

/// `_csv.Dialect`: an immutable, checked dialect.
struct DialectObj {
    data: Arc<DialectData>,
    class: Arc<Class>,
}

/// A `_csv.reader`: the line iterator, its dialect and the lines read.
struct ReaderObj {
    lines: Value,
    dialect: Value,
    data: Arc<DialectData>,
    line_num: AtomicUsize,
    limit: Arc<AtomicI64>,
    error: Arc<Class>,
    class: Arc<Class>,
}

/// A `_csv.writer`: the file's bound `write` and the dialect.
struct WriterObj {
    write: Value,
    dialect: Value,
    data: Arc<DialectData>,
    error: Arc<Class>,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(DialectObj, ReaderObj, WriterObj);

/// What the module's functions share: its classes, error and registry.
#[derive(Clone)]
struct Ctx {
    dialect_cls: Arc<Class>,
    reader_cls: Arc<Class>,
    writer_cls: Arc<Class>,
    error: Arc<Class>,
    dialects: Arc<Dict>,
    limit: Arc<AtomicI64>,
}

const ATTRS: [&str; 8] =
    ["delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"];

/// A one-character parameter (`None` allowed when `nullable`).
fn char_param(vm: &mut Vm, name: &str, v: &Value, nullable: bool) -> PyResult<Option<char>> {
    match v {
        Value::None if nullable => Ok(None),
        Value::Str(s) => {
            let mut it = s.as_str().chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(Some(c)),
                _ => Err(vm.type_error(&format!("\"{name}\" must be a 1-character string"))),
            }
        }
        other => {
            let tn = vm.type_name(other);
            let what = if nullable { "string or None" } else { "string" };
            Err(vm.type_error(&format!("\"{name}\" must be {what}, not {tn}")))
        }
    }
}

impl Ctx {
    /// `Dialect(dialect, **kwargs)`: a registered name, a Dialect, or any
    /// object whose attributes give the parameters; keywords override.
    fn dialect(
        &self,
        vm: &mut Vm,
        base: Option<Value>,
        mut kw: Vec<(Arc<PyStr>, Value)>,
    ) -> PyResult<(Value, Arc<DialectData>)> {
        let base = match base {
            Some(Value::Str(name)) => match self.dialects.get_item_str(name.as_str()) {
                Some(d) => Some(d),
                None => return Err(raise(vm, &self.error, "unknown dialect")),
            },
            Some(Value::None) => None,
            other => other,
        };
        if let Some(b) = &base
            && kw.is_empty()
            && let Value::Native2(o) = b
            && let Some(d) = o.as_any().downcast_ref::<DialectObj>()
        {
            return Ok((b.clone(), d.data.clone()));
        }
        let mut vals: Vec<Option<Value>> = Vec::with_capacity(ATTRS.len());
        for name in ATTRS {
            let v = match kw.iter().position(|(k, _)| k.as_str() == name) {
                Some(i) => Some(kw.remove(i).1),
                None => match &base {
                    Some(b) => vm.get_attr_str(b, name)?,
                    None => None,
                },
            };
            vals.push(v);
        }
        if let Some((k, _)) = kw.first() {
            return Err(vm.type_error(&format!("'{}' is an invalid keyword argument for this function", k.as_str())));
        }
        let flag = |vm: &mut Vm, v: &Option<Value>, dflt: bool| -> PyResult<bool> {
            match v {
                Some(v) => vm.truthy(v),
                None => Ok(dflt),
            }
        };
        let delimiter = match &vals[0] {
            Some(v) => char_param(vm, "delimiter", v, false)?,
            None => Some(','),
        };
        let doublequote = flag(vm, &vals[1], true)?;
        let escapechar = match &vals[2] {
            Some(v) => char_param(vm, "escapechar", v, true)?,
            None => None,
        };
        let lineterminator = match &vals[3] {
            Some(Value::Str(s)) => Some(s.as_str().to_string()),
            Some(Value::None) => None,
            Some(_) => return Err(vm.type_error("\"lineterminator\" must be a string")),
            None => Some("\r\n".to_string()),
        };
        let quotechar = match &vals[4] {
            Some(v) => char_param(vm, "quotechar", v, true)?,
            None => Some('"'),
        };
        let mut quoting = match &vals[5] {
            Some(v @ (Value::Int(_) | Value::Boolean(_))) => vm.index_of(v)?,
            Some(_) => return Err(vm.type_error("\"quoting\" must be an integer")),
            None => QUOTE_MINIMAL,
        };
        let skipinitialspace = flag(vm, &vals[6], false)?;
        let strict = flag(vm, &vals[7], false)?;
        if matches!(vals[4], Some(Value::None)) && vals[5].is_none() {
            quoting = QUOTE_NONE;
        }
        if !(QUOTE_MINIMAL..=QUOTE_NONE).contains(&quoting) {
            return Err(vm.type_error("bad \"quoting\" value"));
        }
        let Some(delimiter) = delimiter else {
            return Err(vm.type_error("\"delimiter\" must be a 1-character string"));
        };
        if quoting != QUOTE_NONE && quotechar.is_none() {
            return Err(vm.type_error("quotechar must be set if quoting enabled"));
        }
        let Some(lineterminator) = lineterminator else {
            return Err(vm.type_error("lineterminator must be set"));
        };
        let data = Arc::new(DialectData {
            delimiter,
            doublequote,
            escapechar,
            lineterminator,
            quotechar,
            quoting,
            skipinitialspace,
            strict,
        });
        let obj = Value::from_native(Arc::new(DialectObj { data: data.clone(), class: self.dialect_cls.clone() }));
        Ok((obj, data))
    }
}

fn reader_next(vm: &mut Vm, r: &ReaderObj) -> PyResult {
    let limit = r.limit.load(Ordering::Relaxed).max(0) as usize;
    let mut p = Parser::new(&r.data, limit);
    loop {
        let Some(line) = vm.next_value(&r.lines)? else {
            if p.in_record() {
                if r.data.strict {
                    return Err(raise(vm, &r.error, "unexpected end of data"));
                }
                p.save_field();
                break;
            }
            return Err(vm.stop_iteration(None));
        };
        let Value::Str(s) = &line else {
            let tn = vm.type_name(&line);
            return Err(raise(
                vm,
                &r.error,
                &format!("iterator should return strings, not {tn} (the file should be opened in text mode)"),
            ));
        };
        r.line_num.fetch_add(1, Ordering::Relaxed);
        p.feed_line(s.as_str()).map_err(|m| raise(vm, &r.error, &m))?;
        if p.done() {
            break;
        }
    }
    let mut row = Vec::with_capacity(p.fields.len());
    for f in std::mem::take(&mut p.fields) {
        if f.numeric {
            let v = Value::string(f.text);
            row.push(vm.call_builtin("float", vec![v])?);
        } else {
            row.push(Value::string(f.text));
        }
    }
    Ok(Value::list(row))
}

/// Whether `QUOTE_NONNUMERIC` leaves a value unquoted.
fn is_number(v: &Value) -> bool {
    let v = crate::vm::ops::payload_of(v).unwrap_or_else(|| v.clone());
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Flt(_) | Value::Boolean(_))
}

fn writerow(vm: &mut Vm, w: &WriterObj, row: &Value) -> PyResult {
    let d = &w.data;
    let it = match vm.get_iter(row) {
        Ok(it) => it,
        Err(e) if vm.is_exc(&e, "TypeError") => {
            let tn = vm.type_name(row);
            return Err(raise(vm, &w.error, &format!("iterable expected, not {tn}")));
        }
        Err(e) => return Err(e),
    };
    let mut line = String::new();
    let mut n = 0;
    while let Some(field) = vm.next_value(&it)? {
        let quoted = match d.quoting {
            QUOTE_NONNUMERIC => !is_number(&field),
            QUOTE_ALL => true,
            _ => false,
        };
        let text = match &field {
            Value::None => String::new(),
            Value::Str(s) => s.as_str().to_string(),
            other => vm.str_of(other)?,
        };
        append_field(d, &mut line, n == 0, &text, quoted).map_err(|m| raise(vm, &w.error, &m))?;
        n += 1;
    }
    // One empty unquoted field would read back as an empty line.
    if n == 1 && line.is_empty() {
        if d.quoting == QUOTE_NONE {
            return Err(raise(vm, &w.error, "single empty field record must be quoted"));
        }
        line.clear();
        append_field(d, &mut line, true, "", true).map_err(|m| raise(vm, &w.error, &m))?;
    }
    line.push_str(&d.lineterminator);
    vm.call(&w.write, vec![Value::string(line)])
}

fn dialect_self<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a DialectObj> {
    a.native_self().ok_or_else(|| vm.type_error("descriptor requires a '_csv.Dialect' object"))
}

fn reader_self<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a ReaderObj> {
    a.native_self().ok_or_else(|| vm.type_error("descriptor requires a '_csv.reader' object"))
}

fn writer_self<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a WriterObj> {
    a.native_self().ok_or_else(|| vm.type_error("descriptor requires a '_csv.writer' object"))
}

fn char_value(c: Option<char>) -> Value {
    c.map(|c| Value::string(c.to_string())).unwrap_or(Value::None)
}

/// The `Dialect`, `reader` and `writer` classes' methods and attributes.
fn fill_classes(vm: &mut Vm, ctx: &Ctx) {
    let rt = vm.rt.clone();
    use super::types_num::prop;
    let c = ctx.clone();
    def(&ctx.dialect_cls.dict, "__new__", move |vm, mut a| {
        if !a.pos.is_empty() {
            a.pos.remove(0);
        }
        if a.pos.len() > 1 {
            return Err(vm.type_error(&format!("Dialect() takes at most 1 argument ({} given)", a.pos.len())));
        }
        let base = match a.take_kw("dialect") {
            Some(v) => Some(v),
            None => a.pos.first().cloned(),
        };
        Ok(c.dialect(vm, base, std::mem::take(&mut a.kw))?.0)
    });
    def(&ctx.dialect_cls.dict, "__init__", |_vm, _a| Ok(Value::None));
    prop(&rt, &ctx.dialect_cls, "delimiter", |vm, a| {
        Ok(Value::string(dialect_self(vm, &a)?.data.delimiter.to_string()))
    });
    prop(&rt, &ctx.dialect_cls, "doublequote", |vm, a| Ok(Value::Bool(dialect_self(vm, &a)?.data.doublequote)));
    prop(&rt, &ctx.dialect_cls, "escapechar", |vm, a| Ok(char_value(dialect_self(vm, &a)?.data.escapechar)));
    prop(&rt, &ctx.dialect_cls, "lineterminator", |vm, a| {
        Ok(Value::string(dialect_self(vm, &a)?.data.lineterminator.clone()))
    });
    prop(&rt, &ctx.dialect_cls, "quotechar", |vm, a| Ok(char_value(dialect_self(vm, &a)?.data.quotechar)));
    prop(&rt, &ctx.dialect_cls, "quoting", |vm, a| Ok(Value::Int(dialect_self(vm, &a)?.data.quoting)));
    prop(&rt, &ctx.dialect_cls, "skipinitialspace", |vm, a| {
        Ok(Value::Bool(dialect_self(vm, &a)?.data.skipinitialspace))
    });
    prop(&rt, &ctx.dialect_cls, "strict", |vm, a| Ok(Value::Bool(dialect_self(vm, &a)?.data.strict)));

    def(&ctx.reader_cls.dict, "__iter__", |_vm, a| Ok(a.pos[0].clone()));
    def(&ctx.reader_cls.dict, "__next__", |vm, a| {
        let r = reader_self(vm, &a)?;
        reader_next(vm, r)
    });
    prop(&rt, &ctx.reader_cls, "line_num", |vm, a| {
        Ok(Value::Int(reader_self(vm, &a)?.line_num.load(Ordering::Relaxed) as i64))
    });
    prop(&rt, &ctx.reader_cls, "dialect", |vm, a| Ok(reader_self(vm, &a)?.dialect.clone()));

    def(&ctx.writer_cls.dict, "writerow", |vm, a| {
        a.check_method(vm, "writerow", 1, 1)?;
        let w = writer_self(vm, &a)?;
        writerow(vm, w, &a.pos[1])
    });
    def(&ctx.writer_cls.dict, "writerows", |vm, a| {
        a.check_method(vm, "writerows", 1, 1)?;
        let w = writer_self(vm, &a)?;
        let it = vm.get_iter(&a.pos[1])?;
        while let Some(row) = vm.next_value(&it)? {
            writerow(vm, w, &row)?;
        }
        Ok(Value::None)
    });
    prop(&rt, &ctx.writer_cls, "dialect", |vm, a| Ok(writer_self(vm, &a)?.dialect.clone()));
}

/// Creates the `_csv` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    let mk = |name: &str| {
        let c = new_builtin_class(name, std::slice::from_ref(&vm.rt.types.object), Layout::Opaque);
        c.dict.set_item_str("__module__", Value::str("_csv"));
        c
    };
    let (dialect_cls, reader_cls, writer_cls) = (mk("Dialect"), mk("reader"), mk("writer"));
    let error = exc_class(vm, "_csv", "Error", &["Exception"])?;
    let ctx = Ctx {
        dialect_cls,
        reader_cls,
        writer_cls,
        error,
        dialects: Arc::new(Dict::new()),
        limit: Arc::new(AtomicI64::new(128 * 1024)),
    };
    fill_classes(vm, &ctx);
    d.set_item_str("__version__", Value::str("1.0"));
    d.set_item_str("__doc__", Value::str("CSV parsing and writing.\n"));
    d.set_item_str("Error", Value::Class(ctx.error.clone()));
    d.set_item_str("Dialect", Value::Class(ctx.dialect_cls.clone()));
    d.set_item_str("Reader", Value::Class(ctx.reader_cls.clone()));
    d.set_item_str("Writer", Value::Class(ctx.writer_cls.clone()));
    d.set_item_str("_dialects", Value::Dict(ctx.dialects.clone()));
    for (k, v) in [
        ("QUOTE_MINIMAL", QUOTE_MINIMAL),
        ("QUOTE_ALL", QUOTE_ALL),
        ("QUOTE_NONNUMERIC", QUOTE_NONNUMERIC),
        ("QUOTE_NONE", QUOTE_NONE),
    ] {
        d.set_item_str(k, Value::Int(v));
    }

    let c = ctx.clone();
    def(&d, "reader", move |vm, mut a| {
        if a.pos.is_empty() || a.pos.len() > 2 {
            return Err(vm.type_error(&format!("expected at least 1 argument, got {}", a.pos.len())));
        }
        let lines = vm.get_iter(&a.pos[0])?;
        let base = a.take_kw("dialect").or_else(|| a.pos.get(1).cloned());
        let (dialect, data) = c.dialect(vm, base, std::mem::take(&mut a.kw))?;
        let r = ReaderObj {
            lines,
            dialect,
            data,
            line_num: AtomicUsize::new(0),
            limit: c.limit.clone(),
            error: c.error.clone(),
            class: c.reader_cls.clone(),
        };
        Ok(Value::from_native(Arc::new(r)))
    });
    let c = ctx.clone();
    def(&d, "writer", move |vm, mut a| {
        if a.pos.is_empty() || a.pos.len() > 2 {
            return Err(vm.type_error(&format!("expected at least 1 argument, got {}", a.pos.len())));
        }
        let Some(write) = vm.get_attr_str(&a.pos[0], "write")? else {
            return Err(vm.type_error("argument 1 must have a \"write\" method"));
        };
        let base = a.take_kw("dialect").or_else(|| a.pos.get(1).cloned());
        let (dialect, data) = c.dialect(vm, base, std::mem::take(&mut a.kw))?;
        let w = WriterObj { write, dialect, data, error: c.error.clone(), class: c.writer_cls.clone() };
        Ok(Value::from_native(Arc::new(w)))
    });
    let c = ctx.clone();
    def(&d, "register_dialect", move |vm, mut a| {
        if a.pos.is_empty() || a.pos.len() > 2 {
            return Err(vm.type_error(&format!("register_dialect() expected at most 2 arguments, got {}", a.pos.len())));
        }
        let Value::Str(name) = a.pos[0].clone() else {
            return Err(vm.type_error("dialect name must be a string"));
        };
        let (dialect, _) = c.dialect(vm, a.pos.get(1).cloned(), std::mem::take(&mut a.kw))?;
        c.dialects.set_item_str(name.as_str(), dialect);
        Ok(Value::None)
    });
    let c = ctx.clone();
    def(&d, "unregister_dialect", move |vm, a| {
        a.check(vm, "unregister_dialect", 1, 1)?;
        let name = match &a.pos[0] {
            Value::Str(s) => s.as_str().to_string(),
            _ => String::new(),
        };
        match c.dialects.remove_item_str(&name) {
            Some(_) => Ok(Value::None),
            None => Err(raise(vm, &c.error, "unknown dialect")),
        }
    });
    let c = ctx.clone();
    def(&d, "get_dialect", move |vm, a| {
        a.check(vm, "get_dialect", 1, 1)?;
        let found = match &a.pos[0] {
            Value::Str(s) => c.dialects.get_item_str(s.as_str()),
            _ => None,
        };
        found.ok_or_else(|| raise(vm, &c.error, "unknown dialect"))
    });
    let c = ctx.clone();
    def(&d, "list_dialects", move |_vm, _a| Ok(Value::list(c.dialects.lock().keys())));
    let c = ctx.clone();
    def(&d, "field_size_limit", move |vm, mut a| {
        if a.pos.len() > 1 {
            return Err(vm.type_error(&format!("field_size_limit() takes at most 1 argument ({} given)", a.pos.len())));
        }
        let new = a.take_kw("new_limit").or_else(|| a.pos.first().cloned());
        let old = c.limit.load(Ordering::Relaxed);
        if let Some(v) = new {
            if !matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Boolean(_)) {
                return Err(vm.type_error("limit must be an integer"));
            }
            let n = vm.index_of(&v)?;
            c.limit.store(n, Ordering::Relaxed);
        }
        Ok(Value::Int(old))
    });
    Ok(module("_csv", d))
}
