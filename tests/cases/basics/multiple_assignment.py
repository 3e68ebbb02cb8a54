a = b = c = 0
a += 1
print(a, b, c)
x = y = []
x.append(1)
print(x, y)
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = "xyz"
print(a, b, c)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, n] = [10, 20]
print(m, n)
i = j = 5
i, j = j + 1, i + 1
print(i, j)
lst = [0, 0, 0]
k = 0
k, lst[k] = 1, 9
print(k, lst)
