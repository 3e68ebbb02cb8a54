keys = ["x", "y", "z"]
vals = [1, 2, 3]
d = dict(zip(keys, vals))
print(d)
inverse = {v: k for k, v in d.items()}
print(inverse)
for idx, key in enumerate(sorted(d, reverse=True)):
    print(idx, key, d[key])
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [sum(col) for col in zip(*matrix)])
