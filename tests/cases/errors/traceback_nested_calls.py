def a(x):
    b(x + 1)
def b(y):
    c(y * 2)
def c(z):
    if z > 3:
        raise ValueError(f"z too big: {z}")
    print("c ok with", z)
a(0)
a(5)
