# re.error with message, position, line and column; other exceptions.
import re

for pat in ['(', ')', 'a**', '[a-', '[z-a]', '(?P<1>x)', '(?P<n>x)(?P<n>y)', r'\1', '(?<=a|bc)x',
            '(?z)', '{1,2', 'a{2,1}', r'\p', '(?P=nope)', 'x\n(?P<y', '(?i', r'[\d-z]', '*a', '(?#x']:
    try:
        re.compile(pat)
        print('ok', repr(pat))
    except re.error as e:
        print(repr(pat), '->', e, '|', e.msg, e.pos, e.lineno, e.colno, e.pattern == pat)
print(re.error.__module__, re.error.__name__, issubclass(re.error, Exception), re.error is re.PatternError if hasattr(re, 'PatternError') else True)
m = re.match('(a)(?P<n>b)', 'ab')
for g in [3, -1, 'x', 2.0, None]:
    try:
        print(m.group(g))
    except IndexError as e:
        print('IndexError', e)
for f in [lambda: re.compile('a').match(), lambda: re.compile('a').match('a', 1, 2, 3), lambda: re.compile('a').search('a', bad=1),
          lambda: re.compile('a').match('a', 0, string='a'), lambda: re.compile('a').match('a', 'x'), lambda: m.start(1, 2),
          lambda: m.groups(1, 2), lambda: re.compile('a', flags=re.I).sub(), lambda: re.purge() or 'purged',
          lambda: re.compile(re.compile('a'), re.I), lambda: re.compile('a').split('a', 'b')]:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    re.compile('a(b')
except re.error as e:
    print(repr(e), str(e))
