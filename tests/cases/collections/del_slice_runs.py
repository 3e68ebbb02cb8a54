# `del seq[i:j]` (and reversed or stepped slices) on lists and bytearrays:
# the removed run, the kept items, the order, out-of-range bounds.
import io

cases = [(2, 5, None), (5, 2, None), (-3, None, None), (None, None, -1), (8, 2, -1), (1, 100, None),
         (100, 200, None), (0, 10, 3), (9, 0, -2), (-100, 3, None), (3, 3, None), (None, None, 2)]
for lo, hi, st in cases:
    l = list(range(10))
    b = bytearray(range(10))
    del l[lo:hi:st]
    del b[lo:hi:st]
    print((lo, hi, st), l, list(b))

class Noisy:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

l = [Noisy(i) for i in range(6)]
del l[1:4]
print([x.n for x in l])
del l[::-2]
print([x.n for x in l])
l.clear()

# BytesIO.truncate deletes the tail of its buffer.
f = io.BytesIO()
for i in range(1000):
    f.write(b"x" * 100)
    f.seek(50 * (i + 1))
    f.truncate()
print(len(f.getvalue()), f.tell())
