# Built-in types expose their data attributes as descriptors in __dict__.
import types

def f(a, b=2):
    return a + b

FT = type(f)
print(FT.__code__, FT.__globals__)
print(type(FT.__code__).__name__, type(FT.__globals__).__name__)
print(types.GetSetDescriptorType is type(FT.__code__))
print(types.MemberDescriptorType is type(FT.__globals__))
print(FT.__code__.__get__(f, FT) is f.__code__)
print(FT.__defaults__.__get__(f) == (2,))
print(FT.__code__.__get__(None, FT) is FT.__code__)
try:
    FT.__code__.__get__(42, int)
except TypeError as e:
    print("TypeError", e)
FT.__defaults__.__set__(f, (10,))
print(f(1))

class S:
    __slots__ = ("x",)
print(isinstance(S.__dict__["x"], types.MemberDescriptorType))
print("__code__" in vars(FT), "__globals__" in dir(FT))
print(types.MethodType.__func__, types.MethodType.__self__)
