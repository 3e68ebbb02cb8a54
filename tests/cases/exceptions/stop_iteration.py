it = iter([1, 2])
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.value)
print(next(it, "default"))
def gen():
    yield 1
g = gen()
next(g)
try:
    next(g)
except StopIteration:
    print("generator done")
class It:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration("finished")
print(list(It()))
