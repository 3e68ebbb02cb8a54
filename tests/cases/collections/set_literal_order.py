# The iteration order of sets of numbers is CPython's: the same hash table, and
# a display of three or more constants built the way CPython's compiler builds it.
print({7, 15, 5})
print({7, 15})
print(frozenset({float("inf"), 5, 7, 0}))
print({1, 9, 17, 25, 33}, {33, 25, 17, 9, 1})
print({-1, -2, 8, 16, 0.5, 2.5})
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
