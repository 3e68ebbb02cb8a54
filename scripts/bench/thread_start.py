# Median time to start and join a thread running a trivial function.
import threading
import time

def noop():
    pass

samples = []
for _ in range(300):
    t0 = time.perf_counter()
    t = threading.Thread(target=noop)
    t.start()
    t.join()
    samples.append(time.perf_counter() - t0)
samples.sort()
print(f"thread start+join median {samples[len(samples) // 2] * 1e6:.0f} us")
