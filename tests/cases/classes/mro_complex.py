class O: pass
class F(O): pass
class E(O): pass
class D(O): pass
class C(D, F): pass
class B(D, E): pass
class A(B, C): pass
print([k.__name__ for k in A.__mro__])
print([k.__name__ for k in B.__mro__])
print([k.__name__ for k in C.__mro__])
try:
    class X(O, F):
        pass
except TypeError as e:
    print("TypeError:", e)
class Mixin:
    def hello(self):
        return "mixin hello from " + type(self).__name__
class Base:
    def hello(self):
        return "base hello"
class Combined(Mixin, Base):
    pass
print(Combined().hello())
