# UnicodeDecodeError messages as CPython words them: UTF-16/32 errors name
# the byte order the BOM (or its absence: little-endian) chose, a UTF-32
# surrogate has its own reason, `\N{...}` tells a malformed escape from an
# unknown name, and bytes.decode refuses a codec that is not a text
# encoding. BaseException.__str__ is the exception's own, also when called
# directly or through super().
cases = [
    (b'\xff', 'utf-16'), (b'\xff\xfe\x00', 'utf-16'), (b'\xfe\xff\x00', 'utf-16'), (b'a', 'utf-16'),
    (b'\x00\xd8', 'utf-16'), (b'\x00', 'utf-32'), (b'abc', 'utf-32'), (b'\xff\xfe\x00\x00\x00', 'utf-32'),
    (b'\x00\x00\xfe\xff\x00', 'utf-32'), (b'\x00\xd8\x00\x00', 'utf-32'), (b'\x00\x00\xd8\x00', 'utf-32-be'),
    (b'\x00\xdc\x00\x00', 'utf-32-le'), (b'\x00\x00\x11\x00', 'utf-32-le'), (b'\xff', 'utf-16-be'),
    (b'\\N{foo}', 'unicode_escape'), (b'\\N{LATIN SMALL LETTER A}', 'unicode_escape'), (b'\\N{}', 'unicode_escape'),
    (b'\\N{abc', 'unicode_escape'), (b'\\Nx', 'unicode_escape'), (b'\\N', 'unicode_escape'),
    (b'x\\N{NO SUCH NAME}y', 'unicode_escape'),
]
for b, enc in cases:
    try:
        print(enc, b, ascii(b.decode(enc)))
    except UnicodeDecodeError as e:
        print(enc, b, e.encoding, e.start, e.end, e.reason)
        print('   ', e)
for b, enc in [(b'\\N{foo}', 'unicode_escape'), (b'\\N{abc', 'unicode_escape'), (b'\xff', 'utf-16')]:
    print(enc, ascii(b.decode(enc, 'replace')), ascii(b.decode(enc, 'backslashreplace')))
for enc in ['quopri_codec', 'base64_codec', 'rot13', 'hex']:
    for f in (lambda: b'ab'.decode(enc), lambda: 'ab'.encode(enc)):
        try:
            print(enc, f())
        except LookupError as e:
            print(enc, type(e).__name__, e)
print(ValueError('a').__str__(), KeyError('k').__str__(), OSError(2, 'x').__str__())
print(UnicodeDecodeError('utf-8', b'ab', 1, 2, 'x').__str__())
print(UnicodeDecodeError('utf-8', b'ab', 0, 5, 'x').__str__())
print(BaseException.__str__(ValueError('q')), BaseException.__str__(ValueError('q', 2)))


class E(Exception):
    def __str__(self):
        return 'E: ' + super().__str__()


print(E('msg'), repr(E('msg')), E('a', 'b'))

# Nothing to decode is '' before any codec lookup (encoding is looked up).
print(repr(b''.decode('')), repr(bytearray().decode('nonexistent')), repr(str(b'', 'nonexistent')))
for f in (lambda: b'a'.decode(''), lambda: ''.encode(''), lambda: b'a'.decode('nonexistent')):
    try:
        f()
    except LookupError as e:
        print(type(e).__name__, e)
