import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *  # noqa: E402,F403
import sys, random
from common import *
random.seed(9)
def v(x):
    if x is None: return 'V::N'
    if isinstance(x, bool): return 'V::B(%s)' % ('true' if x else 'false')
    if isinstance(x, int): return 'V::I(%s)' % rs(str(x))
    if isinstance(x, float): return 'V::F(%s)' % fbits(x)
    if isinstance(x, str): return 'V::S(%s)' % rs(x)
    raise ValueError(x)
def args_expr(a):
    if isinstance(a, tuple): return 'A::T(&[%s])' % ', '.join(v(x) for x in a)
    if isinstance(a, dict): return 'A::D(&[%s], %s)' % (', '.join('(%s, %s)' % (rs(k), v(x)) for k, x in a.items()), rs(str(a)))
    if isinstance(a, list): return 'A::L'
    return 'A::One(%s)' % v(a)
cases = []
def add(fmt, a):
    cases.append('    (%s, %s, %s),' % (rs(fmt), args_expr(a), res(lambda: fmt % a)))
ints = [0, 5, -5, 42, -42, 255, 2**70, -2**70, True, 1234567]
floats = [0.0, -0.0, 1.5, -2.5, 3.14159, 1e16, 1e-5, 123456.789, float('inf'), float('-inf'), float('nan'), 2.675]
strs = ['', 'abc', 'h\u00e9llo', "it's", 'x' * 7]
iconv = ['%d', '%i', '%u', '%x', '%X', '%o', '%5d', '%-5d|', '%05d', '%+d', '% d', '%+05d', '%-+6d|', '%.3d', '%.5x', '%#x', '%#X', '%#o',
         '%#10x', '%#010x', '%-#10o|', '%+#X', '%0-5d|', '% 05d', '%#.3o', '%10.4d', '%ld', '%hd', '%Lx', '%s', '%r', '%a', '%c', '%e', '%f', '%g',
         '%5s|', '%.1s', '%-8r|', '%3c', '%-3c|', '%#5.2f', '%08.3f', '% .2e', '%+.0f', '%#.0f', '%#g', '%G', '%E', '%F', '%10.3g|', '%-10.2e|', '%010.1f',
         '%+010.2f', '%.0e', '%#.0e', '%.10g', '%.20f', '%-015.3f|']
for c in iconv:
    for x in ints + floats + strs + [None]:
        add(c, (x,))
# multi-arg, star, mapping, errors
extra = [('%s %s', (1, 2)), ('%s %s', (1,)), ('%s', (1, 2)), ('%s', ()), ('hello', ()), ('hello', 5), ('hello', [1]), ('hello', {'a': 1}),
         ('%s', 5), ('%s', 'abc'), ('%d%%', (5,)), ('%%', ()), ('100%%', 5), ('%', (1,)), ('%5', (1,)), ('%.', (1,)), ('%-', (1,)), ('%(a)', {'a': 1}),
         ('%y', (1,)), ('%y', ()), ('abc%\u00e9', (1,)), ('x%-5.2y', (1,)), ('%(a)s', {'a': 1}), ('%(a)s %(b)d', {'a': 'x', 'b': 7}), ('%(a)s', (1,)),
         ('%(a)s %s', {'a': 1}), ('%s', {'a': 1}), ('%s %s', {'a': 1}), ('%(a(b))s', {'a(b)': 9}), ('%(a', {'a': 1}), ('%(a)-5d|', {'a': 3}),
         ('%*d', (5, 42)), ('%-*d|', (5, 42)), ('%*d|', (-5, 42)), ('%.*f', (2, 3.14159)), ('%.*f', (-3, 3.14159)), ('%*.*f|', (10, 3, 3.14159)),
         ('%*d', ('a', 1)), ('%*d', (2**70, 1)), ('%.*d', (2**40, 1)), ('%*', (5,)), ('%.*', (5,)), ('%*d', (5,)), ('%0*d', (-5, 3)),
         ('%c', ('ab',)), ('%c', (1.5,)), ('%c', (-1,)), ('%c', (0x110000,)), ('%c', (2**70,)), ('%c', (65,)), ('%c', ('\u00e9',)), ('%5c|', (0x1f600,)),
         ('%d', (3.7,)), ('%d', (-3.7,)), ('%x', (3.0,)), ('%d', (float('inf'),)), ('%d', (float('nan'),)), ('%f', ('a',)), ('%f', (None,)),
         ('%d', ('a',)), ('%x', ('a',)), ('%o', (None,)), ('%i', (2**100,)), ('%999999999999999999999d', (1,)), ('%.9999999999d', (1,)),
         ('%.3s|%5s|%-5s|%r|%a', ('abcdef', 'ab', 'ab', '\u00e9', '\u00e9')), ('%s and %r', ('it\'s', 'it\'s')), ('%(x)s%%', {'x': 1}),
         ('%-#08x|', (255,)), ('%#-8X|', (-255,)), ('%+#010o', (8,)), ('% #x', (255,)), ('%#5x|', (-1,)), ('%.0s|', ('abc',)), ('%-.2r|', ('abc',)),
         ('%10.5s|', ('\u4e2d\u6587\u5b57\u5b57\u5b57\u5b57',)), ('%#.3x', (-1,)), ('%#.0x', (0,)), ('%.0d', (0,)), ('%+s', ('a',)), ('% 5s|', ('a',)),
         ('%05s|', ('a',)), ('%-05.1f|', (2.5,)), ('%lld', (1,)), ('%hh', (1,)), ('%(a)d %(a)x', {'a': 255}), ('%s %(a)s', {'a': 1}),
         ('%\x00', (1,)), ('%\x7f', (1,)), ('%\x1f', (1,)), ('%d', (True,)), ('%s', (True,)), ('%r', (None,)), ('%4%', ()), ('%-4%|', ())]
for f, a in extra:
    add(f, a)
print(write_chunks('percent', 'str % args cases.', '(&str, A, Expect)', cases, 'check_percent',
                   extra_use='#[allow(unused_imports)]\nuse super::percent::*;\n'))
