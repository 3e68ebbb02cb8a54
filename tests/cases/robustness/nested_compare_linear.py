# Ordering two nested lists compares each level once (it used to cost about
# three times more per level: depth 40 would never finish).
def nest(n, leaf):
    x = [leaf]
    for _ in range(n):
        x = [x]
    return x


for depth in (10, 40, 200):
    a, b = nest(depth, 2), nest(depth, 1)
    print(depth, a > b, a < b, a >= b, a <= b, a == b, a != b, a < a, a <= a)
    c, e = tuple(nest(depth, 2)), tuple(nest(depth, 1))
    print(depth, c > e, c < e, max([b, a]) is a, min([a, b]) is b)
print(sorted([nest(30, 3), nest(30, 1), nest(30, 2)]) == [nest(30, 1), nest(30, 2), nest(30, 3)])
