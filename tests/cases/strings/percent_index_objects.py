# %x %X %o %c %d with objects that are numbers only through __index__ / __int__ /
# __float__, and float / int enum members.
import enum


class PseudoInt:
    def __init__(self, v):
        self.v = v

    def __int__(self):
        return self.v

    def __index__(self):
        return self.v


class OnlyInt:
    def __int__(self):
        return 42


class OnlyFloat:
    def __float__(self):
        return 2.5


class RaisingIndex:
    def __index__(self):
        raise RuntimeError("index failed")


m = PseudoInt(109)
print("%x %X %o %c %d %i %u" % (m, m, m, m, m, m, m))
print("%d %f" % (OnlyInt(), OnlyFloat()))
for fmt, v in [("%x", OnlyInt()), ("%x", 3.14), ("%o", "s"), ("%d", "s"), ("%c", OnlyInt()),
               ("%c", 3.5), ("%x", RaisingIndex()), ("%c", RaisingIndex()), ("%f", OnlyInt()), ("%f", "x")]:
    try:
        print(fmt % v)
    except Exception as e:
        print(type(e).__name__, e)


class Float(float, enum.Enum):
    PI = 3.1415926


class Int(enum.IntEnum):
    IDES = 15


print("%d, %i, %u, %x, %f, %5.2f, %e" % (Int.IDES, Int.IDES, Int.IDES, Int.IDES, Float.PI, Float.PI, Float.PI))
