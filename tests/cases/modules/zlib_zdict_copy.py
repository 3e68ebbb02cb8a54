# zlib: preset dictionaries (zdict) for zlib and raw streams, and copies of
# compress and decompress objects through the copy module.
import copy
import zlib

text = b"the quick brown fox jumps over the lazy dog " * 40
zdict = b"quick brown lazy dog fox jumps over"

co = zlib.compressobj(zdict=zdict)
packed = co.compress(text) + co.flush()
do = zlib.decompressobj(zdict=zdict)
print(do.decompress(packed) + do.flush() == text)
try:
    zlib.decompressobj().decompress(packed)
except zlib.error as e:
    print("zlib.error", e)

for wbits in (-15, -9):
    co = zlib.compressobj(wbits=wbits, zdict=zdict)
    packed = co.compress(text) + co.flush()
    do = zlib.decompressobj(wbits=wbits, zdict=zdict)
    print(wbits, do.decompress(packed, 100) + do.flush() == text)

co = zlib.compressobj(wbits=-12, zdict=b"")
do = zlib.decompressobj(wbits=-12, zdict=b"")
print(do.decompress(co.compress(text) + co.flush()) + do.flush() == text)
for bad in (12, None):
    for f in (zlib.compressobj, zlib.decompressobj):
        try:
            f(zdict=bad)
        except TypeError as e:
            print("TypeError", e)

# Streaming with a dictionary, flushed in between.
co = zlib.compressobj(zdict=text)
do = zlib.decompressobj(zdict=text)
for piece in (text[100:300], text[:50], text[7:400]):
    print(do.decompress(co.compress(piece) + co.flush(zlib.Z_SYNC_FLUSH)) == piece)

c1 = zlib.compressobj()
head = c1.compress(b"abc")
for c in (c1.copy(), copy.copy(c1), copy.deepcopy(c1)):
    print(zlib.decompress(head + c.compress(b"xyz") + c.flush()))
d1 = zlib.decompressobj()
whole = zlib.compress(b"hello world")
d1.decompress(whole[:5])
for d in (copy.copy(d1), copy.deepcopy(d1)):
    print(d.decompress(whole[5:]) + d.flush())
d1.decompress(whole[5:])
d1.flush()
for f in (d1.copy, lambda: copy.copy(d1), lambda: copy.deepcopy(d1)):
    try:
        f()
    except ValueError as e:
        print("ValueError", e)
