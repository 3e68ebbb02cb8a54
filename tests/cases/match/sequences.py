# Sequence patterns: lists, tuples, ranges, other sequences; never str/bytes/dict.
import collections

def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one: {a}"
        case [a, b]:
            return f"two: {a} {b}"
        case (a, b, c):
            return f"three: {a} {b} {c}"
        case [first, *middle, last]:
            return f"first {first}, middle {middle}, last {last}"
        case _:
            return "not a sequence"

for v in [[], (), [1], (1,), [1, 2], (1, 2), [1, 2, 3], (1, 2, 3), [1, 2, 3, 4, 5], range(4),
          collections.deque([7, 8]), "ab", "a", b"xy", {"a": 1}, {1, 2}, 5, None]:
    print(repr(v), "->", seq(v))

match [1, 2, 3, 4]:
    case [*init, 4]:
        print("init", init, type(init).__name__)
match (1, 2, 3, 4):
    case (1, *rest):
        print("rest is a list too:", rest)
match [1]:
    case [1, *_]:
        print("star wildcard")
match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print("nested", a, b, c, d)
match 1, 2:
    case x, y:
        print("open tuple", x, y)
match [1, 2, 3]:
    case 1, *others:
        print("open star", others)

class MySeq(collections.abc.Sequence):
    def __init__(self, *items):
        self.items = items
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]

match MySeq(1, 2, 3):
    case [a, *b]:
        print("abc.Sequence:", a, b)

class MyList(list):
    pass

match MyList([5, 6]):
    case [x, y]:
        print("list subclass:", x, y)
