"""weakref.proxy (gilt): objects that forward every operation to a weakly
referenced object, and raise ReferenceError once it is gone. The native
_weakref module exports these as proxy, ProxyType and CallableProxyType."""

_getattr = object.__getattribute__


def _obj(p):
    o = _getattr(p, "_proxy_ref")()
    if o is None:
        raise ReferenceError("weakly-referenced object no longer exists")
    return o


def _fwd(name):
    def method(self, *args):
        return getattr(_obj(self), name)(*args)
    method.__name__ = name
    return method


def _rfwd(op):
    def method(self, other):
        return op(other, _obj(self))
    return method


class ProxyType:
    __slots__ = ("_proxy_ref", "__weakref__")
    __module__ = "weakref"

    def __getattr__(self, name):
        return getattr(_obj(self), name)

    def __setattr__(self, name, value):
        setattr(_obj(self), name, value)

    def __delattr__(self, name):
        delattr(_obj(self), name)

    def __repr__(self):
        o = _getattr(self, "_proxy_ref")()
        return "<weakproxy at %#x to %s at %#x>" % (id(self), type(o).__name__, id(o))

    def __str__(self):
        return str(_obj(self))

    def __bool__(self):
        return bool(_obj(self))

    def __hash__(self):
        raise TypeError("unhashable type: 'weakref.ProxyType'")

    def __len__(self):
        return len(_obj(self))

    def __iter__(self):
        return iter(_obj(self))

    def __next__(self):
        return next(_obj(self))

    def __contains__(self, x):
        return x in _obj(self)

    def __getitem__(self, k):
        return _obj(self)[k]

    def __setitem__(self, k, v):
        _obj(self)[k] = v

    def __delitem__(self, k):
        del _obj(self)[k]

    def __eq__(self, o):
        return _obj(self) == (_obj(o) if isinstance(o, ProxyType) else o)

    def __ne__(self, o):
        return _obj(self) != (_obj(o) if isinstance(o, ProxyType) else o)

    def __lt__(self, o):
        return _obj(self) < o

    def __le__(self, o):
        return _obj(self) <= o

    def __gt__(self, o):
        return _obj(self) > o

    def __ge__(self, o):
        return _obj(self) >= o

    def __index__(self):
        import operator
        return operator.index(_obj(self))

    def __int__(self):
        return int(_obj(self))

    def __float__(self):
        return float(_obj(self))

    def __abs__(self):
        return abs(_obj(self))

    def __neg__(self):
        return -_obj(self)

    def __pos__(self):
        return +_obj(self)

    def __invert__(self):
        return ~_obj(self)

    def __reversed__(self):
        return reversed(_obj(self))

    def __bytes__(self):
        return bytes(_obj(self))

    # CPython's proxy forwards every attribute, these too: pickling or
    # copying a proxy reduces its referent, and `__class__` names the
    # referent's class (so `isinstance(p, C)` holds, as there).
    def __reduce_ex__(self, protocol):
        return _obj(self).__reduce_ex__(protocol)

    def __reduce__(self):
        return _obj(self).__reduce__()

    @property
    def __class__(self):
        return _obj(self).__class__


def _install():
    import operator
    for name, op in [("add", operator.add), ("sub", operator.sub), ("mul", operator.mul),
                     ("truediv", operator.truediv), ("floordiv", operator.floordiv),
                     ("mod", operator.mod), ("pow", operator.pow), ("lshift", operator.lshift),
                     ("rshift", operator.rshift), ("and", operator.and_), ("or", operator.or_),
                     ("xor", operator.xor), ("matmul", operator.matmul)]:
        def fwd(self, other, op=op):
            return op(_obj(self), other)
        def ifwd(self, other, op=op, name=name):
            o = _obj(self)
            m = getattr(type(o), "__i%s__" % name, None)
            if m is not None:
                r = m(o, other)
                if r is not NotImplemented:
                    return r
            return op(o, other)
        setattr(ProxyType, "__%s__" % name, fwd)
        setattr(ProxyType, "__r%s__" % name, _rfwd(op))
        setattr(ProxyType, "__i%s__" % name, ifwd)


_install()


class CallableProxyType(ProxyType):
    __slots__ = ()
    __module__ = "weakref"

    def __call__(self, *args, **kwargs):
        return _obj(self)(*args, **kwargs)




def proxy(obj, callback=None):
    """proxy(object[, callback]) -- create a proxy object that weakly
    references 'object'.  'callback', if given, is called with a reference
    to the proxy when 'object' is about to be finalized."""
    from _weakref import ref
    cls = CallableProxyType if callable(obj) else ProxyType
    p = object.__new__(cls)
    if callback is None:
        r = ref(obj)
    else:
        pref = ref(p)

        def cb(_r):
            q = pref()
            if q is not None:
                callback(q)
        r = ref(obj, cb)
    object.__setattr__(p, "_proxy_ref", r)
    return p
