it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
s = iter("ab")
print(list(s), type(iter([])).__name__)
d = iter({"k": 1, "j": 2})
print(next(d), next(d))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 4)))
r = iter(range(3))
print(iter(r) is r, list(r))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration raised")
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
