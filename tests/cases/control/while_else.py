n = 0
while n < 3:
    print("n =", n)
    n += 1
else:
    print("loop finished normally")
n = 0
while True:
    n += 1
    if n == 4:
        break
else:
    print("not printed")
print("broke at", n)
count = 10
while count > 0:
    count -= 3
    if count == 4:
        continue
    print("count", count)
while False:
    pass
else:
    print("else of a loop that never ran")
