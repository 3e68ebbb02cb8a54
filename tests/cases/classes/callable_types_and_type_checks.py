# Callable built-in types have __call__ in their dict (collections.abc.Callable
# finds it there); type.__instancecheck__/__subclasscheck__ are reachable with super().
import collections.abc
import types
import typing


def f():
    pass


class C:
    def m(self):
        pass


for t in [types.FunctionType, types.BuiltinFunctionType, types.MethodType, type([].append),
          type(object.__init__), type(str.join), type((3).__add__), type(dict.__dict__["fromkeys"])]:
    print(t.__name__, "__call__" in t.__dict__, issubclass(t, collections.abc.Callable))
print(isinstance(f, collections.abc.Callable), isinstance(f, typing.Callable), isinstance(C().m, typing.Callable))
print(types.FunctionType.__call__(f), type(len).__call__(len, "abc"), types.MethodType.__call__(C().m))
print(type.__instancecheck__(int, 3), type.__instancecheck__(int, "x"), type.__subclasscheck__(int, bool))


class M(type):
    def __instancecheck__(self, obj):
        print("check", type(obj).__name__)
        return super().__instancecheck__(obj)

    def __subclasscheck__(self, sub):
        return super().__subclasscheck__(sub)


class A(metaclass=M):
    pass


class B(A):
    pass


print(isinstance(B(), A), isinstance(3, A), issubclass(B, A), issubclass(int, A))
try:
    type.__instancecheck__(int)
except TypeError as e:
    print(e)
