# A file opened for writing and never closed is flushed and closed when its
# last reference goes: on return from a function, on `del`, on rebinding.
import os

BASE = "/tmp/gilt_lifecycle_drop_%d_" % os.getpid()
SIZES = [("small", 6), ("100k", 100 * 1024), ("1m", 1024 * 1024), ("odd", 65536 * 3 + 17)]


def write_text(path, n):
    f = open(path, "w")
    f.write(("x" * 63 + "\n") * (n // 64) + "y" * (n % 64))


def write_binary(path, n):
    open(path, "wb").write(bytes(range(256)) * (n // 256) + b"z" * (n % 256))


def size(path):
    with open(path, "rb") as f:
        return len(f.read())


paths = []
for name, n in SIZES:
    p = BASE + name + ".txt"
    write_text(p, n)
    print("text", name, n, size(p))
    p2 = BASE + name + ".bin"
    write_binary(p2, n)
    print("binary", name, n, size(p2))
    paths += [p, p2]

# Dropped by `del` and by rebinding the variable.
p = BASE + "del.txt"
f = open(p, "w")
f.write("hello\n")
del f
print("del:", repr(open(p).read()))
p2 = BASE + "rebind.txt"
g = open(p2, "a")
g.write("one\n" * 1000)
g = None
print("rebind:", size(p2))
# A file in a list that is dropped.
p3 = BASE + "list.txt"
holder = [open(p3, "w")]
holder[0].write("in a list\n")
holder.clear()
print("list:", repr(open(p3).read()))
# A file written by a thread and dropped there.
import threading
p4 = BASE + "thread.txt"
def worker():
    f = open(p4, "w")
    f.write("t" * 70000)
t = threading.Thread(target=worker)
t.start()
t.join()
print("thread:", size(p4))
for q in paths + [p, p2, p3, p4]:
    os.remove(q)
print("done")
