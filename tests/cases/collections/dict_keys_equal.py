d = {}
d[1] = "one"
d[1.0] = "float one"
d[True] = "true"
print(d, len(d))
d[(1, 2)] = "tuple"
print(d[(1, 2)], (1, 2) in d, [1, 2] == list((1, 2)))
try:
    d[[1, 2]] = "list"
except TypeError as e:
    print("TypeError:", e)
try:
    {1, [2]}
except TypeError as e:
    print("TypeError:", e)
print({"a": 1} == {"a": 1.0}, {1: "x"} == {True: "x"})
