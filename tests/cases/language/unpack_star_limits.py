# Starred assignment: what cannot be iterated is "cannot unpack
# non-iterable", what raises while iterating keeps its error, and CPython's
# compile-time limit of 255 targets before the star.
for src in ["a, *b = 7", "*a, b = None", "[a, *b] = 1.5"]:
    try:
        exec(src)
    except TypeError as e:
        print("TypeError:", e)


class Bad:
    def __iter__(self):
        raise TypeError("my own")


try:
    a, *b = Bad()
except TypeError as e:
    print("TypeError:", e)

for n in [255, 256, 257]:
    s = ", ".join("a%d" % i for i in range(n)) + ", *rest = range(%d)" % (n + 1)
    try:
        ns = {}
        exec(compile(s, "test", "exec"), ns)
        print(n, "ok", ns["rest"])
    except SyntaxError as e:
        print(n, "SyntaxError:", e.msg, e.lineno)
