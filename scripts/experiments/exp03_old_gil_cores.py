# Run:     gilt --switch ticks=100 --stats scripts/experiments/exp03_old_gil_cores.py
#     and: gilt --switch ticks=100 --stats --cpus 1 scripts/experiments/exp03_old_gil_cores.py
# Observe: Python 2's GIL (release+re-request every 100 ticks) on 2 cores: the releaser wins
#          back the lock almost every time (few hand-offs, many wasted wake-ups); on 1 core
#          the threads take turns fairly. Compare "ticks: ... let another thread in".
import sys
import threading
import time

N = 3_000_000 if sys.argv[1:] == ["small"] else 20_000_000
done = {}


def countdown(name, n):
    t0 = time.perf_counter()
    while n > 0:
        n -= 1
    done[name] = time.perf_counter() - t0


start = time.perf_counter()
threads = [threading.Thread(target=countdown, args=(f"T{i}", N // 2)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
total = time.perf_counter() - start
print(f"2 threads, {N} iterations in all: {total:.2f} s")
print(f"finish times: " + ", ".join(f"{k} {v:.2f} s" for k, v in sorted(done.items())))
print(f"RESULT total {total:.3f}")
