# Classes made and dropped in a loop: a new class allocated where a freed
# one lived must not get the freed class's cached method.
bad = 0
for i in range(3000):
    C = type("C", (), {"f": (lambda i: lambda self: i)(i)})
    if C().f() != i:
        bad += 1
    D = type("D", (C,), {})
    if D().f() != i:
        bad += 1
    del C, D
print("wrong methods:", bad)


def make(i):
    class K:
        def get(self):
            return i
    return K


print(sum(make(i)().get() == i for i in range(3000)))
