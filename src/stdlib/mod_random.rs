//! The `_random` module: `Random`, the Mersenne Twister type that CPython's
//! own `random.py` subclasses (`class Random(_random.Random)`).

use std::sync::Arc;

use num_bigint::BigInt;
use parking_lot::Mutex;

use super::def;
use super::mt19937::{Mt19937, N};
use crate::object::class::{Class, Instance, Layout, Payload};
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::vm::numeric::to_big;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

/// `_random.Random`: one generator behind a lock. An instance of a Python
/// subclass is an `Instance` whose builtin payload is this object, so it
/// has a `__dict__` (random.py keeps `gauss_next` there).
pub struct Random {
    mt: Mutex<Mt19937>,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(Random);

/// The generator of `self`, plain or wrapped in a subclass instance.
fn this<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a Random> {
    let r = match a.pos.first() {
        Some(Value::Native2(o)) => o.as_any().downcast_ref::<Random>(),
        Some(Value::Instance(i)) => match i.builtin_value() {
            Some(Value::Native2(o)) => o.as_any().downcast_ref::<Random>(),
            _ => None,
        },
        _ => None,
    };
    r.ok_or_else(|| vm.type_error("descriptor requires a '_random.Random' object"))
}

/// Seeds `mt` as CPython's C `random_seed`: None → entropy, int → its
/// magnitude, anything else → its hash (str and bytes arrive here already
/// turned into ints by random.py's `seed`, version 2).
fn seed(vm: &mut Vm, mt: &mut Mt19937, v: Option<&Value>) -> PyResult<()> {
    match v {
        None | Some(Value::None) => mt.seed_from_entropy(),
        Some(v) => match to_big(v) {
            Some(b) => mt.seed_from_bigint(&b),
            None => {
                let h = vm.hash_value(v)?;
                mt.seed_from_hash(h);
            }
        },
    }
    Ok(())
}

/// A generator in the all-zero state a fresh C object has before
/// `__init__` seeds it.
fn zeroed() -> Mt19937 {
    let mut mt = Mt19937::from_seed(&BigInt::from(0));
    let _ = mt.set_state(&[0u32; N], 0);
    mt
}

/// Creates the `_random` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("_random"));
    let cls = new_builtin_class("Random", std::slice::from_ref(&vm.rt.types.object), Layout::NativeNew);
    cls.dict.set_item_str("__module__", Value::str("_random"));
    let c2 = cls.clone();
    // tp_new is the generic one (any arguments); tp_init seeds.
    def(&cls.dict, "__new__", move |vm, a| {
        let Some(Value::Class(k)) = a.pos.first() else {
            return Err(vm.type_error("Random.__new__(X): X is not a type object"));
        };
        let r = Value::from_native(Arc::new(Random { mt: Mutex::new(zeroed()), class: c2.clone() }));
        if Arc::ptr_eq(k, &c2) {
            return Ok(r);
        }
        Ok(Value::Instance(Arc::new(Instance::new(k.clone(), Payload::Builtin(r)))))
    });
    def(&cls.dict, "__init__", |vm, a| {
        let exact = matches!(a.pos.first(), Some(Value::Native2(_)));
        if exact && !a.kw.is_empty() {
            return Err(vm.type_error("Random() takes no keyword arguments"));
        }
        if a.pos.len() > 2 {
            return Err(vm.type_error("Random() requires 0 or 1 argument"));
        }
        let mut mt = zeroed();
        seed(vm, &mut mt, a.pos.get(1))?;
        *this(vm, &a)?.mt.lock() = mt;
        Ok(Value::None)
    });
    def(&cls.dict, "seed", |vm, a| {
        if !a.kw.is_empty() {
            return Err(vm.type_error("Random.seed() takes no keyword arguments"));
        }
        Args::new(a.pos[1.min(a.pos.len())..].to_vec()).posonly(vm, "seed", 0, 1)?;
        let mut mt = zeroed();
        seed(vm, &mut mt, a.pos.get(1))?;
        *this(vm, &a)?.mt.lock() = mt;
        Ok(Value::None)
    });
    def(&cls.dict, "random", |vm, a| {
        no_args(vm, &a, "Random.random")?;
        Ok(Value::Float(this(vm, &a)?.mt.lock().random()))
    });
    def(&cls.dict, "getrandbits", |vm, a| {
        if !a.kw.is_empty() {
            return Err(vm.type_error("Random.getrandbits() takes no keyword arguments"));
        }
        a.check_method(vm, "Random.getrandbits", 1, 1)?;
        let k = vm.index_of(&a.pos[1])?;
        if k < 0 {
            return Err(vm.value_error("number of bits must be non-negative"));
        }
        if k > i32::MAX as i64 {
            return Err(vm.err("OverflowError", "Python int too large to convert to C int"));
        }
        let r = this(vm, &a)?;
        if k <= 64 {
            let v = r.mt.lock().getrandbits_u64(k as u32);
            return Ok(Value::from_bigint(BigInt::from(v)));
        }
        let v = r.mt.lock().getrandbits(k as u64);
        Ok(Value::from_bigint(v))
    });
    def(&cls.dict, "getstate", |vm, a| {
        no_args(vm, &a, "Random.getstate")?;
        let (words, index) = this(vm, &a)?.mt.lock().get_state();
        let mut items: Vec<Value> = words.iter().map(|w| Value::Int(*w as i64)).collect();
        items.push(Value::Int(index as i64));
        Ok(Value::tuple(items))
    });
    def(&cls.dict, "setstate", |vm, a| {
        if !a.kw.is_empty() {
            return Err(vm.type_error("Random.setstate() takes no keyword arguments"));
        }
        a.check_method(vm, "Random.setstate", 1, 1)?;
        let Value::Tuple(t) = &a.pos[1] else {
            return Err(vm.type_error("state vector must be a tuple"));
        };
        if t.len() != N + 1 {
            return Err(vm.value_error("state vector is the wrong size"));
        }
        let mut words = Vec::with_capacity(N);
        for v in &t.items[..N] {
            let b = to_big(v).ok_or_else(|| vm.type_error("an integer is required"))?;
            if b < BigInt::from(0) {
                return Err(vm.err("OverflowError", "can't convert negative value to unsigned int"));
            }
            let w = (b & BigInt::from(0xffff_ffffu32)).try_into().unwrap_or(0u32);
            words.push(w);
        }
        let index = vm.index_of(&t.items[N])?;
        let r = this(vm, &a)?;
        let res = r.mt.lock().set_state(&words, index);
        res.map_err(|m| vm.value_error(&m))?;
        Ok(Value::None)
    });
    d.set_item_str("Random", Value::Class(cls));
    Ok(Value::Module(Arc::new(Module::new(Arc::from("_random"), d))))
}

/// A METH_NOARGS method's check (`Random.random() takes no arguments (1 given)`).
fn no_args(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<()> {
    if !a.kw.is_empty() {
        return Err(vm.type_error(&format!("{fname}() takes no keyword arguments")));
    }
    let n = a.pos.len().saturating_sub(1);
    if n != 0 {
        return Err(vm.type_error(&format!("{fname}() takes no arguments ({n} given)")));
    }
    Ok(())
}
