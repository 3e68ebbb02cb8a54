//! `BaseExceptionGroup` / `ExceptionGroup` (PEP 654): construction with
//! CPython 3.11's checks, `message`, `exceptions`, `split`, `subgroup` and
//! `derive`. Their traceback printing is in `vm/traceback.rs` and `except*`
//! in the dispatch loop (`vm/exc_star.rs`).

use std::sync::Arc;

use super::method;
use crate::object::class::{Class, ExcState, Instance, Payload};
use crate::object::value::Value;
use crate::vm::{PyResult, Runtime, Vm};

/// What `split` / `subgroup` match leaves against.
pub enum Matcher {
    /// A class or a tuple of classes (isinstance).
    Types(Value),
    /// A function called with each exception and group.
    Predicate(Value),
    /// The exceptions with these ids (`except*` re-raising parts).
    Ids(Vec<i64>),
}

/// A group's message and its exceptions (a tuple), if `v` is a group.
pub fn group_parts(v: &Value) -> Option<(Value, Vec<Value>)> {
    let Value::Instance(i) = v else { return None };
    let st = i.exc()?.lock();
    let g = st.group.as_ref()?;
    let items = match &g.1 {
        Value::Tuple(t) => t.items.to_vec(),
        _ => Vec::new(),
    };
    Some((g.0.clone(), items))
}

