# The `__dict__` and `__weakref__` getset descriptors a class holds when it
# is the first of its line whose instances have them, `__base__` as the
# layout base, vars() through an overridden `__dict__`, and __exit__'s
# traceback argument.
import collections


def own(cls):
    return [k for k in cls.__dict__ if k in ("__dict__", "__weakref__")]


class Base:
    pass


class Sub(Base):
    pass


class Slotted:
    __slots__ = ("a",)


class SlottedDict:
    __slots__ = ("__dict__",)


class SlottedWeak:
    __slots__ = ("__weakref__",)


class E(Exception):
    pass


class M(type):
    pass


for cls in [Base, Sub, Slotted, SlottedDict, SlottedWeak, E, M]:
    print(cls.__name__, own(cls))
for b in [int, str, tuple, list, dict, float, bytes, set]:
    class X(b):
        pass
    print(b.__name__, own(X))

d = Base.__dict__["__dict__"]
print(type(d).__name__, repr(d), repr(Base.__dict__["__weakref__"]))
obj = Base()
obj.a = 1
print(d.__get__(obj, Base), Base.__weakref__ is Base.__dict__["__weakref__"])
try:
    d.__get__(1, int)
except TypeError as e:
    print(e)
print(sorted(Sub().__dict__), obj.__weakref__)


class B:
    pass


class C(B, int):
    pass


class OD(collections.OrderedDict, B):
    pass


print(C.__base__.__name__, OD.__base__.__name__, B.__base__.__name__, bool.__base__.__name__)


class GetVars:
    def get_dict(self):
        return {"a": 2}

    __dict__ = property(get_dict)


print(vars(GetVars()))


class Manager:
    def __enter__(self):
        return self

    def __exit__(self, typ, value, tb):
        print(typ.__name__, value, type(tb).__name__, tb is value.__traceback__, tb.tb_lineno > 0)
        return True


with Manager():
    1 / 0
