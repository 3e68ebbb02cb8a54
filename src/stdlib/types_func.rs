//! Methods of the class-and-function model's built-in types: functions'
//! `__get__`, `code.replace`, closure cells (`types.CellType`), the member
//! descriptors of `__slots__`, and `type.__subclasses__` / `__prepare__`.

use std::sync::Arc;

use super::method;
use crate::bytecode::CodeKind;
use crate::bytecode::wordcode::{UnitSrc, localsplus_names};
use crate::object::class::Class;
use crate::object::descr::{CellObject, ClassMethod, SlotMember};
use crate::object::function::Cell;
use crate::object::value::Value;
use crate::vm::runtime::Runtime;
use crate::vm::{Args, PyResult, Vm};

/// Registers the methods (called from `stdlib::init`).
pub fn register(rt: &Runtime) {
    let t = &rt.types;
    // Functions are descriptors: `f.__get__(obj)` is a bound method,
    // `f.__get__(None, cls)` the function itself.
    method(&t.function, "__get__", |vm, a| {
        a.check_method(vm, "__get__", 1, 2)?;
        let obj = a.pos[1].clone();
        if obj.is_none() && a.pos.get(2).is_some_and(|c| !c.is_none()) {
            return Ok(a.pos[0].clone());
        }
        if obj.is_none() && a.pos.len() == 2 {
            return Err(vm.type_error("__get__(None, None) is invalid"));
        }
        Ok(Vm::bound(obj, a.pos[0].clone()))
    });
    // Methods of built-in types are descriptors too (CPython's method_descriptor
    // and wrapper_descriptor): `list.append.__get__(x)` checks x's type and binds.
    for cls in [&t.method_descriptor, &t.wrapper_descriptor] {
        method(cls, "__get__", |vm, a| {
            a.check_method(vm, "__get__", 1, 2)?;
            let Value::Native(n) = &a.pos[0] else { return Ok(a.pos[0].clone()) };
            let obj = a.pos[1].clone();
            if obj.is_none() {
                if a.pos.get(2).is_none_or(|c| c.is_none()) {
                    return Err(vm.type_error("__get__(None, None) is invalid"));
                }
                return Ok(a.pos[0].clone());
            }
            vm.check_descr_applies(n, &obj)?;
            Ok(Vm::bound(obj, a.pos[0].clone()))
        });
    }
    // Every callable built-in type has `__call__` in its dict, as CPython's
    // tp_call slot wrappers: `collections.abc.Callable`'s subclass hook looks
    // for it there (`issubclass(types.FunctionType, Callable)`).
    for cls in [
        &t.function,
        &t.builtin_function,
        &t.method,
        &t.method_descriptor,
        &t.wrapper_descriptor,
        &t.method_wrapper,
        &t.classmethod_descriptor,
    ] {
        method(cls, "__call__", |vm, a| {
            let Some(f) = a.pos.first().cloned() else {
                return Err(vm.type_error("descriptor '__call__' needs an argument"));
            };
            vm.call_value(&f, Args::with_kw(a.pos[1..].to_vec(), a.kw))
        });
    }
    register_classmethod_descriptor(t);
    // `types.MethodType(func, obj)`.
    method(&t.method, "__new__", |vm, a| {
        if a.pos.len() != 3 || !a.kw.is_empty() {
            return Err(vm.type_error(&format!("method expected 2 arguments, got {}", a.pos.len().saturating_sub(1))));
        }
        if !super::builtins_attr::is_callable(vm, &a.pos[1]) {
            return Err(vm.type_error("first argument must be callable"));
        }
        if a.pos[2].is_none() {
            return Err(vm.type_error("instance must not be None"));
        }
        Ok(Vm::bound(a.pos[2].clone(), a.pos[1].clone()))
    });
    method(&t.code, "replace", |vm, a| {
        let Value::Code(c) = &a.pos[0] else { return Err(vm.type_error("replace() needs a code object")) };
        if a.pos.len() > 1 {
            return Err(vm.type_error(&format!("replace() takes no positional arguments ({} given)", a.pos.len() - 1)));
        }
        let c = c.clone();
        let new = vm.code_replace(&c, a.kw)?;
        Ok(Value::Code(Arc::new(new)))
    });
    // `code.co_positions()`: (line, end_line, col, end_col) per code unit of the CPython
    // wordcode view (`bytecode/wordcode.rs`), columns in UTF-8 bytes as CPython counts them
    // (traceback.py converts back to characters).
    method(&t.code, "co_positions", |vm, a| {
        a.check_method(vm, "co_positions", 0, 0)?;
        let Value::Code(c) = &a.pos[0] else { return Err(vm.type_error("co_positions() needs a code object")) };
        let positions: Vec<Value> = c.word_view().units.iter().map(|u| unit_position(vm, c, *u)).collect();
        vm.get_iter(&Value::list(positions))
    });
    // `code.co_lines()`: (start, end, line) byte ranges of the wordcode view, one per
    // instruction with its caches (line None where CPython's has none).
    method(&t.code, "co_lines", |vm, a| {
        a.check_method(vm, "co_lines", 0, 0)?;
        let Value::Code(c) = &a.pos[0] else { return Err(vm.type_error("co_lines() needs a code object")) };
        let view = c.word_view();
        let line = |u: UnitSrc| match u {
            UnitSrc::NoLine => None,
            UnitSrc::FirstLine => Some(if c.kind == CodeKind::Module { 0 } else { c.firstlineno }),
            UnitSrc::Pc(pc) => Some(c.line_of(pc as usize)),
        };
        let ends = view.instr_starts.iter().skip(1).copied().chain(std::iter::once(view.units.len() as u32));
        let ranges: Vec<Value> = view
            .instr_starts
            .iter()
            .zip(ends)
            .map(|(&from, to)| {
                let l = line(view.units[from as usize]).map_or(Value::None, |l| Value::Int(l as i64));
                Value::tuple(vec![Value::Int(2 * from as i64), Value::Int(2 * to as i64), l])
            })
            .collect();
        vm.get_iter(&Value::list(ranges))
    });
    // `code._varname_from_oparg(i)`: the name a deref or fast-local argument of the view names.
    method(&t.code, "_varname_from_oparg", |vm, a| {
        a.check_method(vm, "_varname_from_oparg", 1, 1)?;
        let Value::Code(c) = &a.pos[0] else { return Err(vm.type_error("_varname_from_oparg() needs a code object")) };
        let names = localsplus_names(c);
        match a.pos[1] {
            Value::Int(i) if i >= 0 && (i as usize) < names.len() => Ok(Value::Str(names[i as usize].clone())),
            _ => Err(vm.err("IndexError", "tuple index out of range")),
        }
    });
    method(&t.cell, "__new__", |vm, a| {
        if a.pos.len() > 2 {
            return Err(vm.type_error(&format!("cell expected at most 1 argument, got {}", a.pos.len() - 1)));
        }
        if !a.kw.is_empty() {
            return Err(vm.type_error("cell() takes no keyword arguments"));
        }
        let cell = CellObject { cell: Arc::new(Cell::new(a.pos.get(1).cloned())), class: vm.rt.types.cell.clone() };
        Ok(Value::from_native(Arc::new(cell)))
    });
    method(&t.cell, "__repr__", |vm, a| {
        let Some(c) = a.native_self::<CellObject>() else { return Err(vm.type_error("expected a cell")) };
        let id = a.pos[0].id();
        Ok(Value::string(match c.cell.get() {
            None => format!("<cell at {id:#x}: empty>"),
            Some(v) => {
                let tn = vm.type_name(&v);
                format!("<cell at {id:#x}: {tn} object at {:#x}>", v.id())
            }
        }))
    });
    // Cells compare by contents; an empty cell sorts before a full one
    // (CPython's cell_richcompare).
    for (name, op) in super::RICH_COMPARISONS {
        method(&t.cell, name, move |vm, a| {
            a.check_method(vm, name, 1, 1)?;
            let (Some(x), Some(Value::Native2(o))) = (a.native_self::<CellObject>(), a.pos.get(1)) else {
                return Ok(Value::NotImplemented);
            };
            let Some(y) = o.as_any().downcast_ref::<CellObject>() else { return Ok(Value::NotImplemented) };
            match (x.cell.get(), y.cell.get()) {
                (Some(l), Some(r)) => vm.compare(&l, &r, op),
                (l, r) => {
                    let (l, r) = (i64::from(l.is_some()), i64::from(r.is_some()));
                    vm.compare(&Value::Int(l), &Value::Int(r), op)
                }
            }
        });
    }
    register_member(rt);
    register_type_extras(rt);
}

