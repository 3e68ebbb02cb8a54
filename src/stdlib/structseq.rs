//! Struct sequences (CPython's `structseq`): tuple subclasses whose items
//! are also named attributes, like `os.stat_result` or `os.terminal_size`.
//! The first `n_seq` fields are the tuple's items; the rest (`st_atime`
//! as a float, `st_blksize`, …) are attributes only, kept in the
//! instance dict.

use std::sync::Arc;

use parking_lot::Mutex;

use super::def;
use super::types_containers::builtin_of;
use super::types_num::prop;
use crate::object::class::{Class, Instance, Layout, Payload};
use crate::object::dict::Dict;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::Vm;

/// The shape of one struct sequence type.
#[derive(Clone, Copy)]
pub struct Spec {
    /// The module shown in reprs (`os`).
    pub module: &'static str,
    /// The type's name (`stat_result`).
    pub name: &'static str,
    /// Every field, the tuple's items first; `""` marks an unnamed item
    /// (stat_result's integer times), which repr names after the next
    /// named fields, as CPython does.
    pub fields: &'static [&'static str],
    /// How many fields are tuple items.
    pub n_seq: usize,
}

impl Spec {
    fn full_name(&self) -> String {
        format!("{}.{}", self.module, self.name)
    }
}

/// Creates the class of a struct sequence type.
pub fn make_class(vm: &Vm, spec: Spec) -> Arc<Class> {
    let t = &vm.rt.types;
    let name = Arc::new(PyStr::new(spec.name));
    let cls = Arc::new(Class {
        name: Mutex::new(name.clone()),
        qualname: Mutex::new(name),
        bases: crate::object::swap::SwapCell::new(vec![t.tuple.clone()]),
        mro: crate::object::swap::SwapCell::new(vec![t.tuple.clone(), t.object.clone()]),
        dict: Arc::new(Dict::new()),
        metaclass: None,
        layout: Layout::Tuple,
        builtin: false,
        flags: std::sync::atomic::AtomicU32::new(crate::object::class::class_flags::UNKNOWN),
        tag: crate::object::class::Class::new_tag(),
        finalizers: Default::default(),
        extra: Default::default(),
    });
    let d = &cls.dict;
    d.set_item_str("__module__", Value::str(spec.module));
    d.set_item_str("n_sequence_fields", Value::Int(spec.n_seq as i64));
    d.set_item_str("n_fields", Value::Int(spec.fields.len() as i64));
    let unnamed = spec.fields.iter().filter(|f| f.is_empty()).count();
    d.set_item_str("n_unnamed_fields", Value::Int(unnamed as i64));
    let visible: Vec<Value> =
        spec.fields[..spec.n_seq].iter().filter(|f| !f.is_empty()).map(|f| Value::str(f)).collect();
    d.set_item_str("__match_args__", Value::tuple(visible));
    for (i, f) in spec.fields.iter().enumerate().take(spec.n_seq).filter(|(_, f)| !f.is_empty()) {
        prop(&vm.rt, &cls, f, move |_vm, a| match a.pos.first().map(builtin_of) {
            Some(Value::Tuple(t)) => Ok(t.items.get(i).cloned().unwrap_or(Value::None)),
            _ => Ok(Value::None),
        });
    }
    let c = cls.clone();
    def(d, "__new__", move |vm, mut a| {
        if a.pos.is_empty() {
            return Err(vm.type_error("__new__(): not enough arguments"));
        }
        a.pos.remove(0);
        let seq = a.arg(0, "sequence");
        let dict = a.arg(1, "dict").unwrap_or(Value::None);
        let Some(seq) = seq else {
            return Err(vm.type_error(&format!("{}() missing required argument 'sequence' (pos 1)", spec.full_name())));
        };
        let items = vm.collect(&seq).map_err(|_| vm.type_error("constructor requires a sequence"))?;
        let (n, min, max) = (items.len(), spec.n_seq, spec.fields.len());
        let full = spec.full_name();
        if n < min || n > max {
            let msg = if min == max {
                format!("{full}() takes a {min}-sequence ({n}-sequence given)")
            } else if n < min {
                format!("{full}() takes an at least {min}-sequence ({n}-sequence given)")
            } else {
                format!("{full}() takes an at most {max}-sequence ({n}-sequence given)")
            };
            return Err(vm.type_error(&msg));
        }
        let mut all = items;
        for f in &spec.fields[n..] {
            let v = match &dict {
                Value::Dict(d) => d.get_item_str(f).unwrap_or(Value::None),
                Value::None => Value::None,
                _ => return Err(vm.type_error(&format!("{full}() takes a dict as second arg, if any"))),
            };
            all.push(v);
        }
        Ok(new_value(&c, spec, all))
    });
    def(d, "__repr__", move |vm, a| {
        let items = match a.pos.first().map(builtin_of) {
            Some(Value::Tuple(t)) => t.items.to_vec(),
            _ => vec![],
        };
        let mut parts = Vec::new();
        for (f, v) in spec.fields.iter().filter(|f| !f.is_empty()).zip(items.iter()) {
            parts.push(format!("{f}={}", vm.repr_of(v)?));
        }
        Ok(Value::string(format!("{}({})", spec.full_name(), parts.join(", "))))
    });
    def(d, "__reduce__", move |_vm, a| {
        let this = a.pos.first().cloned().unwrap_or(Value::None);
        let extra = Dict::new();
        if let Value::Instance(i) = &this {
            for f in spec.fields[spec.n_seq..].iter().filter(|f| !f.is_empty()) {
                extra.set_item_str(f, i.dict.get_item_str(f).unwrap_or(Value::None));
            }
        }
        let cls = match &this {
            Value::Instance(i) => Value::Class(i.class.clone()),
            _ => Value::None,
        };
        Ok(Value::tuple(vec![cls, Value::tuple(vec![builtin_of(&this), Value::Dict(Arc::new(extra))])]))
    });
    cls
}

/// A struct sequence of class `cls` holding `values` (one per field of
/// `spec`, the tuple's items first).
pub fn new_value(cls: &Arc<Class>, spec: Spec, mut values: Vec<Value>) -> Value {
    values.resize(spec.fields.len(), Value::None);
    let extra = values.split_off(spec.n_seq);
    let inst = Instance::new(cls.clone(), Payload::Builtin(Value::tuple(values)));
    for (f, v) in spec.fields[spec.n_seq..].iter().zip(extra).filter(|(f, _)| !f.is_empty()) {
        inst.dict.set_item_str(f, v);
    }
    Value::Instance(Arc::new(inst))
}
