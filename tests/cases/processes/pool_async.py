import multiprocessing as mp
import time

def slow(x):
    time.sleep(x)
    return x

def boom(x):
    raise ZeroDivisionError("boom %d" % x)

if __name__ == "__main__":
    mp.set_start_method('spawn')
    got = []
    with mp.Pool(2) as pool:
        r = pool.apply_async(slow, (0.01,), callback=got.append)
        print(r.get(timeout=10), r.ready(), r.successful())
        m = pool.map_async(slow, [0, 0, 0])
        print(m.get(10))
        r = pool.apply_async(slow, (0.5,))
        try:
            r.get(timeout=0.01)
        except mp.TimeoutError:
            print("timeout", r.ready())
        e = pool.apply_async(boom, (3,))
        e.wait(10)
        print(e.ready(), e.successful())
        try:
            e.get()
        except ZeroDivisionError as ex:
            print("raised", ex)
    print(got)
