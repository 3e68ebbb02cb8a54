# Values sent to other processes keep their shape, as pickle keeps it:
# shared references stay shared (x is y), cycles survive (a list that
# contains itself, a tree whose nodes point at their parents), too-deep
# nesting raises RecursionError in the caller, unpicklable values raise
# pickle's errors, and none of this stops the pool from serving.
import multiprocessing as mp
import threading


class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)


def same(x):
    return x


def describe(tree):
    kids = tree.children
    return (tree.name, [k.name for k in kids], all(k.parent is tree for k in kids),
            kids[0].children[0].parent.parent is tree)


def shared_check(pair):
    a, b = pair
    return a is b, len(a)


def distinct(xs):
    return len(xs), len({id(x) for x in xs})


def self_ref(l):
    return l[0] is l, len(l)


def deep(n):
    r = []
    for _ in range(n):
        r = [r]
    return r


def depth(x):
    n = 0
    while x:
        x = x[0]
        n += 1
    return n


def make_lock():
    return threading.Lock()


def outer():
    def inner():
        pass
    return inner


def main():
    root = Node("root")
    a = Node("a", root)
    Node("b", root)
    Node("a1", a)
    shared = [1, 2, 3]
    loop = [0]
    loop.append(loop)
    loop[0] = loop
    with mp.Pool(2) as pool:
        print("tree in child:", pool.apply(describe, (root,)))
        back = pool.apply(same, (root,))
        print("tree back:", back.name, [c.name for c in back.children],
              back.children[0].parent is back, back.children[0].children[0].parent.parent is back)
        print("shared in child:", pool.apply(shared_check, ((shared, shared),)))
        x, y = pool.apply(same, ((shared, shared),))
        print("shared back:", x is y, x == shared)
        print("self-containing list in child:", pool.apply(self_ref, (loop,)))
        r = pool.apply(same, (loop,))
        print("self-containing list back:", r[0] is r, r[1] is r)
        d = {}
        d["me"] = d
        t = pool.apply(same, (d,))
        print("dict back:", t["me"] is t)
        print("map over trees:", pool.map(describe, [root, root]))
        text, blob = "y" * 100, b"z" * 100
        print("one string sent 50 times:", pool.apply(distinct, ([text] * 50,)),
              pool.apply(distinct, ([blob] * 50,)))
        print("depth 200:", pool.apply(depth, (deep(200),)))
        for label, args in [("deep", (deep(100_000),)), ("lambda", (lambda: 1,)),
                            ("local", (outer(),)), ("lock", (threading.Lock(),))]:
            try:
                pool.apply(same, args)
                print(label, "sent")
            except Exception as e:
                print(label, type(e).__name__, str(e).split(" at 0x")[0])
        try:
            pool.apply(make_lock)
        except Exception as e:
            print("result", type(e).__module__, type(e).__name__, e.exc)
        try:
            pool.map(same, [1, threading.Lock(), 3])
        except Exception as e:
            print("map", type(e).__name__, str(e))
        print("still serving:", pool.map(same, range(5)))
    q = mp.Queue()
    q.put(root)
    q.put(loop)
    got = q.get(timeout=5)
    print("queue tree:", got.children[0].parent is got)
    got = q.get(timeout=5)
    print("queue loop:", got[0] is got)


if __name__ == "__main__":
    main()
