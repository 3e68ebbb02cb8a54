"""Generators: pipelines of generator functions, yield from, generator expressions, send."""


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares(it):
    for x in it:
        yield x * x


def chain(*its):
    for it in its:
        yield from it


def accumulator():
    total = 0
    while True:
        x = yield total
        total += x


def tree(depth):
    if depth:
        yield from tree(depth - 1)
        yield depth
        yield from tree(depth - 1)


total = 0
for _ in range(3):
    total += sum(squares(evens(count(200000))))
    total += sum(x for x in chain(range(50000), count(50000)) if x & 1)
    acc = accumulator()
    next(acc)
    for i in range(50000):
        total += acc.send(i) & 0xFF
    total += sum(tree(14))
print("generators", total)
