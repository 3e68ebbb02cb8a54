//! Built-in descriptors: property, staticmethod, classmethod, and super.

use std::sync::Arc;

use parking_lot::Mutex;

use super::class::Class;
use super::dict::Dict;
use super::value::Value;

/// `property(fget, fset, fdel, doc)`.
pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    /// Writable, as CPython's (`Point.x.__doc__ = ...` on namedtuple fields).
    pub doc: Mutex<Value>,
    /// The attribute name given to `__set_name__` (any object; error
    /// messages show its repr), None until then.
    pub name: Mutex<Option<Value>>,
    /// The docstring came from `fget` (CPython's `getter_doc`): a copy made
    /// by `.getter()` takes the new getter's instead.
    pub getter_doc: bool,
    /// The instance `__dict__` of a Python subclass of property (None for
    /// `property` itself and for subclasses with `__slots__`).
    pub dict: Option<Arc<Dict>>,
    pub class: Arc<Class>,
}

impl Property {
    /// A property of class `property` (native getters and setters of built-in types).
    pub fn new(fget: Value, fset: Value, name: &str, class: Arc<Class>) -> Property {
        Property {
            fget,
            fset,
            fdel: Value::None,
            doc: Mutex::new(Value::None),
            name: Mutex::new(Some(Value::str(name))),
            getter_doc: false,
            dict: None,
            class,
        }
    }
}

/// `staticmethod(f)`.
pub struct StaticMethod {
    pub func: Value,
    /// The instance `__dict__`: `staticmethod(f)` copies `f`'s `__module__`,
    /// `__name__`, `__qualname__`, `__doc__` and `__annotations__` into it
    /// (CPython 3.10+), and users may add attributes.
    pub dict: Arc<Dict>,
    pub class: Arc<Class>,
}

impl StaticMethod {
    pub fn new(func: Value, class: Arc<Class>) -> StaticMethod {
        StaticMethod { func, dict: Arc::new(Dict::new()), class }
    }
}

/// `classmethod(f)`.
pub struct ClassMethod {
    pub func: Value,
    /// The instance `__dict__`, filled as [`StaticMethod::dict`].
    pub dict: Arc<Dict>,
    pub class: Arc<Class>,
}

impl ClassMethod {
    pub fn new(func: Value, class: Arc<Class>) -> ClassMethod {
        ClassMethod { func, dict: Arc::new(Dict::new()), class }
    }
}

/// `super(cls, obj)`: attribute lookup starts after `start` in obj's MRO.
pub struct Super {
    pub start: Arc<Class>,
    pub obj: Value,
    /// The class whose MRO is searched (type(obj), or obj itself for classmethods).
    pub obj_type: Arc<Class>,
    pub class: Arc<Class>,
    /// False for `super(C)` with no second argument: it finds nothing until
    /// bound by its `__get__` (a class attribute read through an instance).
    pub bound: bool,
}

/// A slot of `__slots__` on its class (`member_descriptor`): reads, writes
/// and deletes one entry of the instance's slot values.
pub struct SlotMember {
    /// The (mangled) attribute name.
    pub name: Arc<super::str::PyStr>,
    /// The name of the class that declared the slot (for its repr).
    pub owner: Arc<super::str::PyStr>,
    /// Which entry of `Instance::slots`.
    pub index: usize,
    pub class: Arc<Class>,
}

/// A closure cell as a Python object (`types.CellType`, items of `__closure__`).
pub struct CellObject {
    pub cell: Arc<super::function::Cell>,
    pub class: Arc<Class>,
}

crate::object::native::impl_native_object!(Property, StaticMethod, ClassMethod, Super, SlotMember, CellObject);
