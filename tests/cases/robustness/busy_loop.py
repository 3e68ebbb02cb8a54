count = 0
total = 0
while True:
    count += 1
    total += count % 7
    if count >= 300_000:
        break
print(count, total)
i = 0
for i in range(200_000):
    pass
print(i)
