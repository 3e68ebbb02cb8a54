# Class creation: metaclass __prepare__ and keywords, __init_subclass__,
# __set_name__, __class_getitem__, __mro_entries__, types.new_class,
# type(name, bases, ns, **kw), __subclasses__, __qualname__, *bases.
import gc
import types


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}

    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(kw), sorted(k for k in ns if not k.startswith("__")))
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        print("init", name, kw)
        super().__init__(name, bases, ns)


class A(metaclass=Meta, flag=True):
    x = 1


print(A.injected, type(A).__name__, "__qualname__" in A.__dict__)


class Sub(A):                 # the metaclass is inherited
    pass


print(type(Sub).__name__)


class Plugin:
    registry = []

    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)


class Csv(Plugin, name="csv-reader"):
    pass


class Json(Plugin):
    pass


print(Plugin.registry, Csv.plugin_name, Json.plugin_name)
try:
    class Oops(Plugin, colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Plain(flag=1):
        pass
except TypeError as e:
    print("TypeError:", e)


class Field:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)

    def __get__(self, obj, objtype=None):
        return getattr(obj, self.name, "unset")

    def __set__(self, obj, value):
        setattr(obj, self.name, value)


class Record:
    title = Field()
    year = Field()


r = Record()
r.title = "Dune"
print(r.title, r.year)


class Box:
    def __class_getitem__(cls, item):
        return "%s[%s]" % (cls.__name__, item.__name__)


print(Box[int], Box[str])


class Entry:
    def __mro_entries__(self, bases):
        return (Plugin,)


class Dynamic(Entry()):
    pass


print([c.__name__ for c in Dynamic.__mro__], type(Dynamic.__orig_bases__[0]).__name__)
print(types.resolve_bases((Entry(), int)))

meta, ns, kw = types.prepare_class("T", (), {"metaclass": Meta, "k": 1})
print(meta.__name__, ns, kw)
T = types.new_class("T", (Plugin,), {"name": "tee"}, lambda ns: ns.update(z=26))
print(T.__name__, T.z, T.plugin_name)
Q = type("Q", (Plugin,), {"w": 5}, name="queue")
print(Q.__name__, Q.w, Q.plugin_name)
try:
    type("Bad", (), {}, flag=7)
except TypeError as e:
    print("TypeError:", e)


class Base:
    pass


class Left(Base):
    pass


class Right(Base):
    pass


print([c.__name__ for c in Base.__subclasses__()])
del Right
gc.collect()
print([c.__name__ for c in Base.__subclasses__()])


class Outer:
    class Inner:
        def method(self):
            def local():
                pass
            return local


print(Outer.Inner.__qualname__, Outer.Inner.method.__qualname__, Outer.Inner().method().__qualname__)

bases = (Left, Plugin)
kwargs = {"name": "starred"}


class Star(*bases, **kwargs):
    pass


print([c.__name__ for c in Star.__mro__], Star.plugin_name)
try:
    class Conflict(A, metaclass=type):
        pass
except TypeError as e:
    print("TypeError:", e)


class OtherMeta(type):
    pass


class O(metaclass=OtherMeta):
    pass


try:
    class Clash(A, O):
        pass
except TypeError as e:
    print("TypeError:", e)


class Broken:
    def __set_name__(self, owner, name):
        raise ValueError("boom")


try:
    class HasBroken:
        attr = Broken()
except RuntimeError as e:
    print("RuntimeError:", e, "caused by", repr(e.__cause__))
