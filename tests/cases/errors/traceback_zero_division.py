def ratio(a, b):
    print("ratio of", a, "and", b)
    a / b
ratio(1, 2)
ratio(1, 0)
