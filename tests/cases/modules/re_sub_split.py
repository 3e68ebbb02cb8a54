import re

print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@example x'))
print(re.sub(r'(?P<a>a)', r'[\g<a>\g<1>\1]', 'banana'))
print(re.subn('a', 'o', 'banana', count=2), re.subn('a', 'o', 'banana'))
print(re.sub('x*', '-', 'abxd'))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c3'))
print(re.sub(r'\s+', ' ', 'a  b\t\nc'), re.sub('é', 'e', 'café é'))
print(re.sub(r'(\d)', r'<\1>\n', '1a2').split('\n'))
p = re.compile(r'(\d+)')
print(p.sub(r'#\1#', 'a12b3'), p.subn('N', 'a12b3', 1))
print(re.split(r',\s*', 'a, b,c'), re.split(r'(,)', 'a,b,c'), re.split(',', 'a,b,c', maxsplit=1))
print(re.split('x*', 'axbc'), re.split(r'(a)|b', 'xaybz'))
print(p.split('a1b22c'), re.split(r'\W+', 'Words, words, words.'))
print(re.escape('a.b*c d'), re.escape('plain_text1'), re.escape('[x]+(y)?'))
try:
    re.sub('a', r'\3', 'a')
except re.error:
    print('bad group reference')
