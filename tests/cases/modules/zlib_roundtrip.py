# zlib: compress/decompress round trips at every level and window size,
# checksums, constants. (Compressed bytes are not printed: gilt's deflate is
# zlib-rs, whose output may differ from C zlib's by a few bytes.)
import zlib

data = b'The quick brown fox jumps over the lazy dog. ' * 50 + bytes(range(256))
for level in [-1, 0, 1, 6, 9]:
    for wbits in [9, 15, -9, -15, 25, 31]:
        c = zlib.compress(data, level, wbits)
        auto = wbits + 16 if wbits > 15 else wbits
        assert zlib.decompress(c, wbits) == data
        if wbits > 0:
            assert zlib.decompress(c, 47) == data
        print(level, wbits, c[:2].hex() if wbits > 15 else '', zlib.decompress(c, auto) == data)
print(zlib.decompress(zlib.compress(b'')), zlib.decompress(zlib.compress(data, level=9)) == data)
print(zlib.crc32(b'hello'), zlib.crc32(b' world', zlib.crc32(b'hello')), zlib.crc32(b''))
print(zlib.adler32(b'hello'), zlib.adler32(b'hello', 2**40), zlib.adler32(data))
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_BUF_SIZE, zlib.DEF_MEM_LEVEL, zlib.Z_DEFAULT_COMPRESSION)
print(zlib.Z_NO_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_FINISH, zlib.Z_BEST_SPEED, zlib.Z_BEST_COMPRESSION)
# Streams made by CPython's zlib decompress the same.
print(zlib.decompress(bytes.fromhex('789ccb48cdc9c95728cf2fca4901001a0b045d')))
print(zlib.decompress(bytes.fromhex('1f8b0800000000000003cb48cdc9c95728cf2fca49010085114a0d0b000000'), 31))
print(zlib.decompress(bytes.fromhex('cb48cdc9c95728cf2fca490100'), -15))
