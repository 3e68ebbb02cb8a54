# Two threads run the same code (so the same inline cache cells) over
# instances of different classes and layouts, while the main thread keeps
# changing a class attribute and a module attribute. Every read must be one
# of the values that attribute ever had (never a torn or stale mix).
import sys
import threading

class A:
    k = 0
    def __init__(self):
        self.x = 1
        self.y = 2

class B:
    __slots__ = ("x", "y")
    k = 100
    def __init__(self):
        self.y = 20
        self.x = 10

class C(A):
    def __init__(self):
        self.y = 2
    @property
    def x(self):
        return 1000

mod = sys.modules[__name__]
ALLOWED_K = {0, 1, 2, 100}
bad = []

def work(objs, n):
    for i in range(n):
        for o in objs:
            s = o.x + o.y
            if s not in (3, 30, 1002):
                bad.append(("sum", s))
            if o.k not in ALLOWED_K:
                bad.append(("k", o.k))
            if mod.FLAG not in ("a", "b"):
                bad.append(("flag", mod.FLAG))
            o.y = o.y

FLAG = "a"
objs1 = [A(), B(), C()]
objs2 = [C(), A(), B()]
ts = [threading.Thread(target=work, args=(objs, 3000)) for objs in (objs1, objs2)]
for t in ts:
    t.start()
for i in range(300):
    A.k = i % 3
    FLAG = "b" if i % 2 else "a"
for t in ts:
    t.join()
print("bad reads:", bad[:5], len(bad))
print(A.k, FLAG)
