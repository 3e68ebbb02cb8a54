# Bound methods read their function's attributes, compare by receiver identity and
# function, and hash alike when equal; generators refuse copy and deepcopy.
import copy
import functools


class C:
    def m(self):
        "doc of m"
        return 1


C.m.x = 1
c = C()
print(c.m.x, c.m.__doc__, c.m.__name__, c.m.__qualname__, c.m.__module__)


def deco(f):
    @functools.wraps(f)
    def w(*a):
        return f(*a)
    return w


class D:
    @deco
    def g(self):
        return 2


print(D().g.__wrapped__.__name__, D().g())
print(c.m.__func__ is C.m, c.m.__self__ is c)
print(c.m == c.m, c.m is c.m, hash(c.m) == hash(c.m), c.m != c.m)
print(c.m == C().m, c.m == C.m)


class E:
    def __eq__(self, o):
        return True
    __hash__ = object.__hash__

    def m(self):
        pass


e1, e2 = E(), E()
print(e1.m == e2.m, e1.m == e1.m)
print([].append == [].append)
lst = []
print(lst.append == lst.append, hash(lst.append) == hash(lst.append), (1).__add__ == (1).__add__)
print(len({c.m, c.m, C().m}))
try:
    c.m.y = 2
except AttributeError as ex:
    print(ex)
print(hasattr(c.m, 'zz'), getattr(c.m, 'zz', 'default'))


def gen():
    yield 1


g = gen()
for f in (copy.copy, copy.deepcopy):
    try:
        f(g)
    except TypeError as ex:
        print(type(ex).__name__, ex)
