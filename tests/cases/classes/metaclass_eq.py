# A metaclass's rich comparisons decide `==` and `!=` between its classes.
class Meta(type):
    def __eq__(self, other):
        print("Meta.__eq__", self.__name__, getattr(other, "__name__", other))
        return type(self) is type(other) and self.tag == other.tag

    def __lt__(self, other):
        return self.__name__ < other.__name__

    __hash__ = type.__hash__


A = Meta("A", (), {"tag": 1})
B = Meta("B", (), {"tag": 1})
C = Meta("C", (), {"tag": 2})
print(A == B, A != B, A == C, A != C)
print(A == 5, 5 == A)
print(A < C, C < A)
print(sorted([C, A, B], key=lambda c: c.__name__) == [A, B, C])
print(int == int, int == str, [A] == [B])
