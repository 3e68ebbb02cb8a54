# CPython's numbers module (Lib/numbers.py) over gilt's complex, float and int
import sys
sys.path.append("/usr/lib/python3.11")  # CPython's own Lib, after gilt's modules
import numbers

for v in [1, True, 2.5, 1j, 'x', None]:
    print(repr(v), [isinstance(v, t) for t in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral)])
print(issubclass(complex, numbers.Complex), issubclass(complex, numbers.Real), issubclass(int, numbers.Complex))
print(numbers.Complex.__abstractmethods__ >= {'real', 'imag', '__complex__'}, sorted(numbers.Integral.__abstractmethods__)[:4])

class Gauss(numbers.Complex):
    """A Gaussian integer: the abstract methods filled in by delegating to complex."""
    def __init__(self, re, im):
        self.z = complex(re, im)
    def __complex__(self):
        return self.z
    real = property(lambda self: self.z.real)
    imag = property(lambda self: self.z.imag)
    def __add__(self, o): return complex(self) + complex(o)
    __radd__ = __add__
    def __neg__(self): return -self.z
    def __pos__(self): return +self.z
    def __mul__(self, o): return self.z * complex(o)
    __rmul__ = __mul__
    def __truediv__(self, o): return self.z / complex(o)
    def __rtruediv__(self, o): return complex(o) / self.z
    def __pow__(self, o): return self.z ** complex(o)
    def __rpow__(self, o): return complex(o) ** self.z
    def __abs__(self): return abs(self.z)
    def conjugate(self): return self.z.conjugate()
    def __eq__(self, o): return self.z == complex(o)
    __hash__ = None

g = Gauss(3, 4)
print(complex(g), g + 1, 1 + g, g - 1j, 2 * g, g / 2, abs(g), g.conjugate(), g == 3 + 4j, bool(g), isinstance(g, numbers.Number))
try:
    numbers.Complex()
except TypeError as e:
    print('TypeError', e)
