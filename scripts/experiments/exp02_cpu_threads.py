# Run:     gilt compare scripts/experiments/exp02_cpu_threads.py
# Observe: with the GIL on, 2 threads counting down are no faster than 1 (speedup ~1x, and
#          lots of GIL waiting); with --gil off they run on 2 cores (speedup up to ~2x).
import sys
import threading
import time

N = 6_000_000 if sys.argv[1:] == ["small"] else 20_000_000


def countdown(n):
    while n > 0:
        n -= 1


def timed(nthreads):
    start = time.perf_counter()
    threads = [threading.Thread(target=countdown, args=(N // nthreads,)) for _ in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


one = timed(1)
two = timed(2)
gil = "on" if sys._is_gil_enabled() else "off"
print(f"GIL {gil}: 1 thread {one:.2f} s, 2 threads {two:.2f} s")
print(f"RESULT speedup {one / two:.2f}x")
