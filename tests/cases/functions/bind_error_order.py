def f(a, /, b, *, c): pass
def g(a, b=1): pass
def h(a, /): pass
def k(*, x): pass
tests = [lambda: f(1, 2, 3, c=1), lambda: f(a=1, b=2, c=3), lambda: f(1, a=2, b=2, c=3), lambda: g(1, 2, 3, a=1),
 lambda: g(1, 2, 3, zz=1), lambda: h(a=1, zz=2), lambda: h(zz=2, a=1), lambda: h(1, 2, a=1), lambda: k(1, x=2), lambda: k(1, 2, y=2),
 lambda: g(1, 2, 3), lambda: f(1, 2, 3, 4, c=5), lambda: g(b=1), lambda: k(), lambda: g(1, b=2, b2=3)]
for t in tests:
    try: t()
    except TypeError as e: print(e)
x = 3.5
for s in ['f"{x:d}"', 'f"a{x!r:>{10}}b{x:q}"', 'f"{x:{\'d\'}}"', '(f"{1}"\n f"{x:d}")']:
    try: eval(s)
    except ValueError as e: print(e)
