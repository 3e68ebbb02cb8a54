# collections.deque (the native _collections.deque): methods, errors,
# maxlen, rotate, comparisons, copying, pickling, subclasses.
import copy
import pickle
from collections import deque


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


d = deque(range(5), maxlen=7)
d.rotate(2)
print(d, len(d), d[0], d[-1], 3 in d, list(reversed(d)))
d.rotate(-3)
print(d)
d.extend("ab")
d.extendleft([9])
print(d, d.count(1), d.index(4), d.maxlen)
d.append("z")
print(d)
d.insert(0, "first") if len(d) < 7 else print("full")
t(lambda: d.insert(0, 1))
t(lambda: deque().pop())
t(lambda: deque().popleft())
t(lambda: deque([], -1))
t(lambda: deque([], "a"))
t(lambda: deque(1, 2, 3))
t(lambda: deque(foo=1))
t(lambda: d[50])
t(lambda: d["a"])
t(lambda: d[1:2])
t(lambda: d.index(99))
t(lambda: d.remove(99))
t(lambda: d + [1])
t(lambda: d.count())
t(lambda: d.extend(1))
t(lambda: deque([1, 2, 3]).index(3, 0, 2))
t(lambda: deque([1, 2, 3]).index(3, -1))
e = deque([1, 2, 3])
del e[1]
e[0] = "x"
print(e, e * 2, 2 * e, e + deque([4]))
e *= 3
print(e)
e += [7]
print(e, e.pop(), e.popleft(), e)
print(deque([1, 2]) == deque([1, 2]), deque([1]) < deque([2]), deque([1]) == [1])
print(bool(deque()), bool(deque([0])))
small = deque(range(10), 3)
print(small, deque("abc", maxlen=0))
r = deque()
r.append(r)
print(r)
print(deque([1, 2], maxlen=5).copy(), copy.copy(deque([3])), copy.deepcopy(deque([[4]], 2)))


class D(deque):
    pass


x = D([1, 2])
x.attr = 5
print(x, x.attr, type(x.copy()).__name__, copy.copy(x), copy.deepcopy(x))
print(pickle.loads(pickle.dumps(deque("xy", 4))), pickle.loads(pickle.dumps(x)).attr)
it = iter(deque([1, 2, 3]))
next(it)
print(it.__length_hint__(), list(it))
m = deque([1, 2, 3])
try:
    for v in m:
        m.append(v)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    hash(deque())
except TypeError:
    print("unhashable")
e = deque()
e.extend(e)
print(e, len(deque(range(100000))))
