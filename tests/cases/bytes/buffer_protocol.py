# Every consumer of bytes takes any bytes-like object (the buffer protocol);
# bytearray and array can be subclassed; copies and deep copies.
import array
import copy

sources = [b"ab", bytearray(b"ab"), memoryview(b"ab"), array.array("B", [97, 98]), memoryview(b"xaby")[1:3]]
for s in sources:
    print(type(s).__name__, bytes(s), bytearray(s), b"-".join([s, s]), b"<" + s, s == b"ab", len(bytes(s)))
    print("   ", b"ab" in b"cabd" and s in b"cabd", b"cabd".find(s), b"cabd".replace(s, b"!"), b"ab".startswith(s))
    print("   ", int.from_bytes(s, "big"), int(bytes(s).hex(), 16), b"%b" % s, bytes.fromhex(bytes(s).hex()) == bytes(s))
with open("buffer_protocol.tmp", "wb") as f:
    for s in sources:
        f.write(s)
with open("buffer_protocol.tmp", "rb") as f:
    print(f.read())
import os
os.remove("buffer_protocol.tmp")
print(int(b" 7 "), int(bytearray(b"-12")), int(bytearray(b"101"), 2), int(memoryview(b"12")), float(b"2.5e1"), float(bytearray(b" inf ")))
print(str(b"caf\xc3\xa9", "utf-8"), str(bytearray(b"caf\xe9"), "latin-1"), str(memoryview(b"abc"), encoding="ascii"))

class Packet(bytearray):
    def checksum(self):
        return sum(self) % 256

p = Packet(b"\x01\x02\x03")
p.append(250)
print(type(p).__name__, p, p.checksum(), isinstance(p, bytearray), type(p + b"x").__name__, type(p.upper()).__name__)

class Samples(array.array):
    def mean(self):
        return sum(self) / len(self)

s = Samples("d", [1.0, 2.0, 4.5])
print(type(s).__name__, s, s.mean(), isinstance(s, array.array))
ba = bytearray(b"deep")
c1, c2 = copy.copy(ba), copy.deepcopy(ba)
ba[0] = 68
print(ba, c1, c2, type(c2).__name__, copy.deepcopy(array.array("h", [1, -1])))
print(bytearray(b"ab").__reduce_ex__(4))
try:
    int(memoryview(b"101"), 2)
except TypeError as e:
    print("TypeError:", e)
for f in [lambda: int.from_bytes(5, "big"), lambda: int.from_bytes("ab", "big"), lambda: int.from_bytes(["a"], "big"),
          lambda: int.from_bytes([1, 300], "big"), lambda: float(b"x"), lambda: bytes("x")]:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
for v in [memoryview(b"ab"), bytearray(b"ab"), array.array("i", [1, 2]), b"ab"]:
    match v:
        case [x, y]:
            print(type(v).__name__, "is a sequence pattern subject:", x, y)
        case bytearray() | bytes():
            print(type(v).__name__, "matches its class pattern")
