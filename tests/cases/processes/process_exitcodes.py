import multiprocessing as mp
import sys
import time

def ok():
    pass

def fails():
    raise ValueError("child failed")

def exits(n):
    sys.exit(n)

def sleeper():
    time.sleep(30)

if __name__ == "__main__":
    mp.set_start_method('spawn')
    for target, args in [(ok, ()), (fails, ()), (exits, (3,)), (exits, (None,))]:
        p = mp.Process(target=target, args=args)
        p.start()
        p.join()
        print(target.__name__, args, p.exitcode)
    p = mp.Process(target=sleeper)
    p.start()
    p.terminate()
    p.join()
    print("terminated", p.exitcode)
    p = mp.Process(target=sleeper, daemon=True)
    p.start()
    p.kill()
    p.join()
    print("killed", p.exitcode)
