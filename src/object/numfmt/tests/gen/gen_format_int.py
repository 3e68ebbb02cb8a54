import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *  # noqa: E402,F403
import sys, random
from common import *
random.seed(11)
ivals = [0, 1, -1, 7, -42, 255, 1234, -1234567, 65, 0x10ffff, 0x110000, 2**31, -2**63, 2**63-1, 2**64,
         -2**64 - 1, 10**30, -(10**25) + 7, 0xdeadbeef, 97]
ispecs = ['', 'd', 'b', 'o', 'x', 'X', '#b', '#o', '#x', '#X', 'n', 'c', ',', '_', '_b', '_x', '#_X', '_o',
          '10', '<10', '^10', '=10', '>10', '+', ' ', '-', '+d', ' x', '010', '010,', '09,', '#010x', '#020_x',
          '#020_X', '*^+15,', 'x=+12', '0=8', '0<8', '+#o', '=^5c', '5c', '+c', '#c', '.2', 'z', 'e', '.3e', 'f',
          '.2f', 'g', '%', '.1%', ',.2f', 'G', 'E', 'F', 's', 'q', ',b', ',x', ',c', '_n', ',n', 'z5', '#', '#5',
          '\u00e9>8', '\u00e9', '\u0665', '\u0661\u0662', '0=+#12_b', ',_', '_,', '0', '00', '012']
lines = []
for v in ivals:
    for s in ispecs:
        lines.append('    (%s, %s, %s),' % (rs(str(v)), rs(s), res(lambda: format(v, s))))
for i in range(150):
    v = random.getrandbits(random.choice([8, 20, 40, 63, 64, 100])) * random.choice([1, -1])
    s = random.choice(['', ',', '_x', '#o', '012,', '+', 'b', '#X', '^30_', 'e', '.3g'])
    lines.append('    (%s, %s, %s),' % (rs(str(v)), rs(s), res(lambda: format(v, s))))
print(write_chunks('format_int', 'format(int, spec) cases.', '(&str, &str, Expect)', lines, 'check_format_int'))

svals = ['', 'a', 'hello', 'h\u00e9llo w\u00f6rld', '\u4e2d\u6587\u5b57', 'x' * 12]
sspecs = ['', 's', '10', '<10', '>10', '^10', '^11', '=10', '+', ' ', '-', '#', 'z', '05', '010s', '.3', '.0',
          '10.2', '*^9.4s', 'x<3', '\u00e9>7', ',', '_s', 'd', 'r', ',s', '.', 'ss', '0=5', '-5', '<']
lines = []
for v in svals:
    for s in sspecs:
        lines.append('    (%s, %s, %s),' % (rs(v), rs(s), res(lambda: format(v, s))))
print(write_chunks('format_str', 'format(str, spec) cases.', '(&str, &str, Expect)', lines, 'check_format_str'))
