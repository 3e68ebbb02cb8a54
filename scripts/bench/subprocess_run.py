# Latency of subprocess.run(['true']): the median of N runs.
import statistics
import subprocess
import sys
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200
times = []
codes = set()
for _ in range(N):
    t0 = time.perf_counter()
    codes.add(subprocess.run(["true"]).returncode)
    times.append(time.perf_counter() - t0)
print(f"{N} runs of subprocess.run(['true']), exit codes {sorted(codes)}, median {statistics.median(times) * 1e6:.0f} us")
