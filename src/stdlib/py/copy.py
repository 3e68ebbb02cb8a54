"""Generic (shallow and deep) copying operations (gilt).

    import copy
    x = copy.copy(y)        # make a shallow copy of y
    x = copy.deepcopy(y)    # make a deep copy of y

Follows CPython 3.11's copy.py: __copy__/__deepcopy__ are honoured, a memo
dict handles shared and recursive structures, and __reduce_ex__/__reduce__
results are used when a class defines them.  Without those, an instance is
copied by making a new object with cls.__new__(cls) and copying its __dict__
(through __getstate__/__setstate__ when defined); list/dict/set/tuple
subclasses get their items copied too.
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error   # backward compatibility


def _sample_function():
    pass


class _C:
    def _m(self):
        pass


_FunctionType = type(_sample_function)
_BuiltinFunctionType = type(len)
_MethodType = type(_C()._m)
_object_reduce = getattr(object, '__reduce__', None)
_object_reduce_ex = getattr(object, '__reduce_ex__', None)
_object_getstate = getattr(object, '__getstate__', None)


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)

    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)

    if issubclass(cls, type):
        # treat it as a regular class:
        return x

    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)

    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


try:
    _complex = (complex,)
except NameError:       # gilt has no complex numbers yet
    _complex = ()

_copy_dispatch = d = {}


def _copy_immutable(x):
    return x


for t in (type(None), int, float, bool, str, tuple,
          bytes, frozenset, type, range, slice, property,
          _BuiltinFunctionType, type(Ellipsis), type(NotImplemented),
          _FunctionType, _MethodType) + _complex:
    d[t] = _copy_immutable

d[list] = list.copy
d[dict] = dict.copy
d[set] = set.copy
if hasattr(bytearray, 'copy'):     # gilt's bytearray is a placeholder
    d[bytearray] = bytearray.copy

del d, t


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}

    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)

    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    else:
        if issubclass(cls, type):
            y = x
        else:
            copier = getattr(x, "__deepcopy__", None)
            if copier is not None:
                y = copier(memo)
            else:
                rv = _reduce(x, cls)
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)

    # If is its own copy, don't memoize.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)  # Make sure x lives at least as long as d
    return y


_deepcopy_dispatch = d = {}


def _deepcopy_atomic(x, memo):
    return x


for t in (type(None), type(Ellipsis), type(NotImplemented), int, float, bool,
          bytes, str, type, range, _BuiltinFunctionType,
          _FunctionType, property) + _complex:
    d[t] = _deepcopy_atomic


def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


d[list] = _deepcopy_list


def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    # We're not going to put the tuple in the memo, but it's still important we
    # check for it, in case the tuple contains recursive mutable structures.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            y = tuple(y)
            break
    else:
        y = x
    return y


d[tuple] = _deepcopy_tuple


def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


d[dict] = _deepcopy_dict


def _deepcopy_set(x, memo, deepcopy=deepcopy):
    y = set()
    memo[id(x)] = y
    for item in x:
        y.add(deepcopy(item, memo))
    return y


d[set] = _deepcopy_set


def _deepcopy_frozenset(x, memo, deepcopy=deepcopy):
    return frozenset([deepcopy(item, memo) for item in x])


d[frozenset] = _deepcopy_frozenset


def _deepcopy_method(x, memo):  # Copy instance methods
    try:
        return type(x)(x.__func__, deepcopy(x.__self__, memo))
    except TypeError:
        return x


d[_MethodType] = _deepcopy_method

del d, t


def _keep_alive(x, memo):
    """Keeps a reference to the object x in the memo."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        # aha, this is the first one :-)
        memo[id(memo)] = [x]


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _reduce(x, cls):
    """Return a __reduce__-style tuple for x."""
    reductor = getattr(cls, '__reduce_ex__', None)
    if reductor is not None and reductor is not _object_reduce_ex:
        return x.__reduce_ex__(4)
    reductor = getattr(cls, '__reduce__', None)
    if reductor is not None and reductor is not _object_reduce:
        return x.__reduce__()
    return _default_reduce(x, cls)


def _default_reduce(x, cls):
    # What object.__reduce_ex__(4) does, for gilt objects.
    if isinstance(x, (set, frozenset)) and not hasattr(x, '__getnewargs__'):
        state = _get_state(x, cls)
        return (cls, (list(x),), state)

    getnewargs = getattr(x, '__getnewargs__', None)
    if getnewargs is not None:
        args = tuple(getnewargs())
    elif isinstance(x, tuple):
        args = (tuple(x),)
    elif isinstance(x, bool):
        args = (bool(x),)
    elif isinstance(x, int):
        args = (int(x),)
    elif isinstance(x, float):
        args = (float(x),)
    elif isinstance(x, str):
        args = (str(x),)
    elif isinstance(x, bytes):
        args = (bytes(x),)
    else:
        args = ()
        if (not hasattr(x, '__dict__') and not isinstance(x, (list, dict))
                and _slot_names(cls) is None):
            raise TypeError("cannot pickle %r object" % cls.__name__)

    state = _get_state(x, cls)
    listiter = iter(x) if isinstance(x, list) else None
    dictiter = iter(x.items()) if isinstance(x, dict) else None
    return (_newobj, (cls,) + args, state, listiter, dictiter)


def _slot_names(cls):
    """The attribute names of every `__slots__` along the MRO (mangled as
    the class stores them), or None when no class declares slots."""
    names = None
    for c in cls.__mro__:
        slots = c.__dict__.get('__slots__')
        if slots is None:
            continue
        if names is None:
            names = []
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                stripped = c.__name__.lstrip('_')
                if stripped:
                    name = '_%s%s' % (stripped, name)
            names.append(name)
    return names


def _get_state(x, cls):
    getstate = getattr(cls, '__getstate__', None)
    if getstate is not None and getstate is not _object_getstate:
        return x.__getstate__()
    try:
        d = x.__dict__
    except AttributeError:
        d = None
    state = dict(d) if d else None
    slots = _slot_names(cls)
    if slots:
        slotstate = {}
        for name in slots:
            try:
                slotstate[name] = getattr(x, name)
            except AttributeError:
                pass
        if slotstate:
            return (state, slotstate)
    return state


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = [deepcopy(arg, memo) for arg in args]
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y
