# A method of a built-in type stored in a class binds (method_descriptor), a plain
# built-in function does not; slot wrappers and their bound forms have CPython's types.
class L(list):
    write = list.append
    add_all = list.extend


l = L()
l.write(1)
l.add_all([2, 3])
print(l)


class D(dict):
    fk = dict.fromkeys


print(D.fk([1, 2]), type(D.fk([1, 2])).__name__, D().fk([3]))


class S(str):
    mt = str.maketrans


print(S.mt('a', 'b'), S('x').mt('c', 'd'), 'q'.maketrans({'a': None}))
try:
    str.maketrans()
except TypeError as e:
    print(e)


class O:
    init = object.__init__


print(O().init())


class I(int):
    add = int.__add__


print(I(3).add(4))


class NotAList:
    app = list.append


try:
    NotAList().app
except TypeError as e:
    print(e)


class A:
    f = len


print(A().f('abc'), A.f is len)
print(type(list.append).__name__, type(int.__add__).__name__, type([].append).__name__, type((1).__add__).__name__)
print(list.append, int.__add__, object.__init__)
print(repr([].append).startswith('<built-in method append of list object at 0x'))
print(repr((1).__add__).startswith("<method-wrapper '__add__' of int object at 0x"))
b = list.append.__get__([])
b(5)
print(b.__self__)
print(list.append.__get__(None, list) is list.append)
print(list.append.__objclass__, int.__add__.__objclass__)
print(list.append.__name__, list.append.__qualname__, int.__add__.__qualname__, len.__qualname__)
try:
    list.append.__get__(1)
except TypeError as e:
    print(e)
import types
print(types.MethodDescriptorType is type(str.join), types.BuiltinMethodType is type([].append))
print(isinstance([].append, types.MethodType), isinstance(len, types.BuiltinFunctionType))
