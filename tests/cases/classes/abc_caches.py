import abc, collections.abc as cabc
from collections.abc import Mapping, Sequence, Iterable, Sized, Hashable
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    @property
    @abc.abstractmethod
    def p(self): ...
print(sorted(A.__abstractmethods__))
try:
    A()
except TypeError as e:
    print(e)
class B(A):
    def f(self): return 1
print(sorted(B.__abstractmethods__))
class C(B):
    p = 3
print(sorted(C.__abstractmethods__), C().f())
class X: pass
A.register(X)
print(isinstance(X(), A), issubclass(X, A), issubclass(X, B))
print(isinstance({}, Mapping), isinstance([], Mapping), isinstance([], Sequence), isinstance(3, Hashable), isinstance([], Hashable))
class L:
    def __len__(self): return 0
print(isinstance(L(), Sized), issubclass(L, Iterable))
tok = abc.get_cache_token()
Sequence.register(L)
print(abc.get_cache_token() - tok, isinstance(L(), Sequence))
try:
    A.register(3)
except TypeError as e: print(e)
try:
    issubclass(3, A)
except TypeError as e: print(e)
class M(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C): return 1
try:
    issubclass(int, M)
except AssertionError as e: print(e)
try:
    X.register = None
    A.register(A)
    print("self register ok")
except Exception as e: print(type(e).__name__, e)
class D(A): pass
try:
    D.register(A)
except RuntimeError as e: print(e)
reg, cache, neg, ver = A._abc_impl and abc._get_dump(A)
print(sorted(r().__name__ for r in reg), type(ver))
abc._reset_caches(A); abc._reset_registry(A)
print(abc._get_dump(A)[:3], issubclass(X, A))
print(type(A._abc_impl).__name__, type(A._abc_impl).__module__)


class Bad(abc.ABC): pass
Bad._abc_impl = 5
try: isinstance(1, Bad)
except TypeError as e: print(e)
import gc, weakref
class Tmp: pass
w = weakref.ref(Tmp)
isinstance(Tmp(), Mapping)
del Tmp; gc.collect()
print(w() is None)
