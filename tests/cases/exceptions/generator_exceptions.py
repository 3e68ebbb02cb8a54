def gen():
    yield 1
    raise ValueError("inside generator")
try:
    for x in gen():
        print("got", x)
except ValueError as e:
    print("caught from generator:", e)
def safe_gen():
    for x in [1, 0, 2]:
        try:
            yield 10 // x
        except ZeroDivisionError:
            yield "div0"
print(list(safe_gen()))
