class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __eq__(self, other):
        return isinstance(other, Key) and (self.a, self.b) == (other.a, other.b)
    def __hash__(self):
        return hash((self.a, self.b))
    def __repr__(self):
        return f"Key({self.a}, {self.b})"
k1, k2, k3 = Key(1, 2), Key(1, 2), Key(2, 1)
print(k1 == k2, k1 != k2, k1 == k3, k1 is k2, k1 == (1, 2))
s = {k1, k2, k3}
print(len(s), k2 in s, Key(2, 1) in s)
d = {k1: "first"}
d[k2] = "second"
print(d, d[Key(1, 2)])
class NoHash:
    def __eq__(self, other):
        return True
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)
print(NoHash.__hash__ is None, NoHash() == 5, NoHash() != 5)
class Default:
    pass
a, b = Default(), Default()
print(a == a, a == b, a != b, len({a, b, a}))
