for a in range(-3, 4):
    print(a, [(a // b, a % b) for b in (-2, -1, 1, 2)])
print(divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(0, 3))
print(-1 // 10, 1 // -10, -10 // 10, -11 // 10)
