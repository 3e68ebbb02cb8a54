# typing.TypedDict (its metaclass's __call__ is the class dict) and
# types.SimpleNamespace.
from typing import TypedDict
import types, sys

class Point(TypedDict):
    x: int
    y: int

p = Point(x=1, y=2)
print(p, type(p).__name__, Point.__required_keys__ == {"x", "y"})
ns = types.SimpleNamespace(a=1, b="two")
print(ns, ns.a, ns == types.SimpleNamespace(b="two", a=1))
ns.c = [3]
del ns.a
print(ns, type(sys.implementation) is types.SimpleNamespace)
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print("TypeError", e)
