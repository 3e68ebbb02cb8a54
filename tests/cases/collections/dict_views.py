d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d["d"] = 4
del d["a"]
print(list(k), list(v), list(it), len(k))
print(sorted(k & {"b", "z"}), sorted(k | {"z"}), sorted(k - {"b"}))
print("b" in k, 2 in v, ("c", 3) in it, ("c", 4) in it)
for key, value in d.items():
    print(key, value)
print(list(reversed(d)), list(reversed(d.values())))
