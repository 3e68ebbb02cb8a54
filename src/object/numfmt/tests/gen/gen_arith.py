import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *  # noqa: E402,F403
import sys, random, struct, math
from common import *
random.seed(5)
lines = []
def add(op, a, b, f):
    try:
        v = f()
        if isinstance(v, complex): r = 'Err((%s, %s))' % (rs('ValueError'), rs('complex numbers not supported'))
        else: r = 'Ok(%s)' % rs(v if isinstance(v, str) else repr(v))
    except Exception as e:
        r = 'Err((%s, %s))' % (rs(type(e).__name__), rs(str(e)))
    lines.append('    (%s, %s, %s, %s),' % (rs(op), rs(a), rs(b), r))
F = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 7.5, -7.5, 0.5, 3.0, 1e308, -1e-308, 5e-324, float('inf'), float('-inf'), float('nan'), 0.1, 1e16, 2.5, -3.0]
for a in F:
    for b in F:
        ra, rb = repr(a), repr(b)
        add('fdiv', ra, rb, lambda: repr(a / b))
        add('ffloordiv', ra, rb, lambda: repr(a // b))
        add('fmod', ra, rb, lambda: repr(a % b))
        add('fdivmod', ra, rb, lambda: '(%r, %r)' % divmod(a, b))
        add('fpow', ra, rb, lambda: complex(0) if (a < 0 and math.isfinite(a) and math.isfinite(b) and b != int(b)) else repr(a ** b))
for _ in range(80):
    a = random.uniform(-100, 100); b = random.choice([random.uniform(-10, 10), 0.1, -0.3, 3.0])
    ra, rb = repr(a), repr(b)
    add('ffloordiv', ra, rb, lambda: repr(a // b)); add('fmod', ra, rb, lambda: repr(a % b))
    add('fpow', repr(abs(a)), rb, lambda: repr(abs(a) ** b))
for a, b in [(1.5, -1800), (10.0, 308.5), (10.0, 309), (-8.0, 1/3), (-2.0, 3.0), (-2.0, 1e300), (-1.0, 1e300), (-1.0, float('inf')), (2.0, -1074), (2.0, -1075), (0.5, 1074.5)]:
    add('fpow', repr(a), repr(b), lambda: (lambda r: r if isinstance(r, complex) else repr(r))(a ** b))
I = [0, 1, -1, 7, -7, 2, -2, 3, 2**63 - 1, -2**63, 10, -10]
for a in I:
    for b in I:
        add('ifloordiv', str(a), str(b), lambda: str(a // b) if -2**63 <= a // b < 2**63 else 'OVERFLOW')
        add('imod', str(a), str(b), lambda: str(a % b))
        add('idivmod', str(a), str(b), lambda: '(%d, %d)' % divmod(a, b) if -2**63 <= a // b < 2**63 else 'OVERFLOW')
# rounding
R = [2.5, 0.5, 1.5, -0.5, -2.5, 2.675, 1234.5, 1250.0, 1350.0, -1250.0, 0.125, 0.375, 1e300, 1.7976931348623157e308, 5e-324, -0.0,
     123.456, 99.995, 1e16 + 2, 0.1, -123.456, float('inf'), float('nan'), 4.5e-5, 8.5, 1e22]
for x in R:
    add('round0', repr(x), '', lambda: str(round(x)))
    for nd in [0, 1, 2, 3, -1, -2, -3, 5, 10, 20, 300, 323, 324, -307, -308, -309]:
        add('roundn', repr(x), str(nd), lambda: repr(round(x, nd)))
for _ in range(100):
    x = random.uniform(-1e5, 1e5); nd = random.randint(-4, 8)
    add('roundn', repr(x), str(nd), lambda: repr(round(x, nd)))
for v in [0, 5, 15, 25, 35, -25, -35, 1234, 12345678901234567890123, -5, 449, 450, 451, 550, 10**20 + 5 * 10**19, 999]:
    for nd in [0, 1, -1, -2, -3, -20, -25, -100]:
        add('roundint', str(v), str(nd), lambda: str(round(v, nd)))
# conversions
B = [0, 1, -1, 2**53, 2**53 + 1, 2**54 + 3, 2**64 - 1, 2**1024 - 2**970, 2**1024 - 2**970 - 1, 2**1024, -(2**200 + 1), 10**308, 10**309,
     (2**53 + 1) * 2**900, 123456789012345678901234567890]
for v in B:
    add('int2float', str(v), '', lambda: repr(float(v)))
D = [(10**400, 10**399), (1, 3), (-1, 3), (0, -5), (0, 5), (2**1100, 3), (10**400, 1), (1, 10**400), (2**53 + 1, 2), (2**54 + 1, 4),
     (3 * 2**1074 + 1, 2**2148), (2**2000, 2**3075), (2**2000, 2**3074), (2**2000, 2**3073 * 3), (5, 0), (-(10**30), 7), (10**30 + 1, 10**30),
     (1, 2**1075), (1, 2**1075 - 1), (3, 2**1076), (2**1024 - 2**970, 1), (2**1025 - 2**971, 2)]
for _ in range(60):
    D.append((random.getrandbits(random.randint(1, 300)) * random.choice([1, -1]), random.getrandbits(random.randint(1, 300)) + 1))
for a, b in D:
    add('truediv', str(a), str(b), lambda: repr(a / b))
for x in [0.0, -0.0, 1.9, -1.9, 1e300, -1e300, 2.0**63, -2.0**63, 2.0**64, 9.2e18, 9.3e18, float('nan'), float('inf'), float('-inf'), 5e-324, 123456.789]:
    add('float2int', repr(x), '', lambda: str(int(x)))
    add('hex', repr(x), '', lambda: x.hex())
    add('ratio', repr(x), '', lambda: '%d/%d' % x.as_integer_ratio())
    add('isint', repr(x), '', lambda: str(x.is_integer()))
for _ in range(40):
    x = struct.unpack('<d', struct.pack('<Q', random.getrandbits(64)))[0]
    if x != x: continue
    add('hex', repr(x), '', lambda: x.hex())
for s in ['0x1p0', '0x1.8p1', ' -0x1.8p1 ', '1p0', '0x.8', '0x1.', '0X1P-1', 'inf', '-infinity', 'nan', '0x1p-1074', '0x1p-1075', '0x1.8p-1075',
          '0x1p1024', '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7p1023', 'zz', '0x', '0x1p', '0x1p+', '1.8.8', '0x0p99999', '0x1p99999999999999999999',
          '0x1p-99999999999999999999', '0x123456789abcdef0123p-70', 'ff', '0x0.0000000000001p-1022']:
    add('fromhex', s, '', lambda: repr(float.fromhex(s)))
for v in [0, 1, -1, 31, -31, 255, 2**64, -(2**100) - 5, 2**63 - 1, -2**63]:
    add('hexb', str(v), '', lambda: hex(v)); add('octb', str(v), '', lambda: oct(v)); add('binb', str(v), '', lambda: bin(v))
    add('str', str(v), '', lambda: str(v))
# hashes
for v in [0, 1, -1, -2, 2**61 - 1, 2**61, 2**61 - 2, -(2**61 - 1), 2**63 - 1, -2**63, 10**30, -(10**30), 2**64, 2**125 + 12345, 123456789]:
    add('hashint', str(v), '', lambda: str(hash(v)))
for x in [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, -1.5, 0.1, 1e300, -1e-300, 5e-324, float('inf'), float('-inf'), 2.0**61, 2.0**62, 3.14159, 1e16, 12345.678]:
    add('hashfloat', repr(x), '', lambda: str(hash(x)))
for t in [(), (1,), (1, 2), (1, 2, 3), (-1,), (0, 0), (2**61, -5, 7), tuple(range(20)), ((1, 2), 3)]:
    hs = ','.join(str(hash(e)) for e in t)
    add('hashtuple', hs, '', lambda: str(hash(t)))
print(write_chunks('arith', 'Arithmetic, rounding, conversion and hash cases.', '(&str, &str, &str, Expect)', lines, 'check_op'))
