# Run:     gilt scripts/experiments/exp16_signals.py   (compare with python3; try --timeline)
# Observe: whichever thread the OS interrupts, a Python signal handler runs in
#          the main thread, and only between two of its bytecodes:
#          1. SIGTERM arrives while a worker thread spins in a CPU loop and the
#             main thread waits in join(): the handler runs in MainThread, at once;
#          2. SIGTERM arrives during one long bytecode of the main thread (a
#             big sum()): the handler waits until it returns;
#             during a Python-level loop it runs within a few bytecodes;
#          3. asyncio's loop.add_signal_handler(SIGINT/SIGTERM): the callback runs
#             as an ordinary loop callback in the loop's thread, while a
#             CPU-bound thread runs beside the loop.
import asyncio
import os
import signal
import subprocess
import sys
import threading
import time

SMALL = sys.argv[1:] == ["small"]
SPIN = 0.3 if SMALL else 1.0
events = []


def on_term(signum, frame):
    events.append((signal.Signals(signum).name, threading.current_thread().name, time.perf_counter()))


def spin(seconds):
    end = time.perf_counter() + seconds
    n = 0
    while time.perf_counter() < end:
        n += 1
    return n


def send_later(sig, delay):
    """Sends sig to this process from outside (a child) after delay seconds."""
    return subprocess.Popen(["sh", "-c", f"sleep {delay}; kill -{sig.name[3:]} {os.getpid()}"])


signal.signal(signal.SIGTERM, on_term)

# 1. The worker thread is running; the main thread waits in join().
worker = threading.Thread(target=spin, args=(SPIN,), name="worker")
worker.start()
kill_at = time.perf_counter()
os.kill(os.getpid(), signal.SIGTERM)   # any thread may take the OS signal
worker.join()
name, thread, at = events.pop()
print(f"1. {name} handler ran in {thread} (main waiting in join, worker spinning)")
print(f"RESULT join {thread} {(at - kill_at) * 1000:.1f}")

# 2. One long bytecode in the main thread: the handler waits for it.
killer = send_later(signal.SIGTERM, 0.05)
t0 = time.perf_counter()
sum(range(5_000_000 if SMALL else 10_000_000))   # one bytecode: a long native call
t1 = time.perf_counter()
killer.wait()
while not events:                        # bytecodes: the handler runs here
    pass
name, thread, at = events.pop()
print(f"2. during one long native call of {(t1 - t0) * 1000:.0f} ms, signalled at ~50 ms: "
      f"the handler ran {(at - t0) * 1000:.0f} ms after the call began")
print(f"RESULT native {(at - t0) / (t1 - t0):.2f}")

killer = send_later(signal.SIGTERM, 0.05)
t0 = time.perf_counter()
spin(1.0)                                # Python bytecodes: the handler gets in
t1 = time.perf_counter()
killer.wait()
name, thread, at = events.pop()
print(f"   during a Python loop of {(t1 - t0) * 1000:.0f} ms: it ran {(at - t0) * 1000:.0f} ms "
      f"after the loop began, in {thread}")
print(f"RESULT python {(at - t0) / (t1 - t0):.2f}")


# 3. asyncio: signals become loop callbacks.
async def main():
    loop = asyncio.get_running_loop()
    got = []
    done = asyncio.Event()

    def on_signal(sig):
        got.append((sig.name, threading.current_thread().name))
        if len(got) == 2:
            done.set()

    loop.add_signal_handler(signal.SIGTERM, on_signal, signal.SIGTERM)
    loop.add_signal_handler(signal.SIGINT, on_signal, signal.SIGINT)
    cpu = asyncio.create_task(asyncio.to_thread(spin, SPIN))  # a CPU-bound thread beside
    await asyncio.sleep(0.02)
    send_later(signal.SIGTERM, 0.01).wait()
    await asyncio.sleep(0.02)
    send_later(signal.SIGINT, 0.01).wait()
    await done.wait()
    await cpu
    for sig, thread in got:
        print(f"3. {sig} via add_signal_handler: callback ran in {thread} as a loop callback")
    print(f"RESULT asyncio {len(got)}")


asyncio.run(main())
