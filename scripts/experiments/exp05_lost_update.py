# Run:     gilt --switch instr=1 scripts/experiments/exp05_lost_update.py   (then with --gil off)
# Observe: "counter += 1" is read, add, write: threads switching between them lose updates,
#          even with the GIL on (it protects the interpreter, not your code). The Lock fixes it.
import sys
import threading

N = 20_000 if sys.argv[1:] == ["small"] else 200_000
counter = 0
lock = threading.Lock()


def unsafe():
    global counter
    for _ in range(N):
        counter += 1


def safe():
    global counter
    for _ in range(N):
        with lock:
            counter += 1


for fn in (unsafe, safe):
    counter = 0
    threads = [threading.Thread(target=fn) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"{fn.__name__:6}: expected {4 * N}, got {counter}, lost {4 * N - counter}")
    print(f"RESULT {fn.__name__} lost {4 * N - counter}")
