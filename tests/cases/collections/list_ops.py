a = [1, 2]
b = [3]
print(a + b, a * 3, [0] * 0, 2 * b, a == [1, 2], a != b, a < b, [1, 2] < [1, 2, 0])
print(len(a + b), 2 in a, [2] in [a, [2]], [[1, 2], [3]].count([3]))
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid)
a += b
a *= 2
print(a)
print(list(), list("abc"), list(range(3)), list((1, 2)), list({"k": 1}))
print(max([3, 7, 2]), min([3, 7, 2]), sum([3, 7, 2]))
