# Slices of a bytearray copy only what they select (BytesIO.read on a big buffer).
import io

b = bytearray(range(256)) * 400
print(len(b[10:14]), b[10:14], b[-3:], b[::51][:6], b[300:250:-17])
s = b[5:9]
s[0] = 0
print(b[5], s)  # a slice is a copy


class Idx:
    def __index__(self):
        b.extend(b"xyz")  # resizes before the slice is resolved
        return len(b) - 2


print(b[Idx():])
f = io.BytesIO()
for i in range(2000):
    f.write(b"%04d" % i)
f.seek(0)
parts = [f.read(4) for _ in range(2000)]
print(parts[:3], parts[-1], f.read(), len(f.getvalue()))
