# Set operators of dict views iterate the other operand: a non-iterable or an
# unhashable item raises from there, as in CPython (found by
# scripts/fuzz/difffuzz.py, family stmt.augassign).
d = {1: "a", 2: "b"}
for label, f in [
    ("keys ^ 0.0", lambda: d.keys() ^ 0.0),
    ("keys | 1", lambda: d.keys() | 1),
    ("1 | keys", lambda: 1 | d.keys()),
    ("items & 3", lambda: d.items() & 3),
    ("keys - None", lambda: d.keys() - None),
    ("keys | [[1]]", lambda: d.keys() | [[1]]),
    ("keys | [3]", lambda: sorted(d.keys() | [3])),
    ("keys ^ (2, 5)", lambda: sorted(d.keys() ^ (2, 5))),
]:
    try:
        print(label, "->", f())
    except TypeError as e:
        print(label, "-> TypeError", e)
v = d.keys()
try:
    v |= 1
except TypeError as e:
    print("v |= 1 -> TypeError", e)
