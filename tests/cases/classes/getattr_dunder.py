class Proxy:
    def __init__(self, target):
        self._target = target
        self.local = "local attr"
    def __getattr__(self, name):
        print("__getattr__", name)
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
print(p.local)
p.append(0)
print(p._target, p.count(1))
class Dynamic:
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: name[4:]
        raise AttributeError(f"no attribute {name!r}")
d = Dynamic()
print(d.get_color(), hasattr(d, "get_x"), hasattr(d, "other"), getattr(d, "other", "default"))
try:
    d.missing
except AttributeError as e:
    print("AttributeError:", e)
