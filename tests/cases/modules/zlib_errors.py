# zlib's errors: zlib.error messages with zlib's codes, ValueErrors, TypeErrors.
import zlib

good = zlib.compress(b'abc')
c = zlib.compressobj()
c.compress(b'x')
c.flush()
calls = [
    lambda: zlib.decompress(b'abc'),
    lambda: zlib.decompress(good[:-2]),
    lambda: zlib.decompress(b''),
    lambda: zlib.decompress(good, wbits=99),
    lambda: zlib.decompress(good, -15),
    lambda: zlib.compress(b'', 12),
    lambda: zlib.compress(b'', wbits=99),
    lambda: zlib.compress('text'),
    lambda: zlib.compressobj(wbits=99),
    lambda: zlib.compressobj(level=10),
    lambda: zlib.decompressobj(wbits=99),
    lambda: zlib.decompressobj().decompress(b'x', -1),
    lambda: zlib.decompressobj().decompress(b'xyz'),
    lambda: zlib.decompressobj().flush(0),
    lambda: c.compress(b'more'),
    lambda: c.flush(),
    lambda: c.flush(zlib.Z_SYNC_FLUSH),
    lambda: zlib.crc32(),
    lambda: zlib.crc32('a'),
]
for f in calls:
    try:
        print(repr(f()))
    except (zlib.error, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(zlib.error.__mro__[1].__name__)
