a = [5, 3, 8]
print(list(reversed(a)), a[::-1], sorted(a), a)
print([x for x in a if x > 4], any(x > 7 for x in a), all(a))
print(list(enumerate(a, 1)), list(zip(a, "abc")), dict(enumerate("xy")))
print(a * 0, [None] * 2, [[]] * 2, len([[]] * 2))
a[1:2] = [1, 2, 3]
print(a, a.index(8), a[-1])
print(str([1.0, "s", None]), repr([True]))
