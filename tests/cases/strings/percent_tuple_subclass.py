# `fmt % args` takes a tuple subclass (a namedtuple) as the argument tuple,
# not as one value: namedtuple's __repr__ relies on it.
from collections import namedtuple


class Pair(tuple):
    pass


print("%s-%s" % Pair((1, 2)))
print("%r|%r" % Pair(("a", None)))
P = namedtuple("P", "x y")
print("x=%r, y=%r" % P(3, [4]))
print(repr(P(1, P(2, 3))))
try:
    print("%s" % Pair((1, 2)))
except TypeError as e:
    print("TypeError:", e)
print("%(a)s" % {"a": Pair((5,))})
