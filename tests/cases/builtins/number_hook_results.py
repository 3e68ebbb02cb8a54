# float() and int() check what __float__ / __int__ / __index__ / __trunc__
# return: a strict subclass is accepted with a DeprecationWarning, anything
# else is a TypeError; a hook returning self does not recurse.
import warnings


class F3(float):
    def __new__(cls, value=0.0):
        return float.__new__(cls, 2 * value)

    def __float__(self):
        return self


class F4(float):
    def __float__(self):
        return 42


class FloatSub(float):
    pass


class ReturnsSub:
    def __float__(self):
        return FloatSub(4.5)


class ReturnsStr:
    def __float__(self):
        return "x"


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class IntSub(int):
    pass


class IntHook:
    def __int__(self):
        return IntSub(7)


class IntBad:
    def __int__(self):
        return 1.5


class IntBool:
    def __int__(self):
        return True


class Trunc:
    def __trunc__(self):
        return 9


class TruncBad:
    def __trunc__(self):
        return "nine"


def show(label, f):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            r = f()
            print(label, type(r).__name__, r)
        except Exception as e:
            print(label, type(e).__name__, e)
        for x in w:
            print("  warning:", x.category.__name__, str(x.message))


show("F3", lambda: float(F3(21)))
show("F4", lambda: float(F4(1)))
show("sub", lambda: float(ReturnsSub()))
show("str", lambda: float(ReturnsStr()))
show("index", lambda: float(Idx(42)))
show("index big", lambda: float(Idx(2**2000)))
show("index bad", lambda: float(Idx(1.5)))
show("int sub", lambda: int(IntHook()))
show("int bad", lambda: int(IntBad()))
show("int bool", lambda: int(IntBool()))
show("trunc", lambda: int(Trunc()))
show("trunc bad", lambda: int(TruncBad()))
show("float kw", lambda: float(x=1))
show("float 2 args", lambda: float(1, 2))


class WithInit(float):
    def __init__(self, arg, extra=None):
        self.extra = extra


u = WithInit(2.5, extra=3)
print(type(u).__name__, float(u), u.extra)
