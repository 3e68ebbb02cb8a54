def repeat(times):
    def decorator(func):
        def wrapper(*args, **kwargs):
            return [func(*args, **kwargs) for _ in range(times)]
        return wrapper
    return decorator
@repeat(3)
def roll(x):
    return x * 2
print(roll(4))
def tag(name):
    def deco(f):
        return lambda *a: f"<{name}>{f(*a)}</{name}>"
    return deco
@tag("b")
@tag("i")
def text(s):
    return s
print(text("hi"))
def log_order(label):
    print("creating", label)
    def deco(f):
        print("applying", label)
        return f
    return deco
@log_order("outer")
@log_order("inner")
def target():
    return "target called"
print(target())
