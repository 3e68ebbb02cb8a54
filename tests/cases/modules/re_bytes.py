# Bytes patterns on bytes subjects, and mixing str with bytes.
import re

p = re.compile(rb'(\w+)=(\d+)')
print(p, p.pattern, p.flags, p.groups)
print(p.findall(b'a=1, bb=22, c=x'))
m = p.search(b'key=42')
print(m, m.group(1), m.groups(), m.span(2), m.string)
print(re.sub(rb'\s+', b' ', b'a  b\t\tc\nd'))
print(re.sub(rb'(\d)', rb'<\1>', b'a1b2'))
print(re.split(rb'[,;]', b'a,b;c'))
print(re.match(rb'caf\xe9', b'caf\xe9'), re.findall(rb'\w', b'a\xe9b'))
print(re.findall(rb'(?i)abc', b'ABC abc aBc'))
print(re.compile(b'x', re.I), re.compile(b'x', re.L))
print(re.escape(b'a.b*c'), re.escape('a.b*c'))
print(re.fullmatch(rb'\d+', b'123'), re.subn(b'a', lambda m: b'A', b'banana'))
for f in [lambda: re.match(b'a', 'a'), lambda: re.match('a', b'a'), lambda: re.sub('a', b'x', 'a'),
          lambda: re.sub(b'a', 'x', b'a'), lambda: re.compile(b'a', re.U), lambda: re.match('a', 1),
          lambda: re.compile(1), lambda: re.sub(b'a', lambda m: 'x', b'a')]:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
