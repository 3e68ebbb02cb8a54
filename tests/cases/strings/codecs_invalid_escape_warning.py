# Unknown escapes decode as themselves with one DeprecationWarning per call, as CPython 3.11.
import codecs, warnings
warnings.simplefilter("always")
print(codecs.unicode_escape_decode(b'\\z\\8'))
print(codecs.escape_decode(b'\\z\\q\\777'))
print(codecs.raw_unicode_escape_decode(b'\\z'))
print(b'\\y'.decode('unicode_escape'))
with warnings.catch_warnings(record=True) as w:
    codecs.escape_decode(b'\\9')
    print([str(x.message) for x in w])
