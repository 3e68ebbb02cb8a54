# bytes(): every constructor form and CPython's errors.
print(bytes(), bytes(3), bytes(0), bytes(True), bytes([1, 2]), bytes(b"x"), bytes((65, 66)))
print(bytes(range(3)), bytes(iter([67])), bytes({1: 2}), bytes(x for x in [1, 255]))
print(bytes("\xe9", "utf-8"), bytes("\xe9", "ascii", "replace"), bytes("\xe9", encoding="latin-1"))
print(bytes("x", "utf-8", "strict"), bytes(source=b"kw"), bytes("\xe9", "ascii", errors="ignore"))

class I:
    def __index__(self):
        return 2

class B:
    def __bytes__(self):
        return b"bb"

class Bad:
    def __bytes__(self):
        return "not bytes"

print(bytes(I()), bytes(B()), bytes([I(), 3]))
tests = [
    ('bytes("abc")', lambda: bytes("abc")),
    ('bytes(-1)', lambda: bytes(-1)),
    ('bytes([256])', lambda: bytes([256])),
    ('bytes([-1])', lambda: bytes([-1])),
    ('bytes(1.5)', lambda: bytes(1.5)),
    ('bytes("\\xe9", "ascii")', lambda: bytes("\xe9", "ascii")),
    ('bytes(b"x", "utf-8")', lambda: bytes(b"x", "utf-8")),
    ('bytes(3, "utf-8")', lambda: bytes(3, "utf-8")),
    ('bytes("x", errors="strict")', lambda: bytes("x", errors="strict")),
    ('bytes(["a"])', lambda: bytes(["a"])),
    ('bytes(10**20)', lambda: bytes(10**20)),
    ('bytes(2**63)', lambda: bytes(2**63)),
    ('bytes("\\xe9", "nope")', lambda: bytes("\xe9", "nope")),
    ('bytes(None)', lambda: bytes(None)),
    ('bytes(x for x in [1, 300])', lambda: bytes(x for x in [1, 300])),
    ('bytes("x", "utf-8", "strict", 1)', lambda: bytes("x", "utf-8", "strict", 1)),
    ('bytes(x=1)', lambda: bytes(x=1)),
    ('bytes("x", encoding=1)', lambda: bytes("x", encoding=1)),
    ('bytes(errors="x")', lambda: bytes(errors="x")),
    ('bytes(encoding="utf-8")', lambda: bytes(encoding="utf-8")),
    ('bytes(b"x", errors="x")', lambda: bytes(b"x", errors="x")),
    ('bytes(Bad())', lambda: bytes(Bad())),
    ('bytes([2**70])', lambda: bytes([2**70])),
    ('bytes(2**62)', lambda: bytes(2**62)),
]
for t, f in tests:
    try:
        print(t, "->", f())
    except (TypeError, ValueError, OverflowError, LookupError, UnicodeError, MemoryError) as e:
        print(t, "->", type(e).__name__, e)
