# `obj.__dict__ = d` replaces the instance's attributes (also through object.__setattr__
# and with '__dict__' among __slots__); a non-dict is a TypeError.
class A:
    pass


a = A()
a.old = 0
a.__dict__ = {'x': 1}
print(a.x, hasattr(a, 'old'), vars(a))
a.y = 2
print(sorted(a.__dict__.items()))
object.__setattr__(a, '__dict__', {'z': 3})
print(a.z, vars(a))


class B:
    __slots__ = ('s', '__dict__')


b = B()
b.__dict__ = {'q': 4}
b.s = 5
print(b.q, b.s, b.__dict__)
try:
    a.__dict__ = 7
except TypeError as e:
    print('TypeError:', e)
