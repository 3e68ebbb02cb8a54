//! `Value`: what a Python variable holds.
//!
//! Small immutable things (None, bools, small ints, floats) live inline, so
//! arithmetic in a loop allocates nothing; everything else is an `Arc` to an
//! object whose mutable parts sit behind a parking_lot lock of their own
//! (decision 1 of ARCHITECTURE.md: objects are Send + Sync, so threads can run
//! truly in parallel with the GIL off and still never tear an object).

use std::sync::Arc;

use num_bigint::BigInt;

use super::class::{Class, Instance};
use super::dict::Dict;
use super::function::{BoundMethod, Function, NativeFunction};
use super::generator::Generator;
use super::iter::NativeIter;
use super::list::List;
use super::module::Module;
use super::native::NativeObject;
use super::set::Set;
use super::str::PyStr;
use super::tuple::Tuple;
use crate::bytecode::CodeObject;

/// A Python value. Cloning is cheap: a copy or an `Arc` increment.
///
/// A value is two words, a tag and a payload, and every payload is an
/// integer or a pointer: bools and floats are kept as words ([`Word`],
/// [`FloatBits`]; build them with `Value::Bool(b)` / `Value::Float(f)`),
/// `Native2` boxes its fat pointer, and `repr(u64)` makes the tag a whole
/// word. Rust then passes and returns values in two registers; with a byte
/// or float payload the enum was an opaque aggregate, moved through memory
/// with wide loads of narrow stores that stall store-to-load forwarding —
/// this layout alone made the benchmarks of issue 2 about 20% faster.
#[repr(u64)]
pub enum Value {
    None,
    NotImplemented,
    Ellipsis,
    /// `True` / `False` (match with `Value::Boolean(b)`, read `b.get()`).
    Boolean(Word),
    /// An int that fits in 64 bits; arithmetic overflows into `BigInt`.
    Int(i64),
    /// An int that does not fit in 64 bits (always normalised: never small).
    BigInt(Arc<BigInt>),
    /// A float (match with `Value::Flt(f)`, read `f.get()`).
    Flt(FloatBits),
    /// A complex number.
    Cplx(Arc<super::complex::Complex>),
    Str(Arc<PyStr>),
    Bytes(Arc<Vec<u8>>),
    Tuple(Arc<Tuple>),
    List(Arc<List>),
    Dict(Arc<Dict>),
    /// set or frozenset (the `frozen` flag tells which).
    Set(Arc<Set>),
    Function(Arc<Function>),
    Native(Arc<NativeFunction>),
    Method(Arc<BoundMethod>),
    Class(Arc<Class>),
    Instance(Arc<Instance>),
    Module(Arc<Module>),
    /// generator, coroutine or async generator.
    Generator(Arc<Generator>),
    /// Built-in iterators (list_iterator, range_iterator, zip, map, …).
    Iter(Arc<NativeIter>),
    Range(Arc<Range>),
    Slice(Arc<Slice>),
    Code(Arc<CodeObject>),
    /// Everything else implemented in Rust: locks, files, threads, …
    ///
    /// Boxed because a `dyn` Arc is a fat pointer: unboxed it would make
    /// every `Value` 24 bytes instead of 16. Identity (`is`, `id`) is the
    /// inner object's address, so two boxes of one object are the same object.
    Native2(Box<Arc<dyn NativeObject>>),
}

impl Clone for Value {
    /// Inline for the unboxed variants (the common case in arithmetic);
    /// boxed ones take the out-of-line path with its reference count.
    #[inline]
    fn clone(&self) -> Value {
        match self {
            Value::None => Value::None,
            Value::Boolean(b) => Value::Bool(b.get()),
            Value::Int(i) => Value::Int(*i),
            Value::Flt(f) => Value::Float(f.get()),
            _ => self.clone_boxed(),
        }
    }
}

/// A `bool` payload kept as a whole word (0 or 1), and a `float` payload
/// kept as its bits: with every payload an integer or a pointer word, Rust
/// passes and returns a `Value` in two registers instead of through memory
/// (a byte or a float payload makes the enum an opaque aggregate, moved with
/// wide loads of narrow stores that stall store-to-load forwarding).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Word(u64);

impl Word {
    #[inline(always)]
    pub fn get(self) -> bool {
        self.0 != 0
    }
}

/// See [`Word`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct FloatBits(u64);

impl FloatBits {
    #[inline(always)]
    pub fn get(self) -> f64 {
        f64::from_bits(self.0)
    }
}

#[allow(non_snake_case)]
impl Value {
    /// `True` or `False`.
    #[inline(always)]
    pub const fn Bool(b: bool) -> Value {
        Value::Boolean(Word(b as u64))
    }

    /// A float.
    #[inline(always)]
    pub fn Float(f: f64) -> Value {
        Value::Flt(FloatBits(f.to_bits()))
    }

    /// A complex number.
    pub fn complex(re: f64, im: f64) -> Value {
        Value::Cplx(Arc::new(super::complex::Complex::new(re, im)))
    }

    /// The payload of a bool value.
    #[inline(always)]
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Boolean(w) => Some(w.get()),
            _ => None,
        }
    }

    /// The payload of a float value.
    #[inline(always)]
    pub fn as_float(&self) -> Option<f64> {
        match self {
            Value::Flt(f) => Some(f.get()),
            _ => None,
        }
    }
}

impl Value {
    /// Wraps an object implemented in Rust.
    pub fn from_native(obj: Arc<dyn NativeObject>) -> Value {
        Value::Native2(Box::new(obj))
    }

