# Run:     gilt scripts/experiments/exp08_pool_vs_threads.py
# Observe: CPU work split over 2 threads is no faster with the GIL on; a Pool of 2 processes
#          (each with its own interpreter and GIL) uses both cores.
import multiprocessing
import sys
import threading
import time

N = 4_000_000 if sys.argv[1:] == ["small"] else 20_000_000
PARTS = 4


def work(n):
    total = 0
    while n > 0:
        total += n % 7
        n -= 1
    return total


if __name__ == "__main__":
    t0 = time.perf_counter()
    seq = [work(N // PARTS) for _ in range(PARTS)]
    t_seq = time.perf_counter() - t0

    t0 = time.perf_counter()
    out = [0] * PARTS

    def run(i):
        out[i] = work(N // PARTS)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(PARTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    t_threads = time.perf_counter() - t0

    t0 = time.perf_counter()
    with multiprocessing.Pool(2) as pool:
        pooled = pool.map(work, [N // PARTS] * PARTS)
    t_pool = time.perf_counter() - t0
    assert seq == out == pooled
    print(f"sequential {t_seq:.2f} s, 2+ threads {t_threads:.2f} s, Pool(2) {t_pool:.2f} s")
    print(f"RESULT {t_seq:.3f} {t_threads:.3f} {t_pool:.3f}")
