# Threads share code objects, so they share its inline caches: while
# workers read globals, call methods and read/write attributes, another
# thread keeps changing the layouts those caches depend on (new globals,
# class attributes, instance attributes). Every answer must stay right.
import threading

SCALE = 3


class Base:
    def step(self, i):
        return i * SCALE


class Child(Base):
    pass


class Point:
    def __init__(self, x):
        self.x = x
        self.y = 0

    def move(self):
        self.y = self.y + self.x
        return self.y


def worker(out, k):
    objs = [Base(), Child()]
    p = Point(k)
    total = 0
    for i in range(20000):
        total += objs[i & 1].step(i) + len("ab")
        p.move()
    out[k] = (total, p.y)


stop = threading.Event()


def churn():
    n = 0
    while not stop.is_set():
        g = globals()
        g["tmp_%d" % (n % 7)] = n
        g.pop("tmp_%d" % ((n + 3) % 7), None)
        setattr(Child, "extra_%d" % (n % 5), n)
        if hasattr(Child, "extra_%d" % ((n + 2) % 5)):
            delattr(Child, "extra_%d" % ((n + 2) % 5))
        n += 1


out = {}
c = threading.Thread(target=churn)
c.start()
ws = [threading.Thread(target=worker, args=(out, k)) for k in range(1, 5)]
for w in ws:
    w.start()
for w in ws:
    w.join()
stop.set()
c.join()
for k in sorted(out):
    print(k, out[k])
