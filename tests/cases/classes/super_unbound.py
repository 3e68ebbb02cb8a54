# super(C) without an object is unbound: stored on a class, it binds to the
# instance it is read through (the old `self.__super` idiom); super()
# accepts a proxy whose __class__ claims the right type.


class A:
    def meth(self):
        return "A"


class B(A):
    def meth(self):
        return "B" + self.__super.meth()


B._B__super = super(B)


class C(B):
    def meth(self):
        return "C" + self.__super.meth()


C._C__super = super(C)
print(C().meth())

s = super(B)
print(type(s).__name__, s.__thisclass__.__name__, s.__self__, s.__self_class__)
try:
    s.meth
except AttributeError as e:
    print("unbound:", e)
b = s.__get__(C(), C)
print(b.__thisclass__.__name__, type(b.__self__).__name__, b.__self_class__.__name__, b.meth())
print(s.__get__(None, C) is s)
print(super(B, C()).__self_class__.__name__)

for bad in [lambda: super(1), lambda: super(B, 1), lambda: super(B, C(), 3), lambda: super(B, obj=1)]:
    try:
        bad()
    except TypeError as e:
        print(e)


class Proxy:
    def __init__(self, obj):
        self.__obj = obj

    def __getattribute__(self, name):
        if name.startswith("_Proxy__"):
            return object.__getattribute__(self, name)
        return getattr(self.__obj, name)


class D(A):
    def meth(self):
        return super(D, self).meth() + "->D"


p = Proxy(D())
print(D.__dict__["meth"](p))
print(isinstance(p, D), isinstance(p, Proxy), type(p).__name__)


class Descr:
    def __get__(self, obj, objtype=None):
        def getter(name):
            raise AttributeError("via descriptor: " + name)
        return getter


class G:
    __getattribute__ = Descr()


class H:
    __getattr__ = Descr()


for obj in (G(), H()):
    try:
        obj.missing
    except AttributeError as e:
        print(e)
