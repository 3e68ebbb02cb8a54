for x in (-2, 0, 3):
    print(x, "neg" if x < 0 else "zero" if x == 0 else "pos")
a = 10
b = a if a > 5 else 0
print(b)
print([i if i % 2 else -i for i in range(6)])
f = (lambda v: "even" if v % 2 == 0 else "odd")
print(f(3), f(4))
print(1 if [] else 2, "x" if "0" else "y")
