# object.__new__ / object.__init__ refuse extra arguments unless the other
# half of the pair is overridden (CPython's object_new / object_init), and
# type() checks its arguments and the bases' layouts.


def attempt(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__)
    except Exception as e:
        print(label, "->", type(e).__name__, e)


class Plain:
    pass


class WithInit:
    def __init__(self, x):
        self.x = x


class WithNew:
    def __new__(cls, x):
        return object.__new__(cls)


class WithBoth:
    def __new__(cls, x):
        return object.__new__(cls)

    def __init__(self, x):
        self.x = x


attempt("Plain(1)", lambda: Plain(1))
attempt("Plain(k=1)", lambda: Plain(k=1))
attempt("object.__new__(Plain, 1)", lambda: object.__new__(Plain, 1))
attempt("object.__init__(Plain(), 1)", lambda: object.__init__(Plain(), 1))
attempt("object.__new__(WithInit, 1)", lambda: object.__new__(WithInit, 1))
attempt("object.__init__(WithInit(1), 1)", lambda: object.__init__(WithInit(1), 1))
attempt("object.__new__(WithNew, 1)", lambda: object.__new__(WithNew, 1))
attempt("object.__init__(WithNew(1), 1)", lambda: object.__init__(WithNew(1), 1))
attempt("object.__new__(WithBoth, 1)", lambda: object.__new__(WithBoth, 1))
attempt("object.__init__(WithBoth(1), 1)", lambda: object.__init__(WithBoth(1), 1))
attempt("WithNew(1)", lambda: WithNew(1))
attempt("WithBoth(1)", lambda: WithBoth(1))


class Restored(WithNew):
    __new__ = object.__new__

    def __init__(self, x):
        self.x = x


attempt("Restored(3)", lambda: Restored(3))

# A classmethod or staticmethod __new__ is read through the class.
class CM:
    @classmethod
    def __new__(*args):
        return args


class SM:
    @staticmethod
    def __new__(*args):
        return args


print(CM(1, 2) == (CM, CM, 1, 2), SM(1, 2) == (SM, 1, 2))

# object() itself has no __dict__ and takes no weak references.
o = object()
attempt("object().foo = 1", lambda: setattr(o, "foo", 1))
attempt("object().__dict__", lambda: o.__dict__)
import weakref
attempt("weakref.ref(object())", lambda: weakref.ref(o))
p = Plain()
p.foo = 1
print("subclass instance dict:", p.__dict__, p.__weakref__)
r = weakref.ref(p)
print("first weakref:", p.__weakref__ is r)

# type(): arguments and layouts.
class M(type):
    pass


attempt("type(5)", lambda: type(5))
attempt("M(5)", lambda: M(5))
attempt("type.__new__(type, 5)", lambda: type.__new__(type, 5))
attempt("type('A', (int, str), {})", lambda: type("A", (int, str), {}))
attempt("type('A', (list, dict), {})", lambda: type("A", (list, dict), {}))
attempt("type('A', (set, frozenset), {})", lambda: type("A", (set, frozenset), {}))
attempt("type('A', (ValueError, TypeError), {})", lambda: type("A", (ValueError, TypeError), {}))
attempt("type('A\\0B', (), {})", lambda: type("A\0B", (), {}))
attempt("int subtype with slots", lambda: type("A", (int,), {"__slots__": "x"}))
attempt("tuple subtype with slots", lambda: type("A", (tuple,), {"__slots__": ("x",)}))
attempt("int subtype, empty slots", lambda: type("A", (int,), {"__slots__": ()}))


class SubStr(str):
    pass


class X:
    __slots__ = (SubStr("x"),)


x = X()
x.x = 5
print("str subclass slot:", x.x)


class NotAType:
    @classmethod
    def __prepare__(cls, *args):
        return None


try:
    class Bar(metaclass=NotAType()):
        pass
except TypeError as e:
    print(e)
