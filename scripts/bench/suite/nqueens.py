"""N-queens: all solutions by permutations filtered with sets, and a count by backtracking."""


def permutations(items):
    if len(items) <= 1:
        yield tuple(items)
        return
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield (x,) + rest


def queens_sets(n):
    cols = range(n)
    return [vec for vec in permutations(list(cols))
            if n == len(set(vec[i] + i for i in cols)) == len(set(vec[i] - i for i in cols))]


def queens_count(n, row=0, cols=0, d1=0, d2=0):
    if row == n:
        return 1
    total = 0
    for c in range(n):
        a, b = 1 << (row + c), 1 << (row - c + n)
        if not (cols >> c) & 1 and not d1 & a and not d2 & b:
            total += queens_count(n, row + 1, cols | (1 << c), d1 | a, d2 | b)
    return total


sols = queens_sets(8)
print("nqueens", len(sols), sols[0], sols[-1], queens_count(9))
