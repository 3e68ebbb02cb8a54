import itertools
print(list(itertools.islice(itertools.count(), 5)), list(itertools.islice(itertools.count(10, 5), 4)))
print(list(itertools.islice(itertools.count(1.5, 0.5), 3)))
print(list(itertools.islice(itertools.cycle("abc"), 7)), list(itertools.repeat("x", 3)))
print(list(itertools.islice(range(20), 2, 12, 3)), list(itertools.islice("abcdef", 2)))
print(list(zip(itertools.count(1), "xyz")), list(map(pow, range(4), itertools.repeat(2))))