    #[inline(never)]
    fn clone_boxed(&self) -> Value {
        use Value::*;
        match self {
            None => None,
            NotImplemented => NotImplemented,
            Ellipsis => Ellipsis,
            Boolean(b) => Boolean(*b),
            Int(i) => Int(*i),
            Flt(f) => Flt(*f),
            BigInt(a) => BigInt(a.clone()),
            Cplx(a) => Cplx(a.clone()),
            Str(a) => Str(a.clone()),
            Bytes(a) => Bytes(a.clone()),
            Tuple(a) => Tuple(a.clone()),
            List(a) => List(a.clone()),
            Dict(a) => Dict(a.clone()),
            Set(a) => Set(a.clone()),
            Function(a) => Function(a.clone()),
            Native(a) => Native(a.clone()),
            Method(a) => Method(a.clone()),
            Class(a) => Class(a.clone()),
            Instance(a) => Instance(a.clone()),
            Module(a) => Module(a.clone()),
            Generator(a) => Generator(a.clone()),
            Iter(a) => Iter(a.clone()),
            Range(a) => Range(a.clone()),
            Slice(a) => Slice(a.clone()),
            Code(a) => Code(a.clone()),
            Native2(a) => Native2(a.clone()),
        }
    }
}

pub use super::range::Range;

/// `slice(start, stop, step)` as produced by `a[x:y:z]`.
pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl Slice {
    /// `(start, stop, step)`: what slices compare as.
    pub fn as_tuple(&self) -> Value {
        Value::tuple(vec![self.start.clone(), self.stop.clone(), self.step.clone()])
    }
}

impl Value {
    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    pub fn str(s: &str) -> Value {
        Value::Str(Arc::new(PyStr::new(s)))
    }

    pub fn string(s: String) -> Value {
        Value::Str(Arc::new(PyStr::from_string(s)))
    }

    /// Builds a tuple; the empty tuple is a singleton, as in CPython (`() is ()`).
    pub fn tuple(items: Vec<Value>) -> Value {
        if items.is_empty() {
            static EMPTY: std::sync::OnceLock<Arc<Tuple>> = std::sync::OnceLock::new();
            return Value::Tuple(EMPTY.get_or_init(|| Arc::new(Tuple::new(Vec::new()))).clone());
        }
        Value::Tuple(super::gc::tuple(Arc::new(Tuple::new(items))))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(super::gc::list(Arc::new(List::new(items))))
    }

    /// Builds an int value, demoting to the inline form when it fits.
    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Arc::new(b)),
        }
    }

    /// Identity, as `is` sees it: same inline value or same object.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) | (NotImplemented, NotImplemented) | (Ellipsis, Ellipsis) => true,
            (Boolean(a), Boolean(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Flt(a), Flt(b)) => a == b,
            _ => match (self.ptr(), other.ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of the object behind the value, if it is boxed.
    pub fn ptr(&self) -> Option<usize> {
        use Value::*;
        Some(match self {
            BigInt(a) => Arc::as_ptr(a) as *const u8 as usize,
            Cplx(a) => Arc::as_ptr(a) as *const u8 as usize,
            Str(a) => Arc::as_ptr(a) as *const u8 as usize,
            Bytes(a) => Arc::as_ptr(a) as *const u8 as usize,
            Tuple(a) => Arc::as_ptr(a) as *const u8 as usize,
            List(a) => Arc::as_ptr(a) as *const u8 as usize,
            Dict(a) => Arc::as_ptr(a) as *const u8 as usize,
            Set(a) => Arc::as_ptr(a) as *const u8 as usize,
            Function(a) => Arc::as_ptr(a) as *const u8 as usize,
            Native(a) => Arc::as_ptr(a) as *const u8 as usize,
            Method(a) => Arc::as_ptr(a) as *const u8 as usize,
            Class(a) => Arc::as_ptr(a) as *const u8 as usize,
            Instance(a) => Arc::as_ptr(a) as *const u8 as usize,
            Module(a) => Arc::as_ptr(a) as *const u8 as usize,
            Generator(a) => Arc::as_ptr(a) as *const u8 as usize,
            Iter(a) => Arc::as_ptr(a) as *const u8 as usize,
            Range(a) => Arc::as_ptr(a) as *const u8 as usize,
            Slice(a) => Arc::as_ptr(a) as *const u8 as usize,
            Code(a) => Arc::as_ptr(a) as *const u8 as usize,
            Native2(a) => Arc::as_ptr(&**a) as *const u8 as usize,
            _ => return Option::None,
        })
    }

    /// `id(x)`: the object address, or a stable made-up number for inline values.
    pub fn id(&self) -> i64 {
        match self.ptr() {
            Some(p) => p as i64,
            None => match self {
                Value::None => 0x1000,
                Value::NotImplemented => 0x1010,
                Value::Ellipsis => 0x1020,
                Value::Boolean(b) => 0x1030 + b.get() as i64 * 16,
                Value::Int(i) => 0x10_0000_0000i64.wrapping_add(i.wrapping_mul(32)),
                Value::Flt(f) => (f.get().to_bits() >> 4) as i64,
                _ => 0,
            },
        }
    }

    pub fn as_str(&self) -> Option<&Arc<PyStr>> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Boolean(b) => write!(f, "{}", b.get()),
            Value::Int(i) => write!(f, "{i}"),
            Value::Flt(x) => write!(f, "{}", x.get()),
            Value::Str(s) => write!(f, "{:?}", s.as_str()),
            _ => write!(f, "<value>"),
        }
    }
}

#[cfg(test)]
mod size_tests {
    use super::Value;

    #[test]
    fn a_value_is_two_words() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
        assert_eq!(std::mem::size_of::<Option<Value>>(), 16);
    }
}
