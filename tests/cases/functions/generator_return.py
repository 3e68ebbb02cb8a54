def gen():
    yield 1
    return "the value"
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration.value =", repr(e.value), e.args)
def empty():
    return
    yield
print(list(empty()))
def stop_inside():
    yield 1
    raise StopIteration("converted")
try:
    list(stop_inside())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
