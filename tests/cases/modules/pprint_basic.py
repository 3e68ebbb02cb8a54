from pprint import pprint, pformat
data = {"name": "gilt", "numbers": list(range(30)), "nested": {"z": [1, 2, 3], "a": ("x", "y"), "m": {"deep": ["alpha" * 5, "beta" * 6, "gamma" * 4]}}, "b": 1}
pprint(data)
pprint(data, width=40)
pprint([{"id": i, "tags": ["t%d" % j for j in range(i)]} for i in range(6)], width=50)
print(pformat({"b": 2, "a": 1}))
pprint(list(range(40)))
pprint(((1, 2), [3, (4,)], {}), width=10)
pprint({"k": "v"}, sort_dicts=False)
