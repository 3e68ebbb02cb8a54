# A subclass of str/int/float/complex formats with an empty spec as str(self)
# (CPython's format_obj), with any other spec from its value.
from enum import StrEnum, IntEnum


class S(str):
    def __str__(self):
        return "S!"


class I(int):
    def __str__(self):
        return "I!"


class F(float):
    def __str__(self):
        return "F!"


class C(complex):
    def __str__(self):
        return "C!"


for v, spec in [(S("x"), ">3"), (I(3), "d"), (F(1.5), ".2f"), (C(1j), ">6")]:
    print(format(v, ""), f"{v}", "{}".format(v), repr(format(v, spec)))
    print(type(v).__format__(v, ""))


class NS(StrEnum):
    first = "first"

    def __str__(self):
        return self.name.upper()


class N(IntEnum):
    one = 1

    def __str__(self):
        return "uno"


print(str(NS.first), format(NS.first), f"{NS.first:>7}|")
print(str(N.one), format(N.one), f"{N.one:03d}")
print(format(True, ""), format(True, "d"))
