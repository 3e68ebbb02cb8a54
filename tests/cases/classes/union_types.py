# X | Y on types (PEP 604): types.UnionType
import types
import typing

u = int | None
print(u, repr(u), type(u), type(u) is types.UnionType, types.UnionType)
print(u.__args__, (int | str | float).__args__, (int | str) | (bytes | int))
print(int | int, (int | int) is int, str | str | None, None | int)
print(int | str == str | int, int | str == int | float, (int | str) != (str | int), hash(int | str) == hash(str | int))
print({int | str: 1}[str | int])
class A: pass
class B(A): pass
print(A | B, B | None | A)
for v in [1, 'a', None, 2.5, B()]:
    print(repr(v) if not isinstance(v, A) else 'B()', isinstance(v, int | str), isinstance(v, int | None), isinstance(v, A | float))
print(issubclass(bool, int | str), issubclass(B, A | None), issubclass(float, int | str))
print(isinstance(True, (str, int | None)))
for bad in [lambda: int | 3, lambda: 'x' | int, lambda: int | 'str', lambda: isinstance(1, 3), lambda: issubclass(int, 3)]:
    try:
        print(bad())
    except TypeError as e:
        print('TypeError', e)
print(typing.Union[int, str] == int | str, int | str == typing.Union[int, str])
print(typing.get_args(int | str), typing.get_origin(int | None) is types.UnionType)
print(typing.Union[int | str, None], typing.Optional[int | str] == (int | str | None))
class Ann:
    x: int | None
print(Ann.__annotations__)
class M(type): pass
class C(metaclass=M): pass
print(C | None, None | C)
