d = {}
for key in ["zeta", "alpha", "mid", "beta"]:
    d[key] = len(key)
print(d)
d["alpha"] = 0
print(d)
del d["zeta"]
d["zeta"] = 99
print(d)
nested = {"list": [1, {"deep": (2, 3)}], "none": None, 1: "int key", 2.5: "float key", (1, 2): "tuple"}
print(nested)
print(repr({"q": "it's"}), str({1: {2: {}}}))
print({1: "a", 1.0: "b", True: "c"}, {0: "zero", False: "f"})
