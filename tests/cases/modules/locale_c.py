# _locale, minimal: the C locale only.
import _locale

print(_locale.setlocale(_locale.LC_ALL, 'C'), _locale.setlocale(_locale.LC_NUMERIC, 'POSIX'))
conv = _locale.localeconv()
print(sorted(conv.items()))
print(_locale.LC_CTYPE, _locale.LC_NUMERIC, _locale.LC_TIME, _locale.LC_COLLATE, _locale.LC_MONETARY, _locale.LC_MESSAGES, _locale.LC_ALL, _locale.CHAR_MAX)
print(_locale.strcoll('a', 'b'), _locale.strcoll('b', 'a'), _locale.strcoll('a', 'a'), _locale.strxfrm('abc'))
try:
    _locale.setlocale(_locale.LC_ALL, 'xx_NOPE.UTF-8')
except _locale.Error as e:
    print('Error', e)
try:
    _locale.setlocale(99, 'C')
except _locale.Error as e:
    print('Error', e)
print(_locale.Error.__module__, issubclass(_locale.Error, Exception))
