# An ABC whose class body holds a module with a __getattr__ that raises AttributeError
# (as io's does): the abstract-method scan treats that as "not abstract".
import collections.abc
import io as _io
import types

m = types.ModuleType("lazy")
def __getattr__(name):
    raise AttributeError(f"module 'lazy' has no attribute {name!r}")
m.__getattr__ = __getattr__

class Store(collections.abc.MutableMapping):
    _io = _io
    lazy = m
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        return self.d[k]
    def __setitem__(self, k, v):
        self.d[k] = v
    def __delitem__(self, k):
        del self.d[k]
    def __iter__(self):
        return iter(self.d)
    def __len__(self):
        return len(self.d)

s = Store()
s["a"] = 1
print(dict(s), sorted(Store.__abstractmethods__))
import dbm.dumb, shelve
print(dbm.dumb.open.__name__, shelve.Shelf.__name__)

# A different error from the lookup still propagates.
m2 = types.ModuleType("broken")
def bad(name):
    raise KeyError(name)
m2.__getattr__ = bad
try:
    class Broken(collections.abc.Sized):
        mod = m2
        def __len__(self):
            return 0
except KeyError as e:
    print("KeyError", e)
