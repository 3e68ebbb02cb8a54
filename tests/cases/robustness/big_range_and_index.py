# Ints of any size where CPython allows them: range bounds, slice bounds,
# and the errors for sequence indices that do not fit a machine word.
import sys

r = range(1 << 100)
print(r, r[5], r[-1], 10 in r, -1 in r, (1 << 99) in r, r[10:20], r[::2][3], bool(r))
print(range(10**20)[5], range(0, 10**20, 3)[-1], range(10**20).index(7), range(10**20).count(3))
r = range(-10**20, 10**20, 7)
print(r[1000], r.start, r.stop, r.step, 14 in r, r[::-1][0], r.index(-10**20 + 7))
print(list(range(2**63 - 3, 2**63 + 2)), list(range(-2**63, -2**63 + 2)))
print(len(range(-2**63, 2**63 - 1, 2**62)), len(range(0, 1 << 80, 1 << 79)))
print(list(reversed(range(1 << 100, (1 << 100) + 3))), list(reversed(range(0, 10, 3))), list(reversed(range(0))))
print(sum(1 for _ in zip(range(1 << 100), range(3))), max(range(1 << 70, (1 << 70) + 5)))
print(range(10)[10**20:], range(10)[-10**20:3], range(5)[::-2], range(5)[1:10**30])
print(range(10)[::10**20], range(10)[::-10**20], range(-5)[::-1], range(0, -10**20, -3)[2])
print(range(3).start, range(1 << 70, 1 << 71).stop, range(0, 1, 1 << 80).step, range(3).__len__())
print(range(5) == range(0, 5), range(0) == range(2, 1), range(1 << 100) == range(0, 1 << 100, 1))
print(hash(range(3)) == hash(range(0, 3)), hash(range(1, 2, 5)) == hash(range(1, 2, 7)))
print(1.0 in range(3), 1.5 in range(3), "a" in range(3), range(3).count(1.0), range(3).index(True))
print(bool(range(1 << 100, 1 << 100)), range(2**64).index(2**64 - 1))
print("abc"[:10**20], "abc"[-10**20:], "abc"[::10**20], [1, 2][:10**20], (1, 2)[-10**20:], b"ab"[:10**20])
print("héllo"[::-2], "héllo"[4:0:-1], "héllo"[1::3], "abc"[::-1], b"abcdef"[::2], b"abcdef"[-1:-5:-2])
l = [1, 2, 3]
l[10**20:] = [4]
print(l)
del l[-10**20:1]
print(l)
tests = [
    ('len(range(1 << 100))', lambda: len(range(1 << 100))),
    ('range(1 << 100).__len__()', lambda: range(1 << 100).__len__()),
    ('len(range(-sys.maxsize - 1, sys.maxsize))', lambda: len(range(-sys.maxsize - 1, sys.maxsize))),
    ('range(10)[10**20]', lambda: range(10)[10**20]),
    ('[1][10**20]', lambda: [1][10**20]),
    ("'a'[10**20]", lambda: 'a'[10**20]),
    ('(1,)[-10**20]', lambda: (1,)[-10**20]),
    ("b'a'[10**20]", lambda: b'a'[10**20]),
    ('range(5)[1.5]', lambda: range(5)[1.5]),
    ('[1][1.5]', lambda: [1][1.5]),
    ("'a'[1.5]", lambda: 'a'[1.5]),
    ("(1,)['x']", lambda: (1,)['x']),
    ("b'a'['x']", lambda: b'a'['x']),
    ('[1][1.5:]', lambda: [1][1.5:]),
    ('[1][::1.5]', lambda: [1][::1.5]),
    ('range(3).index(1.5)', lambda: range(3).index(1.5)),
    ('range(3).index(5)', lambda: range(3).index(5)),
    ('range(1 << 100).index(-1)', lambda: range(1 << 100).index(-1)),
    ('range(1.5)', lambda: range(1.5)),
    ('range(1, 2, 0)', lambda: range(1, 2, 0)),
    ('range(1, 2, 3, 4)', lambda: range(1, 2, 3, 4)),
    ('range()', lambda: range()),
    ('[1][::0]', lambda: [1][::0]),
]
for t, f in tests:
    try:
        print(t, "->", f())
    except (IndexError, TypeError, ValueError, OverflowError) as e:
        print(t, "->", type(e).__name__, e)
def set_big(l):
    l[10**20] = 1

def del_big(l):
    del l[10**20]

for g in [set_big, del_big]:
    try:
        g([1, 2, 3])
    except IndexError as e:
        print(g.__name__, "->", type(e).__name__, e)
# Big ints as the bounds of index/find/count (they saturate) and as list.insert/pop positions.
print([1, 2].index(2, 0, 10**20), [1, 2].index(1, -10**20), (1, 2).index(2, 0, 10**20))
print("abc".find("b", 0, 10**20), "abc".count("a", -10**20), "abc".startswith("a", -10**20), b"abc".find(b"c", 0, 10**20))
for g in [lambda: [1, 2].insert(10**20, 3), lambda: [1, 2].pop(10**20), lambda: [1].index(1, "a"),
          lambda: "abc".find("b", 1.5)]:
    try:
        g()
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
for g in [lambda: [1].index(1, None), lambda: (1,).index(1, 0, None)]:
    try:
        g()
    except TypeError as e:
        print(type(e).__name__, e)
print("a".find("a", None), [1, 2].index(2, -1))
