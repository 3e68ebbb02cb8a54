"""Sequence unpacking: tuples and lists of two and three, swaps, star targets, nested targets, for-loop targets."""


def run(n):
    a, b, c = 1, 2, 3
    total = 0
    pairs = [(i, i + 1) for i in range(100)]
    lst = [7, 8, 9]
    for i in range(n):
        a, b = b, a
        a, b, c = c, a, b
        x, y, z = lst
        first, *rest = lst
        (p, q), r = (i, a), b
        for u, v in pairs[:10]:
            total += u - v
        total += a + b + c + x + y + z + first + len(rest) + p + q + r
    return total


print("unpacking", run(250000))