/// The `co_positions()` entry of one code unit of the wordcode view.
fn unit_position(vm: &Vm, c: &crate::bytecode::CodeObject, u: UnitSrc) -> Value {
    match u {
        UnitSrc::Pc(pc) => position_tuple(vm, c, pc as usize),
        UnitSrc::NoLine => Value::tuple(vec![Value::None, Value::None, Value::None, Value::None]),
        UnitSrc::FirstLine if c.kind == CodeKind::Module => {
            Value::tuple(vec![Value::Int(0), Value::Int(1), Value::Int(0), Value::Int(0)])
        }
        UnitSrc::FirstLine => {
            let l = Value::Int(c.firstlineno as i64);
            Value::tuple(vec![l.clone(), l, Value::Int(0), Value::Int(0)])
        }
    }
}

/// One `co_positions()` entry; unknown columns are None, as in CPython.
fn position_tuple(vm: &Vm, c: &crate::bytecode::CodeObject, pc: usize) -> Value {
    let line = c.line_of(pc);
    let cols = c.cols_of(pc);
    if !cols.is_known() {
        return Value::tuple(vec![Value::Int(line as i64), Value::Int(line as i64), Value::None, Value::None]);
    }
    let end_line = line + cols.end_line_delta as u32;
    // Columns are kept in characters; a line with non-ASCII text needs its byte offsets.
    let bytes_at = |line: u32, col: u16| -> i64 {
        match vm.rt.source_line(&c.filename, line) {
            Some(text) if !text.is_ascii() => text.chars().take(col as usize).map(char::len_utf8).sum::<usize>() as i64,
            _ => col as i64,
        }
    };
    Value::tuple(vec![
        Value::Int(line as i64),
        Value::Int(end_line as i64),
        Value::Int(bytes_at(line, cols.col)),
        Value::Int(bytes_at(end_line, cols.end_col)),
    ])
}

