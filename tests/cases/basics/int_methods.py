for n in (0, 1, 255, 256, -255, 2 ** 31, 10 ** 18):
    print(n, n.bit_length())
print((5).real, (5).imag, (7).numerator, (7).denominator)
print(int.__name__, (3).__class__.__name__, (3.5).__class__.__name__)
print((255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "big"))
print((-7).__abs__(), (7).__neg__())
