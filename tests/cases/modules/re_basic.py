import re

m = re.match(r'(\w+) (\w+)', 'hello world!')
print(m)
print(m.group(), m.group(1, 2), m.groups(), m.span(2), m.start(), m.end(1), m[1], m.lastindex)
m = re.search(r'(?P<y>\d{4})-(?P<m>\d\d)', 'on 2024-05 ok')
print(m.groupdict(), m.group('y'), m['m'], m.lastgroup, m.string, m.re, m.pos, m.endpos)
print(re.fullmatch(r'a|ab', 'ab'), re.match('b', 'ab'), re.search('b', 'ab'))
print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)=(\d)', 'a=1 b=2'), re.findall(r'(\w)=\d', 'a=1 b=2'))
print(re.findall('x*', 'abxd'))
p = re.compile(r'\d+')
print(p, repr(p), p.pattern, p.flags, p.groups, re.compile('a', re.I | re.M))
print([m.span() for m in p.finditer('12 ab 345 é 67')])
m = re.search('é(.)', 'aé😀b')
print(m, m.span(1), m.group(1))
print(re.findall('AB', 'ab Ab', re.IGNORECASE), re.findall(r'^\w', 'ab\ncd', re.M), re.findall('a.b', 'a\nb', re.S))
print(re.findall(r'''\d+  # digits
   [a-z]''', '12a 3b', re.X))
print(re.compile(r'\d', re.A).findall('1٣2'), re.compile(r'\d').findall('1٣2'))
print(bool(re.match('a', 'a')), re.match('a', 'b') is None)
print(re.match(r'(a)(b)?', 'a').groups(), re.match(r'(a)(b)?', 'a').groups('-'), re.match(r'(a)(b)?', 'a').span(2))
print(p.search('ab 12 34', 4), p.match('ab 12', 3), p.findall('1 2 3 4', 2, 5))
print(re.compile(r'(?P<k>\w+)=(?P<v>\w+)').groupindex)
for pat in [r'(a)\1', r'a(?=b)', r'(?<!x)y', r'(?P<n>a)(?P=n)']:
    # back-references and look-around compile.
    try:
        re.compile(pat)
        print('ok', pat)
    except re.error:
        print('ok', pat)
try:
    re.compile('(')
except re.error as e:
    print('error raised', isinstance(e, Exception))
try:
    re.match(r'(a)', 'a').group(5)
except IndexError as e:
    print('IndexError', e)
