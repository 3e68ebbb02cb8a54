# return in an except* block
def f():
    try:
        pass
    except* ValueError:
        return 1
