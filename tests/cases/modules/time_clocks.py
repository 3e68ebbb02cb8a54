# time's clocks as CPython on Linux: monotonic and perf_counter are
# CLOCK_MONOTONIC (comparable between processes, equal to loop.time()),
# clock_gettime/clock_getres with the CLOCK_* ids, get_clock_info.
import asyncio
import subprocess
import sys
import time


async def main():
    loop = asyncio.get_running_loop()
    print("loop.time() is time.monotonic():", abs(loop.time() - time.monotonic()) < 0.05)
    fired = []
    loop.call_at(time.monotonic() + 0.01, fired.append, "call_at(time.monotonic() + 0.01)")
    await asyncio.sleep(0.05)
    print(fired)


asyncio.run(main())
before = time.monotonic()
child = float(subprocess.run([sys.executable, "-c", "import time; print(time.monotonic())"],
                             capture_output=True, text=True).stdout)
after = time.monotonic()
print("a child's monotonic() lies between the parent's:", before <= child <= after)
print("perf_counter agrees:", abs(time.monotonic() - time.perf_counter()) < 0.05,
      abs(time.monotonic_ns() / 1e9 - time.monotonic()) < 0.05)
for name in ("time", "monotonic", "perf_counter", "process_time", "thread_time"):
    info = time.get_clock_info(name)
    print(name, info.implementation, info.monotonic, info.adjustable, info.resolution, type(info).__name__)
for bad in ("x", 5):
    try:
        time.get_clock_info(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_PROCESS_CPUTIME_ID, time.CLOCK_THREAD_CPUTIME_ID,
      time.CLOCK_MONOTONIC_RAW, time.CLOCK_BOOTTIME, time.CLOCK_TAI)
print(abs(time.clock_gettime(time.CLOCK_REALTIME) - time.time()) < 1,
      abs(time.clock_gettime_ns(time.CLOCK_MONOTONIC) / 1e9 - time.monotonic()) < 0.05,
      time.clock_getres(time.CLOCK_MONOTONIC))
for args in ((12345,), ("x",), (2**40,)):
    try:
        time.clock_gettime(*args)
    except (OSError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
