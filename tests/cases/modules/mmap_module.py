import mmap, os, re, tempfile

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

fd, path = tempfile.mkstemp(prefix="s8mmap")
os.write(fd, b"Hello mmap world\nsecond line\nthird line without newline")
os.close(fd)

with open(path, "r+b") as f:
    m = mmap.mmap(f.fileno(), 0)
    print(len(m), m.size(), m[:5], m[0], m[-1], m[6:10], m[::7])
    print(m.readline(), m.tell(), m.readline(), m.read(5), m.tell())
    print(m.find(b"line"), m.find(b"line", 30), m.rfind(b"line"), m.find(b"nope"), m.find(b"o", 0, 5))
    m.seek(0)
    print(m.read_byte(), m.read(4), m.tell())
    m.seek(-7, os.SEEK_END)
    print(m.read())
    m.seek(0)
    print(m.write(b"HELLO"), m.tell())
    m[6:10] = b"MMAP"
    m[0] = ord("j")
    print(bytes(m[:16]))
    print(re.search(rb"s\w+d", m).group(), re.findall(rb"line", m))
    print(bytes(m)[:11], memoryview(m)[:5].tobytes())
    m.move(0, 6, 4)
    print(m[:10])
    m.flush()
    t(lambda: m[100])
    t(lambda: m.__setitem__(0, 300))
    t(lambda: m.__setitem__(0, b"a"))
    t(lambda: m.__setitem__(slice(0, 2), b"abc"))
    t(lambda: m.seek(1000))
    m.seek(len(m))
    t(lambda: m.write(b"x"))
    t(lambda: m.read_byte())
    t(lambda: m.write_byte(65))
    print(m.read())
    m.resize(10)
    print(len(m), m.size(), m[:])
    m.close()
    print(m.closed, repr(m))
    t(lambda: m.read())
    t(lambda: m[0])
with open(path, "rb") as f:
    print(f.read())

with open(path, "rb") as f:
    with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as r:
        print(r[:4], r.find(b"0"))
        t(lambda: r.write(b"a"))
        t(lambda: r.__setitem__(0, 1))
        t(lambda: r.resize(20))
    print(r.closed)
    with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY) as c:
        c[0] = ord("Z")
        print(c[:4])
    print(f.read(4))

anon = mmap.mmap(-1, 13)
anon.write(b"Hello world!")
anon.seek(0)
print(anon.readline(), anon[:], len(anon))
anon.resize(20)
print(len(anon), anon[12:])
print(repr(anon))

t(lambda: mmap.mmap(-1, -1))
t(lambda: mmap.mmap(-1, 10, offset=-1))
t(lambda: mmap.mmap(-1, 10, access=5))
t(lambda: mmap.mmap(-1, 10, flags=mmap.MAP_PRIVATE, access=mmap.ACCESS_READ))
empty = tempfile.TemporaryFile()
t(lambda: mmap.mmap(empty.fileno(), 0))
empty.write(b"abc")
empty.flush()
t(lambda: mmap.mmap(empty.fileno(), 10))
t(lambda: mmap.mmap(empty.fileno(), 0, offset=mmap.ALLOCATIONGRANULARITY))
print(mmap.PAGESIZE == mmap.ALLOCATIONGRANULARITY, mmap.ACCESS_WRITE, mmap.MAP_SHARED, mmap.PROT_READ, mmap.error)
os.remove(path)
