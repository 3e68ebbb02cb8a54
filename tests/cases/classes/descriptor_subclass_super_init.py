# Subclasses of classmethod/staticmethod/property may call super().__init__(f) (abc's abstractclassmethod).
class abstractclassmethod(classmethod):
    __isabstractmethod__ = True
    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)
class C:
    @abstractclassmethod
    def foo(cls): return 1
print(C.foo())
class S(staticmethod):
    def __init__(self, f):
        super().__init__(f)
class P(property):
    def __init__(self, f):
        super().__init__(f)
print(S(len), type(P(len)).__name__)
class Q(property):
    def __init__(self, f, note):
        super().__init__(f)
        print("Q note", note)
class K:
    @property
    def plain(self): return 2
    q = Q(lambda self: 3, "n")
print(K().plain, K().q)
for bad in [lambda: staticmethod(), lambda: classmethod(len, len), lambda: property(1, 2, 3, 4, 5)]:
    try: bad()
    except TypeError as e: print(e)
