# A pool worker that dies while running a task: that task and the ones
# queued behind it fail (gilt raises at once; CPython's get(timeout) times
# out), the pool still shuts down, and the script goes on.
import multiprocessing as mp
import os


def die(code):
    os._exit(code)


def add(a, b):
    return a + b


if __name__ == "__main__":
    mp.set_start_method('spawn')
    with mp.Pool(1) as pool:
        print(pool.apply(add, (1, 2)))
        dying = pool.apply_async(die, (3,))
        queued = [pool.apply_async(add, (i, i)) for i in range(3)]
        try:
            dying.get(timeout=5)
            print("no error")
        except Exception:
            print("the dying task raised")
        for r in queued:
            r.wait(5)
            print("ready:", r.ready())
    print("done")
