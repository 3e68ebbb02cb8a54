# Issue 10, finding 2: slice bounds come from __index__ methods that change
# the list being sliced. CPython reads the bounds first and resolves them
# against the length the list has afterwards; gilt used to resolve them
# against the old length and panicked.
import array


class Clears:
    """An index that empties (or shrinks) its container when asked."""

    def __init__(self, seq, value, keep=0):
        self.seq, self.value, self.keep = seq, value, keep

    def __index__(self):
        del self.seq[self.keep:]
        return self.value


def show(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)


def assign(seq, a, b, step, new):
    seq[slice(a, b, step)] = new
    return seq


def delete(seq, a, b, step):
    del seq[slice(a, b, step)]
    return seq


for keep in (0, 3):
    l = list(range(10))
    show(f"l[2:8] = ... keep={keep}", lambda: assign(l, Clears(l, 2, keep), Clears(l, 8, keep), None, [7, 7, 7]))
    l = list(range(10))
    show(f"l[1:9:2] = ... keep={keep}", lambda: assign(l, Clears(l, 1, keep), Clears(l, 9, keep), 2, [1, 2, 3, 4]))
    l = list(range(10))
    show(f"l[1:9:2] = [] keep={keep}", lambda: assign(l, Clears(l, 1, keep), 9, 2, []))
    l = list(range(10))
    show(f"del l[2:8] keep={keep}", lambda: delete(l, Clears(l, 2, keep), Clears(l, 8, keep), None))
    l = list(range(10))
    show(f"del l[1:9:2] keep={keep}", lambda: delete(l, Clears(l, 1, keep), 9, 2))
    l = list(range(10))
    show(f"del l[::-1] keep={keep}", lambda: delete(l, None, None, Clears(l, -1, keep)))
    l = list(range(10))
    show(f"l[1:9] keep={keep}", lambda: l[Clears(l, 1, keep):Clears(l, 9, keep)])
    l = list(range(10))
    show(f"l[Clears] keep={keep}", lambda: l[Clears(l, 5, keep)])

    a = array.array("i", range(10))
    show(f"array a[2:8] keep={keep}", lambda: a[Clears(a, 2, keep):Clears(a, 8, keep)].tolist())
    a = array.array("i", range(10))
    show(f"array a[1:9:2] = ... keep={keep}",
         lambda: assign(a, Clears(a, 1, keep), 9, 2, array.array("i", [5, 5, 5, 5])).tolist())
    a = array.array("i", range(10))
    show(f"array del a[1:9:2] keep={keep}", lambda: delete(a, Clears(a, 1, keep), 9, 2).tolist())
    a = array.array("i", range(10))
    show(f"array a[i] keep={keep}", lambda: a[Clears(a, 5, keep)])
    b = bytearray(range(10))
    show(f"bytearray b[2:8] = ... keep={keep}", lambda: bytes(assign(b, Clears(b, 2, keep), 8, None, b"xy")))
    if keep == 0:
        # (With items left, CPython's in-place deletion loop gives a result
        # that depends on its memmove arithmetic; not compared.)
        b = bytearray(range(10))
        show(f"bytearray del b[1:9:2] keep={keep}", lambda: bytes(delete(b, Clears(b, 1, keep), 9, 2)))
