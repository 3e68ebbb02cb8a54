def apply_twice(f, x):
    return f(f(x))
print(apply_twice(lambda v: v * 3, 2))
def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run
pipeline = compose(str, abs, lambda v: v - 10)
print(repr(pipeline(3)))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
print({name: op(3, 4) for name, op in ops.items()})
from functools import reduce
print(reduce(lambda a, b: a * b, range(1, 6)), list(map(str.upper, ["a", "b"])))
print(list(map(pow, [2, 3], [3, 2])), list(filter(None, [0, 1, "", "x", [], [0]])))
