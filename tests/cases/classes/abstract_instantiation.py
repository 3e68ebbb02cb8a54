# An ABC with abstract methods cannot be instantiated (object.__new__'s check).
import abc

class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    @abc.abstractmethod
    def perimeter(self): ...

class Half(Shape):
    def area(self):
        return 1

class Square(Half):
    def perimeter(self):
        return 4

for cls in (Shape, Half, Square):
    try:
        obj = cls()
        print(cls.__name__, "ok", obj.area(), obj.perimeter())
    except TypeError as e:
        print("TypeError", e)
print(sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__), Square.__abstractmethods__)
print(bool(Shape.__flags__ & (1 << 20)), bool(Square.__flags__ & (1 << 20)), bool(Square.__flags__ & (1 << 9)))
try:
    object.__new__(Half)
except TypeError as e:
    print("TypeError", e)

class Sized(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return True if hasattr(C, "__len__") else NotImplemented

print(isinstance([], Sized), isinstance(3, Sized), issubclass(dict, Sized))
Sized.register(int)
print(isinstance(3, Sized))
