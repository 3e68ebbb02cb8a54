# [*x] and (*x,) with something that cannot be iterated: CPython's message;
# an error raised while iterating an iterable is kept as it is.
def gen():
    yield 1
    raise TypeError("inside the generator")


for src in ["[*5]", "(*5,)", "[1, *None]", "(*1.5, 2)", "{*5}", "[*gen()]", "[*'ab', *[3]]"]:
    try:
        print(src, eval(src))
    except TypeError as e:
        print(src, "TypeError:", e)
