# The iteration order of sets of numbers is CPython's: the same hash table, the same
# merge of one set into another (a copy of its table when the sizes allow), and a display
# of three or more constants built the way CPython's compiler builds it (a folded
# frozenset, rebuilt from its own order, then merged into an empty set).
print({7, 15, 5})
print({7, 15})
print({1, 9, 17, 25, 33})
print({-1, -2, 8, 16, 0.5, 2.5})
print(frozenset({float("inf"), 5, 7, 0}), frozenset({7, 15, 5}), set({1, 9, 17, 25, 33}))
t = set()
t.update({1, 9, 17, 25, 33})
u = {100, 3}
u.update({1, 9, 17, 25, 33})
print(t, u)
for i in range(3):
    print({i, 8 + i, 16 + i, 24 + i, 32 + i})
print({8, 16, 24, 32, 40, 48, 56, 64, 72, 80})
for x in {31, 7, 15, 23}:
    print(x, end=" ")
print()
a, b, c = 7, 15, 5
print({a, b, c}, {7, b, 5})
s = set()
for v in (7, 15, 5):
    s.add(v)
print(s, set([7, 15, 5]), sorted({7, 15, 5}))
print({(1, 2), (3, 4), (5, 6)} == {(5, 6), (3, 4), (1, 2)}, len({None, True, 1, 1.0}))
