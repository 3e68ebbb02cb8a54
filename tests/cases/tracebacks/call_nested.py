# Calls across functions: each frame marks the call that was running.
def inner(x):
    return x * None


def middle(x):
    value = inner(x) + 1
    return value


def outer():
    return [middle(n) for n in range(3)]


total = sum(outer())  # the whole call is marked: a comment follows it
