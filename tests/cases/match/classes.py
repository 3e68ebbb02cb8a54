# Class patterns: isinstance, keyword sub-patterns, positional via __match_args__.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on the y axis at {yy}"
        case Point(xx, 0):
            return f"on the x axis at {xx}"
        case Point(x, y) if x == y:
            return f"on the diagonal at {x}"
        case Point():
            return "somewhere else"
        case _:
            return "not a point"

for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), (0, 0), None]:
    print(where(p))

class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

match Point3(1, 2, 3):
    case Point(1, 2):
        print("subclass matches base pattern")
match Point3(1, 2, 3):
    case Point3(_, _, z):
        print("z =", z)

class NoArgs:
    def __init__(self):
        self.a = 1

match NoArgs():
    case NoArgs(a=1, b=2):
        print("wrong")
    case NoArgs(a=1):
        print("missing attribute means no match")

# built-in types match themselves with one positional sub-pattern
def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(b):
            return f"bytes {b!r}"
        case list([first, *_]):
            return f"non-empty list starting with {first}"
        case list():
            return "empty list"
        case tuple(t):
            return f"tuple of {len(t)}"
        case dict(d):
            return f"dict with {sorted(d)}"
        case set(s):
            return f"set of {len(s)}"
        case frozenset(s):
            return f"frozenset of {len(s)}"
        case _:
            return "other"

for v in [True, 3, 2.5, "hi", b"b", [9, 8], [], (1, 2), {"b": 1, "a": 2}, {1, 2}, frozenset([1]), None]:
    print(kind(v))

class MyInt(int):
    pass

match MyInt(7):
    case int(n):
        print("subclass of int:", n, type(n).__name__)

match 5:
    case int(5 | 6 as n):
        print("nested in int():", n)
