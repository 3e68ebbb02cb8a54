//! Arguments of a call into a built-in function, and helpers to unpack them.

use std::sync::Arc;

use super::{PyResult, Vm};
use crate::object::str::PyStr;
use crate::object::value::Value;

/// Positional and keyword arguments of one call.
#[derive(Default)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Arc<PyStr>, Value)>,
}

impl Args {
    pub fn new(pos: Vec<Value>) -> Args {
        Args { pos, kw: Vec::new() }
    }

    pub fn with_kw(pos: Vec<Value>, kw: Vec<(Arc<PyStr>, Value)>) -> Args {
        Args { pos, kw }
    }

    pub fn len(&self) -> usize {
        self.pos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pos.is_empty() && self.kw.is_empty()
    }

    /// The first positional argument as the Rust object `T`: a native
    /// method's `self`.
    pub fn native_self<T: 'static>(&self) -> Option<&T> {
        match self.pos.first() {
            Some(Value::Native2(o)) => o.as_any().downcast_ref::<T>(),
            _ => None,
        }
    }

    /// Removes and returns a keyword argument.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| k.as_str() == name)?;
        Some(self.kw.remove(i).1)
    }

    /// Positional argument `i`, or the keyword `name`, removing the keyword.
    pub fn arg(&mut self, i: usize, name: &str) -> Option<Value> {
        if let Some(v) = self.take_kw(name) {
            return Some(v);
        }
        self.pos.get(i).cloned()
    }

    /// Checks the positional count is within `min..=max` and that no
    /// unknown keywords remain; `fname` is used in the error message.
    pub fn check(&self, vm: &mut Vm, fname: &str, min: usize, max: usize) -> PyResult<()> {
        check_count(vm, self.pos.len(), fname, min, max)
    }

    /// [`Args::check`] for a method, whose `self` is the first positional
    /// argument and is not counted (`range.count() takes exactly one
    /// argument (0 given)`).
    pub fn check_method(&self, vm: &mut Vm, fname: &str, min: usize, max: usize) -> PyResult<()> {
        check_count(vm, self.pos.len().saturating_sub(1), fname, min, max)
    }

    /// For a slot wrapper called with `self` first (`x.__eq__(y)`):
    /// exactly `n` more positional arguments, with CPython's message
    /// (`expected 1 argument, got 0`).
    pub fn expect_after_self(&self, vm: &mut Vm, n: usize) -> PyResult<()> {
        let got = self.pos.len().saturating_sub(1);
        if got != n {
            let s = if n == 1 { "" } else { "s" };
            return Err(vm.type_error(&format!("expected {n} argument{s}, got {got}")));
        }
        Ok(())
    }
    /// Fails if keyword arguments were passed to a function that takes none.
    pub fn no_kw(&self, vm: &mut Vm, fname: &str) -> PyResult<()> {
        if !self.kw.is_empty() {
            return Err(vm.type_error(&format!("{fname}() takes no keyword arguments")));
        }
        Ok(())
    }

    /// Binds the arguments to `names` as CPython's Argument Clinic does,
    /// once the caller has checked their count: positionals fill the first
    /// slots, keywords their named slot; an unknown keyword, a name given
    /// twice or one of the first `required` missing is CPython's TypeError.
    pub fn clinic_slots(
        &self,
        vm: &mut Vm,
        fname: &str,
        names: &[&str],
        required: usize,
    ) -> PyResult<Vec<Option<Value>>> {
        let npos = self.pos.len();
        let mut out: Vec<Option<Value>> = vec![None; names.len()];
        for (slot, v) in out.iter_mut().zip(&self.pos) {
            *slot = Some(v.clone());
        }
        // CPython reports a missing required argument before an unknown keyword.
        let mut unknown = None;
        for (k, v) in &self.kw {
            match names.iter().position(|n| *n == k.as_str()) {
                None => {
                    unknown.get_or_insert_with(|| {
                        format!("'{}' is an invalid keyword argument for {fname}()", k.as_str())
                    });
                }
                Some(i) if i < npos => {
                    let msg =
                        format!("argument for {fname}() given by name ('{}') and position ({})", k.as_str(), i + 1);
                    return Err(vm.type_error(&msg));
                }
                Some(i) => out[i] = Some(v.clone()),
            }
        }
        for (i, name) in names.iter().enumerate().take(required) {
            if out[i].is_none() {
                return Err(vm.type_error(&format!("{fname}() missing required argument '{name}' (pos {})", i + 1)));
            }
        }
        if let Some(msg) = unknown {
            return Err(vm.type_error(&msg));
        }
        Ok(out)
    }

    /// Checks a positional-only signature with CPython's wording
    /// (`read expected 2 arguments, got 1`).
    pub fn posonly(&self, vm: &mut Vm, fname: &str, min: usize, max: usize) -> PyResult<()> {
        if !self.kw.is_empty() {
            return Err(vm.type_error(&format!("{fname}() takes no keyword arguments")));
        }
        let n = self.pos.len();
        let s = |k: usize| if k == 1 { "" } else { "s" };
        let msg = if min == max && n != min {
            format!("{fname} expected {min} argument{}, got {n}", s(min))
        } else if n < min {
            format!("{fname} expected at least {min} argument{}, got {n}", s(min))
        } else if n > max {
            format!("{fname} expected at most {max} argument{}, got {n}", s(max))
        } else {
            return Ok(());
        };
        Err(vm.type_error(&msg))
    }

    /// Fails on any keyword left over after the function took the ones it knows.
    pub fn no_extra_kw(&self, vm: &mut Vm, fname: &str) -> PyResult<()> {
        if let Some((k, _)) = self.kw.first() {
            return Err(vm.type_error(&format!("{fname}() got an unexpected keyword argument '{}'", k.as_str())));
        }
        Ok(())
    }
}

/// Checks a positional count `n` against `min..=max` with CPython's
/// messages; `fname` names the function.
fn check_count(vm: &mut Vm, n: usize, fname: &str, min: usize, max: usize) -> PyResult<()> {
    if n < min || n > max {
        let msg = if min == max {
            match min {
                0 => format!("{fname}() takes no arguments ({n} given)"),
                1 => format!("{fname}() takes exactly one argument ({n} given)"),
                _ => format!("{fname}() takes exactly {min} arguments ({n} given)"),
            }
        } else if n < min {
            format!("{fname} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else {
            format!("{fname} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        };
        return Err(vm.type_error(&msg));
    }
    Ok(())
}
