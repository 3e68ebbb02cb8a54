# Powers and shifts whose exponent is huge: 0, 1 and -1 stay small; results
# too big for any memory are MemoryError at once (never an abort or a hang).
print(0 ** 2**63, (-1) ** 2**70, 1 ** 2**100, (-1) ** (2**70 + 1), 0 ** 0, (-1) ** 0)
print(0 ** 2**100, 1 ** (10**30), (-1) ** (10**30), (-1) ** (10**30 + 1))
print(pow(3, 2**100, 7), pow(2, -1, 7), pow(3, 2**100, -7), pow(-1, 2**80), pow(0, 2**80))
print(2 ** -2**70, 10 ** -(2**70))
print(0 << 2**100, 5 >> 2**70, -5 >> 2**70, (2**100) >> 2**100, 0 << 10**30)
CASES = [
    ('1 << 2**62', lambda: 1 << 2**62),
    ('1 << 2**63', lambda: 1 << 2**63),
    ('1 << 2**64', lambda: 1 << 2**64),
    ('1 << (1 << 40)', lambda: 1 << (1 << 40)),
    ('-3 << 2**62', lambda: -3 << 2**62),
    ('(2**100) << 2**62', lambda: (2**100) << 2**62),
]
for expr, f in CASES:
    try:
        f()
        print(expr, "no error")
    except MemoryError:
        print(expr, "MemoryError")
x = 2 ** (2**20)
print((x * x).bit_length(), (3 << 1000).bit_length(), (7 ** 1000) % 1000)
