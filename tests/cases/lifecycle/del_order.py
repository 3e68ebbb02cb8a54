# The order in which finalizers run when a container goes: list and tuple
# items last to first, dict values and attributes first to last, a
# function's locals in definition order.
class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
objs = [A(i) for i in range(3)]
del objs
print("--")
t = tuple(A(i) for i in range(3, 6))
t = None
print("--")
d = {i: A(i) for i in range(6, 9)}
d = None
print("--")
def f():
    a = A(10)
    b = A(11)
f()
print("--")
class H: pass
h = H(); h.x = A(12); h.y = A(13)
del h
print("end")
