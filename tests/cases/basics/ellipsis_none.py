print(...)
print(Ellipsis, ... is Ellipsis)
print(None, repr(None), str(None))
def stub():
    ...
print(stub())
x = [None, ..., True]
print(x)
