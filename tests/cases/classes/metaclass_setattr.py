# C.x = v and del C.x go through the metaclass's __setattr__/__delattr__.
import enum

class Meta(type):
    def __setattr__(cls, name, value):
        print("set", cls.__name__, name, value)
        super().__setattr__(name, value)
    def __delattr__(cls, name):
        print("del", cls.__name__, name)
        super().__delattr__(name)

class A(metaclass=Meta):
    x = 1

A.x = 2
print(A.x)
del A.x
print(hasattr(A, "x"))
class B(A):
    pass
B.y = 3
setattr(B, "z", 4)
print(B.y, B.z)
try:
    del B.nope
except AttributeError as e:
    print("AttributeError", e)
type.__setattr__(A, "w", 5)
print(A.w)

class Color(enum.Enum):
    RED = 1
    GREEN = 2

try:
    Color.RED = 3
except AttributeError as e:
    print("AttributeError", e)
try:
    del Color.GREEN
except AttributeError as e:
    print("AttributeError", e)
Color.extra = "ok"
print(Color.extra, list(Color))
