# _csv's errors: csv.Error messages from the reader and writer, the
# dialect checks' TypeErrors, field_size_limit.
import _csv
import io

for lines, kw in [(['a,b\rc'], {}), (['a,"b"c'], {'strict': True}), (['a,"b'], {'strict': True}),
                  (['a,"b'], {}), (['a,"b"c'], {}), ([b'bytes'], {}), (['1,x'], {'quoting': _csv.QUOTE_NONNUMERIC})]:
    try:
        print(list(_csv.reader(lines, **kw)))
    except (_csv.Error, ValueError) as e:
        print(type(e).__name__, e)
old = _csv.field_size_limit(5)
print(old, _csv.field_size_limit())
try:
    print(list(_csv.reader(['abcdef'])))
except _csv.Error as e:
    print('Error', e)
_csv.field_size_limit(old)

for kw in [dict(delimiter='ab'), dict(delimiter=3), dict(delimiter=''), dict(delimiter=None), dict(quotechar='ab'),
           dict(escapechar=3), dict(escapechar=''), dict(lineterminator=3), dict(quoting=9), dict(quoting='a'),
           dict(quoting=None), dict(bogus=1), dict(quotechar=None), dict(quotechar=None, quoting=0)]:
    try:
        d = _csv.Dialect(**kw)
        print('ok', kw, d.quoting, d.quotechar)
    except TypeError as e:
        print('TypeError', e)

def attempt(f):
    try:
        print(repr(f()))
    except (_csv.Error, TypeError) as e:
        print(type(e).__name__, e)

attempt(lambda: _csv.get_dialect('nope'))
attempt(lambda: _csv.unregister_dialect('nope'))
attempt(lambda: _csv.register_dialect(3))
attempt(lambda: _csv.writer(3))
attempt(lambda: _csv.field_size_limit('a'))
attempt(lambda: _csv.writer(io.StringIO()).writerow(3))
attempt(lambda: _csv.writer(io.StringIO(), quoting=_csv.QUOTE_NONE).writerow(['a,b']))
attempt(lambda: _csv.writer(io.StringIO(), quoting=_csv.QUOTE_NONE).writerow(['']))
attempt(lambda: _csv.writer(io.StringIO()).writerow(['ok', 1]))
d = _csv.Dialect()
print(d.delimiter, d.quotechar, d.escapechar, repr(d.lineterminator), d.quoting, d.doublequote, d.skipinitialspace, d.strict)
print(_csv.QUOTE_MINIMAL, _csv.QUOTE_ALL, _csv.QUOTE_NONNUMERIC, _csv.QUOTE_NONE, _csv.__version__, issubclass(_csv.Error, Exception))
