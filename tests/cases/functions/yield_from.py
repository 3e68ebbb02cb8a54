def inner():
    yield 1
    yield 2
    return "inner result"
def outer():
    result = yield from inner()
    print("inner returned", result)
    yield 3
print(list(outer()))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(3))))
def tree(n):
    if n == 0:
        yield "leaf"
        return
    yield f"node{n}"
    yield from tree(n - 1)
    yield from tree(n - 1)
print(list(tree(2)))
def sub():
    x = yield "sub ready"
    while True:
        x = yield f"sub got {x}"
def delegator():
    yield from sub()
d = delegator()
print(next(d), d.send("A"), d.send("B"))
