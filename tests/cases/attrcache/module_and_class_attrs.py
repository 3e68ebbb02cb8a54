# Module attributes and class attributes read through a class, each site
# cached, while the module and the classes change.
import modattr_mod as m
import math

def read(mod):
    return (mod.VALUE, mod.f())

print([read(m) for _ in range(3)])
m.VALUE = 2                     # rebound: same key, new value
print(read(m))
m.f = lambda: "g"               # a module function replaced
print(read(m))
m.NEW = 0                       # the dict grows (keys move in a bigger table)
for i in range(20):
    setattr(m, "k%d" % i, i)
print(read(m))
del m.VALUE                     # gone: module __getattr__ decides
try:
    read(m)
except AttributeError as e:
    print("AttributeError:", e)
m.__getattr__ = lambda name: "module-ga:" + name
print(read(m))
m.VALUE = 3
print(read(m))
print([round(math.sqrt(x), 3) for x in (2, 3)])

# The same site seeing two different modules.
import types
other = types.ModuleType("other")
other.VALUE = "other"
other.f = lambda: "other.f"
print([read(x) for x in (m, other, m, other)])

# Class attributes read through the class.
class Base:
    K = "base"
    def helper():
        return "plain function"
    @staticmethod
    def s():
        return "static"
    @classmethod
    def c(cls):
        return "class " + cls.__name__

class Sub(Base):
    pass

def through_class(cls):
    return (cls.K, cls.helper(), cls.s(), cls.c())

print([through_class(Sub) for _ in range(2)])
Base.K = "base2"
print(through_class(Sub))
Sub.K = "sub"
print(through_class(Sub), through_class(Base))
del Sub.K
print(through_class(Sub))

# A metaclass that later gains __getattribute__, and one with __getattr__.
class Meta(type):
    pass

class WithMeta(metaclass=Meta):
    K = 1

def get_k(cls):
    return cls.K

print([get_k(WithMeta) for _ in range(3)])
Meta.__getattribute__ = lambda cls, name: "meta-ga:" + name
print(get_k(WithMeta))
del Meta.__getattribute__
print(get_k(WithMeta))
Meta.__getattr__ = lambda cls, name: "meta-getattr:" + name
def get_missing(cls):
    return cls.missing
print(get_missing(WithMeta), get_k(WithMeta))

# Enum members through the class.
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
def red():
    return Color.RED
print([red() for _ in range(2)], red() is Color.RED)
