//! Classes (`type` objects, built-in and user-defined) and their instances.

use std::sync::Arc;

use parking_lot::Mutex;

use super::dict::Dict;
use super::finalize::Finalizers;
use super::str::PyStr;
use super::swap::SwapCell;
use super::value::Value;

/// What kind of built-in storage instances of a class carry. A user class
/// inherits its layout from the built-in base it derives from (`class
/// Counter(dict)` instances carry a real dict).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Object,
    Exception,
    Int,
    Float,
    Str,
    Bytes,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    /// A built-in type whose native `__new__` also builds the instances of
    /// its Python subclasses: `type` (metaclasses), and property,
    /// staticmethod and classmethod (the native descriptor, with the
    /// subclass as its class).
    NativeNew,
    /// A built-in type that cannot be subclassed or instantiated this way.
    Opaque,
}

/// A class: `type(x)` for every value.
pub struct Class {
    pub name: Mutex<Arc<PyStr>>,
    pub qualname: Mutex<Arc<PyStr>>,
    /// Replaceable by `C.__bases__ = …` (see [`SwapCell`]).
    pub bases: SwapCell<Vec<Arc<Class>>>,
    /// The method resolution order *without* the class itself (C3);
    /// recomputed when the bases of the class or of one in it change.
    pub mro: SwapCell<Vec<Arc<Class>>>,
    pub dict: Arc<Dict>,
    /// The metaclass; `None` means plain `type`.
    pub metaclass: Option<Arc<Class>>,
    pub layout: Layout,
    /// True for classes made by the runtime (int, list, ValueError, …).
    pub builtin: bool,
    /// Cached facts about the class's attributes (see [`class_flags`]) that
    /// let attribute access skip lookups; recomputed when the class changes.
    pub flags: std::sync::atomic::AtomicU32,
    /// This class's identity for lookup caches: unlike its address, never
    /// shared with a class made later (see [`next_class_tag`]). A fresh
    /// one is given when the class's MRO changes (`__bases__` assigned), so
    /// every cache keyed by the old one misses.
    pub tag: std::sync::atomic::AtomicU64,
    /// Set when instances need finalizing (the class or a base defines
    /// `__del__`): the queue their `Drop` hands them to.
    pub finalizers: std::sync::OnceLock<Arc<Finalizers>>,
    /// What `__slots__` decided, and the class's subclasses.
    pub extra: ClassExtra,
}

/// The instance layout `__slots__` decides, and the subclasses a class
/// knows of (weakly, as CPython's `tp_subclasses`, so `type.__subclasses__()`
/// never keeps a class alive).
#[derive(Default)]
pub struct ClassExtra {
    /// Instances have no `__dict__`: every class of the MRO declares
    /// `__slots__`, none with `'__dict__'`.
    pub no_dict: bool,
    /// Instances cannot be weakly referenced (slots without `'__weakref__'`).
    pub no_weakref: bool,
    /// Number of slot values an instance carries (this class's and its bases').
    pub nslots: usize,
    /// The classes made with this one among their bases, in creation order.
    pub subclasses: Mutex<Vec<std::sync::Weak<Class>>>,
    /// A built-in class whose instances are `Instance`s (a native payload or
    /// a built-in value) and whose special methods override those of the
    /// built-in types below it (`defaultdict.__missing__`, `deque.__len__`):
    /// [`Class::lookup_user`] sees its dict as it sees a Python class's.
    pub native_overrides: bool,
    /// The most attributes an instance of this class has been seen to
    /// hold (capped): a new instance's dict is made with that much room, so
    /// `__init__` fills it without regrowing and it takes no more memory
    /// than its attributes need (CPython sizes shared keys the same way).
    pub attr_hint: std::sync::atomic::AtomicU32,
}

/// The largest [`ClassExtra::attr_hint`] a class keeps: past it a dict
/// grows as any other.
const ATTR_HINT_MAX: usize = 16;

