"""gilt's _pickle: the accelerator CPython's pickle.py imports.

Pickler and Unpickler are Python classes (so that they subclass as
CPython's C types do: persistent_id, reducer_override, dispatch_table,
persistent_load and find_class may be defined by a subclass or set on an
instance); the work is done by the native _gilt_pickle engine, whose output
is byte-identical to CPython's C pickler.
"""

import _gilt_pickle
from _gilt_pickle import PickleError, PicklingError, UnpicklingError, PickleBuffer

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler",
           "Unpickler", "dump", "dumps", "load", "loads", "PickleBuffer"]

DEFAULT_PROTOCOL = 4
HIGHEST_PROTOCOL = 5


def _protocol(protocol):
    if protocol is None:
        return DEFAULT_PROTOCOL
    proto = protocol.__index__() if not isinstance(protocol, int) else int(protocol)
    if proto < 0:
        return HIGHEST_PROTOCOL
    if proto > HIGHEST_PROTOCOL:
        raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
    return proto


def _index_error(protocol):
    # What PyLong_AsLong says for an argument that is not an integer.
    if protocol is not None and not isinstance(protocol, int) and not hasattr(type(protocol), "__index__"):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(protocol).__name__)


class PicklerMemoProxy:
    """The memo of a Pickler: {id(obj): (index, obj)} copies."""

    def __init__(self, pickler):
        self.pickler = pickler

    def clear(self):
        _gilt_pickle.memo_clear(self.pickler._memo)

    def copy(self):
        return _gilt_pickle.memo_copy(self.pickler._memo)

    def __reduce__(self):
        return dict, (self.copy(),)


class UnpicklerMemoProxy:
    """The memo of an Unpickler: {index: obj} copies."""

    def __init__(self, unpickler):
        self.unpickler = unpickler

    def clear(self):
        _gilt_pickle.memo_clear(self.unpickler._memo)

    def copy(self):
        return _gilt_pickle.memo_copy(self.unpickler._memo)

    def __reduce__(self):
        return dict, (self.copy(),)


class Pickler:
    """Pickler(file, protocol=None, fix_imports=True, buffer_callback=None)"""

    def __init__(self, file, protocol=None, fix_imports=True, buffer_callback=None):
        _index_error(protocol)
        proto = _protocol(protocol)
        try:
            write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute") from None
        if buffer_callback is not None and proto < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        self._proto = proto
        self._fix_imports = bool(fix_imports) and proto < 3
        self._write = write
        self._buffer_callback = buffer_callback
        self._memo = _gilt_pickle.PicklerMemo()
        self.bin = int(proto > 0)
        self.fast = 0

    def dump(self, obj):
        """Write a pickled representation of the given object to the open file."""
        if "_write" not in self.__dict__:
            raise PicklingError("Pickler.__init__() was not called by %s.__init__()"
                                % type(self).__name__)
        _gilt_pickle.dump(self, obj)

    def clear_memo(self):
        """Clears the pickler's "memo"."""
        if "_memo" in self.__dict__:
            _gilt_pickle.memo_clear(self._memo)

    def __sizeof__(self):
        return object.__sizeof__(self)

    @property
    def memo(self):
        return PicklerMemoProxy(self)

    @memo.setter
    def memo(self, value):
        if isinstance(value, PicklerMemoProxy):
            value = value.copy()
        elif not isinstance(value, dict):
            raise TypeError("'memo' attribute must be a PicklerMemoProxy object "
                            "or dict, not %s" % type(value).__name__)
        for v in value.values():
            if not isinstance(v, tuple) or len(v) != 2:
                raise TypeError("'memo' values must be 2-item tuples")
        _gilt_pickle.memo_set(self._memo, value)


class Unpickler:
    """Unpickler(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())"""

    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict",
                 buffers=None):
        # CPython's C default for buffers is "not given" (NULL), which a
        # pickle with out-of-band data reports as such; None says the same.
        read = getattr(file, "read", None)
        readline = getattr(file, "readline", None)
        if read is None or readline is None:
            raise TypeError("file must have 'read' and 'readline' attributes")
        if not isinstance(encoding, str):
            raise TypeError("argument 'encoding' must be str, not %s" % type(encoding).__name__)
        if not isinstance(errors, str):
            raise TypeError("argument 'errors' must be str, not %s" % type(errors).__name__)
        self._read = read
        self._readline = readline
        self._fix_imports = bool(fix_imports)
        self._encoding = encoding
        self._errors = errors
        self._buffers = None if buffers is None else iter(buffers)
        self._memo = _gilt_pickle.UnpicklerMemo()
        self._proto = 0

    def load(self):
        """Load a pickle from the open file given to the constructor."""
        if "_read" not in self.__dict__:
            raise UnpicklingError("Unpickler.__init__() was not called by %s.__init__()"
                                  % type(self).__name__)
        return _gilt_pickle.load(self)

    def find_class(self, module_name, global_name, /):
        """Return an object from a specified module."""
        return _gilt_pickle.find_class(self, module_name, global_name)

    def __sizeof__(self):
        return object.__sizeof__(self)

    @property
    def memo(self):
        return UnpicklerMemoProxy(self)

    @memo.setter
    def memo(self, value):
        if isinstance(value, UnpicklerMemoProxy):
            value = value.copy()
        elif not isinstance(value, dict):
            raise TypeError("'memo' attribute must be an UnpicklerMemoProxy object "
                            "or dict, not %s" % type(value).__name__)
        for k in value:
            if not isinstance(k, int):
                raise TypeError("memo key must be integers")
        _gilt_pickle.memo_set(self._memo, value)


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Write a pickled representation of obj to the open file object file."""
    Pickler(file, protocol, fix_imports=fix_imports,
            buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Return the pickled representation of the object as a bytes object."""
    _index_error(protocol)
    proto = _protocol(protocol)
    if buffer_callback is not None and proto < 5:
        raise ValueError("buffer_callback needs protocol >= 5")
    return _gilt_pickle.dumps(obj, proto, bool(fix_imports) and proto < 3, buffer_callback)


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    """Read and return an object from the pickle data stored in a file."""
    return Unpickler(file, fix_imports=fix_imports, encoding=encoding,
                     errors=errors, buffers=buffers).load()


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    """Read and return an object from the given pickle data."""
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    if not isinstance(encoding, str):
        raise TypeError("loads() argument 'encoding' must be str, not %s" % type(encoding).__name__)
    if not isinstance(errors, str):
        raise TypeError("loads() argument 'errors' must be str, not %s" % type(errors).__name__)
    return _gilt_pickle.loads(data, fix_imports, encoding, errors,
                              None if buffers is None else iter(buffers))


# CPython's module functions are built-in functions, which a class that
# stores them does not bind (pickletester's CPickleTests keeps `dump`,
# `loads`, … as class attributes and calls them through `self`).
dump = _gilt_pickle.builtin("dump", dump)
dumps = _gilt_pickle.builtin("dumps", dumps)
load = _gilt_pickle.builtin("load", load)
loads = _gilt_pickle.builtin("loads", loads)
