# sum() takes the iterator before it refuses a str/bytes/bytearray start
# (found by scripts/fuzz/difffuzz.py, family expr.builtin.sum).
class S(str):
    pass

for label, f in [
    ("sum(True, 'x')", lambda: sum(True, "x")),
    ("sum(1, b'')", lambda: sum(1, b"")),
    ("sum([], 'x')", lambda: sum([], "x")),
    ("sum([], S('x'))", lambda: sum([], S("x"))),
    ("sum([], bytearray())", lambda: sum([], bytearray())),
    ("sum([b'a'], b'')", lambda: sum([b"a"], b"")),
    ("sum([[1], [2]], [])", lambda: sum([[1], [2]], [])),
    ("sum(range(4), start=0.5)", lambda: sum(range(4), start=0.5)),
]:
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
