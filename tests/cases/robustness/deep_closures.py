def make(n):
    if n == 0:
        return lambda: 0
    inner = make(n - 1)
    return lambda: inner() + 1
print(make(200)())
def nest_defs():
    a = 1
    def f1():
        b = a + 1
        def f2():
            c = b + 1
            def f3():
                d = c + 1
                def f4():
                    return a + b + c + d
                return f4
            return f3
        return f2
    return f1
print(nest_defs()()()()())
