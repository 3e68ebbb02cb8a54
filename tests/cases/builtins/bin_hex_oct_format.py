for n in [0, 1, 7, 8, 255, 256, -1, -256, 2 ** 40]:
    print(n, bin(n), oct(n), hex(n), f"{n:b}", f"{n:o}", f"{n:x}", f"{n:#X}")
