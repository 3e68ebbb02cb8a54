# A class-level __getattribute__ in Python sees every attribute read:
# plain attributes, methods (also in loops, where caches kick in), getattr
# with a default, hasattr, and falls back to __getattr__ on AttributeError.
# Special methods are looked up on the type and do not go through it.


class Logged:
    def __init__(self):
        self.x = 1

    def __getattribute__(self, name):
        print("  get", name)
        if name == "magic":
            return 42
        return object.__getattribute__(self, name)

    def meth(self):
        return "meth"

    def __len__(self):
        return 7


p = Logged()
print(p.x, p.magic, p.meth())
print(getattr(p, "missing", "default"), hasattr(p, "missing"), hasattr(p, "x"))
for i in range(3):
    print(p.x + i, p.meth())
print(len(p))
try:
    p.nope
except AttributeError as e:
    print("AttributeError:", e)


class WithFallback(Logged):
    def __getattr__(self, name):
        return "fallback " + name


q = WithFallback()
print(q.nope, q.x)
print(object.__getattribute__(q, "x"))
try:
    object.__getattribute__(q, "nope")
except AttributeError as e:
    print("AttributeError:", e, e.name, e.obj is q)


# A proxy that forwards everything to a target object.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)

    def __getattribute__(self, name):
        if name == "_target":
            return object.__getattribute__(self, name)
        return getattr(object.__getattribute__(self, "_target"), name)


pl = Proxy([3, 1, 2])
pl.sort()
print(pl.count(1), pl.index(3), pl.__class__)


# A lazy object that computes attributes on first access.
class Lazy:
    def __getattribute__(self, name):
        d = object.__getattribute__(self, "__dict__")
        if name not in d and name.startswith("v"):
            d[name] = int(name[1:]) ** 2
        return object.__getattribute__(self, name)


z = Lazy()
print(z.v3, z.v4, sorted(vars(z)))


# Assigned after the class was made, and inherited.
class Late:
    y = 5

    def m(self):
        return "m"


late = Late()
print(late.y, late.m())
Late.__getattribute__ = lambda self, name: "late " + name
print(late.y, late.m)
del Late.__getattribute__
print(late.y, late.m())


# On a metaclass: class attribute reads go through it.
class Meta(type):
    def __getattribute__(cls, name):
        if name == "secret":
            return "from meta"
        return super().__getattribute__(name)


class WithMeta(metaclass=Meta):
    a = 1


print(WithMeta.a, WithMeta.secret)


# A class's name is the type's own field: assigning it keeps no dict entry.
class Text(str):
    pass


class Renamed:
    pass


Renamed.__name__ = Text("NewName")
Renamed.__qualname__ = "Outer.NewName"
print(Renamed.__name__, Renamed, "__name__" in Renamed.__dict__)
try:
    Renamed.__name__ = 5
except TypeError as e:
    print("TypeError:", e)
