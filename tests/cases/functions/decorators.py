def shout(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper() + "!"
    return wrapper
@shout
def greet(name):
    return f"hello {name}"
print(greet("world"))
calls = []
def trace(func):
    def wrapper(*args):
        calls.append((func.__name__, args))
        return func(*args)
    return wrapper
@trace
def add(a, b):
    return a + b
print(add(1, 2), add(3, 4), calls)
print(greet.__name__)
def register(registry):
    def deco(f):
        registry[f.__name__] = f
        return f
    return deco
REG = {}
@register(REG)
def alpha():
    return "a"
print(sorted(REG), REG["alpha"]())
