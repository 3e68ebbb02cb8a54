class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(5)))
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter(range(0, self.n, 2))
r = Range2(7)
print(list(r), list(r), sum(r), 4 in r, sorted(r, reverse=True))
a, b, *rest = Range2(10)
print(a, b, rest)
class GetItemOnly:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return "item%d" % i
print(list(GetItemOnly()), "item1" in GetItemOnly())
