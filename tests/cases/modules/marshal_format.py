import io
import marshal

# CPython 3.11's bytes for values built from literals, and round trips.
n = 1000
values = [None, True, False, 0, 5, -1, n, 2**31, 2**40, -2**70, 1.5, -0.0, 1j, 2.5 - 3j,
          "abc", "", "a b", "é", "x" * 300, b"", b"xy", (), (1, "a"), [1, 2], {"a": 1},
          frozenset(), ..., StopIteration, ["a" * 3], [n, n], ("abc", "abc")]
for v in values:
    data = marshal.dumps(v)
    back = marshal.loads(data)
    print(repr(v)[:40], data, back == v, type(back).__name__)

print(marshal.dumps(bytearray(b"z")), marshal.loads(marshal.dumps(bytearray(b"z"))))
print(sorted(marshal.loads(marshal.dumps({3, 1, 2}))))
print(marshal.version)
for ver in range(5):
    print(ver, marshal.dumps((1.5, 2j, "abc", "a b", n, [n]), ver))

# Several objects one after another in a file.
buf = io.BytesIO()
marshal.dump(1, buf)
marshal.dump({"k": [1, 2.5]}, buf)
marshal.dump("end", buf, 2)
buf.seek(0)
print(marshal.load(buf), marshal.load(buf), marshal.load(buf))
try:
    marshal.load(buf)
except EOFError as e:
    print("EOFError:", e)

# A list that contains itself.
loop = marshal.loads(b"\xdb\x01\x00\x00\x00r\x00\x00\x00\x00")
print(loop, loop[0] is loop)

for bad in [b"", b"i\x01", b"?", b"r\x00\x00\x00\x00", b"0", b"l\x01\x00\x00\x00\xff\xff",
            b"s\xff\xff\xff\xff", b"(\x02\x00\x00\x00N"]:
    try:
        marshal.loads(bad)
    except (ValueError, EOFError, TypeError) as e:
        print(bad, type(e).__name__, e)
for bad in [object(), [1, object()], {1: print}]:
    try:
        marshal.dumps(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    marshal.dumps(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
deep = []
for _ in range(3000):
    deep = [deep]
try:
    marshal.dumps(deep)
except ValueError as e:
    print("ValueError:", e)

# Code objects round-trip (in each interpreter's own format).
code = compile("a * 2 + 1", "<marshal>", "eval")
print(eval(marshal.loads(marshal.dumps(code)), {"a": 20}))

# Whether an object is shared decides its reference flag, as in CPython.
shared = [1, 2]
print(marshal.dumps([1, 2]), marshal.dumps(shared), marshal.dumps((1, [2])), marshal.dumps({1}))
nested = (1, (2, (3,)))
print(marshal.loads(marshal.dumps(nested)) == nested)
