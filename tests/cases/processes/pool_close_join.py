# Pool without a with-block: imap's next(timeout), close() then join(),
# and a pool that is used again after an earlier one was joined.
import multiprocessing as mp
import time


def slow_square(x):
    if x == 0:
        time.sleep(0.5)
    return x * x


if __name__ == "__main__":
    mp.set_start_method('spawn')
    pool = mp.Pool(2)
    it = pool.imap(slow_square, [0, 1, 2])
    try:
        it.next(timeout=0.01)
    except mp.TimeoutError:
        print("next timed out")
    print(it.next(timeout=10), list(it))
    print(sorted(pool.imap_unordered(slow_square, range(4))))
    pool.close()
    try:
        pool.map(slow_square, [1])
    except ValueError as e:
        print("after close:", e)
    pool.join()
    print("joined")
    pool = mp.Pool(1)
    print(pool.map(slow_square, [3, 4]))
    pool.close()
    pool.join()
    print("done")
