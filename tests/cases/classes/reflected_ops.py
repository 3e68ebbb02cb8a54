class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented
    def __radd__(self, other):
        print("radd with", other)
        return self.__add__(other)
    def __rsub__(self, other):
        return Money(other - self.cents)
    def __rmul__(self, k):
        return Money(self.cents * k)
    def __rtruediv__(self, other):
        return f"{other} / {self.cents}"
    def __rpow__(self, other):
        return f"{other} ** money"
print(Money(5) + Money(7), Money(5) + 3, 3 + Money(5))
print(sum([Money(1), Money(2), Money(3)]))
print(10 - Money(3), 4 * Money(25), 1 / Money(2), 2 ** Money(1))
try:
    Money(1) + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "x" + Money(1)
except TypeError as e:
    print("TypeError:", e)
