import functools
def power(base, exp):
    return base ** exp
square = functools.partial(power, exp=2)
two_to = functools.partial(power, 2)
print(square(5), two_to(10), square.func.__name__, square.keywords, two_to.args)
print(functools.reduce(lambda a, b: a + b, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, [1, 2, 3], 10))
print(functools.reduce(max, [3, 9, 2]), functools.reduce(lambda acc, c: c + acc, "abc", ""))
try:
    functools.reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)
int_base2 = functools.partial(int, base=2)
print(int_base2("1010"), list(map(functools.partial(max, 5), [1, 7, 3])))
