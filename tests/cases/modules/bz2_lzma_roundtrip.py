import bz2, lzma, io, os, tempfile, tarfile, zipfile, shutil

data = b"".join(b"line %d of the teaching text\n" % i for i in range(5000))

# one-shot round trips
for level in (1, 9):
    c = bz2.compress(data, level)
    print("bz2", level, c[:4], bz2.decompress(c) == data)
c = lzma.compress(data)
print("xz", c[:6], lzma.decompress(c) == data)
for fmt in (lzma.FORMAT_XZ, lzma.FORMAT_ALONE):
    c = lzma.compress(data, format=fmt, preset=1)
    print("fmt", fmt, lzma.decompress(c) == data, lzma.decompress(c, format=fmt) == data)
for chk in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256):
    c = lzma.compress(data, check=chk)
    d = lzma.LZMADecompressor()
    print("check", chk, d.check, d.decompress(c) == data, d.check, d.eof)
filters = [{"id": lzma.FILTER_DELTA, "dist": 4}, {"id": lzma.FILTER_X86}, {"id": lzma.FILTER_LZMA2, "preset": 6 | lzma.PRESET_EXTREME}]
c = lzma.compress(data, format=lzma.FORMAT_RAW, filters=filters)
print("raw", lzma.decompress(c, format=lzma.FORMAT_RAW, filters=filters) == data)
c = lzma.compress(data, filters=filters)
print("xz+filters", lzma.decompress(c) == data)

# concatenated streams and trailing garbage
c = bz2.compress(b"abc") + bz2.compress(b"def")
print(bz2.decompress(c))
c = lzma.compress(b"abc") + lzma.compress(b"def")
print(lzma.decompress(c))
try:
    lzma.decompress(lzma.compress(b"abc") + b"garbage!" * 3)
except lzma.LZMAError as e:
    print("LZMAError", e)
print(bz2.decompress(bz2.compress(b"abc") + b"trailing junk"))

# incremental with max_length
d = bz2.BZ2Decompressor()
c = bz2.compress(data)
out = d.decompress(c[:100], max_length=10)
print(len(out), d.needs_input, d.eof)
parts = [out]
while not d.eof:
    if d.needs_input:
        break
    parts.append(d.decompress(b"", max_length=50000))
rest = d.decompress(c[100:]) if not d.eof else b""
parts.append(rest)
while not d.eof:
    parts.append(d.decompress(b""))
print(b"".join(parts) == data, d.eof, d.unused_data, d.needs_input)
try:
    d.decompress(b"x")
except EOFError as e:
    print("EOFError", e)

d = lzma.LZMADecompressor()
c = lzma.compress(data) + b"extra"
got = []
for i in range(0, len(c), 97):
    if d.eof:
        break
    got.append(d.decompress(c[i:i + 97]))
print(b"".join(got) == data, d.eof, d.unused_data[:5], d.needs_input)

# compressor objects
comp = bz2.BZ2Compressor(5)
out = b"".join(comp.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)) + comp.flush()
print("incremental bz2", bz2.decompress(out) == data)
comp = lzma.LZMACompressor(preset=2)
out = b"".join(comp.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)) + comp.flush()
print("incremental xz", lzma.decompress(out) == data)

# files
tmp = tempfile.mkdtemp(prefix="s8cmp")
for mod, ext in ((bz2, "bz2"), (lzma, "xz")):
    p = os.path.join(tmp, "t." + ext)
    with mod.open(p, "wt", encoding="utf-8") as f:
        for i in range(300):
            print("row", i, file=f)
    with mod.open(p, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    print(ext, len(lines), lines[0], lines[-1], end="")
    with mod.open(p, "rb") as f:
        f.seek(50)
        print(f.read(8), f.tell())

# errors
for bad in (b"BZh9" + b"\x00" * 20, b"not bz2 at all"):
    try:
        bz2.decompress(bad)
    except OSError as e:
        print(type(e).__name__, e)
try:
    bz2.decompress(bz2.compress(data)[:-10])
except ValueError as e:
    print("ValueError", e)
try:
    bz2.BZ2File(io.BytesIO(bz2.compress(data)[:-10])).read()
except EOFError as e:
    print("EOFError", e)
try:
    lzma.decompress(b"hello world, not xz")
except lzma.LZMAError as e:
    print("LZMAError", e)
try:
    lzma.decompress(lzma.compress(data)[:-10])
except Exception as e:
    print(type(e).__name__, e)
try:
    lzma.LZMAFile(io.BytesIO(lzma.compress(data)[:-10])).read()
except EOFError as e:
    print("EOFError", e)
try:
    lzma.LZMADecompressor(format=lzma.FORMAT_XZ).decompress(b"\x5d\x00\x00\x80\x00" + b"x" * 20)
except lzma.LZMAError as e:
    print("LZMAError", e)

# archives
src = os.path.join(tmp, "src")
os.mkdir(src)
for n in ("a.txt", "b.txt"):
    with open(os.path.join(src, n), "w") as f:
        f.write(n * 100)
for fmt in ("bztar", "xztar"):
    arch = shutil.make_archive(os.path.join(tmp, "arch_" + fmt), fmt, src)
    with tarfile.open(arch) as t:
        print(fmt, os.path.basename(arch), sorted(t.getnames()))
        print(t.extractfile("./a.txt").read()[:10])
for method in (zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
    zp = os.path.join(tmp, "z%d.zip" % method)
    with zipfile.ZipFile(zp, "w", compression=method) as z:
        z.writestr("data.txt", data)
    with zipfile.ZipFile(zp) as z:
        info = z.getinfo("data.txt")
        print("zip", method, info.compress_type, z.read("data.txt") == data, z.testzip())
shutil.rmtree(tmp)
