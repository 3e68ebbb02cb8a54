# bytes/bytearray.fromhex: ASCII whitespace (\v too) between pairs, subclasses
# built through their constructor; find/count with a start past the end.
for s in ["1a2B30", "  1A 2B  30   ", " 1A\n2B\t30\v", "\x0b", "\x0c", "\x1c", "\xa0", "12 x4 56", "12 3x 56", "12 3\xff 56"]:
    for t in (bytes, bytearray):
        try:
            print(t.__name__, ascii(s), t.fromhex(s))
        except ValueError as e:
            print(t.__name__, ascii(s), "ValueError", e)


class B(bytes):
    def __new__(cls, data):
        print("B.__new__", data)
        return super().__new__(cls, data)


class BA(bytearray):
    def __init__(self, data=b""):
        super().__init__(data)
        self.foo = "set by __init__"


b = B.fromhex("41 42")
print(type(b).__name__, b)
ba = BA.fromhex("4344")
print(type(ba).__name__, ba, ba.foo)
for t in (bytes, bytearray):
    x = t(b"abc")
    print(x.find(b"", 4), x.rfind(b"", 4), x.find(b"", 3), x.count(b"", 4), x.count(b"", 3), x.find(b"c", 2),
          x.count(99, 4), x.find(b"", -10))
    try:
        x.index(b"", 4)
    except ValueError as e:
        print(e)
