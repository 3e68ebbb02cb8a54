"""Class hierarchies calling super(): __init__ chains, cooperative multiple inheritance, overridden methods."""


class Base:
    def __init__(self, x):
        self.x = x

    def value(self):
        return self.x

    def describe(self):
        return 1


class Mid(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y

    def value(self):
        return super().value() + self.y

    def describe(self):
        return super().describe() + 1


class Left(Mid):
    def describe(self):
        return super().describe() + 10


class Right(Mid):
    def describe(self):
        return super().describe() + 100


class Both(Left, Right):
    def __init__(self, x):
        super().__init__(x, 2 * x)

    def value(self):
        return super().value() * 2

    def describe(self):
        return super().describe() + 1000


def run(n):
    total = 0
    for i in range(n):
        b = Both(i)
        m = Mid(i, 1)
        total += b.value() + b.describe() + m.value() + m.describe()
    return total


print("super_calls", run(100000))
