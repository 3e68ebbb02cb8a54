"""object.__reduce_ex__, object.__reduce__ and object.__getstate__ for gilt.

The methods of `object` (stdlib/builtins_core.rs) call these functions; they
follow the protocol pickle and copy expect from CPython 3.11: protocol 2 and
up rebuild an object with copyreg.__newobj__ (or __newobj_ex__) from
__getnewargs_ex__/__getnewargs__ and restore its state (the instance dict and
slots, or what __getstate__ returns) and list or dict items; protocols 0 and 1
go through copyreg._reconstructor with the nearest built-in base. Built-in
values that have no Python-level reduce of their own in gilt (range, slice,
set, bytearray, the singletons, built-in functions, int/str/... payloads) are
reduced here as CPython's own types reduce them.
"""

import copyreg

_builtin_func = type(len)
_singletons = {id(Ellipsis): 'Ellipsis', id(NotImplemented): 'NotImplemented'}
_value_bases = (int, float, complex, str, bytes, tuple)


class _ModuleByName:
    """Pickles as the import of a module by name (a built-in function found
    in a module other than builtins is pickled as getattr(module, name))."""

    def __init__(self, name):
        self.name = name

    def __reduce__(self):
        import importlib
        return (importlib.import_module, (self.name,))


def _builtin_function_reduce(func):
    import builtins
    import sys
    name = func.__qualname__
    if getattr(builtins, name, None) is func:
        return name
    found = None
    for modname, mod in list(sys.modules.items()):
        if modname == '__main__' or mod is None or getattr(mod, name, None) is not func:
            continue
        # The native module itself (_codecs) rather than one that re-exports it.
        if found is None or (modname.startswith('_') and not found.startswith('_')):
            found = modname
    if found is None:
        return name
    return (getattr, (_ModuleByName(found), name))


def _defining_class(cls, name):
    for klass in cls.__mro__:
        if name in vars(klass):
            return klass
    return None


def _builtin_base(cls):
    for klass in cls.__mro__:
        if klass.__module__ == 'builtins':
            return klass
    return object


def _builtin_reduce(obj, proto):
    """The reduce value of a built-in object that gilt gives no method, or None."""
    name = _singletons.get(id(obj))
    if name is not None:
        return name
    cls = type(obj)
    if cls is _builtin_func:
        return _builtin_function_reduce(obj)
    if cls is range:
        return (range, (obj.start, obj.stop, obj.step))
    if cls is slice:
        return (slice, (obj.start, obj.stop, obj.step))
    if isinstance(obj, (set, frozenset)):
        return (cls, (list(obj),), getattr(obj, '__dict__', None) or None)
    if isinstance(obj, bytearray):
        state = getattr(obj, '__dict__', None) or None
        if proto < 3:
            return (cls, (bytes(obj).decode('latin-1'), 'latin-1'), state)
        return (cls, (bytes(obj),), state)
    return None


def _getnewargs(obj):
    """(args, kwargs, hasargs) from __getnewargs_ex__ or __getnewargs__."""
    getnewargs_ex = getattr(obj, '__getnewargs_ex__', None)
    if getnewargs_ex is not None:
        r = getnewargs_ex()
        if not isinstance(r, tuple):
            raise TypeError("__getnewargs_ex__ should return a tuple, not '%.200s'" % type(r).__name__)
        if len(r) != 2:
            raise ValueError("__getnewargs_ex__ should return a tuple of length 2, not %d" % len(r))
        args, kwargs = r
        if not isinstance(args, tuple):
            raise TypeError("first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%.200s'"
                            % type(args).__name__)
        if not isinstance(kwargs, dict):
            raise TypeError("second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%.200s'"
                            % type(kwargs).__name__)
        return args, kwargs, True
    getnewargs = getattr(obj, '__getnewargs__', None)
    if getnewargs is not None:
        args = getnewargs()
        if not isinstance(args, tuple):
            raise TypeError("__getnewargs__ should return a tuple, not '%.200s'" % type(args).__name__)
        return args, None, True
    # int, str, tuple, ... subclasses: their value is the argument of __new__.
    for base in _value_bases:
        if isinstance(obj, base):
            if base is complex:
                return (obj.real, obj.imag), None, True
            return (base(obj),), None, True
    return (), None, False


def getstate(obj, required=False, plain=True):
    """object.__getstate__: the instance dict (None when empty) and the slots."""
    cls = type(obj)
    if required and not plain:
        raise TypeError("cannot pickle %r object" % cls.__name__)
    try:
        d = object.__getattribute__(obj, '__dict__')
    except AttributeError:
        d = None
    state = d if d else None
    slotnames = copyreg._slotnames(cls)
    if slotnames:
        slots = {}
        for name in slotnames:
            try:
                slots[name] = getattr(obj, name)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    return state


def _state(obj, required, plain):
    if _defining_class(type(obj), '__getstate__') in (object, None):
        return getstate(obj, required, plain)
    return obj.__getstate__()


def _reduce_newobj(obj, plain):
    cls = type(obj)
    args, kwargs, hasargs = _getnewargs(obj)
    required = not hasargs and not isinstance(obj, (list, dict))
    state = _state(obj, required, plain)
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    if not kwargs:
        return (copyreg.__newobj__, (cls,) + args, state, listitems, dictitems)
    return (copyreg.__newobj_ex__, (cls, args, kwargs), state, listitems, dictitems)


def _reduce_old(obj, proto, plain):
    """Protocols 0 and 1 (copyreg._reduce_ex's scheme)."""
    cls = type(obj)
    base = _builtin_base(cls)
    if base is object:
        state = None
    else:
        if base is cls:
            raise TypeError("cannot pickle %r object" % cls.__name__)
        state = base(obj)
    args = (cls, base, state)
    if not plain and base is object:
        raise TypeError("cannot pickle %r object" % cls.__name__)
    if _defining_class(cls, '__getstate__') in (object, None):
        if getattr(obj, '__slots__', None):
            raise TypeError("a class that defines __slots__ without defining __getstate__ cannot be pickled")
        dict_state = getstate(obj)
    else:
        dict_state = obj.__getstate__()
    if dict_state:
        return (copyreg._reconstructor, args, dict_state)
    return (copyreg._reconstructor, args)


def reduce(obj, proto=0, plain=True):
    """object.__reduce__ (and __reduce_ex__ without an overriding __reduce__)."""
    rv = _builtin_reduce(obj, proto)
    if rv is not None:
        return rv
    if proto >= 2:
        return _reduce_newobj(obj, plain)
    return _reduce_old(obj, proto, plain)


def reduce_ex(obj, proto, plain=True):
    """object.__reduce_ex__: a class's own __reduce__ wins over object's."""
    if _defining_class(type(obj), '__reduce__') not in (object, None):
        return obj.__reduce__()
    return reduce(obj, proto, plain)
