x = 41
print(x + 1)