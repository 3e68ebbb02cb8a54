# Calls bound straight from the value stack: defaults, keywords matched by
# name, keyword-only defaults, cells, generators, bound methods and
# `cls(...)` with an `__init__` taking defaults; every call that cannot bind
# must still raise CPython's error (the generic path).


def f(a, b=2, c=3):
    return (a, b, c)


def kwo(a, *, k=10, m):
    return (a, k, m)


def po(a, b=5, /, c=6):
    return (a, b, c)


def closure(x, y=1):
    def inner():
        return x + y
    return inner()


def gen(n, step=1):
    for i in range(0, n, step):
        yield i


class P:
    def __init__(self, x, y=0, *, tag="p"):
        self.x, self.y, self.tag = x, y, tag

    def m(self, a, b=100):
        return self.x + a + b

    def __repr__(self):
        return f"P({self.x}, {self.y}, {self.tag!r})"


class Lt:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other, extra=0):
        return self.v + extra < other.v


def attempt(thunk):
    try:
        return thunk()
    except TypeError as e:
        return "TypeError: " + str(e)


print(f(1), f(1, 5), f(1, c=9), f(a=7), f(c=1, a=2, b=3))
print(kwo(1, m=2), kwo(1, m=2, k=3))
print(po(1), po(1, 2), po(1, c=8))
print(closure(3), closure(3, 4), closure(y=5, x=6))
print(list(gen(5)), list(gen(9, step=3)), list(gen(n=4)))
p = P(1)
print(p, P(2, 3), P(4, tag="q"), P(y=5, x=6, tag="r"))
print(p.m(1), p.m(1, 2), p.m(a=3), p.m(b=4, a=5))
bound = p.m
print(bound(10), bound(10, b=0), bound(a=1, b=1))
print(sorted([Lt(3), Lt(1), Lt(2)], key=None)[0].v)
print([p.m(i) for i in range(3)])

# The generic path's errors, unchanged.
print(attempt(lambda: f()))
print(attempt(lambda: f(1, 2, 3, 4)))
print(attempt(lambda: f(1, a=2)))
print(attempt(lambda: f(1, d=2)))
print(attempt(lambda: kwo(1)))
print(attempt(lambda: kwo(1, 2, m=3)))
print(attempt(lambda: po(a=1)))
print(attempt(lambda: P()))
print(attempt(lambda: P(1, 2, 3)))
print(attempt(lambda: P(1, color=2)))
print(attempt(lambda: p.m()))
print(attempt(lambda: p.m(1, a=1)))
print(attempt(lambda: gen()))

# Defaults read at each call: rebinding __defaults__/__kwdefaults__ counts.
f.__defaults__ = (20, 30)
print(f(1), f(1, c=0))
f.__defaults__ = (40,)
print(f(1, 2), attempt(lambda: f(1)))
kwo.__kwdefaults__ = {"k": 10, "m": 0}
print(kwo(1), attempt(lambda: kwo(1, m=1, k=2, z=3)))

# A keyword name built at run time (not interned) still matches.
name = "".join(["b"])
print(f(1, **{name: 7}), f(1, c=2, **{name: 7}))

# Recursion through a call with defaults still stops at the limit.
def deep(n, acc=0):
    return deep(n + 1, acc=acc + 1)


try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)
