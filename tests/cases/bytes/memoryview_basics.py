# memoryview over bytes, bytearray and array: views, writes through, cast,
# release, and the BufferError of a resized bytearray with a live view.
import array

def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

m = memoryview(b"abcdef")
print(len(m), m[0], m[-1], m.readonly, m.format, m.itemsize, m.nbytes, m.ndim, m.shape, m.strides)
print(m[1:4].tobytes(), m[::2].tobytes(), m[::-1].tolist(), bytes(m[2:]), m.hex(), m[1:3].hex(":"))
print(m.obj == b"abcdef", m.c_contiguous, m[::2].c_contiguous, m[::2].strides, m.suboffsets)
ba = bytearray(b"hello world")
v = memoryview(ba)
v[0] = ord("H")
v[6:11] = b"WORLD"
print(ba, v.readonly, v[-5:].tobytes())
s = v[6:]
s[0] = 119
print(ba, s.tobytes(), len(s))
e = v[::2]
e[:] = b"......"
print(ba)
attempt("resize append", lambda: ba.append(1))
attempt("resize extend", lambda: ba.extend(b"xx"))
attempt("resize del", lambda: ba.__delitem__(0))
attempt("resize slice", lambda: ba.__setitem__(slice(0, 2), b"abc"))
ba[0:2] = b"AB"
print(ba)
v.release(); s.release(); e.release()
ba.append(33)
print(ba)
attempt("released", lambda: v[0])
attempt("released len", lambda: len(v))
attempt("released tobytes", lambda: v.tobytes())
print("released" in repr(v))
with memoryview(bytearray(b"abc")) as w:
    print(w.tolist(), w.tobytes())
attempt("after with", lambda: w.tolist())
data = bytearray(range(16))
c = memoryview(data).cast("I")
print(c.format, c.itemsize, len(c), c.nbytes, c.shape, c.strides, c.tolist())
c[0] = 0xFFFFFFFF
print(data[:4], c.cast("B")[:4].tolist())
h = memoryview(data).cast("H", [2, 4])
print(h.shape, h.strides, h.ndim, h.tolist())
print(memoryview(bytes(8)).cast("d").tolist(), memoryview(b"\x01\x00\x00\x00\xff\xff\xff\xff").cast("i").tolist())
print(memoryview(b"ab").cast("c").tolist(), memoryview(b"\xff\x01").cast("b").tolist(), memoryview(b"\x00\x00\x80?").cast("f").tolist())
for code in "bBhHiIlLqQ":
    mv = memoryview(bytes(range(8))).cast(code)
    print(code, mv.itemsize, mv.tolist())
a = array.array("i", [1, 2, 3])
am = memoryview(a)
print(am.format, am.itemsize, am.tolist(), am[1], am.nbytes)
am[1] = 20
print(a)
print(memoryview(b"abc") == b"abc", memoryview(b"abc") == memoryview(bytearray(b"abc")), memoryview(b"abc") != b"abd", memoryview(b"a") == "a")
print(memoryview(array.array("i", [1, 2])) == array.array("i", [1, 2]), memoryview(b"\x01\x00\x00\x00").cast("i") == memoryview(array.array("i", [1])))
print(hash(memoryview(b"abc")) == hash(b"abc"), list(memoryview(b"xy")), m.toreadonly().readonly)
print(bytes(memoryview(b"view")), bytearray(memoryview(b"xy")), b"".join([memoryview(b"a"), b"b"]))
attempt("readonly", lambda: m.__setitem__(0, 1))
attempt("index", lambda: m[10])
attempt("key", lambda: m["x"])
attempt("value", lambda: memoryview(bytearray(1)).__setitem__(0, 256))
attempt("type", lambda: memoryview(bytearray(1)).__setitem__(0, b"a"))
attempt("structure", lambda: memoryview(bytearray(3)).__setitem__(slice(0, 2), b"abc"))
attempt("cast bad", lambda: m.cast("Z"))
attempt("cast len", lambda: memoryview(b"abc").cast("H"))
attempt("cast two", lambda: memoryview(b"abcd").cast("H").cast("h"))
attempt("cast shape", lambda: memoryview(b"abcd").cast("B", [3]))
attempt("cast noncontig", lambda: memoryview(b"abcd")[::2].cast("B"))
attempt("str", lambda: memoryview("abc"))
attempt("int", lambda: memoryview(5))
attempt("hash writable", lambda: hash(memoryview(bytearray(b"a"))))
attempt("lt", lambda: memoryview(b"a") < memoryview(b"b"))
attempt("md index", lambda: h[0])
attempt("setitem float", lambda: memoryview(bytearray(8)).cast("d").__setitem__(0, "x"))
x = memoryview(bytearray(8)).cast("d")
x[0] = 2.5
print(x.tolist(), x[0])
