d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "b" in d)
print(d.setdefault("a", 100), d.setdefault("n", []), d)
print(d.pop("n"), d.pop("missing", "default"), d)
print(d.popitem(), d)
d.update({"x": 9}, y=8)
d.update([("z", 7)])
print(d)
del d["x"]
print(d, list(d))
print(dict(a=1, b=2), dict([("k", "v")]), dict(zip("abc", range(3))), dict({"m": 1}, n=2))
print(dict.fromkeys(["x", "y"]), dict.fromkeys("ab", 0), {}.get("k", "none"))
e = d.copy()
e["new"] = 1
print(len(d), len(e))
d.clear()
print(d)
