# object.__reduce_ex__ looks `__getnewargs_ex__`/`__getnewargs__` up on the
# type (an instance's `__getattr__` is not asked); a weakref proxy pickles
# and copies as its referent.
import copy
import pickle
import weakref


class BadGetattr:
    def __getattr__(self, key):
        return self.foo          # would recurse without end


x = BadGetattr()
for proto in range(2, 6):
    print(proto, len(pickle.dumps(x, proto)), type(pickle.loads(pickle.dumps(x, proto))).__name__)
print(x.__reduce_ex__(2)[1:])


class WithArgs(int):
    def __getnewargs__(self):
        print("getnewargs called")
        return (int(self) + 1,)


print(pickle.loads(pickle.dumps(WithArgs(4), 2)))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


p = Point(1, 2)
proxy = weakref.proxy(p)
print(proxy.__class__ is Point, isinstance(proxy, Point), type(proxy).__name__)
for proto in range(6):
    q = pickle.loads(pickle.dumps(proxy, proto))
    print(proto, type(q).__name__, q.__dict__)
print(copy.copy(proxy).__dict__, copy.deepcopy(proxy).__dict__)
