def ok():
    return 1

class Fine:
    pass

print(ok())
for i in range(3)
    print(i)