impl Vm {
    /// `BaseExceptionGroup.__new__(cls, message, exceptions)`.
    pub fn new_exception_group(&mut self, cls: &Arc<Class>, args: &[Value]) -> PyResult {
        if args.len() != 2 {
            return Err(self.type_error(&format!(
                "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
                args.len()
            )));
        }
        if !matches!(args[0], Value::Str(_)) {
            let tn = self.type_name(&args[0]);
            return Err(self.type_error(&format!("BaseExceptionGroup.__new__() argument 1 must be str, not {tn}")));
        }
        let seq = match &args[1] {
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Range(_) => true,
            Value::Instance(i) => {
                !i.class.is_subclass(&self.rt.types.dict) && self.class_of(&args[1]).lookup("__getitem__").is_some()
            }
            _ => false,
        };
        if !seq {
            return Err(self.type_error("second argument (exceptions) must be a sequence"));
        }
        let excs = self.collect(&args[1])?;
        if excs.is_empty() {
            return Err(self.value_error("second argument (exceptions) must be a non-empty sequence"));
        }
        let exception = self.rt.types.exc("Exception");
        let mut all_exceptions = true;
        for (n, e) in excs.iter().enumerate() {
            match e {
                Value::Instance(i) if i.exc().is_some() => {
                    if !i.class.is_subclass(&exception) {
                        all_exceptions = false;
                    }
                }
                _ => {
                    return Err(
                        self.value_error(&format!("Item {n} of second argument (exceptions) is not an exception"))
                    );
                }
            }
        }
        let base_group = self.rt.types.exc("BaseExceptionGroup");
        let group = self.rt.types.exc("ExceptionGroup");
        let mut cls = cls.clone();
        if Arc::ptr_eq(&cls, &base_group) {
            if all_exceptions {
                cls = group;
            }
        } else if Arc::ptr_eq(&cls, &group) {
            if !all_exceptions {
                return Err(self.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
            }
        } else if !all_exceptions && cls.is_subclass(&exception) {
            let n = cls.name();
            return Err(self.type_error(&format!("Cannot nest BaseExceptions in '{}'", n.as_str())));
        }
        let st = ExcState {
            args: args.to_vec(),
            group: Some(Box::new((args[0].clone(), Value::tuple(excs)))),
            ..Default::default()
        };
        Ok(Value::Instance(crate::object::gc::instance(Arc::new(Instance::new(
            cls,
            Payload::Exception(Box::new(parking_lot::Mutex::new(st))),
        )))))
    }

    /// The matcher of `split(x)` / `subgroup(x)` (and `except*`'s type check).
    pub fn group_matcher(&mut self, v: &Value) -> PyResult<Matcher> {
        let base = self.rt.types.exc("BaseException");
        let ok = match v {
            Value::Class(c) => c.is_subclass(&base),
            Value::Tuple(t) => t.items.iter().all(|x| matches!(x, Value::Class(c) if c.is_subclass(&base))),
            Value::Function(_) => return Ok(Matcher::Predicate(v.clone())),
            _ => false,
        };
        if !ok {
            return Err(self.type_error("expected a function, exception type or tuple of exception types"));
        }
        Ok(Matcher::Types(v.clone()))
    }

    fn group_matches(&mut self, m: &Matcher, e: &Value) -> PyResult<bool> {
        match m {
            Matcher::Types(t) => self.exception_matches(e, t),
            Matcher::Predicate(f) => {
                let r = self.call(f, vec![e.clone()])?;
                self.truthy(&r)
            }
            Matcher::Ids(ids) => Ok(ids.contains(&e.id())),
        }
    }

    /// `exc.split(matcher)`: (match, rest), each None or a group (or the
    /// exception itself when it matches as a whole). `rest` is only built
    /// when `with_rest` (`subgroup` does not need it).
    pub fn group_split(&mut self, exc: &Value, m: &Matcher, with_rest: bool) -> PyResult<(Value, Value)> {
        if self.group_matches(m, exc)? {
            return Ok((exc.clone(), Value::None));
        }
        let Some((_, items)) = group_parts(exc) else {
            return Ok((Value::None, if with_rest { exc.clone() } else { Value::None }));
        };
        let (mut matched, mut rest) = (Vec::new(), Vec::new());
        for e in &items {
            let (a, b) = self.group_split(e, m, with_rest)?;
            if !a.is_none() {
                matched.push(a);
            }
            if with_rest && !b.is_none() {
                rest.push(b);
            }
        }
        let matched = self.group_subset(exc, matched)?;
        let rest = if with_rest { self.group_subset(exc, rest)? } else { Value::None };
        Ok((matched, rest))
    }

    /// A group like `orig` holding `excs` (None when empty): made by
    /// `orig.derive(excs)`, with orig's traceback, cause, context and a
    /// copy of its notes.
    pub fn group_subset(&mut self, orig: &Value, excs: Vec<Value>) -> PyResult {
        if excs.is_empty() {
            return Ok(Value::None);
        }
        let eg = self.call_method(orig, "derive", vec![Value::list(excs)])?;
        let is_group =
            matches!(&eg, Value::Instance(i) if i.class.is_subclass(&self.rt.types.exc("BaseExceptionGroup")));
        if !is_group {
            return Err(self.type_error("derive must return an instance of BaseExceptionGroup"));
        }
        if let (Value::Instance(o), Value::Instance(n)) = (orig, &eg)
            && let (Some(os), Some(ns)) = (o.exc(), n.exc())
        {
            // Materialized first, so both groups share the same objects.
            self.exc_traceback(os);
            let (cause, ctx) = {
                let os = os.lock();
                (os.cause.clone(), os.context.clone())
            };
            let os = os.lock().clone();
            let mut ns = ns.lock();
            ns.copy_traceback_from(&os);
            ns.cause = cause;
            ns.context = ctx;
        }
        if let Value::Instance(o) = orig
            && let Some(notes) = o.dict.get_item_str("__notes__")
            && let Value::Instance(n) = &eg
        {
            let copy = match &notes {
                Value::List(_) | Value::Tuple(_) => Value::list(self.collect(&notes)?),
                other => other.clone(),
            };
            n.dict.set_item_str("__notes__", copy);
        }
        Ok(eg)
    }
}

/// The groups' methods.
pub fn register(rt: &Runtime) {
    let beg = rt.types.exc("BaseExceptionGroup");
    method(&beg, "__new__", |vm, a| {
        let Some(Value::Class(c)) = a.pos.first() else {
            return Err(vm.type_error("BaseExceptionGroup.__new__(X): X is not a type object"));
        };
        let c = c.clone();
        vm.new_exception_group(&c, &a.pos[1..])
    });
    method(&beg, "derive", |vm, a| {
        a.check_method(vm, "derive", 1, 1)?;
        let msg = match group_parts(&a.pos[0]) {
            Some((m, _)) => m,
            None => return Err(vm.type_error("derive() needs an exception group")),
        };
        let cls = vm.rt.types.exc("BaseExceptionGroup");
        vm.new_exception_group(&cls, &[msg, a.pos[1].clone()])
    });
    for (name, with_rest) in [("split", true), ("subgroup", false)] {
        method(&beg, name, move |vm, a| {
            if a.pos.len() != 2 {
                return Err(vm.type_error(&format!("{name} expected 1 argument, got {}", a.pos.len() - 1)));
            }
            let m = vm.group_matcher(&a.pos[1])?;
            let (matched, rest) = vm.group_split(&a.pos[0], &m, with_rest)?;
            Ok(if with_rest { Value::tuple(vec![matched, rest]) } else { matched })
        });
    }
}
