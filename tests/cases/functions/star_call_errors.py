# Errors of calls with * and ** arguments name the callee as CPython's
# _PyObject_FunctionStr does (module.qualname() for Python functions, plain
# name() for builtins), and a keyword after ** that repeats a name is caught.
import math


def f(*a, **k):
    return a, k


class A:
    def m(self, *a, **k):
        return a, k


class NoKeys:
    def keys(self):
        raise TypeError("keys() failed on purpose")


def gen():
    yield 1
    raise ValueError("raised while unpacking")


cases = [
    lambda: f(*1),
    lambda: f(1, *1),
    lambda: print(*1),
    lambda: A().m(*None),
    lambda: len(*5),
    lambda: math.floor(*None),
    lambda: f(**1),
    lambda: f(a=1, **[]),
    lambda: f(**{"a": 1}, a=2),
    lambda: f(a=2, **{"a": 1}),
    lambda: f(**{"a": 1}, **{"a": 2}),
    lambda: print(**{"sep": 1}, **{"sep": 2}),
    lambda: A().m(**{"x": 1}, x=2),
    lambda: f(**NoKeys()),
    lambda: f(*gen()),
    lambda: f(**{1: 2}),
]
for c in cases:
    try:
        c()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(f(*(1, 2), **{"x": 1}, y=2, **{"z": 3}))
print(f(*[3], *(4,), b=1), f(*iter([5])), f(*"ab", **dict(q=1)))
try:
    class C(**{"metaclass": type}, metaclass=type):
        pass
except TypeError as e:
    print(e)
