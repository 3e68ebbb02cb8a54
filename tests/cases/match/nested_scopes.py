# match in functions, closures, class bodies, generators, nested matches.
def outer(v):
    def inner():
        match v:
            case [x, y]:
                return x + y
        return None
    return inner()

print(outer([1, 2]), outer(3))

def make():
    match (1, 2):
        case (a, b):
            pass
    return lambda: (a, b)

print(make()())

class Config:
    match {"debug": True}:
        case {"debug": flag}:
            DEBUG = flag
    print("class body bound", flag)

print(Config.DEBUG, Config.flag)

def gen(items):
    for it in items:
        match it:
            case int(n):
                yield n * 10
            case [*subs]:
                yield from gen(subs)

print(list(gen([1, [2, [3]], 4])))

def tree(t):
    match t:
        case (left, right):
            match left, right:
                case int(), int():
                    return "two leaves"
                case _:
                    return f"node({tree(left)}, {tree(right)})"
        case _:
            return "leaf"

print(tree(((1, 2), 3)))

def total(n):
    match n:
        case 0:
            return 0
        case _:
            return n + total(n - 1)

print(total(100))

def with_try(x):
    try:
        match x:
            case {"div": (a, b)}:
                return a / b
    except ZeroDivisionError:
        return "division by zero"

print(with_try({"div": (1, 2)}), with_try({"div": (1, 0)}), with_try({}))
