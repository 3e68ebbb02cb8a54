for i in range(5):
    pass
print("i after loop:", i)
for ch in "abc":
    last = ch
print(last, ch)
total = 0
for a, b in [(1, 2), (3, 4)]:
    total += a * b
print(total, a, b)
funcs = []
for k in range(3):
    funcs.append(lambda: k)
print([f() for f in funcs])
funcs = [lambda k=k: k for k in range(3)]
print([f() for f in funcs])
