# A shape area calculator with class patterns, guards and nested patterns.
import math
from dataclasses import dataclass

@dataclass
class Circle:
    r: float

@dataclass
class Rect:
    w: float
    h: float

@dataclass
class Triangle:
    a: float
    b: float
    c: float

class Square:
    __match_args__ = ("side",)
    def __init__(self, side):
        self.side = side
    def __repr__(self):
        return f"Square({self.side})"

def area(shape):
    match shape:
        case Circle(r) if r < 0:
            raise ValueError(f"negative radius {r}")
        case Circle(r):
            return math.pi * r ** 2
        case Rect(w, h) if w == h:
            return f"square-ish rect {w * h}"
        case Rect(w, h):
            return w * h
        case Square(side=s):
            return s * s
        case Triangle(a, b, c):
            s = (a + b + c) / 2
            return math.sqrt(s * (s - a) * (s - b) * (s - c))
        case (w, h):
            return w * h
        case {"shape": "circle", "r": r}:
            return area(Circle(r))
        case [*shapes]:
            return sum(area(s) for s in shapes)
        case other:
            raise TypeError(f"not a shape: {other!r}")

shapes = [Circle(1), Rect(2, 3), Rect(2, 2), Square(4), Triangle(3, 4, 5), (5, 6),
          {"shape": "circle", "r": 2}, [Rect(1, 2), Square(2), [Circle(0)]]]
for s in shapes:
    a = area(s)
    print(f"{s!r:45} {a:.4f}" if isinstance(a, float) else f"{s!r:45} {a}")

for bad in [Circle(-1), "triangle", 7]:
    try:
        area(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
