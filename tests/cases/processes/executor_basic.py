import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor, as_completed, wait, ALL_COMPLETED

def cube(x):
    return x ** 3

def fail(x):
    raise KeyError(x)

if __name__ == "__main__":
    mp.set_start_method('spawn')
    with ProcessPoolExecutor(max_workers=2) as ex:
        print(list(ex.map(cube, range(6))))
        fs = [ex.submit(cube, i) for i in range(4)]
        print(sorted(f.result() for f in as_completed(fs)))
        done, not_done = wait(fs, return_when=ALL_COMPLETED)
        print(len(done), len(not_done))
        f = ex.submit(fail, "k")
        print(type(f.exception(timeout=10)).__name__)
        try:
            f.result()
        except KeyError as e:
            print("KeyError", e)
        print(ex.submit(pow, 3, 4).result())
    try:
        ex.submit(cube, 1)
    except RuntimeError as e:
        print(e)
