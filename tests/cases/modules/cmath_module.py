# The cmath module: functions, branch cuts, special values, errors
import cmath
import math
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
vals = [0j, 1, -1, 1j, -1j, 2 + 3j, -2.5 + 0.5j, 1e-320 + 1e-320j, 1e300 + 1e300j, -0.0 - 0j, complex(-1, -0.0), 0.5]
names = ['sqrt', 'exp', 'log', 'log10', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh']
for n in names:
    f = getattr(cmath, n)
    out = []
    for v in vals:
        try:
            out.append(repr(f(v)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ': ' + str(e))
    print(n, ' '.join(out))
for v in vals:
    print(repr(v), cmath.phase(v), cmath.polar(v), cmath.isfinite(v), cmath.isinf(v), cmath.isnan(v))
print(cmath.rect(1, math.pi / 2), cmath.rect(2, 0), cmath.rect(0, 1), cmath.rect(-1, 0.5))
print(cmath.log(8, 2), cmath.log(1j, 10), cmath.log(-1, 1j), cmath.sqrt(-4), cmath.exp(1j * cmath.pi))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 2j), cmath.isclose(1, 1.1, rel_tol=0.2), cmath.isclose(0j, 1e-10, abs_tol=1e-9))
for s in [complex(float('inf'), 1), complex(float('-inf'), 2), complex(1, float('inf')), complex(float('nan'), 0), complex(float('inf'), float('nan')), complex(float('-inf'), float('inf'))]:
    for n in ['sqrt', 'exp', 'log']:
        try:
            print(n, repr(s), repr(getattr(cmath, n)(s)))
        except (ValueError, OverflowError) as e:
            print(n, repr(s), type(e).__name__, e)
class Z:
    def __complex__(self):
        return 3 + 4j
class F:
    def __float__(self):
        return 2.0
class I:
    def __index__(self):
        return 9
print(cmath.sqrt(Z()), cmath.sqrt(F()), cmath.sqrt(I()), cmath.phase(Z()))
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: cmath.log(0))
t(lambda: cmath.log(1, 0))
t(lambda: cmath.atanh(1))
t(lambda: cmath.exp(1000))
t(lambda: cmath.cosh(1000))
t(lambda: cmath.sqrt('x'))
t(lambda: cmath.sqrt())
t(lambda: cmath.phase(1, 2))
t(lambda: cmath.rect(float('inf'), float('inf')))
t(lambda: cmath.isclose(1, 1, rel_tol=-1))
t(lambda: math.sqrt(1j))
t(lambda: math.exp(2 + 0j))
t(lambda: math.isclose(1j, 1))
t(lambda: math.floor(1j))
