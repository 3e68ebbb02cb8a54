counter = 0
def increment():
    global counter
    counter += 1
increment()
increment()
print(counter)
def outer():
    n = 0
    def inner():
        nonlocal n
        n += 10
        return n
    inner()
    inner()
    return n
print(outer())
def make():
    global created
    created = "made in function"
make()
print(created)
x = "global x"
def shadow():
    x = "local x"
    return x
print(shadow(), x)
def read_global():
    return x.upper()
print(read_global())
def level1():
    a = 1
    def level2():
        def level3():
            nonlocal a
            a += 100
        level3()
    level2()
    return a
print(level1())
