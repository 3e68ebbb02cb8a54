def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return f"a={a} b={b} c={c} args={args} d={d} e={e} kw={kw}"
print(f(1, d=4))
print(f(1, 20, 30, 40, 50, d=4, z=26))
print(f(1, c=33, d=44, e=55, extra="x"))
print(f(*[1, 2, 3, 4], **{"d": 0, "q": 1}))
