# C.__bases__ = (...): the MRO of C and of its subclasses is recomputed,
# conflicts raise TypeError and leave the class as it was.
class A:
    def who(self):
        return 'A'


class B:
    def who(self):
        return 'B'

    def only_b(self):
        return 'only B'


class C(A):
    pass


class D(C):
    pass


def names(cls):
    return [k.__name__ for k in cls.__mro__]


d = D()
print(d.who(), names(D))
C.__bases__ = (B,)
print(d.who(), d.only_b(), names(C), names(D), C.__bases__ == (B,))
print(issubclass(D, B), issubclass(D, A), isinstance(d, B))
C.__bases__ = (A, B)
print(d.who(), names(D))
print(sorted(k.__name__ for k in B.__subclasses__()), [k.__name__ for k in A.__subclasses__()])


class X(A, B):
    pass


class L(list):
    pass


class S:
    __slots__ = ('a',)


def attempt(cls, value):
    try:
        cls.__bases__ = value
        print('ok', names(cls))
    except TypeError as e:
        print('TypeError:', e)


attempt(C, [A])
attempt(C, ())
attempt(C, (1,))
attempt(C, (D,))
attempt(C, (C,))
attempt(C, (L,))
attempt(C, (S,))
attempt(C, (B, X))
attempt(int, (object,))
attempt(C, (object,))
print(names(C), names(D))
try:
    del C.__bases__
except TypeError as e:
    print('TypeError:', e)


# A metaclass's mro() is called, at creation and on assignment.
class Meta(type):
    def mro(cls):
        print('mro of', cls.__name__)
        return type.mro(cls)


class P(metaclass=Meta):
    pass


class Q(P):
    pass


class R(P):
    pass


print('assign')
Q.__bases__ = (R,)
print(names(Q))


class Reverse(type):
    def mro(cls):
        return [cls] + list(reversed(type.mro(cls)[1:]))


class Base1:
    x = 1


class Base2:
    x = 2


class Both(Base1, Base2, metaclass=Reverse):
    pass


print(names(Both), Both.x)


class Bad(type):
    def mro(cls):
        if cls.__name__ == 'Y' and getattr(cls, 'fail', False):
            raise ValueError('mro refused')
        return type.mro(cls)


class YBase:
    pass


class Y(YBase, metaclass=Bad):
    pass


class Z(Y):
    pass


Y.fail = True
try:
    Y.__bases__ = (A,)
except ValueError as e:
    print('ValueError:', e, Y.__bases__, names(Z))
