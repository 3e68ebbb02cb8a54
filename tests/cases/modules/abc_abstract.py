from abc import ABC, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    def describe(self):
        return f"{type(self).__name__}: {self.area()}"
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
print(Square(3).describe(), isinstance(Square(1), Shape))
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
class TwoMethods(ABC):
    @abstractmethod
    def b(self): ...
    @abstractmethod
    def a(self): ...
try:
    TwoMethods()
except TypeError as e:
    print("TypeError:", e)
class Partial(TwoMethods):
    def a(self):
        return "a"
try:
    Partial()
except TypeError as e:
    print("TypeError:", e)
class Full(Partial):
    def b(self):
        return "b"
print(Full().a() + Full().b())
