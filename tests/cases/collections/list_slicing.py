a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[::3], a[::-1], a[8:2:-2], a[-2:-8:-3])
print(a[100:], a[-100:2], a[5:2])
b = a[:]
b[2:5] = ["x"]
print(b)
b[1:1] = ["ins1", "ins2"]
print(b)
b[:] = [0, 1, 2, 3, 4, 5]
b[::2] = ["e0", "e2", "e4"]
print(b)
del b[::2]
print(b)
c = list(range(8))
del c[1:3]
del c[-1]
print(c)
c[len(c):] = [100, 101]
print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
d = [1, 2, 3]
d[-1:] = []
print(d)
