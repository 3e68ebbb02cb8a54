# sub / subn with templates, callables, counts; Match.expand.
import re

print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world, foo bar'))
print(re.sub(r'(?P<k>\w+)=(?P<v>\w+)', r'\g<v>=\g<k>', 'a=1 b=2'))
print(re.sub(r'(\d+)', r'\g<1>0', 'x5 y7'), re.sub('a', r'\n\t\\', 'bab'))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c3'))
print(re.sub(r'\w+', lambda m: m.group().upper() if len(m.group()) > 2 else None or '', 'a bc def'))
print(re.subn(r'o', '0', 'foo boo'), re.subn('o', '0', 'foo boo', count=2), re.subn('o', '0', 'foo', 0))
print(re.sub('x*', '-', 'abxd'), re.sub('', '-', 'abc'), re.sub('b*', 'X', 'abbc'))
print(re.sub('(a)|b', r'[\1]', 'ab'), re.sub('a', 'b', ''), re.sub('$', '!', 'end'))
p = re.compile(r'(\w)(\d)?')
print(p.sub(r'<\1|\2>', 'a1 b'), p.subn(lambda m: m.group(1) * 2, 'xyz', 2))
m = re.match(r'(?P<h>\d+):(?P<m>\d+)', '10:45')
print(m.expand(r'\2 past \1'), m.expand(r'\g<m>m \g<h>h'), m.expand(b'x' if False else r'[\g<0>]'))
calls = []
def repl(m):
    calls.append((m.start(), m.group()))
    return '#'
print(re.sub(r'\d+', repl, 'a12b345c6'), calls)
print(re.sub(r'\s+', ' ', '  lots   of\n\tspace  ').strip())
print(re.sub(r'(?m)^', '> ', 'line1\nline2'))
for bad in [r'\3', r'\g<x>', r'\g<1', r'\g<-1>', '\\']:
    try:
        re.sub(r'(a)', bad, 'a')
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.sub('a', lambda m: 5, 'a')
except TypeError as e:
    print('TypeError', e)
