print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(5))), list(reversed((1, 2))))
r = reversed([1, 2])
print(type(r).__name__, next(r), list(r))
print(list(reversed({"a": 1, "b": 2})), "".join(reversed("stressed")))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
