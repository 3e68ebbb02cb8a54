def countdown(n):
    print("starting")
    while n > 0:
        yield n
        n -= 1
    print("done")
g = countdown(3)
print(type(g).__name__)
print(next(g))
print(next(g))
print(list(g))
try:
    next(g)
except StopIteration:
    print("exhausted")
def squares(limit):
    for i in range(limit):
        yield i * i
print(list(squares(5)), sum(squares(4)), max(squares(6)))
for v in squares(3):
    print("got", v)
gen = squares(2)
print(list(gen), list(gen))
