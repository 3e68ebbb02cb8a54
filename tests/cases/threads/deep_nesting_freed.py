# Freeing very deeply nested data in a thread (smaller stack than the main
# thread) must not overflow the stack: lists, tuples, dicts and a linked
# chain of instances, each a million or more levels deep.
import threading


class Node:
    def __init__(self, next):
        self.next = next


def build_and_free():
    x = []
    for _ in range(2_000_000):
        x = [x]
    del x
    print("list freed")
    t = ()
    for _ in range(1_000_000):
        t = (t,)
    del t
    print("tuple freed")
    d = {}
    for _ in range(1_000_000):
        d = {"d": d}
    del d
    print("dict freed")
    n = None
    for _ in range(1_000_000):
        n = Node(n)
    n = None
    print("chain freed")


th = threading.Thread(target=build_and_free)
th.start()
th.join()
print("done")
