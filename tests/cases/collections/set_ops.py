a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a > {1, 9})
print({1, 2}.issubset(a), a.issuperset([1, 2]), a.isdisjoint({7, 8}), a.isdisjoint(b))
s = set()
s.add(3)
s.add(1)
s.add(3)
s.add(2)
print(s, len(s), 2 in s, 7 in s)
s.discard(7)
s.remove(1)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
print(set([5, 1, 5, 3, 1]), set(range(7, -1, -1)), {0, 7, 3, 5, 1})
print(a.union([9], (8,)), a.intersection({1, 2}, {2, 3}))
print(set(), type({}).__name__, type(set()).__name__)
