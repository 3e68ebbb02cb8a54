# str(), repr(), format(), f-strings, str.format and % use the methods a
# subclass of a built-in type defines.
class S(str):
    def __str__(self):
        return "S.str"

    def __repr__(self):
        return "S.repr"

    def __format__(self, spec):
        return "S.format(" + spec + ")"


class I(int):
    def __repr__(self):
        return "I.repr"

    def __format__(self, spec):
        return "I.format(" + spec + ")"


class F(float):
    def __str__(self):
        return "F.str"


class L(list):
    def __repr__(self):
        return "L.repr"


s, i, f, lst = S("a"), I(3), F(2.5), L([1])
print(f"{s}", f"{s!r}", f"{s!s}", f"{s:>5}", "{}".format(s), "{!r}".format(s), format(s), format(s, "x"))
print(str(s), repr(s), "%s %r" % (s, s), [s])
print(f"{i}", f"{i!r}", f"{i:x}", "{}".format(i), "{0!r} {0!s}".format(i), format(i, "5"))
print(str(i), repr(i), "%s %r %d" % (i, i, i), [i])
print(f"{f}", f"{f!r}", "{}".format(f), str(f), repr(f), "%s" % f, f"{f:.2f}")
print(f"{lst}", "{}".format(lst), str(lst), "%s" % (lst,), [lst])
