# A teaching script without an `if __name__ == "__main__":` guard works
# with the default start method (fork, as CPython's on Linux): nothing
# is re-run in the children, and targets need not be importable.
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor

PARENT = os.getpid()
print("top level runs once, start method:", mp.get_start_method())


def square(x):
    return x * x


def report(q, n):
    q.put((n, os.getpid() != PARENT, mp.parent_process().pid == PARENT))


with mp.Pool(2) as pool:
    print("pool:", pool.map(square, range(6)))
    print("pool apply:", pool.apply(square, (7,)))

q = mp.Queue()
ps = [mp.Process(target=report, args=(q, i)) for i in range(3)]
for p in ps:
    p.start()
for p in ps:
    p.join()
print("queue:", sorted(q.get() for _ in range(3)), [p.exitcode for p in ps])

a, b = mp.Pipe()
p = mp.Process(target=lambda conn: conn.send("a lambda target works under fork"), args=(b,))
p.start()
print("pipe:", a.recv())
p.join()

counter = mp.Value('i', 0)
arr = mp.Array('d', 3)
lock = mp.Lock()


def add(i):
    for _ in range(200):
        with lock:
            counter.value += 1
    arr[i] = i * 1.5


ps = [mp.Process(target=add, args=(i,)) for i in range(3)]
for p in ps:
    p.start()
for p in ps:
    p.join()
print("value:", counter.value, "array:", list(arr))

with mp.Manager() as m:
    d = m.dict()
    items = m.list()
    p = mp.Process(target=lambda: (d.__setitem__("k", 42), items.append("x")))
    p.start()
    p.join()
    print("manager:", dict(d), list(items))

with ProcessPoolExecutor(2) as ex:
    print("executor:", list(ex.map(square, range(5))))
print("done in", "parent" if os.getpid() == PARENT else "child")
