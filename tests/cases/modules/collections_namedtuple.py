from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x, p[1], p == (3, 4), len(p), tuple(p))
x, y = p
print(x + y, p._asdict(), p._replace(y=10), Point._fields)
Person = namedtuple("Person", "name age city", defaults=["Unknown"])
print(Person("Ann", 30), Person(name="Bob", age=5, city="Oslo"))
print(Point._make([7, 8]), isinstance(p, tuple), type(p).__name__, sorted([Point(2, 1), Point(1, 5)]))
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
