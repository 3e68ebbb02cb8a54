import threading
import time
barrier = threading.Barrier(3)
outcomes = []
lock = threading.Lock()
def party():
    try:
        barrier.wait()
        result = "passed"
    except threading.BrokenBarrierError:
        result = "broken"
    with lock:
        outcomes.append(result)
threads = [threading.Thread(target=party) for _ in range(2)]
for t in threads:
    t.start()
while barrier.n_waiting < 2:
    time.sleep(0.001)
barrier.abort()
for t in threads:
    t.join()
print(outcomes, barrier.broken)
try:
    barrier.wait()
except threading.BrokenBarrierError as e:
    print("BrokenBarrierError raised", type(e).__name__, issubclass(threading.BrokenBarrierError, RuntimeError))
barrier.reset()
print("after reset broken =", barrier.broken)
b1 = threading.Barrier(1)
print("single party wait index:", b1.wait())
