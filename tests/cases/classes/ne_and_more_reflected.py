class Tolerant:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return abs(self.v - other.v) < 1
    def __ne__(self, other):
        print("explicit __ne__")
        return not self.__eq__(other)
print(Tolerant(1.0) == Tolerant(1.5), Tolerant(1.0) != Tolerant(5.0))
class Num:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Num({self.v})"
    def __rfloordiv__(self, other):
        return Num(other // self.v)
    def __rmod__(self, other):
        return Num(other % self.v)
    def __rpow__(self, other):
        return Num(other ** self.v)
    def __rsub__(self, other):
        return Num(other - self.v)
    def __rmatmul__(self, other):
        return "rmatmul"
    def __rand__(self, other):
        return Num(other & self.v)
    def __ror__(self, other):
        return Num(other | self.v)
    def __rxor__(self, other):
        return Num(other ^ self.v)
    def __rlshift__(self, other):
        return Num(other << self.v)
    def __rrshift__(self, other):
        return Num(other >> self.v)
n = Num(3)
print(17 // n, 17 % n, 2 ** n, 10 - n, 12 & n, 12 | n, 12 ^ n, 1 << n, 64 >> n)
class Left:
    def __add__(self, other):
        return NotImplemented
class Right:
    def __radd__(self, other):
        return "Right.__radd__ used"
print(Left() + Right())
class A:
    def __sub__(self, other):
        return "A.__sub__"
class B(A):
    def __rsub__(self, other):
        return "B.__rsub__ tried first: right operand is a subclass"
print(A() - B(), A() - A())
