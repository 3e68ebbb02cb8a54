def a(n):
    if n == 0:
        raise ValueError("deep")
    return b(n - 1)
def b(n):
    return a(n)
a(10)
