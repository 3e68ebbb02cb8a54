# Subscripted built-in classes are types.GenericAlias objects, whose type
# modules use as __class_getitem__ (os.PathLike[str]).
import os
import types

print(list[int], dict[str, list[int]], type(list[int]) is types.GenericAlias)
print(list[int].__origin__, list[int].__args__)
print(os.PathLike[str])


class Box:
    __class_getitem__ = classmethod(type(list[int]))


print(Box[int])
import importlib.resources
print(importlib.resources.files.__name__)
