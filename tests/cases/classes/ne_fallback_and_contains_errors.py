# `a != b` when a class has no __ne__: object.__ne__ inverts that object's
# own __eq__ and never calls the other side's __eq__ (CPython's order of
# calls); `x in obj` passes on what obj.__iter__ raises unless it is a
# TypeError; a starred generic alias survives copy and pickle.
import copy
import pickle

calls = []


class Left:
    def __eq__(self, other):
        calls.append("Left.__eq__")
        return NotImplemented


class Right:
    def __eq__(self, other):
        calls.append("Right.__eq__")
        return NotImplemented

    def __ne__(self, other):
        calls.append("Right.__ne__")
        return NotImplemented


print(Left() != Right(), calls)
calls.clear()


class Base:
    def __eq__(self, other):
        calls.append("Base.__eq__")
        return NotImplemented


class Derived(Base):
    def __eq__(self, other):
        calls.append("Derived.__eq__")
        return NotImplemented

    def __ne__(self, other):
        calls.append("Derived.__ne__")
        return NotImplemented


print(Base() != Derived(), calls)
calls.clear()


class EqOnly:
    def __eq__(self, other):
        calls.append("EqOnly.__eq__")
        return True


print(EqOnly() != EqOnly(), Left() != EqOnly(), calls)


class BadIter:
    def __iter__(self):
        raise ZeroDivisionError("from __iter__")


class TypeErrIter:
    def __iter__(self):
        raise TypeError("inner")


for obj in [BadIter(), TypeErrIter(), 5]:
    try:
        3 in obj
    except Exception as e:
        print(type(e).__name__, e)

for alias in [*tuple[int], *tuple[int, str]]:
    print(alias, copy.copy(alias) == alias, copy.deepcopy(alias) == alias)
    print(pickle.loads(pickle.dumps(alias)) == alias)
it = iter(tuple[int])
print(type(it).__name__, next(it), list(it))
