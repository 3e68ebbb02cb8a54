# repr(module) as CPython's importlib builds it: from the spec (origin with
# or without a location, a loader only, nothing), else from the loader's
# module_repr (its failure ignored), else from __name__ ('?' once deleted),
# __file__ and __loader__.
import sys
import types
from importlib.machinery import ModuleSpec

m = types.ModuleType("foo")
print(repr(m))
del m.__name__
print(repr(m))
m.__file__ = "/tmp/foo.py"
print(repr(m))


class BareLoader:
    pass


m = types.ModuleType("foo")
m.__loader__ = BareLoader
print(repr(m).replace(__name__, "MAIN"))
del m.__name__
print(repr(m).replace(__name__, "MAIN"))


class FullLoader:
    @classmethod
    def module_repr(cls, module):
        return "<module '{}' (crafted)>".format(module.__name__)


class BrokenLoader:
    @classmethod
    def module_repr(cls, module):
        raise ValueError("no repr")


m = types.ModuleType("foo")
m.__loader__ = FullLoader
print(repr(m))
m.__file__ = "/tmp/foo.py"
print(repr(m))
m = types.ModuleType("bar")
m.__loader__ = BrokenLoader
print(repr(m).replace(__name__, "MAIN"))

m = types.ModuleType("spec_mod")
m.__spec__ = ModuleSpec("spec_name", None, origin="/x/spec.py")
print(repr(m))
m.__spec__.has_location = True
print(repr(m))
m.__spec__ = ModuleSpec("spec_name", None)
print(repr(m))
m.__spec__ = ModuleSpec("spec_name", FullLoader)
print(repr(m).replace(__name__, "MAIN"))
print(repr(sys), repr(types)[:22])
