# list.sort() empties the list while it sorts and raises
# "ValueError: list modified during sort" if anyone changed it meanwhile,
# keeping the sorted original items (what was added is dropped), as CPython.
import threading

l = [3, 1, 2]
seen = []

def key_append(x):
    seen.append(len(l))
    l.append(0)
    return x

try:
    l.sort(key=key_append)
except ValueError as e:
    print("ValueError:", e)
print(l, seen)

l = [5, 4, 6]

def key_raises(x):
    l.append(99)
    if x == 6:
        raise KeyError(x)
    return x

try:
    l.sort(key=key_raises)
except KeyError as e:
    print("KeyError:", e)
print(l)

l = [2, 1]
l.sort(key=lambda x: (l.clear(), x)[1])
print("clear during sort:", l)

# Another thread appends while the sort runs (ordered with Events).
shared = [9, 7, 8, 1]
started = threading.Event()
appended = threading.Event()

def appender():
    started.wait()
    shared.append(100)
    appended.set()

t = threading.Thread(target=appender)
t.start()

def key_wait(x):
    if not started.is_set():
        started.set()
        appended.wait()
    return x

try:
    shared.sort(key=key_wait)
    print("no error")
except ValueError as e:
    print("ValueError:", e)
t.join()
print(shared)
shared.sort(reverse=True)
print(shared)
