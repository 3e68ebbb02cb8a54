# math functions given huge ints: exact answers where CPython gives them,
# its OverflowErrors where it refuses (never a hang).
import math

print(math.isqrt(10**1000) == 10**500, math.gcd(2**200, 6**100), math.lcm(2**100, 3**50) == 2**100 * 3**50)
print(math.comb(10**20, 2), math.perm(10**20, 2), math.comb(2**64, 0), math.comb(10, 2**64), math.perm(10, 2**64))
print(math.factorial(25), math.comb(100, 50), math.perm(30), math.perm(5, 0), math.comb(5, 5), math.factorial(0))
print(math.factorial(3000).bit_length(), math.factorial(1000) % (10**9 + 7), math.comb(1000, 500) % 997)
print(math.gcd(), math.gcd(0, -5), math.lcm(), math.lcm(0, 3), math.gcd(-2**70, 2**65))
print(math.log(10**1000), math.log2(2**2000), math.log10(10**400), math.floor(10**30), math.ceil(-10**30))
print(math.ldexp(1.0, -2**70), math.ldexp(0.0, 2**70), math.trunc(2**80), math.prod(range(1, 20)))
tests = [
    ('math.factorial(2**63)', lambda: math.factorial(2**63)),
    ('math.factorial(10**30)', lambda: math.factorial(10**30)),
    ('math.factorial(-1)', lambda: math.factorial(-1)),
    ('math.comb(2**64, 2**63)', lambda: math.comb(2**64, 2**63)),
    ('math.perm(2**64, 2**63)', lambda: math.perm(2**64, 2**63)),
    ('math.comb(10**20, 10**19)', lambda: math.comb(10**20, 10**19)),
    ('math.comb(-1, 2)', lambda: math.comb(-1, 2)),
    ('math.isqrt(-1)', lambda: math.isqrt(-1)),
    ('math.factorial(1.5)', lambda: math.factorial(1.5)),
    ('math.exp(10**20)', lambda: math.exp(10**20)),
    ('math.ldexp(1.0, 2**70)', lambda: math.ldexp(1.0, 2**70)),
]
for t, f in tests:
    try:
        print(t, "->", f())
    except (OverflowError, ValueError, TypeError) as e:
        print(t, "->", type(e).__name__, e)
