from dataclasses import dataclass, field
@dataclass
class Point:
    x: int
    y: int = 0
p = Point(1, 2)
print(p, Point(5), p == Point(1, 2), p != Point(2, 1), p.x)
@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    count: int = 0
a, b = Inventory("a"), Inventory("b")
a.items.append("widget")
print(a, b, a.items is b.items)
@dataclass(order=True)
class Version:
    major: int
    minor: int
print(sorted([Version(1, 10), Version(1, 2), Version(0, 9)]), Version(1, 0) < Version(1, 1))
@dataclass(frozen=True)
class Frozen:
    v: int
f = Frozen(1)
try:
    f.v = 2
except Exception as e:
    print(type(e).__name__, e)
print(hash(f) == hash(Frozen(1)), {f, Frozen(1)} == {f})
