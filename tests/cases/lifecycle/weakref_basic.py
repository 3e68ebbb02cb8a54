# weakref: ref with callbacks, WeakValueDictionary, WeakKeyDictionary,
# WeakSet, finalize, WeakMethod.
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def method(self):
        return "method of " + self.name

    def __repr__(self):
        return "Obj(%s)" % self.name


a = Obj("a")
r = weakref.ref(a)
print(r() is a, r() is r())
log = []
r2 = weakref.ref(a, lambda wr: log.append(("callback", wr is r2, wr())))
print(weakref.getweakrefcount(a))
del a
gc.collect()
print(r(), log)

# Equality and hashing follow the referent while it lives.
b = Obj("b")
print(weakref.ref(b) == weakref.ref(b), hash(weakref.ref(b)) == hash(b))
try:
    weakref.ref(42)
except TypeError as e:
    print("TypeError:", e)


def f():
    pass


fr = weakref.ref(f)
print(fr() is f)

# WeakValueDictionary: an entry goes when its value dies.
cache = weakref.WeakValueDictionary()
x, y = Obj("x"), Obj("y")
cache["x"] = x
cache["y"] = y
print(sorted(cache.keys()), len(cache), "x" in cache)
del x
gc.collect()
print(sorted(cache.keys()), len(cache), "x" in cache, cache.get("x"))

# WeakKeyDictionary: an entry goes when its key dies.
extra = weakref.WeakKeyDictionary()
k1, k2 = Obj("k1"), Obj("k2")
extra[k1] = 1
extra[k2] = 2
print(sorted(v for v in extra.values()), k1 in extra, extra[k2])
del k2
gc.collect()
print(len(extra), [k.name for k in extra])

# WeakSet.
ws = weakref.WeakSet()
m1, m2, m3 = Obj("m1"), Obj("m2"), Obj("m3")
for m in (m1, m2, m3):
    ws.add(m)
del m
print(len(ws), m2 in ws)
del m2
gc.collect()
print(len(ws), sorted(o.name for o in ws))

# finalize: runs once, when the object dies or when called.
def done(tag):
    print("finalized", tag)
    return tag


t = Obj("t")
fin = weakref.finalize(t, done, "t")
print(fin.alive)
del t
gc.collect()
print(fin.alive)
u = Obj("u")
fin2 = weakref.finalize(u, done, "u")
print(fin2(), fin2(), fin2.alive)
v = Obj("v")
weakref.finalize(v, done, "v at exit")

# WeakMethod.
w = Obj("w")
wm = weakref.WeakMethod(w.method)
print(wm()())
del w
gc.collect()
print(wm())
print("end")
