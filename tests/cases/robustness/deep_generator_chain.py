def leaf():
    yield "leaf"
    return 1
def wrap(n):
    if n == 0:
        result = yield from leaf()
        return result
    result = yield from wrap(n - 1)
    return result + 1
gen = wrap(200)
print(list(gen))
def run():
    g = wrap(200)
    try:
        while True:
            next(g)
    except StopIteration as e:
        return e.value
print(run())
def chain_gens(n):
    g = iter(range(5))
    for _ in range(n):
        g = (x + 1 for x in g)
    return list(g)
print(chain_gens(300))
