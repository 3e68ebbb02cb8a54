"""dataclasses: creating classes, constructing instances, generated __eq__/__repr__/order, frozen hashing, replace/asdict."""
from dataclasses import dataclass, field, replace, asdict


@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)


@dataclass(frozen=True, order=True)
class Key:
    a: int
    b: str


def run(n):
    total = 0
    pts = [Point(i, i * 2) for i in range(n)]
    for p in pts:
        total += p.x + p.y + len(p.tags)
    total += sum(1 for p, q in zip(pts, pts[1:]) if p == q)
    keys = sorted(Key(i % 97, str(i)) for i in range(n // 2))
    total += len(set(keys)) + keys[0].a
    total += len(repr(pts[-1])) + len(asdict(replace(pts[3], y=5))["tags"])
    return total


total = 0
for _ in range(4):
    total += run(30000)
print("dataclasses", total)
