def f(n):
    for i in range(n):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            g = [j * 2 for j in range(i)]
        finally:
            h = [k for k in range(i)]
            print(i, (lambda: i + 1)(), h)
            def inner(): return i * 10
            print(inner())
            class C:
                v = i
            print(C.v)
    try:
        return (lambda: "ret")()
    finally:
        print({x: x for x in "ab"}, sum(x for x in range(4)))
print(f(5))
try:
    try:
        raise ValueError("boom")
    finally:
        print([y for y in range(2)])
except ValueError as e:
    print(type(e).__name__, e)
class K((lambda: object)()):
    pass
print(K.__name__)
# try/except/else with functions in both the handler and the else branch:
# the symbol table must visit them in the order the code is generated.
def lookup(x):
    try:
        v = {"a": 1}[x]
    except KeyError:
        def describe():
            return "missing " + x
    else:
        def describe():
            return f"found {v}"
        class Found:
            value = [v * i for i in range(3)]
        print(Found.value)
    return describe()
print(lookup("a"), lookup("b"))
