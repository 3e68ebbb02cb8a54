# Run:     gilt --report gil.html scripts/experiments/exp11_io_beside_cpu.py  (open gil.html)
# Observe: the picture shows one CPU thread holding the GIL (green) and two I/O-style threads
#          that sleep (light blue), then wait (red) for their turn before each short burst.
import sys
import threading
import time

ROUNDS = 10 if sys.argv[1:] == ["small"] else 40


def cpu():
    n = 0
    for _ in range(ROUNDS * 200_000):
        n += 1


def io(name):
    for _ in range(ROUNDS):
        time.sleep(0.005)
        sum(range(200))


threads = [threading.Thread(target=cpu, name="cpu")]
threads += [threading.Thread(target=io, args=(f"io-{i}",), name=f"io-{i}") for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"RESULT done {len(threads)} threads")