fn member(vm: &mut Vm, a: &Args) -> PyResult<Arc<dyn crate::object::native::NativeObject>> {
    match &a.pos[0] {
        Value::Native2(o) if o.as_any().is::<SlotMember>() => Ok((**o).clone()),
        _ => Err(vm.type_error("expected a member descriptor")),
    }
}

/// `member_descriptor`: `__get__`, `__set__`, `__delete__` and the repr.
fn register_member(rt: &Runtime) {
    let md = &rt.types.member_descriptor;
    method(md, "__get__", |vm, a| {
        if let Some(r) = super::builtin_attrs::member_op(vm, &a, "__get__") {
            return r;
        }
        a.check_method(vm, "__get__", 1, 2)?;
        let o = member(vm, &a)?;
        let m = o.as_any().downcast_ref::<SlotMember>().expect("member");
        if a.pos[1].is_none() {
            return Ok(a.pos[0].clone());
        }
        vm.slot_get(m, &a.pos[1])
    });
    method(md, "__set__", |vm, a| {
        if let Some(r) = super::builtin_attrs::member_op(vm, &a, "__set__") {
            return r;
        }
        a.check_method(vm, "__set__", 2, 2)?;
        let o = member(vm, &a)?;
        let m = o.as_any().downcast_ref::<SlotMember>().expect("member");
        vm.slot_set(m, &a.pos[1], Some(a.pos[2].clone()))?;
        Ok(Value::None)
    });
    method(md, "__delete__", |vm, a| {
        if let Some(r) = super::builtin_attrs::member_op(vm, &a, "__delete__") {
            return r;
        }
        a.check_method(vm, "__delete__", 1, 1)?;
        let o = member(vm, &a)?;
        let m = o.as_any().downcast_ref::<SlotMember>().expect("member");
        vm.slot_set(m, &a.pos[1], None)?;
        Ok(Value::None)
    });
    method(md, "__repr__", |vm, a| {
        if let Some(r) = super::builtin_attrs::member_op(vm, &a, "__repr__") {
            return r;
        }
        let o = member(vm, &a)?;
        let m = o.as_any().downcast_ref::<SlotMember>().expect("member");
        Ok(Value::string(format!("<member '{}' of '{}' objects>", m.name.as_str(), m.owner.as_str())))
    });
}

