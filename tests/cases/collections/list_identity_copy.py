a = [[1, 2], [3]]
b = a
c = a[:]
d = list(a)
a[0].append(99)
a.append([4])
print(a, b, c, d, sep="\n")
print(a is b, a is c, a[0] is c[0])
