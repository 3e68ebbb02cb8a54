def numbers():
    yield 1
    raise IndexError("generator failed")
for n in numbers():
    print(n)
