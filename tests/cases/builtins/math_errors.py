# math: which results are domain errors and which overflow (CPython's
# math_1 and math_pow), IEEE remainder, hypot and trunc's protocol.
import math


class FloatLike:
    def __float__(self):
        return 23.5



def show(f, *args):
    shown = tuple(type(a).__name__ if isinstance(a, FloatLike) else a for a in args)
    try:
        r = f(*args)
        print(f.__name__, shown, r.hex() if isinstance(r, float) else r)
    except Exception as e:
        print(f.__name__, shown, type(e).__name__, e)


inf, nan = math.inf, math.nan
for f in (math.atanh, math.log1p, math.sqrt, math.acosh, math.exp, math.sinh, math.cosh, math.expm1):
    for x in (1.0, -1.0, 1000.0, -2.0):
        show(f, x)
show(math.degrees, 1e308)
show(math.log10, -10**1000)
show(math.log2, -10**400)
show(math.log10, 10**400)
for x, y in [(0.0, -inf), (0.0, -1.0), (-0.0, -3.0), (-8.0, 0.5), (10.0, 400.0), (inf, -3.0), (-inf, 3.0),
             (nan, 0.0), (1.0, nan), (0.5, inf), (2.0, -inf), (-1.0, inf)]:
    show(math.pow, x, y)
for x, y in [(-4.0, 1.0), (-2.0, 1.0), (5.0, 2.0), (7.0, 2.0), (1.0, 0.0), (inf, 1.0), (nan, 0.0), (3.0, inf), (-0.0, 1.0)]:
    show(math.remainder, x, y)
show(math.hypot)
show(math.hypot, -0.0)
show(math.hypot, 3, 4)
show(math.hypot, 1.5, 1.5, 0.5)
show(math.hypot, float.fromhex("0x1.10e89518dca48p+29"), float.fromhex("0x1.1970f7565b7efp+30"))
show(math.hypot, 1e-320, 1e-320)
show(math.dist, (1.0, 2.0), (4.0, 6.0))
try:
    math.hypot(x=1)
except TypeError as e:
    print("TypeError", e)


show(math.floor, FloatLike())
show(math.trunc, FloatLike())
