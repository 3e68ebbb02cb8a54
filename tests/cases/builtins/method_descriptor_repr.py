# Methods of built-in types looked up on the type: method descriptors and
# slot wrappers; looked up on an instance: built-in methods.
print(repr(list.append))
print(repr(str.upper), repr(dict.get), repr(set.add))
print(repr(str.__add__), repr(int.__add__), repr(list.__len__))
print(repr(list.__getitem__), repr(dict.__contains__))
print(repr([].append).split(" at ")[0])
print(repr("x".upper).split(" at ")[0])
print(repr(len), repr(print))
