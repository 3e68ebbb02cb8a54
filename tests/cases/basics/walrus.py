data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
values = iter(data)
total = 0
while (v := next(values, None)) is not None:
    total += v
print(total)
squares = [y for x in data if (y := x * x) > 10]
print(squares, y)
print((z := 5) + z)
def f():
    if (m := max(data)) > 5:
        return m
print(f())
