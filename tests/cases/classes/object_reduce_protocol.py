# object.__reduce_ex__, __reduce__, __getstate__ and __subclasshook__.
import copy, copyreg, pickle, _thread

class P:
    def __init__(self, x):
        self.x = x

p = P(3)
r = p.__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1] == (P,), r[2], r[3], r[4])
print(p.__getstate__(), object().__getstate__() if hasattr(object(), "__getstate__") else None)
print(P.__reduce_ex__ is object.__reduce_ex__)
q = copy.copy(p)
print(type(q).__name__, q.x, q is not p)

class Slotted:
    __slots__ = ("a", "b")
s = Slotted()
s.a = 1
print(s.__getstate__())

class L(list):
    pass
l = L([1, 2])
r = l.__reduce_ex__(2)
print(r[1] == (L,), list(r[3]))

class Custom:
    def __reduce__(self):
        return (Custom, ())
print(Custom().__reduce_ex__(2) == (Custom, ()))

class NewArgs(int):
    def __getnewargs__(self):
        return (int(self),)
r = NewArgs(7).__reduce_ex__(4)
print(r[1] == (NewArgs, 7))

print(object.__subclasshook__(int))
try:
    pickle.dumps(_thread.allocate_lock())
except TypeError as e:
    print("TypeError", e)
try:
    _thread.allocate_lock().__reduce_ex__(2)
except TypeError as e:
    print("TypeError", e)
print(pickle.loads(pickle.dumps(p)).x)
