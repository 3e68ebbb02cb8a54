# Lock and RLock acquire() with odd timeouts (NaN, negative, huge), and
# Thread.join with a NaN or huge timeout: CPython's errors, no false deadlock.
import threading

lock = threading.Lock()
rlock = threading.RLock()
values = [float("nan"), -2, -1.5, -1, -0.5, 0, 0.001, 1e100, float("inf"),
          float("-inf"), 1e10, 9.3e9, "x", True]
for lk in (lock, rlock):
    for t in values:
        try:
            r = lk.acquire(timeout=t)
            print(type(lk).__name__, repr(t), r)
            if r:
                lk.release()
        except Exception as e:
            print(type(lk).__name__, repr(t), type(e).__name__, e)
    for t in (float("nan"), -2, 1e100, 0.5):
        try:
            print(lk.acquire(False, t))
        except Exception as e:
            print("non-blocking", repr(t), type(e).__name__, e)

lock.acquire()
for t in (0, 0.01):
    print("held", t, lock.acquire(timeout=t))
lock.release()

done = threading.Event()
th = threading.Thread(target=done.wait)
th.start()
for t in (float("nan"), 1e100, -5):
    try:
        th.join(t)
        print("join", repr(t), "returned, alive:", th.is_alive())
    except Exception as e:
        print("join", repr(t), type(e).__name__, e)
done.set()
th.join(1e9)
print("joined, alive:", th.is_alive())

import time
for t in (10 ** 10, -10 ** 20, 10 ** 400, float("inf"), float("nan"), -1):
    for f in (time.sleep, lambda t: threading.Lock().acquire(timeout=t)):
        try:
            f(t)
        except Exception as e:
            print("seconds", type(e).__name__, e)
