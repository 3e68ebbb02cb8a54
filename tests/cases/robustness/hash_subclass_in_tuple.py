# Hashing a tuple that holds an instance of a subclass of a built-in type,
# and equality between tuples/lists and tuple subclasses (never ordering).
import functools
from collections import namedtuple

P = namedtuple("P", "x y")
d = {(P(1, 2),): 1, (P(1, "a"), 3): 2}
print(d[(P(1, 2),)], d[((1, "a"), 3)], (P(1, 2),) in d)
print(hash((P(1, 2),)) == hash(((1, 2),)))


class S(str):
    pass


class I(int):
    pass


print(hash((S("a"), I(3))) == hash(("a", 3)))
print({(S("a"), I(3)): "ok"}[("a", 3)])


@functools.lru_cache(maxsize=None)
def norm(p):
    return p.x + p.y


print(norm(P(1, 2)), norm(P(1, 2)), norm.cache_info().hits)


class T(tuple):
    pass


t = T((1, "a"))
print((1, 2) == t, t == (1, 2), t != (1, 2), [1, 2] == t, t == (1, "a"))
print((1, "a") in [T((2, 3)), P(1, "b")], P(1, "a") in [(1, "a")])
print([P(1, "a")].count((1, "a")), [(1, "a")].index(P(1, "a")))
print(P(1, "a") == (1, "b"), P(1, 2) != P(1, "x"))
try:
    print(P(1, "a") < (1, 2))
except TypeError as e:
    print("TypeError:", e)
