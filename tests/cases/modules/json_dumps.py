import json
data = {"name": "gilt", "version": 1.5, "tags": ["a", "b"], "active": True, "parent": None, "n": 3}
print(json.dumps(data))
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=2))
print(json.dumps([1, [2, {"x": []}], {}], indent=4))
print(json.dumps("héllo \"quoted\"\n"), json.dumps("héllo", ensure_ascii=False))
print(json.dumps({"b": 1, "a": 2}, separators=(",", ":")), json.dumps({1: "int key", 2.5: "f"}))
print(json.dumps(1e20), json.dumps(0.1), json.dumps(10 ** 20), json.dumps((1, 2)), json.dumps(float("inf")))
try:
    json.dumps({1, 2})
except TypeError as e:
    print("TypeError:", e)
