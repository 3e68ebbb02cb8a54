"""Weak references: ref (with callbacks), WeakValueDictionary,
WeakKeyDictionary, WeakSet and finalize, over the native _weakref module.

Instances, functions, classes and generators can be weakly referenced.
A callback runs when the referent's last reference goes, at the next safe
point of the thread that dropped it (see src/README.md, memory model).
"""

import _weakref
from collections.abc import MutableMapping, MutableSet

__all__ = ["ref", "ReferenceType", "getweakrefcount", "getweakrefs",
           "WeakValueDictionary", "WeakKeyDictionary", "WeakSet", "finalize",
           "WeakMethod", "proxy", "ProxyType", "CallableProxyType"]


class ReferenceType:
    """ref(obj[, callback]): a reference to obj that does not keep it alive.
    Calling it returns obj, or None once obj is gone."""

    def __init__(self, ob, callback=None):
        self._handle = _weakref.handle(ob)
        self.__callback__ = callback
        self._hash = None
        _weakref.watch(ob, self)

    def __call__(self):
        return _weakref.get(self._handle)

    def __hash__(self):
        if self._hash is None:
            ob = self()
            if ob is None:
                raise TypeError("weak object has gone away")
            self._hash = hash(ob)
        return self._hash

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __repr__(self):
        ob = self()
        if ob is None:
            return "<weakref at %#x; dead>" % id(self)
        return "<weakref at %#x; to '%s' at %#x>" % (id(self), type(ob).__name__, id(ob))


ref = ReferenceType


class ProxyType:
    """proxy(obj[, callback]): stands for obj without keeping it alive;
    using it after obj is gone raises ReferenceError."""

    def __init__(self, ob, callback=None):
        cb = None if callback is None else (lambda r, self=self: callback(self))
        object.__setattr__(self, '_proxy_ref', ReferenceType(ob, cb))

    def _proxy_target(self):
        ob = object.__getattribute__(self, '_proxy_ref')()
        if ob is None:
            raise ReferenceError('weakly-referenced object no longer exists')
        return ob

    def __getattr__(self, name):
        return getattr(self._proxy_target(), name)

    def __setattr__(self, name, value):
        setattr(self._proxy_target(), name, value)

    def __delattr__(self, name):
        delattr(self._proxy_target(), name)

    def __repr__(self):
        ob = self._proxy_target()
        return "<weakproxy at %#x; to '%s' at %#x>" % (id(self), type(ob).__name__, id(ob))

    def __str__(self):
        return str(self._proxy_target())

    def __bool__(self):
        return bool(self._proxy_target())

    def __len__(self):
        return len(self._proxy_target())

    def __iter__(self):
        return iter(self._proxy_target())

    def __contains__(self, item):
        return item in self._proxy_target()

    def __getitem__(self, key):
        return self._proxy_target()[key]

    def __setitem__(self, key, value):
        self._proxy_target()[key] = value

    def __delitem__(self, key):
        del self._proxy_target()[key]

    def __eq__(self, other):
        return self._proxy_target() == other

    def __ne__(self, other):
        return self._proxy_target() != other

    __hash__ = None


class CallableProxyType(ProxyType):
    def __call__(self, *args, **kwargs):
        return self._proxy_target()(*args, **kwargs)


def proxy(ob, callback=None):
    """A proxy for ob (callable when ob is)."""
    if callable(ob):
        return CallableProxyType(ob, callback)
    return ProxyType(ob, callback)


def getweakrefcount(ob):
    """The number of weak references to ob."""
    return len(_weakref.getweakrefs(ob))


def getweakrefs(ob):
    """The weak references to ob."""
    return _weakref.getweakrefs(ob)


class WeakMethod(ReferenceType):
    """A weak reference to a bound method: it dies with the object or the function."""

    def __init__(self, meth, callback=None):
        try:
            obj, func = meth.__self__, meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not %s" % type(meth).__name__) from None
        ReferenceType.__init__(self, obj, callback)
        self._func_ref = ref(func)

    def __call__(self):
        obj = ReferenceType.__call__(self)
        func = self._func_ref()
        if obj is None or func is None:
            return None
        bound = getattr(obj, func.__name__, None)
        if getattr(bound, "__func__", None) is func:
            return bound
        return lambda *args, **kwargs: func(obj, *args, **kwargs)


