# Run:     gilt scripts/experiments/exp07_asyncio_vs_threads.py
# Observe: 10,000 waits of 0.5 s: asyncio runs them all on one thread in ~0.5 s with little
#          memory; threads need one OS thread each (here batches of 500) and far more time.
import asyncio
import sys
import threading
import time

N = 1000 if sys.argv[1:] == ["small"] else 10_000
WAIT = 0.5
BATCH = 500


def peak_rss_mb():
    try:
        with open("/proc/self/status") as f:
            text = f.read()
        for line in text.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


async def main():
    await asyncio.gather(*(asyncio.sleep(WAIT) for _ in range(N)))


t0 = time.perf_counter()
asyncio.run(main())
t_async = time.perf_counter() - t0
rss_async = peak_rss_mb()
print(f"asyncio: {N} waits in {t_async:.2f} s, peak memory {rss_async:.0f} MB")

t0 = time.perf_counter()
for start in range(0, N, BATCH):
    threads = [threading.Thread(target=time.sleep, args=(WAIT,)) for _ in range(min(BATCH, N - start))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
t_threads = time.perf_counter() - t0
print(f"threads: {N} waits in {t_threads:.2f} s ({BATCH} threads at a time), peak memory {peak_rss_mb():.0f} MB")
print(f"RESULT {t_async:.3f} {t_threads:.3f}")
