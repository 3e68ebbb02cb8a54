//! The `_random` module: `Random`, a Mersenne Twister object that
//! `random.py` wraps by composition.

use std::sync::Arc;

use num_bigint::BigInt;
use parking_lot::Mutex;

use super::def;
use super::mt19937::{Mt19937, N};
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::vm::numeric::to_big;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

/// `_random.Random`: one generator behind a lock.
pub struct Random {
    mt: Mutex<Mt19937>,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(Random);

fn this<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a Random> {
    a.native_self().ok_or_else(|| vm.type_error("descriptor requires a '_random.Random' object"))
}

/// Seeds `mt` from a Python value: None → entropy, int → its magnitude,
/// anything else → its hash.
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

/// Creates the `_random` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("_random"));
    let cls = new_builtin_class("Random", std::slice::from_ref(&vm.rt.types.object), Layout::Opaque);
    cls.dict.set_item_str("__module__", Value::str("_random"));
    let c2 = cls.clone();
    def(&cls.dict, "__new__", move |vm, a| {
        let mut mt = Mt19937::from_seed(&BigInt::from(0));
        seed(vm, &mut mt, a.pos.get(1))?;
        Ok(Value::from_native(Arc::new(Random { mt: Mutex::new(mt), class: c2.clone() })))
    });
    def(&cls.dict, "__init__", |_vm, _a| Ok(Value::None));
    def(&cls.dict, "seed", |vm, a| {
        let v = a.pos.get(1).cloned();
        let mut mt = Mt19937::from_seed(&BigInt::from(0));
        seed(vm, &mut mt, v.as_ref())?;
        *this(vm, &a)?.mt.lock() = mt;
        Ok(Value::None)
    });
    def(&cls.dict, "random", |vm, a| Ok(Value::Float(this(vm, &a)?.mt.lock().random())));
    def(&cls.dict, "getrandbits", |vm, a| {
        a.check(vm, "getrandbits", 2, 2)?;
        let k = vm.index_of(&a.pos[1])?;
        if k < 0 {
            return Err(vm.value_error("number of bits must be non-negative"));
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
        let (words, index) = this(vm, &a)?.mt.lock().get_state();
        let mut items: Vec<Value> = words.iter().map(|w| Value::Int(*w as i64)).collect();
        items.push(Value::Int(index as i64));
        Ok(Value::tuple(items))
    });
    def(&cls.dict, "setstate", |vm, a| {
        a.check(vm, "setstate", 2, 2)?;
        let Value::Tuple(t) = &a.pos[1] else {
            return Err(vm.type_error("state vector must be a tuple"));
        };
        if t.len() != N + 1 {
            return Err(vm.value_error("state vector is the wrong size"));
        }
        let mut words = Vec::with_capacity(N);
        for v in &t.items[..N] {
            let b = to_big(v).ok_or_else(|| vm.type_error("state vector items must be integers"))?;
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
    Ok(Value::Module(Arc::new(Module { name: Arc::from("_random"), dict: d })))
}
