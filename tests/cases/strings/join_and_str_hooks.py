# join keeps the error an iterator raises; only a non-iterable is "can only join
# an iterable". __str__ may return a str subclass.
def gen():
    yield "a"
    yield 4 + ""


for arg in [gen(), 3, None, ["a", 1]]:
    try:
        print(" ".join(arg))
    except Exception as e:
        print(type(e).__name__, e)


class S(str):
    pass


class ToSub:
    def __str__(self):
        return S("sub")


class ToInt:
    def __str__(self):
        return 3


print(str(ToSub()), "%s" % ToSub(), f"{ToSub()!s}")
try:
    str(ToInt())
except TypeError as e:
    print(e)
