"""_abc for gilt: the bookkeeping under CPython's abc.py (ABCMeta's
registry and caches), which CPython writes in C. Without it abc.py would
fall back to _py_abc, which imports _weakrefset and through it `types`
(so a script's own types.py would be picked up).
"""

from _weakref import ref as _weakref

_abc_invalidation_counter = 0


def get_cache_token():
    """Returns the current ABC cache token."""
    return _abc_invalidation_counter


def _ref(obj):
    return _weakref(obj)


class _abc_data:
    """Internal state held by ABC machinery."""

    # The caches hold the classes themselves (not weak references, as
    # CPython's C sets do): a membership test then costs no allocation.
    def __init__(self):
        self.registry = set()
        self.cache = set()
        self.negative_cache = set()
        self.negative_cache_version = _abc_invalidation_counter


def _impl(cls):
    impl = getattr(cls, '_abc_impl', None)
    if type(impl) is not _abc_data:
        raise TypeError('_abc_impl is set to a wrong type')
    return impl


def _abc_init(cls):
    """Internal ABC helper for class set-up. Should be never used outside abc module."""
    abstracts = set()
    for name, value in list(cls.__dict__.items()):
        if getattr(value, '__isabstractmethod__', False):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if getattr(value, '__isabstractmethod__', False):
                abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    if '__abc_tpflags__' in cls.__dict__:
        try:
            delattr(cls, '__abc_tpflags__')
        except (AttributeError, TypeError):
            pass
    cls._abc_impl = _abc_data()


def _abc_register(cls, subclass):
    """Internal ABC helper for subclasss registration. Should be never used outside abc module."""
    global _abc_invalidation_counter
    if not isinstance(subclass, type):
        raise TypeError('Can only register classes')
    if issubclass(subclass, cls):
        return subclass
    if issubclass(cls, subclass):
        raise RuntimeError('Refusing to create an inheritance cycle')
    _impl(cls).registry.add(_ref(subclass))
    _abc_invalidation_counter += 1
    return subclass


def _abc_instancecheck(cls, instance):
    """Internal ABC helper for instance checks. Should be never used outside abc module."""
    impl = _impl(cls)
    subclass = instance.__class__
    if subclass in impl.cache:
        return True
    subtype = type(instance)
    if subtype is subclass:
        if (impl.negative_cache_version == _abc_invalidation_counter
                and subclass in impl.negative_cache):
            return False
        return cls.__subclasscheck__(subclass)
    return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)


def _abc_subclasscheck(cls, subclass):
    """Internal ABC helper for subclasss checks. Should be never used outside abc module."""
    if not isinstance(subclass, type):
        raise TypeError('issubclass() arg 1 must be a class')
    impl = _impl(cls)
    key = subclass
    if key in impl.cache:
        return True
    if impl.negative_cache_version < _abc_invalidation_counter:
        impl.negative_cache = set()
        impl.negative_cache_version = _abc_invalidation_counter
    elif key in impl.negative_cache:
        return False
    ok = cls.__subclasshook__(subclass)
    if ok is not NotImplemented:
        if not isinstance(ok, bool):
            raise AssertionError('__subclasshook__ must return either False, True, or NotImplemented')
        (impl.cache if ok else impl.negative_cache).add(key)
        return ok
    if cls in getattr(subclass, '__mro__', ()):
        impl.cache.add(key)
        return True
    for r in list(impl.registry):
        rcls = r()
        if rcls is not None and issubclass(subclass, rcls):
            impl.cache.add(key)
            return True
    for scls in cls.__subclasses__():
        if issubclass(subclass, scls):
            impl.cache.add(key)
            return True
    impl.negative_cache.add(key)
    return False


def _get_dump(cls):
    """Internal ABC helper for cache and registry debugging."""
    impl = _impl(cls)
    return (set(impl.registry), {_ref(c) for c in impl.cache},
            {_ref(c) for c in impl.negative_cache}, impl.negative_cache_version)


def _reset_registry(cls):
    """Internal ABC helper to reset registry of a given class."""
    _impl(cls).registry.clear()


def _reset_caches(cls):
    """Internal ABC helper to reset both caches of a given class."""
    impl = _impl(cls)
    impl.cache.clear()
    impl.negative_cache.clear()
