# CPython's weakref.py over the native _weakref: WeakValueDictionary,
# WeakKeyDictionary, WeakSet, finalize, WeakMethod, proxy and ref itself.
import gc
import weakref


class Obj:
    def __init__(self, v):
        self.v = v

    def method(self):
        return self.v * 2

    def __repr__(self):
        return "Obj(%r)" % self.v


objs = [Obj(i) for i in range(5)]
wvd = weakref.WeakValueDictionary((i, o) for i, o in enumerate(objs))
wkd = weakref.WeakKeyDictionary((o, o.v) for o in objs)
ws = weakref.WeakSet(objs)
print(len(wvd), len(wkd), len(ws))
del objs[1:3]
print(len(wvd), len(wkd), len(ws), sorted(wvd.keys()), sorted(o.v for o in ws))
print(sorted(wkd.values()), wvd.get(1), 0 in wvd)
objs.clear()
print(len(wvd), len(wkd), len(ws))

# finalize: called once, at death or explicitly.
o = Obj("f")
f = weakref.finalize(o, print, "finalizer ran for", "f")
print(f.alive, f.peek()[1:])
del o
print(f.alive, f())
o2 = Obj("g")
f2 = weakref.finalize(o2, lambda: print("g finalized") or 7)
print(f2(), f2(), f2.alive)
f3 = weakref.finalize(Obj("h"), print, "h gone")

# WeakMethod dies with its object.
o = Obj(21)
wm = weakref.WeakMethod(o.method)
print(wm()(), wm == weakref.WeakMethod(o.method))
del o
print(wm())

# ref: sharing, callbacks, equality, hashing, errors.
o = Obj(1)
r1, r2 = weakref.ref(o), weakref.ref(o)
r3 = weakref.ref(o, lambda r: print("callback, dead:", r() is None))
print(r1 is r2, r1 is r3, r1 == r3, weakref.getweakrefcount(o), len(weakref.getweakrefs(o)))
print(r3.__callback__ is not None, r1.__callback__)
print(type(r1) is weakref.ref, weakref.ref is weakref.ReferenceType, isinstance(r1, weakref.ref))
d = {r1: "one"}
del o
print(r1(), r1 == r3, d[r1])
for bad in (1, "s", (1,), [1], {}, None):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print(e)


class Sub(weakref.ref):
    def __new__(cls, ob, tag):
        self = super().__new__(cls, ob)
        self.tag = tag
        return self

    def __init__(self, ob, tag):
        super().__init__(ob)


o = Obj(3)
s = Sub(o, "t")
print(s() is o, s.tag, type(s).__name__, s is weakref.ref(o))
try:
    Sub(o, None, "t")
except TypeError as e:
    print(e)

# Functions and classes can be weakly referenced too.
def fn():
    return 1

rf = weakref.ref(fn)
print(rf() is fn)
del fn
gc.collect()
print(rf())

# proxy
o = Obj(10)
p = weakref.proxy(o)
print(p.v, p.method(), repr(p).startswith("<weakproxy at"), type(p) is weakref.ProxyType)
p.v = 11
print(o.v)
cp = weakref.proxy(len)
print(type(cp) is weakref.CallableProxyType, cp("abc"))
del o
try:
    p.v
except ReferenceError as e:
    print("ReferenceError:", e)
print("end")
