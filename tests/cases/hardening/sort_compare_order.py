# Found by the differential fuzzer (issue 10's "more of the same kind"):
# list.sort and sorted() make CPython's comparisons in CPython's order, so
# a mixed-type list fails with the same TypeError and a user __lt__ sees the
# same calls.
def show(items, **kw):
    x = list(items)
    try:
        x.sort(**kw)
        print("sorted:", x)
    except TypeError as e:
        print("TypeError:", e)
    try:
        print("sorted():", sorted(items, **kw))
    except TypeError as e:
        print("sorted() TypeError:", e)


show(['  pad ', 0.0, 2, 10], reverse=True)
show(['  pad ', 0.0, 2, 10])
show([3, 1.5, "a", None, 2])
show([None, 1])
show([1, 2, 3, "x"])
show([5, 4, 3, b"x", 1])
show([2, 1], key=lambda v: [v, "k"] if v == 1 else [v, 0])
calls = []


class V:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        calls.append((self.n, other.n))
        return self.n < other.n

    def __repr__(self):
        return f"V({self.n})"


for data in ([3, 1, 2], [1, 2, 3, 0], [5, 4, 3, 9, 1, 7], list(range(20, 0, -3)) + [4, 4, 8]):
    calls.clear()
    print(sorted(V(n) for n in data), calls)
    calls.clear()
    print(sorted((V(n) for n in data), reverse=True), calls)
