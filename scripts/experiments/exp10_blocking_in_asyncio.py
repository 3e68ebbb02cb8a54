# Run:     gilt --timeline scripts/experiments/exp10_blocking_in_asyncio.py
# Observe: a heartbeat task ticks every 20 ms; time.sleep in a coroutine freezes the whole loop
#          (await asyncio.sleep does not): gilt reports "Executing <Task…> took" and draws it as !.
import asyncio
import sys
import time

BLOCK = 0.1 if sys.argv[1:] == ["small"] else 0.3


async def heartbeat(gaps, stop):
    last = time.perf_counter()
    while not stop:
        await asyncio.sleep(0.02)
        now = time.perf_counter()
        gaps.append(now - last)
        last = now


async def worker(blocking):
    await asyncio.sleep(0.05)
    if blocking:
        time.sleep(BLOCK)               # blocks the loop: nothing else runs
    else:
        await asyncio.sleep(BLOCK)      # yields to the loop
    await asyncio.sleep(0.05)


async def main(blocking):
    gaps, stop = [], []
    hb = asyncio.create_task(heartbeat(gaps, stop))
    await worker(blocking)
    stop.append(True)
    await hb
    return max(gaps) * 1000


for blocking in (False, True):
    worst = asyncio.run(main(blocking))
    how = "time.sleep (blocking)" if blocking else "await asyncio.sleep"
    print(f"{how:22}: longest heartbeat gap {worst:.0f} ms")
    print(f"RESULT {int(blocking)} {worst:.1f}")
