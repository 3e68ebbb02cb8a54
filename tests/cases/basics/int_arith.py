a, b = 17, 5
print(a + b, a - b, a * b, a / b)
print(a // b, a % b, a ** b)
print(-a // b, -a % b)
print(a // -b, a % -b)
print(-a // -b, -a % -b)
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, -2 ** 2)
print(10 - 3 - 2, 2 ** 3 ** 2, 100 // 7 // 2)
print(7 * -1, -7 * -1, 0 * -5)
x = 1
for i in range(1, 21):
    x *= i
print(x)
