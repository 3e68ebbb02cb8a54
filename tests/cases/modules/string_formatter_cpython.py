# _string's parser, and CPython's string.Formatter built on it.
import _string

for s in ['plain', 'a{{b}}c', '{0!r:>{w}}x', '{x.y[1]} and {}', '{:{}{}}', '']:
    print(repr(s), list(_string.formatter_parser(s)))
for name in ['a.b[0][x].c', '12.real', '', 'key[k]']:
    first, rest = _string.formatter_field_name_split(name)
    print(repr(first), list(rest))
for s in ['a{', 'a}', '{0!}', '{0!rr}', '{0:', '{[}', '{0[}', '{!']:
    try:
        print(list(_string.formatter_parser(s)))
    except ValueError as e:
        print('ValueError', e)
for s in ['a[', 'a[]', 'a.', 'a..b', 'a[0]x']:
    try:
        first, rest = _string.formatter_field_name_split(s)
        print(first, list(rest))
    except ValueError as e:
        print('ValueError', e)

# CPython's Formatter class itself, taken from its string.py (gilt's own
# string module keeps precedence on sys.path; the rest of CPython's file
# needs regex features gilt's re lacks), run into a namespace of its own.
import types
path = '/usr/lib/python3.11/string.py'
with open(path) as src:
    text = src.read()
cs = types.ModuleType('cpython_string')
exec(compile('import _string\n' + text[text.index('class Formatter:'):], path, 'exec'), cs.__dict__)
f = cs.Formatter()
print(f.format('{0} + {1} = {2:>5}', 2, 3, 5))
print(f.format('{name!r:^10}|{obj.real}|{seq[1]}', name='x', obj=3, seq=[4, 5]))
print(f.vformat('{a:{w}.{p}f}', (), {'a': 3.14159, 'w': 8, 'p': 2}))
print(list(f.parse('x{0}y{1!s}')))

class Upper(cs.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()

print(Upper().format('{} and {:x}', 'abc', 255))
try:
    f.format('{} {0}', 1)
except ValueError as e:
    print('ValueError', e)
