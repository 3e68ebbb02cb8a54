# Reference cycles are freed by gc.collect(); weakref callbacks and __del__
# tell which objects went, and in which order.
import gc
import weakref

gone = []


class Node:
    def __init__(self, name):
        self.name = name
        self.links = []


def watch(obj):
    return weakref.ref(obj, lambda r, n=obj.name: gone.append(n))


gc.disable()
a, b, c = Node("a"), Node("b"), Node("c")
a.links.append(b)
b.links.append(c)
c.links.append(a)
refs = [watch(x) for x in (a, b, c)]
del a, b, c
print("before collect:", sorted(gone), [r() is None for r in refs])
n = gc.collect()
print("collect found something:", n > 0)
print("after collect:", sorted(gone), [r() is None for r in refs])

# A self-referencing list, dict and instance.
l = []
l.append(l)
d = {}
d["self"] = d
n1 = Node("self")
n1.me = n1
w = watch(n1)
del l, d, n1
print(gc.collect() >= 3, w() is None)

# A cycle still reachable from a global is kept.
keep = Node("kept")
keep.me = keep
wk = watch(keep)
gc.collect()
print("kept alive:", wk() is keep)

# A recursive closure: the function refers to itself through its cell.
def outer():
    def inner(k):
        return inner(k - 1) if k else 0
    inner(3)
    return weakref.ref(inner)

r = outer()
print("closure before:", r() is not None)
gc.collect()
print("closure after:", r() is None)

# Generators and bound methods in cycles.
class Holder:
    def __init__(self):
        self.cb = self.method
        self.gen = self.numbers()
        next(self.gen)

    def method(self):
        return 1

    def numbers(self):
        yield 1
        yield 2

h = Holder()
wh = weakref.ref(h)
del h
gc.collect()
print("holder freed:", wh() is None)

# Nothing left to find.
print("second collect:", gc.collect())
gc.enable()
print(sorted(gone))
