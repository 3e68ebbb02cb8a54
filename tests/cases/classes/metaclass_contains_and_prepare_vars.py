# `x in C` asks C's metaclass for __contains__; vars()/locals() in a class
# body over a __prepare__ mapping are that mapping (enum's _ignore_ idiom).
import enum
import warnings


class M(type):
    def __contains__(cls, x):
        print("contains", x)
        return x == 3

    def __iter__(cls):
        print("iter")
        return iter([1])


class C(metaclass=M):
    pass


print(3 in C, 4 in C, 5 not in C)
print(list(C))


class Color(enum.Enum):
    RED = 1


print(Color.RED in Color)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    try:
        "RED" in Color
    except TypeError as e:
        print("TypeError:", e)
    print([str(x.category.__name__) for x in w])


class D(dict):
    def __setitem__(self, k, v):
        print("set", k)
        super().__setitem__(k, v)


class P(type):
    @classmethod
    def __prepare__(m, name, bases):
        return D()


class K(metaclass=P):
    ns = vars()
    print(type(ns).__name__, ns is locals())
    ns["zz"] = 5
    print(zz)  # noqa: F821


print(K.zz)


class Period(enum.Enum):
    _ignore_ = "Period i"
    Period = vars()
    for i in range(3):
        Period["day_%d" % i] = i
    first = day_1  # noqa: F821


print(list(Period), Period.first, hasattr(Period, "i"))
