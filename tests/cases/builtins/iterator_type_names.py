# The type of each built-in iterator, and its repr, as CPython names them.
import re

d = {1: 2}
objs = [
    reversed([1]), reversed((1,)), reversed(range(3)), reversed("ab"), reversed(b"ab"),
    reversed(d), reversed(d.keys()), reversed(d.values()), reversed(d.items()),
    iter([]), iter(()), iter(""), iter("é"), iter(d), iter(set()), iter(b""), iter(range(2)),
    iter(d.items()), iter(d.values()), enumerate([]), zip(), map(len, []), filter(None, []),
    iter(lambda: 2, 2),
]
for o in objs:
    r = re.sub(r"0x[0-9a-f]+", "ADDR", repr(o))
    print(type(o).__name__, r, list(o))
