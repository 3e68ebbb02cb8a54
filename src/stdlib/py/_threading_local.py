"""threading.local for gilt: thread-local data without __getattribute__.

Per-thread attributes never live in the instance __dict__; they are kept in
one dict per thread ident (in the instance's _localimpl), reached through
__getattr__ / __setattr__ / __delattr__.  Class-level plain data attributes of
a subclass (``class MyLocal(local): number = 2``) are moved into per-class
defaults at class creation so that a per-thread value set later is not
shadowed by them.  When a threading.Thread ends, its dicts are dropped.

As in CPython, a subclass's __init__ runs again (with the constructor's
arguments) the first time each other thread touches the object.
"""

from _thread import get_ident as _get_ident, allocate_lock as _allocate_lock

__all__ = ['local']


class _localimpl:
    """The per-object storage: ident -> dict."""

    def __init__(self, args, kw):
        self.dicts = {}
        self.args = args
        self.kw = kw
        self.lock = _allocate_lock()

    def create_dict(self):
        ident = _get_ident()
        d = {}
        self.dicts[ident] = d
        try:
            import threading
            thread = threading._active.get(ident)
        except Exception:
            thread = None
        if thread is not None:
            impls = getattr(thread, '_local_impls', None)
            if impls is not None:
                impls.append(self)
        return d


def _type_name(obj):
    t = type(obj)
    if t is local:
        return '_thread._local'
    return t.__name__


_NOTFOUND = object()


def _thread_dict(self):
    impl = self._local__impl
    d = impl.dicts.get(_get_ident())
    if d is None:
        d = impl.create_dict()
        cls = type(self)
        if cls.__init__ is not local.__init__:
            cls.__init__(self, *impl.args, **impl.kw)
    return d


class local:
    """Thread-local data"""

    def __new__(cls, /, *args, **kw):
        if (args or kw) and (cls.__init__ is local.__init__):
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        impl = _localimpl(args, kw)
        object.__setattr__(self, '_local__impl', impl)
        # the creating thread gets its dict now; __init__ runs normally
        impl.create_dict()
        return self

    def __init__(self, /, *args, **kw):
        pass

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        defaults = {}
        for base in reversed(cls.__mro__[1:]):
            defaults.update(getattr(base, '_local__defaults', None) or {})
        try:
            items = list(vars(cls).items())
        except Exception:
            items = []
        for name, value in items:
            if name.startswith('__') and name.endswith('__'):
                continue
            if name.startswith('_local__'):
                continue
            if callable(value) or hasattr(type(value), '__get__'):
                continue
            defaults[name] = value
            try:
                delattr(cls, name)
            except (AttributeError, TypeError):
                pass
        cls._local__defaults = defaults

    def __getattr__(self, name):
        if name.startswith('_local__'):
            raise AttributeError(name)
        d = _thread_dict(self)
        try:
            return d[name]
        except KeyError:
            pass
        defaults = getattr(type(self), '_local__defaults', None)
        if defaults and name in defaults:
            return defaults[name]
        raise AttributeError("%r object has no attribute %r" % (_type_name(self), name))

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only" % _type_name(self))
        attr = getattr(type(self), name, _NOTFOUND)
        if attr is not _NOTFOUND and hasattr(type(attr), '__set__'):
            type(attr).__set__(attr, self, value)
            return
        _thread_dict(self)[name] = value

    def __delattr__(self, name):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only" % _type_name(self))
        attr = getattr(type(self), name, _NOTFOUND)
        if attr is not _NOTFOUND and hasattr(type(attr), '__delete__'):
            type(attr).__delete__(attr, self)
            return
        d = _thread_dict(self)
        try:
            del d[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def __dict__(self):
        return _thread_dict(self)
