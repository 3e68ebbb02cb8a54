import itertools
print(list(itertools.chain([1, 2], (3,), "ab")), list(itertools.chain.from_iterable([[1], [2, 3]])))
print(list(itertools.zip_longest("abc", [1], fillvalue="-")), list(itertools.zip_longest([1, 2], "x")))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3, 4], lambda a, b: a * b)))
print(list(itertools.accumulate([3, 1, 4, 1, 5], max)), list(itertools.accumulate([1, 2], initial=100)))
for key, group in itertools.groupby("aaabbcaa"):
    print(key, list(group))
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
print({k: list(g) for k, g in itertools.groupby(words, key=lambda w: w[0])})
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.compress("abcd", [1, 0, 1, 0])))
print(list(itertools.filterfalse(lambda x: x % 2, range(6))), [list(t) for t in itertools.tee([1, 2], 2)])
