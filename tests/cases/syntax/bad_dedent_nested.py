def f():
    if True:
            a = 1
        b = 2
    return a
