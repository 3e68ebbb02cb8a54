def f(a, b, c=0, *rest, **kw):
    return a, b, c, rest, kw
args = (1, 2)
kwargs = {"c": 3, "x": 9}
print(f(*args))
print(f(*args, **kwargs))
print(f(*range(6)))
print(f(**{"a": 1, "b": 2}))
print(f(0, *[1], **{"y": 1}, z=2))
print(max(*[3, 8, 1]), print(*[], end=""))
