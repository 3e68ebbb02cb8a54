import multiprocessing as mp
import os
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

def maybe_die(x):
    if x == 2:
        os._exit(1)
    time.sleep(0.02)
    return x

if __name__ == "__main__":
    mp.set_start_method('spawn')
    start = time.time()
    with ProcessPoolExecutor(max_workers=2) as ex:
        fs = [ex.submit(maybe_die, i) for i in range(6)]
        broken = 0
        for f in fs:
            try:
                f.result(timeout=10)
            except BrokenProcessPool:
                broken += 1
        print("some broken", broken > 0)
        try:
            ex.submit(maybe_die, 0)
        except BrokenProcessPool:
            print("submit after break raises")
    print("within a second", time.time() - start < 5)
