# zlib's Compress/Decompress objects: flush modes, max_length with
# unconsumed_tail, unused_data after the end of the stream, eof, copy().
import zlib

data = bytes(range(256)) * 40 + b'end of data'
c = zlib.compressobj(6, zlib.DEFLATED, 15)
parts = [c.compress(data[:1000]), c.flush(zlib.Z_SYNC_FLUSH), c.compress(data[1000:5000])]
cc = c.copy()
parts.append(c.compress(data[5000:]))
parts.append(c.flush())
stream = b''.join(parts)
rest = cc.compress(data[5000:]) + cc.flush()
print(zlib.decompress(stream) == data, zlib.decompress(b''.join(parts[:3]) + rest) == data)
print(c.flush(zlib.Z_NO_FLUSH))

d = zlib.decompressobj()
out = d.decompress(stream + b'TRAILER', 100)
print(len(out), len(d.unconsumed_tail) > 0, d.unused_data, d.eof)
while not d.eof:
    out += d.decompress(d.unconsumed_tail, 3000)
print(out == data, d.eof, d.unused_data, d.unconsumed_tail)
print(d.decompress(b'more'), d.unused_data, d.unconsumed_tail)
d = zlib.decompressobj()
print(d.decompress(zlib.compress(b'abc') + b'TR'), d.unconsumed_tail, d.unused_data, d.eof)
d = zlib.decompressobj()
print(d.decompress(zlib.compress(b'abc') + b'TR', 1), d.unconsumed_tail[-2:], d.unused_data, d.eof)
print(d.decompress(d.unconsumed_tail), d.unconsumed_tail, d.unused_data, d.eof)

d = zlib.decompressobj()
half = d.decompress(stream[:len(stream) // 2])
d2 = d.copy()
print(half + d.decompress(stream[len(stream) // 2:]) == data, d.eof)
print(half + d2.decompress(stream[len(stream) // 2:]) + d2.flush() == data, d2.eof)

d = zlib.decompressobj(wbits=-15)
raw = zlib.compressobj(wbits=-15)
r = raw.compress(b'raw deflate ' * 3) + raw.flush()
print(b''.join(d.decompress(r[i:i + 5]) for i in range(0, len(r), 5)), d.eof)

d = zlib.decompressobj(zlib.MAX_WBITS | 32)
g = zlib.compressobj(wbits=31)
print(d.decompress(g.compress(b'auto-detected gzip') + g.flush()), d.eof)
d = zlib.decompressobj()
print(d.decompress(zlib.compress(b'abc')[:5]), d.flush(), d.eof)
