# Private name mangling: __x inside a class body becomes _Class__x.


class Account:
    __rate = 0.5              # class variable -> _Account__rate

    def __init__(self, owner):
        self.__owner = owner  # attribute -> _Account__owner

    def owner(self):
        return self.__owner

    def __helper(self):       # method name -> _Account__helper
        return "helper"

    def use_helper(self):
        return self.__helper()

    def locals_seen(self):
        __tmp = 1             # local variable mangled too
        return sorted(locals())

    def comp(self):
        return [__i * 2 for __i in range(3)]

    def nested(self):
        def inner():
            return self.__owner.upper()
        return inner()

    def __dunder__(self):     # dunders are never mangled
        return "dunder"


a = Account("ann")
print(a.owner(), a.use_helper(), a.nested(), a.comp())
print(a.locals_seen())
print(sorted(k for k in vars(Account) if "Account" in k or "dunder" in k))
print(sorted(vars(a)))
print(a._Account__owner, Account._Account__rate)
try:
    a.__owner
except AttributeError as e:
    print("AttributeError:", e)


class _Leading:
    __v = 1                   # leading underscores of the class name are stripped


print([k for k in vars(_Leading) if k.endswith("__v")])


class ___:
    __w = 2                   # a class named only with underscores mangles nothing


print([k for k in vars(___) if k.endswith("__w")])


class Outer:
    class __Inner:            # stored as _Outer__Inner, named __Inner
        __deep = 3

    def get(self):
        return self.__Inner


inner = Outer().get()
print(inner.__name__, inner.__qualname__, [k for k in vars(inner) if "deep" in k])


class Imports:
    import os as __os         # the bound name is mangled

    def sep(self):
        return self.__os.sep


print(Imports().sep(), hasattr(Imports, "_Imports__os"))


class Params:
    def f(self, __p, *, __k=5):
        return __p + __k


print(Params.f.__code__.co_varnames, Params.f.__kwdefaults__, Params().f(1))

G = "module"


class Globals:
    def set(self):
        global __g
        __g = "global mangled"


Globals().set()
print(sorted(k for k in globals() if "__g" in k))


class Sub(Account):
    def peek(self):
        try:
            return self.__owner   # _Sub__owner: not the parent's
        except AttributeError as e:
            return "AttributeError: %s" % e


print(Sub("bob").peek())
print(getattr(Account, "_Account__helper").__name__, Account._Account__helper.__qualname__)