/// A fresh class tag. One process-wide counter, like CPython's
/// `tp_version_tag`: a cache keyed by the tag can never mistake a new class
/// for a freed one that lived at the same address.
pub fn next_class_tag() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Bits of `Class::flags`.
pub mod class_flags {
    /// Some class in the MRO defines `__setattr__` in Python.
    pub const HAS_SETATTR: u32 = 1;
    /// Instances have no `__dict__` (see [`ClassExtra::no_dict`]).
    pub const NO_DICT: u32 = 4;
    /// Some class in the MRO has a data descriptor (a property, or an object
    /// whose class defines `__set__`/`__delete__`): instance attribute reads
    /// must consult the class first.
    pub const HAS_DATA_DESCR: u32 = 2;
    /// Some class in the MRO defines `__getattribute__` in Python: every
    /// attribute read goes through it (no inline shortcut).
    pub const HAS_GETATTRIBUTE: u32 = 8;
    /// Some class in the MRO defines `__class__` in Python (`unittest.mock`'s
    /// `spec=`): `isinstance` must ask the instance too.
    pub const HAS_CLASS_ATTR: u32 = 16;
    /// Some Python class in the MRO defines `__get__`: instances of this
    /// class are descriptors when stored in another class (the attribute
    /// caches return such a value only when this bit is clear).
    pub const HAS_DESCR_GET: u32 = 32;
    /// The flags have not been computed (treat everything as possible).
    pub const UNKNOWN: u32 = 1 << 31;
}

impl Class {
    /// The lookup caches' key for this class (see `tag`).
    #[inline]
    pub fn tag(&self) -> u64 {
        self.tag.load(std::sync::atomic::Ordering::Acquire)
    }

    /// The tag of a class being made.
    pub fn new_tag() -> std::sync::atomic::AtomicU64 {
        std::sync::atomic::AtomicU64::new(next_class_tag())
    }

    /// A new tag (see `tag`), for a class whose MRO changed.
    pub fn retag(&self) {
        self.tag.store(next_class_tag(), std::sync::atomic::Ordering::Release);
    }

    /// Looks an attribute up along the MRO (the class first).
    pub fn lookup(&self, name: &str) -> Option<Value> {
        // Hashed once, probed in each dict without allocating a key: this
        // runs for every special method (`==`, truth, `len`, `iter`, …).
        let hash = crate::object::str::str_hash(name);
        if let Some(v) = self.dict.get_str_hashed(hash, name) {
            return Some(v);
        }
        self.mro.iter().find_map(|c| c.dict.get_str_hashed(hash, name))
    }

    /// Same as `lookup` with a prepared (hash-cached) key.
    #[inline]
    pub fn lookup_str(&self, key: &PyStr) -> Option<Value> {
        if let Some(v) = self.dict.get_str(key) {
            return Some(v);
        }
        for c in &self.mro {
            if let Some(v) = c.dict.get_str(key) {
                return Some(v);
            }
        }
        None
    }

    /// Like `lookup_str`, also telling whether the class that holds the
    /// attribute is built-in. A Rust function stored in a *user* class is a
    /// plain function (CPython's builtins don't bind: `converter =
    /// time.localtime` in a class body stays unbound); in a built-in class it
    /// is a method.
    pub fn lookup_str_owner(&self, key: &PyStr) -> Option<(Value, bool)> {
        if let Some(v) = self.dict.get_str(key) {
            return Some((v, self.builtin));
        }
        for c in &self.mro {
            if let Some(v) = c.dict.get_str(key) {
                return Some((v, c.builtin));
            }
        }
        None
    }

    /// Looks up along the MRO but ignores built-in classes, to tell whether
    /// Python code overrides a special method.
    pub fn lookup_user(&self, name: &str) -> Option<Value> {
        let hash = crate::object::str::str_hash(name);
        if self.overridable()
            && let Some(v) = self.dict.get_str_hashed(hash, name)
        {
            return Some(v);
        }
        self.mro.iter().filter(|c| c.overridable()).find_map(|c| c.dict.get_str_hashed(hash, name))
    }

    /// True when [`Class::lookup_user`] reads this class's dict: a Python
    /// class, or a built-in one with [`ClassExtra::native_overrides`].
    #[inline]
    fn overridable(&self) -> bool {
        !self.builtin || self.extra.native_overrides
    }

    /// `lookup_user` with a prepared key.
    pub fn lookup_user_str(&self, key: &PyStr) -> Option<Value> {
        if self.overridable()
            && let Some(v) = self.dict.get_str(key)
        {
            return Some(v);
        }
        for c in &self.mro {
            if c.overridable()
                && let Some(v) = c.dict.get_str(key)
            {
                return Some(v);
            }
        }
        None
    }

