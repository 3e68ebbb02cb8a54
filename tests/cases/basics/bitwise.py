a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 2)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(-12 & 10, -12 | 10, -12 ^ 10, ~-12)
print(-1 >> 10, -1024 >> 3, -5 >> 1, 5 >> 1)
print(1 << 70, (1 << 70) >> 69)
print(0xFF & -256, 255 ^ -1)
x = 6
x &= 3
print(x)
x |= 8
print(x)
x ^= 15
print(x)
x <<= 4
print(x)
x >>= 2
print(x)
print(True & False, True | False, True ^ True)
