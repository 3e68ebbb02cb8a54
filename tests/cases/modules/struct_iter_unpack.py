# struct: iter_unpack's lazy iterator, negative offsets, 'p' fields and
# format checks, as CPython's _struct.
import operator
import struct
import sys


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


it = struct.Struct(">IB").iter_unpack(bytes(range(1, 16)))
print(type(it).__name__, type(it).__module__, iter(it) is it)
for _ in range(4):
    print(operator.length_hint(it), next(it, None))
show(lambda: type(it)())
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00")))

buf = bytearray(10)
show(lambda: struct.pack_into("<I", buf, -2, 123))
show(lambda: struct.pack_into("<B", buf, -11, 123))
show(lambda: struct.unpack_from("<I", buf, -2))
show(lambda: struct.unpack_from("<B", buf, -11))
show(lambda: struct.pack_into("<I", buf, 8, 1))
struct.pack_into("<H", buf, -2, 0x4142)
print(buf, struct.unpack_from("<H", buf, -2))

for code, data in [("p", b"abc"), ("3p", b"abc"), ("5p", b"abc"), ("300p", b"x" * 300)]:
    packed = struct.pack(code, data)
    print(code, packed[:8], len(packed), len(struct.unpack(code, packed)[0]))

for fmt in ["\0", "2\0i", b"\0", "{}b".format(sys.maxsize + 1), "{}b{}H".format(sys.maxsize // 2, sys.maxsize // 2)]:
    show(lambda: struct.calcsize(fmt))
