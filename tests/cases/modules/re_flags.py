# Flags: values, reprs, combinations, inline flags and their effects.
import re

print(re.I, re.M, re.S, re.X, re.A, re.U, re.L, re.NOFLAG, re.DEBUG is re.RegexFlag.DEBUG)
print(repr(re.I | re.M), int(re.I | re.S), re.I | re.M | 1024, re.I == 2, re.IGNORECASE is re.I)
print(f'{re.M}', str(re.S), re.X.name, re.X.value, type(re.A).__name__)
print(re.compile('a', re.I), re.compile('a', re.I | re.S), re.compile('a', re.X | re.M))
print(re.compile('a').flags, re.compile('a', re.A).flags, re.compile('(?i)a').flags, re.compile(b'a').flags)
print(re.findall('^a.', 'ab\nac\na\n', re.M), re.findall('^a.', 'ab\nac', re.M | re.S))
print(re.findall('a.c', 'abc a\nc'), re.findall('a.c', 'abc a\nc', re.DOTALL))
print(re.findall(r'(?m)^\w+$', 'one\ntwo\nthree'), re.findall(r'\w+$', 'one\ntwo\n'))
print(re.match(r'''(?x)
    (\d{3})  # area
    [-\s]?   # separator
    (\d{4})  # number
''', '555 1234').groups())
print(re.findall(r'\w+', 'naïve café', re.A), re.findall(r'\w+', 'naïve café'))
print(re.findall('straße', 'STRASSE Straße', re.I), re.match('ǅ', 'ǆ', re.I))
print(re.findall(r'(?i:AB)c', 'abc ABc abC'), re.findall(r'a(?-i:B)', 'ab aB AB', re.I))
print(re.search(r'\bfoo\b', 'a foo.'), re.search(r'\Bfoo', 'afoo'), re.search(r'\Afoo\Z', 'foo'))
print(re.match(r'\d+', '١٢٣'), re.match(r'\d+', '١٢٣', re.A), re.match(r'\s+', '\u00a0\t'))
print(re.compile('a' * 250), re.compile('x', 1024 | re.I))
