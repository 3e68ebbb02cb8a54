for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > i:
            break
        print(i, j)
result = []
i = 0
while i < 10:
    i += 1
    if i in (3, 6):
        continue
    result.append(i)
    if len(result) == 5:
        break
print(result)
