def search(grid, target):
    for r, row in enumerate(grid):
        for c, val in enumerate(row):
            if val == target:
                return r, c
    return None
grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(search(grid, 6), search(grid, 10))
found = False
for r in range(3):
    for c in range(3):
        if grid[r][c] == 5:
            found = True
            break
    if found:
        break
print(r, c)
