# The iteration order of sets of numbers is CPython's: the same hash table, and
# a display of three or four constants built the way CPython's compiler builds it
# (a folded frozenset, rebuilt from its own order).
print({7, 15, 5})
print({7, 15})
print({31, 7, 15, 23}, {8, 16, 24, 0})
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
