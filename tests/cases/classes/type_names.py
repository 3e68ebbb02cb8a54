class Foo:
    class Inner:
        pass
print(Foo, Foo.Inner.__name__, type(Foo).__name__, Foo.__module__)
print(type(Foo()) is Foo, type(1), type("s"), type([]), type(None), type(print).__name__)
print(int, str, list, dict, tuple, set, float, bool, object, type)
print(type(len).__name__, type(lambda: 0).__name__, type(Foo.Inner).__name__)
print(repr(Foo).startswith("<class '__main__.Foo'"), str(type(3.5)))
