s = {1, 2, 3}
s.update([4, 5], {6})
print(s)
s.intersection_update({1, 2, 3, 4, 9})
print(s)
s.difference_update({1})
print(s)
s.symmetric_difference_update({3, 7})
print(s)
c = s.copy()
c.add(0)
print(sorted(s), sorted(c), c is s)
print(s.pop() in {2, 4, 7}, len(s))
s.clear()
print(s, bool(s))
f = frozenset([3, 1, 2])
print(f, f | {4}, f & {1, 9}, frozenset(), type(f | {4}).__name__)
d = {f: "frozen key"}
print(d[frozenset({1, 2, 3})], hash(f) == hash(frozenset([1, 2, 3])))
print({1, 2} == frozenset({1, 2}), {frozenset({1}), frozenset({1})})
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
