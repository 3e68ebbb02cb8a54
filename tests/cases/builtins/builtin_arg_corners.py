# Keyword arguments and error corners of built-ins, as CPython 3.11.
import warnings

print(pow(base=2, exp=10), pow(2, exp=3), pow(2, 3, mod=5), pow(2, 3, None))
print(round(number=2.675, ndigits=2), round(number=7))
print(round(1.5, 2**100), round(1.5, -2**100), round(123, 2**100))
for f in (lambda: pow(1, 2, 3, 4), lambda: pow(2), lambda: round(1, 2, 3), lambda: round(x=1)):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)


class Huge:
    def __len__(self):
        return 2**100


class Negative:
    def __len__(self):
        return -2**100


for obj in (Huge(), Negative()):
    try:
        len(obj)
    except Exception as e:
        print(type(e).__name__, e)

print(type(None)() is None, type(NotImplemented)() is NotImplemented, type(...)() is ...)
try:
    type(None)(1)
except TypeError as e:
    print("TypeError:", e)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(bool(NotImplemented))
    print([str(x.message) for x in w])

for f in (getattr, hasattr, delattr):
    try:
        f(1, 2)
    except TypeError as e:
        print("TypeError:", e)
try:
    setattr(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    object.__getattribute__(1, 2)
except TypeError as e:
    print("TypeError:", e)
