# bytearray and memoryview as CPython's re._compiler uses them.
b = bytearray(4)
b[1] = 1
b[-1] = 255
print(b, len(b), b[1], b[-1], list(b), bytes(b))
b += b'\x00' * 2
b.append(7)
b.extend([8, 9])
print(b, b.find(1), b.find(0, 2), b.find(b'\x07\x08'), b == bytearray(b), b == bytes(b))
c = bytearray(b'hello')
c[0:1] = b'J'
print(c, c[1:3], c.upper(), c.translate(bytes(range(256)), b'l'), c.decode(), c.hex())
print(bytearray(b'\x00\x01\x00\x02').translate(b'0' + b'1' * 255), int(bytearray(b'101'), 2))
for bad in [lambda: b.__setitem__(99, 1), lambda: b.__setitem__(0, 256), lambda: hash(b)]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
m = memoryview(bytes([1, 0, 0, 0, 2, 0, 0, 0])).cast('I')
print(m.tolist(), len(m), m.itemsize, m.nbytes, m.format, m[1], memoryview(b'ab').tolist())