    /// The attribute-access flags, computing them on first use. Inline:
    /// every instance attribute access asks.
    #[inline]
    pub fn attr_flags(&self) -> u32 {
        let f = self.flags.load(std::sync::atomic::Ordering::Relaxed);
        if f & class_flags::UNKNOWN == 0 {
            return f;
        }
        self.compute_attr_flags()
    }

    #[cold]
    fn compute_attr_flags(&self) -> u32 {
        use std::sync::atomic::Ordering;
        let mut f = if self.extra.no_dict { class_flags::NO_DICT } else { 0 };
        let classes = std::iter::once(self).chain(self.mro.iter().map(|c| &**c));
        for c in classes {
            // Built-in classes answer in Rust, except those whose dicts the VM honours
            // (a partial's read-only `func` is a property there).
            if !c.overridable() {
                continue;
            }
            // Snapshot first: checking a descriptor's class locks other dicts
            // (maybe this one, for `A.a = A()`), and these locks don't nest.
            let items = c.dict.lock().items();
            for (k, v) in &items {
                if let Value::Str(k) = k {
                    match k.as_str() {
                        "__setattr__" => f |= class_flags::HAS_SETATTR,
                        "__getattribute__" => f |= class_flags::HAS_GETATTRIBUTE,
                        "__class__" => f |= class_flags::HAS_CLASS_ATTR,
                        "__get__" => f |= class_flags::HAS_DESCR_GET,
                        _ => {}
                    }
                }
                match v {
                    Value::Native2(o)
                        if o.as_any().is::<super::descr::Property>() || o.as_any().is::<super::descr::SlotMember>() =>
                    {
                        f |= class_flags::HAS_DATA_DESCR
                    }
                    Value::Instance(i)
                        if i.class.lookup_user("__set__").is_some() || i.class.lookup_user("__delete__").is_some() =>
                    {
                        f |= class_flags::HAS_DATA_DESCR
                    }
                    _ => {}
                }
            }
        }
        self.flags.store(f, Ordering::Relaxed);
        f
    }

    /// Forgets the cached flags (after the class's dict changed).
    /// Subclasses inherit the flags, so theirs are forgotten too.
    pub fn invalidate_flags(&self) {
        self.flags.store(class_flags::UNKNOWN, std::sync::atomic::Ordering::Relaxed);
        let subs: Vec<Arc<Class>> = self.extra.subclasses.lock().iter().filter_map(|w| w.upgrade()).collect();
        for s in subs {
            s.invalidate_flags();
        }
    }

    /// Records that an instance of this class holds `n` attributes
    /// (see [`ClassExtra::attr_hint`]); a plain load and store, since a lost
    /// race only costs one regrowth.
    #[inline]
    pub fn note_attr_count(&self, n: usize) {
        use std::sync::atomic::Ordering::Relaxed;
        let n = n.min(ATTR_HINT_MAX) as u32;
        if n > self.extra.attr_hint.load(Relaxed) {
            self.extra.attr_hint.store(n, Relaxed);
        }
    }

    pub fn name(&self) -> Arc<PyStr> {
        self.name.lock().clone()
    }

    /// True when `self` is `other` or derives from it.
    pub fn is_subclass(&self, other: &Class) -> bool {
        std::ptr::eq(self, other) || self.mro.iter().any(|c| std::ptr::eq(Arc::as_ptr(c), other))
    }

    /// Iterates the class and its MRO.
    pub fn mro_with_self<'a>(self: &'a Arc<Self>) -> impl Iterator<Item = &'a Arc<Class>> + 'a {
        std::iter::once(self).chain(self.mro.iter())
    }
}

/// One line of a traceback: where an exception passed through.
#[derive(Clone, Debug)]
pub struct TbEntry {
    pub filename: Arc<str>,
    pub line: u32,
    pub name: Arc<str>,
    /// Columns of the instruction that was running (the traceback markers).
    pub cols: crate::bytecode::code::ColSpan,
    /// The frame as it was when the exception passed (`tb_frame`).
    pub frame: Option<Arc<crate::vm::frameobj::FrameObj>>,
}

/// The state every exception instance carries.
#[derive(Clone, Default)]
pub struct ExcState {
    pub args: Vec<Value>,
    pub traceback: Vec<TbEntry>,
    /// The traceback objects made for the first `.0` entries of
    /// `traceback` (the head of their chain), kept so that every read of
    /// `__traceback__` returns the same objects, as in CPython.
    pub tb_objs: Option<(usize, Value)>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
    /// An exception group's `message` and `exceptions` (a tuple).
    pub group: Option<Box<(Value, Value)>>,
}

