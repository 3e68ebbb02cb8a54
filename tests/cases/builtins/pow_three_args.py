# Three-argument pow() with operands that are not all ints: each operand
# type's power slot is tried in turn, as CPython does.
for src in ["pow(2.0, 2, 5)", "pow(2, 2, 5.0)", "pow(2, 2.0, 5)", "pow((1,), 2, 255)", "pow(2, 'a', 3)",
            "pow(2, 3, 'a')", "pow('a', 2, 3)", "pow(1j, 2, 3)", "pow(2, 1j, 3)", "pow(2, 3, 1j)",
            "pow(True, 2, 3)", "pow([], [], [])", "pow(2, 3, None)", "pow(2.0, 3, None)", "pow(2.0, 'x', 3)",
            "pow(-2, 3, 5)", "pow(3, -1, 7)"]:
    try:
        print(src, eval(src))
    except Exception as e:
        print(src, type(e).__name__, e)


class P:
    def __pow__(self, e, m=None):
        return ("pow", e, m)

    def __rpow__(self, b, m=None):
        return ("rpow", b, m)


print(pow(P(), 2, 3), pow(2, P()))
try:
    pow(2, P(), 3)
except TypeError as e:
    print(e)
