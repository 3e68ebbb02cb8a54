big = 2 ** 10000
print(len(str(big)), str(big)[:20], str(big)[-20:])
print(big.bit_length(), (big - 1).bit_length(), big % 1000000007)
huge = 3 ** 100000
print(huge.bit_length(), huge % 10 ** 9, (huge // 3 ** 99990))
f = 1
for i in range(2, 1001):
    f *= i
print(len(str(f)), str(f)[:15], f % (10 ** 9 + 7))
x = 10 ** 3000 + 1
y = x * x
print(y.bit_length(), y % 999983, y // x == x, divmod(y, x)[1])
print(-(2 ** 5000) // 7 % 1000, (2 ** 4000) >> 3990, ((1 << 9000) | 1) & 0xF)
print(int("9" * 4000) % 97, int("1" + "0" * 4000) == 10 ** 4000)
