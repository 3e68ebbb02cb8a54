# At exit, after the atexit callbacks, objects still reachable from the
# module's globals are finalized, with every global still usable.
import atexit


def show(*a):
    print(*a)


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        show(PREFIX, self.n)


first = A(1)
_private = A(2)
PREFIX = "del"
later = A(3)
in_list = [A(4), A(5)]
in_dict = {"a": A(6)}


class Holder:
    def __init__(self):
        self.child = A(7)


h = Holder()


def gen():
    try:
        yield 1
    finally:
        show("gen closed")


g = gen()
next(g)
atexit.register(show, "atexit ran")
print("end of script")
