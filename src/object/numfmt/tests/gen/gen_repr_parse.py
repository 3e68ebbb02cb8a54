import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *  # noqa: E402,F403
import sys, random, struct
from common import *
random.seed(3)
# float repr
vals = [0.0, -0.0, 1.0, 0.1, 0.2+0.1, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5, 0.0001234, 123.0, 1e22, 1e23,
        5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, float('inf'), float('-inf'), float('nan'),
        2e16+8, 123456789012345678.0, 1/3, 2/3, -1.5, 100.0, 1e100, 1.5e-10, 4.35, 0.3]
vals += [10.0**k for k in range(-30, 30)]
vals += [struct.unpack('<d', struct.pack('<Q', random.getrandbits(64)))[0] for _ in range(400)]
vals += [random.uniform(-1e6, 1e6) for _ in range(100)]
vals += [round(random.uniform(0, 100), random.randint(0, 6)) for _ in range(100)]
vals += [random.randint(10**15, 2 * 10**15) + random.choice([0.25, 0.75, 0.5]) for _ in range(60)]
vals += [float(random.randint(2**53, 2**60)) for _ in range(60)]
vals += [random.randint(1, 2**53) / 2.0**random.randint(1, 60) for _ in range(80)]
lines = ['    (%s, %s),' % (fbits(v), rs(repr(v))) for v in vals if v == v or repr(v) == 'nan']
print(write_chunks('float_repr', 'repr(float) cases.', '(u64, &str)', lines, 'check_float_repr'))

# str repr
strs = ['', 'abc', "it's", 'say "hi"', 'both \' and "', '\\', '\t\n\r', '\x00\x01\x1f\x7f', '\x80\x9f\xa0\xad\xff',
        'caf\u00e9', '\u4e2d\u6587', '\u200b\u200e\u2028\u2029\u3000', '\ufeff\ufffd\uffff', '\U0001f600\U000e0001\U0010ffff',
        '\U0001d400', '\u0378', '\u0300a', 'a\u00a0b', '\x1b[0m', 'tab\there', "'", '"', '\'"', 'emoji \U0001f44d\U0001f3fd',
        '\u061c\u180e\u2066', '\ue000\U000f0000', '\u08be', '\U0001fae0', '\U00030000', '\U0002fa1e']
strs += [''.join(chr(random.choice([random.randint(0, 0x7f), random.randint(0x80, 0x2fff), random.randint(0x3000, 0x10ffff)]))
                 for _ in range(6)) for _ in range(150)]
strs = [s for s in strs if not any(0xd800 <= ord(c) <= 0xdfff for c in s)]
lines = ['    (%s, %s, %s),' % (rs(s), rs(repr(s)), rs(ascii(s))) for s in strs]
print(write_chunks('str_repr', 'repr(str) and ascii(str) cases.', '(&str, &str, &str)', lines, 'check_str_repr'))

# isprintable sample over all planes
cps = sorted(set([random.randint(0, 0x10ffff) for _ in range(1500)] + list(range(0, 0x250)) + list(range(0x2000, 0x2070))))
cps = [c for c in cps if not 0xd800 <= c <= 0xdfff]
lines = []
row = []
for c in cps:
    row.append('(0x%x, %s)' % (c, 'true' if chr(c).isprintable() else 'false'))
    if len(row) == 6:
        lines.append('    ' + ', '.join(row) + ','); row = []
if row: lines.append('    ' + ', '.join(row) + ',')
# count is entries not lines
body = header('str.isprintable() on sampled code points.') + "\nuse super::*;\n\n#[test]\nfn printable_1() {\n    check_printable(&CASES);\n}\n\n#[rustfmt::skip]\nstatic CASES: [(u32, bool); %d] = [\n%s\n];\n" % (len(cps), "\n".join(lines))
open(TESTS + '/printable_1.rs', 'w').write(body)

# int parsing
istrs = ['0', '-0', '+5', '  42  ', '\t-17\n', '1_000', '1__000', '_1', '1_', '0x1f', '0X1F', '0o17', '0b101', '010', '00',
         '0_0', '0_1', '0x', '0x_1f', '0_x1f', '12abc', 'abc', '', ' ', '+', '-', '- 1', '1 2', '\u0663\u0664', '\u0661_\u0662',
         '\u20031\u2003', '\x1c1', '1\x00', '99999999999999999999999', '-99999999999999999999999', 'z', 'Z', '0b', '0b1', '1e5',
         '1.0', '\u00e9', 'x' * 300, '\u0967\u0968\u0969', '\uff11\uff12', '+_1', '0x_', '1_2_3', '٣']
bases = [0, 2, 8, 10, 16, 36, 1, 37]
lines = []
for s in istrs:
    for b in bases:
        lines.append('    (%s, %d, %s),' % (rs(s), b, res(lambda: str(int(s, b)))))
for _ in range(60):
    b = random.choice([2, 3, 7, 10, 16, 36])
    n = random.getrandbits(random.choice([10, 64, 200]))
    digs = '0123456789abcdefghijklmnopqrstuvwxyz'
    s, m = '', n
    while True:
        s = digs[m % b] + s; m //= b
        if m == 0: break
    if random.random() < 0.5: s = s.upper()
    if random.random() < 0.3: s = '-' + s
    lines.append('    (%s, %d, %s),' % (rs(s), b, res(lambda: str(int(s, b)))))
print(write_chunks('parse_int', 'int(str, base) cases.', '(&str, u32, Expect)', lines, 'check_parse_int'))

fstrs = ['0', '-0', '1.5', ' 1.5 ', '.5', '5.', '.', '+.5', '-5.e3', '1e5', '1E+05', '1e', '1e+', 'e5', '1.5e-3', 'inf', '-Inf',
         '+INFINITY', 'infinit', 'nan', '-NaN', 'nan(1)', '1_000.5', '1__0', '_1', '1_', '1_.5', '1._5', '1e_5', '1_e5', '1.5_5',
         '0x10', '', '   ', '\u20031.25\u2003', '\x1c1', '\u0661.\u0665', '1e500', '-1e500', '1e-400', '2.2250738585072011e-308',
         '0.1', '123456789012345678901234567890', '4.9406564584124654e-324', '2.4703282292062328e-324', '2.4703282292062327e-324',
         '1.7976931348623158e308', '1.7976931348623159e308', 'abc', '1.2.3', '--1', '+-1', '1 2', 'in f', '0_0', '00.5', '1e0_1',
         '9007199254740993', '0.30000000000000004', '1' * 400, '1.' + '0' * 300 + '1', '\u00e9', '1\x00']
lines = ['    (%s, %s),' % (rs(s), res(lambda: repr(float(s)))) for s in fstrs]
for _ in range(100):
    v = struct.unpack('<d', struct.pack('<Q', random.getrandbits(64)))[0]
    if v != v: continue
    s = random.choice(['%.17g', '%.20e', '%.5g', '%r', '%.30f'])
    t = (s % v) if s != '%r' else repr(v)
    lines.append('    (%s, %s),' % (rs(t), res(lambda: repr(float(t)))))
print(write_chunks('parse_float', 'float(str) cases.', '(&str, Expect)', lines, 'check_parse_float'))
