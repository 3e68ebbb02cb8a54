# Run:     gilt scripts/experiments/exp01_sleep_threads.py      (add --timeline to see it)
# Observe: 10 waits of 0.2 s take 2 s one after another but ~0.2 s in threads:
#          sleep releases the GIL, so waiting threads overlap even with the GIL on.
import sys
import threading
import time

N = 4 if sys.argv[1:] == ["small"] else 10
WAIT = 0.2


def task():
    time.sleep(WAIT)


t0 = time.perf_counter()
for _ in range(N):
    task()
seq = time.perf_counter() - t0

t0 = time.perf_counter()
threads = [threading.Thread(target=task) for _ in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
par = time.perf_counter() - t0
print(f"{N} sleeps of {WAIT} s: sequential {seq:.2f} s, {N} threads {par:.2f} s")
print(f"RESULT speedup {seq / par:.1f}x (ideal {N}x)")