impl ExcState {
    /// Replaces the traceback: its entries, and the traceback object they
    /// came from (None: build new objects when asked).
    pub fn set_traceback(&mut self, entries: Vec<TbEntry>, objs: Option<Value>) {
        self.tb_objs = objs.map(|v| (entries.len(), v));
        self.traceback = entries;
    }

    /// Copies another exception's traceback, sharing its objects.
    pub fn copy_traceback_from(&mut self, other: &ExcState) {
        self.traceback = other.traceback.clone();
        self.tb_objs = other.tb_objs.clone();
    }
}

/// Built-in storage of an instance (see [`Layout`]).
pub enum Payload {
    None,
    /// The built-in value a subclass instance wraps (a dict for `Counter`, …).
    Builtin(Value),
    /// Boxed: an exception's state is ~120 bytes, and every instance of
    /// every class would otherwise carry that much room for it.
    Exception(Box<Mutex<ExcState>>),
}

/// An instance of a user-defined class (or of a built-in exception class).
pub struct Instance {
    /// Replaceable by `obj.__class__ = C` (see [`SwapCell`]).
    pub class: SwapCell<Arc<Class>>,
    /// Replaceable by `obj.__dict__ = d`, which makes `d` itself the namespace.
    pub dict: SwapCell<Arc<Dict>>,
    pub payload: Payload,
    /// The `weakref.ref`s to this instance (a list set by the first one),
    /// and whether `__del__` has run (or is queued to run): it runs at most
    /// once, as in CPython (PEP 442), even if the object is resurrected.
    /// One word for both keeps an instance at 64 bytes.
    pub weakrefs: super::weak_slot::WeakSlot,
    /// The values of the class's `__slots__` (None = unset), indexed by
    /// [`super::descr::SlotMember::index`]; only for classes with slots
    /// (boxed, so that the instances of every other class are 24 bytes
    /// smaller).
    pub slots: Option<Box<SlotValues>>,
}

// An `Arc<Instance>` allocation is 16 bytes more: 80, one of the
// allocator's size classes (…, 64, 80, 96, …); a field past 64 bytes costs
// every instance 16 (issue 14, item 6).
const _: () = assert!(std::mem::size_of::<Instance>() <= 64);

/// An instance's `__slots__` values behind their own lock.
pub type SlotValues = super::spinlock::SpinLock<Vec<Option<Value>>>;

impl Instance {
    pub fn new(class: Arc<Class>, payload: Payload) -> Instance {
        let room = class.extra.attr_hint.load(std::sync::atomic::Ordering::Relaxed) as usize;
        let slots = (class.extra.nslots > 0).then(Default::default);
        Instance {
            class: SwapCell::new(class),
            dict: SwapCell::new(Arc::new(Dict::with_capacity(room))),
            payload,
            weakrefs: Default::default(),
            slots,
        }
    }

    pub fn exc(&self) -> Option<&Mutex<ExcState>> {
        match &self.payload {
            Payload::Exception(e) => Some(&**e),
            _ => None,
        }
    }

    pub fn builtin_value(&self) -> Option<&Value> {
        match &self.payload {
            Payload::Builtin(v) => Some(v),
            _ => None,
        }
    }
}

impl Drop for Instance {
    /// The last reference went. If the class has a `__del__`, move the
    /// contents into a fresh instance (marked finalized) and queue it: the
    /// finalizer runs at the next safe point, never here (see
    /// `object/finalize.rs`). Classes without `__del__` pay one load.
    fn drop(&mut self) {
        if let Some(w) = self.weakrefs.get() {
            w.referent_died();
        }
        let Some(q) = self.class.finalizers.get() else { return };
        if self.weakrefs.finalized() {
            return;
        }
        let inst = Instance {
            class: SwapCell::new(self.class.current().clone()),
            dict: SwapCell::new(std::mem::replace(self.dict.current_mut(), Arc::new(Dict::new()))),
            payload: std::mem::replace(&mut self.payload, Payload::None),
            weakrefs: super::weak_slot::WeakSlot::new(true),
            slots: self.slots.take(),
        };
        q.push(Value::Instance(Arc::new(inst)));
    }
}
