# 1,000 threads each take a shared Lock 1,000 times: the total must be exact.
import threading

N_THREADS = 1000
N_ITER = 1000
counter = 0
lock = threading.Lock()

def work():
    global counter
    for _ in range(N_ITER):
        with lock:
            counter += 1

threads = [threading.Thread(target=work) for _ in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"{N_THREADS} threads x {N_ITER} locked increments: {counter} (expected {N_THREADS * N_ITER})")
