# BytesIO's read/write/tell: the closed check (on BytesIO itself and on a
# subclass whose `closed` says otherwise) and the usual results.
import io

b = io.BytesIO(b"hello world")
print(b.read(5), b.tell(), b.write(b"!!"), b.tell(), b.getvalue())
b.seek(0)
print(b.read(), b.read(3), b.tell())
b.close()
for op in (lambda: b.read(1), lambda: b.write(b"x"), b.tell):
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)


class AlwaysClosed(io.BytesIO):
    @property
    def closed(self):
        return True


c = AlwaysClosed(b"abc")
for op in (lambda: c.read(1), lambda: c.write(b"x"), c.tell):
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)


class Counting(io.BytesIO):
    pass


d = Counting()
d.write(b"abc")
d.write(bytearray(b"de"))
print(d.tell(), d.getvalue())
d.seek(10)
d.write(b"z")
print(d.getvalue(), d.tell())
