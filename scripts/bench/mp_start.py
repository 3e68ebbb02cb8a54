# Process start + join of a trivial target (spawn start method on both sides).
import multiprocessing
import statistics
import time

def noop():
    pass

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    times = []
    for _ in range(15):
        t = time.perf_counter()
        p = multiprocessing.Process(target=noop)
        p.start()
        p.join()
        times.append(time.perf_counter() - t)
        assert p.exitcode == 0
    print(f"process start+join median {statistics.median(times) * 1000:.1f} ms")