/// `type.__subclasses__()` (the live ones, in creation order) and
/// `type.__prepare__()` (a fresh dict, whatever the arguments).
fn register_type_extras(rt: &Runtime) {
    let t = &rt.types.type_;
    method(t, "__subclasses__", |vm, a| {
        let Value::Class(c) = &a.pos[0] else { return Err(vm.type_error("__subclasses__() needs a type")) };
        let subs: Vec<Value> = c.extra.subclasses.lock().iter().filter_map(|w| w.upgrade()).map(Value::Class).collect();
        Ok(Value::list(subs))
    });
    // A class method (`type.__prepare__()` needs no argument at all).
    super::types_num::classmethod(rt, t, "__prepare__", |_vm, _a| {
        Ok(Value::Dict(Arc::new(crate::object::dict::Dict::new())))
    });
    // What a metaclass's `super().__setattr__(name, value)` reaches.
    method(t, "__setattr__", |vm, a| {
        a.expect_after_self(vm, 2)?;
        let (Value::Class(c), Value::Str(n)) = (&a.pos[0], &a.pos[1]) else {
            return Err(vm.type_error("type.__setattr__ needs a type and an attribute name"));
        };
        let (c, n) = (c.clone(), n.clone());
        vm.type_setattr(&c, &n, Some(a.pos[2].clone()))?;
        Ok(Value::None)
    });
    method(t, "__delattr__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let (Value::Class(c), Value::Str(n)) = (&a.pos[0], &a.pos[1]) else {
            return Err(vm.type_error("type.__delattr__ needs a type and an attribute name"));
        };
        let (c, n) = (c.clone(), n.clone());
        vm.type_setattr(&c, &n, None)?;
        Ok(Value::None)
    });
}

/// A classmethod_descriptor's check that the class it is given derives from
/// its owner (CPython's wording).
fn require_subtype(vm: &mut Vm, tc: &Arc<Class>, owner: &Arc<Class>, name: &str) -> PyResult<()> {
    if tc.is_subclass(owner) {
        return Ok(());
    }
    let msg = format!(
        "descriptor '{name}' requires a subtype of '{}' but received '{}'",
        owner.name().as_str(),
        tc.name().as_str()
    );
    Err(vm.type_error(&msg))
}

/// The type a `classmethod_descriptor` belongs to (`dict` for `fromkeys`) and its name.
fn cm_descr(vm: &mut Vm, a: &Args, what: &str) -> PyResult<(Value, Arc<Class>, String)> {
    let found = match a.pos.first() {
        Some(Value::Native2(o)) => o.as_any().downcast_ref::<ClassMethod>().and_then(|cm| {
            match (cm.dict.get_item_str("__objclass__"), cm.dict.get_item_str("__name__")) {
                (Some(Value::Class(c)), Some(Value::Str(n))) => Some((cm.func.clone(), c, n.as_str().to_string())),
                _ => None,
            }
        }),
        _ => None,
    };
    found.ok_or_else(|| vm.type_error(&format!("descriptor '{what}' requires a 'classmethod_descriptor' object")))
}

/// CPython's `classmethod_descriptor`: `__get__` binds to a subtype of the owner
/// (`dict.__dict__['fromkeys'].__get__(None, dict)`), a direct call takes the type
/// first, and the repr is a method's.
fn register_classmethod_descriptor(t: &crate::vm::runtime::Types) {
    let c = &t.classmethod_descriptor;
    method(c, "__get__", |vm, a| {
        a.check_method(vm, "__get__", 1, 2)?;
        let (func, owner, name) = cm_descr(vm, &a, "__get__")?;
        let on = owner.name();
        let ty = match a.pos.get(2) {
            Some(t) if !t.is_none() => t.clone(),
            _ if !a.pos[1].is_none() => Value::Class(vm.class_of(&a.pos[1])),
            _ => {
                let msg = format!("descriptor '{name}' for type '{}' needs either an object or a type", on.as_str());
                return Err(vm.type_error(&msg));
            }
        };
        let Value::Class(tc) = &ty else {
            let tn = vm.type_name(&ty);
            let msg = format!("descriptor '{name}' for type '{}' needs a type, not a '{tn}' as arg 2", on.as_str());
            return Err(vm.type_error(&msg));
        };
        require_subtype(vm, tc, &owner, &name)?;
        Ok(Vm::bound(ty, func))
    });
    method(c, "__call__", |vm, a| {
        let (func, owner, name) = cm_descr(vm, &a, "__call__")?;
        let on = owner.name();
        let Some(first) = a.pos.get(1) else {
            return Err(vm.type_error(&format!("descriptor '{name}' of '{}' object needs an argument", on.as_str())));
        };
        let Value::Class(tc) = first else {
            let tn = vm.type_name(first);
            return Err(vm.type_error(&format!("descriptor '{name}' requires a type but received a '{tn}'")));
        };
        require_subtype(vm, tc, &owner, &name)?;
        vm.call_value(&func, Args::with_kw(a.pos[1..].to_vec(), a.kw))
    });
    method(c, "__repr__", |vm, a| {
        let (_, owner, name) = cm_descr(vm, &a, "__repr__")?;
        Ok(Value::string(format!("<method '{name}' of '{}' objects>", owner.name().as_str())))
    });
}
