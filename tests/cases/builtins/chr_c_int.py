# chr() takes a C int: beyond it an OverflowError, inside it but out of
# Unicode's range a ValueError (found by scripts/fuzz/difffuzz.py, expr.builtin.chr).
class I:
    def __index__(self):
        return 65

for arg in [65, 0x10FFFF, 0x110000, -1, 2**31 - 1, 2**31, -2**31, -2**31 - 1, 12345678901234567890, True, I(), 1.5, "a"]:
    try:
        print(repr(arg) if not isinstance(arg, I) else "I()", "->", ascii(chr(arg)))
    except (ValueError, OverflowError, TypeError) as e:
        print(repr(arg) if not isinstance(arg, I) else "I()", "->", type(e).__name__, e)
