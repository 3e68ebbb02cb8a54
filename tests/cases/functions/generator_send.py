def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
g = accumulator()
print(next(g))
print(g.send(10))
print(g.send(5))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
def echo():
    received = []
    x = yield "ready"
    while x != "stop":
        received.append(x)
        x = yield f"got {x}"
    yield received
e = echo()
print(e.send(None), e.send("a"), e.send("b"), e.send("stop"))
try:
    accumulator().send(1)
except TypeError as err:
    print("TypeError:", err)
