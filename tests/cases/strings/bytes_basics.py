b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], list(b[:2]))
print(b + b" world", b * 2, b"ell" in b, b.upper(), b.decode())
print(bytes([72, 105]), bytes(3), b"\x00\xff\n", b'it\'s', b"A\x42C")
print(b.startswith(b"he"), b.split(b"l"), b.replace(b"l", b"L"), b.find(b"lo"))
print(type(b).__name__, b == b"hello", b"abc" < b"abd", bytes("é", "utf-8"))
for x in b"hi":
    print(x)
print(b.hex(), bytes.fromhex("4869"), repr(b""))
