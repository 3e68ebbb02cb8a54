class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __gt__(self, o):
        return self.parts > o.parts
    def __ge__(self, o):
        return self.parts >= o.parts
vs = [Version(s) for s in ["1.10", "1.2", "2.0", "1.2.1", "0.9"]]
print(sorted(vs), max(vs), min(vs))
a, b = Version("1.2"), Version("1.10")
print(a < b, a <= b, a > b, a >= b, a == Version("1.2"), a != b)
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print(f"__lt__({self.v}, {other.v})")
        return self.v < other.v
x, y = OnlyLt(1), OnlyLt(2)
print(y > x)
try:
    x <= y
except TypeError as e:
    print("TypeError:", e)
