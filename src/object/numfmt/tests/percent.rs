//! A toy object model implementing `PercentArgs`, used by the generated
//! `percent_N.rs` cases (which compare against python3's `fmt % args`).

use super::*;
use crate::object::numfmt::percent::{
    StarArg, char_from_int, char_required_error, float_required_error, int_required_error,
};
use num_traits::ToPrimitive;

/// A Python value in the toy model.
#[derive(Clone, Debug)]
pub(crate) enum V {
    N,
    B(bool),
    I(&'static str),
    F(u64),
    S(&'static str),
}

/// The right operand of `%`.
#[derive(Clone, Debug)]
pub(crate) enum A {
    T(&'static [V]),
    One(V),
    /// A dict: items and its `str()`.
    D(&'static [(&'static str, V)], &'static str),
    /// A list (a mapping for `%` purposes whose lookups fail).
    L,
}

impl V {
    fn type_name(&self) -> &'static str {
        match self {
            V::N => "NoneType",
            V::B(_) => "bool",
            V::I(_) => "int",
            V::F(_) => "float",
            V::S(_) => "str",
        }
    }
    fn int(&self) -> Option<BigInt> {
        match self {
            V::B(b) => Some(BigInt::from(*b as i32)),
            V::I(s) => Some(big(s)),
            _ => None,
        }
    }
}

/// The toy "exception": type name and message.
#[derive(Debug, PartialEq)]
pub(crate) struct Exc(String, String);

impl From<NumError> for Exc {
    fn from(e: NumError) -> Exc {
        Exc(e.type_name().to_owned(), e.message().to_owned())
    }
}

/// Either a single value (for `A::One`, `A::D` and `A::L` the operand itself).
#[derive(Clone, Debug)]
pub(crate) enum Obj {
    V(V),
    Whole,
}

pub(crate) struct Args(pub(crate) A);

impl Args {
    fn val(&self, o: &Obj) -> Option<V> {
        match (o, &self.0) {
            (Obj::V(v), _) => Some(v.clone()),
            (Obj::Whole, A::One(v)) => Some(v.clone()),
            _ => None,
        }
    }
}

impl PercentArgs for Args {
    type Value = Obj;
    type Error = Exc;
    fn tuple_len(&self) -> Option<usize> {
        match &self.0 {
            A::T(v) => Some(v.len()),
            _ => None,
        }
    }
    fn tuple_item(&mut self, i: usize) -> Obj {
        match &self.0 {
            A::T(v) => Obj::V(v[i].clone()),
            _ => unreachable!(),
        }
    }
    fn whole(&mut self) -> Obj {
        Obj::Whole
    }
    fn is_mapping(&self) -> bool {
        matches!(self.0, A::D(..) | A::L)
    }
    fn lookup(&mut self, key: &str) -> Result<Obj, Exc> {
        match &self.0 {
            A::D(items, _) => items
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| Obj::V(v.clone()))
                .ok_or_else(|| Exc("KeyError".into(), py_str_repr(key))),
            _ => Err(Exc("TypeError".into(), "list indices must be integers or slices, not str".into())),
        }
    }
    fn star(&mut self, v: &Obj) -> StarArg {
        match self.val(v).and_then(|v| v.int()) {
            None => StarArg::NotInt,
            Some(i) => i.to_i64().map_or(StarArg::TooBig, StarArg::Int),
        }
    }
    fn int_value(&mut self, v: &Obj, conv: char) -> Result<BigInt, Exc> {
        let val = self.val(v).unwrap_or(V::N);
        match &val {
            V::F(bits) if !matches!(conv, 'o' | 'x' | 'X') => Ok(float_to_int_checked(f64::from_bits(*bits))?),
            _ => val.int().ok_or_else(|| int_required_error(conv, val.type_name()).into()),
        }
    }
    fn float_value(&mut self, v: &Obj) -> Result<f64, Exc> {
        let val = self.val(v).unwrap_or(V::N);
        match &val {
            V::F(bits) => Ok(f64::from_bits(*bits)),
            _ => match val.int() {
                Some(i) => Ok(bigint_to_f64(&i)?),
                None => Err(float_required_error(val.type_name()).into()),
            },
        }
    }
    fn char_value(&mut self, v: &Obj) -> Result<char, Exc> {
        let val = self.val(v).unwrap_or(V::N);
        if let V::S(s) = val {
            let mut it = s.chars();
            return match (it.next(), it.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(char_required_error().into()),
            };
        }
        match val.int() {
            Some(i) => Ok(char_from_int(&i)?),
            None => Err(char_required_error().into()),
        }
    }
    fn str(&mut self, v: &Obj) -> Result<String, Exc> {
        if let (Obj::Whole, A::D(_, s)) = (v, &self.0) {
            return Ok((*s).to_owned());
        }
        Ok(match self.val(v).unwrap_or(V::N) {
            V::S(s) => s.to_owned(),
            other => self.repr(&Obj::V(other))?,
        })
    }
    fn repr(&mut self, v: &Obj) -> Result<String, Exc> {
        if let (Obj::Whole, A::D(_, s)) = (v, &self.0) {
            return Ok((*s).to_owned());
        }
        Ok(match self.val(v).unwrap_or(V::N) {
            V::N => "None".to_owned(),
            V::B(b) => (if b { "True" } else { "False" }).to_owned(),
            V::I(s) => big(s).to_string(),
            V::F(bits) => float_repr(f64::from_bits(bits)),
            V::S(s) => py_str_repr(s),
        })
    }
    fn ascii(&mut self, v: &Obj) -> Result<String, Exc> {
        Ok(py_ascii_escape(&self.repr(v)?))
    }
}

pub(crate) fn check_percent(cases: &[(&str, A, Expect)]) {
    let mut bad = Vec::new();
    for (fmt, a, want) in cases {
        let mut args = Args(a.clone());
        let got = percent_format(fmt, &mut args);
        let ok = match (&got, want) {
            (Ok(g), Ok(w)) => g == w,
            (Err(Exc(t, m)), Err((wt, wm))) => t == wt && m == wm,
            _ => false,
        };
        if !ok {
            bad.push(format!("{fmt:?} % {a:?}: got {got:?}, want {want:?}"));
        }
    }
    report(bad);
}
