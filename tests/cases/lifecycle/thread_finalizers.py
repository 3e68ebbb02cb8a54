# Finalizers run in the thread that dropped the object, at its next safe
# point; a generator abandoned by a thread releases the lock it held.
import threading

ran_in = []


class Tracked:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        ran_in.append((self.tag, threading.current_thread().name))


lock = threading.Lock()


def holder():
    with lock:
        yield 1


def worker(tag):
    Tracked(tag)
    x = Tracked(tag + "-var")
    x = None
    g = holder()
    next(g)
    g = None
    # The lock was released when the generator was dropped above.
    with lock:
        pass


threads = [threading.Thread(target=worker, args=("t%d" % i,), name="w%d" % i) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for tag, name in sorted(ran_in):
    print(tag, name)
print("lock held:", lock.locked())


# Many threads each dropping many objects: every finalizer runs once.
count = []


class Counted:
    def __del__(self):
        count.append(1)


def churn():
    for _ in range(500):
        Counted()


threads = [threading.Thread(target=churn) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("finalized", len(count))
