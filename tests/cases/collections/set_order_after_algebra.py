# The iteration order of the sets that set algebra makes, with mixed int and
# float items (their hashes do not depend on the hash seed). CPython's layout
# decides it: `x | y` copies y's table when x is empty and the sizes agree;
# a difference that leaves more than a quarter of the table dummies rehashes
# the survivors into a smaller table; symmetric_difference toggles the
# receiver's own keys (not a copy's, which may sit in a smaller table).
import random

r = random.Random(5)
pool = [0, 1, 2, 3, 5, 8, 13, 21, 34, -1, -7, 100, 1.5, 2.5, -0.5, 0.25, 1e10, 7.0, 3.0,
        2**40, -2**33, True, 0.1, 1e-7, 64, 128, 2**61, 2**61 - 1, -2, 17, 33]
for i in range(300):
    a = set(r.sample(pool, r.randint(0, 14)))
    b = set(r.sample(pool, r.randint(0, 14)))
    out = [list(a - b), list(a | b), list(a & b), list(a ^ b)]
    c = set(a)
    c -= b
    out.append(list(c))
    c = set(a)
    c |= b
    out.append(list(c))
    c = set(a)
    c ^= b
    out.append(list(c))
    out += [list(a.difference(b, [1])), list(a.union(b, [2.5])), list(a.symmetric_difference(b)),
            list(frozenset(a) | frozenset(b))]
    d = set(a)
    d.difference_update(list(b))
    out.append(list(d))
    print(i, out)

# The smallest cases, spelled out.
print(list(set() | {7.0, 1.5, 34, 2**40, -1, 0.25}))
s = set(range(6))
s -= {0, 1, 2, 3}
print(list(s), list({5, 2**61, 8.0, 3, 1.5, 2.5, 13}.symmetric_difference(set())))

# issuperset walks another iterable only up to its first missing item.
for other in [((255, 2), 1, [1]), (1, [1]), iter([2, 3, 4])]:
    try:
        print({1, 2.5}.issuperset(other), {1, 2.5} >= {1})
    except TypeError as e:
        print(type(e).__name__, e)
it = iter([1, 7, 8])
print({1, 2}.issuperset(it), list(it))

# union with a dict sizes the table once for all its keys, as update does.
print(list({10, 2.5, -128}.union({2: 'x', 1: 'y', 3.5: 'z'})), list({10, 2.5, -128}.union([2, 1, 3.5])))
