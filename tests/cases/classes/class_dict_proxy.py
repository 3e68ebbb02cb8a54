# cls.__dict__ is a read-only mappingproxy; types.MappingProxyType.
import types

class A:
    x = 1
    def m(self):
        return 2

d = A.__dict__
print(type(d) is types.MappingProxyType, type(d).__name__)
print(d["x"], "m" in d, d.get("nope", 0), sorted(k for k in d if not k.startswith("__")))
try:
    d["y"] = 2
except TypeError as e:
    print("TypeError", e)
mp = types.MappingProxyType({"a": 1})
print(mp, len(mp), list(mp.items()), mp | {"b": 2}, mp == {"a": 1})
try:
    types.MappingProxyType([1])
except TypeError as e:
    print("TypeError", e)
print(type(vars(A)).__name__, vars(A)["x"])
print(type(A.__dict__["m"]).__name__)

class N:
    def __new__(cls):
        return super().__new__(cls)
print(type(N.__dict__["__new__"]).__name__, N.__dict__["__new__"].__func__.__name__, type(N()).__name__)
