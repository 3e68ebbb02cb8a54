print({3, 1, 2}, {5, 4, 3, 2, 1, 0}, set(range(9, -1, -1)))
print({7, 0, 3}, {2, 2, 1}, {1, 2} | {0}, {4, 5, 6} - {5})
s = set()
for x in [6, 2, 9, 4, 0, 7]:
    s.add(x)
print(s, sorted(s, reverse=True))
print(frozenset({2, 1}), {True, 0, 1}, {0.0, 1})
