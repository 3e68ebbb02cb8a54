class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __repr__(self):
        return f"Acc{self.items}"
a = Acc()
alias = a
a += 1
a += 2
print(a, alias is a)
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Num(self.v + o)
    def __mul__(self, o):
        return Num(self.v * o)
n = Num(1)
orig = n
n += 5
n *= 3
print(n.v, orig.v, n is orig)
