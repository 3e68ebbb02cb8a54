# binascii's errors: binascii.Error (a ValueError), TypeErrors and messages.
import binascii

print(issubclass(binascii.Error, ValueError), issubclass(binascii.Incomplete, Exception))
calls = [
    lambda: binascii.unhexlify('abc'),
    lambda: binascii.unhexlify('zz'),
    lambda: binascii.unhexlify('é'),
    lambda: binascii.unhexlify(5),
    lambda: binascii.hexlify('text'),
    lambda: binascii.hexlify(b'ab', '--'),
    lambda: binascii.hexlify(),
    lambda: binascii.hexlify(b'abc', '.', 2**40),
    lambda: binascii.a2b_base64(b'abcde'),
    lambda: binascii.a2b_base64(b'ab'),
    lambda: binascii.a2b_base64(b'=ab', strict_mode=True),
    lambda: binascii.a2b_base64(b'ab==cd', strict_mode=True),
    lambda: binascii.a2b_base64(b'ab!c', strict_mode=True),
    lambda: binascii.a2b_base64(b'ab=c=', strict_mode=True),
    lambda: binascii.a2b_base64(b'abcd=', strict_mode=True),
    lambda: binascii.a2b_base64(b'YWJj', strict_mode=True),
    lambda: binascii.a2b_base64(b'ab', True),
    lambda: binascii.b2a_uu(b'x' * 46),
    lambda: binascii.a2b_uu(b'#\x01\x02'),
    lambda: binascii.a2b_uu(b'!86)C'),
    lambda: binascii.crc32('a'),
    lambda: binascii.crc_hqx(b'a'),
]
for f in calls:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
try:
    binascii.a2b_hex('1')
except ValueError as e:
    print('caught as ValueError:', e)
