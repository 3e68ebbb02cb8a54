# Issue 10: a Pool worker killed with SIGKILL while it runs a task. The
# task fails (gilt raises at once; CPython's get(timeout) times out): no
# hang, no false deadlock report, and the pool can still be closed.
import multiprocessing as mp
import os
import signal


def suicide(_):
    os.kill(os.getpid(), signal.SIGKILL)


def square(x):
    return x * x


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.map(square, range(5)))
        r = pool.apply_async(suicide, (1,))
        try:
            r.get(timeout=10)
            print("no error?")
        except Exception:
            print("the killed task failed")
    print("done")
