# Nothing close enough: no suggestion.
def f():
    alpha = 1
    return zzzzzz


f()
