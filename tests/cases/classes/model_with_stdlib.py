# Standard modules that rest on the class and function model: singledispatch
# reading parameter annotations, abc with __subclasshook__, enum, dataclasses.
import functools, abc
@functools.singledispatch
def show(x):
    return "object"
@show.register
def _(x: int):
    return "int"
@show.register
def _(x: list) -> str:
    return "list"
@show.register(float)
def _(x):
    return "float"
print(show(1), show([1]), show(1.5), show("s"))

class Sized(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return any("__len__" in B.__dict__ for B in C.__mro__)
        return NotImplemented
class Foo:
    def __len__(self): return 0
print(issubclass(Foo, Sized), isinstance(Foo(), Sized), issubclass(int, Sized))

class Base(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
try:
    Base()
except TypeError as e: print(e)
class Sq(Base):
    def area(self): return 4
print(Sq().area(), Base.__abstractmethods__)

import enum
class Color(enum.Enum):
    RED = 1
    GREEN = enum.auto()
print(Color.RED, Color.GREEN.value, list(Color), Color['RED'], Color(2))
import dataclasses
@dataclasses.dataclass
class P:
    x: int
    y: float = 0.0
print(P(1), dataclasses.fields(P)[1].type)


class Registry(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return LoggingDict()


class LoggingDict(dict):
    """A __prepare__ namespace that sees every binding of the class body."""

    def __setitem__(self, key, value):
        if not key.startswith("__"):
            print("bind", key)
        super().__setitem__(key, value)


class Config(metaclass=Registry):
    a = 1
    b = a + 1

    def method(self):
        return self.b


print(Config.b, Config().method())
