# When __new__ returns an instance of a subclass, the subclass's __init__ runs
# (CPython calls type(obj).__init__); an instance of an unrelated class gets none.
class A:
    def __new__(cls, *args):
        return object.__new__(B) if cls is A else object.__new__(cls)

    def __init__(self, x):
        print("A.__init__", x)


class B(A):
    def __init__(self, x, y):
        print("B.__init__", x, y)


b = A(1, 2)
print(type(b).__name__)
B(3, 4)


class C:
    def __new__(cls):
        return D()

    def __init__(self):
        print("never")


class D:
    def __init__(self):
        print("D.__init__ once")


print(type(C()).__name__)


class E(A):
    pass


class F:
    def __new__(cls, *a):
        return object.__new__(E)


try:
    A.__new__(A)
    F(1)
    print(type(F(5)).__name__)
except TypeError as e:
    print("TypeError", e)
