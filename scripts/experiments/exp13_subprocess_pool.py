# Run:     gilt scripts/experiments/exp13_subprocess_pool.py     (add --stats: "process" waits)
# Observe: 20 `subprocess.run(["sleep", "0.1"])` calls take 2 s one after another but
#          ~0.1-0.3 s from a pool of 20 threads: waiting for a child process
#          (os.waitpid) releases the GIL, so the children run side by side even
#          with the GIL on. Starting each child (fork + exec) is the part that
#          does not overlap, which is why the pool is not quite 20x faster.
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

N = 6 if sys.argv[1:] == ["small"] else 20
CMD = ["sleep", "0.1"]


def task(_):
    return subprocess.run(CMD).returncode


t0 = time.perf_counter()
codes = [task(i) for i in range(N)]
seq = time.perf_counter() - t0

t0 = time.perf_counter()
with ThreadPoolExecutor(max_workers=N) as pool:
    codes += list(pool.map(task, range(N)))
par = time.perf_counter() - t0
assert codes == [0] * (2 * N), codes
print(f"{N} runs of {' '.join(CMD)}: sequential {seq:.2f} s, pool of {N} threads {par:.2f} s")
print(f"RESULT speedup {seq / par:.1f}x (ideal {N}x)")
