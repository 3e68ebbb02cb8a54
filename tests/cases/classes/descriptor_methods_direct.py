# The descriptor methods of property, classmethod and staticmethod called
# directly, and a property's docstring taken from its getter.


class E:
    def getter(self):
        "getter method"
        return 0

    def setter(self, value):
        "setter method"
        self.stored = value

    def deleter(self):
        self.stored = None

    prop = property(getter)
    prop2 = property(fset=setter)
    full = property(getter, setter, deleter, "full doc")


print(E.prop.__doc__, E.prop2.__doc__, E.full.__doc__)
e = E()
E.full.__set__(e, 5)
print(e.stored)
E.full.__delete__(e)
print(e.stored)
for f in (lambda: E.prop.__set__(e, 1), lambda: E.prop.__delete__(e)):
    try:
        f()
    except AttributeError as ex:
        print("AttributeError:", ex)


class C:
    @classmethod
    def cm(cls):
        return cls.__name__

    @staticmethod
    def sm(x):
        return x * 2


class D(C):
    pass


cm = C.__dict__["cm"]
print(cm.__get__(None, D)(), cm.__get__(D())(), C.__dict__["sm"].__get__(None, C)(21))
