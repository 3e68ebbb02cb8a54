//! The `_weakref` module: the native half of `weakref.py`. A *handle* holds
//! a Rust `Weak` to an instance, function, class or generator, so it never
//! keeps it alive; `weakref.ref` (Python) wraps one. Refs to instances are
//! also recorded on the instance ([`WeakList`]), so that its death queues
//! their callbacks, which run at the next safe point like any finalizer.

use std::sync::{Arc, Weak};

use super::def;
use crate::object::class::{Class, Instance, Layout};
use crate::object::dict::Dict;
use crate::object::finalize::WeakList;
use crate::object::function::Function;
use crate::object::generator::Generator;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

/// What a handle points at.
enum Target {
    Instance(Weak<Instance>),
    Function(Weak<Function>),
    Class(Weak<Class>),
    Generator(Weak<Generator>),
}

/// A weak pointer to one object.
struct Handle {
    class: Arc<Class>,
    target: Target,
}

crate::object::native::impl_native_object!(Handle);

impl Handle {
    fn get(&self) -> Value {
        let v = match &self.target {
            Target::Instance(w) => w.upgrade().map(Value::Instance),
            Target::Function(w) => w.upgrade().map(Value::Function),
            Target::Class(w) => w.upgrade().map(Value::Class),
            Target::Generator(w) => w.upgrade().map(Value::Generator),
        };
        v.unwrap_or(Value::None)
    }
}

fn handle_of<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a Handle> {
    a.native_self().ok_or_else(|| vm.type_error("expected a weak reference handle"))
}

/// Creates the `_weakref` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("_weakref"));
    let cls = new_builtin_class("weakhandle", std::slice::from_ref(&vm.rt.types.object), Layout::Opaque);
    def(&d, "handle", move |vm, a| {
        a.check(vm, "handle", 1, 1)?;
        let target = match &a.pos[0] {
            Value::Instance(i) if i.class.extra.no_weakref => {
                let tn = i.class.name();
                return Err(vm.type_error(&format!("cannot create weak reference to '{}' object", tn.as_str())));
            }
            Value::Instance(i) => Target::Instance(Arc::downgrade(i)),
            Value::Function(f) => Target::Function(Arc::downgrade(f)),
            Value::Class(c) => Target::Class(Arc::downgrade(c)),
            Value::Generator(g) => Target::Generator(Arc::downgrade(g)),
            v => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("cannot create weak reference to '{tn}' object")));
            }
        };
        Ok(Value::from_native(Arc::new(Handle { class: cls.clone(), target })))
    });
    def(&d, "get", |vm, a| {
        a.check(vm, "get", 1, 1)?;
        Ok(handle_of(vm, &a)?.get())
    });
    // watch(obj, ref): records `ref` (a weakref.ref instance) on `obj`, for
    // its callback and for getweakrefs(); other kinds of objects never die
    // in a way anyone observes here, so they keep no list.
    def(&d, "watch", |vm, a| {
        a.check(vm, "watch", 2, 2)?;
        if let (Value::Instance(obj), Value::Instance(r)) = (&a.pos[0], &a.pos[1]) {
            let q = vm.rt.finalizers.clone();
            obj.weakrefs.get_or_init(|| Box::new(WeakList::new(q))).add(r);
        }
        Ok(Value::None)
    });
    def(&d, "getweakrefs", |vm, a| {
        a.check(vm, "getweakrefs", 1, 1)?;
        let refs = match &a.pos[0] {
            Value::Instance(obj) => obj.weakrefs.get().map(|w| w.live()).unwrap_or_default(),
            _ => Vec::new(),
        };
        Ok(Value::list(refs.into_iter().map(Value::Instance).collect()))
    });
    Ok(Value::Module(Arc::new(Module { name: Arc::from("_weakref"), dict: d })))
}
