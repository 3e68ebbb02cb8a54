# Stress (issue 10): many threads each doing many increments of one shared
# counter under a Lock; the total is exact with the GIL on and off.
import threading

THREADS = 1000
INCREMENTS = 200

total = 0
lock = threading.Lock()
start = threading.Barrier(THREADS)


def bump():
    global total
    start.wait()
    for _ in range(INCREMENTS):
        with lock:
            total += 1


threads = [threading.Thread(target=bump) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total, total == THREADS * INCREMENTS)
print(threading.active_count())
