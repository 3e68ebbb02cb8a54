import math
print(math.sqrt(16), math.sqrt(2), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), type(math.floor(2.5)).__name__)
print(math.pow(2, 10), math.exp(1), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 10), math.atan2(1, 1), math.degrees(math.pi), math.radians(180))
print(math.factorial(20), math.gcd(48, 18), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]))
print(math.isclose(0.1 + 0.2, 0.3), math.fabs(-3), math.hypot(3, 4), math.fsum([0.1] * 10), math.copysign(3, -0.0))
print(math.isqrt(99), math.isnan(float("nan")), math.isinf(math.inf), math.isfinite(1e308), math.fmod(-7, 3), math.modf(2.5))
