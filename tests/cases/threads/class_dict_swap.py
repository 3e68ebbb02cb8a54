# One thread swaps an object's class and dict while others read its
# attributes: every read sees the old or the new state, never anything else.
import threading


class A:
    def tag(self):
        return 'A'


class B:
    def tag(self):
        return 'B'


obj = A()
da, db = {'x': 'a'}, {'x': 'b'}
obj.__dict__ = da
stop = threading.Event()
ready = threading.Barrier(3)
bad = []


def reader():
    ready.wait()
    n = 0
    while not stop.is_set() or n < 1000:
        n += 1
        if obj.tag() not in ('A', 'B') or obj.x not in ('a', 'b'):
            bad.append((obj.tag(), obj.x))


readers = [threading.Thread(target=reader) for _ in range(2)]
for t in readers:
    t.start()
ready.wait()
for i in range(20000):
    obj.__class__ = B if i % 2 == 0 else A
    obj.__dict__ = db if i % 3 == 0 else da
stop.set()
for t in readers:
    t.join()
obj.__class__ = B
obj.__dict__ = db
print(bad, obj.tag(), obj.x)
