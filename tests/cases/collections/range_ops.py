r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[2:4], r[::-1])
print(range(5), range(0, 5), range(10, 0, -2), list(range(10, 0, -2)))
print(5 in r, 8 in r, r.index(11), r.count(5), list(range(0)), len(range(-5)))
print(range(0, 10, 2) == range(0, 10, 2), range(0) == range(5, 5), list(reversed(range(4))))
print(sum(range(101)), max(range(7)), list(range(-3, 3)), range(1, 10)[3:7])
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError:", e)
