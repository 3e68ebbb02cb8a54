import functools
@functools.total_ordering
class Grade:
    order = "FDCBA"
    def __init__(self, letter):
        self.letter = letter
    def __eq__(self, other):
        return self.letter == other.letter
    def __lt__(self, other):
        return self.order.index(self.letter) < self.order.index(other.letter)
    def __repr__(self):
        return f"Grade({self.letter!r})"
a, b = Grade("A"), Grade("C")
print(a > b, a >= b, a <= b, a < b, a == Grade("A"), a != b)
print(sorted([Grade("B"), Grade("F"), Grade("A"), Grade("C")]), max(Grade("D"), Grade("B")))
