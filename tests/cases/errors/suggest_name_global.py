# A misspelt global in a function; case differences cost less.
Counter = 10


def show():
    print(counter)


show()
