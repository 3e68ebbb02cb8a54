def worker():
    try:
        while True:
            try:
                x = yield
                print("processing", x)
            except ValueError as e:
                print("handled inside:", e)
                yield "recovered"
    finally:
        print("cleanup")
w = worker()
next(w)
w.send(1)
print(w.throw(ValueError("bad value")))
next(w)
w.close()
print("closed")
def gen2():
    yield 1
    yield 2
g = gen2()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated KeyError", e)
print(next(g, "exhausted after throw"))
def catcher():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
c = catcher()
next(c)
c.close()
c.close()
print("double close ok")
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError:", e)
