# Instance attribute storage under the hooks that bypass or replace it:
# __getattr__/__getattribute__/__setattr__, __slots__ with __dict__,
# weakrefs, the cycle collector, __del__ and threading.local.
import gc
import threading
import weakref


class Fallback:
    def __init__(self):
        self.a = 1

    def __getattr__(self, name):
        return "missing " + name


f = Fallback()
print(f.a, f.b)
f.b = 2
print(f.b)
del f.b
print(f.b)


class Watch:
    def __init__(self):
        self.a = 1

    def __getattribute__(self, name):
        if name == "a":
            return object.__getattribute__(self, name) * 10
        return object.__getattribute__(self, name)


w = Watch()
print(w.a, vars(w))


class Logged:
    def __init__(self):
        self.a = 1

    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2)


lg = Logged()
lg.a = 5
print(lg.a, vars(lg))


# A site that sees a plain class, then one with __getattr__ / __setattr__.
def read_x(o):
    return o.x


def write_x(o, v):
    o.x = v


class Plain:
    pass


pl = Plain()
write_x(pl, 1)
print(read_x(pl))
lg2 = Logged.__new__(Logged)
write_x(lg2, 3)
print(read_x(lg2))
fb = Fallback()
print(read_x(fb))


class Slotted:
    __slots__ = ("s", "__dict__")

    def __init__(self):
        self.s = "slot"
        self.d = "dict"


sl = Slotted()
print(sl.s, sl.d, vars(sl))
sl.__dict__["s"] = "shadow"
print(sl.s, sl.__dict__)


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


r = Node("r")
ref = weakref.ref(r)
print(ref() is r, ref().name)
del r
print(ref())

# A cycle through instance attributes is collected.
x, y = Node("x"), Node("y")
x.other, y.other = y, x
wx = weakref.ref(x)
del x, y
gc.collect()
print(wx())


class Dying:
    def __init__(self, v):
        self.v = v

    def __del__(self):
        print("del", self.v, sorted(vars(self)))


dd = Dying(3)
dd.extra = 4
del dd
gc.collect()


# threading.local: each thread has its own attributes.
loc = threading.local()
loc.v = "main"
seen = []


def work():
    seen.append(hasattr(loc, "v"))
    loc.v = "thread"
    seen.append(loc.v)


t = threading.Thread(target=work)
t.start()
t.join()
print(seen, loc.v)
