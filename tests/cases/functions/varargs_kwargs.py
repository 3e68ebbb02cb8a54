def f(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"
print(f())
print(f(1, 2))
print(f(a=1, b=2))
print(f(1, "x", key=None))
def total(first, *rest):
    return first + sum(rest)
print(total(1), total(1, 2, 3))
def show(**options):
    for k in options:
        print(k, "=", options[k])
show(color="red", size=3, visible=True)
print(type(f.__code__).__name__ if hasattr(f, "__code__") else "code")
