# exec and eval with globals that are a dict subclass and locals that are
# any mapping: module-level names go through the mapping's own
# __getitem__/__setitem__/__delitem__ (a defaultdict's __missing__ too),
# globals stay a dict; CPython's TypeErrors for what is not a mapping.
from collections import defaultdict, UserDict

a = defaultdict(float)
a[1] = 2
a[2] = 3
a['print'] = print
exec("x = 3; print(x)", a)
print(sorted(a.keys(), key=lambda k: (str(type(k)), k)))
print(a['x'])
exec("y = undefined_name", a)
print(a['y'], a['undefined_name'])


class Logged(dict):
    def __getitem__(self, key):
        print("get", key)
        return super().__getitem__(key)

    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)


ns = Logged(v=5)
exec("w = v + 1", {}, ns)
print(dict(ns))
print(eval("v * 2", {}, ns))


class Mapping:
    def __init__(self):
        self.data = {"k": 10}

    def __getitem__(self, key):
        return self.data[key]

    def __setitem__(self, key, value):
        self.data[key] = value

    def __delitem__(self, key):
        del self.data[key]


m = Mapping()
exec("k2 = k * 3\ndel k\nlen2 = len([k2])", {}, m)
print(sorted(m.data.items()))
print(eval("k2 + len2", None, m))
u = UserDict(z=7)
exec("q = z + 1", {}, u)
print(sorted(u.items()))
# Functions defined under such globals see the dict subclass's storage.
g = defaultdict(int, base=100)
exec("def f(): return base + 1\nr = f()", g)
print(g['r'])

for call in [
    lambda: exec("1", [1]),
    lambda: exec("1", {}, 1),
    lambda: eval("1", 1),
    lambda: eval("1", Mapping()),
    lambda: eval("1", {}, 1),
]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


class M:
    """Only __getitem__, __setitem__ and keys: what exec asks of locals."""

    def __getitem__(self, key):
        if key == "a":
            return 12
        raise KeyError(key)

    def __setitem__(self, key, value):
        self.results = (key, value)

    def keys(self):
        return list("zyx")


m = M()
g = {}
exec("z = a", g, m)
print(m.results)
try:
    exec("z = b", g, m)
except NameError as e:
    print("NameError:", e)
exec("z = dir()", g, m)
print(m.results)
exec("z = locals()", g, m)
print(m.results[1] is m)
exec("z = globals()", g, m)
print(m.results[1] is g)
