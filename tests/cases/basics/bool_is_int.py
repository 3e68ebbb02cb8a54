print(True + True, True * 3, True / 2, False ** 0)
print(isinstance(True, int), issubclass(bool, int), type(True).__name__)
print(1 == True, 0 == False, 2 == True, hash(1) == hash(True) == hash(1.0))
d = {1: "int"}
d[True] = "bool"
d[1.0] = "float"
print(d)
print(sum([True, True, False]), max(True, 2), str(True), repr(False))
print(True and 5, False or 7, int(True) + int(False))
