import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *  # noqa: E402,F403
import sys, random
from common import *
random.seed(7)
fvals = [0.0, -0.0, 1.0, -1.5, 0.1, 2.675, 0.125, 1234.5, -1234.5678, 1e16, 1e-5, 123456789.0,
         9.995, 99.5, 0.000123456, 1e22, 5e-324, 1.7976931348623157e308, float('inf'), float('-inf'),
         float('nan'), 1e100, 0.5, 2.5, 1.0000000000000002, 3.141592653589793, 1e-300, 12345678901234567890.0]
fspecs = ['', 'e', '.0e', '.3e', '#.0e', 'E', '.2E', 'f', '.0f', '#.0f', '.2f', '.10f', 'F', '.1F',
          'g', '.0g', '.1g', '.3g', '#g', '#.3g', '.17g', 'G', '.2G', 'n', '.3n', '%', '.1%', '.0%',
          '.3', '.0', '.1', '#', '#.3', '10', '<12', '^13', '=+14', '+', ' ', '-', '010', '015,.2f',
          ',', '_', ',.3f', '_.1e', 'z', 'z.1f', '+z.0f', '*^+20,.3f', '010.3', 'x>+9.1', 'z', 'z.3',
          '.30f', '.25e', '.20g', ',g', '020,', '09_.2f', '+010', ' 012.4e', '#.0%', 'd', 's', 'c',
          ',n', '_d', '.', 'ab', '.3000000000f', '99999999999999999999', '\u00e9^9.2f', '0<10', '0=10.1f']
lines = []
for v in fvals:
    for s in fspecs:
        lines.append('    (%s, %s, %s),' % (fbits(v), rs(s), res(lambda: format(v, s))))
# random doubles, repr and a few specs
for i in range(120):
    bits = random.getrandbits(64)
    import struct
    v = struct.unpack('<d', struct.pack('<Q', bits))[0]
    if v != v: continue
    for s in ['', '.3g', '.12e', '.5f'] if i < 40 else ['']:
        lines.append('    (%s, %s, %s),' % (fbits(v), rs(s), res(lambda: format(v, s))))
files = write_chunks('format_float', 'format(float, spec) cases.', '(u64, &str, Expect)', lines, 'check_format_float')
print(files)
