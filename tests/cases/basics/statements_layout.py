a = 1; b = 2; c = a + b
print(a, b, c)
total = 1 + \
    2 + \
    3
print(total)
items = [
    1,
    2,   # a comment inside brackets

    3,
]
print(items)
if a: print("one-line if")
for i in range(2): print("loop", i)
while False: pass
def g(): return "inline def"
print(g())
s = ("implicit "
     "concatenation")
print(s)
# comment at the end
