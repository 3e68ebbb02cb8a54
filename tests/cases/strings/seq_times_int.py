# int * sequence and sequence * int for every built-in sequence, bools and
# __index__ objects as counts, and CPython's errors.
class I:
    def __index__(self):
        return 3

print(2 * b"ab", b"ab" * 2, 3 * [1], [1] * 3, 3 * (1,), (1,) * 3, 2 * "ab", "ab" * 2)
print(True * "a", "a" * True, False * b"x", b"x" * True, [1] * -1, b"x" * -3, (1,) * False, "x" * -1, -2 * b"ab")
print("ab" * I(), I() * "ab", [0] * I(), I() * (1,), b"z" * I(), I() * b"z")
print(b"" * 10**6, "" * 10**6, [] * 10**6, () * 10**6)
CASES = [
    ('"a" * 2.0', lambda: "a" * 2.0),
    ('b"a" * 2.0', lambda: b"a" * 2.0),
    ('[1] * "a"', lambda: [1] * "a"),
    ('2.5 * (1,)', lambda: 2.5 * (1,)),
    ('"a" * 10**20', lambda: "a" * 10**20),
    ('[1] * -10**20', lambda: [1] * -10**20),
    ('b"a" * 10**20', lambda: b"a" * 10**20),
    ('"ab" * 2**62', lambda: "ab" * 2**62),
    ('b"ab" * 2**62', lambda: b"ab" * 2**62),
    ('[0] * 2**62', lambda: [0] * 2**62),
    ('(1,) * 2**62', lambda: (1,) * 2**62),
]
for expr, f in CASES:
    try:
        f()
        print(expr, "no error")
    except (TypeError, OverflowError, MemoryError) as e:
        print(expr, type(e).__name__, e)
