a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, type(None).__name__)
x = None
print(x is None, x is not None)
print(True is True, (1 == 1) is True)
def f():
    pass
print(f() is None)
t = ()
print(t is (), type(t) is tuple)
