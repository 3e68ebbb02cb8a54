//! Binding a call's arguments straight from the value stack into the
//! callee's new frame (CPython 3.11's `initialize_locals`, its common case):
//! positional arguments, keyword arguments matched by interned pointer,
//! defaults and keyword-only defaults, cells, and generator creation, with
//! no argument vector, keyword vector or message string built on the way.
//!
//! The binding is planned before any value moves: a call this path cannot
//! bind exactly (a missing, repeated or unknown argument, a `*args` or
//! `**kwargs` parameter, very many parameters) is left on the stack as it
//! was, and the caller takes the generic path, which raises CPython's error.

use std::sync::Arc;

use super::frame::Frame;
use super::{PyResult, Vm};
use crate::bytecode::CodeObject;
use crate::bytecode::code::flags;
use crate::object::class::{Class, Instance, Payload};
use crate::object::function::Function;
use crate::object::str::PyStr;
use crate::object::value::Value;

/// Functions with more named parameters than this are bound by the
/// generic path (the plan records the bound ones in one `u64`).
const MAX_PARAMS: usize = 64;
/// Calls with more keyword arguments than this take the generic path (the
/// plan keeps each one's parameter index in a fixed array, not a `Vec`).
const MAX_KW: usize = 16;

/// What goes before the positional arguments found on the stack.
pub enum First<'a> {
    /// Nothing: the stack holds every positional argument.
    Nothing,
    /// A bound method's receiver.
    Receiver(Value),
    /// `cls(...)` running `__init__` as a frame: a new instance of the
    /// class, made only once the binding is known to succeed (so a failed
    /// plan never creates, then drops, an instance whose class has
    /// `__del__`); the frame returns it instead of `__init__`'s `None`.
    NewInstance(&'a Arc<Class>),
}

impl First<'_> {
    fn count(&self) -> usize {
        usize::from(!matches!(self, First::Nothing))
    }
}

/// The index of parameter `name` among `code.varnames[from..to]`: by
/// pointer first (names are interned by the compiler and by marshal), by
/// text only when no pointer matches.
#[inline]
fn param_index(code: &CodeObject, name: &Arc<PyStr>, from: usize, to: usize) -> Option<usize> {
    let params = &code.varnames[from..to];
    if let Some(j) = params.iter().position(|p| Arc::ptr_eq(p, name)) {
        return Some(from + j);
    }
    params.iter().position(|p| p.as_str() == name.as_str()).map(|j| from + j)
}

/// The default of keyword-only parameter `name`, if it has one.
#[inline]
fn kwdefault<'a>(kwdefaults: &'a [(Arc<PyStr>, Value)], name: &Arc<PyStr>) -> Option<&'a Value> {
    kwdefaults.iter().find(|(k, _)| Arc::ptr_eq(k, name) || k.as_str() == name.as_str()).map(|(_, v)| v)
}

/// Decides where every argument goes, or `false` when the generic path
/// must bind (and perhaps raise). `slots[k]` receives the parameter index
/// of keyword argument `k`.
fn plan(
    code: &CodeObject,
    defaults: &[Value],
    kwdefaults: &[(Arc<PyStr>, Value)],
    npos: usize,
    names: &[Value],
    slots: &mut [u8; MAX_KW],
) -> bool {
    if code.flags & (flags::VARARGS | flags::VARKEYWORDS) != 0 {
        return false;
    }
    let argcount = code.argcount as usize;
    let total = argcount + code.kwonlyargcount as usize;
    if npos > argcount || total > MAX_PARAMS || names.len() > MAX_KW {
        return false;
    }
    let mask = |n: usize| if n >= 64 { u64::MAX } else { (1u64 << n) - 1 };
    let mut bound = mask(npos);
    let posonly = code.posonlyargcount as usize;
    for (k, name) in names.iter().enumerate() {
        let Value::Str(name) = name else { return false };
        let Some(j) = param_index(code, name, posonly, total) else { return false };
        if bound & (1u64 << j) != 0 {
            return false;
        }
        bound |= 1u64 << j;
        slots[k] = j as u8;
    }
    // Positional parameters left unbound need a default.
    let first_default = argcount - defaults.len().min(argcount);
    if bound & mask(first_default) != mask(first_default) {
        return false;
    }
    (argcount..total).all(|j| bound & (1u64 << j) != 0 || kwdefault(kwdefaults, &code.varnames[j]).is_some())
}

