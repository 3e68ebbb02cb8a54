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
