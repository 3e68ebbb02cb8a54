# Reprs of subclasses of the built-in containers, as CPython shows them.
class S(set):
    pass


class F(frozenset):
    pass


class D(dict):
    pass


class L(list):
    pass


class T(tuple):
    pass


print(repr(S({1})), repr(S()), str(S({2})))
print(repr(F({1})), repr(F()), repr(F([3])))
print(repr(D(a=1)), repr(L([1, 2])), repr(T((1,))))
print([S({5})], {"k": F({6})})


class Named(set):
    def __repr__(self):
        return "Named!"


print(repr(Named({1})), S({1}) == {1})
