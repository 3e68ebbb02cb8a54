# pickle.PickleBuffer (PEP 574): the buffer protocol of what it wraps,
# raw(), release(), and protocol 5's in-band and out-of-band buffers.
import io
import pickle
from pickle import PickleBuffer


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


print(type(PickleBuffer), PickleBuffer.__module__, PickleBuffer.__name__)
show(lambda: PickleBuffer())
show(lambda: PickleBuffer("text"))
show(lambda: PickleBuffer(b"a", b"b"))

pb = PickleBuffer(b"abc")
print(bytes(pb), memoryview(pb).readonly, memoryview(pb).tobytes())

ba = bytearray(b"foo")
wb = PickleBuffer(ba)
with memoryview(wb) as m:
    print(m.readonly, m.format, m.nbytes)
    m[0] = ord("b")
print(bytes(wb), ba)
show(lambda: ba.append(1))          # exported: cannot be resized
wb.release()
wb.release()                        # idempotent
ba.append(33)
print(ba)
show(lambda: memoryview(wb))
show(lambda: wb.raw())

dead = memoryview(b"xyz")
dead.release()
show(lambda: PickleBuffer(dead))

raw = PickleBuffer(bytearray(b"xyz")).raw()
print(type(raw).__name__, raw.format, raw.shape, raw.readonly, raw.tobytes())
strided = memoryview(bytearray(b"abcdef"))[::2]
show(lambda: PickleBuffer(strided).raw())
print(memoryview(PickleBuffer(strided)).tobytes())

for proto in range(6):
    show(lambda: pickle.dumps(PickleBuffer(b"xy"), proto))
show(lambda: pickle.dumps(PickleBuffer(strided), 5))
print(pickle.dumps(PickleBuffer(bytearray(b"xy")), 5))
same = PickleBuffer(b"xy")
print(pickle.dumps([same, same], 5))

# Out of band: the callback's false answer keeps the data out of the pickle.
bufs = []
data = pickle.dumps([same, PickleBuffer(bytearray(b"q"))], 5, buffer_callback=bufs.append)
print(data, len(bufs), [type(b).__name__ for b in bufs])
back = pickle.loads(data, buffers=bufs)
print([bytes(b) for b in back], [type(b).__name__ for b in back])
print(pickle.loads(data, buffers=[b"AB", bytearray(b"Z")]))
show(lambda: pickle.loads(data))
show(lambda: pickle.loads(data, buffers=[]))
f = io.BytesIO()
pickle.Pickler(f, 5, buffer_callback=lambda b: False).dump(PickleBuffer(b"zz"))
print(f.getvalue(), bytes(pickle.loads(f.getvalue(), buffers=[b"zz"])))
print(pickle._dumps(PickleBuffer(b"xy"), 5))
print(pickle._dumps([same, same], 5, buffer_callback=lambda b: False))
show(lambda: pickle.dumps(1, 4, buffer_callback=print))

import copy
show(lambda: copy.copy(same))
