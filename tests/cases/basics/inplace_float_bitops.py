# `a |= b` on two floats names the augmented operator in its TypeError
# (found by scripts/fuzz/difffuzz.py, family stmt.augassign).
for src in ["v = 1.5; v |= 2.5", "v = -0.0; v &= 2.5", "v = 1.5; v ^= 1.5", "v = 2.0; v <<= 1.0",
            "v = 2.0; v >>= 3.0", "v = 1.5 | 2.5", "v = 1.5; v += 2.5; print(v)", "v = 7.0; v //= 2.0; print(v)"]:
    try:
        exec(src)
    except TypeError as e:
        print(src, "->", e)
