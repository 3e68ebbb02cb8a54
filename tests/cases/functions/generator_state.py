def gen():
    yield "a"
    yield "b"
g = gen()
print(list(zip(g, range(5))))
g2 = gen()
print(next(g2), [x for x in g2])
def infinite():
    n = 0
    while True:
        n += 1
        yield n
inf = infinite()
print([next(inf) for _ in range(5)])
for x in inf:
    if x > 8:
        break
print(next(inf))
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
for x in gen_with_finally():
    print(x)
    break
print("after break")
