# 8 threads each abandon 2,000 generators suspended inside `with lock:`,
# drop 2,000 objects with __del__ and weakly referenced with a callback:
# every finalizer and callback runs exactly once and the lock ends free.
import threading, weakref
lock = threading.Lock()
n_del = [0]
count_lock = threading.Lock()
class D:
    def __del__(self):
        with count_lock:
            n_del[0] += 1
def holder():
    with lock:
        yield 1
cbs = []
def work():
    for i in range(2000):
        g = holder()
        next(g)
        g = None
        with lock:
            pass
        d = D()
        r = weakref.ref(d, cbs.append)
        d = None
ts = [threading.Thread(target=work) for _ in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print(n_del[0], len(cbs), lock.locked())
