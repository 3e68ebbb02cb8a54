# Two threads store into one instance's attributes through the same sites
# (with the GIL off, at the same time): no value is lost or torn, and a
# reader only ever sees values that were stored.
import threading

N = 20000


class Box:
    def __init__(self):
        self.a = 0
        self.b = 0
        self.shared = (0, 0)


box = Box()
start = threading.Barrier(2)
bad = []


def worker(name):
    start.wait()
    for i in range(1, N + 1):
        setattr(box, name, i)
        box.shared = (i, i)
        s = box.shared
        if s[0] != s[1]:
            bad.append(s)
    # Add a new attribute per thread while the other may be storing.
    setattr(box, name + "_done", getattr(box, name))


ts = [threading.Thread(target=worker, args=(n,)) for n in ("a", "b")]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(box.a, box.b, box.a_done, box.b_done, box.shared, bad)
print(sorted(vars(box)))
