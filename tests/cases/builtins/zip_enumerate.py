names = ["a", "b", "c"]
ages = [1, 2]
print(list(zip(names, ages)), list(zip(names, ages, "xyz")), list(zip()), list(zip("ab")))
print(list(enumerate(names)), list(enumerate(names, start=1)), list(enumerate("xy", 10)))
for i, (n, a) in enumerate(zip(names, ages), 1):
    print(i, n, a)
pairs = [(1, "one"), (2, "two")]
nums, words = zip(*pairs)
print(nums, words, dict(zip(words, nums)))
z = zip([1, 2], [3, 4])
print(next(z), list(z), list(z))
