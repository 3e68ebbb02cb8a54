class P:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("__eq__ called")
        if not isinstance(other, P):
            return NotImplemented
        return self.v == other.v
print(P(1) != P(1))
print(P(1) != P(2))
print(P(1) == 1)
print(1 == P(1))
print([P(3)] == [P(3)], P(2) in [P(1), P(2)])
