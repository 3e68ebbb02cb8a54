# CPython's struct.py over gilt's native _struct: every format character,
# byte order / size / alignment prefixes, Struct objects and struct.error.
import sys
sys.path.append("/usr/lib/python3.11")  # where CPython's struct.py lives (after gilt's own modules)
import struct

def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

for fmt in ["b", "B", "?", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "P", "e", "f", "d", "c", "s", "p", "x",
            "bi", "ib", "@bq", "=bq", "<bq", ">bq", "!bq", "3s", "10p", "2x", "hhl", "0i", "b0i", "c d", " i "]:
    print(repr(fmt), struct.calcsize(fmt))
print(struct.pack("<hHiIqQ", -2, 65535, -3, 4000000000, -(2**63), 2**64 - 1))
print(struct.pack(">hHiIqQ", -2, 65535, -3, 4000000000, -(2**63), 2**64 - 1))
print(struct.pack("@bi", 1, 2), struct.pack("=bi", 1, 2), struct.pack("!I", 0x01020304))
print(struct.pack("?x?", True, 0), struct.pack("c3s", b"A", b"xyzzy"), struct.pack("5p", b"ab"), struct.pack("3s", b"a"))
print(struct.pack("<e", 1.5), struct.pack("<f", 3.14), struct.pack(">d", -0.1), struct.pack("<e", 65504.0), struct.pack("<e", 1e-7))
print(struct.unpack("<hHiIqQ", struct.pack("<hHiIqQ", -2, 65535, -3, 4000000000, -(2**63), 2**64 - 1)))
print(struct.unpack(">fde", struct.pack(">fde", 3.14, 2.5, -0.5)))
print(struct.unpack("c3s5p?", b"Aabc\x02xy\x00\x00\x01"))
print(struct.unpack("<4B", bytearray(b"\x01\x02\x03\x04")), struct.unpack("<I", memoryview(b"\x01\x00\x00\x00")))
s = struct.Struct("<HI")
print(s.format, s.size, s.pack(1, 2), s.unpack(b"\x01\x00\x02\x00\x00\x00"))
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00\xff\xff")), list(s.iter_unpack(bytes(12))))
buf = bytearray(10)
struct.pack_into("<hh", buf, 2, 1, -1)
s.pack_into(buf, 4, 7, 8)
print(buf, struct.unpack_from("<h", buf, 2), s.unpack_from(buf, offset=4), struct.unpack_from("<b", buf, -1))
mv = memoryview(bytearray(8))
struct.pack_into(">I", mv, 4, 0xDEADBEEF)
print(mv.tobytes())
print(struct.pack(b"<i", 5), struct.Struct(b">h").format, struct.pack("<i", True))
class Idx:
    def __index__(self):
        return 7
print(struct.pack("<i", Idx()), struct.pack("<d", Idx()), struct.pack("<d", 2))
print(isinstance(struct.error("x"), Exception), struct.error.__name__)
for fmt, v in [("b", 200), ("B", -1), ("h", 70000), ("H", -1), ("i", 2**40), ("I", -1), ("<I", 2**40), ("<l", 2**40),
               ("q", 2**70), ("Q", -1), ("i", "x"), ("i", 1.5), ("f", "x"), ("c", b"ab"), ("s", 1), ("p", "x")]:
    attempt("pack %s %r" % (fmt, v), lambda: struct.pack(fmt, v))
attempt("overflow e", lambda: struct.pack("e", 1e10))
attempt("overflow f", lambda: struct.pack("<f", 1e300))
attempt("bad char", lambda: struct.pack("z", 1))
attempt("native only", lambda: struct.calcsize("<n"))
attempt("count only", lambda: struct.calcsize("3"))
attempt("not str", lambda: struct.calcsize(1))
attempt("few", lambda: struct.pack("ii", 1))
attempt("many", lambda: struct.pack("i", 1, 2))
attempt("unpack size", lambda: struct.unpack("i", b"12"))
attempt("unpack str", lambda: struct.unpack("i", "1234"))
attempt("iter size", lambda: struct.iter_unpack("i", b"12345"))
attempt("iter zero", lambda: struct.iter_unpack("", b"12345"))
attempt("from size", lambda: struct.unpack_from("i", b"12", 5))
attempt("from neg", lambda: struct.unpack_from("i", b"1234", -9))
attempt("into small", lambda: struct.pack_into("i", bytearray(2), 0, 1))
attempt("into offset", lambda: struct.pack_into("i", bytearray(8), 7, 1))
attempt("into bytes", lambda: struct.pack_into("i", b"1234", 0, 1))
attempt("into neg", lambda: struct.pack_into("i", bytearray(8), -20, 1))
attempt("into count", lambda: struct.pack_into("i", bytearray(8), 0))
