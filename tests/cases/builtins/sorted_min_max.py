data = [("pear", 3), ("apple", 7), ("fig", 3), ("kiwi", 1)]
print(sorted(data), sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True))
print(min(data, key=lambda t: t[1]), max(data, key=lambda t: t[1]), max(data, key=lambda t: len(t[0])))
print(min(3, 1, 2), max("abc", "abd"), max([], default=None), min([], default="empty"))
print(max([1, 5, 5, 2], key=lambda x: -x), min("hello"), max((1, 2), (1, 3)))
print(sorted({"b": 1, "a": 2}.items()), sorted([3, 1, 2], key=None), max(3, 9, key=lambda v: -v))
print(min([4, 2, 8], default=0), max(range(10), key=lambda n: n % 7))
