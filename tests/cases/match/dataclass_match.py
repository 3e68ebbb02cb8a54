# Dataclasses set __match_args__ from their fields, so positional patterns work.
from dataclasses import dataclass, field

@dataclass
class Point:
    x: int
    y: int

@dataclass
class Circle:
    center: Point
    radius: float = 1.0

@dataclass
class Tagged:
    name: str
    tags: list = field(default_factory=list)

print(Point.__match_args__, Circle.__match_args__, Tagged.__match_args__)

def show(shape):
    match shape:
        case Circle(Point(0, 0), r):
            return f"circle at the origin, radius {r}"
        case Circle(Point(x, y), radius=r) if r > 5:
            return f"big circle at {x},{y}"
        case Circle(center=Point(x=x)):
            return f"circle with x={x}"
        case Point(x, y):
            return f"point {x},{y}"
        case Tagged(n, [t, *_]):
            return f"{n} tagged {t}"
        case Tagged(n):
            return f"{n} untagged"

for s in [Circle(Point(0, 0), 2), Circle(Point(1, 1), 10), Circle(Point(3, 4)), Point(5, 6),
          Tagged("a", ["x", "y"]), Tagged("b")]:
    print(show(s))

@dataclass(match_args=False)
class Hidden:
    a: int

print(hasattr(Hidden, "__match_args__"))
match Hidden(1):
    case Hidden(a=1):
        print("keyword still works")