impl Vm {
    /// Calls `func` with the values at `stack[base..]` (the positional
    /// arguments, then the values of the keyword arguments named by
    /// `names`), after `first`. On success the arguments and the `below`
    /// slots under them (the callee, a `None` placeholder) are gone from
    /// the stack and the callee's frame is current (or its generator is
    /// pushed); `Ok(false)` leaves the stack untouched for the generic path.
    pub(super) fn call_bound_fast(
        &mut self,
        func: &Arc<Function>,
        first: First<'_>,
        base: usize,
        below: usize,
        names: &[Value],
    ) -> PyResult<bool> {
        let code: &Arc<CodeObject> = &func.code;
        let nstack = self.frame.stack.len() - base;
        let Some(npos_stack) = nstack.checked_sub(names.len()) else { return Ok(false) };
        let npos = npos_stack + first.count();
        // Exactly the positional parameters, nothing else: every parameter
        // is bound by position, so neither the defaults nor a plan are
        // needed (no lock, no reference count on the defaults).
        let exact = names.is_empty()
            && npos == code.argcount as usize
            && code.kwonlyargcount == 0
            && code.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0;
        let mut slots = [0u8; MAX_KW];
        let defaults = if exact {
            None
        } else {
            // Snapshots of the defaults (one reference count each, no lock
            // held while the frame is built).
            let defaults = func.defaults.lock().clone();
            let kwdefaults = if code.kwonlyargcount > 0 { Some(func.kwdefaults.lock().clone()) } else { None };
            let kwd = kwdefaults.as_deref().map_or(&[][..], |k| &k[..]);
            if !plan(code, &defaults, kwd, npos, names, &mut slots) {
                return Ok(false);
            }
            Some((defaults, kwdefaults))
        };
        if !code.is_generator_like() {
            let limit = self.rt.recursion_limit.load(std::sync::atomic::Ordering::Relaxed);
            if self.frames.len() >= limit {
                return Err(self.err("RecursionError", "maximum recursion depth exceeded"));
            }
        }
        let mut frame = match self.frame_pool.pop() {
            Some(mut f) => {
                f.reset(code, &func.globals);
                f
            }
            None => Box::new(Frame::new_unfilled(code.clone(), func.globals.clone())),
        };
        frame.serial = self.next_frame_serial();
        frame.fill_locals(std::iter::empty());
        let offset = first.count();
        match first {
            First::Nothing => {}
            First::Receiver(v) => frame.locals[0] = Some(v),
            First::NewInstance(cls) => {
                let inst = crate::object::gc::instance(Arc::new(Instance::new(cls.clone(), Payload::None)));
                frame.locals[0] = Some(Value::Instance(inst.clone()));
                frame.return_override = Some(inst);
            }
        }
        for (i, v) in self.frame.stack.drain(base..).enumerate() {
            let j = if i < npos_stack { offset + i } else { slots[i - npos_stack] as usize };
            frame.locals[j] = Some(v);
        }
        self.frame.stack.truncate(base - below);
        if let Some((defaults, kwdefaults)) = defaults {
            let kwd = kwdefaults.as_deref().map_or(&[][..], |k| &k[..]);
            let argcount = code.argcount as usize;
            let first_default = argcount - defaults.len().min(argcount);
            for j in npos.max(first_default)..argcount {
                if frame.locals[j].is_none() {
                    frame.locals[j] = Some(defaults[j - first_default].clone());
                }
            }
            for j in argcount..code.total_args() {
                if frame.locals[j].is_none() {
                    frame.locals[j] = kwdefault(kwd, &code.varnames[j]).cloned();
                }
            }
        }
        self.init_cells(func, &mut frame);
        if code.is_generator_like() {
            let g = self.new_generator(func, frame);
            self.push(g);
            return Ok(true);
        }
        let prev = std::mem::replace(&mut self.frame, frame);
        self.frames.push(prev);
        self.prof_enter();
        Ok(true)
    }
}
