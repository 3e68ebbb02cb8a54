print(3 in [1, 2, 3], 4 not in [1, 2, 3])
print("ell" in "hello", "" in "abc", "x" in "abc")
d = {"a": 1, "b": 2}
print("a" in d, 1 in d, 1 in d.values(), ("a", 1) in d.items())
print(5 in range(10), 10 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print(2 in {1, 2, 3}, (1, 2) in [(1, 2)], [1] in [[1], [2]])
print(1.0 in [1, 2], True in [1], None in [0, False])
