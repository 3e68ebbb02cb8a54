def f(a, b, c=3, *, d):
    pass
tests = [
    lambda: f(1, d=0),
    lambda: f(1, 2, 3, 4, d=0),
    lambda: f(1, 2),
    lambda: f(1, 2, d=0, z=9),
    lambda: f(1, 2, a=5, d=0),
    lambda: f(),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
def g(x):
    pass
for call in [lambda: g(), lambda: g(1, 2), lambda: g(y=1)]:
    try:
        call()
    except TypeError as e:
        print(e)
def h():
    pass
try:
    h(1)
except TypeError as e:
    print(e)
