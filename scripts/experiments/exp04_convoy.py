# Run:     gilt scripts/experiments/exp04_convoy.py           (or: gilt --switch-interval 20 --timeline ...)
# Observe: a thread that wakes every 1 ms gets back in quickly when alone, but beside a
#          CPU-bound thread it waits up to one switch interval per wake-up (the convoy effect).
import sys
import threading
import time

WAKES = 30 if sys.argv[1:] == ["small"] else 100
INTERVALS = [0.001, 0.005, 0.020]


def ticker(lat):
    for _ in range(WAKES):
        t0 = time.perf_counter()
        time.sleep(0.001)
        lat.append(time.perf_counter() - t0 - 0.001)


def median_delay(with_cpu_thread):
    stop = [False]

    def spinner():
        n = 0
        while not stop[0]:
            n += 1

    lat = []
    s = threading.Thread(target=spinner)
    if with_cpu_thread:
        s.start()
    t = threading.Thread(target=ticker, args=(lat,))
    t.start()
    t.join()
    stop[0] = True
    if with_cpu_thread:
        s.join()
    return sorted(lat)[len(lat) // 2] * 1000


print(f"alone: median wake-up delay {median_delay(False):.2f} ms")
for iv in INTERVALS:
    sys.setswitchinterval(iv)
    d = median_delay(True)
    print(f"switch interval {iv * 1000:4.0f} ms, beside a CPU thread: median delay {d:6.2f} ms")
    print(f"RESULT {iv * 1000:.0f} {d:.3f}")
