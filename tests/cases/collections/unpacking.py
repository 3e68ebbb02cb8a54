a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = "xyz"
print(a, b)
a, *b, c = range(5)
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
(a, b), (c, *d) = (1, 2), (3, 4, 5)
print(a, b, c, d)
for i, (x, y) in enumerate([(1, 2), (3, 4)]):
    print(i, x, y)
first, second = {"k1": 1, "k2": 2}
print(first, second)
print([*range(3), *"ab", *(9,)], {*[1, 2], *[2, 3]}, (*[1], 2))
def f(a, b, c, d):
    return a + b + c + d
print(f(*[1, 2], *(3,), 4), f(1, *[2, 3], d=10))
print({**{"a": 1}, "b": 2, **{"c": 3}})
[p, [q, r]] = [1, [2, 3]]
print(p, q, r)
