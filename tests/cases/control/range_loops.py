print([i for i in range(10, 0, -3)])
total = 0
for i in range(1, 101):
    total += i
print(total)
for i in range(3, 0, -1):
    print("countdown", i)
s = 0
for i in range(0, 100, 7):
    s += i
print(s)
