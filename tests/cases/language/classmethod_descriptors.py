# classmethod / staticmethod objects as Python 3.11 has them: wrapped
# descriptors, __wrapped__, the copied __doc__/__name__, a __dict__, reprs.
import abc
import functools


class D:
    def __get__(self, obj, typ=None):
        return ("D.__get__", obj.__name__ if obj else obj, typ.__name__)


class A:
    @classmethod
    @property
    def p(cls):
        return "property of " + cls.__name__

    c = classmethod(D())

    @classmethod
    def plain(cls, x):
        return cls.__name__, x


class B(A):
    pass


print(A.p, B.p)
print(A.c)
print(B().c)
print(A.plain(1), B().plain(2))


def f(x: int) -> int:
    "doc of f"
    return x * 2


s = staticmethod(f)
c = classmethod(f)
print(s(3), callable(s), callable(c))
print(s.__wrapped__ is f, c.__wrapped__ is f, s.__func__ is f, c.__func__ is f)
print(s.__doc__, s.__name__, s.__qualname__, s.__module__, s.__annotations__)
print(c.__doc__, c.__name__, c.__qualname__)
print(sorted(s.__dict__))
s.extra = 5
print(s.extra, s.__dict__["extra"])
print(repr(s).startswith("<staticmethod(<function f at "), repr(c).startswith("<classmethod(<function f at "))
print(c.__isabstractmethod__, s.__isabstractmethod__)
print(classmethod(D()).__get__(None, int))
print(hasattr(c, "__get__"), type(c).__get__ is not None)


class Base(abc.ABC):
    @classmethod
    @abc.abstractmethod
    def make(cls):
        ...

    @staticmethod
    @abc.abstractmethod
    def helper():
        ...


print(Base.__abstractmethods__ == frozenset({"make", "helper"}))
print(Base.__dict__["make"].__isabstractmethod__)


class Impl(Base):
    @classmethod
    def make(cls):
        return cls.__name__

    @staticmethod
    def helper():
        return "helped"


print(Impl.make(), Impl.helper(), Impl().helper())


# functools.partialmethod and singledispatchmethod over classmethods
class Greeter:
    @classmethod
    def greet(cls, greeting, name):
        return f"{greeting}, {name} from {cls.__name__}"

    hello = functools.partialmethod(greet, "Hello")

    @functools.singledispatchmethod
    @classmethod
    def kind(cls, arg):
        return "object"

    @kind.register
    @classmethod
    def _(cls, arg: int):
        return "int"


print(Greeter.hello("Ann"), Greeter().hello("Bob"))
print(Greeter.kind(1), Greeter.kind("x"))
try:
    classmethod(D()).__get__(None, None)
except TypeError as e:
    print("TypeError:", e)
