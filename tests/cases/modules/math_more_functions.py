# math functions CPython 3.11 has: erf, erfc, exp2, ulp, nextafter (and statistics on them)
import math, statistics
for f in ['erf', 'erfc', 'exp2', 'ulp']:
    out = []
    for x in [0.5, 1.0, -2.5, 3.0, 10.0, 0.0, -1.0, 200.0, 1e308, -0.0]:
        try:
            out.append(repr(getattr(math, f)(x)))
        except Exception as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(f, out)
for x in [0.0, -1.0, -3.0]:
    for f in (math.gamma, math.lgamma):
        try:
            f(x)
        except ValueError as e:
            print(f.__name__, x, e)
print(math.gamma(5.0), math.lgamma(1.0), math.gamma(0.5) ** 2 - math.pi < 1e-12)
print(math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0), math.ulp(5e-324))
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), statistics.stdev([1, 2, 3, 4]))
print(statistics.NormalDist(0, 1).cdf(1.0), statistics.NormalDist(2, 3).inv_cdf(0.9))
import fractions, decimal
print(fractions.Fraction(3, 4) + fractions.Fraction(1, 4), decimal.Decimal('0.1') + decimal.Decimal('0.2'), decimal.Decimal(1) / decimal.Decimal(7))
