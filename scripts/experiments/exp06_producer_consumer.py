# Run:     gilt --timeline scripts/experiments/exp06_producer_consumer.py
# Observe: one producer, three consumers and a bounded queue.Queue: consumers block in
#          get() (no CPU, no GIL) until work arrives; 3 consumers finish ~3x sooner than 1.
import queue
import sys
import threading
import time

ITEMS = 12 if sys.argv[1:] == ["small"] else 30
WORK = 0.02


def run(consumers):
    q = queue.Queue(maxsize=5)
    results = []
    lock = threading.Lock()

    def producer():
        for i in range(ITEMS):
            q.put(i)
        for _ in range(consumers):
            q.put(None)

    def consumer():
        while (item := q.get()) is not None:
            time.sleep(WORK)            # "process" the item (I/O-like)
            with lock:
                results.append(item * item)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=producer)]
    threads += [threading.Thread(target=consumer, name=f"consumer-{i}") for i in range(consumers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0, sum(results), len(results)


for c in (1, 3):
    took, total, n = run(c)
    print(f"{c} consumer(s): {n} items, sum of squares {total}, {took:.2f} s")
    print(f"RESULT {c} {took:.3f} {n}")
