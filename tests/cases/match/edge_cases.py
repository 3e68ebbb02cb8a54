# Unusual but valid patterns: groups, empty tuple/mapping patterns, -0, 1.0, object(__class__=…), nested stars.
def t(v):
    match v:
        case (x):
            return ("group", x) if x == 99 else t2(v)

def t2(v):
    match v:
        case ():
            return "empty tuple pattern"
        case {**rest} if not rest:
            return "empty-rest mapping"
        case {**rest}:
            return f"rest {rest}"
        case [*_] if len(v) > 3:
            return "long"
        case -0:
            return "zero"
        case 1.0:
            return "one"
        case [[]]:
            return "nested empty"
        case ((a, b), (c, d)):
            return a + b + c + d
        case [1, [2, *r], *s]:
            return (r, s)
        case object(__class__=cls):
            return cls.__name__

for v in [99, (), [], {}, {"a": 1}, [1, 2, 3, 4], 0, 0.0, False, 1, True, [[]], ((1, 2), (3, 4)), [1, [2, 3, 4], 5], "s", None]:
    print(repr(v), t(v))

match 5:
    case x if (y := x * 2):
        print(x, y)

import sys
match sys.version_info:
    case (3, minor, *_) if minor >= 10:
        print("py3 >= 3.10")

values = [1, "a", (1, 2), [3], {"k": "v"}, 2.0, None]
out = []
for v in values:
    match v:
        case int() | float() as n:
            out.append(("num", n))
        case str() | bytes():
            out.append("text")
        case (_, _) | [_]:
            out.append("short seq")
        case {"k": str(s)}:
            out.append(("k", s))
        case None:
            out.append(None)
print(out)
