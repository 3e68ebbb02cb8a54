# isinstance/issubclass beyond classes: __class__ overrides, the __bases__
# protocol, __instancecheck__/__subclasscheck__ on a non-class, and errors.
import abc


class A: pass
class B(A): pass


class Pretend:
    @property
    def __class__(self):
        return B


p = Pretend()
print(isinstance(p, A), isinstance(p, B), isinstance(p, Pretend), isinstance(p, int))
print(isinstance(p, (int, A)), type(p).__name__)


class Abstract:
    """A class-like object through __bases__ only."""
    def __init__(self, name, bases=()):
        self.name, self.__bases__ = name, bases
    def __repr__(self):
        return self.name


Root = Abstract('Root')
Mid = Abstract('Mid', (Root,))
Leaf = Abstract('Leaf', (Mid, Abstract('Other')))
print(issubclass(Leaf, Root), issubclass(Mid, Leaf), issubclass(Root, Root))


class Inst:
    def __init__(self, cls):
        self._cls = cls
    @property
    def __class__(self):
        return self._cls


print(isinstance(Inst(Leaf), Root), isinstance(Inst(Root), Leaf))


class Checker:
    def __instancecheck__(self, obj):
        return obj == 42
    def __subclasscheck__(self, cls):
        return cls is bool


print(isinstance(42, Checker()), isinstance(41, Checker()), issubclass(bool, Checker()), issubclass(int, Checker()))

for call in [lambda: isinstance(1, 2), lambda: issubclass(1, int), lambda: issubclass(int, 1),
             lambda: isinstance(1, (int, 2)), lambda: isinstance(1, (str, 2)), lambda: issubclass(Leaf, 3)]:
    try:
        print(call())
    except TypeError as e:
        print('TypeError:', e)


class BadBases:
    @property
    def __bases__(self):
        raise AttributeError('hidden')


class WorseBases:
    @property
    def __bases__(self):
        raise RuntimeError('boom')


for call in [lambda: isinstance(1, BadBases()), lambda: issubclass(BadBases(), int),
             lambda: isinstance(1, WorseBases()), lambda: issubclass(WorseBases(), int)]:
    try:
        print(call())
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__ + ':', e)


class Cycle:
    @property
    def __bases__(self):
        return (self, self)


try:
    issubclass(Cycle(), int)
except RecursionError as e:
    print('RecursionError')


class Base(abc.ABC):
    pass


class FakeBase:
    __class__ = property(lambda self: Base)


print(isinstance(FakeBase(), Base))
print(isinstance(3, int | str), isinstance('x', int | None), issubclass(bool, int | str))
