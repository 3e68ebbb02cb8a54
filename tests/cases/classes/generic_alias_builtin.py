# PEP 585: list[int] and friends are types.GenericAlias objects.
import types
from typing import TypeVar

T = TypeVar("T")
a = list[int]
print(a, repr(dict[str, list[int]]), tuple[()], tuple[int, ...])
print(type(a) is types.GenericAlias, a.__origin__, a.__args__, a.__parameters__)
print(list[int] == list[int], list[int] == list[str], hash(list[int]) == hash(list[int]))
print(a([1, 2]), a.append is list.append)
g = dict[str, T]
print(g.__parameters__, g[int], list[T][float])
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError", e)
try:
    list[int][int]
except TypeError as e:
    print("TypeError", e)

class MyList(list[int]):
    pass

print(MyList.__bases__, MyList.__orig_bases__)
print(list[int] | None, int | list[str])
print(*tuple[int, str])
print(type(type[int]), type[int])
