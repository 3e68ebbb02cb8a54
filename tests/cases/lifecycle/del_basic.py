# __del__ runs once, when the last reference goes: a discarded result,
# `del`, rebinding, a function's locals on return, an item removed from a
# container; an exception in it is printed and ignored.
class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


A(1)
print("after 1")
x = A(2)
del x
print("after 2")
y = A(3)
y = A(4)
print("after 3")


def f():
    a = A(5)
    print("in f")


f()
print("after f")
items = [A(6), A(7)]
items.pop()
print("after pop")
d = {"k": A(8)}
d["k"] = None
print("after dict")
del items
print("after del list")


class Chain:
    def __init__(self, n, nxt):
        self.n, self.nxt = n, nxt

    def __del__(self):
        print("chain", self.n)


c = Chain(1, Chain(2, Chain(3, None)))
c = None
print("after chain")

# __del__ is called once even if the object is resurrected.
saved = []


class Phoenix:
    def __del__(self):
        print("phoenix del")
        saved.append(self)


Phoenix()
print("saved", len(saved))
saved.clear()
print("cleared")


# A subclass inherits __del__; a __del__ added to the class later counts too.
class B(A):
    pass


B(9)
print("after B")


class Late:
    pass


Late.__del__ = lambda self: print("late del")
Late()
print("after Late")


class Bad:
    def __del__(self):
        raise ValueError("boom")


Bad()
print("after Bad")
y = None
print("end")
