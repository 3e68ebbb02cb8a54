# Special methods that are not functions are bound through their __get__ (or called
# as they are when they have none), as CPython's slot functions do.
import functools


class A:
    __len__ = staticmethod(lambda: 5)
    __eq__ = classmethod(lambda cls, o: cls.__name__ == 'A')
    __getitem__ = functools.partialmethod(lambda self, i, j: (i, j), 7)
    __hash__ = None


print(len(A()), A() == 1, A()[3])


class Callable:
    def __call__(self, *a):
        return ('called', len(a))


class B:
    __iter__ = Callable()
    __repr__ = Callable()


try:
    iter(B())
except TypeError as e:
    print(type(e).__name__, e)


class G:
    def __get__(self, obj, cls):
        return lambda: iter([1, 2])


class C2:
    __iter__ = G()
    __len__ = len


print(list(C2()))
try:
    print(len(C2()))
except TypeError as e:
    print(type(e).__name__, e)


class CM:
    __enter__ = staticmethod(lambda: 'entered')
    __exit__ = staticmethod(lambda *a: None)


with CM() as x:
    print(x)


class CL:
    __call__ = staticmethod(lambda *a: a)


print(CL()(1, 2))


class R:
    __repr__ = staticmethod(lambda: 'static repr')
    __str__ = classmethod(lambda cls: 'str of ' + cls.__name__)


print(repr(R()), str(R()))


class PP:
    __add__ = functools.partialmethod(lambda self, o, k: (o, k), k=3)
    __neg__ = classmethod(lambda cls: cls.__name__)
    __bool__ = staticmethod(lambda: False)


print(PP() + 1, -PP(), bool(PP()))


class Cls:
    __index__ = int  # a class is no descriptor: int() is called without the instance


print([10, 20][Cls()])
