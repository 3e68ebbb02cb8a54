# Recursion that runs only through built-ins ends in RecursionError, not a
# hang or a crash: an instance as its own class's __call__, and __repr__
# bound to object.__str__ (which calls repr).


class A:
    pass


A.__call__ = A()
try:
    A()()
except RecursionError as e:
    print("call:", type(e).__name__)


class Foo:
    pass


Foo.__repr__ = Foo.__str__
for f in (str, repr):
    try:
        f(Foo())
    except RecursionError as e:
        print(f.__name__, "->", type(e).__name__)
print("still alive")
