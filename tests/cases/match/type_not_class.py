f = len
match 1:
    case f():
        pass
