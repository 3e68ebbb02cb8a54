# Augmented assignment errors name the in-place operator, as CPython does.
import operator


class A:
    pass


cases = [
    (1, "a"), ("a", 1), ([1], 1), ((1,), 1), ([1], 1.5), (b"ab", 1), (b"ab", "x"),
    (1.5, "x"), (None, 1), (A(), 2), ({1}, [1]), ({}, 3),
]
ops = ["+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@="]
for x, y in cases:
    for op in ops:
        v = x if not isinstance(x, list) else list(x)
        try:
            exec(f"v {op} y")
            print(op, type(x).__name__, type(y).__name__, "->", repr(v) if not isinstance(v, A) else "A")
        except Exception as e:
            print(op, type(x).__name__, type(y).__name__, type(e).__name__, e)
# Plain binary operators keep their own messages.
for x, y in cases[:8]:
    try:
        x + y
    except TypeError as e:
        print("+", e)
    try:
        x ** y
    except TypeError as e:
        print("**", e)
l = [1, 2]
l *= 2
print(l)
l *= 0
print(l)
e = []
e *= 2**31
print(e)
try:
    m = [1]
    m *= 2**62
except MemoryError:
    print("MemoryError")
