# A descriptor with __set__ but no __get__ is a data descriptor for
# assignment, but reading finds the instance dict first, then the
# descriptor object itself.


class Descr:
    def __init__(self, name):
        self.name = name

    def __set__(self, obj, value):
        print("set", self.name, value)
        obj.__dict__[self.name] = value


descr = Descr("a")


class X:
    a = descr


x = X()
print(x.a is descr)
x.a = 42
print(x.a)
x.__dict__["a"] = 7
print(x.a)
del x.__dict__["a"]
print(x.a is descr)
