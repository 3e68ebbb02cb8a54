t = (1, 2, 3, 2)
print(t, t[0], t[-1], t[1:3], t[::-1], len(t), t.count(2), t.index(3))
print((1,), (), tuple([1, 2]), tuple("ab"), (1, 2) + (3,), (0,) * 3)
print((1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 5), (1, "a") < (1, "b"))
single = 5,
print(single, type(single).__name__)
d = {(1, 2): "pair", (): "empty"}
print(d[(1, 2)], d[()], hash((1, 2)) == hash((1, 2)))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], list(nested))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
a, b = (1, 2)
print(a + b)