def _owner_ref(owner):
    """A weak reference to a container, for its entries' callbacks (a strong
    one would keep the container alive through its own entries)."""
    return ref(owner)


class _LiveRefs:
    """Membership, iteration and length over `self._data`, a container of
    weak references: only referents still alive count."""

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self._data

    def __iter__(self):
        for wr in list(self._data):
            o = wr()
            if o is not None:
                yield o

    def __len__(self):
        return sum(1 for wr in list(self._data) if wr() is not None)


class WeakValueDictionary(MutableMapping):
    """A mapping whose entries go away when their value dies."""

    def __init__(self, other=(), /, **kw):
        self._data = {}
        self._self = _owner_ref(self)
        self.update(other, **kw)

    def _ref(self, key, value):
        owner = self._self

        def remove(wr, key=key):
            d = owner()
            if d is not None and d._data.get(key) is wr:
                del d._data[key]
        return ref(value, remove)

    def __getitem__(self, key):
        o = self._data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self._data[key] = self._ref(key, value)

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        wr = self._data.get(key)
        return wr is not None and wr() is not None

    def __iter__(self):
        for k, wr in list(self._data.items()):
            if wr() is not None:
                yield k

    def __len__(self):
        return sum(1 for wr in list(self._data.values()) if wr() is not None)

    def valuerefs(self):
        return list(self._data.values())

    def copy(self):
        return WeakValueDictionary(self.items())

    def __repr__(self):
        return "<WeakValueDictionary at %#x>" % id(self)


class WeakKeyDictionary(_LiveRefs, MutableMapping):
    """A mapping whose entries go away when their key dies."""

    def __init__(self, dict=None):
        self._data = {}
        owner = _owner_ref(self)

        def remove(wr):
            d = owner()
            if d is not None:
                d._data.pop(wr, None)
        self._remove = remove
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self._data[ref(key)]

    def __setitem__(self, key, value):
        self._data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self._data[ref(key)]

    def keyrefs(self):
        return list(self._data)

    def copy(self):
        return WeakKeyDictionary(dict(self.items()))

    def __repr__(self):
        return "<WeakKeyDictionary at %#x>" % id(self)


class WeakSet(_LiveRefs, MutableSet):
    """A set whose members go away when they die."""

    def __init__(self, data=None):
        self._data = set()
        owner = _owner_ref(self)

        def remove(wr):
            s = owner()
            if s is not None:
                s._data.discard(wr)
        self._remove = remove
        if data is not None:
            for x in data:
                self.add(x)

    def add(self, item):
        self._data.add(ref(item, self._remove))

    def discard(self, item):
        self._data.discard(ref(item))

    def remove(self, item):
        self._data.remove(ref(item))

    def copy(self):
        return WeakSet(self)

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, list(self))


class finalize:
    """finalize(obj, func, /, *args, **kwargs): calls func(*args, **kwargs)
    once, when obj dies, when called, or at exit (if .atexit is true) —
    whichever comes first."""

    _registry = {}
    _counter = [0]
    _atexit_registered = [False]

    class _Info:
        pass

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._atexit_registered[0]:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._atexit_registered[0] = True
        info = finalize._Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        finalize._counter[0] += 1
        info.index = finalize._counter[0]
        finalize._registry[self] = info

    def __call__(self, _=None):
        info = finalize._registry.pop(self, None)
        if info is not None:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and finalize._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        return self in finalize._registry

    @property
    def atexit(self):
        info = finalize._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = finalize._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<finalize object at %#x; dead>" % id(self)
        return "<finalize object at %#x; for %r at %#x>" % (id(self), type(obj).__name__, id(obj))

    @classmethod
    def _exitfunc(cls):
        # Newest first, as CPython does.
        pending = sorted((i.index, f) for f, i in cls._registry.items() if i.atexit)
        for _, f in reversed(pending):
            f()
        cls._registry.clear()
