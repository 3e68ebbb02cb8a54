# A built-in function of any module is no descriptor (CPython's builtin_function_or_method
# has no __get__): stored on a class it is never bound, for attribute lookups and for
# special methods alike. Methods of built-in types are bound. A partial is not bound either.
import math
import operator
from functools import partial


class A:
    floor = math.floor
    neg = operator.neg
    length = len
    most = partial(max, 0)


a = A()
print(a.floor(2.5), a.neg(3), a.length([1, 2]), a.most(5), A.most(-1))
print(a.floor is math.floor, A.__dict__['floor'] is math.floor)


def attempt(label, fn):
    try:
        print(label, fn())
    except TypeError as e:
        print(label, 'TypeError:', e)


class F:
    __floor__ = math.floor


attempt('floor', lambda: math.floor(F()))


class N:
    __neg__ = operator.neg


attempt('neg', lambda: -N())


class L:
    __len__ = len


attempt('len', lambda: len(L()))


class I:
    __index__ = operator.index


attempt('index', lambda: operator.index(I()))


class C:
    __call__ = abs


attempt('call', lambda: C()(-4))


class R:
    __repr__ = repr


attempt('repr', lambda: repr(R()))


class Bound(list):
    push = list.append


b = Bound()
b.push(1)
print(b)
