# array._array_reconstructor (what CPython pickles arrays to) for every machine
# format, and pickling arrays.
import array
import pickle

R = array._array_reconstructor
print(R(array.array, "b", 1, b"\x01\xff"))
print(R(array.array, "H", 2, b"\x01\x02\x03\x04"), R(array.array, "H", 3, b"\x01\x02\x03\x04"))
print(R(array.array, "i", 9, b"\xff\xff\xff\xfe"), R(array.array, "l", 12, (-5).to_bytes(8, "little", signed=True)))
print(R(array.array, "Q", 11, (2**64 - 1).to_bytes(8, "big")))
print(R(array.array, "d", 16, b"\x00\x00\x00\x00\x00\x00\xf0\x3f"), R(array.array, "f", 15, b"\x3f\x80\x00\x00"))
print(R(array.array, "u", 21, "hé".encode("utf-32-be")), R(array.array, "u", 18, "hi".encode("utf-16-le")))
for args in [(1, "b", 1, b""), (str, "b", 1, b""), (array.array, "z", 1, b""), (array.array, "b", 99, b""),
             (array.array, "b", 1, "x")]:
    try:
        R(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    a = array.array("i", [1, -2, 3])
    print(proto, pickle.loads(pickle.dumps(a, proto)) == a)
print(array.array("h", [1, 2]).__reduce_ex__(3)[0] is R, array.array("h", [1, 2]).__reduce_ex__(2)[0] is array.array)
import io
f = io.BytesIO()
array.array("i", range(5)).tofile(f)
f.seek(0)
b = array.array("i")
b.fromfile(f, 3)
print(b)
try:
    b.fromfile(f, 5)
except EOFError as e:
    print("EOFError", e, b)
